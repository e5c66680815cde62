//! Tickets of the human handoff: a reader's conversation with staff, its messages, and the
//! support-chat messages that belong to it (a staff reply to any of them answers the reader).

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::Store;
use super::tx::Tx;
use super::{lang_column, parse_timestamp, timestamp_text};
use crate::nlu::Lang;

/// A ticket as the desk needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub id: i64,
    /// The reader's private chat.
    pub chat_id: i64,
    pub user_id: i64,
    pub reader_name: String,
    pub reader_username: Option<String>,
    /// The language the reader is answered in.
    pub lang: Lang,
    pub open: bool,
}

/// A ticket to open.
#[derive(Debug, Clone)]
pub struct NewTicket<'a> {
    pub chat_id: i64,
    pub user_id: i64,
    pub reader_name: &'a str,
    pub reader_username: Option<&'a str>,
    pub lang: Lang,
    pub at: DateTime<Utc>,
}

/// One line of the `/tickets` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketSummary {
    pub id: i64,
    pub reader_name: String,
    pub username: Option<String>,
    pub opened_at: DateTime<Utc>,
}

/// Who wrote a ticket message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    Reader,
    Staff,
}

/// Why a ticket was closed (its `closed_by` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedBy {
    /// The reader ended the conversation.
    Reader,
    /// Staff closed it in the support chat.
    Staff,
    /// The support chat refused the bot's messages (the bot was removed, or the chat is gone).
    StaffUnreachable,
    /// The reader's chat refused the bot's messages (the reader blocked the bot).
    ReaderUnreachable,
}

impl ClosedBy {
    const ALL: [ClosedBy; 4] = [
        ClosedBy::Reader,
        ClosedBy::Staff,
        ClosedBy::StaffUnreachable,
        ClosedBy::ReaderUnreachable,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ClosedBy::Reader => "reader",
            ClosedBy::Staff => "staff",
            ClosedBy::StaffUnreachable => "staff_unreachable",
            ClosedBy::ReaderUnreachable => "reader_unreachable",
        }
    }
}

const TICKET_COLUMNS: &str =
    "t.id, t.chat_id, t.user_id, t.reader_name, t.reader_username, t.lang, t.status";

fn ticket(row: &sqlx::sqlite::SqliteRow) -> anyhow::Result<Ticket> {
    Ok(Ticket {
        id: row.try_get("id")?,
        chat_id: row.try_get("chat_id")?,
        user_id: row.try_get("user_id")?,
        reader_name: row.try_get("reader_name")?,
        reader_username: row.try_get("reader_username")?,
        // The column's CHECK admits only the codes the bot writes; were it ever something else,
        // the reader is answered in Indonesian, the bot's default.
        lang: lang_column(row.try_get("lang")?).unwrap_or(Lang::Id),
        open: row.try_get::<String, _>("status")? == "open",
    })
}

impl Tx {
    pub async fn open_ticket(&mut self, t: &NewTicket<'_>) -> anyhow::Result<i64> {
        self.forget_open_ticket();
        let id = sqlx::query_scalar(
            "INSERT INTO tickets (chat_id, user_id, reader_name, reader_username, lang, opened_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(t.chat_id)
        .bind(t.user_id)
        .bind(t.reader_name)
        .bind(t.reader_username)
        .bind(t.lang.as_str())
        .bind(timestamp_text(t.at))
        .fetch_one(self.conn().await?)
        .await?;
        Ok(id)
    }

    /// The reader chat's open ticket, if any.
    pub async fn open_ticket_of_chat(&mut self, chat_id: i64) -> anyhow::Result<Option<Ticket>> {
        if self
            .prefetched
            .as_ref()
            .is_some_and(|p| p.no_open_ticket(chat_id))
        {
            return Ok(None);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets t WHERE t.chat_id = ? AND t.status = 'open'"
        )))
        .bind(chat_id)
        .fetch_optional(self.conn_read().await?)
        .await?;
        row.as_ref().map(ticket).transpose()
    }

    /// The ticket a support-chat message belongs to, open or closed.
    pub async fn ticket_of_support_message(
        &mut self,
        support_chat_id: i64,
        message_id: i32,
    ) -> anyhow::Result<Option<Ticket>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM ticket_support_messages m
             JOIN tickets t ON t.id = m.ticket_id
             WHERE m.support_chat_id = ? AND m.message_id = ?"
        )))
        .bind(support_chat_id)
        .bind(message_id)
        .fetch_optional(self.conn_read().await?)
        .await?;
        row.as_ref().map(ticket).transpose()
    }

    /// Remembers that message `message_id` in the support chat belongs to a ticket.
    pub async fn track_support_message(
        &mut self,
        support_chat_id: i64,
        message_id: i32,
        ticket_id: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO ticket_support_messages (support_chat_id, message_id, ticket_id)
             VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(support_chat_id)
        .bind(message_id)
        .bind(ticket_id)
        .execute(self.conn().await?)
        .await?;
        Ok(())
    }

    /// The ticket's first message in the support chat (the one with the reader's details).
    pub async fn ticket_head_message(
        &mut self,
        support_chat_id: i64,
        ticket_id: i64,
    ) -> anyhow::Result<Option<i32>> {
        let id = sqlx::query_scalar(
            "SELECT MIN(message_id) FROM ticket_support_messages
             WHERE support_chat_id = ? AND ticket_id = ?",
        )
        .bind(support_chat_id)
        .bind(ticket_id)
        .fetch_one(self.conn_read().await?)
        .await?;
        Ok(id)
    }

    pub async fn add_ticket_message(
        &mut self,
        ticket_id: i64,
        author: Author,
        text: &str,
        at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO ticket_messages (ticket_id, author, text, at) VALUES (?, ?, ?, ?)",
        )
        .bind(ticket_id)
        .bind(match author {
            Author::Reader => "reader",
            Author::Staff => "staff",
        })
        .bind(text)
        .bind(timestamp_text(at))
        .execute(self.conn().await?)
        .await?;
        Ok(())
    }

    /// Closes an open ticket; `false` when it was not open.
    pub async fn close_ticket(
        &mut self,
        ticket_id: i64,
        closed_by: ClosedBy,
        at: DateTime<Utc>,
    ) -> anyhow::Result<bool> {
        self.forget_open_ticket();
        let done = sqlx::query(
            "UPDATE tickets SET status = 'closed', closed_by = ?, closed_at = ?
             WHERE id = ? AND status = 'open'",
        )
        .bind(closed_by.as_str())
        .bind(timestamp_text(at))
        .bind(ticket_id)
        .execute(self.conn().await?)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Every open ticket, oldest first.
    pub async fn open_tickets(&mut self) -> anyhow::Result<Vec<Ticket>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets t WHERE t.status = 'open' ORDER BY t.id"
        )))
        .fetch_all(self.conn_read().await?)
        .await?;
        rows.iter().map(ticket).collect()
    }

    /// The `/tickets` list: open tickets, oldest first.
    pub async fn open_ticket_summaries(&mut self) -> anyhow::Result<Vec<TicketSummary>> {
        let rows = sqlx::query(
            "SELECT id, reader_name, reader_username, opened_at FROM tickets
             WHERE status = 'open' ORDER BY id",
        )
        .fetch_all(self.conn_read().await?)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(TicketSummary {
                    id: row.try_get("id")?,
                    reader_name: row.try_get("reader_name")?,
                    username: row.try_get("reader_username")?,
                    opened_at: parse_timestamp(
                        &row.try_get::<String, _>("opened_at")?,
                        "tickets.opened_at",
                    )?,
                })
            })
            .collect()
    }

    /// Why the ticket was closed, `None` while open; for tools and tests.
    pub async fn ticket_closed_by(&mut self, ticket_id: i64) -> anyhow::Result<Option<ClosedBy>> {
        let by: Option<Option<String>> =
            sqlx::query_scalar("SELECT closed_by FROM tickets WHERE id = ?")
                .bind(ticket_id)
                .fetch_optional(self.conn_read().await?)
                .await?;
        by.flatten()
            .map(|by| {
                ClosedBy::ALL
                    .into_iter()
                    .find(|c| c.as_str() == by)
                    .ok_or_else(|| anyhow::anyhow!("unknown tickets.closed_by {by:?}"))
            })
            .transpose()
    }
}

impl Tx {
    /// The turn changed a ticket: what it read with the chat's state about tickets is stale.
    fn forget_open_ticket(&mut self) {
        if let Some(p) = &mut self.prefetched {
            p.open_ticket = None;
        }
    }
}

impl Store {
    /// [`Tx::ticket_head_message`] outside a transaction, for the sender: a ticket message queued
    /// before the ticket's first message was delivered learns its reply target when it leaves.
    pub async fn ticket_head(
        &self,
        support_chat_id: i64,
        ticket_id: i64,
    ) -> anyhow::Result<Option<i32>> {
        let mut conn = self.writer.idle.acquire(&self.pool).await?;
        let id = sqlx::query_scalar(
            "SELECT MIN(message_id) FROM ticket_support_messages
             WHERE support_chat_id = ? AND ticket_id = ?",
        )
        .bind(support_chat_id)
        .bind(ticket_id)
        .fetch_one(&mut *conn)
        .await?;
        self.writer.idle.release(conn);
        Ok(id)
    }
}
