//! The helpdesk core: turns an [`Input`] (who, where, what) into [`Reply`]s.
//!
//! Nothing here knows about Telegram. The teloxide adapter, the console and the tests all build an
//! `Input`, call the desk, and deliver the `Reply`s they get back.
//!
//! Split by feature (as triagebot's `handlers/`):
//! - `service` — [`Desk`]: building, content reloads, the command list; `corpus` — the articles and
//!   the engine built from them; `handle` — `handle` (dedup, one transaction per update) and
//!   dispatch; `outside` — `ask`, `sent`, flood notices, trouble; `settle` ([`Settle`]) — how an
//!   adapter commits its own bookkeeping (inbox, outbox) in the desk's transaction;
//! - [`Command`] — every `/command` by name, for dispatch and the menus;
//! - `turn` — the per-update context handlers share; `lang` — choosing the reply language;
//! - [`about`] — answers built from an article itself ("what is it about?", short follow-ups);
//! - `conversation` — questions and answers, `/start`, `/help`, `/lang`, `/articles`, subscriptions,
//!   awkward input; `suggest` — suggested questions derived from the content;
//! - `buttons` — inline-button presses; [`callback`] — the `callback_data` codec;
//! - `admin` — publishing pages, `/remove`, `/stats`, `/unanswered`; [`insights`] — the reports
//!   behind those (shared with the CLI);
//! - `handoff` — tickets between readers and the support chat;
//! - `web` — admins' URLs, `/feeds` commands, announcing what the feed poller imported;
//! - [`texts`] — the one catalogue of every text, in Indonesian and English.

pub mod about;
mod admin;
mod buttons;
pub mod callback;
mod command;
mod conversation;
mod corpus;
mod handle;
mod handoff;
pub mod insights;
mod lang;
mod outside;
mod service;
mod settle;
mod suggest;
pub mod texts;
mod turn;
mod web;

pub use self::command::Command;
pub use self::service::{Desk, DeskSettings};
pub use self::settle::{Push, ReturnOnly, Settle, Settling};
pub use self::web::{Adopt, Round, Stored};

/// Which kind of chat an input came from. Groups answer only when addressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatKind {
    Private,
    Group,
}

/// The person behind an input (absent for channel posts and the like).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub user_id: i64,
    pub first_name: String,
    pub username: Option<String>,
    /// IETF tag from the client (`id`, `en-US`), when it sent one.
    pub language_code: Option<String>,
    /// True when the message was sent on behalf of a chat (anonymous group admin): never an admin.
    pub is_anonymous: bool,
}

/// Where an input happened and where replies go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub chat_id: i64,
    pub kind: ChatKind,
    /// Forum topic, when the group has topics; replies go to the same topic.
    pub thread_id: Option<i32>,
    /// The message that carried the input, so groups can reply to it.
    pub message_id: Option<i32>,
}

/// Content with no text to answer, named so the desk's reply can say what it cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    Sticker,
    Photo,
    Voice,
    Video,
    VideoNote,
    Audio,
    Animation,
    /// A location or a venue.
    Location,
    Contact,
    Poll,
    Dice,
    Story,
    /// Content the adapter could not read (teloxide parsed it as empty) or has no name for.
    Other,
}

/// What happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A plain text message (in groups: only when the adapter saw it was addressed to the bot,
    /// with the bot's mention already removed). `edited` is true for an edited message.
    Text { text: String, edited: bool },
    /// `/name args`, with any `@botname` suffix already checked and removed by the adapter.
    Command { name: String, args: String },
    /// An inline-button press: the button's `data` and the message the button was on.
    Callback { data: String, message_id: i32 },
    /// A document was sent. `bytes` is `None` when it was too big to download.
    Document {
        file_name: Option<String>,
        bytes: Option<Vec<u8>>,
        size: u64,
    },
    /// Stickers, photos, voice, video and other content with no text to answer.
    Unsupported { what: Media },
    /// The bot was added to a group.
    AddedToGroup,
    /// The group became a supergroup with a new id; state moves there.
    Migrated { to_chat_id: i64 },
}

/// One input to the desk.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// Monotonic id of the transport update (Telegram `update_id`), used to skip re-deliveries.
    pub update_id: Option<i64>,
    pub place: Place,
    pub sender: Option<Sender>,
    /// The message this one replies to, when it is a reply (staff answer tickets by replying).
    pub replying_to: Option<i32>,
    pub event: Event,
}

/// An inline button under a reply: pressing it comes back as [`Event::Callback`] with `data`,
/// or, for a link button (`url` set, `data` empty), opens the web page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    /// At most 64 bytes (Telegram's `callback_data` limit). Empty for a link button.
    pub data: String,
    /// An http(s) address the button opens instead of coming back ("Baca selengkapnya").
    pub url: Option<String>,
}

impl Button {
    /// A button whose press comes back with `data`.
    pub fn callback(label: impl Into<String>, data: impl Into<String>) -> Button {
        Button {
            label: label.into(),
            data: data.into(),
            url: None,
        }
    }

    /// A button that opens `url`.
    pub fn link(label: impl Into<String>, url: impl Into<String>) -> Button {
        Button {
            label: label.into(),
            data: String::new(),
            url: Some(url.into()),
        }
    }
}

/// What the desk wants delivered.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// Send a new message. `text` is plain text; the adapter escapes and splits it.
    Send {
        chat_id: i64,
        text: String,
        /// Rows of buttons.
        buttons: Vec<Vec<Button>>,
        reply_to: Option<i32>,
        thread_id: Option<i32>,
        /// Set when the desk must learn the id of the sent message (see [`Track`]); the adapter
        /// reports it back with `Desk::sent`.
        track: Option<Track>,
    },
    /// The short notice shown for a button press (answerCallbackQuery text).
    Toast { text: String },
    /// Remove the buttons from a message whose buttons were used.
    ClearButtons { chat_id: i64, message_id: i32 },
}

/// Why the desk wants to know the id a sent message got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Track {
    /// A message about a ticket in the support chat: staff reply to it to answer the reader.
    Ticket { ticket_id: i64 },
}
