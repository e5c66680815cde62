//! What the desk does outside a reader's turn: the CLI's `ask`, recording delivered messages,
//! flood notices and what to say when the store keeps failing.

use chrono::Utc;

use super::service::Desk;
use super::settle::{ReturnOnly, Settle};
use super::turn::Turn;
use super::{ChatKind, Event, Input, Place, Reply, Track, lang};
use crate::nlu::{Answer, Lang, Question};

impl Desk {
    /// Answers `text` in the conversation of chat `chat_id` — its topic used and renewed, the
    /// question logged and counted — and returns the answer whose `text` is exactly what a reader
    /// would be sent. This is `newsdesk ask --chat ID`; `lang` overrides the chat's language.
    pub async fn ask(
        &self,
        chat_id: i64,
        text: &str,
        lang: Option<Lang>,
    ) -> anyhow::Result<Answer> {
        let now = Utc::now();
        let input = Input {
            update_id: None,
            place: Place {
                chat_id,
                kind: if chat_id < 0 {
                    ChatKind::Group
                } else {
                    ChatKind::Private
                },
                thread_id: None,
                message_id: None,
            },
            sender: None,
            replying_to: None,
            event: Event::Text {
                text: text.to_string(),
                edited: false,
            },
        };
        let mut tx = self.store.begin_write().await?;
        let chat = tx.chat_state(chat_id, chat_id < 0, now).await?;
        let mut turn = Turn {
            lang: lang::for_chat(&chat, None),
            input: &input,
            tx,
            chat,
            now,
            replies: Vec::new(),
            after: Vec::new(),
            page: None,
        };
        let answer = match self.respond(&mut turn, text, lang).await? {
            Some(responded) => responded.answer,
            // Nothing to answer: the engine's own reply to an empty question, not logged.
            None => self.engine().answer(&Question {
                text,
                lang: lang.or(turn.chat.language),
                context: None,
            }),
        };
        let Turn {
            mut tx, mut chat, ..
        } = turn;
        chat.last_seen = now;
        tx.save_chat_state(&chat).await?;
        tx.commit().await?;
        Ok(answer)
    }

    /// Records the id a tracked message got once delivered (see [`Track`]).
    pub async fn sent(&self, track: Track, chat_id: i64, message_id: i32) -> anyhow::Result<()> {
        self.sent_settled(track, chat_id, message_id, &ReturnOnly)
            .await
    }

    /// As [`Desk::sent`], with the adapter's bookkeeping (the message leaves its outbox) in the
    /// same transaction.
    pub async fn sent_settled(
        &self,
        track: Track,
        chat_id: i64,
        message_id: i32,
        settle: &dyn Settle,
    ) -> anyhow::Result<()> {
        let mut tx = self.store.begin_write().await?;
        match track {
            Track::Ticket { ticket_id } => {
                tx.track_support_message(chat_id, message_id, ticket_id)
                    .await?
            }
        }
        settle.settle(&mut tx, &[], Utc::now()).await?;
        tx.commit().await
    }

    /// A chat is flooding the bot: one notice, in the chat's language, that its next messages wait.
    /// `settle` records the messages left unanswered in the same transaction.
    pub async fn slow_down(
        &self,
        input: &Input,
        notify: bool,
        settle: &dyn Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        let now = Utc::now();
        let mut tx = self.store.begin_write().await?;
        let chat = tx
            .chat_state(
                input.place.chat_id,
                input.place.kind == ChatKind::Group,
                now,
            )
            .await?;
        let replies = if notify {
            let lang = lang::for_chat(&chat, input.sender.as_ref());
            vec![plain_reply(
                input,
                super::texts::Text::SlowDown.render(lang),
            )]
        } else {
            Vec::new()
        };
        settle.settle(&mut tx, &replies, now).await?;
        tx.commit().await?;
        Ok(replies)
    }

    /// What a reader is told when their message could not be handled for a long while (the store
    /// kept failing): nothing in groups. Needs no store, which may be what is failing.
    pub fn trouble(&self, input: &Input) -> Option<Reply> {
        if input.place.kind == ChatKind::Group {
            return None;
        }
        let lang = lang::of_client(input.sender.as_ref()).unwrap_or(Lang::Id);
        Some(plain_reply(input, super::texts::Text::Trouble.render(lang)))
    }
}
/// A plain message into the chat an input came from (a reply to it in groups).
fn plain_reply(input: &Input, text: String) -> Reply {
    Reply::Send {
        chat_id: input.place.chat_id,
        text,
        buttons: Vec::new(),
        reply_to: match input.place.kind {
            ChatKind::Group => input.place.message_id,
            ChatKind::Private => None,
        },
        thread_id: input.place.thread_id,
        track: None,
    }
}
