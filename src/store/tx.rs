//! Units of work: a transaction that desk turns and reports run all their statements in, so one
//! update's state changes (and its `update_id`) are written together or not at all.

use anyhow::Context;
use sqlx::{Sqlite, SqliteConnection, Transaction};

use super::Store;

/// An open transaction. Dropping it without [`Tx::commit`] rolls everything back.
pub struct Tx {
    inner: Transaction<'static, Sqlite>,
}

impl Store {
    /// A transaction that holds SQLite's write lock from the start. A deferred transaction that
    /// reads and then writes fails with SQLITE_BUSY under concurrency instead of waiting.
    pub async fn begin_write(&self) -> anyhow::Result<Tx> {
        let inner = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .context("cannot start a write transaction")?;
        Ok(Tx { inner })
    }

    /// A transaction for reading a consistent snapshot (reports).
    pub async fn begin_read(&self) -> anyhow::Result<Tx> {
        let inner = self
            .pool
            .begin()
            .await
            .context("cannot start a read transaction")?;
        Ok(Tx { inner })
    }
}

impl Tx {
    pub async fn commit(self) -> anyhow::Result<()> {
        self.inner.commit().await.context("cannot commit")
    }

    pub async fn rollback(self) -> anyhow::Result<()> {
        self.inner.rollback().await.context("cannot roll back")
    }

    pub(super) fn conn(&mut self) -> &mut SqliteConnection {
        &mut self.inner
    }
}
