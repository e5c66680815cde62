//! The Prometheus metrics: one process-wide registry (a process runs one bot), counters bumped
//! where things happen, and gauges read from the database when `/metrics` is scraped.

use std::sync::LazyLock;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::store::{InboxState, Store};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct QuestionLabels {
    intent: String,
    answered: String,
}

struct Metrics {
    registry: Registry,
    updates: Counter,
    questions: Family<QuestionLabels, Counter>,
    messages_sent: Counter,
    send_errors: Counter,
    inbox_pending: Gauge,
    outbox_pending: Gauge,
    articles: Gauge,
    answer_duration: Histogram,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::default();
    let updates = Counter::default();
    let questions = Family::<QuestionLabels, Counter>::default();
    let messages_sent = Counter::default();
    let send_errors = Counter::default();
    let inbox_pending = Gauge::default();
    let outbox_pending = Gauge::default();
    let articles = Gauge::default();
    // 50 µs … ~0.8 s: answering takes well under a millisecond, a slow one shows at once.
    let answer_duration = Histogram::new(exponential_buckets(0.000_05, 2.0, 15));
    // Counters get their `_total` suffix from the encoder.
    registry.register(
        "newsdesk_updates",
        "Telegram updates received",
        updates.clone(),
    );
    registry.register(
        "newsdesk_questions",
        "Questions answered or refused, by intent",
        questions.clone(),
    );
    registry.register(
        "newsdesk_messages_sent",
        "Messages the Bot API accepted",
        messages_sent.clone(),
    );
    registry.register(
        "newsdesk_send_errors",
        "Bot API calls that failed for good",
        send_errors.clone(),
    );
    registry.register(
        "newsdesk_inbox_pending",
        "Updates stored but not handled yet",
        inbox_pending.clone(),
    );
    registry.register(
        "newsdesk_outbox_pending",
        "Bot API calls decided but not made yet",
        outbox_pending.clone(),
    );
    registry.register(
        "newsdesk_articles",
        "Articles in the archive",
        articles.clone(),
    );
    registry.register(
        "newsdesk_answer_duration_seconds",
        "Time the answering engine took per question",
        answer_duration.clone(),
    );
    Metrics {
        registry,
        updates,
        questions,
        messages_sent,
        send_errors,
        inbox_pending,
        outbox_pending,
        articles,
        answer_duration,
    }
});

/// `n` Telegram updates arrived (a `getUpdates` batch, or one webhook request).
pub fn updates_received(n: usize) {
    METRICS.updates.inc_by(n as u64);
}

/// A question was answered (or refused) under `intent`, taking `took` to answer.
pub fn question(intent: &str, answered: bool, took: Duration) {
    METRICS
        .questions
        .get_or_create(&QuestionLabels {
            intent: intent.to_string(),
            answered: answered.to_string(),
        })
        .inc();
    METRICS.answer_duration.observe(took.as_secs_f64());
}

/// The Bot API accepted a message.
pub fn message_sent() {
    METRICS.messages_sent.inc();
}

/// A Bot API call failed for good (after its retries).
pub fn send_error() {
    METRICS.send_errors.inc();
}

/// Work waiting: updates stored but not handled, Bot API calls decided but not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlog {
    pub inbox: i64,
    pub outbox: i64,
}

impl Backlog {
    pub async fn read(store: &Store) -> anyhow::Result<Backlog> {
        let inbox = store
            .inbox_counts()
            .await?
            .into_iter()
            .filter(|(state, _)| *state == InboxState::Pending)
            .map(|(_, n)| n)
            .sum();
        Ok(Backlog {
            inbox,
            outbox: store.outbox_len().await?,
        })
    }
}

/// The metrics in Prometheus' text format, with the gauges read from `store` now.
pub async fn render(store: &Store) -> anyhow::Result<String> {
    let backlog = Backlog::read(store).await?;
    METRICS.articles.set(store.count_articles().await?);
    METRICS.inbox_pending.set(backlog.inbox);
    METRICS.outbox_pending.set(backlog.outbox);
    let mut text = String::new();
    encode(&mut text, &METRICS.registry)?;
    Ok(text)
}
