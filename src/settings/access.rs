//! Who may administer the bot and where readers reach a person: `admins` plus `NEWSDESK_ADMINS`,
//! and `support_chat_id` / `NEWSDESK_SUPPORT_CHAT_ID`.

use std::collections::HashMap;

use super::{SettingsError, env, env_value};

/// Config `admins` plus `NEWSDESK_ADMINS`, sorted, unique; every id a positive user id.
pub(super) fn admins(
    configured: Option<Vec<i64>>,
    env: &HashMap<String, String>,
) -> Result<Vec<i64>, SettingsError> {
    let mut admins = configured.unwrap_or_default();
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
    Ok(admins)
}

/// `NEWSDESK_SUPPORT_CHAT_ID` wins over config `support_chat_id`; 0 is no chat.
pub(super) fn support_chat_id(
    configured: Option<i64>,
    env: &HashMap<String, String>,
) -> Result<Option<i64>, SettingsError> {
    let support_chat_id = match env_value(env, env::SUPPORT_CHAT_ID) {
        Some(raw) => Some(parse_chat_id(raw, env::SUPPORT_CHAT_ID)?),
        None => configured,
    };
    if support_chat_id == Some(0) {
        return Err(SettingsError::new(
            "support_chat_id",
            "0 is not a Telegram chat id (groups have negative ids, users positive ones)",
        ));
    }
    Ok(support_chat_id)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_list_ignores_spaces_and_empty_items() {
        assert_eq!(parse_admins(" 1, 22 ,,333,").unwrap(), vec![1, 22, 333]);
    }
}
