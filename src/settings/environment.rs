//! The settings that come only from the environment: the bot token and Bot API server, and the
//! HTTP side (listen address, webhook URL and secret). Secrets never reach a config file, and an
//! error about one never repeats its value.

use std::collections::HashMap;

use super::{Secret, SettingsError, env, env_value};

/// Paths the HTTP side serves itself, so the webhook cannot have them.
const RESERVED_PATHS: [&str; 2] = ["/healthz", "/metrics"];

/// Where the HTTP side listens when webhook mode gives no `NEWSDESK_LISTEN`.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:8080";

/// How to reach the Bot API. Only from the environment: the token is a secret.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TelegramSettings {
    /// `TELOXIDE_TOKEN`; `None` when unset or empty.
    pub token: Option<Secret>,
    /// `TELOXIDE_API_URL`, e.g. a local Bot API server or the tests' fake; `None`: Telegram's own.
    pub api_url: Option<url::Url>,
}

/// The HTTP side: where it listens and, in webhook mode, the webhook.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpSettings {
    /// `NEWSDESK_LISTEN`; in webhook mode [`DEFAULT_LISTEN`] when unset. `None`: no HTTP server
    /// (polling mode without the variable).
    pub listen: Option<std::net::SocketAddr>,
    /// `NEWSDESK_WEBHOOK_URL`: set means webhook mode.
    pub webhook_url: Option<url::Url>,
    /// `NEWSDESK_WEBHOOK_SECRET`; `None`: a secret is generated once and kept in the database.
    pub webhook_secret: Option<Secret>,
}

/// `TELOXIDE_TOKEN` (checked for its shape) and `TELOXIDE_API_URL`.
pub(super) fn telegram(env: &HashMap<String, String>) -> Result<TelegramSettings, SettingsError> {
    Ok(TelegramSettings {
        token: env_value(env, env::TELOXIDE_TOKEN)
            .map(parse_token)
            .transpose()?,
        api_url: env_value(env, env::TELOXIDE_API_URL)
            .map(|raw| {
                url::Url::parse(raw).map_err(|e| {
                    SettingsError::new(
                        env::TELOXIDE_API_URL,
                        format!("{raw:?} is not a URL ({e}); expected e.g. http://127.0.0.1:8081"),
                    )
                })
            })
            .transpose()?,
    })
}

/// The HTTP side: `NEWSDESK_LISTEN`, `NEWSDESK_WEBHOOK_URL`, `NEWSDESK_WEBHOOK_SECRET`.
pub(super) fn http(env: &HashMap<String, String>) -> Result<HttpSettings, SettingsError> {
    let webhook_url = env_value(env, env::WEBHOOK_URL)
        .map(|raw| {
            let url = url::Url::parse(raw)
                .ok()
                .filter(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some());
            url.ok_or_else(|| {
                SettingsError::new(
                    env::WEBHOOK_URL,
                    format!(
                        "{raw:?} is not a web address; expected the public https URL Telegram \
                         posts to, path included, e.g. https://bot.example.com/telegram"
                    ),
                )
            })
        })
        .transpose()?;
    if let Some(url) = &webhook_url
        && RESERVED_PATHS.contains(&url.path())
    {
        return Err(SettingsError::new(
            env::WEBHOOK_URL,
            format!(
                "its path {} is taken by the health check or the metrics; choose another, \
                 e.g. /telegram",
                url.path()
            ),
        ));
    }
    let listen = match env_value(env, env::LISTEN) {
        Some(raw) => Some(raw.parse().map_err(|_| {
            SettingsError::new(
                env::LISTEN,
                format!("{raw:?} is not an address to listen on (expected e.g. 0.0.0.0:8080)"),
            )
        })?),
        None if webhook_url.is_some() => Some(DEFAULT_LISTEN.parse().expect("a valid address")),
        None => None,
    };
    let webhook_secret = env_value(env, env::WEBHOOK_SECRET)
        .map(|raw| {
            // Telegram's rule for secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -.
            let fits = raw.len() <= 256
                && raw
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            if fits {
                Ok(Secret::new(raw))
            } else {
                Err(SettingsError::new(
                    env::WEBHOOK_SECRET,
                    "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule; \
                     the value is not shown)",
                ))
            }
        })
        .transpose()?;
    Ok(HttpSettings {
        listen,
        webhook_url,
        webhook_secret,
    })
}

/// A bot token has the shape @BotFather gives it: the bot's numeric id, a colon, and a key of
/// letters, digits, `_` and `-`. Anything else would only fail later as a confusing network or
/// "not found" error, so it is refused here; the message never repeats the value.
fn parse_token(raw: &str) -> Result<Secret, SettingsError> {
    let well_formed = raw.split_once(':').is_some_and(|(id, key)| {
        !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_digit())
            && !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    });
    if !well_formed {
        return Err(SettingsError::new(
            env::TELOXIDE_TOKEN,
            format!(
                "is malformed ({} characters, not shown): a bot token from @BotFather looks like \
                 123456789:AAF..., the bot's id, a colon and a key of letters, digits, _ and -",
                raw.chars().count()
            ),
        ));
    }
    Ok(Secret::new(raw))
}
