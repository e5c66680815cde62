//! Units of work: a transaction that desk turns and reports run all their statements in, so one
//! update's state changes (and what it sends) are written together or not at all.
//!
//! The transaction is driven by hand (`BEGIN` / `COMMIT` / `ROLLBACK` on a pooled connection)
//! rather than through `sqlx::Transaction`, because a connection whose `COMMIT` failed must never
//! go back to the pool still inside a transaction: every later `BEGIN` on it would fail ("cannot
//! start a transaction within a transaction") and the bot would apologise until restarted. Here a
//! failed `COMMIT` is rolled back, and when even that fails the connection is closed, not reused.

use anyhow::Context;
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, Notify, OwnedMutexGuard};

use super::Store;

/// An open transaction. Dropping it without [`Tx::commit`] rolls everything back.
pub struct Tx {
    conn: Option<PoolConnection<Sqlite>>,
    // Held by write transactions until they end (see `Store::writer`); declared after `conn`,
    // so it is released only once the connection is on its way back.
    _writer: Option<OwnedMutexGuard<()>>,
}

/// How long a write waits for the other writers of this process before it reports the store busy
/// (the caller retries the whole turn).
const WRITER_WAIT: Duration = Duration::from_secs(30);

/// The queue of this process's writers: first come, first served, except that an urgent writer
/// (recording that a message was sent, which shrinks the window in which a crash would send it
/// again) goes before every ordinary one still waiting.
#[derive(Debug, Default)]
pub(super) struct Writer {
    lock: Arc<Mutex<()>>,
    urgent: AtomicUsize,
    urgent_done: Notify,
}

impl Writer {
    async fn ordinary(&self) -> OwnedMutexGuard<()> {
        loop {
            let done = self.urgent_done.notified();
            tokio::pin!(done);
            done.as_mut().enable();
            if self.urgent.load(Ordering::Acquire) > 0 {
                done.await;
                continue;
            }
            let guard = self.lock.clone().lock_owned().await;
            if self.urgent.load(Ordering::Acquire) == 0 {
                return guard;
            }
            // An urgent writer arrived while this one waited: let it pass.
        }
    }

    async fn urgent(&self) -> OwnedMutexGuard<()> {
        self.urgent.fetch_add(1, Ordering::AcqRel);
        let guard = self.lock.clone().lock_owned().await;
        self.urgent.fetch_sub(1, Ordering::AcqRel);
        self.urgent_done.notify_waiters();
        guard
    }
}

impl Store {
    /// A transaction that holds SQLite's write lock from the start. A deferred transaction that
    /// reads and then writes fails with SQLITE_BUSY under concurrency instead of waiting.
    pub async fn begin_write(&self) -> anyhow::Result<Tx> {
        self.begin_write_queued(false).await
    }

    /// As [`Store::begin_write`], ahead of the ordinary writers waiting (keep it short).
    pub async fn begin_write_urgent(&self) -> anyhow::Result<Tx> {
        self.begin_write_queued(true).await
    }

    async fn begin_write_queued(&self, urgent: bool) -> anyhow::Result<Tx> {
        let turn = async {
            if urgent {
                self.writer.urgent().await
            } else {
                self.writer.ordinary().await
            }
        };
        let writer = tokio::time::timeout(WRITER_WAIT, turn)
            .await
            .map_err(|_| anyhow::anyhow!("the store is busy: no write turn for {WRITER_WAIT:?}"))?;
        let mut tx = self
            .begin_with("BEGIN IMMEDIATE")
            .await
            .context("cannot start a write transaction")?;
        tx._writer = Some(writer);
        Ok(tx)
    }

    /// A transaction for reading a consistent snapshot (reports).
    pub async fn begin_read(&self) -> anyhow::Result<Tx> {
        self.begin_with("BEGIN")
            .await
            .context("cannot start a read transaction")
    }

    async fn begin_with(&self, begin: &'static str) -> anyhow::Result<Tx> {
        // Held in the `Tx` before `BEGIN` runs: if this future is dropped mid-statement, the
        // `Tx`'s drop cleans the connection up instead of the pool getting it back mid-transaction.
        let mut tx = Tx {
            conn: Some(self.pool.acquire().await?),
            _writer: None,
        };
        if let Err(error) = sqlx::query(begin).execute(tx.conn()).await {
            // BUSY leaves no transaction open, but a connection in an unknown state is not kept.
            if let Some(mut conn) = tx.conn.take() {
                conn.close_on_drop();
            }
            return Err(error.into());
        }
        Ok(tx)
    }
}

impl Tx {
    /// Commits. The connection stays with the `Tx` until `COMMIT` has answered, so that neither
    /// a failed `COMMIT` nor one cut short returns it to the pool inside a transaction.
    pub async fn commit(mut self) -> anyhow::Result<()> {
        match sqlx::query("COMMIT").execute(self.conn()).await {
            Ok(_) => {
                self.conn.take();
                Ok(())
            }
            Err(error) => {
                if let Some(conn) = self.conn.take() {
                    discard(conn).await;
                }
                Err(anyhow::Error::new(error).context("cannot commit"))
            }
        }
    }

    pub async fn rollback(mut self) -> anyhow::Result<()> {
        match sqlx::query("ROLLBACK").execute(self.conn()).await {
            Ok(_) => {
                self.conn.take();
                Ok(())
            }
            Err(error) => {
                if let Some(mut conn) = self.conn.take() {
                    conn.close_on_drop();
                }
                Err(anyhow::Error::new(error).context("cannot roll back"))
            }
        }
    }

    pub(super) fn conn(&mut self) -> &mut SqliteConnection {
        self.conn
            .as_mut()
            .expect("an open transaction has its connection")
    }
}

/// After a failed statement or COMMIT: roll back if SQLite still holds the transaction, and close
/// the connection when that fails too, so the pool never hands out a connection mid-transaction.
async fn discard(mut conn: PoolConnection<Sqlite>) {
    if sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
        // "no transaction is active" also lands here: SQLite already rolled back on its own.
        // Closing costs one reconnect, which is cheap next to reusing a broken connection.
        conn.close_on_drop();
    }
}

impl Drop for Tx {
    /// A transaction abandoned by an error (`?`) is rolled back before its connection is reused.
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    runtime.spawn(discard(conn));
                }
                Err(_) => {
                    let mut conn = conn;
                    conn.close_on_drop();
                }
            }
        }
    }
}
