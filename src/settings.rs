//! Layered settings: `config/default.toml` → optional `config/local.toml` → environment.
//!
//! Everything is parsed once, at start, into typed values (parse, don't validate): the rest of the
//! crate never sees a raw string from a file or the environment. A bad setting becomes a
//! [`SettingsError`] that names the setting in one line, so the program can stop before doing work.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

mod environment;

pub use environment::{DEFAULT_LISTEN, HttpSettings, TelegramSettings};

/// The checked-in defaults, compiled in so the binary also starts where `config/` is absent.
/// `config/default.toml` on disk, when present, is read instead.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Environment variable names; these are used from outside and must not change.
pub mod env {
    pub const DATABASE_URL: &str = "DATABASE_URL";
    pub const CONTENT_DIR: &str = "NEWSDESK_CONTENT_DIR";
    pub const TELOXIDE_TOKEN: &str = "TELOXIDE_TOKEN";
    pub const TELOXIDE_API_URL: &str = "TELOXIDE_API_URL";
    pub const ADMINS: &str = "NEWSDESK_ADMINS";
    pub const SUPPORT_CHAT_ID: &str = "NEWSDESK_SUPPORT_CHAT_ID";
    pub const LISTEN: &str = "NEWSDESK_LISTEN";
    pub const WEBHOOK_URL: &str = "NEWSDESK_WEBHOOK_URL";
    pub const WEBHOOK_SECRET: &str = "NEWSDESK_WEBHOOK_SECRET";
    pub const LOG_FORMAT: &str = "NEWSDESK_LOG_FORMAT";
    pub const FETCH_ALLOW_PRIVATE: &str = "NEWSDESK_FETCH_ALLOW_PRIVATE";
}

/// A setting that cannot be used. Displays as one line that starts with the setting's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{setting}: {problem}")]
pub struct SettingsError {
    /// The environment variable, config key (`bot.context_ttl_secs`) or config file at fault.
    pub setting: String,
    pub problem: String,
}

impl SettingsError {
    pub fn new(setting: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            setting: setting.into(),
            problem: problem.into(),
        }
    }
}

/// A value that must never be printed: its `Debug` is redacted, and it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that needs it (building the bot).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// All of newsdesk's settings, resolved from every layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// `sqlite://…` URL of the database (`DATABASE_URL`).
    pub database_url: String,
    /// Articles imported into an empty database at start (`NEWSDESK_CONTENT_DIR`).
    pub content_dir: PathBuf,
    /// True when `content_dir` is only the checked-in default: if that folder is absent (the
    /// binary runs from another folder), the articles built into the binary are imported instead.
    /// A folder chosen in `config/local.toml` or the environment must exist.
    pub content_dir_is_default: bool,
    /// Telegram user ids with admin rights: config `admins` plus `NEWSDESK_ADMINS`, sorted, unique.
    pub admins: Vec<i64>,
    /// Where tickets are relayed (`NEWSDESK_SUPPORT_CHAT_ID`); `None`: no person available.
    pub support_chat_id: Option<i64>,
    pub telegram: TelegramSettings,
    /// The HTTP side (webhook, `/healthz`, `/metrics`). Only from the environment.
    pub http: HttpSettings,
    pub bot: BotSettings,
    pub answer: AnswerSettings,
    pub fetch: FetchSettings,
    pub feeds: FeedSettings,
    pub retention: RetentionSettings,
}

/// The `[fetch]` section: how pages and feeds are fetched from the web.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchSettings {
    /// Fetch loopback, private and link-local addresses too (an intranet CMS; the tests).
    /// Also `NEWSDESK_FETCH_ALLOW_PRIVATE=1`.
    pub allow_private: bool,
    pub connect_timeout_secs: u64,
    /// The whole fetch, body included.
    pub timeout_secs: u64,
}

/// The `[feeds]` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSettings {
    /// How often `newsdesk run` polls each feed, in seconds.
    pub poll_interval_secs: u64,
}

/// The `[content]` section's retention limits; `None` is unlimited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RetentionSettings {
    pub max_articles: Option<u64>,
    pub max_age_days: Option<u64>,
}

/// The `[bot]` section: Telegram rate limits and conversation memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BotSettings {
    pub messages_per_sec_chat: u32,
    pub messages_per_min_chat: u32,
    pub messages_per_min_group: u32,
    pub messages_per_sec_overall: u32,
    /// How long a chat's conversation context (the article it is about) lives, in seconds.
    pub context_ttl_secs: u64,
    /// More of one chat's messages than this waiting unanswered at once is a flood.
    pub flood_messages: u32,
    /// At most one "slow down" notice per chat in this many seconds.
    pub flood_window_secs: u64,
    /// Seconds an update whose handling keeps failing (the database) is retried before the
    /// reader is told something went wrong.
    pub storage_patience_secs: u64,
}

/// The `[answer]` section: the answer-or-refuse model of the answering engine (its weights
/// fitted on the tuning set by `scripts/fit_answer.py`).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerSettings {
    pub decision: crate::nlu::DecisionModel,
}

// One file's worth of settings: every key optional, so `local.toml` can hold only what it changes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLayer {
    database_url: Option<String>,
    content_dir: Option<PathBuf>,
    admins: Option<Vec<i64>>,
    support_chat_id: Option<i64>,
    #[serde(default)]
    bot: BotLayer,
    #[serde(default)]
    answer: AnswerLayer,
    #[serde(default)]
    fetch: FetchLayer,
    #[serde(default)]
    feeds: FeedsLayer,
    #[serde(default)]
    content: ContentLayer,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FetchLayer {
    allow_private: Option<bool>,
    connect_timeout_secs: Option<u64>,
    timeout_secs: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedsLayer {
    poll_interval_secs: Option<u64>,
}

/// `0` (the default) means unlimited.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContentLayer {
    max_articles: Option<u64>,
    max_age_days: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BotLayer {
    messages_per_sec_chat: Option<u32>,
    messages_per_min_chat: Option<u32>,
    messages_per_min_group: Option<u32>,
    messages_per_sec_overall: Option<u32>,
    context_ttl_secs: Option<u64>,
    flood_messages: Option<u32>,
    flood_window_secs: Option<u64>,
    storage_patience_secs: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerLayer {
    threshold: Option<f32>,
    bias: Option<f32>,
    weights: Option<crate::nlu::Features>,
}

impl FileLayer {
    /// Keys set in `over` win over keys set in `self`.
    fn overlay(self, over: FileLayer) -> FileLayer {
        FileLayer {
            database_url: over.database_url.or(self.database_url),
            content_dir: over.content_dir.or(self.content_dir),
            admins: over.admins.or(self.admins),
            support_chat_id: over.support_chat_id.or(self.support_chat_id),
            bot: BotLayer {
                messages_per_sec_chat: over
                    .bot
                    .messages_per_sec_chat
                    .or(self.bot.messages_per_sec_chat),
                messages_per_min_chat: over
                    .bot
                    .messages_per_min_chat
                    .or(self.bot.messages_per_min_chat),
                messages_per_min_group: over
                    .bot
                    .messages_per_min_group
                    .or(self.bot.messages_per_min_group),
                messages_per_sec_overall: over
                    .bot
                    .messages_per_sec_overall
                    .or(self.bot.messages_per_sec_overall),
                context_ttl_secs: over.bot.context_ttl_secs.or(self.bot.context_ttl_secs),
                flood_messages: over.bot.flood_messages.or(self.bot.flood_messages),
                flood_window_secs: over.bot.flood_window_secs.or(self.bot.flood_window_secs),
                storage_patience_secs: over
                    .bot
                    .storage_patience_secs
                    .or(self.bot.storage_patience_secs),
            },
            answer: AnswerLayer {
                threshold: over.answer.threshold.or(self.answer.threshold),
                bias: over.answer.bias.or(self.answer.bias),
                weights: over.answer.weights.or(self.answer.weights),
            },
            fetch: FetchLayer {
                allow_private: over.fetch.allow_private.or(self.fetch.allow_private),
                connect_timeout_secs: over
                    .fetch
                    .connect_timeout_secs
                    .or(self.fetch.connect_timeout_secs),
                timeout_secs: over.fetch.timeout_secs.or(self.fetch.timeout_secs),
            },
            feeds: FeedsLayer {
                poll_interval_secs: over
                    .feeds
                    .poll_interval_secs
                    .or(self.feeds.poll_interval_secs),
            },
            content: ContentLayer {
                max_articles: over.content.max_articles.or(self.content.max_articles),
                max_age_days: over.content.max_age_days.or(self.content.max_age_days),
            },
        }
    }
}

impl Settings {
    /// Settings for the running program: `config/` under the working directory and the process
    /// environment (call `dotenvy::dotenv()` first so `.env` counts as environment).
    pub fn load() -> Result<Settings, SettingsError> {
        let env: HashMap<String, String> = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .collect();
        Self::load_from(Path::new("config"), &env)
    }

    /// Settings from an explicit config folder and environment, so tests never touch the process's.
    /// `config_dir/default.toml` falls back to the compiled-in copy; `config_dir/local.toml` is optional.
    pub fn load_from(
        config_dir: &Path,
        env: &HashMap<String, String>,
    ) -> Result<Settings, SettingsError> {
        let default_path = config_dir.join("default.toml");
        let defaults = match read_optional(&default_path)? {
            Some(text) => parse_layer(&default_path, &text)?,
            None => parse_layer(Path::new("config/default.toml (built in)"), DEFAULT_TOML)?,
        };
        let local_path = config_dir.join("local.toml");
        let (layer, local_content_dir) = match read_optional(&local_path)? {
            Some(text) => {
                let local = parse_layer(&local_path, &text)?;
                let chosen = local.content_dir.is_some();
                (defaults.overlay(local), chosen)
            }
            None => (defaults, false),
        };
        let mut settings = resolve(layer, env)?;
        settings.content_dir_is_default &= !local_content_dir;
        Ok(settings)
    }
}

fn read_optional(path: &Path) -> Result<Option<String>, SettingsError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SettingsError::new(
            path.display().to_string(),
            format!("cannot be read: {e}"),
        )),
    }
}

fn parse_layer(path: &Path, text: &str) -> Result<FileLayer, SettingsError> {
    toml::from_str(text).map_err(|e| {
        // toml's own Display spans several lines with a source excerpt; we want one line.
        let line = e
            .span()
            .map(|span| format!("line {}: ", text[..span.start].matches('\n').count() + 1))
            .unwrap_or_default();
        let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        SettingsError::new(path.display().to_string(), format!("{line}{message}"))
    })
}

fn required<T>(value: Option<T>, key: &str) -> Result<T, SettingsError> {
    value.ok_or_else(|| {
        SettingsError::new(
            key,
            "missing: set it in config/default.toml or config/local.toml",
        )
    })
}

fn env_value<'a>(env: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    // An empty variable (as left by copying .env.example) means "not set".
    env.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn resolve(layer: FileLayer, env: &HashMap<String, String>) -> Result<Settings, SettingsError> {
    let database_url = match env_value(env, env::DATABASE_URL) {
        Some(url) => parse_database_url(url, env::DATABASE_URL)?,
        None => parse_database_url(
            &required(layer.database_url, "database_url")?,
            "database_url",
        )?,
    };

    let (content_dir, content_dir_is_default) = match env_value(env, env::CONTENT_DIR) {
        Some(dir) => (PathBuf::from(dir), false),
        None => (required(layer.content_dir, "content_dir")?, true),
    };
    if content_dir.as_os_str().is_empty() {
        return Err(SettingsError::new("content_dir", "must not be empty"));
    }

    let mut admins = layer.admins.unwrap_or_default();
    if let Some(&bad) = admins.iter().find(|&&id| id <= 0) {
        return Err(SettingsError::new(
            "admins",
            format!("{bad} is not a Telegram user id (user ids are positive numbers)"),
        ));
    }
    if let Some(list) = env_value(env, env::ADMINS) {
        admins.extend(parse_admins(list)?);
    }
    admins.sort_unstable();
    admins.dedup();

    let support_chat_id = match env_value(env, env::SUPPORT_CHAT_ID) {
        Some(raw) => Some(parse_chat_id(raw, env::SUPPORT_CHAT_ID)?),
        None => layer.support_chat_id,
    };
    if support_chat_id == Some(0) {
        return Err(SettingsError::new(
            "support_chat_id",
            "0 is not a Telegram chat id (groups have negative ids, users positive ones)",
        ));
    }

    let telegram = environment::telegram(env)?;
    let http = environment::http(env)?;

    let bot = BotSettings {
        messages_per_sec_chat: at_least_one(
            layer.bot.messages_per_sec_chat,
            "bot.messages_per_sec_chat",
        )?,
        messages_per_min_chat: at_least_one(
            layer.bot.messages_per_min_chat,
            "bot.messages_per_min_chat",
        )?,
        messages_per_min_group: at_least_one(
            layer.bot.messages_per_min_group,
            "bot.messages_per_min_group",
        )?,
        messages_per_sec_overall: at_least_one(
            layer.bot.messages_per_sec_overall,
            "bot.messages_per_sec_overall",
        )?,
        context_ttl_secs: at_least_one(layer.bot.context_ttl_secs, "bot.context_ttl_secs")?,
        flood_messages: at_least_one(layer.bot.flood_messages, "bot.flood_messages")?,
        flood_window_secs: at_least_one(layer.bot.flood_window_secs, "bot.flood_window_secs")?,
        storage_patience_secs: at_least_one(
            layer.bot.storage_patience_secs,
            "bot.storage_patience_secs",
        )?,
    };

    let threshold = fraction(layer.answer.threshold.map(f64::from), "answer.threshold")? as f32;
    let answer = AnswerSettings {
        decision: crate::nlu::DecisionModel {
            threshold,
            bias: required(layer.answer.bias, "answer.bias")?,
            weights: required(layer.answer.weights, "answer.weights")?,
        },
    };

    let allow_private = match env_value(env, env::FETCH_ALLOW_PRIVATE) {
        Some("1" | "true" | "yes") => true,
        Some("0" | "false" | "no") => false,
        Some(other) => {
            return Err(SettingsError::new(
                env::FETCH_ALLOW_PRIVATE,
                format!("{other:?} is not a yes/no value (use 1 or 0)"),
            ));
        }
        None => layer.fetch.allow_private.unwrap_or(false),
    };
    let fetch = FetchSettings {
        allow_private,
        connect_timeout_secs: at_least_one(
            layer.fetch.connect_timeout_secs,
            "fetch.connect_timeout_secs",
        )?,
        timeout_secs: at_least_one(layer.fetch.timeout_secs, "fetch.timeout_secs")?,
    };
    let feeds = FeedSettings {
        poll_interval_secs: at_least_one(
            layer.feeds.poll_interval_secs,
            "feeds.poll_interval_secs",
        )?,
    };
    let retention = RetentionSettings {
        max_articles: layer.content.max_articles.filter(|&n| n > 0),
        max_age_days: layer.content.max_age_days.filter(|&n| n > 0),
    };

    Ok(Settings {
        database_url,
        content_dir,
        content_dir_is_default,
        admins,
        support_chat_id,
        telegram,
        http,
        bot,
        answer,
        fetch,
        feeds,
        retention,
    })
}

fn parse_database_url(raw: &str, setting: &str) -> Result<String, SettingsError> {
    let raw = raw.trim();
    if !raw.starts_with("sqlite:") || raw == "sqlite:" || raw == "sqlite://" {
        return Err(SettingsError::new(
            setting,
            format!(
                "{raw:?} is not a SQLite database URL (expected e.g. sqlite://data/newsdesk.db, \
                 sqlite:///var/lib/newsdesk.db or sqlite::memory:)"
            ),
        ));
    }
    Ok(raw.to_string())
}

/// Parses `NEWSDESK_ADMINS`: comma-separated positive user ids; spaces and empty items are ignored.
pub fn parse_admins(list: &str) -> Result<Vec<i64>, SettingsError> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| match item.parse::<i64>() {
            Ok(id) if id > 0 => Ok(id),
            _ => Err(SettingsError::new(
                env::ADMINS,
                format!(
                    "{item:?} is not a Telegram user id (expected comma-separated numbers, e.g. 12345,67890)"
                ),
            )),
        })
        .collect()
}

fn parse_chat_id(raw: &str, setting: &str) -> Result<i64, SettingsError> {
    match raw.parse::<i64>() {
        Ok(id) if id != 0 => Ok(id),
        _ => Err(SettingsError::new(
            setting,
            format!(
                "{raw:?} is not a Telegram chat id (expected a number, e.g. -1001234567890 for a group)"
            ),
        )),
    }
}

fn at_least_one<T: PartialOrd + From<u8> + fmt::Display>(
    value: Option<T>,
    key: &str,
) -> Result<T, SettingsError> {
    let value = required(value, key)?;
    if value < T::from(1) {
        return Err(SettingsError::new(
            key,
            format!("{value} is too small: must be at least 1"),
        ));
    }
    Ok(value)
}

fn fraction(value: Option<f64>, key: &str) -> Result<f64, SettingsError> {
    let value = required(value, key)?;
    if !(0.0..=1.0).contains(&value) {
        return Err(SettingsError::new(key, format!("{value} is outside 0..1")));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_defaults_set_every_required_key() {
        let layer = parse_layer(Path::new("default.toml"), DEFAULT_TOML).unwrap();
        let settings = resolve(layer, &HashMap::new()).unwrap();
        assert_eq!(settings.database_url, "sqlite://data/newsdesk.db");
        assert_eq!(settings.bot.messages_per_sec_overall, 30);
    }

    #[test]
    fn web_settings_default_to_safe_and_unlimited_and_the_env_can_allow_private_fetches() {
        let layer = || parse_layer(Path::new("default.toml"), DEFAULT_TOML).unwrap();
        let settings = resolve(layer(), &HashMap::new()).unwrap();
        assert!(!settings.fetch.allow_private);
        assert_eq!(settings.fetch.timeout_secs, 30);
        assert_eq!(settings.feeds.poll_interval_secs, 900);
        assert_eq!(settings.retention, RetentionSettings::default());

        let env = |value: &str| {
            HashMap::from([(env::FETCH_ALLOW_PRIVATE.to_string(), value.to_string())])
        };
        assert!(resolve(layer(), &env("1")).unwrap().fetch.allow_private);
        let err = resolve(layer(), &env("maybe")).unwrap_err();
        assert_eq!(err.setting, env::FETCH_ALLOW_PRIVATE);
    }

    #[test]
    fn admins_list_ignores_spaces_and_empty_items() {
        assert_eq!(parse_admins(" 1, 22 ,,333,").unwrap(), vec![1, 22, 333]);
    }

    #[test]
    fn a_toml_error_is_one_line_with_its_line_number() {
        let err = parse_layer(Path::new("x.toml"), "\n[bot]\nnope = 1\n").unwrap_err();
        let text = err.to_string();
        assert!(!text.contains('\n'), "{text}");
        assert!(
            text.starts_with("x.toml: line 3: unknown field `nope`"),
            "{text}"
        );
    }
}
