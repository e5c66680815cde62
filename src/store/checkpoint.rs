//! WAL checkpoints off the write path. SQLite's automatic checkpoint runs inside the `COMMIT`
//! that grows the WAL past 1,000 pages, on the committing connection: it syncs the WAL, copies
//! the pages into the database file and syncs that too. Here that `COMMIT` is the group commit's
//! (or the sender's, or the ingress's) while it holds this process's write turn (`tx::Writer`),
//! so every few hundred turns all writers — and the readers waiting on their replies — stood
//! still for two `fsync`s and a few megabytes of writes (BENCHMARKS.md, "Stop 19").
//!
//! So the connections are opened with `wal_autocheckpoint = 0` and this task checkpoints instead,
//! on a connection of its own, beside the writers: a `PASSIVE` checkpoint takes neither SQLite's
//! write lock nor ours, never waits for a busy handler, and copies only what no reader still
//! needs. Durability is unchanged: commits are synced exactly as before (`synchronous = NORMAL`:
//! at checkpoints), and a checkpoint syncs the WAL before it copies anything. When the last
//! connection closes, SQLite checkpoints whatever is left, as it did before.

use std::sync::Weak;
use std::time::Duration;

use super::tx::Writer;

/// How often the WAL is copied back while writes happen. A run with nothing new to copy costs one
/// statement and no sync; at a few thousand turns a second a quarter of a second is a few hundred
/// WAL pages, about what the automatic checkpoint's 1,000 pages held.
const EVERY: Duration = Duration::from_millis(250);

/// Checkpoints the store behind `writer` until the store is dropped or closed.
pub(super) fn spawn(writer: Weak<Writer>) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(EVERY).await;
            // Not holding the store between runs: a store nobody uses any more ends this task.
            let Some(pool) = writer.upgrade().map(|w| w.pool.clone()) else {
                return;
            };
            if pool.is_closed() {
                return;
            }
            if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&pool)
                .await
            {
                if pool.is_closed() {
                    return;
                }
                // Not fatal: the WAL grows meanwhile and the next run copies it.
                log::debug!("WAL checkpoint failed: {e}");
            }
        }
    });
}
