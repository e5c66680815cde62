//! Pages an admin sent for publishing, kept until the preview's "Publish" or "Cancel".

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::tx::Tx;
use super::{parse_timestamp, timestamp_text};

/// A pending page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    pub admin_id: i64,
    pub chat_id: i64,
    pub raw: Vec<u8>,
    pub title: String,
    pub created_at: DateTime<Utc>,
}

impl Tx {
    pub async fn create_draft(
        &mut self,
        admin_id: i64,
        chat_id: i64,
        raw: &[u8],
        title: &str,
        at: DateTime<Utc>,
    ) -> anyhow::Result<i64> {
        let id = sqlx::query_scalar(
            "INSERT INTO drafts (admin_id, chat_id, raw, title, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(admin_id)
        .bind(chat_id)
        .bind(raw)
        .bind(title)
        .bind(timestamp_text(at))
        .fetch_one(self.conn().await?)
        .await?;
        Ok(id)
    }

    /// Removes and returns a pending draft made in `chat_id`; `None` when it is gone (already
    /// published or cancelled) or belongs to another chat.
    pub async fn take_draft(
        &mut self,
        draft_id: i64,
        chat_id: i64,
    ) -> anyhow::Result<Option<Draft>> {
        let row = sqlx::query(
            "DELETE FROM drafts WHERE id = ? AND chat_id = ?
             RETURNING id, admin_id, chat_id, raw, title, created_at",
        )
        .bind(draft_id)
        .bind(chat_id)
        .fetch_optional(self.conn().await?)
        .await?;
        row.map(|row| {
            Ok(Draft {
                id: row.try_get("id")?,
                admin_id: row.try_get("admin_id")?,
                chat_id: row.try_get("chat_id")?,
                raw: row.try_get("raw")?,
                title: row.try_get("title")?,
                created_at: parse_timestamp(
                    &row.try_get::<String, _>("created_at")?,
                    "drafts.created_at",
                )?,
            })
        })
        .transpose()
    }

    /// How many drafts are pending (for tests and tools).
    pub async fn draft_count(&mut self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM drafts")
            .fetch_one(self.conn_read().await?)
            .await?)
    }
}
