//! The durable outbox: Bot API calls decided by a committed transaction and not yet accepted by
//! Telegram. Rows are written with the state change that caused them and deleted once sent.
//!
//! Calls announcing a content change are written held ([`Tx::hold_outbox`]): the index that
//! answers from the change is rebuilt only after the commit, and a reader who saw the announcement
//! must not be answered from the old one. The rebuild's end releases them.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::tx::{Tx, Writer};
use super::{Store, timestamp_text};

/// A call waiting to be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub id: i64,
    pub chat_id: i64,
    /// The call as the adapter encoded it.
    pub payload: String,
    /// Waits for a content rebuild ([`Store::release_outbox`]); calls after it to the same chat
    /// wait too, so that the chat's order holds.
    pub held: bool,
}

/// What a transaction's held calls wait for ([`Tx::hold_outbox`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxHold(i64);

impl Store {
    /// Queued calls with an id above `after`, oldest first.
    pub async fn outbox_after(&self, after: i64, limit: i64) -> anyhow::Result<Vec<Queued>> {
        // On a kept connection (`store::idle`): the sender reads after every wake-up.
        let mut conn = self.writer.idle.acquire(&self.pool).await?;
        // Held rows are read too: the sender must keep its place in their chats' order, and its
        // cursor moves past them.
        let rows = sqlx::query(
            "SELECT id, chat_id, payload, held IS NOT NULL AS held FROM outbox \
             WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
        self.writer.idle.release(conn);
        rows.iter()
            .map(|row| {
                Ok(Queued {
                    id: row.try_get("id")?,
                    chat_id: row.try_get("chat_id")?,
                    payload: row.try_get("payload")?,
                    held: row.try_get("held")?,
                })
            })
            .collect()
    }

    /// Forgets calls that were made (or given up on), in one transaction, ahead of other writers:
    /// until this commits, a crash would make the call again.
    pub async fn outbox_done(&self, ids: &[i64]) -> anyhow::Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write_urgent().await?;
        tx.outbox_done(ids).await?;
        tx.commit().await
    }

    /// Which of `ids` are still held (see [`Tx::hold_outbox`]); a row sent or dropped meanwhile is
    /// not among them.
    pub async fn outbox_still_held(&self, ids: &[i64]) -> anyhow::Result<HashSet<i64>> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let mut conn = self.writer.idle.acquire(&self.pool).await?;
        let held: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM outbox WHERE held IS NOT NULL \
             AND id IN (SELECT value FROM json_each(?))",
        )
        .bind(format!("[{list}]"))
        .fetch_all(&mut *conn)
        .await?;
        self.writer.idle.release(conn);
        Ok(held.into_iter().collect())
    }

    /// Lets the calls `hold` kept go, once the content they announce is answered from (or its
    /// rebuild failed: the old content stays, and what was stored must still be told). Returns
    /// how many were released.
    pub async fn release_outbox(&self, hold: OutboxHold) -> anyhow::Result<u64> {
        let mut tx = self.begin_write().await?;
        let released = sqlx::query("UPDATE outbox SET held = NULL WHERE held = ?")
            .bind(hold.0)
            .execute(tx.conn().await?)
            .await?
            .rows_affected();
        tx.commit().await?;
        self.writer.forget_hold(hold.0);
        Ok(released)
    }

    /// Lets go every call held for a rebuild that no transaction of this process waits for: its
    /// process died between the commit and the swap. Call it once the content is loaded, which
    /// then reflects what they announce. Returns how many were released.
    pub async fn release_stale_outbox_holds(&self) -> anyhow::Result<u64> {
        let mut tx = self.begin_write().await?;
        // Read under the write lock: a hold taken after this is in no row yet.
        let live = self.writer.live_holds();
        let list = live
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let released = sqlx::query(
            "UPDATE outbox SET held = NULL WHERE held IS NOT NULL \
             AND held NOT IN (SELECT value FROM json_each(?))",
        )
        .bind(format!("[{list}]"))
        .execute(tx.conn().await?)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(released)
    }

    /// How many calls are held (for tests).
    pub async fn outbox_held_len(&self) -> anyhow::Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE held IS NOT NULL")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// How many calls are queued (for tests and the bench).
    pub async fn outbox_len(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(&self.pool)
            .await?)
    }
}

impl Tx {
    /// From now on, what this transaction queues announces a content change (see the module's
    /// doc): the adapter writes its calls held by the hold returned ([`Tx::outbox_hold`]), for
    /// [`Store::release_outbox`] once the rebuild that follows the commit is done.
    pub fn hold_outbox(&mut self) -> anyhow::Result<OutboxHold> {
        if let Some(hold) = self.outbox_hold {
            return Ok(hold);
        }
        // Random, not counted: a hold left by a process that died must not be taken for one of
        // this process's (see `Store::release_stale_outbox_holds`).
        let token = getrandom::u64().map_err(|e| anyhow::anyhow!("no random source: {e}"))?;
        let hold = OutboxHold(token as i64);
        self.shared.keep_hold(hold.0);
        self.outbox_hold = Some(hold);
        Ok(hold)
    }

    /// The hold calls queued now are written with, if any ([`Tx::hold_outbox`]).
    pub fn outbox_hold(&self) -> Option<OutboxHold> {
        self.outbox_hold
    }

    /// Queues a call for `chat_id`, `held` until that hold is released. Results unread: it goes
    /// with the next statement or `COMMIT` (see `Tx::later`).
    pub async fn enqueue(
        &mut self,
        chat_id: i64,
        payload: &str,
        held: Option<OutboxHold>,
        at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        self.later("INSERT INTO outbox (chat_id, payload, created_at, held) VALUES (?, ?, ?, ?)")
            .bind(chat_id)?
            .bind(payload)?
            .bind(timestamp_text(at))?
            .bind(held.map(|h| h.0))?;
        Ok(())
    }

    /// Forgets calls that were made. Goes with the next statement or `COMMIT` (see `Tx::later`).
    pub async fn outbox_done(&mut self, ids: &[i64]) -> anyhow::Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        // One statement for the lot, not one per row: each statement's result is a message
        // from the connection's thread (see `Tx::pending`).
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        self.later("DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?))")
            .bind(format!("[{list}]"))?;
        Ok(())
    }

    /// Drops every call still queued for a chat that refuses the bot; returns their ids.
    pub async fn drop_outbox_of_chat(&mut self, chat_id: i64) -> anyhow::Result<Vec<i64>> {
        let ids = sqlx::query_scalar("DELETE FROM outbox WHERE chat_id = ? RETURNING id")
            .bind(chat_id)
            .fetch_all(self.conn().await?)
            .await?;
        Ok(ids)
    }
}

impl Writer {
    fn keep_hold(&self, hold: i64) {
        self.holds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(hold);
    }

    fn forget_hold(&self, hold: i64) {
        self.holds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&hold);
    }

    fn live_holds(&self) -> Vec<i64> {
        let holds = self.holds.lock().unwrap_or_else(|e| e.into_inner());
        holds.iter().copied().collect()
    }
}
