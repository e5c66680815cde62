//! The shapes of outgoing messages: texts split under Telegram's limit, inline keyboards, toasts,
//! which errors mean a chat refuses the bot, and a retry helper for the few direct calls (start-up,
//! `setMyCommands`). Replies themselves are queued by [`super::outbox`] and sent by
//! [`super::sender`].

use std::future::Future;
use std::time::Duration;

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};
use teloxide::{ApiError, RequestError};

use crate::desk::Button;

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
/// return at once.
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

/// The core marks the sentence that answers with `**…**` (plain text on the console and in JSON);
/// in Telegram's HTML it is bold. An unpaired marker is left as written.
pub(super) fn bold_marked(html: &str) -> String {
    let parts: Vec<&str> = html.split("**").collect();
    if parts.len() < 3 {
        return html.to_string();
    }
    let pairs = (parts.len() - 1) / 2;
    let mut out = String::with_capacity(html.len() + pairs * 3);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(match i {
                i if i > pairs * 2 => "**",
                i if i % 2 == 1 => "<b>",
                _ => "</b>",
            });
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests;
