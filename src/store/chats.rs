//! Per-chat state: the chats the bot has seen and the reply language each chose.
//! Later features add their per-chat columns and tables through new migrations.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{Store, lang_column, parse_timestamp, timestamp_text};
use crate::nlu::Lang;

/// A chat the bot has seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chat {
    pub chat_id: i64,
    /// The chosen reply language; `None`: decide from each message.
    pub language: Option<Lang>,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
}

impl Store {
    /// Records that `chat_id` was active at `at`, creating the chat on first sight.
    pub async fn touch_chat(&self, chat_id: i64, at: DateTime<Utc>) -> anyhow::Result<()> {
        let at = timestamp_text(at);
        sqlx::query(
            "INSERT INTO chats (chat_id, first_seen, last_seen) VALUES (?, ?, ?)
             ON CONFLICT (chat_id) DO UPDATE SET last_seen = excluded.last_seen",
        )
        .bind(chat_id)
        .bind(&at)
        .bind(&at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// How many chats the bot has seen (for the tests and the benches).
    pub async fn count_chats(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM chats")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Every chat's last handled update id (`None`: none handled yet), for the load benchmark's
    /// check that each chat's state reached the database.
    pub async fn last_update_ids(&self) -> anyhow::Result<HashMap<i64, Option<i64>>> {
        let rows: Vec<(i64, Option<i64>)> =
            sqlx::query_as("SELECT chat_id, last_update_id FROM chats")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }

    pub async fn chat(&self, chat_id: i64) -> anyhow::Result<Option<Chat>> {
        let row: Option<(i64, Option<String>, String, String)> = sqlx::query_as(
            "SELECT chat_id, language, first_seen, last_seen FROM chats WHERE chat_id = ?",
        )
        .bind(chat_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(chat_id, language, first_seen, last_seen)| {
            Ok(Chat {
                chat_id,
                language: lang_column(language),
                first_seen: parse_timestamp(&first_seen, "chats.first_seen")?,
                last_seen: parse_timestamp(&last_seen, "chats.last_seen")?,
            })
        })
        .transpose()
    }

    /// Sets (or with `None` clears) a chat's reply language, creating the chat if it is new.
    pub async fn set_chat_language(
        &self,
        chat_id: i64,
        language: Option<Lang>,
    ) -> anyhow::Result<()> {
        let now = super::now_text();
        sqlx::query(
            "INSERT INTO chats (chat_id, language, first_seen, last_seen) VALUES (?, ?, ?, ?)
             ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language",
        )
        .bind(chat_id)
        .bind(language.map(Lang::as_str))
        .bind(&now)
        .bind(&now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
