//! The command menu: registering the desk's commands (and each admin's own) with `setMyCommands`.

use teloxide::prelude::*;
use teloxide::types::BotCommand;

use super::redact::redact;
use super::{Helpdesk, TgBot, outbound};
use crate::nlu::Lang;

/// Registers the command menu: Indonesian by default, English for English clients; then each
/// admin's own menu (theirs plus the admin commands) in their private chat. A failure is logged,
/// not fatal: the commands work without the menu.
pub async fn register_commands<D: Helpdesk>(bot: &TgBot, desk: &D) {
    let menu = |lang: Lang| -> Vec<BotCommand> {
        desk.command_list(lang)
            .into_iter()
            .map(|(name, description)| BotCommand::new(name, description))
            .collect()
    };
    for lang in [Lang::Id, Lang::En] {
        let commands = menu(lang);
        if !commands.is_empty() {
            set_commands(bot, lang, commands, None).await;
        }
    }
    for lang in [Lang::Id, Lang::En] {
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
async fn set_commands(bot: &TgBot, lang: Lang, commands: Vec<BotCommand>, chat: Option<i64>) {
    let result = outbound::with_retry("setMyCommands", || {
        let mut request = bot.set_my_commands(commands.clone());
        if let Some(chat) = chat {
            request = request.scope(teloxide::types::BotCommandScope::Chat {
                chat_id: teloxide::types::Recipient::Id(ChatId(chat)),
            });
        }
        // Indonesian is the menu every client without its own language's menu gets.
        if lang != Lang::Id {
            request = request.language_code(lang.as_str());
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
