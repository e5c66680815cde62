//! Feeds on a timer: while `newsdesk run` is up, every feed that is due is polled; new articles are
//! announced to subscribers (one message each per round, however many articles), review-mode items
//! go to the admins as previews, and retention prunes the oldest articles — all of a round written
//! in one transaction, the notices and previews queued for the bot's sender in it, so a crash loses
//! none of them and sends none for articles that were not stored.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};

use super::feeds::{self, Fetched, PollReport};
use crate::app::App;
use crate::desk::{Desk, Push, Round};
use crate::settings::RetentionSettings;
use crate::store::Tx;

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

/// Fetches the feeds `which` selects, one after another; nothing is written yet.
async fn fetch_round(app: &App, which: Due) -> anyhow::Result<Vec<Fetched>> {
    let now = Utc::now();
    let mut fetched = Vec::new();
    for feed in app.store.feeds().await? {
        let due = match which {
            Due::Due => feed.next_poll_at.is_none_or(|at| at <= now),
            Due::AllButReview => !feed.review,
        };
        if due {
            fetched.push(feeds::fetch(app, &feed, Utc::now()).await?);
        }
    }
    Ok(fetched)
}

/// Writes what a round fetched in `tx`; returns the reports and what the desk is to take in.
async fn store_round(
    tx: &mut Tx,
    fetched: Vec<Fetched>,
) -> anyhow::Result<(Vec<PollReport>, Round)> {
    let mut round = Round::default();
    let mut reports = Vec::new();
    for feed in fetched {
        reports.push(feed.store(tx, &mut round).await?);
    }
    Ok((reports, round))
}

/// Polls the feeds `which` selects and stores what they bring, without telling anyone (the
/// command line: `newsdesk feeds poll`). A failing feed is reported, not fatal.
pub async fn poll_round(app: &App, which: Due) -> anyhow::Result<Vec<PollReport>> {
    let fetched = fetch_round(app, which).await?;
    if fetched.is_empty() {
        return Ok(Vec::new());
    }
    let mut tx = app.store.begin_write().await?;
    let (reports, _) = store_round(&mut tx, fetched).await?;
    tx.commit().await?;
    Ok(reports)
}

/// Applies `content.max_articles` / `content.max_age_days`; returns the ids removed.
pub async fn prune(app: &App) -> anyhow::Result<Vec<i64>> {
    if !retains(&app.settings.retention) {
        return Ok(Vec::new());
    }
    let mut tx = app.store.begin_write().await?;
    let removed = prune_in(&mut tx, &app.settings.retention, Utc::now()).await?;
    tx.commit().await?;
    Ok(removed)
}

fn retains(retention: &RetentionSettings) -> bool {
    retention.max_articles.is_some() || retention.max_age_days.is_some()
}

async fn prune_in(
    tx: &mut Tx,
    retention: &RetentionSettings,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<i64>> {
    if !retains(retention) {
        return Ok(Vec::new());
    }
    let older_than = retention
        .max_age_days
        .map(|days| now - Duration::days(i64::try_from(days).unwrap_or(i64::MAX / 86_400)));
    let removed = tx.prune(retention.max_articles, older_than).await?;
    if !removed.is_empty() {
        log::info!("retention removes {} articles: {removed:?}", removed.len());
    }
    Ok(removed)
}

/// One round as the running bot does it: fetch the due feeds, then in one transaction store their
/// articles, prune, and queue through `push` the announcements and review previews; once it
/// committed, `push` is told (the sender wakes), and again once the rebuilt index answers from the
/// new articles and the announcements, held until then, may go.
pub async fn tick(app: &App, desk: &Desk, push: &dyn Push) -> anyhow::Result<Vec<PollReport>> {
    let fetched = fetch_round(app, Due::Due).await?;
    if fetched.is_empty() && !retains(&app.settings.retention) {
        return Ok(Vec::new());
    }
    let now = Utc::now();
    let mut tx = app.store.begin_write().await?;
    let (reports, mut round) = store_round(&mut tx, fetched).await?;
    round.removed = prune_in(&mut tx, &app.settings.retention, now).await?;
    let adopt = desk.take_in_round(&mut tx, round, push, now).await?;
    tx.commit().await?;
    push.committed();
    let adopted = desk.adopt(adopt).await;
    // What the round queued was held until the rebuild ended (see `Desk::take_in_round`).
    push.committed();
    adopted?;
    Ok(reports)
}

/// Runs [`tick`] until the task is dropped: every `feeds.poll_interval_secs` (or sooner, so that
/// a newly added feed and a backed-off one are picked up in time).
pub async fn run<P: Push + 'static>(app: App, desk: Arc<Desk>, push: P) {
    let interval = StdDuration::from_secs(app.settings.feeds.poll_interval_secs).min(MAX_TICK);
    loop {
        if let Err(e) = tick(&app, &desk, &push).await {
            log::error!("polling the feeds failed: {e:#}");
        }
        tokio::time::sleep(interval).await;
    }
}
