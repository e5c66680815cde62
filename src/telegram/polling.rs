//! Long polling that loses nothing: each `getUpdates` batch is stored (see [`Ingress`]) before the
//! next call's offset confirms it to Telegram. Offsets are 64-bit, so an update id at 2^31−1 is
//! just another number. A failing API or store is retried with backoff, never skipped.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use super::api::{Api, Failure};
use super::ingress::Ingress;

/// The update kinds the bot handles; Telegram filters the rest out before sending.
pub const ALLOWED_UPDATES: [&str; 4] = [
    "message",
    "edited_message",
    "callback_query",
    "my_chat_member",
];

const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Polls until `shutdown` completes.
pub async fn poll(
    api: &Api,
    ingress: &Ingress,
    timeout: Duration,
    mut shutdown: Pin<Box<dyn Future<Output = ()> + Send>>,
) {
    let mut offset: Option<i64> = None;
    let mut highest: Option<i64> = None;
    let mut failures: u32 = 0;
    loop {
        let batch = tokio::select! {
            () = shutdown.as_mut() => return,
            batch = api.get_updates(offset, timeout, &ALLOWED_UPDATES) => batch,
        };
        let updates = match batch {
            Ok(updates) => {
                failures = 0;
                updates
            }
            Err(failure) => {
                failures += 1;
                let wait = backoff(failures);
                log::warn!(
                    "getUpdates failed ({}); retrying in {wait:?}",
                    describe(&failure)
                );
                let wait = match failure {
                    Failure::RetryAfter(after) => after,
                    _ => wait,
                };
                tokio::select! {
                    () = shutdown.as_mut() => return,
                    () = tokio::time::sleep(wait) => continue,
                }
            }
        };
        let ids: Vec<i64> = updates
            .iter()
            .filter_map(|u| u["update_id"].as_i64())
            .collect();
        let (Some(&low), Some(&high)) = (ids.iter().min(), ids.iter().max()) else {
            continue;
        };
        if let Some(before) = highest
            && low <= before
        {
            // Telegram starts a new random sequence after a week without updates (or this is a
            // new bot on an old database): duplicates are recognised by content, not by order.
            log::info!("update ids restarted at {low} (were up to {before})");
        }
        let mut tries: u32 = 0;
        loop {
            match ingress.accept_batch(&updates).await {
                Ok(_) => break,
                Err(e) => {
                    tries += 1;
                    let wait = backoff(tries);
                    // Not confirmed: Telegram keeps them until they are stored.
                    log::warn!(
                        "cannot store {} update(s) yet ({e:#}); retrying in {wait:?}",
                        updates.len()
                    );
                    tokio::select! {
                        () = shutdown.as_mut() => return,
                        () = tokio::time::sleep(wait) => {}
                    }
                }
            }
        }
        highest = Some(high);
        offset = Some(high + 1);
    }
}

fn describe(failure: &Failure) -> String {
    match failure {
        Failure::RetryAfter(d) => format!("asked to wait {d:?}"),
        Failure::Migrated(_) => "unexpected migration".into(),
        Failure::Refused(r)
        | Failure::Rejected(r)
        | Failure::Transient(r)
        | Failure::Unknown(r) => r.clone(),
    }
}

fn backoff(failures: u32) -> Duration {
    FIRST_BACKOFF
        .saturating_mul(1 << failures.saturating_sub(1).min(16))
        .min(MAX_BACKOFF)
}
