//! Pure parsing of articles: the scraped Kontan page form and plain text, into a [`ParsedArticle`];
//! web pages ([`html`]: JSON-LD, meta tags, readability) and news feeds ([`feed`]).
//!
//! No I/O happens here: callers hand in bytes and get back a parsed article or a [`ParseError`]
//! that says, in words a user can act on, why the input was refused.
//!
//! The parsers' word lists (site furniture, labels, markup) are data under `lexicon/pages/` and
//! `lexicon/markup/`, read once by [`lexicon`] (private to this module).
//!
//! Private parts: `kontan` (the scraped page form) and `plain` (plain text), sharing `fields`
//! (labelled lines such as `Reporter:`), `text` (line endings, odd spaces), `boilerplate` (site
//! furniture), `ticker` (the market ticker), `date` and `number` (publication times and
//! Indonesian numbers, also used outside through the re-exports below).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

mod boilerplate;
mod date;
mod dateline;
pub mod feed;
mod fields;
pub mod html;
mod kontan;
mod lexicon;
mod number;
mod plain;
mod text;
mod ticker;

pub use date::parse_datetime;
pub use dateline::body_after_dateline;
pub use number::{format_id_number, format_id_number_with, parse_id_number, serialize_compact};

/// The largest input accepted, in bytes. Larger pages are refused before any parsing.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// One indicator from a page's market ticker, e.g. `EMAS 1.546.000 5.000 0,32%`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TickerItem {
    /// As written on the page, e.g. `EMAS`, `USD/IDR`, `IDX`.
    pub name: String,
    #[serde(serialize_with = "serialize_compact")]
    pub value: f64,
    #[serde(serialize_with = "serialize_compact")]
    pub change: f64,
    /// Percent, e.g. `0.32` for `0,32%`.
    #[serde(serialize_with = "serialize_compact")]
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
    /// Illustration caption, kept apart from the body; its `ILUSTRASI.` prefix is dropped
    /// (`ILUSTRASI. Kebijakan privasi baru WhatsApp` → `Kebijakan privasi baru WhatsApp`).
    pub caption: Option<String>,
    /// Body paragraphs in order, boilerplate removed.
    pub paragraphs: Vec<String>,
    pub ticker: Vec<TickerItem>,
    /// Where the article lives on the web (its canonical URL), when it came from there or its text
    /// names it (`URL: https://…`).
    #[serde(default)]
    pub url: Option<String>,
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

/// Why an input was refused. The messages are shown to the person importing, so each says what to
/// do next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error(
        "The input is empty. Give an article as text: the title on the first line, then paragraphs separated by blank lines."
    )]
    Empty,
    #[error(
        "The input is {size} bytes, over the limit of {max} bytes ({} MiB). Import only the article's text, or split it into several files.",
        max.div_ceil(1024 * 1024)
    )]
    TooLarge { size: usize, max: usize },
    #[error(
        "The input looks like a binary file (it has a NUL byte at position {offset}), not text. Save the article as plain UTF-8 text and import that."
    )]
    Binary { offset: usize },
    #[error(
        "The input is not UTF-8 text (the byte at position {offset} is invalid). Save the file with UTF-8 encoding and import it again."
    )]
    NotUtf8 { offset: usize },
    #[error(
        "No article body was found: the input has no paragraphs besides the title, site menus and the ticker. Check that the file holds the article's text, with paragraphs separated by blank lines."
    )]
    NoBody,
    #[error(
        "no article text found: the page has no paragraphs of article text (only menus, links or scripts)"
    )]
    NoArticleText,
    #[error(
        "The input is an HTML page, not the article's text. Copy the article's text (title, date, paragraphs) into a plain text file and send that."
    )]
    Html,
    #[error(
        "The title is {chars} characters long, over the limit of {max}. The first line must be the article's title; check that the file is the article's text."
    )]
    TitleTooLong { chars: usize, max: usize },
    #[error(
        "The date {written:?} could not be read. Write it like `Tanggal: Senin, 5 Agustus 2024 / 09:10 WIB` or `Date: 2024-08-05`."
    )]
    BadDate { written: String },
}

/// Which form a page was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageForm {
    /// The scraped Kontan page: ticker, site furniture, byline, dateline, trailer.
    Kontan,
    /// A plain-text article: title line, blank-line separated paragraphs, optional labelled lines.
    Plain,
}

/// Parses an article from raw bytes, choosing the form by itself (see [`detect_form`]).
///
/// Refuses, before any parsing, input over [`MAX_INPUT_BYTES`], with NUL bytes, or not UTF-8; then
/// input that is blank or has no body. A UTF-8 BOM and CRLF line endings are accepted.
pub fn parse(raw: &[u8]) -> Result<ParsedArticle, ParseError> {
    let lines = prepare(raw)?;
    if looks_like_html(&lines) {
        return Err(ParseError::Html);
    }
    let parsed = match form_of(&lines) {
        PageForm::Kontan => kontan::parse(&lines),
        PageForm::Plain => plain::parse(&lines),
    }?;
    let chars = parsed.title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(ParseError::TitleTooLong {
            chars,
            max: MAX_TITLE_CHARS,
        });
    }
    Ok(parsed)
}

/// A title longer than this is not a title (a whole page on one line, a pasted paragraph): it
/// would fill every list the bot sends.
pub const MAX_TITLE_CHARS: usize = 300;

/// An HTML document rather than text: a doctype or `<html>`/`<head>`/`<body>` tag at the start, or
/// markup on a good share of the lines.
fn looks_like_html(lines: &[String]) -> bool {
    let lx = lexicon::PageLexicon::builtin();
    let first = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_start().to_ascii_lowercase())
        .unwrap_or_default();
    if lx
        .html_starts
        .iter()
        .any(|tag| first.starts_with(tag.as_str()))
    {
        return true;
    }
    let lines_with_text: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    let tagged = lines_with_text
        .iter()
        .filter(|l| {
            let l = l.to_ascii_lowercase();
            lx.html_tags.iter().any(|tag| l.contains(tag.as_str()))
        })
        .count();
    lines_with_text.len() >= 3 && tagged * 3 >= lines_with_text.len()
}

/// Which form [`parse`] reads the text as: a page with the Kontan markers (ticker, its header, the
/// site line, a `Reporter: … | Editor: …` byline, a `KONTAN.CO.ID - CITY.` dateline) is the Kontan
/// form; anything else is plain text.
pub fn detect_form(text: &str) -> PageForm {
    form_of(&clean_lines(text))
}

/// SHA-256 (lower-case hex) of the normalised text: a BOM, CRLF endings and trailing whitespace do
/// not change it, so the same article imports as the same article. Invalid UTF-8 is hashed lossily.
pub fn content_hash(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let digest = Sha256::digest(text::normalise_for_hash(&text).as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The checks that come before any parsing, then the text as cleaned lines.
fn prepare(raw: &[u8]) -> Result<Vec<String>, ParseError> {
    if raw.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge {
            size: raw.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    if let Some(offset) = raw.iter().position(|&b| b == 0) {
        return Err(ParseError::Binary { offset });
    }
    let text = std::str::from_utf8(raw).map_err(|e| ParseError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let lines = clean_lines(text);
    if lines.iter().all(String::is_empty) {
        return Err(ParseError::Empty);
    }
    Ok(lines)
}

fn clean_lines(text: &str) -> Vec<String> {
    text::unify_line_endings(text)
        .lines()
        .map(text::clean_line)
        .collect()
}

fn form_of(lines: &[String]) -> PageForm {
    if kontan::looks_like_kontan(lines) {
        PageForm::Kontan
    } else {
        PageForm::Plain
    }
}

/// Metadata gathered while reading either form.
#[derive(Debug, Default)]
struct Metadata {
    published_at: Option<DateTime<FixedOffset>>,
    reporter: Option<String>,
    editor: Option<String>,
    source: Option<String>,
    caption: Option<String>,
    ticker: Vec<TickerItem>,
    url: Option<String>,
}

impl Metadata {
    /// Takes labelled fields; the first value of each wins. An unreadable date is refused rather
    /// than dropped, so the person importing can fix it.
    fn absorb(&mut self, fields: Vec<fields::Field>) -> Result<(), ParseError> {
        use fields::Field;
        for field in fields {
            match field {
                Field::Reporter(v) => _ = self.reporter.get_or_insert(v),
                Field::Editor(v) => _ = self.editor.get_or_insert(v),
                Field::Source(v) => _ = self.source.get_or_insert(v),
                Field::Url(v) => _ = self.url.get_or_insert(v),
                Field::Date(written) => {
                    let parsed = parse_datetime(&written).ok_or_else(|| ParseError::BadDate {
                        written: written.chars().take(80).collect(),
                    })?;
                    self.published_at.get_or_insert(parsed);
                }
            }
        }
        Ok(())
    }

    fn into_article(
        self,
        title: String,
        paragraphs: Vec<String>,
    ) -> Result<ParsedArticle, ParseError> {
        if paragraphs.is_empty() {
            return Err(ParseError::NoBody);
        }
        Ok(ParsedArticle {
            title,
            published_at: self.published_at,
            reporter: self.reporter,
            editor: self.editor,
            source: self.source,
            caption: self.caption,
            paragraphs,
            ticker: self.ticker,
            url: self.url,
        })
    }
}
