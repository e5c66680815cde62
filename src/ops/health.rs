//! The health check: healthy when the database takes a write and the Bot API answered lately.
//! [`Pulse`] is where the Telegram adapter records that the Bot API answered.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;

use super::metrics::Backlog;
use crate::store::Store;

/// The Bot API counts as answering while its last answer is at most this old. The adapter asks it
/// something at least every [`PROBE_EVERY`].
pub const MAX_SILENCE: Duration = Duration::from_secs(120);

/// How often the adapter checks in with the Bot API when nothing else reached it.
pub const PROBE_EVERY: Duration = Duration::from_secs(30);

/// When the Bot API last answered. Cheap to clone; clones share the time.
#[derive(Debug, Clone, Default)]
pub struct Pulse(Arc<AtomicI64>);

impl Pulse {
    pub fn new() -> Pulse {
        Pulse::default()
    }

    /// The Bot API answered just now.
    pub fn beat(&self) {
        self.0
            .store(Utc::now().timestamp_millis(), Ordering::Relaxed);
    }

    /// How long ago the Bot API last answered; `None` if it never did.
    pub fn since_last(&self) -> Option<Duration> {
        let at = self.0.load(Ordering::Relaxed);
        (at != 0).then(|| {
            Duration::from_millis(Utc::now().timestamp_millis().saturating_sub(at).max(0) as u64)
        })
    }
}

/// The `/healthz` body.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// `ok` or `unavailable`.
    pub status: &'static str,
    /// Why not healthy; absent when healthy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub database_writable: bool,
    /// Seconds since the Bot API last answered (absent: never).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bot_api_seconds_ago: Option<u64>,
    /// Updates stored but not handled yet (absent when the database could not say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbox_pending: Option<i64>,
    /// Bot API calls decided but not made yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbox_pending: Option<i64>,
}

impl Report {
    pub fn healthy(&self) -> bool {
        self.reason.is_none()
    }
}

/// Checks the database (a real write) and the Bot API's last answer.
pub async fn check(store: &Store, pulse: &Pulse) -> Report {
    let write = store.probe_write().await;
    let since = pulse.since_last();
    let reason = match (&write, since) {
        (Err(e), _) => Some(format!("the database does not take writes: {e:#}")),
        (Ok(()), None) => Some("the Bot API has not answered yet".to_string()),
        (Ok(()), Some(ago)) if ago > MAX_SILENCE => {
            Some(format!("the Bot API last answered {} s ago", ago.as_secs()))
        }
        (Ok(()), Some(_)) => None,
    };
    // A backlog is shown, not judged: a burst of updates is normal, and the sender retries.
    let backlog = Backlog::read(store).await.ok();
    Report {
        status: if reason.is_none() {
            "ok"
        } else {
            "unavailable"
        },
        reason,
        database_writable: write.is_ok(),
        bot_api_seconds_ago: since.map(|d| d.as_secs()),
        inbox_pending: backlog.map(|b| b.inbox),
        outbox_pending: backlog.map(|b| b.outbox),
    }
}
