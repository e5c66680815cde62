//! What the article choice's steps measure of a candidate article ([`ArticleEvidence`]), the
//! weights of that evidence (`config/default.toml`'s `[article]`, the same type), and the ledger
//! keeping the measurements for the fitting dump (`ask --articles`, `scripts/fit_article.py`).

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

/// One value per kind of evidence the article steps weigh (see [`steps`](super::steps) for how
/// each is measured): as measured of one candidate article, or as the weight it is multiplied by
/// ([`ArticleWeights`]), as the paragraph ranker's `Features` serve both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleEvidence {
    /// An article holding every salient term of the question (a number, a name, a rare word)
    /// over one holding none: on one topic, the figure or name the reader quotes tells which
    /// report ("yang naik 1,27 persen", "3.100 jiwa").
    pub salient: f32,
    /// An article holding every word of a clause placing the question over one holding none (the
    /// words weighed by how few articles hold them, `siblings::clause_share`).
    pub clause: f32,
    /// An article quoting every figure the question quotes ("ditutup di 1.234,56") over one
    /// quoting none: the whole figure, unlike its digit groups among the salient terms, is in few
    /// reports.
    pub figures: f32,
    /// The same for the whole numbers it quotes ("naik 35 bps"): a whole number is in more
    /// reports than a figure with a separator.
    pub numbers: f32,
    /// An article whose value of a measure meets the question's condition on it ("di atas 4,35
    /// persen") gains, and one whose values all fail it loses.
    pub condition: f32,
    /// A full date agreement (1) or a clear mismatch (-1).
    pub date: f32,
    /// An on-topic article whose title names the question's date (a year or a month, "inflasi
    /// 2030") over one that only agrees by its publication date or text: the title says what
    /// time the report is about, so among same-topic reports it breaks the tie.
    pub title_date: f32,
    /// A report on the whole of the year the question names alone ("laba 2031", out in January
    /// 2032) over the same topic's reports from within that year, which give part of it.
    pub whole_year: f32,
    /// No date at all: a running figure is asked about now, so the newest report on the topic
    /// wins a near tie.
    pub recency_tie: f32,
    /// "Terbaru", "sekarang": the newest report on the topic is lifted to the best's score and
    /// this above it — the reader asked for the newest report, not for the one that best echoes
    /// the words. As evidence, 1 for the report lifted (its lift is not a weighted sum: it
    /// reaches the best).
    pub latest: f32,
}

/// How much each kind of evidence moves a candidate article's passages.
pub type ArticleWeights = ArticleEvidence;

impl ArticleEvidence {
    /// The shipped weights, `config/default.toml`'s `[article]` (compiled in, as the other
    /// models' are, so engines built without settings answer as the shipped bot does).
    pub fn builtin() -> Self {
        #[derive(Deserialize)]
        struct File {
            article: Section,
        }
        #[derive(Deserialize)]
        struct Section {
            weights: ArticleWeights,
        }
        let file: File = toml::from_str(include_str!("../../../config/default.toml"))
            .expect("config/default.toml has a valid [article] section");
        file.article.weights
    }

    /// What these weights add to a candidate article's score for the `evidence` measured of it,
    /// but for `latest`, whose lift is not a weighted sum.
    pub fn weighed(&self, evidence: &ArticleEvidence) -> f32 {
        let (w, e) = (self, evidence);
        w.salient * e.salient
            + w.clause * e.clause
            + w.figures * e.figures
            + w.numbers * e.numbers
            + w.condition * e.condition
            + w.date * e.date
            + w.title_date * e.title_date
            + w.whole_year * e.whole_year
            + w.recency_tie * e.recency_tie
    }
}

/// One candidate article as the fitting dump shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DocRow {
    pub doc: usize,
    pub title: String,
    /// Its best passage's word score, before the steps.
    pub base: f32,
    pub evidence: ArticleEvidence,
    /// What the steps the weights do not cover moved it by (a numbered part it lacks).
    pub other: f32,
}

/// The evidence noted per article while tracing (off when answering).
#[derive(Debug, Default)]
pub(super) struct Ledger(Option<RefCell<Vec<(usize, ArticleEvidence)>>>);

impl Ledger {
    pub(super) fn tracing() -> Self {
        Ledger(Some(RefCell::new(Vec::new())))
    }

    pub(super) fn note(&self, doc: usize, f: impl FnOnce(&mut ArticleEvidence)) {
        if let Some(cell) = &self.0 {
            let mut rows = cell.borrow_mut();
            match rows.iter_mut().find(|(d, _)| *d == doc) {
                Some((_, e)) => f(e),
                None => {
                    let mut e = ArticleEvidence::default();
                    f(&mut e);
                    rows.push((doc, e));
                }
            }
        }
    }

    pub(super) fn of(&self, doc: usize) -> ArticleEvidence {
        self.0
            .as_ref()
            .and_then(|c| c.borrow().iter().find(|(d, _)| *d == doc).map(|p| p.1))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighing_evidence_multiplies_field_by_field_and_leaves_the_newest_reports_lift_out() {
        let weights = ArticleWeights {
            salient: 2.0,
            date: 3.0,
            latest: 100.0,
            ..ArticleEvidence::default()
        };
        let evidence = ArticleEvidence {
            salient: 0.5,
            date: -1.0,
            numbers: 7.0,
            latest: 1.0,
            ..ArticleEvidence::default()
        };
        assert_eq!(weights.weighed(&evidence), 2.0 * 0.5 - 3.0);
    }
}
