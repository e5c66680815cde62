//! Content from the web: the `[fetch]` section (how pages and feeds are fetched, and
//! `NEWSDESK_FETCH_ALLOW_PRIVATE`), the `[feeds]` section (polling) and the `[content]` section's
//! retention limits.

use std::collections::HashMap;

use serde::Deserialize;

use super::{SettingsError, at_least_one, env, env_value};

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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FetchLayer {
    allow_private: Option<bool>,
    connect_timeout_secs: Option<u64>,
    timeout_secs: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FeedsLayer {
    poll_interval_secs: Option<u64>,
}

/// `0` (the default) means unlimited.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ContentLayer {
    max_articles: Option<u64>,
    max_age_days: Option<u64>,
}

impl FetchLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: FetchLayer) -> FetchLayer {
        FetchLayer {
            allow_private: over.allow_private.or(self.allow_private),
            connect_timeout_secs: over.connect_timeout_secs.or(self.connect_timeout_secs),
            timeout_secs: over.timeout_secs.or(self.timeout_secs),
        }
    }

    /// `NEWSDESK_FETCH_ALLOW_PRIVATE` wins over `fetch.allow_private`; timeouts are at least 1 s.
    pub(super) fn resolve(
        self,
        env: &HashMap<String, String>,
    ) -> Result<FetchSettings, SettingsError> {
        let allow_private = match env_value(env, env::FETCH_ALLOW_PRIVATE) {
            Some("1" | "true" | "yes") => true,
            Some("0" | "false" | "no") => false,
            Some(other) => {
                return Err(SettingsError::new(
                    env::FETCH_ALLOW_PRIVATE,
                    format!("{other:?} is not a yes/no value (use 1 or 0)"),
                ));
            }
            None => self.allow_private.unwrap_or(false),
        };
        Ok(FetchSettings {
            allow_private,
            connect_timeout_secs: at_least_one(
                self.connect_timeout_secs,
                "fetch.connect_timeout_secs",
            )?,
            timeout_secs: at_least_one(self.timeout_secs, "fetch.timeout_secs")?,
        })
    }
}

impl FeedsLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: FeedsLayer) -> FeedsLayer {
        FeedsLayer {
            poll_interval_secs: over.poll_interval_secs.or(self.poll_interval_secs),
        }
    }

    pub(super) fn resolve(self) -> Result<FeedSettings, SettingsError> {
        Ok(FeedSettings {
            poll_interval_secs: at_least_one(self.poll_interval_secs, "feeds.poll_interval_secs")?,
        })
    }
}

impl ContentLayer {
    /// Keys set in `over` win.
    pub(super) fn overlay(self, over: ContentLayer) -> ContentLayer {
        ContentLayer {
            max_articles: over.max_articles.or(self.max_articles),
            max_age_days: over.max_age_days.or(self.max_age_days),
        }
    }

    pub(super) fn resolve(self) -> RetentionSettings {
        RetentionSettings {
            max_articles: self.max_articles.filter(|&n| n > 0),
            max_age_days: self.max_age_days.filter(|&n| n > 0),
        }
    }
}
