//! Feeds on a timer: while `newsdesk run` is up, every feed that is due is polled; new articles are
//! announced to subscribers (one message each per round, however many articles), review-mode items
//! go to the admins as previews, and retention prunes the oldest articles.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};

use super::feeds::{self, Change, ItemResult, PollReport};
use crate::app::App;
use crate::desk::Desk;

/// The poller looks for due feeds at least this often (a feed's own interval may be longer).
const MAX_TICK: StdDuration = StdDuration::from_secs(30);

/// Which feeds a round polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Only feeds whose next poll time has come (the timer).
    Due,
    /// Every feed now (`newsdesk feeds poll`), except review-mode feeds: their previews can only
    /// be sent by the running bot, so they are left for it.
    AllButReview,
}

/// Polls the feeds `which` selects, one after another; a failing feed is reported, not fatal.
pub async fn poll_round(app: &App, which: Due) -> anyhow::Result<Vec<PollReport>> {
    let now = Utc::now();
    let mut reports = Vec::new();
    for feed in app.store.feeds().await? {
        let due = match which {
            Due::Due => feed.next_poll_at.is_none_or(|at| at <= now),
            Due::AllButReview => !feed.review,
        };
        if due {
            reports.push(feeds::poll(app, &feed, Utc::now()).await?);
        }
    }
    Ok(reports)
}

/// Applies `content.max_articles` / `content.max_age_days`; returns the ids removed.
pub async fn prune(app: &App) -> anyhow::Result<Vec<i64>> {
    let retention = &app.settings.retention;
    if retention.max_articles.is_none() && retention.max_age_days.is_none() {
        return Ok(Vec::new());
    }
    let older_than = retention
        .max_age_days
        .map(|days| Utc::now() - Duration::days(i64::try_from(days).unwrap_or(i64::MAX / 86_400)));
    let removed = app.store.prune(retention.max_articles, older_than).await?;
    if !removed.is_empty() {
        log::info!("retention removed {} articles: {removed:?}", removed.len());
    }
    Ok(removed)
}

/// One round as the running bot does it: poll the due feeds, make new articles answerable,
/// announce them, send review previews, prune. The replies go out through [`Desk::push`].
pub async fn tick(app: &App, desk: &Desk) -> anyhow::Result<Vec<PollReport>> {
    let reports = poll_round(app, Due::Due).await?;
    let mut new_ids = Vec::new();
    let mut for_review = Vec::new();
    for item in reports.iter().flat_map(|r| &r.items) {
        match item {
            // A corrected article is answerable at once but not news to announce again.
            ItemResult::Imported {
                id,
                change: Change::New,
                ..
            } => new_ids.push(*id),
            ItemResult::Imported { .. } => {}
            ItemResult::ForReview { text, .. } => for_review.push(text.clone()),
        }
    }
    let removed = prune(app).await?;
    let imported = reports
        .iter()
        .flat_map(|r| &r.items)
        .any(|i| matches!(i, ItemResult::Imported { .. }));
    if imported || !removed.is_empty() {
        desk.reload_content().await?;
    }
    let mut replies = desk.announce(&new_ids).await?;
    replies.extend(desk.review_previews(&for_review).await?);
    if !replies.is_empty() {
        desk.push(replies);
    }
    Ok(reports)
}

/// Runs [`tick`] until the task is dropped: every `feeds.poll_interval_secs` (or sooner, so that
/// a newly added feed and a backed-off one are picked up in time).
pub async fn run(app: App, desk: Arc<Desk>) {
    let interval = StdDuration::from_secs(app.settings.feeds.poll_interval_secs).min(MAX_TICK);
    loop {
        if let Err(e) = tick(&app, &desk).await {
            log::error!("polling the feeds failed: {e:#}");
        }
        tokio::time::sleep(interval).await;
    }
}
