//! Ranking passages on two channels: BM25 over stems, then the character 3-gram TF-IDF cosine with
//! the answer-type and lead bonuses for the leaders.

use crate::nlu::bm25;
use crate::nlu::index::{Index, Passage, TermId};
use crate::nlu::query::{AnswerType, Query};

use super::grams::{self, NO_SLOT, masked, reserve};
use super::{LONG_FORM_FACTOR, Scored, coverage_found, outside, type_match, weight};

/// How many BM25 leaders get the (dearer) 3-gram channel and the checks.
const CANDIDATES: usize = 24;
const BM25_WEIGHT: f32 = 0.6;
const TRIGRAM_WEIGHT: f32 = 0.4;
/// A passage holding what the question word asks for (a year for "kapan").
const TYPE_BONUS: f32 = 0.08;
const LEAD_BONUS: f32 = 0.03;
/// The best passages, best first. `only_doc` restricts to one article; `prefer_doc` nudges ties.
pub fn rank(
    q: &Query,
    index: &Index,
    only_doc: Option<usize>,
    prefer_doc: Option<usize>,
) -> Vec<Scored> {
    let n = index.passages.len();
    if n == 0 || q.terms.is_empty() {
        return Vec::new();
    }
    let range = match only_doc {
        Some(d) => {
            let start = index.docs[d].first_passage;
            start..start + index.docs[d].paragraphs.len()
        }
        None => 0..n,
    };
    let (order, ideal) = bm25::top(q, index, range, CANDIDATES);
    rerank(q, index, order, ideal, prefer_doc)
}

/// Second stage: the 3-gram channel, answer-type and lead bonuses, coverage, for the leaders.
fn rerank(
    q: &Query,
    index: &Index,
    order: Vec<(u32, f32)>,
    ideal: f32,
    prefer_doc: Option<usize>,
) -> Vec<Scored> {
    // 3-gram channel: the question's word forms (and their stems) against each candidate's words
    // (see [`grams`]: a paragraph measured by an earlier ranking of the question is read back).
    let (dots, q_norm) = grams::dots(q, index, &order);
    let weights: Vec<f32> = q.terms.iter().map(|t| weight(t, index)).collect();
    let coverage = Coverage::of(q, index);
    let mut inside = vec![0.0f32; q.terms.len()];
    // Per article among the candidates, each term's `outside` factor once found (NaN before):
    // the candidates share a few articles, and the factor is the article's alone.
    let mut outside_of: Vec<(u32, Vec<f32>)> = Vec::new();
    let mut out: Vec<Scored> = order
        .into_iter()
        .zip(dots)
        .map(|((p, bm), dot)| {
            let passage = &index.passages[p as usize];
            let tri = dot / (q_norm * passage.trigram_norm);
            let bm25 = bm / ideal.max(1e-6);
            let mut score = BM25_WEIGHT * bm25 + TRIGRAM_WEIGHT * tri;
            match type_match(q.answer_type, passage) {
                Some(true) => score += TYPE_BONUS,
                // Hearsay states the claim a yes/no question doubts: the worst answer to it.
                Some(false) if q.answer_type == AnswerType::YesNo && passage.flags.has_hearsay => {
                    score -= TYPE_BONUS
                }
                _ => {}
            }
            // News puts the main fact first — but not a rumour before a yes/no question.
            if passage.paragraph == 0
                && !(q.answer_type == AnswerType::YesNo && passage.flags.has_hearsay)
            {
                score += LEAD_BONUS;
            }
            if prefer_doc == Some(passage.doc as usize) {
                score += 0.03;
            }
            Scored {
                passage: p as usize,
                score,
                coverage: {
                    coverage.inside(passage, &mut inside);
                    let doc = passage.doc;
                    let at = match outside_of.iter().position(|(d, _)| *d == doc) {
                        Some(at) => at,
                        None => {
                            outside_of.push((doc, vec![f32::NAN; q.terms.len()]));
                            outside_of.len() - 1
                        }
                    };
                    let known = &mut outside_of[at].1;
                    coverage_found(&weights, &inside, |k| {
                        if known[k].is_nan() {
                            known[k] = outside(q, index, &q.terms[k], doc as usize);
                        }
                        known[k]
                    })
                },
            }
        })
        .collect();
    coverage.clear();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

/// The question's term ids for coverage — each term's matches, and an abbreviation's long form
/// at [`LONG_FORM_FACTOR`], as `article::found` reads them — found for a candidate by one table
/// look-up per paragraph term instead of a binary search per question id. Built once per rank.
struct Coverage {
    /// (id, term position, factor), sorted by id.
    wanted: Vec<(TermId, u32, f32)>,
}

impl Coverage {
    fn of(q: &Query, index: &Index) -> Coverage {
        let wanted = q.ids_by_term(Some(LONG_FORM_FACTOR));
        TERM_SLOTS.with_borrow_mut(|slots| {
            reserve(slots, index.term_count());
            // The first entry of each id (they are sorted, so its others follow it).
            for (at, &(id, _, _)) in wanted.iter().enumerate().rev() {
                slots[id as usize] = at as u32;
            }
        });
        Coverage { wanted }
    }

    /// Each term's factor in the passage (0 when absent): the largest of its ids the passage
    /// holds, as `article::found` gives it.
    fn inside(&self, passage: &Passage, inside: &mut [f32]) {
        inside.iter_mut().for_each(|f| *f = 0.0);
        TERM_SLOTS.with_borrow(|slots| {
            let (slots, mask) = masked(slots);
            let mut take = |id: TermId, at: u32| {
                if at == NO_SLOT {
                    return;
                }
                for &(_, k, f) in self.wanted[at as usize..].iter().take_while(|e| e.0 == id) {
                    inside[k as usize] = inside[k as usize].max(f);
                }
            };
            // Four terms at a time, as the 3-grams in `rerank`: most are none of the question's.
            let mut quads = passage.terms.chunks_exact(4);
            for quad in &mut quads {
                let at = [quad[0], quad[1], quad[2], quad[3]].map(|id| slots[id as usize & mask]);
                if at[0] & at[1] & at[2] & at[3] != NO_SLOT {
                    quad.iter().zip(at).for_each(|(&id, at)| take(id, at));
                }
            }
            for &id in quads.remainder() {
                take(id, slots[id as usize & mask]);
            }
        });
    }

    /// Leaves the table as it was found (only this question's slots are touched).
    fn clear(&self) {
        TERM_SLOTS.with_borrow_mut(|slots| {
            for &(id, _, _) in &self.wanted {
                slots[id as usize] = NO_SLOT;
            }
        });
    }
}

thread_local! {
    /// Per term id: where its entries start in the ranked question's [`Coverage`], or
    /// [`NO_SLOT`]; set for one rank and cleared after.
    static TERM_SLOTS: std::cell::RefCell<Vec<u32>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{archive_with_one_quake, lexicon, seed_article};

    /// A ranking as comparable bits.
    fn bits(ranked: &[Scored]) -> Vec<(usize, u32, u32)> {
        ranked
            .iter()
            .map(|s| (s.passage, s.score.to_bits(), s.coverage.to_bits()))
            .collect()
    }

    /// The same ranking on a thread of its own: nothing kept from earlier rankings.
    fn fresh(q: &str, index: &Index, only_doc: Option<usize>) -> Vec<(usize, u32, u32)> {
        std::thread::scope(|s| {
            s.spawn(|| bits(&rank(&analyse(q, None, index), index, only_doc, None)))
                .join()
                .unwrap()
        })
    }

    #[test]
    fn rankings_after_earlier_ones_on_the_thread_give_what_a_fresh_thread_gives() {
        let archive = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
        let seed = Index::build(&[seed_article(1)], std::iter::empty(), lexicon());
        let q = "kapan gempa terjadi dan berapa harga paket data whatsapp?";
        let asked = analyse(q, None, &archive);
        let over_all = rank(&asked, &archive, None, None);
        assert_eq!(bits(&over_all), fresh(q, &archive, None));
        // The paragraph ranking within the best article, right after, on the same slot table.
        let doc = archive.passages[over_all[0].passage].doc as usize;
        let within = rank(&asked, &archive, Some(doc), None);
        assert_eq!(bits(&within), fresh(q, &archive, Some(doc)));
        // Another index on the same thread: its 3-gram ids are not the archive's.
        let other = rank(&analyse(q, None, &seed), &seed, None, None);
        assert_eq!(bits(&other), fresh(q, &seed, None));
        assert!(!other.is_empty() && !within.is_empty());
    }
}
