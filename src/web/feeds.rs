//! Polling one news feed: a conditional GET, the feed parsed, each new or changed item's page
//! fetched and extracted (the feed's own text when the page cannot be had), then imported — or, for
//! a feed in review mode, handed back as text for the admins' preview. Failures are recorded on the
//! feed with an exponential backoff, so a broken feed never holds up the others.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use super::fetch::{Outcome, Validators};
use super::{article_text, fetch_article};
use crate::app::App;
use crate::content::feed::{self, FeedItem};
use crate::store::{Feed, ImportOutcome, PollRecord};

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

/// Polls `feed` once and records the outcome on it. Never fails for the feed's sake: a broken
/// feed is reported in [`PollReport::error`]; only a broken store is an `Err`.
pub async fn poll(app: &App, feed: &Feed, now: DateTime<Utc>) -> anyhow::Result<PollReport> {
    let interval = Duration::seconds(app.settings.feeds.poll_interval_secs as i64);
    let mut report = PollReport {
        feed_id: feed.id,
        url: feed.url.clone(),
        items: Vec::new(),
        error: None,
    };
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    let fetched = match app.fetcher.fetch(&feed.url, Some(&validators)).await {
        Ok(Outcome::NotModified) => {
            log::info!("feed #{} {}: not modified", feed.id, feed.url);
            app.store
                .record_poll(feed.id, now, &PollRecord::NotModified, now + interval)
                .await?;
            return Ok(report);
        }
        Ok(Outcome::Fetched(fetched)) => fetched,
        Err(e) => return fail(app, feed, now, interval, report, e.to_string()).await,
    };
    let parsed = match feed::parse(&fetched.bytes) {
        Ok(parsed) => parsed,
        Err(e) => return fail(app, feed, now, interval, report, e.to_string()).await,
    };

    let mut all_handled = true;
    for item in &parsed.items {
        match handle_item(app, feed, item).await? {
            Handled::Done(Some(result)) => report.items.push(result),
            Handled::Done(None) => {}
            Handled::Later => all_handled = false,
        }
    }
    log::info!(
        "feed #{} {}: {} items, {} new or changed",
        feed.id,
        feed.url,
        parsed.items.len(),
        report.items.len()
    );
    // An item left for later must be seen again: ask unconditionally next time.
    let (etag, last_modified) = if all_handled {
        (
            fetched.validators.etag.clone(),
            fetched.validators.last_modified.clone(),
        )
    } else {
        (None, None)
    };
    app.store
        .record_poll(
            feed.id,
            now,
            &PollRecord::Ok {
                title: parsed.title.clone(),
                etag,
                last_modified,
            },
            now + interval,
        )
        .await?;
    Ok(report)
}

async fn fail(
    app: &App,
    feed: &Feed,
    now: DateTime<Utc>,
    interval: Duration,
    mut report: PollReport,
    error: String,
) -> anyhow::Result<PollReport> {
    let wait = backoff(interval, feed.failures + 1);
    log::warn!(
        "feed #{} {}: {error}; next try in {} s",
        feed.id,
        feed.url,
        wait.num_seconds()
    );
    app.store
        .record_poll(
            feed.id,
            now,
            &PollRecord::Failed {
                error: error.clone(),
            },
            now + wait,
        )
        .await?;
    report.error = Some(error);
    Ok(report)
}

enum Handled {
    /// Seen: a result when it was new or changed, `None` when nothing changed.
    Done(Option<ItemResult>),
    /// Neither the page nor the feed gave an article: try again next poll.
    Later,
}

async fn handle_item(app: &App, feed: &Feed, item: &FeedItem) -> anyhow::Result<Handled> {
    let Some(key) = item.link.clone().or_else(|| item.title.clone()) else {
        return Ok(Handled::Done(None));
    };
    let stamp = stamp(item);
    let earlier = app.store.feed_item_stamp(feed.id, &key).await?;
    if earlier.as_deref() == Some(stamp.as_str()) {
        return Ok(Handled::Done(None));
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
        return Ok(Handled::Later);
    };
    // The page may not say when it was published; the feed does.
    article.published_at = article.published_at.or(item.published);
    let text = article_text(&article);
    if feed.review {
        app.store
            .record_feed_item(feed.id, &key, &stamp, None)
            .await?;
        return Ok(Handled::Done(Some(ItemResult::ForReview {
            change,
            title: article.title,
            url: article.url,
            text,
        })));
    }
    let imported = match app.import_bytes(&text).await {
        Ok(imported) => imported,
        Err(crate::app::ImportError::Store(e)) => return Err(e),
        Err(e) => {
            log::warn!("feed #{} item {key}: {e}", feed.id);
            return Ok(Handled::Later);
        }
    };
    let id = imported.outcome.id();
    app.store
        .record_feed_item(feed.id, &key, &stamp, Some(id))
        .await?;
    let change = match imported.outcome {
        ImportOutcome::Unchanged { .. } => return Ok(Handled::Done(None)),
        ImportOutcome::Replaced { .. } => Change::Changed,
        ImportOutcome::Created { .. } => change,
    };
    Ok(Handled::Done(Some(ItemResult::Imported {
        change,
        id,
        title: imported.title,
        url: article.url,
    })))
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
