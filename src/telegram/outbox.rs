//! What the adapter queues in the store's outbox: one Bot API call per row, encoded as JSON, and
//! the [`Settle`] implementations that queue them inside the desk's transactions — a turn's
//! replies together with its inbox row marked handled, a delivered message together with its
//! removal from the outbox, and messages nobody asked for (the feed poller's) through the
//! [`Outlet`].
//!
//! A reply is cut into its calls when queued (long texts split, HTML escaped, the keyboard on the
//! last part), so each row is one request whose outcome is recorded on its own.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use teloxide::types::InlineKeyboardMarkup;

use super::outbound::{MAX_TEXT_UTF16, keyboard, split_text, toast_text};
use tokio::sync::Notify;

use crate::desk::{Push, Reply, Settle, Settling, Track};
use crate::store::{Handled, Tx};

/// One queued Bot API call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "call", rename_all = "snake_case")]
pub enum Call {
    /// `sendMessage` of one part of a reply (HTML, already escaped).
    Send {
        chat_id: i64,
        html: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reply_to: Option<i32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        thread_id: Option<i32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keyboard: Option<InlineKeyboardMarkup>,
        /// The desk wants the message id (a ticket message in the support chat).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ticket: Option<i64>,
    },
    /// `answerCallbackQuery`, with the toast when there is one.
    Answer {
        callback_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
    /// `editMessageReplyMarkup` without a keyboard.
    ClearButtons { chat_id: i64, message_id: i32 },
}

impl Call {
    /// Whether Telegram counts it against the chat's message limits.
    pub fn is_message(&self) -> bool {
        matches!(self, Call::Send { .. })
    }

    pub fn method(&self) -> &'static str {
        match self {
            Call::Send { .. } => "sendMessage",
            Call::Answer { .. } => "answerCallbackQuery",
            Call::ClearButtons { .. } => "editMessageReplyMarkup",
        }
    }

    /// The JSON body of the request.
    pub fn body(&self) -> Value {
        match self {
            Call::Send {
                chat_id,
                html,
                reply_to,
                thread_id,
                keyboard,
                ..
            } => {
                let mut body = json!({"chat_id": chat_id, "text": html, "parse_mode": "HTML"});
                if let Some(id) = reply_to {
                    body["reply_parameters"] =
                        json!({"message_id": id, "allow_sending_without_reply": true});
                }
                if let Some(thread) = thread_id {
                    body["message_thread_id"] = json!(thread);
                }
                if let Some(markup) = keyboard {
                    body["reply_markup"] = serde_json::to_value(markup).unwrap_or(Value::Null);
                }
                body
            }
            Call::Answer { callback_id, text } => {
                let mut body = json!({"callback_query_id": callback_id});
                if let Some(text) = text {
                    body["text"] = json!(text);
                }
                body
            }
            Call::ClearButtons {
                chat_id,
                message_id,
            } => json!({"chat_id": chat_id, "message_id": message_id}),
        }
    }

    /// The same call to a group's new supergroup id.
    pub fn moved_to(&mut self, to: i64) {
        match self {
            Call::Send { chat_id, .. } | Call::ClearButtons { chat_id, .. } => *chat_id = to,
            Call::Answer { .. } => {}
        }
    }

    /// A ticket message with no reply target yet: the sender makes it a reply to the ticket's
    /// first message in the support chat when that one has been delivered by then (the reader
    /// wrote again before it was), so staff see the thread.
    pub fn awaits_ticket_head(&self) -> Option<(i64, i64)> {
        match self {
            Call::Send {
                chat_id,
                reply_to: None,
                ticket: Some(ticket_id),
                ..
            } => Some((*chat_id, *ticket_id)),
            _ => None,
        }
    }

    /// Sets the reply target found by [`Call::awaits_ticket_head`] (none: the head is this one).
    pub fn reply_to_ticket_head(&mut self, head: Option<i32>) {
        if let Call::Send { reply_to, .. } = self {
            *reply_to = head;
        }
    }

    pub fn track(&self) -> Option<Track> {
        match self {
            Call::Send {
                ticket: Some(ticket_id),
                ..
            } => Some(Track::Ticket {
                ticket_id: *ticket_id,
            }),
            _ => None,
        }
    }
}

/// The calls that deliver `replies`: `(chat whose order they keep, call)`. A toast becomes the
/// answer to `callback` (the press being handled), or nothing when there is none.
pub fn calls_for(replies: &[Reply], callback: Option<(&str, i64)>) -> Vec<(i64, Call)> {
    let mut calls = Vec::new();
    for reply in replies {
        match reply {
            Reply::Send {
                chat_id,
                text,
                buttons,
                reply_to,
                thread_id,
                track,
            } => {
                let chunks = split_text(text, MAX_TEXT_UTF16);
                let last = chunks.len().saturating_sub(1);
                let markup = keyboard(buttons);
                let ticket = track.map(|Track::Ticket { ticket_id }| ticket_id);
                for (i, chunk) in chunks.iter().enumerate() {
                    calls.push((
                        *chat_id,
                        Call::Send {
                            chat_id: *chat_id,
                            html: super::outbound::bold_marked(&teloxide::utils::html::escape(
                                chunk,
                            )),
                            reply_to: if i == 0 { *reply_to } else { None },
                            thread_id: *thread_id,
                            keyboard: if i == last { markup.clone() } else { None },
                            ticket,
                        },
                    ));
                }
            }
            Reply::Toast { text } => {
                if let Some((callback_id, chat_id)) = callback {
                    calls.push((
                        chat_id,
                        Call::Answer {
                            callback_id: callback_id.to_string(),
                            text: (!text.is_empty()).then(|| toast_text(text)),
                        },
                    ));
                }
            }
            Reply::ClearButtons {
                chat_id,
                message_id,
            } => calls.push((
                *chat_id,
                Call::ClearButtons {
                    chat_id: *chat_id,
                    message_id: *message_id,
                },
            )),
        }
    }
    calls
}

/// Queues calls in the outbox, held when the transaction says they announce a content change
/// ([`Tx::hold_outbox`]).
pub async fn enqueue(tx: &mut Tx, calls: &[(i64, Call)], now: DateTime<Utc>) -> anyhow::Result<()> {
    let hold = tx.outbox_hold();
    for (chat_id, call) in calls {
        // A button press's answer announces nothing, and Telegram stops taking it after a few
        // seconds, which a rebuild of a large archive can outlast. It is the turn's first call,
        // so letting it go first keeps the chat's order.
        let held = hold.filter(|_| !matches!(call, Call::Answer { .. }));
        tx.enqueue(*chat_id, &serde_json::to_string(call)?, held, now)
            .await?;
    }
    Ok(())
}

/// A turn's bookkeeping: its replies queued, its inbox rows marked.
pub struct TurnDone {
    pub inbox_ids: Vec<i64>,
    pub how: Handled,
    /// `(callback query id, chat)` when the update was a button press.
    pub callback: Option<(String, i64)>,
}

impl Settle for TurnDone {
    fn settle<'a>(
        &'a self,
        tx: &'a mut Tx,
        replies: &'a [Reply],
        now: DateTime<Utc>,
    ) -> Settling<'a> {
        Box::pin(async move {
            let callback = self
                .callback
                .as_ref()
                .map(|(id, chat)| (id.as_str(), *chat));
            let mut calls = calls_for(replies, callback);
            // A press is always answered, first, even when the desk had nothing to show.
            if let Some((callback_id, chat_id)) = callback
                && !calls.iter().any(|(_, c)| matches!(c, Call::Answer { .. }))
            {
                calls.insert(
                    0,
                    (
                        chat_id,
                        Call::Answer {
                            callback_id: callback_id.to_string(),
                            text: None,
                        },
                    ),
                );
            }
            enqueue(tx, &calls, now).await?;
            tx.finish_updates(&self.inbox_ids, self.how, now).await
        })
    }
}

/// A delivered (or abandoned) call leaves the outbox; replies the desk adds are queued.
pub struct OutboxDone {
    pub ids: Vec<i64>,
    /// A chat that refuses the bot: everything still queued for it is dropped too.
    pub drop_chat: Option<i64>,
}

impl Settle for OutboxDone {
    fn settle<'a>(
        &'a self,
        tx: &'a mut Tx,
        replies: &'a [Reply],
        now: DateTime<Utc>,
    ) -> Settling<'a> {
        Box::pin(async move {
            tx.outbox_done(&self.ids).await?;
            if let Some(chat_id) = self.drop_chat {
                let dropped = tx.drop_outbox_of_chat(chat_id).await?;
                if !dropped.is_empty() {
                    log::info!(
                        "dropped {} queued call(s) to chat {chat_id}, which refuses the bot",
                        dropped.len()
                    );
                }
            }
            enqueue(tx, &calls_for(replies, None), now).await
        })
    }
}

/// Messages the desk sends on its own (the feed poller's notices and review previews): queued in
/// the outbox in the transaction that caused them, like a turn's replies, and the sender woken once
/// that transaction committed. One per bot ([`super::Config::outlet`]); clones share the wake-up.
#[derive(Clone, Default)]
pub struct Outlet {
    wake: Arc<Notify>,
}

impl Outlet {
    /// What the sender listens to.
    pub(super) fn wake(&self) -> Arc<Notify> {
        self.wake.clone()
    }
}

impl Settle for Outlet {
    fn settle<'a>(
        &'a self,
        tx: &'a mut Tx,
        replies: &'a [Reply],
        now: DateTime<Utc>,
    ) -> Settling<'a> {
        Box::pin(async move { enqueue(tx, &calls_for(replies, None), now).await })
    }
}

impl Push for Outlet {
    fn committed(&self) {
        self.wake.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::Button;

    #[test]
    fn a_long_reply_becomes_several_sends_with_the_keyboard_on_the_last() {
        let text = ["word ".repeat(500), "more ".repeat(500)].join("\n\n");
        let reply = Reply::Send {
            chat_id: -5,
            text,
            buttons: vec![vec![Button::callback("👍", "fb:up")]],
            reply_to: Some(9),
            thread_id: Some(3),
            track: None,
        };
        let calls = calls_for(&[reply], None);
        assert_eq!(calls.len(), 2);
        match (&calls[0].1, &calls[1].1) {
            (
                Call::Send {
                    reply_to: Some(9),
                    keyboard: None,
                    ..
                },
                Call::Send {
                    reply_to: None,
                    keyboard: Some(_),
                    thread_id: Some(3),
                    ..
                },
            ) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_call_survives_its_trip_through_the_outbox_as_json() {
        let call = Call::Send {
            chat_id: 42,
            html: "a &lt; b".into(),
            reply_to: None,
            thread_id: None,
            keyboard: keyboard(&[vec![Button::callback("x", "y")]]),
            ticket: Some(7),
        };
        let back: Call = serde_json::from_str(&serde_json::to_string(&call).unwrap()).unwrap();
        assert_eq!(back, call);
        assert_eq!(back.track(), Some(Track::Ticket { ticket_id: 7 }));
        assert_eq!(
            back.body()["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
            "y"
        );
    }

    #[test]
    fn a_link_button_reaches_the_request_as_a_url_button() {
        let reply = Reply::Send {
            chat_id: 42,
            text: "Jawaban".into(),
            buttons: vec![vec![Button::link(
                "Baca selengkapnya",
                "https://warta.example/a/1",
            )]],
            reply_to: None,
            thread_id: None,
            track: None,
        };
        let (_, call) = calls_for(&[reply], None).remove(0);
        let back: Call = serde_json::from_str(&serde_json::to_string(&call).unwrap()).unwrap();
        let button = &back.body()["reply_markup"]["inline_keyboard"][0][0];
        assert_eq!(button["text"], "Baca selengkapnya");
        assert_eq!(button["url"], "https://warta.example/a/1");
        assert!(button.get("callback_data").is_none(), "{button}");
    }
}
