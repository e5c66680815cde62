//! Article questions: rank passages on two channels (BM25 over stems, character 3-gram TF-IDF
//! cosine), then decide whether the best one really answers — refusing unless the score, the lead
//! over other articles, the share of the question's words found and a specific keyword all hold,
//! and every name or number the question mentions is in the passage.

// The 3-gram channel looks up every 3-gram of every candidate's words: a fast hasher.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::bm25;
use super::index::{Index, Passage, word_trigrams};
use super::intents::Thresholds;
use super::query::{AnswerType, Query, Term};

/// How many BM25 leaders get the (dearer) 3-gram channel and the checks.
const CANDIDATES: usize = 24;
const BM25_WEIGHT: f32 = 0.6;
const TRIGRAM_WEIGHT: f32 = 0.4;
/// A passage holding what the question word asks for (a year for "kapan").
const TYPE_BONUS: f32 = 0.08;
const LEAD_BONUS: f32 = 0.03;

#[derive(Debug, Clone)]
pub struct Scored {
    pub passage: usize,
    pub score: f32,
    pub coverage: f32,
}

/// Why the best passage was not good enough (kept for tests and debugging).
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    NoContent,
    NoMatch,
    /// "Berapa …?" answered by a passage with no figure, "kapan …?" by one with no time.
    WrongType,
    MissingName(String),
    /// A specific word of the question the articles hold, but not the quoted passage.
    MissingWord(String),
    LowScore,
    LowCoverage,
    OnlyGenericWords,
    Ambiguous,
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub doc: usize,
    /// The paragraphs to quote, in order (the best, and a neighbour when it completes the answer).
    pub paragraphs: Vec<usize>,
    pub confidence: f32,
}

/// An English word the bridge cannot carry: a dictionary gap, little evidence of absence.
const UNTRANSLATED_WEIGHT: f32 = 0.2;

/// How much each question word counts towards coverage: rare words more, general words little.
pub(super) fn weight(term: &Term, index: &Index) -> f32 {
    if term.generic {
        return 0.3;
    }
    if term.untranslated {
        return UNTRANSLATED_WEIGHT;
    }
    if !term.known() {
        return 0.55;
    }
    let idf = term
        .matches
        .iter()
        .map(|(id, _)| index.idf(*id))
        .fold(0.0, f32::max);
    0.5 + 0.5 * (idf / index.unseen_idf()).min(1.0)
}

/// The factor with which a term is found in the passage (0 when absent).
pub(super) fn found(term: &Term, passage: &Passage) -> f32 {
    term.matches
        .iter()
        .filter(|(id, _)| passage.terms.binary_search(id).is_ok())
        .map(|(_, f)| *f)
        .fold(0.0, f32::max)
}

fn found_in_title(term: &Term, index: &Index, passage: &Passage) -> bool {
    let title = &index.docs[passage.doc as usize].title_terms;
    term.in_terms(title)
}

/// Share of the question's (weighted) content words present in the passages or the title.
pub fn coverage(q: &Query, index: &Index, passages: &[&Passage]) -> f32 {
    let weights: Vec<f32> = q.terms.iter().map(|t| weight(t, index)).collect();
    coverage_weighted(q, index, passages, &weights)
}

/// [`coverage`] with each term's [`weight`] given (computed once for many candidates).
fn coverage_weighted(q: &Query, index: &Index, passages: &[&Passage], weights: &[f32]) -> f32 {
    let total: f32 = weights.iter().sum();
    if total == 0.0 {
        return 0.0;
    }
    let got: f32 = q
        .terms
        .iter()
        .zip(weights)
        .map(|(t, w)| {
            let inside = passages.iter().map(|p| found(t, p)).fold(0.0, f32::max);
            let f = if inside > 0.0 {
                inside
            } else if found_in_title(t, index, passages[0]) {
                // The title tells which article, not that this paragraph says it.
                0.5
            } else if t.context && in_doc(t, index, passages[0].doc as usize) {
                // A clause placing the question ("saat rupiah ditutup di …") is met by the
                // article; the answering paragraph need not repeat it.
                1.0
            } else {
                0.0
            };
            w * f
        })
        .sum();
    got / total
}

/// Whether a passage holds the kind of detail the question asks for (`None`: any passage may do).
fn type_match(t: AnswerType, p: &Passage) -> Option<bool> {
    let p = &p.flags;
    match t {
        AnswerType::Date => Some(p.has_when),
        AnswerType::Number => Some(p.has_number),
        AnswerType::YesNo => Some(p.has_stance && !p.has_hearsay),
        AnswerType::Reason => Some(p.has_cause),
        AnswerType::Person | AnswerType::Place | AnswerType::Manner | AnswerType::Any => None,
    }
}

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
    // 3-gram channel: the question's word forms (and their stems) against each candidate's words.
    let mut q_pos: HashMap<u32, usize> = HashMap::default();
    let mut q_idf: Vec<f32> = Vec::new();
    let mut q_norm = 0.0f32;
    let mut unseen = HashSet::default();
    for term in &q.terms {
        for form in term
            .forms
            .iter()
            .flat_map(|f| [f.clone(), index.lx.stem(f)])
        {
            for g in word_trigrams(&form) {
                match index.trigram(&g) {
                    Some((id, idf)) => {
                        if let std::collections::hash_map::Entry::Vacant(e) = q_pos.entry(id) {
                            e.insert(q_idf.len());
                            q_idf.push(idf);
                            q_norm += idf * idf;
                        }
                    }
                    None => {
                        if unseen.insert(g) {
                            q_norm += index.max_trigram_idf.powi(2);
                        }
                    }
                }
            }
        }
    }
    let q_norm = q_norm.sqrt().max(1e-6);
    // Each 3-gram of each candidate's words is looked up: in a dense table, one load each.
    SLOTS.with_borrow_mut(|slots| {
        if slots.len() < index.trigram_count() {
            slots.resize(index.trigram_count(), NO_SLOT);
        }
        for (&id, &k) in &q_pos {
            slots[id as usize] = k as u32;
        }
    });
    // Which of the question's 3-grams each candidate holds, as bits: a term's bits are worked
    // out once per question, however many candidates hold the term.
    let width = q_idf.len().div_ceil(64).max(1);
    let dots: Vec<f32> = SLOTS.with_borrow(|slots| {
        MASKS.with_borrow_mut(|memo| {
            memo.begin(index.term_count());
            let mut hit = vec![0u64; width];
            order
                .iter()
                .map(|&(p, _)| {
                    hit.iter_mut().for_each(|h| *h = 0);
                    for &t in &index.passages[p as usize].terms {
                        let at = memo.mask(t, width, || {
                            index
                                .trigrams_of(t)
                                .iter()
                                .map(|&g| slots[g as usize])
                                .filter(|&k| k != NO_SLOT)
                        });
                        if let Some(at) = at {
                            for (h, m) in hit.iter_mut().zip(&memo.masks[at..at + width]) {
                                *h |= m;
                            }
                        }
                    }
                    (0..q_idf.len())
                        .filter(|&k| hit[k / 64] >> (k % 64) & 1 == 1)
                        .map(|k| q_idf[k] * q_idf[k])
                        .sum()
                })
                .collect()
        })
    });
    let weights: Vec<f32> = q.terms.iter().map(|t| weight(t, index)).collect();
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
                coverage: coverage_weighted(q, index, &[passage], &weights),
            }
        })
        .collect();
    SLOTS.with_borrow_mut(|slots| {
        for &id in q_pos.keys() {
            slots[id as usize] = NO_SLOT;
        }
    });
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

const NO_SLOT: u32 = u32::MAX;
thread_local! {
    /// Per 3-gram id: its position among the question's 3-grams, or [`NO_SLOT`]. Filled for one
    /// question's candidates and cleared after (only its own slots).
    static SLOTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
    static MASKS: std::cell::RefCell<TermMasks> = const {
        std::cell::RefCell::new(TermMasks { seen: Vec::new(), round: 0, masks: Vec::new() })
    };
}

/// For one ranking, each index term's question 3-grams as bits: the candidates of one question
/// share most of their terms, and a term's 3-grams were looked up once per candidate holding it.
struct TermMasks {
    /// Per term id: the ranking that last worked it out, and where its bits start in `masks`
    /// ([`NO_MASK`]: none of its 3-grams is the question's).
    seen: Vec<(u32, u32)>,
    /// Numbers the rankings, so that `seen` is never cleared.
    round: u32,
    masks: Vec<u64>,
}

const NO_MASK: u32 = u32::MAX;

impl TermMasks {
    fn begin(&mut self, terms: usize) {
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.seen.iter_mut().for_each(|s| s.0 = 0);
            self.round = 1;
        }
        if self.seen.len() < terms {
            self.seen.resize(terms, (0, NO_MASK));
        }
        self.masks.clear();
    }

    /// Where term `t`'s bits start, from the question-3-gram positions `slots` gives on first use.
    fn mask<I: Iterator<Item = u32>>(
        &mut self,
        t: u32,
        width: usize,
        slots: impl FnOnce() -> I,
    ) -> Option<usize> {
        let (round, at) = self.seen[t as usize];
        if round == self.round {
            return (at != NO_MASK).then_some(at as usize);
        }
        let start = self.masks.len();
        self.masks.resize(start + width, 0);
        let mut any = false;
        for k in slots() {
            self.masks[start + k as usize / 64] |= 1 << (k % 64);
            any = true;
        }
        let at = if any {
            start as u32
        } else {
            self.masks.truncate(start);
            NO_MASK
        };
        self.seen[t as usize] = (self.round, at);
        (at != NO_MASK).then_some(at as usize)
    }
}

/// Answer or refuse, from the ranking.
pub fn decide(
    q: &Query,
    index: &Index,
    ranked: &[Scored],
    th: &Thresholds,
) -> Result<Decision, Refusal> {
    if q.terms.is_empty() {
        return Err(Refusal::NoContent);
    }
    let best = ranked.first().ok_or(Refusal::NoMatch)?;
    // A yes/no question asserts a relation, so its predicate must be where its names are: a
    // runner-up passage that holds it all answers instead, or the question is refused.
    if q.answer_type == AnswerType::YesNo
        && let Some(t) = predicate_gap(q, index, &index.passages[best.passage])
    {
        let next = ranked
            .iter()
            .take(4)
            .position(|s| predicate_gap(q, index, &index.passages[s.passage]).is_none());
        return match next {
            Some(pos) => decide(q, index, &ranked[pos..], th),
            None => Err(Refusal::MissingWord(t.word.clone())),
        };
    }
    // "Siapa pendiri Telegram?": a who-question whose predicate the article never uses asks about
    // something else, however well the name matches.
    if q.answer_type == AnswerType::Person
        && let Some(t) = foreign_predicate(q, index)
    {
        return Err(Refusal::MissingWord(t.word.clone()));
    }
    let passage = &index.passages[best.passage];
    let doc = passage.doc as usize;
    // What the question asks about ("siapa pemilik …", "berapa utang …") must be something the
    // article speaks of, in some paragraph or its title. An English question's word crossed a
    // dictionary, which may miss the article's word: left to the model.
    if q.lang == super::lang::Lang::Id
        && let Some(t) = q.terms.iter().find(|t| {
            t.head
                && !t.untranslated
                && !in_doc(t, index, doc)
                && !found_in_title(t, index, passage)
        })
    {
        return Err(Refusal::MissingWord(t.word.clone()));
    }
    // Neighbours may complete the answer; names and numbers may sit there or in the title.
    let neighbours: Vec<&Passage> = [
        (passage.paragraph as usize).checked_sub(1),
        Some(passage.paragraph as usize + 1),
    ]
    .into_iter()
    .flatten()
    .filter_map(|i| index.passage_of(doc, i))
    .collect();
    for t in q.terms.iter().filter(|t| t.salient) {
        let near = std::iter::once(passage)
            .chain(neighbours.iter().copied())
            .any(|p| found(t, p) > 0.0);
        if !near && !found_in_title(t, index, passage) && !elsewhere_in_doc(t, index, passage) {
            return Err(Refusal::MissingName(t.word.clone()));
        }
    }
    if best.score < th.min_score {
        return Err(Refusal::LowScore);
    }
    let mut paragraphs = vec![passage.paragraph as usize];
    let mut cov = best.coverage;
    // A neighbour completes an answer; it does not make one out of two weak halves.
    if cov < th.min_coverage {
        return Err(Refusal::LowCoverage);
    }
    for n in &neighbours {
        let joined = if n.paragraph < passage.paragraph {
            [*n, passage]
        } else {
            [passage, *n]
        };
        let c = coverage(q, index, &joined);
        if c > cov + 0.1 {
            cov = c;
            paragraphs = joined.iter().map(|p| p.paragraph as usize).collect();
        }
    }
    if cov < th.min_coverage {
        return Err(Refusal::LowCoverage);
    }
    // Numbers and times must be in what is quoted; a neighbour that has one and shares the
    // question's words completes the answer.
    if matches!(q.answer_type, AnswerType::Date | AnswerType::Number) {
        // "Kapan …?" may be answered by a condition ("jika …") when the passage is plainly about
        // what was asked; otherwise it needs a real date.
        let clear = best.coverage >= 0.8;
        let holds = |i: usize| {
            index.passage_of(doc, i).is_some_and(|p| {
                type_match(q.answer_type, p).unwrap_or(false)
                    || (q.answer_type == AnswerType::Date && clear && p.flags.has_condition)
            })
        };
        if !paragraphs.iter().any(|&i| holds(i)) {
            let helper = neighbours.iter().find(|n| {
                holds(n.paragraph as usize)
                    && q.terms.iter().any(|t| !t.generic && found(t, n) > 0.0)
            });
            match helper {
                Some(n) => {
                    paragraphs.push(n.paragraph as usize);
                    paragraphs.sort_unstable();
                    paragraphs.dedup();
                }
                None => return Err(Refusal::WrongType),
            }
        }
    }
    // "Kenapa …?" answered by a passage restating the fact: its neighbour may give the cause.
    if q.answer_type == AnswerType::Reason
        && !passage.flags.has_cause
        && let Some(n) = neighbours
            .iter()
            .find(|n| n.flags.has_cause && q.terms.iter().any(|t| !t.generic && found(t, n) > 0.0))
    {
        paragraphs.push(n.paragraph as usize);
        paragraphs.sort_unstable();
        paragraphs.dedup();
    }
    let specific = q.terms.iter().any(|t| {
        !t.generic
            && paragraphs
                .iter()
                .any(|&i| index.passage_of(doc, i).is_some_and(|p| found(t, p) > 0.0))
    });
    if !specific {
        return Err(Refusal::OnlyGenericWords);
    }
    let rival = ranked
        .iter()
        .find(|s| index.passages[s.passage].doc as usize != doc);
    let margin = match rival {
        Some(r) => (best.score - r.score) / best.score.max(1e-6),
        None => 1.0,
    };
    if let Some(r) = rival
        && margin < th.min_margin
        && r.coverage >= best.coverage
    {
        return Err(Refusal::Ambiguous);
    }
    let confidence =
        (0.45 * cov + 0.35 * (best.score / 0.6).min(1.0) + 0.2 * margin.clamp(0.0, 1.0))
            .clamp(0.0, 1.0);
    Ok(Decision {
        doc,
        paragraphs,
        confidence,
    })
}

/// Whether any paragraph of the article holds the term.
fn in_doc(t: &Term, index: &Index, doc: usize) -> bool {
    (0..index.docs[doc].paragraphs.len())
        .filter_map(|i| index.passage_of(doc, i))
        .any(|p| found(t, p) > 0.0)
}

/// Whether another paragraph of the passage's article holds the term.
fn elsewhere_in_doc(t: &Term, index: &Index, passage: &Passage) -> bool {
    let doc = &index.docs[passage.doc as usize];
    (0..doc.paragraphs.len())
        .filter(|&i| i != passage.paragraph as usize)
        .filter_map(|i| index.passage_of(passage.doc as usize, i))
        .any(|p| found(t, p) > 0.0)
}

/// The question word a yes/no answer from this passage would leave out: a specific word this
/// article uses, but only in other paragraphs ("Apakah Telegram membeli Signal?": the names are in
/// the paragraph about switching, "beli" only in the one about Facebook buying WhatsApp), or a
/// prefixed verb this article does not use ("Apakah Kominfo memblokir WhatsApp?", "Apakah OJK
/// mengakuisisi bank digital?"). Gradable words
/// ("naik", "aman") are left to coverage: a passage may answer them in other words.
fn predicate_gap<'q>(q: &'q Query, index: &Index, passage: &Passage) -> Option<&'q Term> {
    let lx = &index.lx;
    q.terms.iter().find(|t| {
        if t.salient {
            // Names too: a neighbour may complete an answer, not supply one side of the relation.
            return t.known() && found(t, passage) == 0.0 && !found_in_title(t, index, passage);
        }
        !t.generic
            && !lx.is_gradable(&t.word)
            && if t.known() {
                found(t, passage) == 0.0
                    && !found_in_title(t, index, passage)
                    && (elsewhere_in_doc(t, index, passage)
                        || (q.lang == super::lang::Lang::Id && lx.is_prefixed_verb(&t.word)))
            } else {
                q.lang == super::lang::Lang::Id && lx.is_prefixed_verb(&t.word)
            }
    })
}

/// A word of a who-question that no article uses and that carries its predicate: an Indonesian
/// prefixed verb or agent noun, or any unknown English content word ("founded").
fn foreign_predicate<'q>(q: &'q Query, index: &Index) -> Option<&'q Term> {
    let lx = &index.lx;
    q.terms.iter().find(|t| {
        !t.known()
            && !t.salient
            && !t.generic
            && !lx.is_gradable(&t.word)
            && match q.lang {
                super::lang::Lang::Id => lx.is_prefixed_verb(&t.word) || lx.is_agent_noun(&t.word),
                super::lang::Lang::En => true,
            }
    })
}
