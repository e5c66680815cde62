//! The questions log: every question with its intent, confidence, outcome and the reader's vote;
//! and the figures `/stats` and `/unanswered` are made of.

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use super::tx::Tx;
use super::{Store, parse_timestamp, timestamp_text};
use crate::nlu::{Intent, Lang};

/// A question to log.
#[derive(Debug, Clone)]
pub struct NewQuestion<'a> {
    pub chat_id: i64,
    pub user_id: Option<i64>,
    pub text: &'a str,
    pub intent: Intent,
    pub confidence: f32,
    pub answered: bool,
    pub answer: &'a str,
    /// The language the question was answered in.
    pub lang: Lang,
    pub at: DateTime<Utc>,
}

/// A logged question with what the reader got.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedQuestion {
    pub id: i64,
    pub text: String,
    pub answer: String,
    pub answered: bool,
}

/// A question for `/unanswered`: refused, voted 👎 or escalated to a person.
#[derive(Debug, Clone, PartialEq)]
pub struct UnansweredQuestion {
    pub text: String,
    pub refused: bool,
    pub voted_down: bool,
    pub escalated: bool,
    pub asked_at: DateTime<Utc>,
}

/// The figures of one period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatsWindow {
    pub questions: i64,
    pub answered: i64,
    pub up: i64,
    pub down: i64,
    /// Tickets opened in the period that are still open.
    pub open_tickets: i64,
    /// Questions per intent, most frequent first.
    pub by_intent: Vec<(String, i64)>,
}

/// The figures of the last day, the last week and all time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub day: StatsWindow,
    pub week: StatsWindow,
    pub all: StatsWindow,
}

impl Store {
    /// How many questions were logged, all time (for the load benchmark).
    pub async fn count_questions(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM questions")
            .fetch_one(&self.pool)
            .await?)
    }
}

impl Tx {
    /// Logs a question and returns its id (the 👍/👎 buttons carry it). The id is handed out in
    /// this process ([`Tx::next_question_id`]), so the row goes with the turn's other writes at
    /// `COMMIT` (see `Tx::later`) instead of a round trip of its own under the write lock.
    pub async fn log_question(&mut self, q: &NewQuestion<'_>) -> anyhow::Result<i64> {
        let id = self.next_question_id().await?;
        self.later(
            "INSERT INTO questions
                 (id, chat_id, user_id, text, intent, confidence, answered, answer, lang, asked_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)?
        .bind(q.chat_id)?
        .bind(q.user_id)?
        .bind(q.text)?
        .bind(q.intent.as_str())?
        .bind(q.confidence as f64)?
        .bind(q.answered)?
        .bind(q.answer)?
        .bind(q.lang.as_str())?
        .bind(timestamp_text(q.at))?;
        Ok(id)
    }

    /// Records a vote on a question asked in `chat_id`; `false` when there is no such question
    /// there (a forged or foreign button).
    pub async fn vote(
        &mut self,
        question_id: i64,
        chat_id: i64,
        up: bool,
        at: DateTime<Utc>,
    ) -> anyhow::Result<bool> {
        let done =
            sqlx::query("UPDATE questions SET vote = ?, voted_at = ? WHERE id = ? AND chat_id = ?")
                .bind(if up { 1 } else { -1 })
                .bind(timestamp_text(at))
                .bind(question_id)
                .bind(chat_id)
                .execute(self.conn().await?)
                .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The last `limit` questions asked in a chat, oldest first.
    pub async fn recent_questions(
        &mut self,
        chat_id: i64,
        limit: i64,
    ) -> anyhow::Result<Vec<LoggedQuestion>> {
        let rows = sqlx::query(
            "SELECT id, text, answer, answered FROM questions WHERE chat_id = ?
             ORDER BY id DESC LIMIT ?",
        )
        .bind(chat_id)
        .bind(limit)
        .fetch_all(self.conn_read().await?)
        .await?;
        let mut list = rows
            .iter()
            .map(|row| {
                Ok(LoggedQuestion {
                    id: row.try_get("id")?,
                    text: row.try_get("text")?,
                    answer: row.try_get("answer")?,
                    answered: row.try_get("answered")?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        list.reverse();
        Ok(list)
    }

    /// Marks a question as one the reader wanted a person for, so `/unanswered` shows it.
    pub async fn escalate_question(&mut self, question_id: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE questions SET escalated = 1 WHERE id = ?")
            .bind(question_id)
            .execute(self.conn().await?)
            .await?;
        Ok(())
    }

    /// The latest `limit` questions refused, voted 👎 or escalated, newest first.
    pub async fn unanswered_questions(
        &mut self,
        limit: i64,
    ) -> anyhow::Result<Vec<UnansweredQuestion>> {
        let rows = sqlx::query(
            "SELECT text, answered, vote, escalated, asked_at FROM questions
             WHERE answered = 0 OR vote = -1 OR escalated = 1
             ORDER BY id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.conn_read().await?)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(UnansweredQuestion {
                    text: row.try_get("text")?,
                    refused: !row.try_get::<bool, _>("answered")?,
                    voted_down: row.try_get::<Option<i64>, _>("vote")? == Some(-1),
                    escalated: row.try_get("escalated")?,
                    asked_at: parse_timestamp(
                        &row.try_get::<String, _>("asked_at")?,
                        "questions.asked_at",
                    )?,
                })
            })
            .collect()
    }

    /// Questions, answers, votes, intents and open tickets over the last day, week and all time.
    pub async fn stats(&mut self, now: DateTime<Utc>) -> anyhow::Result<Stats> {
        Ok(Stats {
            day: self.stats_since(Some(now - Duration::days(1))).await?,
            week: self.stats_since(Some(now - Duration::days(7))).await?,
            all: self.stats_since(None).await?,
        })
    }

    async fn stats_since(&mut self, since: Option<DateTime<Utc>>) -> anyhow::Result<StatsWindow> {
        // The empty string sorts before every RFC 3339 time: "all time".
        let since = since.map(timestamp_text).unwrap_or_default();
        let row = sqlx::query(
            "SELECT COUNT(*) AS questions,
                    COALESCE(SUM(answered), 0) AS answered,
                    COALESCE(SUM(vote = 1), 0) AS up,
                    COALESCE(SUM(vote = -1), 0) AS down
             FROM questions WHERE asked_at >= ?",
        )
        .bind(&since)
        .fetch_one(self.conn_read().await?)
        .await?;
        let by_intent = sqlx::query(
            "SELECT intent, COUNT(*) AS n FROM questions WHERE asked_at >= ?
             GROUP BY intent ORDER BY n DESC, intent",
        )
        .bind(&since)
        .fetch_all(self.conn_read().await?)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("intent")?, r.try_get("n")?)))
        .collect::<anyhow::Result<Vec<(String, i64)>>>()?;
        let open_tickets: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tickets WHERE status = 'open' AND opened_at >= ?",
        )
        .bind(&since)
        .fetch_one(self.conn_read().await?)
        .await?;
        Ok(StatsWindow {
            questions: row.try_get("questions")?,
            answered: row.try_get("answered")?,
            up: row.try_get("up")?,
            down: row.try_get("down")?,
            open_tickets,
            by_intent,
        })
    }
}
