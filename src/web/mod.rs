//! Content from the web — the I/O around the pure parsing in [`crate::content::html`] and
//! [`crate::content::feed`]: the shared, safe [`fetch::Fetcher`]; importing a page by URL
//! ([`fetch_article`]); polling news feeds ([`feeds`]) and doing so on a timer while the bot runs
//! ([`poller`]).

pub mod feeds;
pub mod fetch;
pub mod poller;

use crate::content::{self, ParseError, ParsedArticle};

pub use fetch::{FetchError, Fetcher};

/// Why a URL gave no article. The text is shown to the person importing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebError {
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("no article text found at {url}")]
    NoArticle { url: String },
    #[error("{url} is a news feed, not an article: add it with `newsdesk feeds add` or /feed_add")]
    IsFeed { url: String },
    #[error("{0}")]
    Parse(ParseError),
}

/// Whether `text` is one web address and nothing else (what an admin sends to import a page).
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
        && url::Url::parse(text).is_ok()
}

/// Fetches the page at `url` and extracts its article (the canonical URL included).
pub async fn fetch_article(fetcher: &Fetcher, url: &str) -> Result<ParsedArticle, WebError> {
    let fetched = match fetcher.fetch(url, None).await? {
        fetch::Outcome::Fetched(fetched) => fetched,
        // Only a conditional request can get a 304, and this one was not.
        fetch::Outcome::NotModified => return Err(FetchError::Status(304).into()),
    };
    let text = content::html::decode(&fetched.bytes, fetched.content_type.as_deref());
    let looks_like_feed = fetched
        .content_type
        .as_deref()
        .is_some_and(|t| t.contains("rss") || t.contains("atom") || t.contains("feed"))
        || text.trim_start().starts_with("<?xml") && content::feed::parse(&fetched.bytes).is_ok();
    if looks_like_feed {
        return Err(WebError::IsFeed {
            url: url.to_string(),
        });
    }
    article_from_html(&text, &fetched.final_url)
}

/// The article of a page's HTML, refused with the page's URL named when it has no article text.
pub fn article_from_html(html: &str, url: &str) -> Result<ParsedArticle, WebError> {
    content::html::extract(html, Some(url)).map_err(|e| match e {
        ParseError::NoArticleText => WebError::NoArticle {
            url: url.to_string(),
        },
        other => WebError::Parse(other),
    })
}

/// The article as the text that is hashed, kept as a draft and imported (see
/// [`content::html::to_plain_text`]).
pub fn article_text(article: &ParsedArticle) -> Vec<u8> {
    content::html::to_plain_text(article).into_bytes()
}
