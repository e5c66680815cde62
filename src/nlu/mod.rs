//! The answering pipeline — pure, no I/O, nothing of Telegram. A question goes through:
//! - analysis ([`query`]): normalised tokens ([`text`]) → slang map ([`lexicon`]), colloquial verb
//!   forms (`colloquial`) and vowel-dropped shorthand (`abbrev`) → English bridge → typo
//!   correction → stems ([`stem`]), with the figures it quotes read whole (`figures`);
//! - small talk, ticker and meta questions, answered apart ([`smalltalk`], [`ticker`], [`meta`]);
//! - retrieval: the in-memory [`index`] of every paragraph, ranked by BM25 (`bm25`) and character
//!   3-grams, with the word-level checks ([`article`]);
//! - evidence: the question's and the articles' dates (`dates`), the kind and measure of the
//!   value asked and where such values are (`answer_type`, `answer_measure`, over a paragraph's
//!   `sentences`);
//! - the answering paragraph and its marked sentence (`passage`, over each article's
//!   `paragraphs`);
//! - answer or refuse (`decide`: a logistic model over measured features, the weights in
//!   `config/default.toml`), a confidence in [0, 1].
//!
//! [`engine`] ties the stages together and words the replies (figures and dates by [`format`]);
//! `lang` picks the reply language; [`intents`] reads `config/intents.toml`.
//!
//! [`Engine`] is built over the articles, `config/intents.toml` ([`Intents`]) and the language data
//! under `lexicon/` ([`Lexicon`], loaded once by the caller); it is immutable, so callers rebuild it
//! and swap an `Arc` when content changes.

mod abbrev;
mod answer_measure;
mod answer_type;
mod article;
mod bm25;
mod colloquial;
mod condition;
mod dates;
mod decide;
mod engine;
mod figures;
pub mod format;
mod index;
mod intents;
mod lang;
pub mod lexicon;
mod meta;
mod paragraphs;
mod passage;
mod query;
mod sentences;
mod smalltalk;
mod stem;
#[cfg(test)]
mod testing;
mod text;
mod ticker;

use serde::{Deserialize, Serialize};

pub use decide::ArticleWeights;
pub use decide::{DecisionModel, Features};
pub use engine::{Engine, ParagraphDump};
pub use intents::{Intents, LangText, ReplyKey, SmallTalk, Thresholds};
pub use lang::{Lang, UnknownLang};
pub use lexicon::Lexicon;
pub use passage::{Features as PassageFeatures, Model as PassageModel};

/// What an answer is: small talk, a ticker figure, an article's metadata or passage, or a
/// refusal. Serialised (`ask --json`, the questions log) as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    Greeting,
    Thanks,
    Help,
    Human,
    About,
    Ticker,
    Meta,
    Article,
    Fallback,
}

impl Intent {
    /// The intents whose examples and replies `config/intents.toml` holds.
    pub const SMALL_TALK: [Intent; 5] = [
        Intent::Greeting,
        Intent::Thanks,
        Intent::Help,
        Intent::Human,
        Intent::About,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Greeting => "greeting",
            Intent::Thanks => "thanks",
            Intent::Help => "help",
            Intent::Human => "human",
            Intent::About => "about",
            Intent::Ticker => "ticker",
            Intent::Meta => "meta",
            Intent::Article => "article",
            Intent::Fallback => "fallback",
        }
    }

    pub fn is_small_talk(self) -> bool {
        Intent::SMALL_TALK.contains(&self)
    }
}

impl std::fmt::Display for Intent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a conversation is about, for follow-up questions. Stored per chat as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Topic {
    Article { article_id: i64, paragraph: usize },
    Indicator { name: String },
}

/// A reader's question.
#[derive(Debug, Clone, Copy)]
pub struct Question<'a> {
    pub text: &'a str,
    /// The reply language when the chat chose one (or `--lang`); otherwise detected.
    pub lang: Option<Lang>,
    /// The conversation's topic, for follow-ups ("kapan?", "and the price?").
    pub context: Option<&'a Topic>,
}

impl<'a> Question<'a> {
    pub fn new(text: &'a str) -> Self {
        Question {
            text,
            lang: None,
            context: None,
        }
    }
}

/// A passage an answer quotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub article_id: i64,
    pub title: String,
    pub paragraph: usize,
    /// The article's web address (`null` in `ask --json` when it has none).
    #[serde(default)]
    pub url: Option<String>,
}

/// The engine's reply to one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub intent: Intent,
    /// In [0, 1]: how sure the engine is of this intent (for a refusal: that it should refuse).
    pub confidence: f32,
    /// False for refusals (`fallback`).
    pub answered: bool,
    /// Exactly what the reader gets.
    pub text: String,
    pub sources: Vec<Source>,
    pub lang: Lang,
    /// What the conversation is about after this answer (unchanged by small talk and refusals).
    pub topic: Option<Topic>,
}

/// The `ask --json` line: `{"intent", "confidence", "answered", "text", "sources"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerJson {
    pub intent: Intent,
    pub confidence: f32,
    pub answered: bool,
    pub text: String,
    pub sources: Vec<Source>,
}

impl From<&Answer> for AnswerJson {
    fn from(a: &Answer) -> Self {
        AnswerJson {
            intent: a.intent,
            confidence: (a.confidence * 1000.0).round() / 1000.0,
            answered: a.answered,
            text: a.text.clone(),
            sources: a.sources.clone(),
        }
    }
}

impl Answer {
    /// One JSON object on one line, as `ask --json` prints it.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(&AnswerJson::from(self)).expect("answers serialise")
    }
}
