//! The operator's side of the store: `ops_state` (the generated webhook secret, the health probe).
//! The figures `/metrics` and `/healthz` read come from the other families (articles, inbox, outbox).

use chrono::Utc;

use super::Store;

/// The key under which a generated webhook secret is kept.
const WEBHOOK_SECRET: &str = "webhook_secret";
/// The key the health check rewrites.
const HEALTH_PROBE: &str = "health_probe";

impl Store {
    /// The webhook secret kept from an earlier start, if any.
    pub async fn webhook_secret(&self) -> anyhow::Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT value FROM ops_state WHERE key = ?")
                .bind(WEBHOOK_SECRET)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Keeps `candidate` as the webhook secret unless one is kept already; returns the one kept
    /// (so two processes starting at once agree on one secret).
    pub async fn keep_webhook_secret(&self, candidate: &str) -> anyhow::Result<String> {
        sqlx::query(
            "INSERT INTO ops_state (key, value, updated_at) VALUES (?, ?, ?) \
             ON CONFLICT (key) DO NOTHING",
        )
        .bind(WEBHOOK_SECRET)
        .bind(candidate)
        .bind(Utc::now().to_rfc3339())
        .execute(&self.pool)
        .await?;
        Ok(self
            .webhook_secret()
            .await?
            .unwrap_or_else(|| candidate.to_string()))
    }

    /// Proves the database takes writes: rewrites one row in a write transaction.
    pub async fn probe_write(&self) -> anyhow::Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO ops_state (key, value, updated_at) VALUES (?, 'ok', ?) \
             ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at",
        )
        .bind(HEALTH_PROBE)
        .bind(Utc::now().to_rfc3339())
        .execute(tx.conn().await?)
        .await?;
        tx.commit().await
    }
}
