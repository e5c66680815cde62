//! One update being handled: the input, its open transaction, the chat's state, the reply
//! language, and the replies collected so far. Every handler works on a `Turn`.

use chrono::{DateTime, Utc};

use super::texts::Text;
use super::{Button, ChatKind, Input, Reply, Track};
use crate::nlu::Lang;
use crate::store::{ChatState, Draft, Tx};

/// Work that needs the store outside the turn's transaction, done right after it commits.
pub(super) enum After {
    /// Import a draft the admin confirmed, reload the content, notify subscribers.
    Publish { draft: Draft },
    /// Remove an article and reload the content.
    Remove { article_id: i64 },
}

pub(super) struct Turn<'a> {
    pub input: &'a Input,
    pub tx: Tx,
    pub chat: ChatState,
    /// The language of everything but answers (those follow their question, see `lang`).
    pub lang: Lang,
    pub now: DateTime<Utc>,
    pub replies: Vec<Reply>,
    pub after: Vec<After>,
    /// The page an admin sent as a URL, fetched before the turn began.
    pub page: Option<super::web::FetchedPage>,
}

impl Turn<'_> {
    pub fn chat_id(&self) -> i64 {
        self.input.place.chat_id
    }

    pub fn is_group(&self) -> bool {
        self.input.place.kind == ChatKind::Group
    }

    /// Whose conversation a follow-up belongs to: the whole chat in private (0), each member in
    /// a group (so two people asking at once do not mix their topics).
    pub fn conversation_key(&self) -> i64 {
        match (self.input.place.kind, &self.input.sender) {
            (ChatKind::Group, Some(sender)) => sender.user_id,
            _ => 0,
        }
    }

    pub fn sender_name(&self) -> &str {
        self.input
            .sender
            .as_ref()
            .map(|s| s.first_name.as_str())
            .unwrap_or("")
    }

    /// A message into the chat the input came from: in groups a reply to the asking message, in
    /// its forum topic.
    pub fn say_with(&mut self, text: String, buttons: Vec<Vec<Button>>) {
        let place = &self.input.place;
        let reply_to = match place.kind {
            ChatKind::Group => place.message_id,
            ChatKind::Private => None,
        };
        self.replies.push(Reply::Send {
            chat_id: place.chat_id,
            text,
            buttons,
            reply_to,
            thread_id: place.thread_id,
            track: None,
        });
    }

    pub fn say(&mut self, text: Text<'_>) {
        let text = text.render(self.lang);
        self.say_with(text, Vec::new());
    }

    /// A message to another chat (the support chat, a reader, a subscriber).
    pub fn send_to(
        &mut self,
        chat_id: i64,
        text: String,
        reply_to: Option<i32>,
        track: Option<Track>,
    ) {
        self.replies.push(Reply::Send {
            chat_id,
            text,
            buttons: Vec::new(),
            reply_to,
            thread_id: None,
            track,
        });
    }

    /// The notice for a button press. Only the first counts (see `Desk::handle`).
    pub fn toast(&mut self, text: Text<'_>) {
        let text = text.render(self.lang);
        self.replies.push(Reply::Toast { text });
    }

    /// Answers a button press without a visible notice.
    pub fn toast_silently(&mut self) {
        self.replies.push(Reply::Toast {
            text: String::new(),
        });
    }

    /// Removes the buttons of the message a pressed button was on.
    pub fn clear_buttons(&mut self, message_id: i32) {
        self.replies.push(Reply::ClearButtons {
            chat_id: self.input.place.chat_id,
            message_id,
        });
    }

    pub fn button(&self, text: Text<'_>, action: super::callback::Action) -> Button {
        Button::callback(text.render(self.lang), action.encode())
    }
}
