//! How the bot is configured: Telegram's rate limits, the flood and fault defaults of the `[bot]`
//! section, and [`Config`] (how to reach Telegram) built from the settings.

use std::time::Duration;

use crate::settings::{BotSettings, Settings};

use super::outbox::Outlet;
use super::scheduler::Flood;

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

#[cfg(test)]
mod tests {
    use super::*;

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
