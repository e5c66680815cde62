//! The logger: env_logger's text lines, or with `NEWSDESK_LOG_FORMAT=json` one JSON object per
//! line (`ts`, `level`, `target`, `msg`) for log shippers. `RUST_LOG` filters either way.

use std::io::Write;

use crate::settings::env;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// `NEWSDESK_LOG_FORMAT`: `json`, or `text` (also when unset or empty). Anything else is
    /// returned as the error, for one warning once logging runs.
    pub fn from_env_value(value: Option<&str>) -> Result<LogFormat, String> {
        match value.map(str::trim).unwrap_or("") {
            "" | "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(other.to_string()),
        }
    }
}

/// Starts logging to standard error in the format `NEWSDESK_LOG_FORMAT` names.
pub fn init() {
    let raw = std::env::var(env::LOG_FORMAT).ok();
    let format = LogFormat::from_env_value(raw.as_deref());
    let mut builder = env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,newsdesk=info"),
    );
    if format == Ok(LogFormat::Json) {
        builder.format(|out, record| {
            let line = serde_json::json!({
                "ts": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                "level": record.level().as_str(),
                "target": record.target(),
                "msg": record.args().to_string(),
            });
            writeln!(out, "{line}")
        });
    }
    builder.init();
    if let Err(other) = format {
        log::warn!(
            "{}: {other:?} is not a log format (text or json); writing text",
            env::LOG_FORMAT
        );
    }
}
