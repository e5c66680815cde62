//! Layered settings: `config/default.toml` → optional `config/local.toml` → environment.
//!
//! Everything is parsed once, at start, into typed values (parse, don't validate): the rest of the
//! crate never sees a raw string from a file or the environment. A bad setting becomes a
//! [`SettingsError`] that names the setting in one line, so the program can stop before doing work.
//!
//! This file holds what every setting shares (the error, [`Secret`], the environment variable
//! names, the layering); each feature's keys, defaults and checks live in their own file:
//! [`file`] (the config files and their layering), [`access`] (admins, the support chat),
//! [`bot`] (`[bot]`), [`answer`] (`[answer]`), [`passage`] (`[passage]`), [`article`] (`[article]`), [`web`] (`[fetch]`, `[feeds]`, `[content]`),
//! [`environment`] (the token, the Bot API server, the HTTP side: environment only).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

mod access;
mod answer;
mod article;
mod bot;
mod environment;
mod file;
mod passage;
mod web;

pub use access::parse_admins;
pub use answer::AnswerSettings;
pub use article::ArticleSettings;
pub use bot::BotSettings;
pub use environment::{DEFAULT_LISTEN, HttpSettings, TelegramSettings};
pub use passage::PassageSettings;
pub use web::{FeedSettings, FetchSettings, RetentionSettings};

use file::{FileLayer, parse_layer, read_optional};

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
    pub passage: PassageSettings,
    pub article: ArticleSettings,
    pub fetch: FetchSettings,
    pub feeds: FeedSettings,
    pub retention: RetentionSettings,
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

    let admins = access::admins(layer.admins, env)?;
    let support_chat_id = access::support_chat_id(layer.support_chat_id, env)?;
    let telegram = environment::telegram(env)?;
    let http = environment::http(env)?;
    let bot = layer.bot.resolve()?;
    let answer = layer.answer.resolve()?;
    let passage = layer.passage.resolve()?;
    let article = layer.article.resolve()?;
    let fetch = layer.fetch.resolve(env)?;
    let feeds = layer.feeds.resolve()?;
    let retention = layer.content.resolve();

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
        passage,
        article,
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
}
