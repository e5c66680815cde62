//! The durable inbox: updates as Telegram delivered them, stored before they are confirmed and
//! marked handled in the transaction that applies their effects (see the migration for the rules).

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::tx::{Tx, bind};
use super::{Store, parse_timestamp, timestamp_text};

/// An update to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUpdate {
    pub update_id: i64,
    /// What the update carries, so a re-delivery is told apart from a new update that happens to
    /// reuse an id after Telegram restarted its sequence.
    pub content_key: String,
    pub chat_id: i64,
    pub raw: String,
}

/// An update waiting to be handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingUpdate {
    pub id: i64,
    pub update_id: i64,
    pub chat_id: i64,
    pub raw: String,
    pub received_at: DateTime<Utc>,
}

/// How an update left the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Handled {
    /// Its effects and replies are committed.
    Done,
    /// Part of a flood: kept, not answered.
    Excess,
    /// Given up on after a storage fault outlasted the patience.
    Failed,
}

impl Handled {
    fn as_str(self) -> &'static str {
        InboxState::Handled(self).as_str()
    }
}

/// Where an update stands in the inbox (its `state` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InboxState {
    /// Stored, not handled yet.
    Pending,
    Handled(Handled),
}

impl InboxState {
    /// The spelling in the `state` column (the table's CHECK lists the same four).
    fn as_str(self) -> &'static str {
        match self {
            InboxState::Pending => "pending",
            InboxState::Handled(Handled::Done) => "done",
            InboxState::Handled(Handled::Excess) => "excess",
            InboxState::Handled(Handled::Failed) => "failed",
        }
    }

    fn parse(column: &str) -> anyhow::Result<InboxState> {
        [
            InboxState::Pending,
            InboxState::Handled(Handled::Done),
            InboxState::Handled(Handled::Excess),
            InboxState::Handled(Handled::Failed),
        ]
        .into_iter()
        .find(|state| state.as_str() == column)
        .ok_or_else(|| anyhow::anyhow!("unknown inbox state {column:?}"))
    }
}

impl Store {
    /// Stores a batch of updates in one transaction. For each, the inbox id when it is new, `None`
    /// when the same update was stored before (a re-delivery).
    pub async fn accept_updates(
        &self,
        updates: &[NewUpdate],
        at: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Option<PendingUpdate>>> {
        let mut tx = self.begin_write().await?;
        let mut out = Vec::with_capacity(updates.len());
        // One multi-row statement per chunk (with `BEGIN IMMEDIATE`, one round trip) instead of
        // one per update; rows that were stored before (re-deliveries) come back as nothing.
        // 100 rows of 5 arguments stay far under SQLite's limit of 32,766 arguments.
        let at_text = timestamp_text(at);
        let chunks = updates.len().div_ceil(100);
        for (n, chunk) in updates.chunks(100).enumerate() {
            let mut sql = String::from(
                "INSERT INTO inbox (update_id, content_key, chat_id, raw, received_at) VALUES ",
            );
            for i in 0..chunk.len() {
                sql.push_str(if i == 0 {
                    "(?, ?, ?, ?, ?)"
                } else {
                    ", (?, ?, ?, ?, ?)"
                });
            }
            sql.push_str(
                " ON CONFLICT (update_id, content_key) DO NOTHING
                 RETURNING id, update_id, content_key",
            );
            let last = n + 1 == chunks;
            if last {
                // `COMMIT` in the same round trip: RETURNING's rows all come back before it runs
                // (sqlx steps each statement to its end), and a failed `COMMIT` fails the call.
                sql.push_str(";\nCOMMIT");
            }
            let (sql, mut args) = tx.with_pending(&sql, true).await?;
            for update in chunk {
                bind(&mut args, update.update_id)?;
                bind(&mut args, update.content_key.as_str())?;
                bind(&mut args, update.chat_id)?;
                bind(&mut args, update.raw.as_str())?;
                bind(&mut args, at_text.as_str())?;
            }
            let rows = sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
                .fetch_all(tx.connection())
                .await?;
            if last {
                tx.committed();
            }
            let mut stored = std::collections::HashMap::with_capacity(rows.len());
            for row in &rows {
                let key: (i64, String) = (row.try_get("update_id")?, row.try_get("content_key")?);
                stored.insert(key, row.try_get::<i64, _>("id")?);
            }
            for update in chunk {
                // A batch that carries the same update twice stores it once, for the first.
                let id = stored.remove(&(update.update_id, update.content_key.clone()));
                out.push(id.map(|id| PendingUpdate {
                    id,
                    update_id: update.update_id,
                    chat_id: update.chat_id,
                    raw: update.raw.clone(),
                    received_at: at,
                }));
            }
        }
        if updates.is_empty() {
            tx.commit().await?;
        }
        Ok(out)
    }

    /// Every update not handled yet, oldest first (what a restart picks up).
    pub async fn pending_updates(&self) -> anyhow::Result<Vec<PendingUpdate>> {
        let rows = sqlx::query(
            "SELECT id, update_id, chat_id, raw, received_at FROM inbox
             WHERE state = 'pending' ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(PendingUpdate {
                    id: row.try_get("id")?,
                    update_id: row.try_get("update_id")?,
                    chat_id: row.try_get("chat_id")?,
                    raw: row.try_get("raw")?,
                    received_at: parse_timestamp(
                        &row.try_get::<String, _>("received_at")?,
                        "inbox.received_at",
                    )?,
                })
            })
            .collect()
    }

    /// Which of `ids` still wait to be handled: a turn that failed may have been handled
    /// meanwhile by another run of the bot on this database.
    pub async fn still_pending(&self, ids: &[i64]) -> anyhow::Result<Vec<i64>> {
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        Ok(sqlx::query_scalar(
            "SELECT id FROM inbox WHERE state = 'pending' AND id IN (SELECT value FROM json_each(?))",
        )
        .bind(format!("[{list}]"))
        .fetch_all(&self.pool)
        .await?)
    }

    /// How many updates are in each state (for tests and the bench).
    pub async fn inbox_counts(&self) -> anyhow::Result<Vec<(InboxState, i64)>> {
        let rows =
            sqlx::query("SELECT state, COUNT(*) AS n FROM inbox GROUP BY state ORDER BY state")
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|row| {
                let state: String = row.try_get("state")?;
                Ok((InboxState::parse(&state)?, row.try_get("n")?))
            })
            .collect()
    }

    /// Forgets handled updates received before `before`. Telegram re-delivers only unconfirmed
    /// updates, which it keeps for a day, so older ones are no longer needed to spot duplicates.
    pub async fn prune_inbox(&self, before: DateTime<Utc>) -> anyhow::Result<u64> {
        let done = sqlx::query("DELETE FROM inbox WHERE state <> 'pending' AND received_at < ?")
            .bind(timestamp_text(before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

impl Tx {
    /// Marks stored updates as handled, in the transaction that applied their effects.
    pub async fn finish_updates(
        &mut self,
        ids: &[i64],
        how: Handled,
        at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        // Results unread: they go with the next statement or `COMMIT` (see `Tx::later`). Only a
        // pending update is marked: one already handled — by another run of the bot on this
        // database, e.g. an old process still finishing its turns while a new one picked up the
        // pending updates — breaks the table's CHECK and fails this transaction, so its effects
        // and replies are not committed a second time (the worker then drops the update).
        for id in ids {
            self.later(
                "UPDATE inbox SET state = CASE state WHEN 'pending' THEN ? ELSE 'handled twice' END,
                 handled_at = ? WHERE id = ?",
            )
                .bind(how.as_str())?
                .bind(timestamp_text(at))?
                .bind(*id)?;
        }
        Ok(())
    }
}
