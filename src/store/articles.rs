//! Articles with their paragraphs and ticker snapshots: import (idempotent, replacing changed
//! versions), listing, lookup and removal.

use std::collections::HashMap;

use anyhow::Context;
use sqlx::{FromRow, Row};

use super::{Store, Tx, now_text, parse_timestamp};
use crate::content::{Article, ParsedArticle, TickerItem};

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new article.
    Created { id: i64 },
    /// The same text was already stored: nothing changed.
    Unchanged { id: i64 },
    /// A changed version of an article (same title and source, or same URL) replaced the stored one.
    Replaced { old_id: i64, new_id: i64 },
}

impl ImportOutcome {
    /// The id the article has now.
    pub fn id(&self) -> i64 {
        match *self {
            ImportOutcome::Created { id } | ImportOutcome::Unchanged { id } => id,
            ImportOutcome::Replaced { new_id, .. } => new_id,
        }
    }
}

#[derive(FromRow)]
struct ArticleRow {
    id: i64,
    title: String,
    published_at: Option<String>,
    reporter: Option<String>,
    editor: Option<String>,
    source: Option<String>,
    caption: Option<String>,
    content_hash: String,
    imported_at: String,
    url: Option<String>,
}

impl ArticleRow {
    fn into_article(
        self,
        paragraphs: Vec<String>,
        ticker: Vec<TickerItem>,
    ) -> anyhow::Result<Article> {
        let published_at = self
            .published_at
            .as_deref()
            .map(|text| {
                chrono::DateTime::parse_from_rfc3339(text).with_context(|| {
                    format!("articles.published_at holds {text:?}, not an RFC 3339 time")
                })
            })
            .transpose()?;
        Ok(Article {
            id: self.id,
            imported_at: parse_timestamp(&self.imported_at, "articles.imported_at")?,
            content_hash: self.content_hash,
            parsed: ParsedArticle {
                title: self.title,
                published_at,
                reporter: self.reporter,
                editor: self.editor,
                source: self.source,
                caption: self.caption,
                paragraphs,
                ticker,
                url: self.url,
            },
        })
    }
}

// sqlx takes only `&'static str` as SQL (so no text built at run time reaches it): `concat!`.
macro_rules! select_articles {
    ($rest:literal) => {
        concat!(
            "SELECT id, title, published_at, reporter, editor, source, caption, content_hash, \
             imported_at, url FROM articles ",
            $rest
        )
    };
}

fn ticker_item(row: &sqlx::sqlite::SqliteRow) -> Result<TickerItem, sqlx::Error> {
    Ok(TickerItem {
        name: row.try_get("name")?,
        value: row.try_get("value")?,
        change: row.try_get("change")?,
        change_pct: row.try_get("change_pct")?,
    })
}

impl Store {
    /// Stores a parsed article whose raw text hashes to `content_hash`.
    ///
    /// The same hash again is [`ImportOutcome::Unchanged`]. An article with the same title and
    /// source, or from the same URL, but another hash is a changed version: it replaces the stored
    /// one, in one transaction, so readers never see both or neither.
    pub async fn import(
        &self,
        content_hash: &str,
        article: &ParsedArticle,
    ) -> anyhow::Result<ImportOutcome> {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then
        // writes can fail with SQLITE_BUSY under concurrency, without waiting for busy_timeout.
        let mut tx = self.begin_write().await?;
        let outcome = tx.import(content_hash, article).await?;
        match outcome {
            ImportOutcome::Unchanged { .. } => tx.rollback().await?,
            _ => tx.commit().await?,
        }
        Ok(outcome)
    }

    /// Every article, complete with paragraphs and ticker, ordered by id.
    pub async fn articles(&self) -> anyhow::Result<Vec<Article>> {
        let rows: Vec<ArticleRow> = sqlx::query_as(select_articles!("ORDER BY id"))
            .fetch_all(&self.pool)
            .await?;

        // Three queries for all articles rather than two per article: this runs at start and
        // whenever the answering index is rebuilt, with up to thousands of articles.
        let mut paragraphs: HashMap<i64, Vec<String>> = HashMap::new();
        for row in
            sqlx::query("SELECT article_id, text FROM paragraphs ORDER BY article_id, position")
                .fetch_all(&self.pool)
                .await?
        {
            paragraphs
                .entry(row.try_get("article_id")?)
                .or_default()
                .push(row.try_get("text")?);
        }
        let mut tickers: HashMap<i64, Vec<TickerItem>> = HashMap::new();
        for row in sqlx::query(
            "SELECT article_id, name, value, change, change_pct FROM ticker_items
             ORDER BY article_id, position",
        )
        .fetch_all(&self.pool)
        .await?
        {
            tickers
                .entry(row.try_get("article_id")?)
                .or_default()
                .push(ticker_item(&row)?);
        }

        rows.into_iter()
            .map(|row| {
                let id = row.id;
                row.into_article(
                    paragraphs.remove(&id).unwrap_or_default(),
                    tickers.remove(&id).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// One article, complete, or `None` when there is no article with this id.
    pub async fn article(&self, id: i64) -> anyhow::Result<Option<Article>> {
        let Some(row): Option<ArticleRow> = sqlx::query_as(select_articles!("WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let paragraphs: Vec<String> = sqlx::query_scalar(
            "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let ticker = sqlx::query(
            "SELECT name, value, change, change_pct FROM ticker_items
             WHERE article_id = ? ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(ticker_item)
        .collect::<Result<Vec<_>, _>>()?;
        row.into_article(paragraphs, ticker).map(Some)
    }

    /// Removes an article with its paragraphs and ticker. False when there was no such article.
    pub async fn remove(&self, id: i64) -> anyhow::Result<bool> {
        let done = sqlx::query("DELETE FROM articles WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    pub async fn count_articles(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM articles")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Paragraph and ticker rows still stored for `article_id` (zero after removal: the cascade).
    pub async fn rows_of_article(&self, article_id: i64) -> anyhow::Result<(i64, i64)> {
        let paragraphs: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM paragraphs WHERE article_id = ?")
                .bind(article_id)
                .fetch_one(&self.pool)
                .await?;
        let ticker: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM ticker_items WHERE article_id = ?")
                .bind(article_id)
                .fetch_one(&self.pool)
                .await?;
        Ok((paragraphs, ticker))
    }
}

impl Tx {
    /// [`Store::import`] inside this transaction, so that publishing can commit the article
    /// together with the draft's removal and the notices about it.
    pub async fn import(
        &mut self,
        content_hash: &str,
        article: &ParsedArticle,
    ) -> anyhow::Result<ImportOutcome> {
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM articles WHERE content_hash = ?")
                .bind(content_hash)
                .fetch_optional(self.conn_read().await?)
                .await?;
        if let Some(id) = existing {
            return Ok(ImportOutcome::Unchanged { id });
        }

        let earlier: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM articles
             WHERE (title = ? AND source IS ?) OR (url IS NOT NULL AND url = ?)
             ORDER BY id",
        )
        .bind(&article.title)
        .bind(&article.source)
        .bind(&article.url)
        .fetch_all(self.conn_read().await?)
        .await?;
        for id in &earlier {
            sqlx::query("DELETE FROM articles WHERE id = ?")
                .bind(id)
                .execute(self.conn().await?)
                .await?;
        }

        let new_id: i64 = sqlx::query_scalar(
            "INSERT INTO articles
                 (title, published_at, reporter, editor, source, caption, content_hash, imported_at,
                  url)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             RETURNING id",
        )
        .bind(&article.title)
        .bind(article.published_at.map(|t| t.to_rfc3339()))
        .bind(&article.reporter)
        .bind(&article.editor)
        .bind(&article.source)
        .bind(&article.caption)
        .bind(content_hash)
        .bind(now_text())
        .bind(&article.url)
        .fetch_one(self.conn().await?)
        .await?;

        for (position, text) in article.paragraphs.iter().enumerate() {
            sqlx::query("INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)")
                .bind(new_id)
                .bind(position as i64)
                .bind(text)
                .execute(self.conn().await?)
                .await?;
        }
        for (position, item) in article.ticker.iter().enumerate() {
            sqlx::query(
                "INSERT INTO ticker_items (article_id, position, name, value, change, change_pct)
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(new_id)
            .bind(position as i64)
            .bind(&item.name)
            .bind(item.value)
            .bind(item.change)
            .bind(item.change_pct)
            .execute(self.conn().await?)
            .await?;
        }
        Ok(match earlier.last() {
            Some(&old_id) => ImportOutcome::Replaced { old_id, new_id },
            None => ImportOutcome::Created { id: new_id },
        })
    }

    /// Removes an article inside this transaction; `false` when there was none.
    pub async fn remove_article(&mut self, id: i64) -> anyhow::Result<bool> {
        let done = sqlx::query("DELETE FROM articles WHERE id = ?")
            .bind(id)
            .execute(self.conn().await?)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Retention: removes the oldest articles (by publication time, then import) beyond the newest
    /// `max_articles`, and those published — or, undated, imported — before `older_than`. Returns
    /// the ids removed. In a transaction, so that the feed poller prunes with its imports.
    pub async fn prune(
        &mut self,
        max_articles: Option<u64>,
        older_than: Option<chrono::DateTime<chrono::Utc>>,
    ) -> anyhow::Result<Vec<i64>> {
        // Stored times carry their own offsets, so they are compared as instants, not as text.
        let rows: Vec<(i64, Option<String>, String)> =
            sqlx::query_as("SELECT id, published_at, imported_at FROM articles")
                .fetch_all(self.conn_read().await?)
                .await?;
        let mut dated: Vec<(
            i64,
            chrono::DateTime<chrono::Utc>,
            chrono::DateTime<chrono::Utc>,
        )> = Vec::with_capacity(rows.len());
        for (id, published, imported) in rows {
            let imported = parse_timestamp(&imported, "articles.imported_at")?;
            let published = published
                .as_deref()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map_or(imported, |t| t.with_timezone(&chrono::Utc));
            dated.push((id, published, imported));
        }
        // Newest first.
        dated.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(b.0.cmp(&a.0)));
        let keep = max_articles.map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX));
        let doomed: Vec<i64> = dated
            .iter()
            .enumerate()
            .filter(|(rank, (_, at, _))| {
                *rank >= keep || older_than.is_some_and(|limit| *at < limit)
            })
            .map(|(_, (id, _, _))| *id)
            .collect();
        for id in &doomed {
            sqlx::query("DELETE FROM articles WHERE id = ?")
                .bind(id)
                .execute(self.conn().await?)
                .await?;
        }
        Ok(doomed)
    }
}
