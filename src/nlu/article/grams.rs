//! The 3-gram channel's dot products: the question's 3-grams against a candidate paragraph's, and
//! a per-thread memo of them for the question being answered.
//!
//! One question ranks passages two or three times over (the archive; the chosen article's
//! paragraphs without its placing clause, which is most often the same question; the "sebelum
//! yang" check again over the archive), and the candidates overlap: the chosen article's
//! paragraphs lead the archive's ranking too. A paragraph's dot depends only on the question's
//! word forms and the index, so it is worked out once per question and read back after.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::nlu::index::{Index, word_trigrams};
use crate::nlu::query::Query;

/// The question's 3-grams as the channel weighs them, and the dots found so far.
#[derive(Default)]
pub(super) struct Grams {
    /// The forms the 3-grams were read from, for the index numbered `uid` (see [`Grams::of`]).
    key: String,
    uid: u64,
    /// The question's distinct known 3-gram ids, in first-met order, and their idfs.
    ids: Vec<u32>,
    idf: Vec<f32>,
    /// The question vector's norm (3-grams no paragraph holds count at the largest idf).
    pub norm: f32,
    /// Per passage of the index, its dot once measured for this question (NaN before), and the
    /// passages measured, to reset them for the next question.
    known: Vec<f32>,
    touched: Vec<u32>,
    /// Which of the question's 3-grams a candidate holds, one bit each.
    hit: Vec<u64>,
}

/// The number of the next index [`Grams`] meets: an index's 3-gram ids mean nothing in another,
/// so a memo is only read back for the index it was made over (an address can be reused).
static NEXT_UID: AtomicU64 = AtomicU64::new(1);

pub(crate) fn new_uid() -> u64 {
    NEXT_UID.fetch_add(1, Ordering::Relaxed)
}

thread_local! {
    static GRAMS: RefCell<Grams> = RefCell::new(Grams::default());
    /// The forms of the question being ranked, built here and compared with the memo's.
    static KEY: RefCell<String> = const { RefCell::new(String::new()) };
    /// Per 3-gram id: its position among the question's 3-grams, or [`NO_SLOT`]. Filled for one
    /// question's candidates and cleared after (only its own slots).
    static SLOTS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

pub(super) const NO_SLOT: u32 = u32::MAX;

/// Each candidate's 3-gram dot with the question, in `order`'s order, and the question's norm.
pub(super) fn dots(q: &Query, index: &Index, order: &[(u32, f32)]) -> (Vec<f32>, f32) {
    GRAMS.with_borrow_mut(|g| {
        let kept = g.of(q, index);
        let mut out = Vec::with_capacity(order.len());
        let mut filled = false;
        for &(p, _) in order {
            let known = g.known[p as usize];
            if kept && !known.is_nan() {
                out.push(known);
                continue;
            }
            if !filled {
                g.fill_slots(index);
                filled = true;
            }
            let dot = g.measure(index, p as usize);
            g.known[p as usize] = dot;
            g.touched.push(p);
            out.push(dot);
        }
        if filled {
            g.clear_slots();
        }
        (out, g.norm)
    })
}

impl Grams {
    /// Makes the memo the question's: kept when the question's forms (and with them its
    /// 3-grams, their order and idfs) and the index are the ones it was made for.
    /// Whether the memo was kept.
    fn of(&mut self, q: &Query, index: &Index) -> bool {
        KEY.with_borrow_mut(|key| {
            key.clear();
            for t in &q.terms {
                for f in &t.forms {
                    key.push_str(f);
                    key.push('\u{1}');
                    // The term's own word is stemmed as the question was read, any other form
                    // by the lexicon (the index's, so the same for the same `uid`).
                    if *f == t.word {
                        key.push_str(&t.stem);
                    }
                    key.push('\u{2}');
                }
            }
            if self.uid == index.uid() && *key == self.key {
                return true;
            }
            std::mem::swap(key, &mut self.key);
            for &p in &self.touched {
                if let Some(k) = self.known.get_mut(p as usize) {
                    *k = f32::NAN;
                }
            }
            self.touched.clear();
            if self.uid != index.uid() {
                self.known.clear();
                self.known.resize(index.passages.len(), f32::NAN);
                self.uid = index.uid();
            }
            self.read(q, index);
            false
        })
    }

    /// The question's word forms (and their stems) as 3-grams.
    fn read(&mut self, q: &Query, index: &Index) {
        self.ids.clear();
        self.idf.clear();
        let mut norm = 0.0f32;
        // 3-grams no paragraph holds: a handful per question at most, a list is cheaper than a set.
        let mut unseen: Vec<[char; 3]> = Vec::new();
        SLOTS.with_borrow_mut(|slots| {
            reserve(slots, index.trigram_count());
            // A phrase's 3-grams are its words' (no paragraph word holds the space between).
            for (t, f) in q.terms.iter().flat_map(|t| {
                t.forms
                    .iter()
                    .flat_map(|f| f.split(' '))
                    .map(move |f| (t, f))
            }) {
                // The term's own word was stemmed when the question was read: not again per rank.
                let stem = if f == t.word {
                    std::borrow::Cow::Borrowed(t.stem.as_str())
                } else {
                    std::borrow::Cow::Owned(index.lx.stem(f))
                };
                for form in [f, &*stem] {
                    for g in word_trigrams(form) {
                        match index.trigram(&g) {
                            Some((id, idf)) => {
                                let slot = &mut slots[id as usize];
                                if *slot == NO_SLOT {
                                    *slot = self.idf.len() as u32;
                                    self.ids.push(id);
                                    self.idf.push(idf);
                                    norm += idf * idf;
                                }
                            }
                            None => {
                                if !unseen.contains(&g) {
                                    unseen.push(g);
                                    norm += index.max_trigram_idf.powi(2);
                                }
                            }
                        }
                    }
                }
            }
            for &id in &self.ids {
                slots[id as usize] = NO_SLOT;
            }
        });
        self.norm = norm.sqrt().max(1e-6);
    }

    /// Sets the slot table to the question's 3-grams (each id's position among them).
    fn fill_slots(&mut self, index: &Index) {
        self.hit.clear();
        self.hit.resize(self.idf.len().div_ceil(64).max(1), 0);
        SLOTS.with_borrow_mut(|slots| {
            reserve(slots, index.trigram_count());
            for (k, &id) in self.ids.iter().enumerate() {
                slots[id as usize] = k as u32;
            }
        });
    }

    /// Leaves the slot table as it was found (only this question's slots are touched).
    fn clear_slots(&self) {
        SLOTS.with_borrow_mut(|slots| {
            for &id in &self.ids {
                slots[id as usize] = NO_SLOT;
            }
        });
    }

    /// A candidate's dot, with the slots filled. Which of the question's 3-grams it holds, as
    /// bits, from the candidate's own 3-gram set (kept by the index): one table look-up per
    /// 3-gram of the paragraph. The dot is then summed in the question's 3-gram order, whatever
    /// the paragraph's.
    fn measure(&mut self, index: &Index, p: usize) -> f32 {
        let q_idf = &self.idf;
        SLOTS.with_borrow(|slots| {
            // Plain slices, not the vectors: a write to `hit` could otherwise alias the table's
            // header, which was then loaded again for every 3-gram of every candidate.
            let (slots, mask) = masked(slots);
            let hit: &mut [u64] = &mut self.hit;
            hit.fill(0);
            let mut mark = |k: u32| {
                if k != NO_SLOT {
                    hit[k as usize / 64] |= 1 << (k % 64);
                }
            };
            // Four 3-grams at a time: most of a paragraph's are none of the question's, and as
            // [`NO_SLOT`] is all ones, four misses AND to it (one test for the four).
            let mut quads = index.trigrams_in(p).chunks_exact(4);
            for quad in &mut quads {
                let k = [quad[0], quad[1], quad[2], quad[3]].map(|g| slots[g as usize & mask]);
                if k[0] & k[1] & k[2] & k[3] != NO_SLOT {
                    k.into_iter().for_each(&mut mark);
                }
            }
            for &g in quads.remainder() {
                mark(slots[g as usize & mask]);
            }
            // The set bits in ascending order, as a scan of every slot would meet them (so the
            // same sum, term for term), without visiting the slots the paragraph lacks.
            hit.iter()
                .enumerate()
                .flat_map(|(at, &bits)| set_bits(bits).map(move |b| at * 64 + b))
                .map(|k| q_idf[k] * q_idf[k])
                .sum()
        })
    }
}

/// The positions of a word's set bits, lowest first.
fn set_bits(mut bits: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (bits != 0).then(|| {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            b
        })
    })
}

/// Grows a slot table to hold `count` ids, to a power of two (one slot at least), so that
/// [`masked`] can give it with a mask.
pub(super) fn reserve(slots: &mut Vec<u32>, count: usize) {
    if slots.len() < count.max(1) {
        slots.resize(count.max(1).next_power_of_two(), NO_SLOT);
    }
}

/// A table grown by [`reserve`] and its mask: `id & mask` is `id` for every id below the count
/// it was grown for, and lets the compiler see each read is in bounds (a bounds check per 3-gram
/// of every candidate was a tenth of the ranking's instructions).
pub(super) fn masked(slots: &[u32]) -> (&[u32], usize) {
    let mask = slots.len() - 1;
    (&slots[..=mask], mask)
}
