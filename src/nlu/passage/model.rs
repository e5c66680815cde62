//! The paragraph ranker: what is measured of one candidate paragraph ([`Features`]) and the
//! fitted weights ([`Model`]) whose weighted sum of them picks the paragraph that answers.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::trees::Trees;

/// What is measured of one candidate paragraph: what the fitted [`Model`] weighs.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Features {
    /// Word score (BM25 and 3-grams over the whole archive, with the answer-type and lead
    /// bonuses of [`article::rank`](crate::nlu::article::rank); a continuing paragraph's is at
    /// least its inherited share).
    pub word: f32,
    /// The word score over the best candidate's of the article: scores differ in scale from
    /// question to question, their order within one article does not.
    pub word_share: f32,
    /// The best sentence's share of the article-distinctive words (with the question's date and
    /// extreme as extra terms).
    pub local: f32,
    /// How near a value of the wanted kind stands to those words, 0..1.
    pub near: f32,
    /// `local` times `near`: both in one paragraph.
    pub both: f32,
    /// `local` when the question asks why and no cause stands near its words: such a paragraph
    /// restates the event (news leads do) rather than explaining it.
    pub unexplained: f32,
    /// 1 when the paragraph names a date the question names.
    pub date: f32,
    /// 1 when the question asks for an extreme and the paragraph marks one ("tertinggi").
    pub extreme: f32,
    /// 1 when the paragraph opens by pointing back to the one before and the question asks why.
    pub carried: f32,
    /// 1 for the article's first paragraph (news leads sum the story up).
    pub lead: f32,
    /// The paragraph's place in the article, 0 (first) .. 1 (last).
    pub position: f32,
    /// The strongest value of the wanted kind in the best sentence, 0..1.
    pub typed: f32,
    /// The best sentence's share of the question's words (salient ones double).
    pub share: f32,
    /// How near a value stands to the question's rarest word in the article.
    pub rare: f32,
    /// The best sentence's share of the question's focus (the noun its question word asks about
    /// and the word after it), by rarity in the article; 0 when the question asks a figure, a
    /// date or a name and that sentence holds none.
    pub focus: f32,
    /// How near a value stands to the focus.
    pub focus_near: f32,
    /// The best sentence's share of the figures the question quotes.
    pub echo: f32,
    /// The paragraph before's share of the figures the question quotes, when this one quotes
    /// none of them: the question's clause placed the matter there ("ketika harga naik ke 9,99
    /// persen, berapa …"), and reports give what followed in the next paragraph.
    pub echo_before: f32,
    /// How near a value of the wanted kind stands to the question's words its sentence holds,
    /// over those words' weight alone, 0..1: `near` counts the words a sentence lacks as far
    /// off, so a paragraph restating the question without the value can outweigh the terse one
    /// giving it beside fewer of the words.
    pub tight: f32,
    /// `typed` when no paragraph holds a question word the title lacks: the question's words
    /// then only name the story, and the lead, restating it, holds most of them whatever is
    /// asked; a value of the kind asked is the evidence left.
    pub untitled_typed: f32,
    /// `typed` when the question asks why: the best sentence gives a cause ("karena", "dipicu",
    /// "disebabkan"). A cause sentence often shares few of the question's words (the lead
    /// restates the event in them, the cause comes later in other words), so its cue counts
    /// apart from `near`, which needs the question's words beside it. Read off the best
    /// sentence's `typed`, already measured: nothing is computed per term.
    pub cause: f32,
    /// The best sentence's value whose nearest date is the question's month or year, written
    /// with its year ([`labelled`](super::labelled)), 0..1.
    pub labelled: f32,
    /// The share of the sizes the question asks with their unit ("yang 5 gram harganya
    /// berapa?"), not in a clause placing it, that the paragraph writes so, figure and unit side
    /// by side: such a size picks the row of a list the answer is on, where a placing clause's
    /// figure names the report and the answer stands elsewhere (`echo`). A numbered row the
    /// question names with its noun ("Zona II") counts among them, held unless the paragraph
    /// gives only another row ([`paragraph_gives_another`](crate::nlu::decide::period::paragraph_gives_another)).
    pub echo_asked: f32,
}

impl Features {
    pub(super) fn as_array(&self) -> [f32; 23] {
        [
            self.word,
            self.word_share,
            self.local,
            self.near,
            self.both,
            self.unexplained,
            self.date,
            self.extreme,
            self.carried,
            self.lead,
            self.position,
            self.typed,
            self.share,
            self.rare,
            self.focus,
            self.focus_near,
            self.echo,
            self.echo_before,
            self.tight,
            self.untitled_typed,
            self.cause,
            self.labelled,
            self.echo_asked,
        ]
    }
}

/// The paragraph ranker: the paragraph of the highest `Σ weight·feature` answers, or with
/// [`Trees`] the one the trees rank first (the weighted sum is one of their inputs).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub weights: Features,
    /// `[passage] trees = true`: the shipped boosted trees rank the candidates of the answer types
    /// they were fitted on.
    pub trees: Option<Arc<Trees>>,
}

impl Model {
    /// The `[passage]` section of the shipped `config/default.toml`.
    pub fn builtin() -> Model {
        #[derive(Deserialize)]
        struct File {
            passage: Section,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Section {
            weights: Features,
            #[serde(default)]
            trees: bool,
        }
        let file: File = toml::from_str(include_str!("../../../config/default.toml"))
            .expect("config/default.toml has a valid [passage] section");
        Model::new(file.passage.weights, file.passage.trees)
    }

    /// The weights, with the shipped trees when `trees`.
    pub fn new(weights: Features, trees: bool) -> Model {
        Model {
            weights,
            trees: trees.then(|| Arc::new(Trees::builtin())),
        }
    }

    pub fn key(&self, f: &Features) -> f32 {
        self.weights
            .as_array()
            .iter()
            .zip(f.as_array())
            .map(|(w, x)| w * x)
            .sum()
    }
}
