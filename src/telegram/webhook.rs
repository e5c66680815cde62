//! Webhook mode: Telegram POSTs each update to our URL with the secret token in a header. This
//! module owns that route — the secret checked before anything is read or stored, the update
//! acknowledged (200) only once the inbox holds it — and `setWebhook` with the generated or
//! configured secret.
//!
//! The route starts with the HTTP server, before the bot has its inbox; until [`run`](super::run)
//! fills the [`IngressSlot`] it answers 503 and Telegram simply tries again.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::json;

use super::api::{Api, Failure};
use super::ingress::Ingress;
use super::polling::ALLOWED_UPDATES;

/// The header Telegram sends the secret token in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// Why an update was not accepted: it could not be kept now, and Telegram retries until it gets a
/// 2xx (the route answers 503).
#[derive(Debug, thiserror::Error)]
#[error("cannot take the update now: {0}")]
pub struct Unavailable(pub String);

/// Where accepted updates go. `accept` returns `Ok` only once the update is safe (stored, a
/// re-delivery of one stored, or one the bot ignores); only then does Telegram get its 200.
pub trait UpdateSink: Send + Sync + 'static {
    fn accept(&self, raw: Vec<u8>) -> impl Future<Output = Result<(), Unavailable>> + Send;
}

/// The inbox, once the bot has started: [`Ingress::accept`] stores the update in the same
/// transaction-backed inbox long polling uses.
#[derive(Clone, Default)]
pub struct IngressSlot(Arc<OnceLock<Ingress>>);

impl IngressSlot {
    pub fn new() -> IngressSlot {
        IngressSlot::default()
    }

    /// Called by the bot once its inbox and scheduler run.
    pub(super) fn fill(&self, ingress: Ingress) {
        if self.0.set(ingress).is_err() {
            log::warn!("the webhook's inbox was set twice; keeping the first");
        }
    }
}

impl UpdateSink for IngressSlot {
    async fn accept(&self, raw: Vec<u8>) -> Result<(), Unavailable> {
        let Some(ingress) = self.0.get() else {
            return Err(Unavailable("the bot is still starting".into()));
        };
        ingress
            .accept(&raw)
            .await
            .map(|_| ())
            .map_err(|e| Unavailable(format!("{e:#}")))
    }
}

/// The webhook route at `path`: 401 without the right secret (nothing read or stored), 200 once
/// the sink accepted the update, 503 when it could not.
pub fn router<S: UpdateSink>(path: &str, secret: String, sink: S) -> Router {
    Router::new()
        .route(path, post(on_update::<S>))
        .with_state(Arc::new(Route { secret, sink }))
}

struct Route<S> {
    secret: String,
    sink: S,
}

async fn on_update<S: UpdateSink>(
    State(route): State<Arc<Route<S>>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> StatusCode {
    let given = headers
        .get(SECRET_HEADER)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !same_secret(given, route.secret.as_bytes()) {
        log::warn!("webhook: a request without the right secret token was refused");
        return StatusCode::UNAUTHORIZED;
    }
    match route.sink.accept(body.to_vec()).await {
        Ok(()) => StatusCode::OK,
        Err(e) => {
            log::error!("webhook: {e}");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}

/// Compares in time that depends only on the length, so the secret cannot be guessed byte by
/// byte from response times.
fn same_secret(given: &[u8], secret: &[u8]) -> bool {
    given.len() == secret.len()
        && given
            .iter()
            .zip(secret)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// A fresh secret token: 48 characters of A-Z, a-z, 0-9 from the OS's random source.
pub fn generate_secret() -> anyhow::Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = [0u8; 48];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no random source: {e}"))?;
    // 256 % 62 leaves a slight bias toward the first letters; 48 characters keep well over 256
    // bits of guessing work anyway.
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// Tells Telegram to POST updates to `url` with `secret`, only the kinds the bot handles.
pub async fn set_webhook(api: &Api, url: &url::Url, secret: &str) -> Result<(), Failure> {
    api.call(
        "setWebhook",
        &json!({
            "url": url.as_str(),
            "secret_token": secret,
            "allowed_updates": ALLOWED_UPDATES,
        }),
    )
    .await
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_equal_only_when_identical() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abd", b"abc"));
        assert!(!same_secret(b"ab", b"abc"));
        assert!(!same_secret(b"", b"abc"));
    }

    #[test]
    fn a_generated_secret_follows_telegram_s_rule_and_differs_each_time() {
        let a = generate_secret().unwrap();
        let b = generate_secret().unwrap();
        assert_eq!(a.len(), 48);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, b);
    }
}
