//! Telling same-topic reports apart: which articles are on the question's topic, and how much a
//! clause placing the question ("Saat harga kopi anjlok di pasar lama, …") speaks for each of
//! them. A clause names a detail of one report; the answer sits in another paragraph of that same
//! report, so the evidence is the article's, not the best passage's.

use super::{DateIndex, Scored, TOPIC_FLOOR};
use crate::nlu::dates::QuestionDates;
use crate::nlu::index::Index;
use crate::nlu::query::{Query, Term};

/// Articles whose best passage is within this share of the best score are "on the same topic".
const SAME_TOPIC: f32 = 0.8;
/// For "terbaru", an article is on the question's subject when its title and lead hold at least
/// this share of what the fullest one holds of it ([`subject_share`]).
const SUBJECT_SHARE: f32 = 0.8;
/// … and at least this share of the subject itself: where no title and lead hold most of it, the
/// shares tell nothing (a unit word held by every report).
const MOST_OF_IT: f32 = 0.5;

/// The words of a clause placing the question that can tell reports apart: known to the archive
/// and not generic ("harga" is in every price report).
pub(super) fn clause_terms(q: &Query) -> Vec<&Term> {
    q.terms
        .iter()
        .filter(|t| t.placing && !t.generic && t.known())
        .collect()
}

/// The share of the clause's words the article holds somewhere (title included), each weighed by
/// how telling it is that an article holds it (`ln(articles / articles holding it)`): the report
/// a reader places by its detail ("waktu pasar lama tutup") holds the detail's words, a sibling
/// on the same topic holds only the topic's. 0 with no clause.
pub(super) fn clause_share(clause: &[&Term], index: &Index, doc: usize) -> f32 {
    weighted_share(clause, index, |t| super::doc_holds(t, index, doc))
}

/// The share of `words`, each weighed by how telling it is that an article holds it
/// (`ln(articles / articles holding it)`), for which `holds` is true; 0 for no words.
fn weighted_share(words: &[&Term], index: &Index, holds: impl Fn(&Term) -> bool) -> f32 {
    let (mut all, mut held) = (0.0f32, 0.0f32);
    for t in words {
        let weight = super::doc_weight(t, index);
        all += weight;
        if holds(t) {
            held += weight;
        }
    }
    if all > 0.0 { held / all } else { 0.0 }
}

/// Whether the article holds a digit group of the question as the reader quotes it: a group of a
/// figure with a separator ("6,2" reads "6" and "2") only where the article quotes that whole
/// figure, a whole number before a unit ("75 bps") only where the article writes it whole — the
/// groups alone are in every report ("3,75", "5,6"), so a figure no report gives would otherwise
/// look held. Any other term: true.
pub(super) fn whole(t: &Term, qd: &QuestionDates, dix: &DateIndex, doc: usize) -> bool {
    if !crate::nlu::text::has_digit(&t.word) {
        return true;
    }
    let of: Vec<String> = qd
        .figures
        .iter()
        .filter(|f| f.split('_').any(|g| g == t.word))
        .cloned()
        .collect();
    let figure_ok = of.is_empty() || dix.figures_held(doc, &of) > 0.0;
    let number_ok =
        !qd.numbers.contains(&t.word) || dix.figures_held(doc, std::slice::from_ref(&t.word)) > 0.0;
    figure_ok && number_ok
}

/// A word-level check: the article quotes every figure the question quotes with a separator
/// ("magnitudo 6,2", "US$5.000") and every whole number it writes before a unit ("75 bps"). A
/// reader quoting a figure places the question in the report that gives it; a report giving other
/// figures on the same topic answers another question.
pub(super) fn figures_quoted(
    qd: &QuestionDates,
    dix: &DateIndex,
    doc: usize,
) -> Result<(), crate::nlu::article::Refusal> {
    let missing = qd
        .figures
        .iter()
        .chain(&qd.numbers)
        .find(|f| !dix.quotes(doc, f));
    match missing {
        Some(f) => Err(crate::nlu::article::Refusal::MissingName(
            f.replace('_', ","),
        )),
        None => Ok(()),
    }
}

/// The articles on the question's topic. An article's title names the topic: the best-scoring
/// article whose title holds a specific word of the question (not generic, not "terbaru", not a
/// figure: a figure in a headline is that report's own; for "terbaru", not a prefixed verb),
/// else the best article. The question's
/// words that title holds are the topic words, and the articles whose titles or lead paragraphs
/// hold them all (a headline may carry only the figure or the place and leave "what" to the first
/// line), scoring at least `TOPIC_FLOOR` of the best, are on it — a report that only mentions the
/// topic in passing is not (for "latest index close", the newest currency report that mentions
/// the index is not on it). The best passage may be another topic's that echoes the asked detail
/// ("posko pengungsi" of a flood for a quake question), so its title need not name the topic.
/// With no topic word in any candidate's title: the articles scoring near the best. For
/// "terbaru", the headline naming what the question counts (its head noun) names the topic first,
/// and an article whose title and lead hold most of the question's subject ([`on_subject`]) is on
/// it too.
pub(super) fn same_topic(
    q: &Query,
    qd: &QuestionDates,
    ranked: &[Scored],
    index: &Index,
) -> Vec<usize> {
    let Some(best) = ranked.iter().max_by(|a, b| a.score.total_cmp(&b.score)) else {
        return Vec::new();
    };
    let top = best.score;
    let in_title = |t: &Term, doc: usize| t.in_terms(&index.docs[doc].title_terms);
    let in_lead = |t: &Term, doc: usize| {
        let d = &index.docs[doc];
        in_title(t, doc)
            || (!d.paragraphs.is_empty() && t.in_terms(&index.passages[d.first_passage].terms))
    };
    let subject = subject_words(q, qd, index);
    let topic_in = |doc: usize| -> Vec<&Term> {
        // The title's words, split once when the index was built.
        let title_words = &index.docs[doc].title_words;
        subject
            .iter()
            .copied()
            .filter(|t| in_title(t, doc) && !only_a_unit(t, title_words))
            .collect()
    };
    let mut by_score: Vec<&Scored> = ranked
        .iter()
        .filter(|s| s.score >= TOPIC_FLOOR * top)
        .collect();
    by_score.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut titled = by_score
        .iter()
        .map(|s| topic_in(index.passages[s.passage].doc as usize))
        .filter(|t| !t.is_empty());
    // For "terbaru", a headline naming what the question counts ("penumpang") names its topic
    // before one sharing only a modifier ("Tiket Pesawat" for "penumpang pesawat domestik"): the
    // newest report of the modifier is another subject's. Only if it names as many of the
    // question's words as the best one's headline: one naming the head alone (through an
    // abbreviation another subject's long form shares) is on another subject.
    // (Without "terbaru" the first such headline is the topic: the others are not read.)
    let topic = if qd.latest {
        let mut all: Vec<Vec<&Term>> = titled.collect();
        let first = all.first().map_or(0, Vec::len);
        match all
            .iter()
            .position(|t| t.len() >= first && t.iter().any(|t| t.head))
        {
            Some(k) => all.swap_remove(k),
            None => all.into_iter().next().unwrap_or_default(),
        }
    } else {
        titled.next().unwrap_or_default()
    };
    let subj = if qd.latest {
        on_subject(&subject, ranked, index, top)
    } else {
        Vec::new()
    };
    let mut docs: Vec<usize> = Vec::new();
    for s in ranked {
        let doc = index.passages[s.passage].doc as usize;
        // An article already on it is not weighed again for another of its paragraphs.
        if docs.contains(&doc) {
            continue;
        }
        let on_topic = if subj.contains(&doc) {
            true
        } else if topic.is_empty() {
            s.score >= SAME_TOPIC * top
        } else {
            s.score >= TOPIC_FLOOR * top
                && (topic.iter().all(|t| in_lead(t, doc))
                    || (qd.latest
                        && topic.iter().all(|t| super::doc_holds(t, index, doc))
                        && title_share(&topic, index, doc) >= 0.5))
        };
        if on_topic {
            docs.push(doc);
        }
    }
    docs
}

/// The question's words that can name its subject: not generic, not relative ("terbaru"), no
/// figure (a figure in a headline is that report's own).
fn subject_words<'q>(q: &'q Query, qd: &QuestionDates, index: &Index) -> Vec<&'q Term> {
    q.terms
        .iter()
        .filter(|t| !t.generic && !qd.relative_words.contains(&t.word))
        .filter(|t| !crate::nlu::text::has_digit(&t.word))
        // A verb ("ditetapkan") says what happened, worded by each report its own way
        // ("menetapkan"): a reader asking for the newest report names the topic by what it
        // happened to. Without "terbaru" the topic stays narrow: a near tie's bonus goes
        // only to a report plainly on the same story.
        .filter(|t| !(qd.latest && index.lx.is_prefixed_verb(&t.word)))
        // A gradable word ("naik", "tinggi") tells how a measure moved, in any report's
        // headline ("Iuran Sampah … Naik"), not what the report is about.
        .filter(|t| !index.lx.is_gradable(&t.word))
        .collect()
}

/// The share of the subject's words (each weighed by how telling it is that an article holds
/// it) the article's title or lead paragraph holds: a report on the subject names it where it
/// opens, a report on another subject shares a word or two.
fn subject_share(subject: &[&Term], index: &Index, doc: usize) -> f32 {
    let d = &index.docs[doc];
    weighted_share(subject, index, |t| {
        t.in_terms(&d.title_terms)
            || (!d.paragraphs.is_empty() && t.in_terms(&index.passages[d.first_passage].terms))
    })
}

/// The share of the words (weighed as in [`weighted_share`]) the article's title holds.
fn title_share(words: &[&Term], index: &Index, doc: usize) -> f32 {
    weighted_share(words, index, |t| t.in_terms(&index.docs[doc].title_terms))
}

/// For "terbaru", the articles on the subject whatever the topic headline says: those scoring at
/// least `TOPIC_FLOOR` of the best whose title and lead hold most of the question's subject and
/// nearly as much as the fullest one's. The newest report of the subject may headline it in other
/// words than the best-scoring one ("Tebar Dividen" against "Dividen Interim Bernilai Jumbo") and
/// leave a word of that headline out of its lead.
fn on_subject(subject: &[&Term], ranked: &[Scored], index: &Index, top: f32) -> Vec<usize> {
    let mut shares: Vec<(usize, f32)> = Vec::new();
    for s in ranked.iter().filter(|s| s.score >= TOPIC_FLOOR * top) {
        let doc = index.passages[s.passage].doc as usize;
        if !shares.iter().any(|(d, _)| *d == doc) {
            shares.push((doc, subject_share(subject, index, doc)));
        }
    }
    let most = shares.iter().map(|p| p.1).fold(0.0f32, f32::max);
    shares
        .into_iter()
        .filter(|&(_, share)| share >= SUBJECT_SHARE * most && share >= MOST_OF_IT)
        .map(|(doc, _)| doc)
        .collect()
}

/// Whether the title holds the word only as the unit of a figure ("naik 0,3%" reads "persen"):
/// the figure is that report's own, its unit names no topic the others share. `words` are the
/// title's ([`crate::nlu::text::words`]).
pub(super) fn only_a_unit(t: &Term, words: &[String]) -> bool {
    let is_t = |w: &String| *w == t.word || t.forms.contains(w);
    let mut after_figure = false;
    for (i, w) in words.iter().enumerate() {
        if is_t(w) {
            if i == 0 || !crate::nlu::text::has_digit(&words[i - 1]) {
                return false;
            }
            after_figure = true;
        }
    }
    after_figure
}
