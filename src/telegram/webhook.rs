//! Webhook mode: Telegram POSTs each update to our URL with the secret token in a header. This
//! module owns that route (the secret checked before anything is read or stored, the update
//! acknowledged only once it is safely handed on), `setWebhook` with the generated or configured
//! secret, and the channel that hands accepted updates to teloxide's dispatcher.
//!
//! Where an accepted update goes is an [`UpdateSink`]: today [`DispatchSink`] (straight to the
//! dispatcher, as long polling does); with the durable inbox, a sink that stores the raw update
//! first, so a 200 means "stored".

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use futures::{Stream, StreamExt};
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::stop::{StopToken, mk_stop_token};
use teloxide::types::{AllowedUpdate, UpdateKind};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::mpsc;
use tokio_stream::wrappers::UnboundedReceiverStream;

use super::TgBot;

/// The header Telegram sends the secret token in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// The update kinds the handler tree uses ([`super::schema::schema`]); Telegram sends no others.
pub const ALLOWED_UPDATES: [AllowedUpdate; 4] = [
    AllowedUpdate::Message,
    AllowedUpdate::EditedMessage,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::MyChatMember,
];

/// Why an update was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    /// Not an update at all: Telegram would send the same again, so it is refused (400).
    #[error("not a Telegram update: {0}")]
    Malformed(String),
    /// It could not be kept now; Telegram retries until it gets a 2xx (503).
    #[error("cannot take the update now: {0}")]
    Unavailable(String),
}

/// Where accepted updates go. `accept` returns only once the update is safe (stored, or handed
/// to the running dispatcher); only then does Telegram get its 200.
pub trait UpdateSink: Send + Sync + 'static {
    fn accept(&self, raw: String) -> impl Future<Output = Result<(), AcceptError>> + Send;
}

/// The webhook route at `path`: 401 without the right secret (nothing read or stored), 200 once
/// the sink accepted the update.
pub fn router<S: UpdateSink>(path: &str, secret: String, sink: Arc<S>) -> Router {
    Router::new()
        .route(path, post(on_update::<S>))
        .with_state(Arc::new(Route { secret, sink }))
}

struct Route<S> {
    secret: String,
    sink: Arc<S>,
}

async fn on_update<S: UpdateSink>(
    State(route): State<Arc<Route<S>>>,
    headers: HeaderMap,
    body: String,
) -> StatusCode {
    let given = headers
        .get(SECRET_HEADER)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !same_secret(given, route.secret.as_bytes()) {
        log::warn!("webhook: a request without the right secret token was refused");
        return StatusCode::UNAUTHORIZED;
    }
    crate::ops::metrics::update_received();
    match route.sink.accept(body).await {
        Ok(()) => StatusCode::OK,
        Err(e @ AcceptError::Malformed(_)) => {
            log::warn!("webhook: {e}");
            StatusCode::BAD_REQUEST
        }
        Err(e @ AcceptError::Unavailable(_)) => {
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
pub async fn set_webhook(bot: &TgBot, url: &url::Url, secret: &str) -> Result<(), RequestError> {
    bot.set_webhook(url.clone())
        .secret_token(secret.to_string())
        .allowed_updates(ALLOWED_UPDATES)
        .await?;
    Ok(())
}

/// A sink that hands each update to the running dispatcher (no durable store in between).
pub struct DispatchSink {
    tx: mpsc::UnboundedSender<Update>,
}

impl UpdateSink for DispatchSink {
    async fn accept(&self, raw: String) -> Result<(), AcceptError> {
        let mut update: Update =
            serde_json::from_str(&raw).map_err(|e| AcceptError::Malformed(e.to_string()))?;
        // teloxide parses an update kind it does not know as an error holding nothing; keep the
        // raw value, as its own webhook does.
        if let UpdateKind::Error(value) = &mut update.kind {
            *value = serde_json::from_str(&raw).unwrap_or_default();
        }
        self.tx
            .send(update)
            .map_err(|_| AcceptError::Unavailable("the bot is shutting down".into()))
    }
}

type UpdateStream = Pin<Box<dyn Stream<Item = Result<Update, Infallible>> + Send>>;

/// The dispatcher's side of [`DispatchSink`]: the updates it accepted, ending when the dispatcher
/// stops the listener.
pub struct ChannelListener {
    stream: UpdateStream,
    stop: StopToken,
}

/// A connected sink and listener.
pub fn dispatch_channel() -> (DispatchSink, ChannelListener) {
    let (tx, rx) = mpsc::unbounded_channel();
    let (stop, flag) = mk_stop_token();
    let stream = UnboundedReceiverStream::new(rx)
        .map(Ok)
        .take_until(flag)
        .boxed();
    (DispatchSink { tx }, ChannelListener { stream, stop })
}

impl UpdateListener for ChannelListener {
    type Err = Infallible;

    fn stop_token(&mut self) -> StopToken {
        self.stop.clone()
    }
}

impl<'a> AsUpdateStream<'a> for ChannelListener {
    type StreamErr = Infallible;
    type Stream = &'a mut UpdateStream;

    fn as_stream(&'a mut self) -> Self::Stream {
        &mut self.stream
    }
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
