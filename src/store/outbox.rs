//! The durable outbox: Bot API calls decided by a committed transaction and not yet accepted by
//! Telegram. Rows are written with the state change that caused them and deleted once sent.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::tx::Tx;
use super::{Store, timestamp_text};

/// A call waiting to be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub id: i64,
    pub chat_id: i64,
    /// The call as the adapter encoded it.
    pub payload: String,
}

impl Store {
    /// Queued calls with an id above `after`, oldest first.
    pub async fn outbox_after(&self, after: i64, limit: i64) -> anyhow::Result<Vec<Queued>> {
        // On a kept connection (`store::idle`): the sender reads after every wake-up.
        let mut conn = self.writer.idle.acquire(&self.pool).await?;
        let rows =
            sqlx::query("SELECT id, chat_id, payload FROM outbox WHERE id > ? ORDER BY id LIMIT ?")
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

    /// How many calls are queued (for tests and the bench).
    pub async fn outbox_len(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(&self.pool)
            .await?)
    }
}

impl Tx {
    /// Queues a call for `chat_id`. Results unread: it goes with the next statement or `COMMIT`
    /// (see `Tx::later`).
    pub async fn enqueue(
        &mut self,
        chat_id: i64,
        payload: &str,
        at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        self.later("INSERT INTO outbox (chat_id, payload, created_at) VALUES (?, ?, ?)")
            .bind(chat_id)?
            .bind(payload)?
            .bind(timestamp_text(at))?;
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
