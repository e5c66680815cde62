//! Whether, and how tellingly, an article holds a question's term: the checks the choice of an
//! article, its evidence features and its same-topic siblings share.

use crate::nlu::index::Index;
use crate::nlu::query::{Query, Term};

/// How telling it is that an article holds the term: its best match's `ln(articles / articles
/// holding it)`, weighed by the match's factor.
pub(super) fn doc_weight(t: &Term, index: &Index) -> f32 {
    t.matches
        .iter()
        .map(|&(id, factor)| index.doc_idf(id) * factor)
        .fold(0.0f32, f32::max)
}

/// Whether any paragraph or the title of the article holds the term.
pub(super) fn doc_holds(t: &Term, index: &Index, doc: usize) -> bool {
    let d = &index.docs[doc];
    t.in_terms(&d.title_terms) || t.in_terms(&d.terms)
}

/// Whether one paragraph of `doc` (with the title) holds every salient word of the clause placing
/// the question.
pub(super) fn clause_held(q: &Query, salient: &[&Term], index: &Index, doc: usize) -> bool {
    let d = &index.docs[doc];
    let clause: Vec<&&Term> = salient
        .iter()
        .filter(|t| q.placed_elsewhere(t) && !t.in_terms(&d.title_terms))
        .collect();
    clause.is_empty()
        || index.passages[d.first_passage..d.first_passage + d.paragraphs.len()]
            .iter()
            .any(|p| clause.iter().all(|t| t.in_terms(&p.terms)))
}
