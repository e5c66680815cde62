//! The teloxide adapter: runs the bot with long polling and connects Telegram to the desk. Thin by
//! design — [`inbound`] turns updates into desk inputs, [`outbound`] turns the desk's replies into
//! Bot API calls, [`schema`] is the handler tree between them. Nothing here decides what to answer.

mod desk;
pub mod inbound;
pub mod outbound;
pub mod schema;

use std::fmt::Display;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::Dispatcher;
use teloxide::prelude::*;
use teloxide::types::BotCommand;
use teloxide::update_listeners::Polling;

use crate::desk::{Input, Reply, Track};
use crate::settings::{BotSettings, Settings};

/// The bot as the handlers see it: every request goes through Telegram's rate limits.
pub type TgBot = Throttle<Bot>;

/// What the adapter needs from the helpdesk core. `desk::Desk` implements it; tests may use any
/// other implementation to drive the adapter alone.
pub trait Helpdesk: Send + Sync + 'static {
    /// The replies to one input, in delivery order.
    fn handle(&self, input: Input) -> impl Future<Output = anyhow::Result<Vec<Reply>>> + Send;

    /// `(name, description)` of every command, for `setMyCommands`, in `lang` (`"id"`, `"en"`).
    fn command_list(&self, lang: &str) -> Vec<(String, String)>;

    /// A reply that asked to be tracked was sent and got `message_id`.
    fn sent(
        &self,
        track: Track,
        chat_id: i64,
        message_id: i32,
    ) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// A chat refused the bot (blocked it, removed it, or does not exist): `reason` is Telegram's.
    /// Returns what to deliver about it (e.g. telling the other side of a ticket); the helpdesk
    /// reports each chat once, so delivering these cannot loop.
    fn undeliverable(
        &self,
        chat_id: i64,
        reason: &str,
    ) -> impl Future<Output = anyhow::Result<Vec<Reply>>> + Send;

    /// Replies the helpdesk sends on its own (articles the feed poller published), delivered as
    /// they come while the bot runs. `None`: there are none.
    fn pushed(&self) -> Option<tokio::sync::mpsc::UnboundedReceiver<Vec<Reply>>> {
        None
    }

    /// The admins' user ids and their extra commands, for their own command menu.
    fn admin_command_list(&self, _lang: &str) -> (Vec<i64>, Vec<(String, String)>) {
        (Vec::new(), Vec::new())
    }
}

/// Telegram's rate limits as `Throttle` applies them (the `[bot]` section of the config).
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

impl From<RateLimits> for Limits {
    fn from(l: RateLimits) -> Self {
        Limits {
            messages_per_sec_chat: l.per_chat_per_second,
            messages_per_min_chat: l.per_chat_per_minute,
            messages_per_min_channel_or_supergroup: l.per_supergroup_per_minute,
            messages_per_sec_overall: l.overall_per_second,
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
}

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
        })
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("token", &"<redacted>")
            .field("api_url", &self.api_url)
            .field("limits", &self.limits)
            .field("poll_timeout", &self.poll_timeout)
            .finish()
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
}

/// Builds the rate-limited bot for `config`. Needs a running tokio runtime (Throttle's worker).
pub fn build_bot(config: &Config) -> TgBot {
    let mut bot = Bot::new(&config.token);
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    Throttle::new_spawn(bot, config.limits.into())
}

/// Runs the bot until `shutdown` completes (pass [`shutdown_signal`] for Ctrl-C / SIGTERM): checks
/// the token, registers the commands, then long-polls. On shutdown, updates already taken are
/// handled and their replies delivered before this returns.
pub async fn run<D: Helpdesk>(
    config: Config,
    desk: Arc<D>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let bot = build_bot(&config);
    let api = config.api_url.as_ref().map_or_else(
        || "https://api.telegram.org".to_string(),
        |url| url.to_string(),
    );
    let me = match bot.get_me().await {
        Ok(me) => me,
        Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => {
            return Err(StartError::InvalidToken.into());
        }
        Err(error) => {
            return Err(StartError::Unreachable {
                url: api,
                reason: redact(&error, &bot),
            }
            .into());
        }
    };
    log::info!(
        "starting as @{} (id {})",
        me.user.username.as_deref().unwrap_or("?"),
        me.id
    );
    register_commands(&bot, desk.as_ref()).await;
    let pusher = desk.pushed().map(|mut pushed| {
        let (bot, desk) = (bot.clone(), desk.clone());
        tokio::spawn(async move {
            while let Some(replies) = pushed.recv().await {
                outbound::deliver(&bot, desk.as_ref(), replies).await;
            }
        })
    });

    let listener = Polling::builder(bot.clone())
        .timeout(config.poll_timeout)
        .delete_webhook()
        .await
        .build();
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema::schema::<D>())
        .dependencies(dptree::deps![desk])
        .default_handler(|update| async move { log::trace!("ignoring update {}", update.id.0) })
        .error_handler(Arc::new(schema::LogErrors))
        .build();
    let token = dispatcher.shutdown_token();
    let stopper = tokio::spawn(async move {
        shutdown.await;
        log::info!("shutting down: finishing the updates in hand");
        // Shutting down is refused while the dispatcher is still starting; try until it runs.
        loop {
            match token.shutdown() {
                Ok(done) => break done.await,
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    });
    let result = dispatcher
        .try_dispatch_with_listener(listener, Arc::new(schema::LogErrors))
        .await;
    stopper.abort();
    if let Some(pusher) = pusher {
        pusher.abort();
    }
    result.map_err(|error| StartError::Unreachable {
        url: api,
        reason: redact(&error, &bot),
    })?;
    log::info!("stopped");
    Ok(())
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
    redact_token(&error.to_string(), bot.inner().token())
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
        let config = Config {
            token: "123456:secret-secret".into(),
            api_url: None,
            limits: RateLimits::default(),
            poll_timeout: Duration::from_secs(10),
        };
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

    #[test]
    fn rate_limits_map_onto_throttles_fields() {
        let limits: Limits = RateLimits {
            per_chat_per_second: 1,
            per_chat_per_minute: 2,
            per_supergroup_per_minute: 3,
            overall_per_second: 4,
        }
        .into();
        assert_eq!(
            (
                limits.messages_per_sec_chat,
                limits.messages_per_min_chat,
                limits.messages_per_min_channel_or_supergroup,
                limits.messages_per_sec_overall
            ),
            (1, 2, 3, 4)
        );
    }
}
