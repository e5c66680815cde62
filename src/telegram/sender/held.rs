//! The sender's held rows: calls announcing a content change, which wait for its rebuild (see
//! `store::outbox`). Their lanes stop where they stand until the store says they were released.

use tokio::time::Instant;

use super::{HELD_RECHECK, Loop};
use crate::telegram::Helpdesk;

impl<D: Helpdesk> Loop<D> {
    /// Marks the held rows the store no longer holds as free to send (a row sent or dropped
    /// meanwhile is no longer held either, and its lane knows it no more); `false` when the
    /// store could not tell.
    pub(super) async fn release_held(&mut self) -> bool {
        if self.held.is_empty() {
            self.held_check_at = None;
            return true;
        }
        let ids: Vec<i64> = self.held.keys().copied().collect();
        let still = match self.sender.desk.store().outbox_still_held(&ids).await {
            Ok(still) => still,
            Err(e) => {
                log::warn!("cannot read which queued calls are held (retrying): {e:#}");
                return false;
            }
        };
        for id in ids {
            if still.contains(&id) {
                continue;
            }
            let Some(lane_id) = self.held.remove(&id) else {
                continue;
            };
            if let Some(entry) = self
                .lanes
                .get_mut(&lane_id)
                .and_then(|lane| lane.entries.iter_mut().find(|e| e.id == id))
            {
                entry.held = false;
                self.make_ready(lane_id);
            }
        }
        self.held_check_at = (!self.held.is_empty()).then(|| Instant::now() + HELD_RECHECK);
        true
    }

    /// Whether every chat still queued waits for a held row (nothing would leave before the
    /// drain's deadline).
    pub(super) fn nothing_to_send(&self) -> bool {
        self.lanes
            .values()
            .all(|lane| lane.entries.front().is_none_or(|head| head.held))
    }
}
