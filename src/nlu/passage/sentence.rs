//! How well one sentence of a paragraph answers: the question's words weighed by their rarity in
//! the article, and how near a value of the wanted kind stands to them (see [`super`]).

use std::ops::Range;

use super::super::answer_type::{self, Asked};
use super::super::article;
use super::super::dates::{QuestionDates, When};
use super::super::index::{Index, TermId};
use super::super::lang::Lang;
use super::super::lexicon::{Lexicon, MeasureRole};
use super::super::paragraphs::{Detail, Paragraph, Sentence};
use super::super::query::{AnswerType, Query, Term};
use super::super::text;
use super::places::Places;

// These shape the features (how a term's rarity, a date, an extreme and distance count); the
// weights that combine the features into a paragraph's key are fitted (`config [passage]`).

/// The question's date counts as one more term, at this share of a term's weight (more
/// let a paragraph that only names the day outrank the one holding the figure).
const DATE_WEIGHT: f32 = 0.25;
/// An extreme the question asks for ("paling", "strongest") counts as one more term, at this share
/// of a term's weight.
const SUPERLATIVE_WEIGHT: f32 = 0.5;
/// Even a word every paragraph holds keeps this much of its weight.
const RARITY_FLOOR: f32 = 0.05;
/// A question word this many words away from a value counts half as near as one beside it.
const HALF_DISTANCE: f32 = 6.0;
/// A question word in the sentence before a value counts as this many words farther off than
/// its place says (the rest of that sentence is counted too).
const SENTENCE_GAP: usize = 6;
/// A paragraph continuing the one before it keeps this share of that one's word score and words.
pub(super) const CARRY: f32 = 0.8;
/// A sentence word sharing only its stem with a question word counts this much of a match.
const STEM_FACTOR: f32 = 0.8;

/// How one sentence answers.
#[derive(Debug, Clone)]
pub struct SentenceFit {
    pub range: Range<usize>,
    /// Share of the question's terms in the sentence (salient ones double, generic ones half).
    pub share: f32,
    /// The strongest value of the wanted kind in the sentence, 0..1 (0 for `Any` and yes/no).
    pub typed: f32,
    /// Share of the question's terms in the sentence, each weighed by its rarity in the article
    /// (of [`super::choose`]: the paragraph's best sentence by this).
    pub local: f32,
    /// The best value's strength times how close the article-distinctive words are to it, in
    /// the sentence or the one before, 0..1 (of [`super::choose`]: the paragraph's best).
    pub near: f32,
    /// As `near`, for the question's rarest word in the article alone: the one word that names
    /// what is asked often stands right beside the answer while the topic words stand anywhere.
    pub rare: f32,
    /// Share of the question's focus (the noun its question word asks about and the word after
    /// it: "berapa *harga tiket* …") in the sentence, by rarity in the article.
    pub focus: f32,
    /// As `near`, for the focus alone: the value answers what the question word asks about.
    pub focus_near: f32,
    /// Share of the figures the question quotes ("saat harga naik ke 9,99 persen") in the
    /// sentence: a paragraph repeating them often only places the question.
    pub echo: f32,
    /// As `near`, over the weight of only the question's words the sentence (or the one before)
    /// holds: how tightly a value sits among the words present, whatever share of the question
    /// they are ("Beras Bulog Rp 9.500" for a question that also names the market).
    pub tight: f32,
}

/// The question's terms' weights: `local` by rarity within the article, `plain` as the sentence
/// share has always counted them.
pub(super) struct Weights {
    /// The question's dates, and their weight as one more term: a sentence that names the day
    /// asked about is more likely the one that answers.
    dates: Vec<When>,
    date_weight: f32,
    /// The question asks for an extreme ("paling dalam", "strongest"): a sentence marking one
    /// ("tertinggi", "rekor") counts as holding one more term, of this weight.
    pub(super) superlative_weight: f32,
    /// Every question term's index ids as (id, term position, factor), sorted by id: a
    /// sentence's word is looked up by binary search once per word (built once per question and
    /// article), not compared with every term's every id.
    ids: Vec<(TermId, u32, f32)>,
    /// How many question terms `ids` covers (the length of a sentence's places).
    terms: usize,
    /// `local`, less the figures the question quotes: the weights of nearness to a value.
    near: Vec<f32>,
    generic: Vec<bool>,
    local: Vec<f32>,
    plain: Vec<f32>,
    /// `near` of the question's rarest word in the article only (the term of the highest `near`
    /// weight), zero elsewhere.
    rare: Vec<f32>,
    /// `local` of the focus terms only, zero elsewhere.
    focus: Vec<f32>,
    /// 1 for a figure the question quotes, 0 elsewhere.
    figures: Vec<f32>,
    /// Whether `rare` and `focus_near` are measured (else 0): only the fitting dump needs them
    /// while their weights are 0.
    pub(super) extras: bool,
    /// No paragraph holds a question word the title lacks: the words the question shares with
    /// the article all name the story (which the lead restates), so they tell its paragraphs
    /// apart only by how much of that topic each repeats.
    pub(super) untitled: bool,
}

impl Weights {
    pub(super) fn of(
        q: &Query,
        asked: &Asked,
        qd: &QuestionDates,
        index: &Index,
        doc: usize,
        detail: &Detail,
    ) -> Weights {
        let d = &index.docs[doc];
        let lx = &*index.lx;
        let n = d.paragraphs.len() as f32 + 1.0;
        let top = ((n + 1.0) / 1.5).ln().max(1e-6);
        let floor = RARITY_FLOOR;
        let rarity = |paragraphs: usize, df: f32| {
            if paragraphs == 0 {
                // A word no paragraph holds tells none apart.
                0.0
            } else {
                floor + (1.0 - floor) * (((n + 1.0) / (df + 0.5)).ln() / top).clamp(0.0, 1.0)
            }
        };
        // The question's date may only have chosen the report: when the article's publication
        // covers it and its text names no other day, every paragraph is about that day, and the
        // one repeating it ("kata X, Senin (3/2)") is no likelier to answer. An article that
        // also speaks of other days (the day before, a week's close) is told apart by it.
        let published = d.published_at.map(|at| When::day(at.date_naive()));
        let only_that_day = published.as_ref().is_some_and(|p| {
            qd.dates.iter().all(|w| w.day.is_some() && w.covered_by(p))
                && detail
                    .paragraphs
                    .iter()
                    .flat_map(|x| &x.dates)
                    .all(|t| t.day.is_none() || t == p)
        });
        let dates: &[When] = if only_that_day { &[] } else { &qd.dates };
        // A weekday the question names with the day the report came out ("Rabu (3/6)")
        // spells that day; when the lead names it as the report's dateline, the weekday only
        // points at the lead (the date's numbers are no terms already; the weekday is a word).
        let day_published = published.as_ref().is_some_and(|p| {
            !qd.dates.is_empty() && qd.dates.iter().all(|w| w.day.is_some() && w.covered_by(p))
        }) && detail
            .paragraphs
            .first()
            .is_some_and(|lead| names_date(&lead.dates, &qd.dates));
        let dated = if dates.is_empty() {
            0
        } else {
            detail
                .paragraphs
                .iter()
                .filter(|p| names_date(&p.dates, dates))
                .count()
        };
        // Only a question asking an amount names its measure: a "siapa" question naming an
        // office whose initials spell a unit ("bps") asks no basis points.
        let measure_word = (asked.wanted == AnswerType::Number)
            .then(|| answer_type::measure_word(q, lx))
            .flatten();
        let mut out = Weights {
            dates: dates.to_vec(),
            date_weight: DATE_WEIGHT * rarity(dated, dated as f32),
            superlative_weight: if asks_extreme(&q.words, qd, lx) {
                let marked = detail
                    .paragraphs
                    .iter()
                    .filter(|p| p.sentences.iter().any(|s| superlative(s, lx)))
                    .count();
                SUPERLATIVE_WEIGHT * rarity(marked, marked as f32)
            } else {
                0.0
            },
            ids: q.ids_by_term(None),
            terms: q.terms.len(),
            near: Vec::with_capacity(q.terms.len()),
            generic: Vec::with_capacity(q.terms.len()),
            local: Vec::with_capacity(q.terms.len()),
            plain: Vec::with_capacity(q.terms.len()),
            rare: Vec::new(),
            focus: Vec::new(),
            figures: Vec::with_capacity(q.terms.len()),
            extras: true,
            untitled: true,
        };
        let english = q.lang == Lang::En;
        for t in &q.terms {
            let holding = (0..d.paragraphs.len()).filter(|&i| {
                index
                    .passage_of(doc, i)
                    .is_some_and(|p| article::found(t, p) > 0.0)
            });
            let (paragraphs, lead) =
                holding.fold((0, false), |(n, lead), i| (n + 1, lead || i == 0));
            let in_title = t.in_terms(&d.title_terms);
            // An English word only the lead holds (of three paragraphs or more) is mostly the
            // story's frame, the country or office the lead names once and later paragraphs
            // imply: its rarity would hand the lead the choice whatever is asked, so it counts
            // as held by every paragraph. Indonesian words are the article's own and keep it.
            // Once per question term and candidate article, from the count already made.
            let framing = english && paragraphs == 1 && lead && d.paragraphs.len() > 2;
            let df = if framing {
                n
            } else {
                paragraphs as f32 + f32::from(u8::from(in_title))
            };
            let rarity = rarity(paragraphs, df);
            // Generic words, and cue words ("menurut", "kata"), which say how the article puts
            // things rather than what it is about, tell paragraphs apart little — an English
            // word bridged to one ("according to") as much as the Indonesian word itself.
            // The word that named the measure ("level berapa") is the answer's type, not a word
            // to find near it.
            let base = if measure_word.as_deref() == Some(t.word.as_str())
                || t.context
                || (day_published && lx.weekday(&t.word).is_some())
            {
                0.0
            } else if t.generic || is_cue(t, lx) {
                0.3
            } else {
                1.0
            };
            // (A word of no weight, one no paragraph holds or the measure asked, tells nothing.)
            out.untitled &= in_title || base * rarity <= 0.0;
            out.generic.push(t.generic);
            out.local.push(base * rarity);
            // A figure the question quotes, and its unit, place the question ("ketika bank
            // menaikkan bunga menjadi 9,75 persen"); the answer is not beside them.
            let unit = lx.measure(&t.word, MeasureRole::Unit).is_some() || lx.is_scale(&t.word);
            let quoted = text::has_digit(&t.word)
                || (unit
                    && q.words
                        .iter()
                        .enumerate()
                        .any(|(i, w)| *w == t.word && i > 0 && text::has_digit(&q.words[i - 1])));
            out.near.push(if quoted { 0.0 } else { base * rarity });
            out.figures
                .push(if text::has_digit(&t.word) { 1.0 } else { 0.0 });
            out.plain.push(if t.salient {
                2.0
            } else if t.generic {
                0.5
            } else {
                1.0
            });
        }
        let rarest = (0..out.near.len())
            .filter(|&k| out.near[k] > 0.0)
            .max_by(|&a, &b| out.near[a].total_cmp(&out.near[b]));
        out.rare = (0..out.near.len())
            .map(|k| if Some(k) == rarest { out.near[k] } else { 0.0 })
            .collect();
        // The focus: the head term and the one after it ("harga *tiket*"), unless that one only
        // places the question.
        let head = q.terms.iter().position(|t| t.head);
        out.focus = (0..out.local.len())
            .map(|k| {
                let focus = head.is_some_and(|h| k == h || (k == h + 1 && !q.terms[k].context));
                if focus { out.local[k] } else { 0.0 }
            })
            .collect();
        out
    }
}

/// Whether a question word is a cue word ([`Lexicon::cues_of`]): itself, or for an English word
/// its bridge's main sense (the first translation) or most of its senses. One cue among several
/// senses is a guess ("beat": "hajar", "hantam", "ketok", "pukul", the last an hour's cue), and
/// the word keeps its weight. Once per question term, not per paragraph.
fn is_cue(t: &Term, lx: &Lexicon) -> bool {
    let cue = |w: &String| !lx.cues_of(w).is_empty();
    // `forms` holds the word, then its translations and wordnet senses (none for Indonesian).
    let senses = t.forms.get(1..).unwrap_or_default();
    cue(&t.word)
        || senses.first().is_some_and(cue)
        || (!senses.is_empty() && senses.iter().filter(|w| cue(w)).count() * 2 >= senses.len())
}

/// The sentence of a paragraph that best answers: most of the article-distinctive words, with a
/// value of the wanted kind near them. Its `local` and `near` are the paragraph's best of each,
/// as one sentence often names the topic and the next gives the figure ("Tarif naik bertahap.
/// Kisarannya Rp 50 ribu."): the paragraph answers though no one sentence holds both.
pub(super) fn best_sentence(
    paragraph: &Paragraph,
    before: Option<&Paragraph>,
    asked: &Asked,
    w: &Weights,
    lx: &Lexicon,
) -> Option<SentenceFit> {
    let mut previous: Option<(Places, usize)> = None;
    let mut best: Option<SentenceFit> = None;
    let (mut top_local, mut top_near, mut top_rare) = (0.0f32, 0.0f32, 0.0f32);
    let (mut top_focus, mut top_focus_near, mut top_echo) = (0.0f32, 0.0f32, 0.0f32);
    let mut top_tight = 0.0f32;
    // A paragraph continuing the one before: that one's words count, a little less, as this
    // one's, and its last sentence stands before this one's first.
    if let Some(before) = before {
        for sentence in &before.sentences {
            let (f, at) = fit(sentence, asked, w, None, lx);
            top_local = top_local.max(CARRY * f.local);
            let at = at
                .into_iter()
                .map(|places| places.into_iter().map(|(p, f)| (p, CARRY * f)).collect())
                .collect();
            previous = Some((at, sentence.toks.len()));
        }
    }
    for sentence in &paragraph.sentences {
        let (f, at) = fit(sentence, asked, w, previous.as_ref(), lx);
        previous = Some((at, sentence.toks.len()));
        top_local = top_local.max(f.local);
        top_near = top_near.max(f.near);
        top_rare = top_rare.max(f.rare);
        top_focus = top_focus.max(f.focus);
        top_focus_near = top_focus_near.max(f.focus_near);
        top_echo = top_echo.max(f.echo);
        top_tight = top_tight.max(f.tight);
        if best
            .as_ref()
            .is_none_or(|b| f.local + f.near > b.local + b.near)
        {
            best = Some(f);
        }
    }
    best.map(|mut b| {
        b.local = top_local;
        b.near = top_near;
        b.rare = top_rare;
        b.focus = top_focus;
        b.focus_near = top_focus_near;
        b.echo = top_echo;
        b.tight = top_tight;
        b
    })
}

fn fit(
    sentence: &Sentence,
    asked: &Asked,
    w: &Weights,
    previous: Option<&(Places, usize)>,
    lx: &Lexicon,
) -> (SentenceFit, Places) {
    let toks = &sentence.toks;
    // Where each question term occurs in the sentence, by the index's own term ids.
    // The same word form counts fully, another form of its stem ("penyimpanan" for "disimpan")
    // a little less, a synonym by its factor.
    let at: Places = super::places::places(sentence, &w.ids, w.terms, STEM_FACTOR);
    let share_of = |weights: &[f32]| {
        let total: f32 = weights.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let got: f32 = weights
            .iter()
            .zip(&at)
            .map(|(w, pos)| w * pos.iter().map(|&(_, f)| f).fold(0.0, f32::max))
            .sum();
        got / total
    };
    let values = answer_type::values_of(toks, &sentence.facts, asked);
    // The words a value answers may stand in the sentence before it ("Tarif naik bertahap.
    // Kisarannya Rp 100 ribu."): they count as farther off by the rest of that sentence and a gap.
    let shift = previous.map_or(0, |(_, len)| len + SENTENCE_GAP);
    let joined: Places = match previous {
        // Nothing to measure from (no value here) costs nothing.
        Some((prev, _)) if !values.is_empty() => at
            .iter()
            .zip(prev)
            .map(|(here, there)| {
                here.iter()
                    .map(|&(p, f)| (p + shift, f))
                    .chain(there.iter().copied())
                    .collect()
            })
            .collect(),
        _ => Vec::new(),
    };
    // How near the value nearest them stands to the terms of these weights.
    let near_of = |weights: &[f32]| {
        let total: f32 = weights.iter().sum();
        values
            .iter()
            .map(|&(v, strength)| {
                let own = nearness(v, &at, weights, total);
                let with_before = if joined.is_empty() {
                    0.0
                } else {
                    nearness(v + shift, &joined, weights, total)
                };
                strength * own.max(with_before)
            })
            .fold(0.0, f32::max)
    };
    let near = near_of(&w.near);
    // The weight of the terms a sentence holds: `tight` measures nearness over it alone.
    let present = |places: &Places| -> f32 {
        places
            .iter()
            .zip(&w.near)
            .filter(|(pos, _)| !pos.is_empty())
            .map(|(_, w)| w)
            .sum()
    };
    let (here, there) = (
        present(&at),
        if joined.is_empty() {
            0.0
        } else {
            present(&joined)
        },
    );
    // A cause is a clause, not a value: its cue word ("karena") stands beside whichever of the
    // question's words the sentence holds, so tightness around it tells causes apart little (on
    // the tuning sets it won one "why" question and lost another, by a margin of 0.001).
    let tight = values
        .iter()
        .filter(|_| asked.wanted != AnswerType::Reason)
        .map(|&(v, strength)| {
            let own = nearness(v, &at, &w.near, here);
            let with_before = if joined.is_empty() {
                0.0
            } else {
                nearness(v + shift, &joined, &w.near, there)
            };
            strength * own.max(with_before)
        })
        .fold(0.0, f32::max);
    let (rare, focus_near) = if w.extras {
        (near_of(&w.rare), near_of(&w.focus))
    } else {
        (0.0, 0.0)
    };
    let extra = w.date_weight + w.superlative_weight;
    let local = if extra > 0.0 {
        let total: f32 = w.local.iter().sum::<f32>() + extra;
        let named = if names_date(&sentence.dates, &w.dates) {
            w.date_weight
        } else {
            0.0
        };
        let extreme = if w.superlative_weight > 0.0 && superlative(sentence, lx) {
            w.superlative_weight
        } else {
            0.0
        };
        (share_of(&w.local) * (total - extra) + named + extreme) / total.max(1e-6)
    } else {
        share_of(&w.local)
    };
    // Generic words alone ("berapa harganya?") share nothing specific with a sentence.
    let specific = at
        .iter()
        .zip(&w.generic)
        .any(|(pos, generic)| !generic && !pos.is_empty());
    // A question the article asks itself ("Lalu, daerah mana yang …?") answers nothing.
    let rhetorical = sentence.rhetorical;
    let fit = SentenceFit {
        range: sentence.range.clone(),
        share: if specific { share_of(&w.plain) } else { 0.0 },
        typed: values.iter().map(|&(_, s)| s).fold(0.0, f32::max),
        local: if rhetorical { 0.5 * local } else { local },
        near: if rhetorical { 0.0 } else { near },
        rare: if rhetorical { 0.0 } else { rare },
        focus: share_of(&w.focus),
        focus_near: if rhetorical { 0.0 } else { focus_near },
        echo: share_of(&w.figures),
        tight: if rhetorical { 0.0 } else { tight },
    };
    (fit, at)
}

/// Whether a question asks for an extreme ("paling tinggi"). "Paling" of a recency phrase
/// ("paling baru", `dates-relative.tsv`) asks for the newest report, a date matter, not a degree.
fn asks_extreme(words: &[String], qd: &QuestionDates, lx: &Lexicon) -> bool {
    words
        .iter()
        .any(|w| lx.is_superlative(w) && !qd.relative_words.contains(w))
}

/// Whether a sentence marks an extreme ("tertinggi", "paling").
pub(super) fn superlative(sentence: &Sentence, lx: &Lexicon) -> bool {
    sentence.toks.iter().any(|t| lx.is_superlative(&t.lower))
}

/// Whether a text, by the dates it names, names one of the question's dates ("Kamis (5/1/2023)"
/// for "5 Januari 2023").
pub(super) fn names_date(found: &[When], dates: &[When]) -> bool {
    dates.iter().any(|q| found.iter().any(|t| q.covered_by(t)))
}

/// How close the question's distinctive words are to position `v`: each word's weight, less the
/// farther its nearest occurrence, over all the weight there is.
fn nearness(v: usize, at: &[Vec<(usize, f32)>], weights: &[f32], total: f32) -> f32 {
    if total <= 0.0 {
        return 0.0;
    }
    let got: f32 = at
        .iter()
        .zip(weights)
        .map(|(pos, w)| {
            pos.iter()
                .map(|&(p, f)| {
                    w * f / (1.0 + p.abs_diff(v).saturating_sub(1) as f32 / HALF_DISTANCE)
                })
                .fold(0.0, f32::max)
        })
        .sum();
    got / total
}

#[cfg(test)]
#[path = "sentence_tests.rs"]
mod tests;
