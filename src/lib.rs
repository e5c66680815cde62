//! newsdesk: a Telegram helpdesk bot that answers readers' questions from the news articles it holds.
//!
//! A map of the crate (the core knows nothing about Telegram; adapters are thin):
//!
//! - [`settings`] — layered configuration: `config/default.toml` → `config/local.toml` → environment.
//! - [`app`] — `App::build(settings)`: the SQLite pool, migrations, default content and the desk,
//!   shared by `main` and the tests.
//! - [`content`] — pure parsing of scraped news pages and plain-text articles (ticker, boilerplate).
//! - [`nlu`] — pure answering pipeline: question analysis (normalise → slang → English bridge →
//!   stem) → article and paragraph retrieval → date and answer-type evidence → the answering
//!   paragraph → decide (answer or refuse).
//! - [`desk`] — the helpdesk core: an [`desk::Input`] (who, where, what) becomes [`desk::Reply`]s;
//!   per-chat state, tickets, admin actions.
//! - [`store`] — the only module with SQL.
//! - [`telegram`] — the Telegram adapter: durable inbox and outbox, per-chat fair scheduling,
//!   Update → Input, Reply → Bot API calls within Telegram's limits.
//! - [`web`] — content from the web: the safe fetcher, importing a page by URL, polling news feeds
//!   (the parsing itself is pure, in [`content::html`] and [`content::feed`]).
//! - [`console`] — the console adapter over the same desk.
//! - [`ops`] — running as a service: metrics, the health check, the HTTP server, JSON logs.
//! - [`cli`] — the command-line interface (clap) that `main` dispatches, with `import` and
//!   `articles`; the other commands each in their own module: [`cli_ask`] — `ask`; [`cli_chat`] —
//!   `run`, `chat`, `stats` and `unanswered` over the desk; [`cli_feeds`] — `feeds`; [`cli_serve`]
//!   — what `run` starts as a service (the bot, its feeds and its HTTP side).
//! - [`allocator`] — the global allocator `main` and the benches install (mimalloc's plain calls).

pub mod allocator;
pub mod app;
pub mod cli;
pub mod cli_ask;
pub mod cli_chat;
pub mod cli_feeds;
pub mod cli_serve;
pub mod console;
pub mod content;
pub mod desk;
pub mod nlu;
pub mod ops;
pub mod settings;
pub mod store;
pub mod telegram;
pub mod web;
