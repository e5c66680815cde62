//! Polling one news feed: a conditional GET, the feed parsed, each new or changed item's page
//! fetched and extracted (the feed's own text when the page cannot be had) — all before any write —
//! then, in the round's transaction, imported, or, for a feed in review mode, handed on as text for
//! the admins' preview. Failures are recorded on the feed with an exponential backoff, so a broken
//! feed never holds up the others.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use super::fetch::{Outcome, Validators};
use super::{article_text, fetch_article};
use crate::app::App;
use crate::content::feed::{self, FeedItem};
use crate::content::{self, Article, ParsedArticle};
use crate::desk::{self, Round};
use crate::store::{Feed, ImportOutcome, PollRecord, Tx};

/// The longest a failing feed waits between polls.
const MAX_BACKOFF: Duration = Duration::hours(24);

/// Whether an item is new to newsdesk or a changed version of one it had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Changed,
}

/// What became of one feed item.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemResult {
    /// Stored as article `id`.
    Imported {
        change: Change,
        id: i64,
        title: String,
        url: Option<String>,
    },
    /// A review-mode item: its article text, for the admins' preview.
    ForReview {
        change: Change,
        title: String,
        url: Option<String>,
        text: Vec<u8>,
    },
    /// Its text cannot be imported (see the reason). This version of the item is remembered, so
    /// it is not fetched again until the feed changes it.
    Refused {
        title: String,
        url: Option<String>,
        reason: String,
    },
}

/// What one poll of one feed did.
#[derive(Debug, Clone, PartialEq)]
pub struct PollReport {
    pub feed_id: i64,
    pub url: String,
    pub items: Vec<ItemResult>,
    /// Why the poll failed, when it did.
    pub error: Option<String>,
}

/// How long after `failures` consecutive failures a feed is polled again: the interval, doubled
/// per failure, at most a day.
pub fn backoff(interval: Duration, failures: u32) -> Duration {
    let factor = 2_i32.saturating_pow(failures.min(16));
    (interval * factor).min(MAX_BACKOFF.max(interval))
}

/// One feed fetched, with the articles of its new and changed items in hand; nothing is written
/// until [`Fetched::store`] writes it all in the round's transaction (fetching takes seconds and
/// must not hold the store).
#[derive(Debug, Clone)]
pub struct Fetched {
    feed_id: i64,
    url: String,
    review: bool,
    checked_at: DateTime<Utc>,
    next_poll_at: DateTime<Utc>,
    outcome: FetchOutcome,
}

#[derive(Debug, Clone)]
enum FetchOutcome {
    NotModified,
    Failed {
        error: String,
    },
    Items {
        title: Option<String>,
        validators: Validators,
        /// Items that gave an article.
        fresh: Vec<Fresh>,
        /// How many items the feed listed.
        listed: usize,
        /// Whether some item gave no article yet (it is tried again next poll).
        left_for_later: bool,
    },
}

#[derive(Debug, Clone)]
struct Fresh {
    key: String,
    stamp: String,
    change: Change,
    article: ParsedArticle,
}

/// Fetches `feed` once: a conditional GET, then each new or changed item's page (the feed's own
/// text when the page cannot be had). Never fails for the feed's sake: a broken feed is recorded
/// as such by [`Fetched::store`]; only a broken store is an `Err`.
pub async fn fetch(app: &App, feed: &Feed, now: DateTime<Utc>) -> anyhow::Result<Fetched> {
    let interval = Duration::seconds(app.settings.feeds.poll_interval_secs as i64);
    let mut fetched = Fetched {
        feed_id: feed.id,
        url: feed.url.clone(),
        review: feed.review,
        checked_at: now,
        next_poll_at: now + interval,
        outcome: FetchOutcome::NotModified,
    };
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    let failed = |mut fetched: Fetched, error: String| {
        let wait = backoff(interval, feed.failures + 1);
        log::warn!(
            "feed #{} {}: {error}; next try in {} s",
            feed.id,
            feed.url,
            wait.num_seconds()
        );
        fetched.next_poll_at = now + wait;
        fetched.outcome = FetchOutcome::Failed { error };
        Ok(fetched)
    };
    let response = match app.fetcher.fetch(&feed.url, Some(&validators)).await {
        Ok(Outcome::NotModified) => {
            log::info!("feed #{} {}: not modified", feed.id, feed.url);
            return Ok(fetched);
        }
        Ok(Outcome::Fetched(response)) => response,
        Err(e) => return failed(fetched, e.to_string()),
    };
    let parsed = match feed::parse(&response.bytes) {
        Ok(parsed) => parsed,
        Err(e) => return failed(fetched, e.to_string()),
    };

    let mut fresh = Vec::new();
    let mut left_for_later = false;
    for item in &parsed.items {
        match fetch_item(app, feed, item).await? {
            Seen::Fresh(item) => fresh.push(*item),
            Seen::Unchanged => {}
            Seen::Later => left_for_later = true,
        }
    }
    fetched.outcome = FetchOutcome::Items {
        title: parsed.title.clone(),
        validators: response.validators.clone(),
        fresh,
        listed: parsed.items.len(),
        left_for_later,
    };
    Ok(fetched)
}

impl Fetched {
    /// Writes the poll in `tx`: each new or changed item's article stored (or, for a feed in
    /// review mode, kept for the admins' preview), the items remembered, the poll recorded with
    /// its next time. What the desk is to take in (announcements, previews) is added to `round`.
    pub async fn store(self, tx: &mut Tx, round: &mut Round) -> anyhow::Result<PollReport> {
        let mut report = PollReport {
            feed_id: self.feed_id,
            url: self.url.clone(),
            items: Vec::new(),
            error: None,
        };
        let record = match self.outcome {
            FetchOutcome::NotModified => PollRecord::NotModified,
            FetchOutcome::Failed { error } => {
                report.error = Some(error.clone());
                PollRecord::Failed { error }
            }
            FetchOutcome::Items {
                title,
                validators,
                fresh,
                listed,
                left_for_later,
            } => {
                for item in fresh {
                    if let Some(result) =
                        store_item(tx, self.feed_id, self.review, self.checked_at, item, round)
                            .await?
                    {
                        report.items.push(result);
                    }
                }
                log::info!(
                    "feed #{} {}: {listed} items, {} new, changed or refused",
                    self.feed_id,
                    self.url,
                    report.items.len()
                );
                // An item left for later must be seen again: ask unconditionally next time.
                let (etag, last_modified) = if left_for_later {
                    (None, None)
                } else {
                    (validators.etag, validators.last_modified)
                };
                PollRecord::Ok {
                    title,
                    etag,
                    last_modified,
                }
            }
        };
        tx.record_poll(self.feed_id, self.checked_at, &record, self.next_poll_at)
            .await?;
        Ok(report)
    }
}

enum Seen {
    /// New or changed, with its article.
    Fresh(Box<Fresh>),
    /// Handled before, unchanged (or nothing to identify it by).
    Unchanged,
    /// Neither the page nor the feed gave an article: try again next poll.
    Later,
}

async fn fetch_item(app: &App, feed: &Feed, item: &FeedItem) -> anyhow::Result<Seen> {
    let Some(key) = item.link.clone().or_else(|| item.title.clone()) else {
        return Ok(Seen::Unchanged);
    };
    let stamp = stamp(item);
    let earlier = app.store.feed_item_stamp(feed.id, &key).await?;
    if earlier.as_deref() == Some(stamp.as_str()) {
        return Ok(Seen::Unchanged);
    }
    let change = if earlier.is_some() {
        Change::Changed
    } else {
        Change::New
    };
    let from_page = match &item.link {
        Some(link) => match fetch_article(&app.fetcher, link).await {
            Ok(article) => Some(article),
            Err(e) => {
                log::info!(
                    "feed #{} item {link}: {e}; using the feed's own text",
                    feed.id
                );
                None
            }
        },
        None => None,
    };
    let Some(mut article) = from_page.or_else(|| item.to_article()) else {
        log::info!("feed #{} item {key}: no article text yet", feed.id);
        return Ok(Seen::Later);
    };
    // The page may not say when it was published; the feed does.
    article.published_at = article.published_at.or(item.published);
    Ok(Seen::Fresh(Box::new(Fresh {
        key,
        stamp,
        change,
        article,
    })))
}

/// Stores one fresh item in `tx`: what it did, or `None` when its text was stored before.
async fn store_item(
    tx: &mut Tx,
    feed_id: i64,
    review: bool,
    now: DateTime<Utc>,
    item: Fresh,
    round: &mut Round,
) -> anyhow::Result<Option<ItemResult>> {
    let Fresh {
        key,
        stamp,
        change,
        article,
    } = item;
    let text = article_text(&article);
    if review {
        tx.record_feed_item(feed_id, &key, &stamp, None).await?;
        round.for_review.push(text.clone());
        return Ok(Some(ItemResult::ForReview {
            change,
            title: article.title,
            url: article.url,
            text,
        }));
    }
    // What is stored is exactly what an import of the text would store.
    let parsed = match content::parse(&text) {
        Ok(parsed) => parsed,
        Err(e) => {
            // The same text would be refused again: only a new version of the item is worth
            // another fetch.
            log::warn!("feed #{feed_id} item {key}: {e}");
            tx.record_feed_item(feed_id, &key, &stamp, None).await?;
            return Ok(Some(ItemResult::Refused {
                title: article.title,
                url: article.url,
                reason: e.to_string(),
            }));
        }
    };
    let hash = content::content_hash(&text);
    let outcome = tx.import(&hash, &parsed).await?;
    let id = outcome.id();
    tx.record_feed_item(feed_id, &key, &stamp, Some(id)).await?;
    let change = match outcome {
        ImportOutcome::Unchanged { .. } => return Ok(None),
        ImportOutcome::Replaced { .. } => Change::Changed,
        ImportOutcome::Created { .. } => change,
    };
    let title = parsed.title.clone();
    round.stored.push(desk::Stored {
        article: Article {
            id,
            imported_at: now,
            content_hash: hash,
            parsed,
        },
        news: change == Change::New,
    });
    Ok(Some(ItemResult::Imported {
        change,
        id,
        title,
        url: article.url,
    }))
}

/// What identifies a version of an item: its title, time and text as the feed gives them.
fn stamp(item: &FeedItem) -> String {
    let mut hasher = Sha256::new();
    hasher.update(item.title.as_deref().unwrap_or("").as_bytes());
    hasher.update([0]);
    hasher.update(
        item.published
            .map(|t| t.to_rfc3339())
            .unwrap_or_default()
            .as_bytes(),
    );
    for paragraph in &item.paragraphs {
        hasher.update([0]);
        hasher.update(paragraph.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The one line `newsdesk feeds poll` prints for an item.
pub fn item_line(feed_id: i64, item: &ItemResult) -> String {
    let word = |change: &Change| match change {
        Change::New => "new",
        Change::Changed => "changed",
    };
    match item {
        ItemResult::Imported {
            change,
            id,
            title,
            url,
        } => format!(
            "{} #{id} {title:?} {} (feed #{feed_id})",
            word(change),
            url.as_deref().unwrap_or("-")
        ),
        ItemResult::ForReview {
            change, title, url, ..
        } => format!(
            "{} for review {title:?} {} (feed #{feed_id})",
            word(change),
            url.as_deref().unwrap_or("-")
        ),
        ItemResult::Refused { title, url, reason } => format!(
            "refused {title:?} {} (feed #{feed_id}): {reason}",
            url.as_deref().unwrap_or("-")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_with_each_failure_up_to_a_day() {
        let interval = Duration::seconds(900);
        assert_eq!(backoff(interval, 0), Duration::seconds(900));
        assert_eq!(backoff(interval, 1), Duration::seconds(1800));
        assert_eq!(backoff(interval, 3), Duration::seconds(7200));
        assert_eq!(backoff(interval, 30), Duration::hours(24));
    }
}
