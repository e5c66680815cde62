//! The config files: `config/default.toml` (or its compiled-in copy) and the optional
//! `config/local.toml`, each read into a layer where every key is optional, the second laid over
//! the first. Each section's keys live with its feature (`bot.rs`, `answer.rs`, `passage.rs`,
//! `web.rs`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::SettingsError;
use super::answer::AnswerLayer;
use super::article::ArticleLayer;
use super::bot::BotLayer;
use super::passage::PassageLayer;
use super::web::{ContentLayer, FeedsLayer, FetchLayer};

// One file's worth of settings: every key optional, so `local.toml` can hold only what it changes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileLayer {
    pub database_url: Option<String>,
    pub content_dir: Option<PathBuf>,
    pub admins: Option<Vec<i64>>,
    pub support_chat_id: Option<i64>,
    #[serde(default)]
    pub bot: BotLayer,
    #[serde(default)]
    pub answer: AnswerLayer,
    #[serde(default)]
    pub passage: PassageLayer,
    #[serde(default)]
    pub article: ArticleLayer,
    #[serde(default)]
    pub fetch: FetchLayer,
    #[serde(default)]
    pub feeds: FeedsLayer,
    #[serde(default)]
    pub content: ContentLayer,
}

impl FileLayer {
    /// Keys set in `over` win over keys set in `self`.
    pub(super) fn overlay(self, over: FileLayer) -> FileLayer {
        FileLayer {
            database_url: over.database_url.or(self.database_url),
            content_dir: over.content_dir.or(self.content_dir),
            admins: over.admins.or(self.admins),
            support_chat_id: over.support_chat_id.or(self.support_chat_id),
            bot: self.bot.overlay(over.bot),
            answer: self.answer.overlay(over.answer),
            passage: self.passage.overlay(over.passage),
            article: self.article.overlay(over.article),
            fetch: self.fetch.overlay(over.fetch),
            feeds: self.feeds.overlay(over.feeds),
            content: self.content.overlay(over.content),
        }
    }
}

/// A file's text, `None` when it does not exist.
pub(super) fn read_optional(path: &Path) -> Result<Option<String>, SettingsError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SettingsError::new(
            path.display().to_string(),
            format!("cannot be read: {e}"),
        )),
    }
}

pub(super) fn parse_layer(path: &Path, text: &str) -> Result<FileLayer, SettingsError> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
