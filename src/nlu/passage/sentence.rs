//! How well one sentence of a paragraph answers: the question's words weighed by their rarity in
//! the article, and how near a value of the wanted kind stands to them (see [`super`]).

use std::ops::Range;

use super::super::answer_type::{self, Asked};
use super::super::dates::When;
use super::super::lexicon::Lexicon;
use super::super::paragraphs::{Paragraph, Sentence};
use super::super::query::AnswerType;
use super::places::Places;
use super::weights::Weights;

// These shape the features (how a term's rarity, a date, an extreme and distance count); the
// weights that combine the features into a paragraph's key are fitted (`config [passage]`).

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
    /// The value the question's month or year labels ([`super::labelled`]), 0..1.
    pub labelled: f32,
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
    let (mut top_tight, mut top_labelled) = (0.0f32, 0.0f32);
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
        if let Some((done, _)) = previous.replace((at, sentence.toks.len())) {
            super::places::recycle(done);
        }
        top_local = top_local.max(f.local);
        top_near = top_near.max(f.near);
        top_rare = top_rare.max(f.rare);
        top_focus = top_focus.max(f.focus);
        top_focus_near = top_focus_near.max(f.focus_near);
        top_echo = top_echo.max(f.echo);
        top_tight = top_tight.max(f.tight);
        top_labelled = top_labelled.max(f.labelled);
        if best
            .as_ref()
            .is_none_or(|b| f.local + f.near > b.local + b.near)
        {
            best = Some(f);
        }
    }
    if let Some((done, _)) = previous {
        super::places::recycle(done);
    }
    best.map(|mut b| {
        b.local = top_local;
        b.near = top_near;
        b.rare = top_rare;
        b.focus = top_focus;
        b.focus_near = top_focus_near;
        b.echo = top_echo;
        b.tight = top_tight;
        b.labelled = top_labelled;
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
    // Each term's best factor in the sentence, found once for the four shares weighing it.
    let best: Vec<f32> = at
        .iter()
        .map(|pos| pos.iter().map(|&(_, f)| f).fold(0.0, f32::max))
        .collect();
    // (Each list's total is the question's and article's, summed once: `Weights::totals`.)
    let share_of = |weights: &[f32], total: f32| {
        if total <= 0.0 {
            return 0.0;
        }
        let got: f32 = weights.iter().zip(&best).map(|(w, b)| w * b).sum();
        got / total
    };
    let values = answer_type::values_of(toks, &sentence.facts, asked);
    // The words a value answers may stand in the sentence before it ("Tarif naik bertahap.
    // Kisarannya Rp 100 ribu."): they count as farther off by the rest of that sentence and a gap.
    let shift = previous.map_or(0, |(_, len)| len + SENTENCE_GAP);
    let joined: Places = match previous {
        // Nothing to measure from (no value here) costs nothing.
        Some((prev, _)) if !values.is_empty() => {
            let mut joined = super::places::spare(at.len());
            for ((j, here), there) in joined.iter_mut().zip(&at).zip(prev) {
                j.extend(here.iter().map(|&(p, f)| (p + shift, f)));
                j.extend(there.iter().copied());
            }
            joined
        }
        _ => Vec::new(),
    };
    // How near the value nearest them stands to the terms of these weights.
    let near_of = |weights: &[f32], total: f32| {
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
    let tight_too = asked.wanted != AnswerType::Reason;
    // `near` ([`nearness`] over all the terms' weight) and `tight` (over the weight present) share
    // the closeness of each value to the terms: it is summed once for both.
    let near_total = w.totals.near;
    let (mut near, mut tight) = (0.0f32, 0.0f32);
    for &(v, strength) in &values {
        let own = closeness(v, &at, &w.near);
        let before = (!joined.is_empty()).then(|| closeness(v + shift, &joined, &w.near));
        let near_before = before.map_or(0.0, |b| share(b, near_total));
        near = near.max(strength * share(own, near_total).max(near_before));
        if tight_too {
            let tight_before = before.map_or(0.0, |b| share(b, there));
            tight = tight.max(strength * share(own, here).max(tight_before));
        }
    }
    // The focus beside a cause's cue word says as little as tightness does (above): a "why"
    // measures none (on tune-fx it took "knp paket data naik" to "… wajar karena harga data …").
    let (rare, focus_near) = if w.extras {
        let focus_near = if asked.wanted == AnswerType::Reason {
            0.0
        } else {
            near_of(&w.focus, w.totals.focus)
        };
        (near_of(&w.rare, w.totals.rare), focus_near)
    } else {
        (0.0, 0.0)
    };
    let extra = w.date_weight + w.superlative_weight;
    let local = if extra > 0.0 {
        let total: f32 = w.totals.local + extra;
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
        (share_of(&w.local, w.totals.local) * (total - extra) + named + extreme) / total.max(1e-6)
    } else {
        share_of(&w.local, w.totals.local)
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
        share: if specific {
            share_of(&w.plain, w.totals.plain)
        } else {
            0.0
        },
        typed: values.iter().map(|&(_, s)| s).fold(0.0, f32::max),
        local: if rhetorical { 0.5 * local } else { local },
        near: if rhetorical { 0.0 } else { near },
        rare: if rhetorical { 0.0 } else { rare },
        focus: share_of(&w.focus, w.totals.focus),
        focus_near: if rhetorical { 0.0 } else { focus_near },
        echo: share_of(&w.figures, w.totals.figures),
        tight: if rhetorical { 0.0 } else { tight },
        // Only a figure has a period: a name or a place asked beside a month is not labelled.
        labelled: if rhetorical || asked.wanted != AnswerType::Number {
            0.0
        } else {
            super::labelled::labelled(toks, &values, &w.labels, lx)
        },
    };
    super::places::recycle(joined);
    (fit, at)
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
    share(closeness(v, at, weights), total)
}

/// [`nearness`] before it is divided by the weight there is: each word's weight, less the farther
/// its nearest occurrence, summed.
fn closeness(v: usize, at: &[Vec<(usize, f32)>], weights: &[f32]) -> f32 {
    at.iter()
        .zip(weights)
        .map(|(pos, w)| {
            pos.iter()
                .map(|&(p, f)| {
                    w * f / (1.0 + p.abs_diff(v).saturating_sub(1) as f32 / HALF_DISTANCE)
                })
                .fold(0.0, f32::max)
        })
        .sum()
}

/// `got` over `total`, 0 without any weight.
fn share(got: f32, total: f32) -> f32 {
    if total <= 0.0 { 0.0 } else { got / total }
}

#[cfg(test)]
#[path = "sentence_tests.rs"]
mod tests;
