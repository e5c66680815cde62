//! Pure parsing of articles: the scraped Kontan page form and plain text, into a [`ParsedArticle`].
//!
//! No I/O happens here: callers hand in bytes and get back a parsed article or a [`ParseError`]
//! that says, in words a user can act on, why the input was refused.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The largest input accepted, in bytes. Larger pages are refused before any parsing.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// One indicator from a page's market ticker, e.g. `EMAS 1.546.000 5.000 0,32%`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TickerItem {
    /// As written on the page, e.g. `EMAS`, `USD/IDR`, `IDX`.
    pub name: String,
    pub value: f64,
    pub change: f64,
    /// Percent, e.g. `0.32` for `0,32%`.
    pub change_pct: f64,
}

/// An article as parsed from its raw text, before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedArticle {
    pub title: String,
    pub published_at: Option<DateTime<FixedOffset>>,
    pub reporter: Option<String>,
    pub editor: Option<String>,
    /// Source/dateline, e.g. `KONTAN.CO.ID - JAKARTA`.
    pub source: Option<String>,
    /// Illustration caption (`ILUSTRASI. …`), kept apart from the body.
    pub caption: Option<String>,
    /// Body paragraphs in order, boilerplate removed.
    pub paragraphs: Vec<String>,
    pub ticker: Vec<TickerItem>,
}

/// An article as held by the store: its id, when it was imported, and its parsed content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: i64,
    /// When this version was imported; the newest ticker snapshot is the newest import's.
    pub imported_at: DateTime<chrono::Utc>,
    /// SHA-256 (hex) of the normalised source text; the same text imports as the same article.
    pub content_hash: String,
    #[serde(flatten)]
    pub parsed: ParsedArticle,
}
