//! Choosing the reply language.
//!
//! A chat's stored choice (`/lang`) always wins. Otherwise, for a question the question's own
//! words come before the client's `language_code`: many Indonesian readers run Telegram in
//! English, and a reader who writes Indonesian should be answered in Indonesian. For everything
//! else (commands, buttons) the `language_code` decides. The default is Indonesian.

use crate::nlu::{Engine, Lang};
use crate::store::ChatState;

use super::Sender;

/// The language the client reports for the sender, when it is one the bot speaks.
pub fn of_client(sender: Option<&Sender>) -> Option<Lang> {
    sender
        .and_then(|s| s.language_code.as_deref())
        .and_then(|code| code.parse().ok())
}

/// The language for texts that are not answers to a question.
pub fn for_chat(chat: &ChatState, sender: Option<&Sender>) -> Lang {
    chat.language
        .or_else(|| of_client(sender))
        .unwrap_or(Lang::Id)
}

/// The language to answer `question` in.
pub fn for_question(
    engine: &Engine,
    chat: &ChatState,
    sender: Option<&Sender>,
    question: &str,
) -> Lang {
    chat.language
        .or_else(|| engine.detect_lang(question))
        .or_else(|| of_client(sender))
        .unwrap_or(Lang::Id)
}
