//! Article questions: rank passages on two channels (BM25 over stems, character 3-gram TF-IDF
//! cosine), then decide whether the best one really answers — refusing unless the score, the lead
//! over other articles, the share of the question's words found and a specific keyword all hold,
//! and every name or number the question mentions is in the passage.
//!
//! Split by feature: this file owns what both stages share (the results, coverage, the answer-type
//! match); `ranking` ranks the passages on the two channels (`grams`: the 3-gram dots, worked out
//! once per question and paragraph); `checks` decides whether the best one
//! answers.

mod checks;
mod grams;
mod ranking;

use super::index::{Index, Passage};
use super::query::{AnswerType, Query, Term};

pub use self::checks::decide;
pub(crate) use self::checks::{said_otherwise, unspoken_head};
pub use self::ranking::rank;
pub(crate) use grams::new_uid as new_index_uid;

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
    // An abbreviation's long form ("perdagangan" for "mendag") is held like a synonym.
    let long_form = term
        .long_form
        .iter()
        .filter(|id| passage.terms.binary_search(id).is_ok())
        .map(|_| LONG_FORM_FACTOR);
    term.matches
        .iter()
        .filter(|(id, _)| passage.terms.binary_search(id).is_ok())
        .map(|(_, f)| *f)
        .chain(long_form)
        .fold(0.0, f32::max)
}

/// How much a passage holding an abbreviation's long form holds the abbreviation: as much as a
/// synonym (`query::term`'s factor).
const LONG_FORM_FACTOR: f32 = 0.8;

fn found_in_title(term: &Term, index: &Index, passage: &Passage) -> bool {
    let title = &index.docs[passage.doc as usize].title_terms;
    term.in_terms(title)
}

/// Share of the question's (weighted) content words present in the passages or the title.
pub fn coverage(q: &Query, index: &Index, passages: &[&Passage]) -> f32 {
    let weights: Vec<f32> = q.terms.iter().map(|t| weight(t, index)).collect();
    coverage_weighted(q, index, passages, &weights)
}

/// [`coverage`] of a question asking the one term `t` (placed elsewhere only by its own clause,
/// as such a question names no report up front), without building that question: a copy of the
/// term for each salient word near the answer was most of what the measure cost.
pub(crate) fn term_coverage(t: &Term, index: &Index, passages: &[&Passage]) -> f32 {
    let weights = [weight(t, index)];
    if weights.iter().sum::<f32>() == 0.0 {
        return 0.0;
    }
    let inside = [passages.iter().map(|p| found(t, p)).fold(0.0, f32::max)];
    let doc = passages[0].doc as usize;
    coverage_found(&weights, &inside, |_| {
        outside_placed(t.context, index, t, doc)
    })
}

/// [`coverage`] with each term's [`weight`] given (computed once for many candidates).
fn coverage_weighted(q: &Query, index: &Index, passages: &[&Passage], weights: &[f32]) -> f32 {
    if weights.iter().sum::<f32>() == 0.0 {
        return 0.0;
    }
    let inside: Vec<f32> = q
        .terms
        .iter()
        .map(|t| passages.iter().map(|p| found(t, p)).fold(0.0, f32::max))
        .collect();
    let doc = passages[0].doc as usize;
    coverage_found(weights, &inside, |k| outside(q, index, &q.terms[k], doc))
}

/// [`coverage_weighted`] with each term's factor in the passages given (`inside`, 0 when
/// absent) and, for a term they lack, its [`outside`] factor (by term position): the ranking
/// finds them for many candidates at once.
fn coverage_found(weights: &[f32], inside: &[f32], mut outside: impl FnMut(usize) -> f32) -> f32 {
    let total: f32 = weights.iter().sum();
    if total == 0.0 {
        return 0.0;
    }
    let got: f32 = weights
        .iter()
        .zip(inside)
        .enumerate()
        .map(|(k, (w, &inside))| {
            let f = if inside > 0.0 { inside } else { outside(k) };
            w * f
        })
        .sum();
    got / total
}

/// How much an article's passages that lack a term still hold it, by the article alone.
fn outside(q: &Query, index: &Index, t: &Term, doc: usize) -> f32 {
    outside_placed(q.placed_elsewhere(t), index, t, doc)
}

/// [`outside`], given whether the question places the term elsewhere.
fn outside_placed(placed: bool, index: &Index, t: &Term, doc: usize) -> f32 {
    let titled = t.in_terms(&index.docs[doc].title_terms);
    if placed && (titled || in_doc(t, index, doc)) {
        // A clause placing the question ("saat rupiah ditutup di …") is met by the
        // article, its title included; the answering paragraph need not repeat it.
        1.0
    } else if titled {
        // The title tells which article, not that this paragraph says it.
        0.5
    } else {
        0.0
    }
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
/// Whether any paragraph of the article holds the term.
pub(crate) fn in_doc(t: &Term, index: &Index, doc: usize) -> bool {
    t.in_terms(&index.docs[doc].terms)
}

/// Whether another paragraph of the passage's article holds the term.
fn elsewhere_in_doc(t: &Term, index: &Index, passage: &Passage) -> bool {
    let doc = &index.docs[passage.doc as usize];
    (0..doc.paragraphs.len())
        .filter(|&i| i != passage.paragraph as usize)
        .filter_map(|i| index.passage_of(passage.doc as usize, i))
        .any(|p| found(t, p) > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_placing_the_question_is_met_by_the_title_as_fully_as_by_a_paragraph() {
        let index = crate::nlu::testing::one_article_index(
            "Panen Kopi Lumbung Gagal\n\nHarga teh di pasar kini Rp 5.000 per bungkus.\n",
        );
        let q = crate::nlu::query::analyse(
            "Saat panen kopi Lumbung gagal, berapa harga teh?",
            None,
            &index,
        );
        let kopi = q.terms.iter().find(|t| t.word == "kopi").expect("a term");
        assert!(q.placed_elsewhere(kopi), "the clause was read");
        assert_eq!(outside(&q, &index, kopi, 0), 1.0);
        // Outside a placing clause the title only tells which article.
        let q = crate::nlu::query::analyse("Berapa harga kopi?", None, &index);
        let kopi = q.terms.iter().find(|t| t.word == "kopi").expect("a term");
        assert_eq!(outside(&q, &index, kopi, 0), 0.5);
    }
}
