//! The `[bot]` section: Telegram rate limits, conversation memory, flood control and how long a
//! failing update is retried.

use serde::Deserialize;

use super::{SettingsError, at_least_one};

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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BotLayer {
    messages_per_sec_chat: Option<u32>,
    messages_per_min_chat: Option<u32>,
    messages_per_min_group: Option<u32>,
    messages_per_sec_overall: Option<u32>,
    context_ttl_secs: Option<u64>,
    flood_messages: Option<u32>,
    flood_window_secs: Option<u64>,
    storage_patience_secs: Option<u64>,
}

impl BotLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: BotLayer) -> BotLayer {
        BotLayer {
            messages_per_sec_chat: over.messages_per_sec_chat.or(self.messages_per_sec_chat),
            messages_per_min_chat: over.messages_per_min_chat.or(self.messages_per_min_chat),
            messages_per_min_group: over.messages_per_min_group.or(self.messages_per_min_group),
            messages_per_sec_overall: over
                .messages_per_sec_overall
                .or(self.messages_per_sec_overall),
            context_ttl_secs: over.context_ttl_secs.or(self.context_ttl_secs),
            flood_messages: over.flood_messages.or(self.flood_messages),
            flood_window_secs: over.flood_window_secs.or(self.flood_window_secs),
            storage_patience_secs: over.storage_patience_secs.or(self.storage_patience_secs),
        }
    }

    /// Every limit is required and at least 1.
    pub(super) fn resolve(self) -> Result<BotSettings, SettingsError> {
        Ok(BotSettings {
            messages_per_sec_chat: at_least_one(
                self.messages_per_sec_chat,
                "bot.messages_per_sec_chat",
            )?,
            messages_per_min_chat: at_least_one(
                self.messages_per_min_chat,
                "bot.messages_per_min_chat",
            )?,
            messages_per_min_group: at_least_one(
                self.messages_per_min_group,
                "bot.messages_per_min_group",
            )?,
            messages_per_sec_overall: at_least_one(
                self.messages_per_sec_overall,
                "bot.messages_per_sec_overall",
            )?,
            context_ttl_secs: at_least_one(self.context_ttl_secs, "bot.context_ttl_secs")?,
            flood_messages: at_least_one(self.flood_messages, "bot.flood_messages")?,
            flood_window_secs: at_least_one(self.flood_window_secs, "bot.flood_window_secs")?,
            storage_patience_secs: at_least_one(
                self.storage_patience_secs,
                "bot.storage_patience_secs",
            )?,
        })
    }
}
