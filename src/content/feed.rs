//! News feeds (RSS 0.9/1.0/2.0, Atom, JSON Feed, all read by `feed-rs`) into the few things newsdesk
//! needs of each item: its link, title, time, author and whatever text the feed itself carries
//! (used when the linked page cannot be fetched).

use chrono::{DateTime, FixedOffset};

use super::ParsedArticle;
use super::html::fragment_paragraphs;

/// A parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
}

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The item's page (`<link>` / Atom `rel="alternate"`); `None` for items without one.
    pub link: Option<String>,
    pub title: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub author: Option<String>,
    /// The feed's own text of the item (`content:encoded`, Atom `content`, else the summary), as
    /// paragraphs.
    pub paragraphs: Vec<String>,
}

/// Why a feed was refused; shown to the admin who added it and kept as the feed's last error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a readable RSS, Atom or JSON feed ({0})")]
pub struct FeedError(String);

/// Parses a feed document.
pub fn parse(bytes: &[u8]) -> Result<Feed, FeedError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| FeedError(one_line(&e.to_string())))?;
    let items = feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|href| href.starts_with("http://") || href.starts_with("https://"));
            let html = entry
                .content
                .and_then(|c| c.body)
                .or(entry.summary.map(|s| s.content))
                .unwrap_or_default();
            FeedItem {
                link,
                title: entry.title.map(|t| super::html::squeeze(&t.content)),
                published: entry.published.or(entry.updated).map(|t| t.fixed_offset()),
                author: entry
                    .authors
                    .first()
                    .map(|a| super::html::squeeze(a.name.as_deref().unwrap_or("")))
                    .filter(|a| !a.is_empty()),
                paragraphs: fragment_paragraphs(&html),
            }
        })
        .collect();
    Ok(Feed {
        title: feed.title.map(|t| super::html::squeeze(&t.content)),
        items,
    })
}

impl FeedItem {
    /// The item as an article from the feed's own text: `None` when the feed carries no text or
    /// no title for it.
    pub fn to_article(&self) -> Option<ParsedArticle> {
        let title = self.title.clone().filter(|t| !t.is_empty())?;
        let paragraphs: Vec<String> = self
            .paragraphs
            .iter()
            .filter(|p| **p != title)
            .cloned()
            .collect();
        if paragraphs.is_empty() {
            return None;
        }
        Some(ParsedArticle {
            title,
            published_at: self.published,
            reporter: self.author.clone(),
            editor: None,
            source: None,
            caption: None,
            paragraphs,
            ticker: Vec::new(),
            url: self.link.clone(),
        })
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_rss_item_gives_its_link_time_and_text() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Warta</title>
            <item><title>Harga beras naik</title><link>https://warta.example/beras</link>
            <pubDate>Mon, 05 Aug 2024 09:10:00 +0700</pubDate>
            <description><![CDATA[<p>Harga beras naik.</p><p>Operasi pasar disiapkan.</p>]]></description>
            </item></channel></rss>"#;
        let feed = parse(rss).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Warta"));
        let item = &feed.items[0];
        assert_eq!(item.link.as_deref(), Some("https://warta.example/beras"));
        assert_eq!(
            item.published.map(|t| t.to_rfc3339()).as_deref(),
            Some("2024-08-05T02:10:00+00:00")
        );
        let article = item.to_article().unwrap();
        assert_eq!(article.paragraphs.len(), 2);
    }

    #[test]
    fn html_is_not_a_feed() {
        assert!(parse(b"<html><body>Not a feed</body></html>").is_err());
    }
}
