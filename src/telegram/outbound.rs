//! [`Reply`] → Bot API calls: HTML-escaped texts split under Telegram's limit, inline keyboards,
//! replies in the asker's thread, and the error policy — wait out a 429, back off on network
//! errors, and treat a chat that refuses the bot (403) as undeliverable: logged and reported to the
//! desk, never retried, never a crash.

use std::collections::VecDeque;
use std::future::Future;
use std::time::Duration;

use teloxide::payloads::SendMessageSetters;
use teloxide::prelude::*;
use teloxide::types::{
    CallbackQueryId, InlineKeyboardButton, InlineKeyboardMarkup, MessageId, ParseMode,
    ReplyParameters, ThreadId,
};
use teloxide::{ApiError, RequestError};

use super::{Helpdesk, TgBot, redact};
use crate::desk::{Button, Reply, Track};

/// Telegram's limit on a message text, in UTF-16 code units (the safe reading of "4096 characters").
pub const MAX_TEXT_UTF16: usize = 4096;
/// Telegram's limit on `callback_data`, in bytes.
pub const MAX_CALLBACK_DATA: usize = 64;
/// Telegram's limit on an `answerCallbackQuery` toast, in characters.
pub const MAX_TOAST_CHARS: usize = 200;

/// How often a request is tried when the network fails or Telegram asks to slow down.
const ATTEMPTS: u32 = 4;
const FIRST_BACKOFF: Duration = Duration::from_millis(250);

/// Splits `text` into chunks of at most `limit` UTF-16 units: between paragraphs when it can, else
/// between lines, else between words, and only as a last resort inside a word. A part that has to be
/// split gets chunks of its own, so the breaks around it stay chunk breaks. Whitespace around chunks
/// is dropped; an empty text gives no chunks.
pub fn split_text(text: &str, limit: usize) -> Vec<String> {
    assert!(limit > 0, "a chunk limit of zero cannot hold any text");
    let mut chunks = Vec::new();
    split_into(text, limit, 0, &mut chunks);
    chunks
        .into_iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

const SEPARATORS: [&str; 3] = ["\n\n", "\n", " "];

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn split_into(text: &str, limit: usize, level: usize, chunks: &mut Vec<String>) {
    if utf16_len(text.trim()) <= limit {
        chunks.push(text.to_string());
        return;
    }
    let Some(separator) = SEPARATORS.get(level) else {
        hard_split(text, limit, chunks);
        return;
    };
    let mut current = String::new();
    for part in text.split_inclusive(separator) {
        if utf16_len(part.trim()) > limit {
            // An oversized part gets chunks of its own, packed at the next level.
            if !current.trim().is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
            current.clear();
            split_into(part, limit, level + 1, chunks);
            continue;
        }
        if utf16_len(current.trim_start()) + utf16_len(part.trim_end()) > limit {
            chunks.push(std::mem::take(&mut current));
        }
        current.push_str(part);
    }
    if !current.trim().is_empty() {
        chunks.push(current);
    }
}

/// Cuts a text with no usable separator at character boundaries.
fn hard_split(text: &str, limit: usize, chunks: &mut Vec<String>) {
    let mut current = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + c.len_utf16() > limit {
            chunks.push(std::mem::take(&mut current));
            used = 0;
        }
        current.push(c);
        used += c.len_utf16();
    }
    if !current.is_empty() {
        chunks.push(current);
    }
}

/// The inline keyboard for the desk's buttons. A button Telegram would refuse (empty label, data
/// empty or over 64 bytes, a link that is not http(s)) is dropped with an error in the log, so the
/// message still goes out.
pub fn keyboard(rows: &[Vec<Button>]) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<Vec<InlineKeyboardButton>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .filter_map(|b| {
                    let made = if b.label.trim().is_empty() {
                        None
                    } else if let Some(link) = &b.url {
                        url::Url::parse(link)
                            .ok()
                            .filter(|u| matches!(u.scheme(), "http" | "https"))
                            .map(|u| InlineKeyboardButton::url(b.label.clone(), u))
                    } else if (1..=MAX_CALLBACK_DATA).contains(&b.data.len()) {
                        Some(InlineKeyboardButton::callback(
                            b.label.clone(),
                            b.data.clone(),
                        ))
                    } else {
                        None
                    };
                    if made.is_none() {
                        log::error!(
                            "dropping an invalid button {:?} (data {} bytes, link {:?})",
                            b.label,
                            b.data.len(),
                            b.url
                        );
                    }
                    made
                })
                .collect::<Vec<_>>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

/// A toast cut to Telegram's 200 characters.
pub fn toast_text(text: &str) -> String {
    if text.chars().count() <= MAX_TOAST_CHARS {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX_TOAST_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Errors that mean the chat will not take messages from the bot until something changes there.
pub fn is_undeliverable(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::BotBlocked
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::BotKickedFromChannel
            | ApiError::UserDeactivated
            | ApiError::CantInitiateConversation
            | ApiError::CantTalkWithBots
            | ApiError::ChatNotFound
    ) || matches!(error, ApiError::Unknown(text) if text.starts_with("Forbidden"))
}

/// Runs a request, waiting out `retry_after` and backing off on network errors. Other errors
/// return at once. `Throttle` already retries a 429 on sends; this covers every other method.
pub async fn with_retry<T, F, Fut>(what: &str, mut request: F) -> Result<T, RequestError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 1;
    loop {
        let error = match request().await {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        let wait = match &error {
            RequestError::RetryAfter(seconds) => seconds.duration(),
            RequestError::Network(_) | RequestError::Io(_) => {
                let wait = backoff;
                backoff *= 2;
                wait
            }
            _ => return Err(error),
        };
        if attempt >= ATTEMPTS {
            return Err(error);
        }
        log::warn!("{what}: attempt {attempt} failed, retrying in {wait:?}");
        attempt += 1;
        tokio::time::sleep(wait).await;
    }
}

/// Answers a button press: stops the client's spinner, showing `toast` when there is one.
pub async fn answer_callback(bot: &TgBot, id: &CallbackQueryId, toast: Option<&str>) {
    let result = with_retry("answerCallbackQuery", || {
        let request = bot.answer_callback_query(id.clone());
        match toast {
            Some(text) => request.text(toast_text(text)),
            None => request,
        }
        .into_future()
    })
    .await;
    if let Err(error) = result {
        // An expired query (the bot was down for a while) is harmless: the work still gets done.
        log::warn!("could not answer a button press: {}", redact(&error, bot));
    }
}

/// Delivers the desk's replies in order. Toasts are answered by the caller (see `schema`) and
/// skipped here. Once a chat turns out to be undeliverable, nothing more is sent to it, and what
/// the desk says about that (to the other side of a ticket) is delivered after the rest.
pub async fn deliver<D: Helpdesk>(bot: &TgBot, desk: &D, replies: Vec<Reply>) {
    let mut queue: VecDeque<Reply> = replies.into();
    let mut refused: Vec<i64> = Vec::new();
    while let Some(reply) = queue.pop_front() {
        match reply {
            Reply::Send {
                chat_id,
                text,
                buttons,
                reply_to,
                thread_id,
                track,
            } => {
                if refused.contains(&chat_id) {
                    continue;
                }
                let message = Outgoing {
                    chat_id,
                    text: &text,
                    buttons: &buttons,
                    reply_to,
                    thread_id,
                };
                if let Err(reason) = send(bot, desk, &message, track).await {
                    log::warn!("chat {chat_id} does not take messages from the bot: {reason}");
                    refused.push(chat_id);
                    match desk.undeliverable(chat_id, &reason).await {
                        Ok(more) => queue.extend(more),
                        Err(e) => log::error!(
                            "the desk could not record undeliverable chat {chat_id}: {e:#}"
                        ),
                    }
                }
            }
            Reply::ClearButtons {
                chat_id,
                message_id,
            } => clear_buttons(bot, chat_id, message_id).await,
            Reply::Toast { .. } => log::debug!("a toast outside a button press has nowhere to go"),
        }
    }
}

struct Outgoing<'a> {
    chat_id: i64,
    text: &'a str,
    buttons: &'a [Vec<Button>],
    reply_to: Option<i32>,
    thread_id: Option<i32>,
}

/// Sends one reply, split as needed. `Err(reason)` when the chat refuses the bot.
async fn send<D: Helpdesk>(
    bot: &TgBot,
    desk: &D,
    message: &Outgoing<'_>,
    track: Option<Track>,
) -> Result<(), String> {
    let chunks = split_text(message.text, MAX_TEXT_UTF16);
    let markup = keyboard(message.buttons);
    let last = chunks.len().saturating_sub(1);
    let mut chat_id = message.chat_id;
    for (i, chunk) in chunks.iter().enumerate() {
        let html = teloxide::utils::html::escape(chunk);
        let reply_to = if i == 0 { message.reply_to } else { None };
        let markup = if i == last { markup.clone() } else { None };
        let attempt = |chat_id: i64| {
            let (html, markup) = (html.clone(), markup.clone());
            with_retry("sendMessage", move || {
                let mut request = bot
                    .send_message(ChatId(chat_id), html.clone())
                    .parse_mode(ParseMode::Html);
                if let Some(id) = reply_to {
                    request = request.reply_parameters(
                        ReplyParameters::new(MessageId(id)).allow_sending_without_reply(),
                    );
                }
                if let Some(thread) = message.thread_id {
                    request = request.message_thread_id(ThreadId(MessageId(thread)));
                }
                if let Some(markup) = markup.clone() {
                    request = request.reply_markup(markup);
                }
                request.into_future()
            })
        };
        let sent = match attempt(chat_id).await {
            // The desk moves a migrated group's state on the service message; a reply racing it
            // still reaches the group under its new id.
            Err(RequestError::MigrateToChatId(new_id)) => {
                log::info!("chat {chat_id} became {}; sending there", new_id.0);
                chat_id = new_id.0;
                attempt(chat_id).await
            }
            other => other,
        };
        match sent {
            Ok(sent) => {
                if let Some(track) = track
                    && let Err(e) = desk.sent(track, chat_id, sent.id.0).await
                {
                    log::error!(
                        "the desk could not record sent message {} in chat {chat_id}: {e:#}",
                        sent.id.0
                    );
                }
            }
            Err(RequestError::Api(api)) if is_undeliverable(&api) => {
                // Telegram's own words ("Forbidden: bot was blocked by the user") for the desk.
                return Err(api.to_string());
            }
            Err(error) => {
                log::error!("sending to chat {chat_id} failed: {}", redact(&error, bot));
                // The rest of a split answer makes no sense without this part.
                return Ok(());
            }
        }
    }
    Ok(())
}

async fn clear_buttons(bot: &TgBot, chat_id: i64, message_id: i32) {
    let result = with_retry("editMessageReplyMarkup", || {
        bot.edit_message_reply_markup(ChatId(chat_id), MessageId(message_id))
            .into_future()
    })
    .await;
    match result {
        Ok(_) => {}
        // Pressed twice, or the buttons were already gone: nothing to do.
        Err(RequestError::Api(ApiError::MessageNotModified)) => {}
        Err(error) => log::warn!(
            "could not clear buttons in chat {chat_id}: {}",
            redact(&error, bot)
        ),
    }
}

#[cfg(test)]
mod tests;
