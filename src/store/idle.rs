//! Connections kept between transactions, out of sqlx's pool: a connection handed back to sqlx's
//! pool is pinged first (sqlx 0.9 `PoolConnection::return_to_pool`, whatever the pool's options),
//! and that ping is a round trip to the connection's thread — two thread wake-ups and a spawned
//! task — after every transaction. Under load that was one of the two round trips a chat's turn
//! cost (BENCHMARKS.md, "Stop 17b"). A SQLite connection is a local file handle that cannot go
//! stale, and only a connection whose transaction ended cleanly (committed, rolled back, or none
//! opened) is kept here; any other goes back through sqlx's pool as before.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqlitePool};

/// How many idle connections are kept out of the pool at most. The pool is opened with this many
/// connections more than before (`Store::open`), so what uses the pool directly (reports, the
/// CLI's reads) never waits for connections parked here.
pub(super) const KEEP: usize = 8;

#[derive(Debug)]
pub(super) struct Idle {
    kept: Mutex<Vec<PoolConnection<Sqlite>>>,
    // Zero for an in-memory database: its pool has one connection, which must not be parked.
    keep: usize,
    // Set by `Store::close`: from then on connections go back to the pool, which waits for them.
    closing: AtomicBool,
}

impl Idle {
    pub(super) fn new(keep: usize) -> Idle {
        Idle {
            kept: Mutex::new(Vec::with_capacity(keep)),
            keep,
            closing: AtomicBool::new(false),
        }
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Vec<PoolConnection<Sqlite>>> {
        self.kept
            .lock()
            .expect("the idle connections are never poisoned")
    }

    /// An idle connection, or one from `pool`.
    pub(super) async fn acquire(
        &self,
        pool: &SqlitePool,
    ) -> Result<PoolConnection<Sqlite>, sqlx::Error> {
        let parked = self.kept().pop();
        match parked {
            Some(conn) => Ok(conn),
            None => pool.acquire().await,
        }
    }

    /// Keeps `conn` for the next transaction. Only for a connection with no transaction open and
    /// no statement running.
    pub(super) fn release(&self, conn: PoolConnection<Sqlite>) {
        if self.closing.load(Ordering::Acquire) {
            return;
        }
        let mut kept = self.kept();
        if kept.len() < self.keep {
            kept.push(conn);
        }
        // Otherwise `conn` drops here, back to the pool (pinged).
    }

    /// Hands every kept connection back to the pool (before it is closed).
    pub(super) fn close(&self) {
        self.closing.store(true, Ordering::Release);
        let kept = std::mem::take(&mut *self.kept());
        drop(kept);
    }
}

impl Drop for Idle {
    fn drop(&mut self) {
        // A pool connection dropped outside a tokio runtime would panic (sqlx spawns its return);
        // detached, it just closes.
        let kept = std::mem::take(&mut *self.kept());
        if tokio::runtime::Handle::try_current().is_err() {
            for conn in kept {
                drop(conn.detach());
            }
        }
    }
}
