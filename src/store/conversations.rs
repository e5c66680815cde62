//! Conversation state of each chat, as the desk keeps it: language, subscription, counters,
//! reachability, the last processed update, and the topic follow-up questions refer to.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::tx::{Tx, bind};
use super::{Store, lang_column, parse_timestamp, timestamp_text};
use crate::nlu::Lang;

/// A chat's state, loaded at the start of a turn and saved at its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatState {
    pub chat_id: i64,
    pub group: bool,
    /// The chosen reply language; `None`: decide from each message.
    pub language: Option<Lang>,
    /// The language the sender's client last reported, in private chats: what unprompted texts
    /// (new-article notices) use when no language was chosen.
    pub client_language: Option<Lang>,
    pub subscribed: bool,
    pub questions: i64,
    pub answered: i64,
    pub refused_in_row: i64,
    pub last_update_id: Option<i64>,
    pub unreachable_since: Option<DateTime<Utc>>,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
}

/// What a conversation is about, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredTopic {
    Article { article_id: i64, paragraph: usize },
    Indicator { name: String },
}

/// What a chat's turn read with its chat's state ([`Tx::chat_state`]), so that the turn's next
/// reads are answered without a round trip each: whether the chat has an open ticket, and the
/// topic of its whole-chat conversation (user 0) as of `now`. Forgotten by the turn's own writes
/// to either; nobody else changes them during the turn (see `Store::begin_turn`).
#[derive(Debug, Clone)]
pub(super) struct Prefetched {
    chat_id: i64,
    now: String,
    pub(super) open_ticket: Option<bool>,
    pub(super) topic: Option<Option<StoredTopic>>,
}

impl Prefetched {
    /// Whether `chat_id` has no open ticket, as read at the start of the turn.
    pub(super) fn no_open_ticket(&self, chat_id: i64) -> bool {
        self.chat_id == chat_id && self.open_ticket == Some(false)
    }
}

/// A chat to notify of a new article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    pub chat_id: i64,
    /// The chosen language, else the one the reader's client reported.
    pub language: Option<Lang>,
}

const CHAT_COLUMNS: &str = "chat_id, kind, language, client_language, subscribed, questions, answered, \
     refused_in_row, last_update_id, unreachable_since, first_seen, last_seen";
/// [`CHAT_COLUMNS`] where other tables are joined.
const CHAT_COLUMNS_OF_CHATS: &str = "chats.chat_id, chats.kind, chats.language, \
     chats.client_language, chats.subscribed, chats.questions, chats.answered, \
     chats.refused_in_row, chats.last_update_id, chats.unreachable_since, chats.first_seen, \
     chats.last_seen";

fn chat_state(row: &sqlx::sqlite::SqliteRow) -> anyhow::Result<ChatState> {
    let unreachable: Option<String> = row.try_get("unreachable_since")?;
    Ok(ChatState {
        chat_id: row.try_get("chat_id")?,
        group: row.try_get::<String, _>("kind")? == "group",
        language: lang_column(row.try_get("language")?),
        client_language: lang_column(row.try_get("client_language")?),
        subscribed: row.try_get("subscribed")?,
        questions: row.try_get("questions")?,
        answered: row.try_get("answered")?,
        refused_in_row: row.try_get("refused_in_row")?,
        last_update_id: row.try_get("last_update_id")?,
        unreachable_since: unreachable
            .map(|t| parse_timestamp(&t, "chats.unreachable_since"))
            .transpose()?,
        first_seen: parse_timestamp(&row.try_get::<String, _>("first_seen")?, "chats.first_seen")?,
        last_seen: parse_timestamp(&row.try_get::<String, _>("last_seen")?, "chats.last_seen")?,
    })
}

impl Tx {
    /// The chat's state, creating the chat (first seen `now`) when it is new.
    pub async fn chat_state(
        &mut self,
        chat_id: i64,
        group: bool,
        now: DateTime<Utc>,
    ) -> anyhow::Result<ChatState> {
        let now = timestamp_text(now);
        // One statement, not insert-then-select: every desk turn starts here, and each statement
        // is a round trip to the connection's worker thread (benches/load.rs). The no-op
        // `DO UPDATE` (not `DO NOTHING`) makes RETURNING yield the existing row too; the turn
        // rewrites `last_seen` when it saves the state anyway.
        if self.reads_unlocked() {
            // A chat's turn reads its state without the write lock; only a new chat is written
            // (below) at once.
            // With it, in the same statement, what the turn reads next (`Prefetched`).
            let row = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {CHAT_COLUMNS_OF_CHATS},
                     EXISTS (SELECT 1 FROM tickets t
                             WHERE t.chat_id = chats.chat_id AND t.status = 'open') AS open_ticket,
                     p.kind AS topic_kind, p.article_id AS topic_article_id,
                     p.paragraph AS topic_paragraph, p.indicator AS topic_indicator
                 FROM chats
                 LEFT JOIN topics p
                     ON p.chat_id = chats.chat_id AND p.user_id = 0 AND p.expires_at > ?
                 WHERE chats.chat_id = ?"
            )))
            .bind(now.as_str())
            .bind(chat_id)
            .fetch_optional(self.conn_read().await?)
            .await?;
            if let Some(row) = row {
                let topic = match row.try_get::<Option<String>, _>("topic_kind")? {
                    Some(kind) => stored_topic(
                        &kind,
                        row.try_get("topic_article_id")?,
                        row.try_get("topic_paragraph")?,
                        row.try_get("topic_indicator")?,
                    ),
                    None => None,
                };
                self.prefetched = Some(Prefetched {
                    chat_id,
                    now: now.clone(),
                    open_ticket: Some(row.try_get("open_ticket")?),
                    topic: Some(topic),
                });
                return chat_state(&row);
            }
            // A new chat: its row goes with the turn's other writes at `COMMIT` (before them,
            // so the rows that refer to it find it), and the turn stays out of the write lock
            // until then: its reads of its tickets and topics (there are none yet) do not wait
            // for it (`Tx::pending_new_chat_only`). Nobody else creates this chat meanwhile: its
            // turns run one at a time and turns that touch other chats' rows wait for this one
            // (`Store::begin_turn`).
            let only = self.pending_is_empty();
            self.later(
                "INSERT INTO chats (chat_id, kind, first_seen, last_seen) VALUES (?, ?, ?, ?)
                 ON CONFLICT (chat_id) DO NOTHING",
            )
            .bind(chat_id)?
            .bind(if group { "group" } else { "private" })?
            .bind(now.as_str())?
            .bind(now.as_str())?;
            self.pending_new_chat_only = only;
            self.prefetched = Some(Prefetched {
                chat_id,
                now: now.clone(),
                open_ticket: Some(false),
                topic: Some(None),
            });
            let at = parse_timestamp(&now, "now")?;
            return Ok(ChatState {
                chat_id,
                group,
                language: None,
                client_language: None,
                subscribed: false,
                questions: 0,
                answered: 0,
                refused_in_row: 0,
                last_update_id: None,
                unreachable_since: None,
                first_seen: at,
                last_seen: at,
            });
        }
        // It usually opens the transaction, so `BEGIN IMMEDIATE` goes with it (`Tx::with_pending`).
        let (sql, mut args) = self
            .with_pending(
                &format!(
                    "INSERT INTO chats (chat_id, kind, first_seen, last_seen) VALUES (?, ?, ?, ?)
             ON CONFLICT (chat_id) DO UPDATE SET last_seen = chats.last_seen
             RETURNING {CHAT_COLUMNS}"
                ),
                true,
            )
            .await?;
        bind(&mut args, chat_id)?;
        bind(&mut args, if group { "group" } else { "private" })?;
        bind(&mut args, now.as_str())?;
        bind(&mut args, now.as_str())?;
        let row = sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
            .fetch_one(self.connection())
            .await?;
        chat_state(&row)
    }

    /// Writes every field of `state` back (the chat exists: [`Tx::chat_state`] created it).
    pub async fn save_chat_state(&mut self, state: &ChatState) -> anyhow::Result<()> {
        // Results unread: it goes with the next statement or `COMMIT` (see `Tx::later`).
        self.later(
            "UPDATE chats SET kind = ?, language = ?, client_language = ?, subscribed = ?, questions = ?, answered = ?,
                 refused_in_row = ?, last_update_id = ?, unreachable_since = ?, last_seen = ?
             WHERE chat_id = ?",
        )
        .bind(if state.group { "group" } else { "private" })?
        .bind(state.language.map(Lang::as_str))?
        .bind(state.client_language.map(Lang::as_str))?
        .bind(state.subscribed)?
        .bind(state.questions)?
        .bind(state.answered)?
        .bind(state.refused_in_row)?
        .bind(state.last_update_id)?
        .bind(state.unreachable_since.map(timestamp_text))?
        .bind(timestamp_text(state.last_seen))?
        .bind(state.chat_id)?;
        Ok(())
    }

    /// The topic of the conversation of `user_id` (0 for a whole private chat), unless expired.
    pub async fn topic(
        &mut self,
        chat_id: i64,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> anyhow::Result<Option<StoredTopic>> {
        let now = timestamp_text(now);
        if user_id == 0
            && let Some(p) = &self.prefetched
            && p.chat_id == chat_id
            && p.now == now
            && let Some(topic) = &p.topic
        {
            return Ok(topic.clone());
        }
        let (sql, mut args) = self
            .with_pending(
                "SELECT kind, article_id, paragraph, indicator FROM topics
             WHERE chat_id = ? AND user_id = ? AND expires_at > ?",
                false,
            )
            .await?;
        bind(&mut args, chat_id)?;
        bind(&mut args, user_id)?;
        bind(&mut args, now)?;
        let row = sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
            .fetch_optional(self.connection())
            .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(stored_topic(
            &row.try_get::<String, _>("kind")?,
            row.try_get("article_id")?,
            row.try_get("paragraph")?,
            row.try_get("indicator")?,
        ))
    }

    /// Sets (or with `None` forgets) what the conversation of `user_id` is about, until `expires_at`.
    pub async fn set_topic(
        &mut self,
        chat_id: i64,
        user_id: i64,
        topic: Option<&StoredTopic>,
        expires_at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        if let Some(p) = &mut self.prefetched {
            p.topic = None;
        }
        // Results unread: these go with the next statement or `COMMIT` (see `Tx::later`).
        let Some(topic) = topic else {
            self.later("DELETE FROM topics WHERE chat_id = ? AND user_id = ?")
                .bind(chat_id)?
                .bind(user_id)?;
            return Ok(());
        };
        let (kind, article_id, paragraph, indicator) = match topic {
            StoredTopic::Article {
                article_id,
                paragraph,
            } => ("article", Some(*article_id), Some(*paragraph as i64), None),
            StoredTopic::Indicator { name } => ("indicator", None, None, Some(name.as_str())),
        };
        self.later(
            "INSERT INTO topics (chat_id, user_id, kind, article_id, paragraph, indicator, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (chat_id, user_id) DO UPDATE SET kind = excluded.kind,
                 article_id = excluded.article_id, paragraph = excluded.paragraph,
                 indicator = excluded.indicator, expires_at = excluded.expires_at",
        )
        .bind(chat_id)?
        .bind(user_id)?
        .bind(kind)?
        .bind(article_id)?
        .bind(paragraph)?
        .bind(indicator.map(str::to_string))?
        .bind(timestamp_text(expires_at))?;
        Ok(())
    }

    /// Moves a group's state to the id it got as a supergroup. Whatever the new id already
    /// collected (Telegram may deliver the new group's first message before the migration
    /// notice) gives way to the old state, keeping the higher `last_update_id`.
    pub async fn move_chat(&mut self, from: i64, to: i64) -> anyhow::Result<()> {
        if from == to {
            return Ok(());
        }
        let newer: Option<Option<i64>> =
            sqlx::query_scalar("SELECT last_update_id FROM chats WHERE chat_id = ?")
                .bind(to)
                .fetch_optional(self.conn_read().await?)
                .await?;
        sqlx::query("DELETE FROM chats WHERE chat_id = ?")
            .bind(to)
            .execute(self.conn().await?)
            .await?;
        // ON UPDATE CASCADE carries the topics along.
        sqlx::query("UPDATE chats SET chat_id = ?, kind = 'group' WHERE chat_id = ?")
            .bind(to)
            .bind(from)
            .execute(self.conn().await?)
            .await?;
        if let Some(Some(newer)) = newer {
            sqlx::query(
                "UPDATE chats SET last_update_id = MAX(COALESCE(last_update_id, 0), ?)
                 WHERE chat_id = ?",
            )
            .bind(newer)
            .bind(to)
            .execute(self.conn().await?)
            .await?;
        }
        sqlx::query("UPDATE questions SET chat_id = ? WHERE chat_id = ?")
            .bind(to)
            .bind(from)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// Marks a chat that messages cannot reach (since `at`), when it is known.
    pub async fn mark_unreachable(
        &mut self,
        chat_id: i64,
        at: DateTime<Utc>,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE chats SET unreachable_since = ? WHERE chat_id = ? AND unreachable_since IS NULL",
        )
        .bind(timestamp_text(at))
        .bind(chat_id)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Reachable chats that asked to hear of new articles.
    pub async fn subscribers(&mut self) -> anyhow::Result<Vec<Subscriber>> {
        let rows = sqlx::query(
            "SELECT chat_id, COALESCE(language, client_language) AS language FROM chats
             WHERE subscribed = 1 AND unreachable_since IS NULL ORDER BY chat_id",
        )
        .fetch_all(self.conn_read().await?)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Subscriber {
                    chat_id: row.try_get("chat_id")?,
                    language: lang_column(row.try_get("language")?),
                })
            })
            .collect()
    }
}

impl Store {
    /// A chat's desk state, if the chat was ever seen (read-only; for tools and tests).
    pub async fn chat_state(&self, chat_id: i64) -> anyhow::Result<Option<ChatState>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CHAT_COLUMNS} FROM chats WHERE chat_id = ?"
        )))
        .bind(chat_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(chat_state).transpose()
    }
}

/// A stored topic from its columns; `None` for a row that no longer makes sense.
fn stored_topic(
    kind: &str,
    article_id: Option<i64>,
    paragraph: Option<i64>,
    indicator: Option<String>,
) -> Option<StoredTopic> {
    match kind {
        "article" => match (article_id, paragraph) {
            (Some(article_id), Some(paragraph)) if paragraph >= 0 => Some(StoredTopic::Article {
                article_id,
                paragraph: paragraph as usize,
            }),
            _ => None,
        },
        _ => indicator.map(|name| StoredTopic::Indicator { name }),
    }
}
