//! News feeds: the list `feeds add/list/remove` manage, each feed's poll state (validators for
//! conditional GET, last check, last error, backoff) and the items it has shown.

use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::tx::Tx;
use super::{Store, now_text, parse_timestamp, timestamp_text};

/// A feed as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    /// New items go to the admins as previews instead of being published.
    pub review: bool,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_checked: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    /// Consecutive failed polls.
    pub failures: u32,
    pub next_poll_at: Option<DateTime<Utc>>,
    /// Articles stored from this feed's items so far.
    pub imported: i64,
}

/// What adding a feed did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedAdded {
    Added { id: i64 },
    AlreadyThere { id: i64 },
}

/// How a poll went, to record on the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollRecord {
    /// Read (or 304). Validators are `None` to keep asking unconditionally (an item is pending).
    Ok {
        title: Option<String>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// Unchanged since the last poll (304): validators and title stay.
    NotModified,
    Failed {
        error: String,
    },
}

#[derive(FromRow)]
struct FeedRow {
    id: i64,
    url: String,
    title: Option<String>,
    review: bool,
    etag: Option<String>,
    last_modified: Option<String>,
    last_checked: Option<String>,
    last_error: Option<String>,
    failures: i64,
    next_poll_at: Option<String>,
    imported: i64,
}

impl FeedRow {
    fn into_feed(self) -> anyhow::Result<Feed> {
        let time = |text: Option<String>, column: &str| {
            text.map(|t| parse_timestamp(&t, column)).transpose()
        };
        Ok(Feed {
            id: self.id,
            url: self.url,
            title: self.title,
            review: self.review,
            etag: self.etag,
            last_modified: self.last_modified,
            last_checked: time(self.last_checked, "feeds.last_checked")?,
            last_error: self.last_error,
            failures: u32::try_from(self.failures).unwrap_or(u32::MAX),
            next_poll_at: time(self.next_poll_at, "feeds.next_poll_at")?,
            imported: self.imported,
        })
    }
}

macro_rules! select_feeds {
    ($rest:literal) => {
        concat!(
            "SELECT f.id, f.url, f.title, f.review, f.etag, f.last_modified, f.last_checked, \
             f.last_error, f.failures, f.next_poll_at, \
             (SELECT COALESCE(SUM(i.imported), 0) FROM feed_items i WHERE i.feed_id = f.id) \
             AS imported FROM feeds f ",
            $rest
        )
    };
}

impl Store {
    /// Adds a feed; the same URL again is [`FeedAdded::AlreadyThere`] (its review mode is updated).
    pub async fn add_feed(&self, url: &str, review: bool) -> anyhow::Result<FeedAdded> {
        let mut tx = self.begin_write().await?;
        let added = tx.add_feed(url, review).await?;
        tx.commit().await?;
        Ok(added)
    }

    /// Every feed, by id.
    pub async fn feeds(&self) -> anyhow::Result<Vec<Feed>> {
        let mut tx = self.begin_read().await?;
        let feeds = tx.feeds().await?;
        tx.rollback().await?;
        Ok(feeds)
    }

    pub async fn feed(&self, id: i64) -> anyhow::Result<Option<Feed>> {
        let mut tx = self.begin_read().await?;
        let feed = tx.feed(id).await?;
        tx.rollback().await?;
        Ok(feed)
    }

    /// Removes a feed and what it remembers of its items (the articles stay). False when absent.
    pub async fn remove_feed(&self, id: i64) -> anyhow::Result<bool> {
        let mut tx = self.begin_write().await?;
        let removed = tx.remove_feed(id).await?;
        tx.commit().await?;
        Ok(removed)
    }

    /// The stamp an item had when it was last handled; `None` for an item never seen.
    pub async fn feed_item_stamp(&self, feed_id: i64, key: &str) -> anyhow::Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT stamp FROM feed_items WHERE feed_id = ? AND item_key = ?")
                .bind(feed_id)
                .bind(key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }
}

// The same operations inside a transaction: a desk turn already holds the write lock, so its
// commands must run in its own transaction rather than open a second one; the poller records a
// round's polls and items in the transaction that stores its articles and queues its notices.
impl Tx {
    pub async fn add_feed(&mut self, url: &str, review: bool) -> anyhow::Result<FeedAdded> {
        let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM feeds WHERE url = ?")
            .bind(url)
            .fetch_optional(self.conn_read().await?)
            .await?;
        Ok(match existing {
            Some(id) => {
                sqlx::query("UPDATE feeds SET review = ? WHERE id = ?")
                    .bind(review)
                    .bind(id)
                    .execute(self.conn().await?)
                    .await?;
                FeedAdded::AlreadyThere { id }
            }
            None => FeedAdded::Added {
                id: sqlx::query_scalar(
                    "INSERT INTO feeds (url, review, added_at) VALUES (?, ?, ?) RETURNING id",
                )
                .bind(url)
                .bind(review)
                .bind(now_text())
                .fetch_one(self.conn().await?)
                .await?,
            },
        })
    }

    pub async fn feeds(&mut self) -> anyhow::Result<Vec<Feed>> {
        let rows: Vec<FeedRow> = sqlx::query_as(select_feeds!("ORDER BY f.id"))
            .fetch_all(self.conn_read().await?)
            .await?;
        rows.into_iter().map(FeedRow::into_feed).collect()
    }

    pub async fn feed(&mut self, id: i64) -> anyhow::Result<Option<Feed>> {
        let row: Option<FeedRow> = sqlx::query_as(select_feeds!("WHERE f.id = ?"))
            .bind(id)
            .fetch_optional(self.conn_read().await?)
            .await?;
        row.map(FeedRow::into_feed).transpose()
    }

    pub async fn remove_feed(&mut self, id: i64) -> anyhow::Result<bool> {
        let done = sqlx::query("DELETE FROM feeds WHERE id = ?")
            .bind(id)
            .execute(self.conn().await?)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Records a poll: when it ran, what it learned or why it failed, and when to poll next.
    pub async fn record_poll(
        &mut self,
        id: i64,
        at: DateTime<Utc>,
        record: &PollRecord,
        next_poll_at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        let (at, next) = (timestamp_text(at), timestamp_text(next_poll_at));
        let query = match record {
            PollRecord::Ok {
                title,
                etag,
                last_modified,
            } => sqlx::query(
                "UPDATE feeds SET last_checked = ?, next_poll_at = ?, last_error = NULL,
                     failures = 0, title = COALESCE(?, title), etag = ?, last_modified = ?
                 WHERE id = ?",
            )
            .bind(at)
            .bind(next)
            .bind(title)
            .bind(etag)
            .bind(last_modified),
            PollRecord::NotModified => sqlx::query(
                "UPDATE feeds SET last_checked = ?, next_poll_at = ?, last_error = NULL,
                     failures = 0
                 WHERE id = ?",
            )
            .bind(at)
            .bind(next),
            PollRecord::Failed { error } => sqlx::query(
                "UPDATE feeds SET last_checked = ?, next_poll_at = ?, last_error = ?,
                     failures = failures + 1
                 WHERE id = ?",
            )
            .bind(at)
            .bind(next)
            .bind(error),
        };
        query.bind(id).execute(self.conn().await?).await?;
        Ok(())
    }

    /// Remembers an item as handled with `stamp`; `article_id` when an article was stored from it.
    pub async fn record_feed_item(
        &mut self,
        feed_id: i64,
        key: &str,
        stamp: &str,
        article_id: Option<i64>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO feed_items (feed_id, item_key, stamp, article_id, imported, seen_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (feed_id, item_key) DO UPDATE SET
                 stamp = ?3, article_id = COALESCE(?4, article_id),
                 imported = MAX(imported, ?5), seen_at = ?6",
        )
        .bind(feed_id)
        .bind(key)
        .bind(stamp)
        .bind(article_id)
        .bind(article_id.is_some())
        .bind(now_text())
        .execute(self.conn().await?)
        .await?;
        Ok(())
    }
}
