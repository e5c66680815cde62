//! The article choice's weights ([`ArticleWeights`], `config/default.toml`'s `[article]`) and
//! the evidence each of its steps measures of a candidate article ([`DocEvidence`]), kept for the
//! fitting dump (`ask --articles`, `scripts/fit_article.py`).

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

/// How much each kind of evidence moves a candidate article's passages (see
/// [`steps`](super::steps) for what each measures).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleWeights {
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
    /// the words.
    pub latest: f32,
}

impl ArticleWeights {
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
}

/// What the steps measured of one candidate article, before weighing: each field is the
/// evidence [`ArticleWeights`]'s field of the same name multiplies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DocEvidence {
    pub salient: f32,
    pub clause: f32,
    pub figures: f32,
    pub numbers: f32,
    pub condition: f32,
    pub date: f32,
    pub title_date: f32,
    pub whole_year: f32,
    pub recency_tie: f32,
    /// 1 for the report "terbaru" lifts (its lift is not a weighted sum: it reaches the best).
    pub latest: f32,
}

/// One candidate article as the fitting dump shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DocRow {
    pub doc: usize,
    pub title: String,
    /// Its best passage's word score, before the steps.
    pub base: f32,
    pub evidence: DocEvidence,
    /// What the steps the weights do not cover moved it by (a numbered part it lacks).
    pub other: f32,
}

/// The evidence noted per article while tracing (off when answering).
#[derive(Debug, Default)]
pub(super) struct Ledger(Option<RefCell<Vec<(usize, DocEvidence)>>>);

impl Ledger {
    pub(super) fn tracing() -> Self {
        Ledger(Some(RefCell::new(Vec::new())))
    }

    pub(super) fn note(&self, doc: usize, f: impl FnOnce(&mut DocEvidence)) {
        if let Some(cell) = &self.0 {
            let mut rows = cell.borrow_mut();
            match rows.iter_mut().find(|(d, _)| *d == doc) {
                Some((_, e)) => f(e),
                None => {
                    let mut e = DocEvidence::default();
                    f(&mut e);
                    rows.push((doc, e));
                }
            }
        }
    }

    pub(super) fn of(&self, doc: usize) -> DocEvidence {
        self.0
            .as_ref()
            .and_then(|c| c.borrow().iter().find(|(d, _)| *d == doc).map(|p| p.1))
            .unwrap_or_default()
    }
}
