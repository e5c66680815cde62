//! The answer-or-refuse decision over the whole archive: the passages ranked by words
//! ([`article::rank`]) are re-weighed by date evidence ([`dates`](super::dates)) and by whether a sentence holds
//! the kind of value asked for ([`answer_type`]); the best one's measured features go through a
//! logistic model whose weights and threshold are fitted on the tuning set
//! (`scripts/fit_answer.py`) and kept in `config/default.toml`'s `[answer]` section.

use std::borrow::Cow;

use super::article::{self, Scored};
use super::condition::{self, Verdict};
use super::dates::QuestionDates;
use super::index::Index;
use super::intents::Thresholds;
use super::lang::Lang;
use super::lexicon::Lexicon;
use super::passage;
use super::query::{AnswerType, Query, Term};
use relation::Definition;
#[cfg(test)]
use siblings::only_a_unit;
use siblings::{clause_share, clause_terms, same_topic};

mod compound;
mod date_index;
mod evidence;
mod holding;
mod model;
mod period;
mod quote_after;
mod relation;
mod siblings;
mod speaker;

pub use date_index::DateIndex;
use holding::{clause_held, doc_holds, doc_weight, single};
pub use model::{DecisionModel, Features};

/// How much a full date agreement (1.0) or a clear mismatch (-1.0) moves a passage's score.
const DATE_WEIGHT: f32 = 0.25;
/// "Terbaru", "sekarang": the newest article on the topic is lifted to the best's score and this
/// above it — the reader asked for the newest report, not for the one that best echoes the words.
const LATEST_BONUS: f32 = 0.2;
/// No date at all: a running figure is asked about now, so the newest report wins a near tie.
const RECENCY_TIE_BONUS: f32 = 0.04;
/// How much an article holding every salient term of the question (a number, a name, a rare
/// word) gains over one holding none: on one topic, the figure or name the reader quotes tells
/// which report ("yang naik 1,27 persen", "3.100 jiwa").
const SALIENT_DOC_WEIGHT: f32 = 0.12;
/// How much an article quoting every figure the question quotes ("ditutup di 1.234,56") gains
/// over one quoting none: the whole figure, unlike its digit groups among the salient terms, is
/// in few reports.
const FIGURE_DOC_WEIGHT: f32 = 0.15;
/// The same for the whole numbers it quotes ("naik 35 bps"): less, as a whole number is in more
/// reports than a figure with a separator.
const NUMBER_DOC_WEIGHT: f32 = 0.1;
/// An article whose title holds the topic words is on the topic when its best passage scores at
/// least this share of the best.
const TOPIC_FLOOR: f32 = 0.4;
/// How much an article whose title names the question's date (a year or a month, "inflasi 2030",
/// "Oktober 2031") gains over one that only agrees by its publication date or text: the title
/// says what time the report is about, so among same-topic reports it breaks the tie.
const TITLE_DATE_BONUS: f32 = 0.08;
/// How much an article holding every word of a clause placing the question gains over one holding
/// none (the words weighed by how few articles hold them, [`siblings::clause_share`]).
const CLAUSE_DOC_WEIGHT: f32 = 0.1;

/// How much an article whose value of a measure meets the question's condition on it ("di atas
/// 4,35 persen") gains, and one whose values all fail it loses.
const CONDITION_WEIGHT: f32 = 0.3;

/// The passage chosen to answer, and whether to.
#[derive(Debug, Clone)]
pub struct Choice {
    pub doc: usize,
    /// The paragraphs to quote, in order.
    pub paragraphs: Vec<usize>,
    /// The answering sentence: (paragraph, byte range in it).
    pub sentence: Option<(usize, std::ops::Range<usize>)>,
    pub features: Features,
    /// The first word-level check that failed (what `checks` = 0 stands for), for tuning views.
    pub refusal: Option<article::Refusal>,
    pub probability: f32,
    pub answer: bool,
}

/// The question without the words that only spelled its dates ("21", "november", "2019"):
/// dates are matched as dates, not as words a passage must repeat.
/// A relative time word ("terbaru", "terakhir") stays a term but is neither salient nor more
/// than generic: it says when, not what about, and the report rarely repeats it.
pub fn without_date_words<'a>(q: &'a Query, qd: &QuestionDates) -> Cow<'a, Query> {
    // Most questions spell no date and say no "terbaru": nothing to take out, so no copy of the
    // question (its words and terms are a good share of the allocations per question).
    if !q
        .terms
        .iter()
        .any(|t| qd.words.contains(&t.word) || qd.relative_words.contains(&t.word))
    {
        return Cow::Borrowed(q);
    }
    let mut out = q.clone();
    out.terms.retain(|t| !qd.words.contains(&t.word));
    for t in out.terms.iter_mut() {
        if qd.relative_words.contains(&t.word) {
            t.salient = false;
            t.rare = false;
            t.generic = true;
            t.head = false;
        }
    }
    if out.terms.is_empty() {
        return Cow::Borrowed(q);
    }
    Cow::Owned(out)
}

/// Ranks, re-weighs and decides. `None` when nothing in the archive shares a word.
///
/// Two steps: which article (words, then its dates and recency), then which of its paragraphs
/// (words, plus the sentence holding the kind of value asked for near the question's words) —
/// in a multi-article archive most wrong answers are the right article and the wrong paragraph.
#[allow(clippy::too_many_arguments)]
pub fn choose(
    q: &Query,
    qd: &QuestionDates,
    index: &Index,
    dix: &DateIndex,
    context_doc: Option<usize>,
    th: &Thresholds,
    model: &DecisionModel,
    passage_model: &passage::Model,
    lx: &Lexicon,
) -> Option<Choice> {
    let mut ranked = article::rank(q, index, None, context_doc);
    if ranked.is_empty() {
        return None;
    }
    // Salient evidence: the share of the question's salient terms each candidate article holds.
    // A numbered part's digits ("kuartal 1") are weighed by `period_absent`, in any form.
    let part_digits = period::part_digits(&q.words, lx);
    // A release's reference month dates its figures; who spoke, where and when something
    // happened are dated by the day the report came out, as when the question names the release.
    let by_publication = qd.names_release
        || matches!(
            q.answer_type,
            AnswerType::Person | AnswerType::Place | AnswerType::Date
        );
    let salient: Vec<&Term> = q
        .terms
        .iter()
        .filter(|t| t.salient && !part_digits.contains(&t.word))
        .collect();
    let mut held: Vec<(usize, f32)> = Vec::new();
    if !salient.is_empty() {
        for s in ranked.iter_mut() {
            let doc = index.passages[s.passage].doc as usize;
            let share = match held.iter().find(|(d, _)| *d == doc) {
                Some(&(_, share)) => share,
                None => {
                    let n = salient
                        .iter()
                        .filter(|t| doc_holds(t, index, doc) && siblings::whole(t, qd, dix, doc))
                        .count();
                    let share = n as f32 / salient.len() as f32;
                    held.push((doc, share));
                    share
                }
            };
            s.score += SALIENT_DOC_WEIGHT * share;
        }
    }
    // A clause placing the question names a detail of one report; its answer is in another
    // paragraph of that report, so the passage scores alone cannot tell it from a sibling's.
    let clause = clause_terms(q);
    let mut placed: Vec<(usize, f32)> = Vec::new();
    if !clause.is_empty() {
        for s in ranked.iter_mut() {
            let doc = index.passages[s.passage].doc as usize;
            let share = match placed.iter().find(|(d, _)| *d == doc) {
                Some(&(_, share)) => share,
                None => {
                    let share = clause_share(&clause, index, doc);
                    placed.push((doc, share));
                    share
                }
            };
            s.score += CLAUSE_DOC_WEIGHT * share;
        }
    }
    if !qd.figures.is_empty() || !qd.numbers.is_empty() {
        for s in ranked.iter_mut() {
            let doc = index.passages[s.passage].doc as usize;
            s.score += FIGURE_DOC_WEIGHT * dix.figures_held(doc, &qd.figures)
                + NUMBER_DOC_WEIGHT * dix.figures_held(doc, &qd.numbers);
        }
    }
    // A condition on a figure ("di atas 4,35 persen") picks the report whose value of the measure
    // lies on the asked side. Judged once per candidate article.
    let verdicts = condition_verdicts(q, index, &ranked);
    for s in ranked.iter_mut() {
        let doc = index.passages[s.passage].doc as usize;
        s.score += CONDITION_WEIGHT * verdict_of(&verdicts, doc).sign();
    }
    // Dates: the article's agreement with the question's dates.
    if !qd.dates.is_empty() {
        // Only among reports on the question's topic: another topic's title naming the year
        // ("upah kota lain 2031") says nothing about which report of this one.
        let topic = same_topic(q, qd, &ranked, index);
        for s in ranked.iter_mut() {
            let doc = index.passages[s.passage].doc as usize;
            s.score += DATE_WEIGHT * dix.agreement(doc, &qd.dates, by_publication);
            if topic.contains(&doc) && dix.titled(doc, &qd.dates) {
                s.score += TITLE_DATE_BONUS;
            }
        }
    }
    // Recency: among articles on the same topic, the newest.
    if qd.dates.is_empty() {
        let topic = same_topic(q, qd, &ranked, index);
        let newest = topic
            .iter()
            .filter_map(|&doc| dix.published_day[doc].map(|d| (d, doc)))
            .max();
        // What the question quotes (a name, a figure, a clause's detail) speaks for the reports
        // holding it: with no "terbaru", the newest wins a near tie only if it holds as much.
        let evidence = |doc: usize| {
            let of = |v: &[(usize, f32)]| v.iter().find(|(d, _)| *d == doc).map_or(0.0, |p| p.1);
            of(&held) + of(&placed)
        };
        let most = topic.iter().map(|&d| evidence(d)).fold(0.0f32, f32::max);
        let holds_most = |doc: usize| evidence(doc) + 1e-3 >= most;
        // With "terbaru" the newest report holding what the question quotes: "harga terbaru di
        // <a town one older report covers>" asks for that town's newest report, not the
        // topic's newest, which never names the town.
        let newest = if qd.latest {
            topic
                .iter()
                .filter(|&&doc| holds_most(doc))
                .filter_map(|&doc| dix.published_day[doc].map(|d| (d, doc)))
                .max()
        } else {
            newest.filter(|&(_, doc)| holds_most(doc))
        };
        if let Some((_, doc)) = newest {
            let bonus = if qd.latest {
                let top = ranked.iter().map(|s| s.score).fold(f32::MIN, f32::max);
                let own = ranked
                    .iter()
                    .filter(|s| index.passages[s.passage].doc as usize == doc)
                    .map(|s| s.score)
                    .fold(f32::MIN, f32::max);
                (top - own).max(0.0) + LATEST_BONUS
            } else {
                RECENCY_TIE_BONUS
            };
            for s in ranked.iter_mut() {
                if index.passages[s.passage].doc as usize == doc {
                    s.score += bonus;
                }
            }
        }
    }
    // A numbered part the question names ("kuartal IV 2031") the best article lacks: the
    // articles lacking it step down (see [`period::push_down_absent`]).
    period::push_down_absent(q, index, &mut ranked, lx);
    let date_absent = qd.dates.iter().filter_map(|w| w.year).any(|y| {
        !ranked
            .iter()
            .any(|s| dix.has_year(index.passages[s.passage].doc as usize, y))
    });
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    let doc = index.passages[ranked[0].passage].doc as usize;
    let top_score = ranked[0].score;
    // The paragraph: the one of that article holding what was asked (see [`passage`]).
    // What the question asks, worked out once for the paragraph choice and the speaker check.
    let asked = super::answer_type::Asked::of(q, lx);
    let (mut chosen, fit) =
        passage::choose(q, &asked, qd, index, doc, &ranked[0], lx, passage_model)?;
    // The article's standing against the others is its best passage's.
    chosen.score = top_score;
    let passage = &index.passages[chosen.passage];
    let date = if qd.dates.is_empty() {
        0.0
    } else {
        dix.agreement(doc, &qd.dates, by_publication)
    };
    let mut ranked_for_checks = vec![chosen.clone()];
    ranked_for_checks.extend(
        ranked
            .iter()
            .filter(|s| s.passage != chosen.passage)
            .cloned(),
    );
    let ranked = ranked_for_checks;
    let best = &ranked[0];
    let figures = siblings::figures_quoted(qd, dix, doc);
    let figure_absent = f32::from(u8::from(
        figures.is_err() || evidence::number_absent(&salient, index, dix, doc),
    ));
    let checks = article::decide(q, index, &ranked, th).and_then(|d| figures.map(|()| d));
    let mut paragraphs = match &checks {
        Ok(d) if d.doc == doc && d.paragraphs.contains(&(passage.paragraph as usize)) => {
            d.paragraphs.clone()
        }
        _ => vec![passage.paragraph as usize],
    };
    // Only a "siapa" (or "which official", an Any the asked type refines) can ask a person.
    if matches!(q.answer_type, AnswerType::Person | AnswerType::Any)
        && let Some(k) =
            speaker::named_before(&asked, &index.detail(doc), passage.paragraph as usize)
    {
        paragraphs.push(k);
        paragraphs.sort_unstable();
        paragraphs.dedup();
    }
    // A paragraph naming who speaks, the statement opening the next one.
    if let Some(k) = quote_after::opened_after(
        &asked,
        fit.as_ref().map_or(0.0, |f| f.typed),
        &index.detail(doc),
        &index.docs[doc].paragraphs,
        passage.paragraph as usize,
    ) {
        paragraphs.push(k);
        paragraphs.sort_unstable();
        paragraphs.dedup();
    }
    let rival = ranked
        .iter()
        .find(|s| index.passages[s.passage].doc as usize != doc);
    let margin = rival.map_or(1.0, |r| {
        ((best.score - r.score) / best.score.abs().max(1e-6)).clamp(-1.0, 1.0)
    });
    let near: Vec<&super::index::Passage> = [
        (passage.paragraph as usize).checked_sub(1),
        Some(passage.paragraph as usize),
        Some(passage.paragraph as usize + 1),
    ]
    .into_iter()
    .flatten()
    .filter_map(|i| index.passage_of(doc, i))
    .collect();
    // A clause placing the question need not be near the answer, but one paragraph must say it:
    // its names and figures scattered over the article ("5" here, "000" there) place nothing.
    let clause_met = clause_held(&salient, index, doc);
    let near_text: Vec<&str> = near
        .iter()
        .map(|p| index.docs[doc].paragraphs[p.paragraph as usize].as_str())
        .collect();
    // A name the neighbourhood writes only as part of another's compound ("the Foo-Bar plate"
    // for a question on Bar) is not near: it matches a word, not the thing asked about.
    let missing = salient
        .iter()
        .filter(|t| {
            if t.context {
                !clause_met
            } else {
                article::coverage(&single(q, t), index, &near) == 0.0
                    || compound::only_in_compounds(t, &q.words, &near_text, index)
            }
        })
        .count();
    // A question asking what a thing is quotes the paragraph defining it, when the article has
    // one and the words chose another ("… (SCB) …" in passing, its long form in the lead).
    let definition = relation::definition(q, index, doc, passage.paragraph as usize, lx);
    let mut defining = None;
    if let Definition::Elsewhere(p, range) = &definition {
        paragraphs = vec![*p];
        defining = Some((*p, range.clone()));
    }
    let features = Features {
        score: best.score,
        margin,
        coverage: best.coverage,
        salient_missing: if salient.is_empty() {
            0.0
        } else {
            missing as f32 / salient.len() as f32
        },
        salient_absent: evidence::salient_absent(&salient, qd, index, dix, doc),
        rare_absent: {
            // With "terbaru" a prefixed verb ("diumumkan") is each report's own wording of what
            // happened, no detail the newest must hold (as for `siblings::same_topic`'s topic).
            let latest_verb = |t: &Term| qd.latest && lx.is_prefixed_verb(&t.word);
            let rare: Vec<&Term> = q
                .terms
                .iter()
                .filter(|t| t.rare && !latest_verb(t))
                .collect();
            if rare.is_empty() {
                0.0
            } else {
                rare.iter().filter(|t| !doc_holds(t, index, doc)).count() as f32 / rare.len() as f32
            }
        },
        // An English word the bridge lacks is a gap of the dictionary, not an unknown subject.
        unknown: q
            .terms
            .iter()
            .filter(|t| !t.known() && !t.untranslated)
            .count() as f32
            / q.terms.len() as f32,
        type_match: match q.answer_type {
            // Manner cues ("dengan", "melalui") are too common to count as evidence either way.
            AnswerType::Any | AnswerType::YesNo | AnswerType::Manner => 1.0,
            _ => fit.as_ref().map_or(0.0, |f| f.typed),
        },
        sentence_share: fit.as_ref().map_or(0.0, |f| f.share),
        date,
        date_absent: f32::from(u8::from(date_absent)),
        date_conflict: dix.conflict(doc, &qd.dates, by_publication),
        english: f32::from(u8::from(q.lang == Lang::En)),
        checks: f32::from(u8::from(checks.is_ok())),
        absent: evidence::absent_share(q, index, doc),
        failed_coverage: evidence::failed_on_coverage(&checks),
        figure_absent,
        period_absent: {
            let d = &index.docs[doc];
            period::period_absent(&q.words, &d.title, &d.paragraphs, lx)
        },
        definition_unmet: f32::from(u8::from(definition == Definition::Nowhere)),
        phrase_absent: evidence::phrase_absent(q, index, doc, lx),
        untranslated: evidence::untranslated_share(q),
    };
    let probability = model.probability(&features);
    let sentence = defining.or_else(|| {
        fit.filter(|f| !f.range.is_empty())
            .map(|f| (passage.paragraph as usize, f.range))
    });
    Some(Choice {
        doc,
        paragraphs,
        sentence,
        features,
        refusal: checks.err(),
        probability,
        // Generic words alone ("berapa harganya?") name no subject to answer about, however
        // well a passage holds them.
        answer: probability >= model.threshold
            && features.period_absent == 0.0
            // A condition on a figure the chosen report does not meet (or whose measure it does
            // not state) asks for a report the archive does not hold: the nearest is no answer.
            && (q.conditions.is_empty() || verdict_of(&verdicts, doc) == Verdict::Meets)
            // A question asking what a thing is, of an article that never defines it, is a
            // general-knowledge question sharing the thing's words ("koperasi itu telah …").
            && features.definition_unmet == 0.0
            && q.terms.iter().any(|t| !t.generic),
    })
}

/// Each candidate article's verdict on the question's conditions (none without conditions).
fn condition_verdicts(q: &Query, index: &Index, ranked: &[Scored]) -> Vec<(usize, Verdict)> {
    let mut out: Vec<(usize, Verdict)> = Vec::new();
    if q.conditions.is_empty() {
        return out;
    }
    for s in ranked {
        let doc = index.passages[s.passage].doc as usize;
        if !out.iter().any(|(d, _)| *d == doc) {
            out.push((doc, condition::judge(&q.conditions, &q.terms, index, doc)));
        }
    }
    out
}

fn verdict_of(verdicts: &[(usize, Verdict)], doc: usize) -> Verdict {
    verdicts
        .iter()
        .find(|(d, _)| *d == doc)
        .map_or(Verdict::Silent, |v| v.1)
}

#[cfg(test)]
mod relation_tests;
#[cfg(test)]
mod tests;
