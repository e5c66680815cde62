//! Labelled question sets as the shared scorer (`../shared/eval/score.py`) reads them: one JSON
//! object per line, and a reply passes when it is answered as labelled and, when answered, holds
//! every `all` and one `any` gold string.

use std::path::Path;

use chrono::{DateTime, Utc};
use newsdesk::content::{self, Article};
use newsdesk::nlu::Answer;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Case {
    pub q: String,
    pub cat: String,
    pub answered: bool,
    /// The intent the reply must have, where the set says.
    pub intent: Option<String>,
    #[serde(default)]
    pub all: Vec<String>,
    #[serde(default)]
    pub any: Vec<String>,
    /// A question asked just before, whose answer's topic becomes the follow-up context.
    pub after: Option<String>,
}

/// Every case of a `.jsonl` file (blank lines skipped).
pub fn read_cases(path: &Path) -> Vec<Case> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Whether the reply passes the case, as the shared scorer judges it.
pub fn passes(case: &Case, a: &Answer) -> bool {
    let text = a.text.to_lowercase();
    a.answered == case.answered
        && (!case.answered
            || (case.intent.as_ref().is_none_or(|i| *i == a.intent.as_str())
                && case.all.iter().all(|s| text.contains(&s.to_lowercase()))
                && (case.any.is_empty()
                    || case.any.iter().any(|s| text.contains(&s.to_lowercase())))))
}

/// An article file parsed as `newsdesk import` would store it.
pub fn article(id: i64, path: &Path, imported_at: DateTime<Utc>) -> Article {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Article {
        id,
        imported_at,
        content_hash: content::content_hash(&raw),
        parsed: content::parse(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    }
}
