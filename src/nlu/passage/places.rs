//! Where each question term occurs in a sentence, for `sentence::fit`: the sentence's words
//! looked up in the question's term ids, sorted by id, once per word (not compared with every
//! term's every id).

use super::super::index::TermId;
use super::super::paragraphs::Sentence;

/// Per question term, the (token position, factor) of each sentence word that is one of its ids.
pub(super) type Places = Vec<Vec<(usize, f32)>>;

/// Per question term (`terms` of them), the (token position, factor) of each sentence word that
/// is one of its ids: `ids` holds (id, term position, factor) sorted by id; a word of the same
/// stem but another form counts by its factor times `stem_factor`.
pub(super) fn places(
    sentence: &Sentence,
    ids: &[(TermId, u32, f32)],
    terms: usize,
    stem_factor: f32,
) -> Places {
    let mut at = spare(terms);
    SCRATCH.with_borrow_mut(|(factors, touched)| {
        if factors.len() < terms {
            factors.resize(terms, 0.0);
        }
        fill(sentence, ids, stem_factor, &mut at, factors, touched);
    });
    at
}

/// An empty [`Places`] for `terms` terms, from the spares when there is one: every sentence of
/// every candidate paragraph is placed, and allocating the lists afresh for each was a good share
/// of the paragraph choice's allocations.
pub(super) fn spare(terms: usize) -> Places {
    let mut at = SPARE.with_borrow_mut(Vec::pop).unwrap_or_default();
    at.resize_with(terms, Vec::new);
    at
}

/// Gives places no longer read back to the spares, emptied (a few are kept: a paragraph holds
/// the current sentence's, the one before's and their join).
pub(super) fn recycle(mut at: Places) {
    if at.capacity() == 0 {
        return;
    }
    SPARE.with_borrow_mut(|spare| {
        if spare.len() < MAX_SPARE {
            at.iter_mut().for_each(Vec::clear);
            spare.push(at);
        }
    });
}

const MAX_SPARE: usize = 8;

thread_local! {
    static SPARE: std::cell::RefCell<Vec<Places>> = const { std::cell::RefCell::new(Vec::new()) };
    /// [`fill`]'s per-term factors (all 0 between words) and the terms a word touched (empty
    /// between words): kept per thread, as every sentence of every candidate paragraph is read.
    static SCRATCH: std::cell::RefCell<(Vec<f32>, Vec<u32>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// [`places`] into `at`: `factors` (per term, the best factor of this word, 0: not found) and
/// `touched` come all 0 and empty, and are left so.
fn fill(
    sentence: &Sentence,
    ids: &[(TermId, u32, f32)],
    stem_factor: f32,
    at: &mut Places,
    factors: &mut [f32],
    touched: &mut Vec<u32>,
) {
    // Most of a sentence's words are none of the question's: one bit test each rules them out
    // before a search of `ids`.
    let mut held = [0u64; FILTER_WORDS];
    for &(id, _, _) in ids {
        held[filter_word(id)] |= filter_bit(id);
    }
    let maybe = |id: TermId| held[filter_word(id)] & filter_bit(id) != 0;
    for piece in &sentence.pieces {
        let i = piece.tok as usize;
        // The entries of one id, all terms holding it: the same word form counts by its factor,
        // another word of its stem by its factor times stem_factor (an id equal to both counts
        // as the form).
        let mut take = |id: TermId, stem: bool| {
            let from = ids.partition_point(|e| e.0 < id);
            for &(_, k, f) in ids[from..].iter().take_while(|e| e.0 == id) {
                let f = if stem { f * stem_factor } else { f };
                let slot = &mut factors[k as usize];
                if *slot == 0.0 {
                    touched.push(k);
                }
                *slot = slot.max(f);
            }
        };
        if maybe(piece.surface) {
            take(piece.surface, false);
        }
        if piece.stem != piece.surface && maybe(piece.stem) {
            take(piece.stem, true);
        }
        if touched.is_empty() {
            continue;
        }
        // In term order, as the places were always filled.
        touched.sort_unstable();
        touched.dedup();
        for &k in touched.iter() {
            let factor = std::mem::take(&mut factors[k as usize]);
            if factor > 0.0 {
                at[k as usize].push((i, factor));
            }
        }
        touched.clear();
    }
}

/// The question-id filter of [`places`]: 1,024 bits, an id's low bits choosing its one.
const FILTER_WORDS: usize = 16;

fn filter_word(id: TermId) -> usize {
    (id as usize >> 6) % FILTER_WORDS
}

fn filter_bit(id: TermId) -> u64 {
    1 << (id % 64)
}
