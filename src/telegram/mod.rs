//! The Telegram adapter: connects Telegram to the desk so that nothing is lost, nothing is
//! answered twice and no chat starves the others. Thin by design — nothing here decides what to
//! answer.
//!
//! The path of an update: [`polling`] long-polls `getUpdates` and [`ingress`] stores each batch in
//! the inbox before the next call confirms it — or, in [`webhook`] mode, Telegram posts each update
//! and the route answers 200 once [`ingress::Ingress::accept`] stored it;
//! the [`scheduler`] queues updates per chat, chats in turn, setting a flood aside; [`worker`]s
//! turn each into a desk input ([`inbound`]) and the desk's transaction commits the state change,
//! the replies ([`outbox`], shaped by [`outbound`]) and the inbox row together; the [`sender`]
//! drains the outbox within Telegram's [`limits`], retrying what failed, through [`api`]. What the
//! bot sends on its own (the feed poller's notices and previews) is queued through an [`Outlet`].
//!
//! Split by feature: `startup` starts and stops the bot around its source of updates, `config`
//! holds how to reach Telegram and within which limits, `commands` registers the command menu,
//! `redact` keeps the token out of logged errors, and `desk` puts the real desk behind the
//! `Helpdesk` trait the workers call (so the desk never depends on the adapter).

pub mod api;
mod commands;
mod config;
mod desk;
pub mod inbound;
pub mod ingress;
pub mod limits;
pub mod outbound;
pub mod outbox;
mod polling;
mod redact;
pub mod scheduler;
pub mod sender;
mod startup;
pub mod webhook;
pub mod worker;

use std::future::Future;

use teloxide::prelude::*;

use crate::desk::{Input, Reply, Sender, Settle, Track};
use crate::nlu::Lang;
use crate::store::Store;

pub use self::commands::register_commands;
pub use self::config::{
    Config, DEFAULT_FLOOD_MESSAGES, DEFAULT_FLOOD_WINDOW_SECS, DEFAULT_POLL_TIMEOUT,
    DEFAULT_STORAGE_PATIENCE_SECS, DEFAULT_WORKERS, RateLimits,
};
pub use self::outbox::Outlet;
pub use self::redact::redact;
pub(crate) use self::startup::AbortOnDrop;
pub use self::startup::{
    Feed, Intake, StartError, build_bot, run, run_with, serve, shutdown_signal,
};

/// The bot for the direct calls (start-up, command menu). Replies go through the outbox.
pub type TgBot = Bot;

/// Documents up to this size are fetched for the desk (admins publish pages this way); larger
/// ones reach it with `bytes: None`.
pub const MAX_DOCUMENT_BYTES: u64 = 1024 * 1024;

/// What the adapter needs from the helpdesk core. `desk::Desk` implements it; tests may use any
/// other implementation to drive the adapter alone. Every method that writes takes a [`Settle`]
/// and runs it inside its own transaction, so the adapter's inbox and outbox change with it.
pub trait Helpdesk: Send + Sync + 'static {
    /// The store the inbox and outbox live in (the desk's own).
    fn store(&self) -> &Store;

    /// Handles one input; its replies (in delivery order) go to `settle` before the commit.
    fn handle(
        &self,
        input: Input,
        settle: &dyn Settle,
    ) -> impl Future<Output = anyhow::Result<Vec<Reply>>> + Send;

    /// `(name, description)` of every command, for `setMyCommands`, in `lang`.
    fn command_list(&self, lang: Lang) -> Vec<(String, String)>;

    /// A reply that asked to be tracked was sent and got `message_id`.
    fn sent(
        &self,
        track: Track,
        chat_id: i64,
        message_id: i32,
        settle: &dyn Settle,
    ) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// A chat refused the bot (blocked it, removed it, or does not exist): `reason` is Telegram's.
    /// What to deliver about it (e.g. telling the other side of a ticket) goes to `settle`; the
    /// helpdesk reports each chat once, so delivering these cannot loop.
    fn undeliverable(
        &self,
        chat_id: i64,
        reason: &str,
        settle: &dyn Settle,
    ) -> impl Future<Output = anyhow::Result<Vec<Reply>>> + Send;

    /// A chat floods the bot: `settle` records the excess; with `notify`, one notice says so.
    fn slow_down(
        &self,
        input: &Input,
        notify: bool,
        settle: &dyn Settle,
    ) -> impl Future<Output = anyhow::Result<Vec<Reply>>> + Send;

    /// What to tell the sender of an input that could not be handled for a long while.
    fn trouble(&self, input: &Input) -> Option<Reply>;

    /// Whether documents from this sender may be fetched at all.
    fn is_admin(&self, sender: Option<&Sender>) -> bool;

    /// The admins' user ids and their extra commands, for their own command menu.
    fn admin_command_list(&self, _lang: Lang) -> (Vec<i64>, Vec<(String, String)>) {
        (Vec::new(), Vec::new())
    }
}
