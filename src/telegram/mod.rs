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

pub mod api;
mod desk;
pub mod inbound;
pub mod ingress;
pub mod limits;
pub mod outbound;
pub mod outbox;
mod polling;
pub mod scheduler;
pub mod sender;
pub mod webhook;
pub mod worker;

use std::fmt::Display;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::BotCommand;
use tokio::sync::watch;

use crate::desk::{Input, Reply, Sender, Settle, Track};
use crate::ops::health::{self, Pulse};
use crate::settings::{BotSettings, Settings};
use crate::store::Store;

use self::ingress::Ingress;
pub use self::outbox::Outlet;
use self::scheduler::{Flood, Queue};

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

    /// `(name, description)` of every command, for `setMyCommands`, in `lang` (`"id"`, `"en"`).
    fn command_list(&self, lang: &str) -> Vec<(String, String)>;

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
    fn admin_command_list(&self, _lang: &str) -> (Vec<i64>, Vec<(String, String)>) {
        (Vec::new(), Vec::new())
    }
}

/// Telegram's rate limits as the sender keeps them (the `[bot]` section of the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Messages per second to any one chat.
    pub per_chat_per_second: u32,
    /// Messages per minute to one private chat or basic group.
    pub per_chat_per_minute: u32,
    /// Messages per minute to one supergroup.
    pub per_supergroup_per_minute: u32,
    /// Messages per second across all chats.
    pub overall_per_second: u32,
}

impl Default for RateLimits {
    /// Telegram's published limits: about 1 message/s per chat, 20/min per group, 30/s overall.
    fn default() -> Self {
        Self {
            per_chat_per_second: 1,
            per_chat_per_minute: 20,
            per_supergroup_per_minute: 20,
            overall_per_second: 30,
        }
    }
}

impl RateLimits {
    /// Limits so high they never bite: for load measurements against a fake API only.
    pub fn lifted() -> Self {
        Self {
            per_chat_per_second: 1_000_000,
            per_chat_per_minute: 60_000_000,
            per_supergroup_per_minute: 60_000_000,
            overall_per_second: 1_000_000,
        }
    }
}

impl From<&BotSettings> for RateLimits {
    fn from(bot: &BotSettings) -> Self {
        Self {
            per_chat_per_second: bot.messages_per_sec_chat,
            per_chat_per_minute: bot.messages_per_min_chat,
            per_supergroup_per_minute: bot.messages_per_min_group,
            overall_per_second: bot.messages_per_sec_overall,
        }
    }
}

/// How to reach Telegram.
#[derive(Clone)]
pub struct Config {
    /// `TELOXIDE_TOKEN`. Never logged.
    pub token: String,
    /// `TELOXIDE_API_URL`: a local Bot API server or the tests' fake; `None` = api.telegram.org.
    pub api_url: Option<url::Url>,
    pub limits: RateLimits,
    /// How long one `getUpdates` long poll waits for news.
    pub poll_timeout: Duration,
    /// When a chat's waiting messages count as a flood.
    pub flood: Flood,
    /// How long an update whose handling keeps failing (the store) is retried before the reader
    /// is told something went wrong.
    pub storage_patience: Duration,
    /// Updates handled at the same time (of different chats).
    pub workers: usize,
    /// Wakes the sender when messages nobody asked for were queued (hand a clone to the feed
    /// poller); every start of the bot with this configuration listens to it.
    pub outlet: Outlet,
}

/// Turns at once: the desk's own work runs while other turns wait for the store. With group
/// commit (`store::group`) more turns waiting means larger groups: 8 gave 1,263 updates/s where 4
/// gave 967–1,030 (BENCHMARKS.md, "Group commit"); keep it well below the store's pool (16).
pub const DEFAULT_WORKERS: usize = 8;

/// How long one `getUpdates` long poll waits: under reqwest's 17 s default timeout in teloxide.
pub const DEFAULT_POLL_TIMEOUT: Duration = Duration::from_secs(10);

impl Config {
    /// The bot's configuration from the settings; `None` when no token is set.
    pub fn from_settings(settings: &Settings) -> Option<Self> {
        Some(Self {
            token: settings.telegram.token.as_ref()?.expose().to_string(),
            api_url: settings.telegram.api_url.clone(),
            limits: RateLimits::from(&settings.bot),
            poll_timeout: DEFAULT_POLL_TIMEOUT,
            flood: Flood::from(&settings.bot),
            storage_patience: Duration::from_secs(settings.bot.storage_patience_secs),
            workers: DEFAULT_WORKERS,
            outlet: Outlet::default(),
        })
    }

    /// A configuration for a bot at `api_url` with everything else at its default (tests, bench).
    pub fn new(token: &str, api_url: Option<url::Url>) -> Self {
        Self {
            token: token.to_string(),
            api_url,
            limits: RateLimits::default(),
            poll_timeout: DEFAULT_POLL_TIMEOUT,
            flood: Flood::default(),
            storage_patience: Duration::from_secs(DEFAULT_STORAGE_PATIENCE_SECS),
            workers: DEFAULT_WORKERS,
            outlet: Outlet::default(),
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("token", &"<redacted>")
            .field("api_url", &self.api_url)
            .field("limits", &self.limits)
            .field("poll_timeout", &self.poll_timeout)
            .field("flood", &self.flood)
            .field("storage_patience", &self.storage_patience)
            .field("workers", &self.workers)
            .finish_non_exhaustive()
    }
}

/// Why the bot could not start, said so that the reader knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "TELOXIDE_API_URL {0:?} is not a valid URL (expected something like http://127.0.0.1:8081)"
    )]
    BadApiUrl(String),
    #[error("Telegram refused the bot token in TELOXIDE_TOKEN: copy it again from @BotFather")]
    InvalidToken,
    #[error(
        "could not reach the Telegram Bot API at {url}: {reason} (check the network or TELOXIDE_API_URL)"
    )]
    Unreachable { url: String, reason: String },
    #[error(
        "Telegram refused the webhook {url}: {reason} (NEWSDESK_WEBHOOK_URL must be a public https URL on port 443, 80, 88 or 8443)"
    )]
    WebhookRefused { url: String, reason: String },
}

/// Defaults of the `[bot]` flood and fault settings (see `config/default.toml`).
pub const DEFAULT_FLOOD_MESSAGES: u32 = 10;
pub const DEFAULT_FLOOD_WINDOW_SECS: u64 = 60;
pub const DEFAULT_STORAGE_PATIENCE_SECS: u64 = 60;

impl Default for Flood {
    fn default() -> Self {
        Flood {
            limit: DEFAULT_FLOOD_MESSAGES as usize,
            notice_every: Duration::from_secs(DEFAULT_FLOOD_WINDOW_SECS),
        }
    }
}

impl From<&BotSettings> for Flood {
    fn from(bot: &BotSettings) -> Self {
        Flood {
            limit: bot.flood_messages as usize,
            notice_every: Duration::from_secs(bot.flood_window_secs),
        }
    }
}

/// The bot for the direct calls of `config`.
pub fn build_bot(config: &Config) -> TgBot {
    let mut bot = Bot::new(&config.token);
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    bot
}

const TELEGRAM_API: &str = "https://api.telegram.org";

/// How updates reach the bot.
pub enum Intake {
    /// `getUpdates` long polling (any webhook is deleted first).
    Polling,
    /// Telegram POSTs to `url` with `secret`; the HTTP route ([`webhook::router`] over `slot`)
    /// stores them, once the bot has filled `slot` with its inbox.
    Webhook {
        url: url::Url,
        secret: String,
        slot: webhook::IngressSlot,
    },
}

/// Runs the bot with long polling until `shutdown` completes (pass [`shutdown_signal`] for
/// Ctrl-C / SIGTERM): checks the token (waiting for an unreachable API), registers the commands,
/// picks up the updates a previous run left unhandled, then long-polls. On shutdown the turns in
/// hand finish and what is due is sent for a few seconds; everything else waits in the store for
/// the next start.
pub async fn run<D: Helpdesk>(
    config: Config,
    desk: Arc<D>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    run_with(config, desk, Intake::Polling, Pulse::new(), shutdown).await
}

/// [`run`] with the updates coming from `intake` — long polling, or a webhook whose route stores
/// them — recording in `pulse` when the Bot API answers (checked at least every
/// [`health::PROBE_EVERY`], for `/healthz`).
pub async fn run_with<D: Helpdesk>(
    config: Config,
    desk: Arc<D>,
    intake: Intake,
    pulse: Pulse,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let poll_timeout = config.poll_timeout;
    // A refused setWebhook ends the feed early; this carries the reason out of it.
    let refused: Arc<std::sync::Mutex<Option<StartError>>> = Arc::default();
    let refusal = refused.clone();
    let result = serve(config, desk, shutdown, move |feed: Feed| async move {
        // `serve` calls the feed once getMe answered.
        pulse.beat();
        let _prober = AbortOnDrop(tokio::spawn(probe(feed.bot.clone(), pulse.clone())));
        match intake {
            Intake::Polling => {
                if let Err(error) =
                    outbound::with_retry("deleteWebhook", || feed.bot.delete_webhook().send()).await
                {
                    log::warn!("could not remove a webhook: {}", redact(&error, &feed.bot));
                }
                polling::poll(
                    &feed.api,
                    &feed.ingress,
                    poll_timeout,
                    &pulse,
                    feed.shutdown,
                )
                .await;
            }
            Intake::Webhook { url, secret, slot } => {
                if let Err(failure) = webhook::set_webhook(&feed.api, &url, &secret).await {
                    let reason = redact(&polling::describe(&failure), &feed.bot);
                    *refusal.lock().unwrap_or_else(|e| e.into_inner()) =
                        Some(StartError::WebhookRefused {
                            url: url.to_string(),
                            reason,
                        });
                    return;
                }
                log::info!("webhook set: Telegram posts updates to {url}");
                slot.fill(feed.ingress);
                feed.shutdown.await;
            }
        }
    })
    .await;
    if let Some(error) = refused.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(error.into());
    }
    result
}

/// What a source of updates is given by [`serve`]: where to store them, the API and the bot (for
/// `setWebhook`/`deleteWebhook`), and the shutdown it must stop on.
pub struct Feed {
    pub ingress: Ingress,
    pub api: api::Api,
    pub bot: TgBot,
    pub shutdown: std::pin::Pin<Box<dyn Future<Output = ()> + Send>>,
}

/// The bot with updates from any source: `feed` stores them through [`Feed::ingress`] (a webhook
/// answers 200 only after [`Ingress::accept`] returned `Ok`) and returns once [`Feed::shutdown`]
/// completed; the scheduler, workers and sender run around it, as in [`run`] (long polling).
pub async fn serve<D, F, Fut>(
    config: Config,
    desk: Arc<D>,
    shutdown: impl Future<Output = ()> + Send + 'static,
    feed: F,
) -> anyhow::Result<()>
where
    D: Helpdesk,
    F: FnOnce(Feed) -> Fut,
    Fut: Future<Output = ()>,
{
    let bot = build_bot(&config);
    let api_url = config
        .api_url
        .clone()
        .unwrap_or_else(|| TELEGRAM_API.parse().expect("a valid URL"));
    let api = api::Api::new(&api_url, &config.token)
        .map_err(|_| StartError::BadApiUrl(api_url.to_string()))?;
    let mut shutdown: std::pin::Pin<Box<dyn Future<Output = ()> + Send>> = Box::pin(shutdown);
    let me = tokio::select! {
        me = wait_for_api(&bot, api_url.as_str()) => me?,
        () = &mut shutdown => return Ok(()),
    };
    log::info!(
        "starting as @{} (id {})",
        me.user.username.as_deref().unwrap_or("?"),
        me.id
    );
    register_commands(&bot, desk.as_ref()).await;

    let queue = Queue::new(config.flood);
    let store = desk.store().clone();
    let left = store.pending_updates().await?;
    if !left.is_empty() {
        log::info!("{} update(s) from before the restart to handle", left.len());
    }
    queue.push_all(left.into_iter().map(|row| {
        let press = serde_json::from_str::<serde_json::Value>(&row.raw)
            .is_ok_and(|raw| raw.get("callback_query").is_some());
        (row, press)
    }));
    let me = inbound::BotIdentity::from(&me);
    let ingress = Ingress {
        store: store.clone(),
        me: me.clone(),
        queue: queue.clone(),
    };
    // Shared with whatever queues messages on its own (the feed poller): see `outbox::Outlet`.
    let wake = config.outlet.wake();
    let (stop, stopped) = watch::channel(false);
    // Owned by this future: if it is dropped (the runtime goes away), every part stops with it.
    let mut sender = AbortOnDrop(tokio::spawn(
        sender::Sender {
            desk: desk.clone(),
            api: api.clone(),
            limits: config.limits,
            wake: wake.clone(),
        }
        .run(stopped),
    ));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..config.workers.max(1) {
        workers.spawn(
            Arc::new(worker::Worker {
                desk: desk.clone(),
                api: api.clone(),
                me: me.clone(),
                queue: queue.clone(),
                sender: wake.clone(),
                patience: config.storage_patience,
            })
            .run(),
        );
    }
    let _pruner = AbortOnDrop(tokio::spawn(prune(store)));

    feed(Feed {
        ingress,
        api,
        bot,
        shutdown,
    })
    .await;
    log::info!("shutting down: finishing the turns in hand");
    queue.close();
    while workers.join_next().await.is_some() {}
    let _ = stop.send(true);
    let _ = (&mut sender.0).await;
    log::info!("stopped");
    Ok(())
}

/// Checks in with the Bot API now and then, so `/healthz` knows it still answers even while no
/// update arrives (in webhook mode the bot calls it only to send).
async fn probe(bot: TgBot, pulse: Pulse) {
    loop {
        tokio::time::sleep(health::PROBE_EVERY).await;
        match bot.get_me().await {
            Ok(_) => pulse.beat(),
            Err(error) => log::warn!("the Bot API did not answer: {}", redact(&error, &bot)),
        }
    }
}

/// A spawned part of the bot that ends when its owner does.
pub(crate) struct AbortOnDrop<T>(pub tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// `getMe` until it answers: an unreachable API is waited for (and logged), a refused token is
/// an error at once.
async fn wait_for_api(bot: &TgBot, api: &str) -> anyhow::Result<teloxide::types::Me> {
    let mut wait = Duration::from_secs(1);
    loop {
        match bot.get_me().await {
            Ok(me) => return Ok(me),
            Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => {
                return Err(StartError::InvalidToken.into());
            }
            Err(error) => {
                let reason = redact(&error, bot);
                log::warn!(
                    "{}; retrying in {wait:?}",
                    StartError::Unreachable {
                        url: api.to_string(),
                        reason
                    }
                );
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(60));
            }
        }
    }
}

/// Forgets handled updates older than two days, now and then (Telegram re-delivers only what it
/// keeps: a day at most).
async fn prune(store: Store) {
    loop {
        let before = chrono::Utc::now() - chrono::Duration::days(2);
        match store.prune_inbox(before).await {
            Ok(0) => {}
            Ok(n) => log::info!("forgot {n} handled update(s) older than two days"),
            Err(e) => log::warn!("could not prune the inbox: {e:#}"),
        }
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
}

/// Registers the command menu: Indonesian by default, English for English clients; then each
/// admin's own menu (theirs plus the admin commands) in their private chat. A failure is logged,
/// not fatal: the commands work without the menu.
pub async fn register_commands<D: Helpdesk>(bot: &TgBot, desk: &D) {
    let menu = |lang: &str| -> Vec<BotCommand> {
        desk.command_list(lang)
            .into_iter()
            .map(|(name, description)| BotCommand::new(name, description))
            .collect()
    };
    for lang in ["id", "en"] {
        let commands = menu(lang);
        if !commands.is_empty() {
            set_commands(bot, lang, commands, None).await;
        }
    }
    for lang in ["id", "en"] {
        let (admins, extra) = desk.admin_command_list(lang);
        if extra.is_empty() {
            continue;
        }
        let mut commands = menu(lang);
        commands.extend(extra.into_iter().map(|(n, d)| BotCommand::new(n, d)));
        for admin in admins {
            set_commands(bot, lang, commands.clone(), Some(admin)).await;
        }
    }
}

/// One `setMyCommands`: for everyone, or only for the private chat `chat` when given.
async fn set_commands(bot: &TgBot, lang: &str, commands: Vec<BotCommand>, chat: Option<i64>) {
    let result = outbound::with_retry("setMyCommands", || {
        let mut request = bot.set_my_commands(commands.clone());
        if let Some(chat) = chat {
            request = request.scope(teloxide::types::BotCommandScope::Chat {
                chat_id: teloxide::types::Recipient::Id(ChatId(chat)),
            });
        }
        if lang != "id" {
            request = request.language_code(lang);
        }
        request.into_future()
    })
    .await;
    if let Err(error) = result {
        log::warn!(
            "could not register the {lang} command menu{}: {}",
            chat.map(|c| format!(" of chat {c}")).unwrap_or_default(),
            redact(&error, bot)
        );
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            log::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                log::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// An error's text with the bot token removed. teloxide already hides it in network errors; this
/// also covers any other text that might echo a URL.
pub fn redact(error: &impl Display, bot: &TgBot) -> String {
    redact_token(&error.to_string(), bot.token())
}

fn redact_token(text: &str, token: &str) -> String {
    if token.is_empty() {
        return text.to_string();
    }
    let mut out = text.replace(token, "<token>");
    // The secret half alone would still be a leak.
    if let Some((_, secret)) = token.split_once(':')
        && secret.len() >= 8
    {
        out = out.replace(secret, "<token>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_removed_from_error_texts() {
        let token = "123456:AAF7-g0gYncWnm5IyfZlpPRqRRv6kNAGlao";
        let text =
            format!("error sending request for url (https://api.telegram.org/bot{token}/getMe)");
        let redacted = redact_token(&text, token);
        assert!(
            !redacted.contains("AAF7-g0gYncWnm5IyfZlpPRqRRv6kNAGlao"),
            "{redacted}"
        );
        assert!(redacted.contains("bot<token>/getMe"));
        assert_eq!(
            redact_token("only the secret AAF7-g0gYncWnm5IyfZlpPRqRRv6kNAGlao", token),
            "only the secret <token>"
        );
    }

    #[test]
    fn the_config_debug_never_shows_the_token() {
        let config = Config::new("123456:secret-secret", None);
        assert!(!format!("{config:?}").contains("secret"));
    }

    #[test]
    fn rate_limits_come_from_the_bot_section_of_the_settings() {
        let bot = BotSettings {
            messages_per_sec_chat: 2,
            messages_per_min_chat: 30,
            messages_per_min_group: 15,
            messages_per_sec_overall: 25,
            context_ttl_secs: 60,
            flood_messages: 10,
            flood_window_secs: 60,
            storage_patience_secs: 60,
        };
        let limits = RateLimits::from(&bot);
        assert_eq!(
            limits,
            RateLimits {
                per_chat_per_second: 2,
                per_chat_per_minute: 30,
                per_supergroup_per_minute: 15,
                overall_per_second: 25
            }
        );
    }
}
