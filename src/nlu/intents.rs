//! `config/intents.toml`: the small-talk intents with their example phrases, every reply text in
//! Indonesian and English, the ticker's indicator names, and the decision thresholds.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

use super::Intent;
use super::lang::Lang;

/// The intents file shipped in the repository, for tests, benchmarks and as documentation.
pub const BUILTIN: &str = include_str!("../../config/intents.toml");

/// A text in both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangText {
    pub id: String,
    pub en: String,
}

impl LangText {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// A configured small-talk intent (greeting, thanks, help, human).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmallTalk {
    pub name: Intent,
    pub examples: Vec<String>,
    pub reply: LangText,
}

/// An indicator on the ticker and the words readers use for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// As the page writes it (`EMAS`, `USD/IDR`).
    pub name: String,
    /// What English readers call it (`gold`), when the page's name is Indonesian.
    #[serde(default)]
    pub en: Option<String>,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TickerWords {
    /// Words that may surround an indicator name in a question about its figure.
    pub context: Vec<String>,
}

/// Decision thresholds (see `decide.rs` for how each is used).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub min_score: f32,
    pub min_coverage: f32,
    pub min_margin: f32,
    pub smalltalk: f32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    thresholds: Thresholds,
    intent: Vec<SmallTalk>,
    indicator: Vec<Indicator>,
    ticker: TickerWords,
    replies: HashMap<String, LangText>,
}

/// The parsed intents file.
#[derive(Debug, Clone)]
pub struct Intents {
    pub thresholds: Thresholds,
    /// The answer-or-refuse model: `config/default.toml`'s `[answer]` (the shipped one unless the
    /// app sets the layered settings' one).
    pub decision: super::decide::DecisionModel,
    /// The paragraph ranker: `config/default.toml`'s `[passage]` (likewise).
    pub passage: super::passage::Model,
    /// The article choice's weights: `config/default.toml`'s `[article]` (likewise).
    pub article: super::decide::ArticleWeights,
    pub smalltalk: Vec<SmallTalk>,
    pub indicators: Vec<Indicator>,
    pub ticker_words: TickerWords,
    pub replies: HashMap<ReplyKey, LangText>,
}

/// The reply texts the engine writes itself (small talk's replies belong to their intents). Each is
/// a `[replies.<name>]` entry of the intents file; a file missing one is refused at load time, not
/// at answer time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReplyKey {
    Fallback,
    Empty,
    Article,
    Ticker,
    TickerUnknown,
    TickerNone,
    MetaAuthor,
    MetaDate,
    MetaTitle,
    MetaSource,
    MetaUnknown,
    MetaList,
    MetaLineAuthor,
    MetaLineDate,
    MetaLineTitle,
    MetaLineSource,
    MoreEnd,
    Up,
    Down,
    Flat,
}

impl ReplyKey {
    pub const ALL: [ReplyKey; 20] = [
        ReplyKey::Fallback,
        ReplyKey::Empty,
        ReplyKey::Article,
        ReplyKey::Ticker,
        ReplyKey::TickerUnknown,
        ReplyKey::TickerNone,
        ReplyKey::MetaAuthor,
        ReplyKey::MetaDate,
        ReplyKey::MetaTitle,
        ReplyKey::MetaSource,
        ReplyKey::MetaUnknown,
        ReplyKey::MetaList,
        ReplyKey::MetaLineAuthor,
        ReplyKey::MetaLineDate,
        ReplyKey::MetaLineTitle,
        ReplyKey::MetaLineSource,
        ReplyKey::MoreEnd,
        ReplyKey::Up,
        ReplyKey::Down,
        ReplyKey::Flat,
    ];

    /// The entry's name in the intents file.
    pub fn as_str(self) -> &'static str {
        match self {
            ReplyKey::Fallback => "fallback",
            ReplyKey::Empty => "empty",
            ReplyKey::Article => "article",
            ReplyKey::Ticker => "ticker",
            ReplyKey::TickerUnknown => "ticker_unknown",
            ReplyKey::TickerNone => "ticker_none",
            ReplyKey::MetaAuthor => "meta_author",
            ReplyKey::MetaDate => "meta_date",
            ReplyKey::MetaTitle => "meta_title",
            ReplyKey::MetaSource => "meta_source",
            ReplyKey::MetaUnknown => "meta_unknown",
            ReplyKey::MetaList => "meta_list",
            ReplyKey::MetaLineAuthor => "meta_line_author",
            ReplyKey::MetaLineDate => "meta_line_date",
            ReplyKey::MetaLineTitle => "meta_line_title",
            ReplyKey::MetaLineSource => "meta_line_source",
            ReplyKey::MoreEnd => "more_end",
            ReplyKey::Up => "up",
            ReplyKey::Down => "down",
            ReplyKey::Flat => "flat",
        }
    }
}
impl Intents {
    pub fn from_toml_str(text: &str) -> Result<Self> {
        let file: File = toml::from_str(text).context("intents file is not valid")?;
        for name in Intent::SMALL_TALK {
            if !file.intent.iter().any(|i| i.name == name) {
                bail!("intents file has no [[intent]] named \"{}\"", name.as_str());
            }
        }
        for i in &file.intent {
            if !i.name.is_small_talk() {
                bail!(
                    "\"{}\" is not a small-talk intent (expected one of {:?})",
                    i.name.as_str(),
                    Intent::SMALL_TALK.map(Intent::as_str)
                );
            }
            if i.examples.is_empty() {
                bail!("intent \"{}\" has no examples", i.name);
            }
        }
        let mut replies = HashMap::new();
        for key in ReplyKey::ALL {
            let Some(text) = file.replies.get(key.as_str()) else {
                bail!("intents file has no [replies.{}] text", key.as_str());
            };
            replies.insert(key, text.clone());
        }
        Ok(Intents {
            thresholds: file.thresholds,
            decision: super::decide::DecisionModel::builtin(),
            passage: super::passage::Model::builtin(),
            article: super::decide::ArticleWeights::builtin(),
            smalltalk: file.intent,
            indicators: file.indicator,
            ticker_words: file.ticker,
            replies,
        })
    }

    pub fn load(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read intents file {}", path.display()))?;
        Self::from_toml_str(&text).with_context(|| format!("in {}", path.display()))
    }

    /// An indicator's name for readers of `lang`: the page's own (`EMAS`), or in English its
    /// configured English name with the page's in brackets (`Gold (EMAS)`).
    pub fn indicator_label(&self, name: &str, lang: Lang) -> String {
        let english = self
            .indicators
            .iter()
            .find(|i| i.name.eq_ignore_ascii_case(name))
            .and_then(|i| i.en.as_deref());
        match (lang, english) {
            (Lang::En, Some(en)) => {
                let mut chars = en.chars();
                let capital: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                format!("{capital} ({name})")
            }
            _ => name.to_string(),
        }
    }

    /// The intents file compiled into the binary.
    pub fn builtin() -> Self {
        Self::from_toml_str(BUILTIN).expect("the shipped config/intents.toml is valid")
    }

    /// A configured text: a reply key (`fallback`, `ticker`, …) or a small-talk intent's reply.
    /// One of the engine's own reply texts.
    pub fn text(&self, key: ReplyKey, lang: Lang) -> &str {
        self.replies
            .get(&key)
            .map(|t| t.get(lang))
            .unwrap_or_default()
    }

    /// A small-talk intent's reply.
    pub fn small_talk_text(&self, intent: Intent, lang: Lang) -> &str {
        self.smalltalk
            .iter()
            .find(|i| i.name == intent)
            .map(|i| i.reply.get(lang))
            .unwrap_or_default()
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    if let Some(out) = fill_once(template, values) {
        return out;
    }
    let mut out = template.to_string();
    let mut key = String::new();
    for (k, v) in values {
        key.clear();
        key.push('{');
        key.push_str(k);
        key.push('}');
        out = out.replace(key.as_str(), v);
    }
    out
}

/// [`fill`] in one pass over the template, where that gives what the replacements one name after
/// another give: every brace of the template opens or closes a placeholder of a given name, and
/// no name, nor any value but the last (which no later replacement reads), holds a brace. Then no
/// replacement can make or break another's placeholder, and each placeholder takes the value of
/// the first name it is; else `None`. (A replacement per name searched and copied the whole text
/// each time.) Braces are ASCII, so bytes are searched: the last value is an answer's quote.
fn fill_once(template: &str, values: &[(&str, &str)]) -> Option<String> {
    let brace = |b: &u8| *b == b'{' || *b == b'}';
    let (last, before) = values.split_last()?;
    if last.0.as_bytes().iter().any(brace)
        || before
            .iter()
            .any(|(k, v)| k.as_bytes().iter().any(brace) || v.as_bytes().iter().any(brace))
    {
        return None;
    }
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(at) = rest.as_bytes().iter().position(brace) {
        if rest.as_bytes()[at] == b'}' {
            return None;
        }
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, value) = values.iter().find(|(k, _)| {
            after
                .strip_prefix(k)
                .is_some_and(|tail| tail.starts_with('}'))
        })?;
        out.push_str(value);
        rest = &after[name.len() + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_intents_file_loads() {
        let intents = Intents::builtin();
        assert_eq!(intents.smalltalk.len(), 5);
        // Offering a person is the desk's business: only it knows whether one is available.
        assert!(
            !intents
                .text(ReplyKey::Fallback, Lang::En)
                .contains("/human")
        );
        assert!(
            !intents
                .small_talk_text(Intent::Greeting, Lang::Id)
                .is_empty()
        );
    }

    #[test]
    fn a_file_missing_an_intent_or_reply_is_refused_with_its_name() {
        let without_human = BUILTIN.replace("name = \"human\"", "name = \"humanx\"");
        let err = format!("{:#}", Intents::from_toml_str(&without_human).unwrap_err());
        assert!(err.contains("humanx") || err.contains("human"), "{err}");
        let err = format!("{:#}", Intents::from_toml_str("nonsense = [").unwrap_err());
        assert!(err.contains("not valid"), "{err}");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("{a} dan {b}", &[("a", "1"), ("b", "2")]), "1 dan 2");
        // The one pass gives what one replacement after another gives, or leaves it to them.
        let one_by_one = |template: &str, values: &[(&str, &str)]| {
            values.iter().fold(template.to_string(), |out, (k, v)| {
                out.replace(&format!("{{{k}}}"), v)
            })
        };
        for (template, values) in [
            ("{a} {b} {a}", &[("a", "1"), ("b", "2")][..]),
            ("{a}{ab}", &[("a", "1"), ("ab", "2")]),
            ("{a} {a}", &[("a", "1"), ("a", "2")]),
            ("{c} {a}", &[("a", "1")]),
            ("{a}}", &[("a", "1")]),
            ("{{a}", &[("a", "b}")]),
            ("{a} {b}", &[("a", "{b}"), ("b", "2")]),
            ("{a} {b}", &[("a", "1"), ("b", "{a}")]),
            ("{a}", &[("a", "}{")]),
            ("{x{a}y}", &[("a", "1"), ("x1y", "2")]),
            ("no names", &[("a", "1")]),
            ("", &[]),
        ] {
            assert_eq!(
                fill(template, values),
                one_by_one(template, values),
                "{template}"
            );
        }
    }
}
