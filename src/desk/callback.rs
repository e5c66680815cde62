//! The compact codec for inline-button `callback_data` (Telegram allows 1–64 bytes).
//!
//! Every button the desk sends carries one [`Action`], encoded as a short `tag:field:field`
//! string. Decoding is strict: anything that is not exactly one of these forms is `None`, so a
//! forged or garbled callback is recognised and answered politely instead of being acted on.
//! Whether a well-formed action still applies (the question exists, the draft is pending) is the
//! handler's business, not the codec's.

use crate::nlu::Lang;

/// Telegram's limit on `callback_data`, in bytes.
pub const MAX_CALLBACK_BYTES: usize = 64;

/// What a button press asks the desk to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// 👍 (`up`) or 👎 on the answer to a logged question: `fb:+:<question>` / `fb:-:<question>`.
    Feedback { question_id: i64, up: bool },
    /// The paragraph after `paragraph` of an article: `more:<article>:<paragraph>`.
    More { article_id: i64, paragraph: usize },
    /// Switch the chat's reply language: `lang:id` / `lang:en`.
    Lang(Lang),
    /// Ask the `index`-th suggested question offered by `/start`: `ask:<index>`.
    Suggestion { index: usize },
    /// Talk to a person (opens a ticket): `human`.
    Human,
    /// Publish a pending draft: `pub:<draft>`.
    Publish { draft_id: i64 },
    /// Throw a pending draft away: `cancel:<draft>`.
    CancelDraft { draft_id: i64 },
    /// Confirm removing an article: `rm:<article>`.
    Remove { article_id: i64 },
    /// Keep the article after all: `keep:<article>`.
    KeepArticle { article_id: i64 },
}

impl Action {
    /// The `callback_data` for this action; always within [`MAX_CALLBACK_BYTES`] (the longest form,
    /// `more:` with two 20-digit numbers, is 46 bytes).
    pub fn encode(&self) -> String {
        let data = match *self {
            Action::Feedback { question_id, up } => {
                format!("fb:{}:{question_id}", if up { '+' } else { '-' })
            }
            Action::More {
                article_id,
                paragraph,
            } => format!("more:{article_id}:{paragraph}"),
            Action::Lang(lang) => format!("lang:{}", lang.as_str()),
            Action::Suggestion { index } => format!("ask:{index}"),
            Action::Human => "human".to_string(),
            Action::Publish { draft_id } => format!("pub:{draft_id}"),
            Action::CancelDraft { draft_id } => format!("cancel:{draft_id}"),
            Action::Remove { article_id } => format!("rm:{article_id}"),
            Action::KeepArticle { article_id } => format!("keep:{article_id}"),
        };
        debug_assert!(data.len() <= MAX_CALLBACK_BYTES);
        data
    }

    /// The action `data` encodes, or `None` when it is not one the desk sends.
    pub fn decode(data: &str) -> Option<Action> {
        if data.is_empty() || data.len() > MAX_CALLBACK_BYTES {
            return None;
        }
        let mut parts = data.split(':');
        let tag = parts.next()?;
        let fields: Vec<&str> = parts.collect();
        let action = match (tag, fields.as_slice()) {
            ("fb", [sign, id]) => Action::Feedback {
                up: match *sign {
                    "+" => true,
                    "-" => false,
                    _ => return None,
                },
                question_id: id_field(id)?,
            },
            ("more", [article, paragraph]) => Action::More {
                article_id: id_field(article)?,
                paragraph: number_field(paragraph)?,
            },
            ("lang", [code]) => Action::Lang(Lang::from_code(code)?),
            ("ask", [index]) => Action::Suggestion {
                index: number_field(index)?,
            },
            ("human", []) => Action::Human,
            ("pub", [draft]) => Action::Publish {
                draft_id: id_field(draft)?,
            },
            ("cancel", [draft]) => Action::CancelDraft {
                draft_id: id_field(draft)?,
            },
            ("rm", [article]) => Action::Remove {
                article_id: id_field(article)?,
            },
            ("keep", [article]) => Action::KeepArticle {
                article_id: id_field(article)?,
            },
            _ => return None,
        };
        Some(action)
    }
}

/// A database id: plain ASCII digits, positive, no sign or leading zero, so that each id has
/// exactly one encoding.
fn id_field(text: &str) -> Option<i64> {
    let value = number_field(text)?;
    i64::try_from(value).ok().filter(|&id| id > 0)
}

fn number_field(text: &str) -> Option<usize> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if canonical { text.parse().ok() } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Action> {
        vec![
            Action::Feedback {
                question_id: 7,
                up: true,
            },
            Action::Feedback {
                question_id: i64::MAX,
                up: false,
            },
            Action::More {
                article_id: i64::MAX,
                paragraph: usize::MAX,
            },
            Action::More {
                article_id: 1,
                paragraph: 0,
            },
            Action::Lang(Lang::Id),
            Action::Lang(Lang::En),
            Action::Suggestion { index: 3 },
            Action::Human,
            Action::Publish { draft_id: 12 },
            Action::CancelDraft { draft_id: 12 },
            Action::Remove { article_id: 5 },
            Action::KeepArticle { article_id: 5 },
        ]
    }

    #[test]
    fn every_action_survives_a_round_trip_within_64_bytes() {
        for action in every_kind() {
            let data = action.encode();
            assert!(data.len() <= MAX_CALLBACK_BYTES, "{data} is too long");
            assert_eq!(Action::decode(&data), Some(action), "{data}");
        }
    }

    #[test]
    fn the_documented_forms_are_the_encodings() {
        assert_eq!(
            Action::Feedback {
                question_id: 42,
                up: true
            }
            .encode(),
            "fb:+:42"
        );
        assert_eq!(
            Action::More {
                article_id: 3,
                paragraph: 4
            }
            .encode(),
            "more:3:4"
        );
        assert_eq!(Action::Lang(Lang::En).encode(), "lang:en");
        assert_eq!(Action::Human.encode(), "human");
        assert_eq!(Action::Publish { draft_id: 9 }.encode(), "pub:9");
        assert_eq!(Action::Remove { article_id: 9 }.encode(), "rm:9");
    }

    #[test]
    fn forged_or_garbled_data_decodes_to_nothing() {
        for data in [
            "",
            "fb",
            "fb:+",
            "fb:*:1",
            "fb:+:-1",
            "fb:+:0",
            "fb:+:01",
            "fb:+:1:2",
            "fb:+:99999999999999999999999",
            "more:1",
            "more:x:1",
            "more:1:+2",
            "lang:de",
            "lang:",
            "human:1",
            "HUMAN",
            "pub:",
            "pub: 1",
            "rm:1.5",
            "drop table",
            "ask:-1",
            "💥",
        ] {
            assert_eq!(Action::decode(data), None, "{data:?}");
        }
        assert_eq!(Action::decode(&"1".repeat(65)), None);
    }
}
