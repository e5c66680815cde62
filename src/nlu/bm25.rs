//! The first ranking stage: the passages with the best BM25 scores over the question's stems,
//! without walking every posting of every term.
//!
//! A question's common stems ("harga", "naik") are in a good share of all paragraphs, and walking
//! their postings in full was most of the time per question in a large archive. MaxScore-style
//! pruning: each term's score has an upper bound (its weighted idf times the largest saturated term
//! frequency any passage gives it, worked out at build). Terms are walked rarest-bound first; once
//! the bounds of the terms left add up to less than the k-th best score so far, no passage those
//! walks have not touched can reach the top k, so the remaining terms are only looked up for the
//! passages still in the running, and those fall out as soon as their own bound drops below it.
//!
//! The result is exactly the exhaustive one: the survivors' scores are summed again in the
//! question's term order — the same floats the exhaustive sum gives — before the same top-k
//! selection. Every bound carries a margin far larger than the rounding of a different summing
//! order, so pruning never drops a passage the exhaustive ranking would keep.

use std::cell::RefCell;
use std::ops::Range;

use super::article::weight;
use super::index::{Index, TermId};
use super::query::Query;

/// Relative slack on every bound and threshold: summing a dozen positive f32 in another order
/// moves the result by a few 1e-7 of it, so 1e-4 can never turn a kept passage into a pruned one.
const SLACK: f32 = 1e-4;

/// One question term as the ranking weighs it: its matches' weighted idfs and its score bound.
struct Weighted {
    /// (index term, idf × synonym factor × coverage weight), only terms with postings.
    matches: Vec<(TermId, f32)>,
    /// No passage gets more than this from the term.
    bound: f32,
}

/// The best `k` passages (within `range`) by BM25, best first (ties by passage), with the ideal
/// score the question's terms could reach.
pub fn top(q: &Query, index: &Index, range: Range<usize>, k: usize) -> (Vec<(u32, f32)>, f32) {
    let (terms, ideal) = weigh(q, index);
    let whole = range.start == 0 && range.end == index.passages.len();
    let order = if whole && prunable(&terms, index, k) {
        pruned(&terms, index, k)
    } else {
        exhaustive(&terms, index, range, k)
    };
    (order, ideal)
}

/// The question's terms as the ranking weighs them, and the ideal score.
fn weigh(q: &Query, index: &Index) -> (Vec<Weighted>, f32) {
    let mut ideal = 0.0f32;
    let mut terms = Vec::with_capacity(q.terms.len());
    for term in &q.terms {
        let w = weight(term, index);
        let max_idf = term
            .matches
            .iter()
            .map(|(id, _)| index.idf(*id))
            .fold(0.0, f32::max);
        ideal += w * if term.known() {
            max_idf
        } else {
            index.unseen_idf()
        };
        let mut matches = Vec::with_capacity(term.matches.len());
        let mut bound = 0.0f32;
        for &(id, factor) in &term.matches {
            if index.postings(id).is_empty() {
                continue;
            }
            // The same expression as the exhaustive sum, so the floats agree.
            let idf = index.idf(id) * factor * w;
            bound = bound.max(idf * index.max_saturation(id));
            matches.push((id, idf));
        }
        terms.push(Weighted { matches, bound });
    }
    (terms, ideal)
}

/// Whether pruning can pay: several terms, and more postings than candidates many times over.
fn prunable(terms: &[Weighted], index: &Index, k: usize) -> bool {
    let walked: usize = terms
        .iter()
        .flat_map(|t| &t.matches)
        .map(|&(id, _)| index.postings(id).len())
        .sum();
    terms.iter().filter(|t| !t.matches.is_empty()).count() > 1 && walked > 16 * k
}

/// Per-thread accumulators sized to the index once and reset after each question (only the
/// touched slots), so a question costs what its postings cost, not what the index holds.
#[derive(Default)]
struct Scratch {
    /// Per passage: the score summed so far (0: untouched, or pruned).
    scores: Vec<f32>,
    /// Per passage: the current term's best match.
    term_best: Vec<f32>,
    /// Passages with a score, each once.
    touched_all: Vec<u32>,
    /// Passages the current term touched.
    touched: Vec<u32>,
    /// The best scores of a selection ([`Scratch::kth`]), best first.
    buf: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn by_score(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The `k` best of `order`, sorted.
fn select(mut order: Vec<(u32, f32)>, k: usize) -> Vec<(u32, f32)> {
    if order.len() > k {
        order.select_nth_unstable_by(k - 1, by_score);
        order.truncate(k);
    }
    order.sort_unstable_by(by_score);
    order
}

/// Every posting of every term, summed in the question's order.
fn exhaustive(terms: &[Weighted], index: &Index, range: Range<usize>, k: usize) -> Vec<(u32, f32)> {
    SCRATCH.with_borrow_mut(|s| {
        s.size(index.passages.len());
        for term in terms {
            s.walk(term, index, range.clone(), false);
        }
        let order = s.touched_all.iter().map(|&p| (p, s.scores[p as usize]));
        let order = order.collect();
        s.reset();
        select(order, k)
    })
}

impl Scratch {
    fn size(&mut self, n: usize) {
        if self.scores.len() < n {
            self.scores.resize(n, 0.0);
            self.term_best.resize(n, 0.0);
        }
    }

    /// Adds a term's best match to the score of every passage holding it (`only_scored`: only to
    /// passages already scored, without touching new ones).
    /// Returns the highest score it leaves.
    fn walk(
        &mut self,
        term: &Weighted,
        index: &Index,
        range: Range<usize>,
        only_scored: bool,
    ) -> f32 {
        if let [(id, idf)] = term.matches[..] {
            // One match: its score is the term's, added directly (the same float as through
            // `term_best`, whose maximum of one value is that value).
            let mut best = 0.0f32;
            for (p, tf) in index.postings_in(id, range) {
                let total = &mut self.scores[p as usize];
                if only_scored && *total == 0.0 {
                    continue;
                }
                let tf = tf as f32;
                let s = idf * tf / (tf + index.length_norm(p as usize));
                if *total == 0.0 {
                    self.touched_all.push(p);
                }
                *total += s;
                best = best.max(*total);
            }
            return best;
        }
        for &(id, idf) in &term.matches {
            for (p, tf) in index.postings_in(id, range.clone()) {
                if only_scored && self.scores[p as usize] == 0.0 {
                    continue;
                }
                let tf = tf as f32;
                // Saturated term frequency, scaled to at most 1 so that `ideal` bounds the sum.
                let s = idf * tf / (tf + index.length_norm(p as usize));
                let slot = &mut self.term_best[p as usize];
                if *slot == 0.0 {
                    self.touched.push(p);
                }
                *slot = slot.max(s);
            }
        }
        let mut best = 0.0f32;
        for &p in &self.touched {
            let total = &mut self.scores[p as usize];
            if *total == 0.0 {
                self.touched_all.push(p);
            }
            *total += self.term_best[p as usize];
            best = best.max(*total);
            self.term_best[p as usize] = 0.0;
        }
        self.touched.clear();
        best
    }

    /// The `k`-th best score among `among`, when at least `k` of them score above `floor`
    /// (else 0, which prunes nothing). The `k` best so far are kept in `buf`, best first: most
    /// scores fall below the k-th and cost one comparison (a selection over all of them moved
    /// each several times, and at 10,000 articles there are thousands per question).
    fn kth(&mut self, k: usize, among: &[u32], floor: f32) -> f32 {
        if among.len() < k || k == 0 {
            return 0.0;
        }
        let best = &mut self.buf;
        best.clear();
        for &p in among {
            let s = self.scores[p as usize];
            if s <= floor || (best.len() == k && s <= best[k - 1]) {
                continue;
            }
            if best.len() == k {
                best.pop();
            }
            let at = best.partition_point(|&b| b >= s);
            best.insert(at, s);
        }
        if best.len() < k { 0.0 } else { best[k - 1] }
    }

    fn reset(&mut self) {
        for &p in &self.touched_all {
            self.scores[p as usize] = 0.0;
        }
        self.touched_all.clear();
    }
}

/// Whether a passage whose score can still grow by `left` cannot reach `threshold`.
fn out_of_reach(score: f32, left: f32, threshold: f32) -> bool {
    (score + left) * (1.0 + SLACK) < threshold * (1.0 - SLACK)
}

/// MaxScore: see the module's comment.
fn pruned(terms: &[Weighted], index: &Index, k: usize) -> Vec<(u32, f32)> {
    let n = index.passages.len();
    // Terms by decreasing bound; `left[j]`: what the terms from the j-th on can add at most.
    let mut by_bound: Vec<usize> = (0..terms.len())
        .filter(|&i| !terms[i].matches.is_empty())
        .collect();
    by_bound.sort_by(|&a, &b| terms[b].bound.total_cmp(&terms[a].bound));
    let mut left = vec![0.0f32; by_bound.len() + 1];
    for j in (0..by_bound.len()).rev() {
        left[j] = left[j + 1] + terms[by_bound[j]].bound;
    }
    SCRATCH.with_borrow_mut(|s| {
        s.size(n);
        // Walk terms in full while a passage no walk has touched could still reach the top k.
        let mut j = 0;
        // The best score so far: the k-th best is no higher, so the selection is skipped until
        // the terms left could no longer lift a new passage even to it.
        let mut best = 0.0f32;
        while j < by_bound.len() {
            if s.touched_all.len() >= k && out_of_reach(0.0, left[j], best) {
                let all = std::mem::take(&mut s.touched_all);
                let threshold = s.kth(k, &all, left[j]);
                s.touched_all = all;
                if out_of_reach(0.0, left[j], threshold) {
                    break;
                }
            }
            best = best.max(s.walk(&terms[by_bound[j]], index, 0..n, false));
            j += 1;
        }
        // The rest only for the passages still in the running.
        let all = std::mem::take(&mut s.touched_all);
        let threshold = s.kth(k, &all, left[j]);
        let mut alive: Vec<u32> = all
            .iter()
            .copied()
            .filter(|&p| !out_of_reach(s.scores[p as usize], left[j], threshold))
            .collect();
        s.touched_all = all;
        while j < by_bound.len() {
            let term = &terms[by_bound[j]];
            let walked: usize = term
                .matches
                .iter()
                .map(|&(id, _)| index.postings(id).len())
                .sum();
            // Looking each survivor up costs a binary search; a short list is cheaper walked.
            if alive.len() * (usize::BITS - walked.leading_zeros()) as usize > walked {
                s.walk(term, index, 0..n, true);
            } else {
                for &p in &alive {
                    s.scores[p as usize] += best_match(term, index, p);
                }
            }
            j += 1;
            // Below what the terms left can add, a threshold prunes nothing: not selected for.
            let threshold = s.kth(k, &alive, left[j]);
            alive.retain(|&p| !out_of_reach(s.scores[p as usize], left[j], threshold));
        }
        s.reset();
        // The survivors' exact scores, summed in the question's term order.
        let order = alive
            .iter()
            .map(|&p| {
                let total = terms
                    .iter()
                    .fold(0.0f32, |total, term| total + best_match(term, index, p));
                (p, total)
            })
            .collect();
        select(order, k)
    })
}

/// A term's score in one passage: its best match's saturated, weighted term frequency (0 when the
/// passage holds none).
fn best_match(term: &Weighted, index: &Index, p: u32) -> f32 {
    let mut best = 0.0f32;
    for &(id, idf) in &term.matches {
        if let Some(tf) = index.tf(id, p) {
            let tf = tf as f32;
            best = best.max(idf * tf / (tf + index.length_norm(p as usize)));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::query;
    use crate::nlu::testing::{lexicon, plain_article};

    /// A made-up word from a number: three or four syllables, no real word intended.
    fn word(n: usize) -> String {
        const SYLLABLES: [&str; 8] = ["ba", "ki", "ru", "so", "me", "la", "tu", "no"];
        let mut w = String::new();
        let mut n = n;
        for _ in 0..3 {
            w.push_str(SYLLABLES[n % 8]);
            n /= 8;
        }
        w.push_str(SYLLABLES[(n + 3) % 8]);
        w
    }

    /// A small deterministic generator (no dependency for a test).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % below.max(1)
        }

        /// Low numbers far more often than high ones: common words and rare ones.
        fn skewed(&mut self, below: usize) -> usize {
            let cap = self.next(below) + 1;
            self.next(cap)
        }
    }

    #[test]
    fn pruning_keeps_exactly_the_passages_and_scores_of_the_full_sum() {
        let mut rng = Lcg(7);
        let articles: Vec<_> = (0..120)
            .map(|id| {
                let mut text = format!("{} {}\n\n", word(rng.skewed(400)), word(rng.skewed(400)));
                for _ in 0..6 {
                    let len = 5 + rng.next(30);
                    let words: Vec<String> = (0..len).map(|_| word(rng.skewed(400))).collect();
                    text.push_str(&words.join(" "));
                    text.push_str(".\n\n");
                }
                plain_article(id, &text)
            })
            .collect();
        let index = Index::build(&articles, std::iter::empty(), lexicon());
        let mut pruned_some = 0;
        for round in 0..300 {
            let len = 2 + round % 5;
            let words: Vec<String> = (0..len).map(|_| word(rng.skewed(400))).collect();
            let q = query::analyse(&words.join(" "), None, &index);
            let (terms, _) = weigh(&q, &index);
            for k in [1, 5, 24] {
                let full = exhaustive(&terms, &index, 0..index.passages.len(), k);
                let fast = pruned(&terms, &index, k);
                // The definition, passage by passage: each term's best match, summed in order.
                let naive: Vec<(u32, f32)> = (0..index.passages.len() as u32)
                    .map(|p| {
                        let total = terms
                            .iter()
                            .fold(0.0f32, |total, t| total + best_match(t, &index, p));
                        (p, total)
                    })
                    .filter(|&(_, total)| total > 0.0)
                    .collect();
                let naive = select(naive, k);
                let bits = |v: &[(u32, f32)]| -> Vec<(u32, u32)> {
                    v.iter().map(|&(p, s)| (p, s.to_bits())).collect()
                };
                assert_eq!(bits(&full), bits(&naive), "question {words:?}, k = {k}");
                assert_eq!(bits(&fast), bits(&full), "question {words:?}, k = {k}");
                pruned_some += usize::from(prunable(&terms, &index, k));
            }
        }
        assert!(
            pruned_some > 100,
            "the test exercises pruning ({pruned_some})"
        );
    }
}
