//! The answer-or-refuse model: the evidence measured for the chosen passage ([`Features`]) and
//! the logistic model over it whose weights `config/default.toml` holds ([`DecisionModel`]).

use serde::{Deserialize, Serialize};

#[cfg(doc)]
use crate::nlu::query::Term;

/// The evidence measured for the best passage: what the logistic model weighs.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Features {
    /// Combined passage score (BM25 share + 3-gram cosine + bonuses).
    pub score: f32,
    /// Relative lead over the best passage of another article.
    pub margin: f32,
    /// Weighted share of the question's words in the passage (title half-counted).
    pub coverage: f32,
    /// Share of the question's salient terms (names, numbers, capitalised words) nowhere near.
    pub salient_missing: f32,
    /// Share of the question's salient terms the chosen article holds nowhere (title included):
    /// a figure, a name or a rare word the report never mentions is one it cannot answer about.
    pub salient_absent: f32,
    /// Share of the question's rare ordinary words ([`Term::rare`]) the chosen article holds
    /// nowhere: weaker evidence than a missing name, for the model to weigh.
    pub rare_absent: f32,
    /// Share of the question's terms the archive does not know at all.
    pub unknown: f32,
    /// 1 when a sentence holds the kind of value asked for (or nothing particular is asked).
    pub type_match: f32,
    /// Best sentence's share of the question's words.
    pub sentence_share: f32,
    /// Date agreement of the article, -1..1 (0: the question names no date).
    pub date: f32,
    /// 1 when a year the question names is in no candidate article at all (its dates or text).
    pub date_absent: f32,
    /// Share of the question's dates (with a year) that the article names nowhere, to the month.
    pub date_conflict: f32,
    /// 1 for an English question (its words cross a dictionary, not the article's own).
    pub english: f32,
    /// The idf-weighted share of the question's specific words the article holds nowhere
    /// ([`super::evidence::absent_share`]).
    pub absent: f32,
    /// 1 when the word-level checks failed on coverage or score, not on a missing name, word or
    /// kind of value ([`super::evidence::failed_on_coverage`]).
    pub failed_coverage: f32,
    /// 1 when the word-level checks (names, predicate, type, coverage) all hold.
    pub checks: f32,
    /// 1 when a figure the question quotes (with a separator, or a whole number before a unit,
    /// "naik 75 bps", [`super::siblings::figures_quoted`]; or any number of it not spelling a date,
    /// "daya 650 VA") is nowhere in the chosen article: a report that never gives the reader's
    /// figure cannot answer about it, which a share among the salient terms (one of five)
    /// weighed too lightly.
    pub figure_absent: f32,
    /// 1 when the question names a numbered part of a series ("kuartal III", "pekan ke-9",
    /// "golongan IV", "kesebelas") the chosen article never writes
    /// ([`super::period::period_absent_in`]): a sibling report on another part holds every other
    /// word. A veto, not weighed: in the tuning sets it never fired on an answerable question,
    /// and fitted as one more weight it stayed too soft to refuse (see config/default.toml), so
    /// its weight defaults to 0.
    #[serde(default)]
    pub period_absent: f32,
    /// 1 when the question asks what a thing is ("apa itu …?", "what is a …?") and no paragraph of
    /// the chosen article defines it ([`super::relation::definition`]). A veto, not weighed, as
    /// `period_absent`: it fired on no answerable tuning question (see config/default.toml).
    #[serde(default)]
    pub definition_unmet: f32,
    /// 1 when a word narrowing the noun the question opens with is nowhere in the chosen article
    /// ([`super::evidence::phrase_absent`]), or a region it names by a place and a compass word
    /// is never written as one ([`super::region::region_absent`]).
    #[serde(default)]
    pub phrase_absent: f32,
    /// Share of an English question's terms that neither the bridge nor the articles know and
    /// that are no name or number ([`Term::untranslated`]: "reset", "iphone"): left out of
    /// `unknown` as a dictionary's gap, but a question most of whose words cross no dictionary
    /// is about something the articles never write.
    #[serde(default)]
    pub untranslated: f32,
}

impl Features {
    fn as_array(&self) -> [f32; 21] {
        [
            self.score,
            self.margin,
            self.coverage,
            self.salient_missing,
            self.salient_absent,
            self.rare_absent,
            self.unknown,
            self.type_match,
            self.sentence_share,
            self.date,
            self.date_absent,
            self.date_conflict,
            self.english,
            self.checks,
            self.absent,
            self.failed_coverage,
            self.figure_absent,
            self.period_absent,
            self.definition_unmet,
            self.phrase_absent,
            self.untranslated,
        ]
    }
}

/// A logistic model: answer when `sigmoid(bias + Σ weight·feature) >= threshold`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionModel {
    pub threshold: f32,
    pub bias: f32,
    pub weights: Features,
}

impl DecisionModel {
    /// The `[answer]` section of the shipped `config/default.toml`.
    pub fn builtin() -> DecisionModel {
        #[derive(Deserialize)]
        struct File {
            answer: DecisionModel,
        }
        let file: File = toml::from_str(include_str!("../../../config/default.toml"))
            .expect("config/default.toml has a valid [answer] section");
        file.answer
    }

    pub fn probability(&self, f: &Features) -> f32 {
        let z: f32 = self.bias
            + self
                .weights
                .as_array()
                .iter()
                .zip(f.as_array())
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}
