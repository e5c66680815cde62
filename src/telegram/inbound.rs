//! Update → [`Input`]: decides what the desk sees (pure, no I/O). In private chats everything is
//! for the bot; in groups only what is addressed to it — a command without a suffix or with ours,
//! a reply to one of its messages, or a mention of its username (removed from the text).

use teloxide::types::{
    CallbackQuery, ChatMemberUpdated, Message, MessageEntityKind, MessageEntityRef, MessageKind,
};

use crate::desk::{ChatKind, Event, Input, Media, Place, Sender};

/// Who the bot is, from `getMe`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BotIdentity {
    pub id: i64,
    /// Without the `@`.
    pub username: String,
}

impl From<&teloxide::types::Me> for BotIdentity {
    fn from(me: &teloxide::types::Me) -> Self {
        Self {
            id: me.id.0 as i64,
            username: me.user.username.clone().unwrap_or_default(),
        }
    }
}

/// A message or an edited message. Documents come out with `bytes: None`: the caller downloads
/// them when it wants to (see `schema`).
pub fn from_message(
    update_id: i64,
    msg: &Message,
    bot: &BotIdentity,
    edited: bool,
) -> Option<Input> {
    let kind = chat_kind(msg)?;
    let event = match kind {
        ChatKind::Private => private_event(msg, bot, edited)?,
        // Groups see edits of any message, including ones not meant for the bot: never re-answer.
        ChatKind::Group if edited => return None,
        ChatKind::Group => group_event(msg, bot)?,
    };
    Some(Input {
        update_id: Some(update_id),
        place: place_of(msg, kind),
        sender: sender_of(msg),
        replying_to: msg.reply_to_message().map(|original| original.id.0),
        event,
    })
}

/// A button press. `None` when it carries no data or no message (inline-mode buttons, which this
/// bot never sends); the caller still answers the query.
pub fn from_callback(update_id: i64, query: &CallbackQuery) -> Option<Input> {
    let data = query.data.clone()?;
    let message = query.message.as_ref()?;
    let chat = message.chat();
    let kind = if chat.is_private() {
        ChatKind::Private
    } else if chat.is_group() || chat.is_supergroup() {
        ChatKind::Group
    } else {
        return None;
    };
    let regular = message.regular_message();
    let thread_id = regular
        .filter(|m| m.is_topic_message)
        .and_then(|m| m.thread_id)
        .map(|t| t.0.0);
    Some(Input {
        update_id: Some(update_id),
        place: Place {
            chat_id: chat.id.0,
            kind,
            thread_id,
            message_id: Some(message.id().0),
        },
        sender: Some(Sender {
            user_id: query.from.id.0 as i64,
            first_name: query.from.first_name.clone(),
            username: query.from.username.clone(),
            language_code: query.from.language_code.clone(),
            is_anonymous: false,
        }),
        replying_to: None,
        event: Event::Callback {
            data,
            message_id: message.id().0,
        },
    })
}

/// The bot's own membership changed. Only "joined a group" matters to the desk: Telegram also
/// sends a `new_chat_members` service message for the same event, which `from_message` ignores so
/// the group is greeted once.
pub fn from_membership(
    update_id: i64,
    update: &ChatMemberUpdated,
    bot: &BotIdentity,
) -> Option<Input> {
    if update.new_chat_member.user.id.0 as i64 != bot.id {
        return None;
    }
    let chat = &update.chat;
    if !(chat.is_group() || chat.is_supergroup()) {
        return None;
    }
    let was_in = update.old_chat_member.is_present();
    let is_in = update.new_chat_member.is_present();
    if was_in || !is_in {
        return None;
    }
    Some(Input {
        update_id: Some(update_id),
        place: Place {
            chat_id: chat.id.0,
            kind: ChatKind::Group,
            thread_id: None,
            message_id: None,
        },
        sender: Some(Sender {
            user_id: update.from.id.0 as i64,
            first_name: update.from.first_name.clone(),
            username: update.from.username.clone(),
            language_code: update.from.language_code.clone(),
            is_anonymous: false,
        }),
        replying_to: None,
        event: Event::AddedToGroup,
    })
}

fn chat_kind(msg: &Message) -> Option<ChatKind> {
    if msg.chat.is_private() {
        Some(ChatKind::Private)
    } else if msg.chat.is_group() || msg.chat.is_supergroup() {
        Some(ChatKind::Group)
    } else {
        None // channels: the bot does not serve them
    }
}

fn place_of(msg: &Message, kind: ChatKind) -> Place {
    // `message_thread_id` is also set on replies in non-forum threads, where sending with it fails.
    let thread_id = if msg.is_topic_message {
        msg.thread_id.map(|t| t.0.0)
    } else {
        None
    };
    Place {
        chat_id: msg.chat.id.0,
        kind,
        thread_id,
        message_id: Some(msg.id.0),
    }
}

fn sender_of(msg: &Message) -> Option<Sender> {
    let from = msg.from.as_ref()?;
    Some(Sender {
        user_id: from.id.0 as i64,
        first_name: from.first_name.clone(),
        username: from.username.clone(),
        language_code: from.language_code.clone(),
        // Sent on behalf of a chat (anonymous admin, linked channel): `from` is a placeholder.
        is_anonymous: msg.sender_chat.is_some(),
    })
}

fn private_event(msg: &Message, bot: &BotIdentity, edited: bool) -> Option<Event> {
    if let Some(text) = msg.text() {
        return match parse_command(text, bot) {
            Addressed::Command { name, args } => Some(Event::Command { name, args }),
            Addressed::OtherBot => None,
            Addressed::NotACommand => Some(Event::Text {
                text: text.to_string(),
                edited,
            }),
        };
    }
    if edited {
        return None; // an edited caption: nothing new to answer
    }
    if let Some(doc) = msg.document() {
        return Some(Event::Document {
            file_name: doc.file_name.clone(),
            bytes: None,
            size: u64::from(doc.file.size),
        });
    }
    if let Some(to) = msg.migrate_to_chat_id() {
        return Some(Event::Migrated { to_chat_id: to.0 });
    }
    if let Some(what) = unsupported(msg) {
        return Some(Event::Unsupported { what });
    }
    // Content teloxide could not read (it parses as an empty message) or a kind named nowhere
    // above (a game, paid media) still deserves a reply; service messages do not.
    matches!(msg.kind, MessageKind::Common(_) | MessageKind::Empty {})
        .then_some(Event::Unsupported { what: Media::Other })
}

fn group_event(msg: &Message, bot: &BotIdentity) -> Option<Event> {
    if let Some(to) = msg.migrate_to_chat_id() {
        return Some(Event::Migrated { to_chat_id: to.0 });
    }
    let replies_to_bot = msg
        .reply_to_message()
        .and_then(|original| original.from.as_ref())
        .is_some_and(|author| author.id.0 as i64 == bot.id);
    if let Some(text) = msg.text() {
        match parse_command(text, bot) {
            Addressed::Command { name, args } => return Some(Event::Command { name, args }),
            Addressed::OtherBot => return None,
            Addressed::NotACommand => {}
        }
        let entities = msg.parse_entities().unwrap_or_default();
        if let Some(stripped) = strip_mentions(text, &entities, bot) {
            return Some(Event::Text {
                text: stripped,
                edited: false,
            });
        }
        return replies_to_bot.then(|| Event::Text {
            text: text.to_string(),
            edited: false,
        });
    }
    // Media in a group is only ours when it replies to the bot or its caption mentions the bot.
    let caption_mentions = msg
        .caption()
        .zip(msg.parse_caption_entities())
        .is_some_and(|(caption, entities)| strip_mentions(caption, &entities, bot).is_some());
    if !(replies_to_bot || caption_mentions) {
        return None;
    }
    if let Some(doc) = msg.document() {
        return Some(Event::Document {
            file_name: doc.file_name.clone(),
            bytes: None,
            size: u64::from(doc.file.size),
        });
    }
    unsupported(msg).map(|what| Event::Unsupported { what })
}

/// Content with no text to answer, named for the desk's reply. Service messages give `None`.
fn unsupported(msg: &Message) -> Option<Media> {
    let what = if msg.sticker().is_some() {
        Media::Sticker
    } else if msg.photo().is_some() {
        Media::Photo
    } else if msg.voice().is_some() {
        Media::Voice
    } else if msg.video().is_some() {
        Media::Video
    } else if msg.video_note().is_some() {
        Media::VideoNote
    } else if msg.audio().is_some() {
        Media::Audio
    } else if msg.animation().is_some() {
        Media::Animation
    } else if msg.location().is_some() || msg.venue().is_some() {
        Media::Location
    } else if msg.contact().is_some() {
        Media::Contact
    } else if msg.poll().is_some() {
        Media::Poll
    } else if msg.dice().is_some() {
        Media::Dice
    } else if msg.story().is_some() {
        Media::Story
    } else {
        return None;
    };
    Some(what)
}

#[derive(Debug, PartialEq)]
enum Addressed {
    Command {
        name: String,
        args: String,
    },
    /// `/cmd@another_bot`: someone else's command.
    OtherBot,
    NotACommand,
}

/// `/name[@bot] args` → the command, when it is for this bot. Names are lower-cased.
fn parse_command(text: &str, bot: &BotIdentity) -> Addressed {
    let Some(rest) = text.strip_prefix('/') else {
        return Addressed::NotACommand;
    };
    let (head, args) = match rest.find(char::is_whitespace) {
        Some(i) => (&rest[..i], rest[i..].trim()),
        None => (rest, ""),
    };
    let (name, target) = match head.split_once('@') {
        Some((name, target)) => (name, Some(target)),
        None => (head, None),
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Addressed::NotACommand;
    }
    if target.is_some_and(|t| !t.eq_ignore_ascii_case(&bot.username)) {
        return Addressed::OtherBot;
    }
    Addressed::Command {
        name: name.to_ascii_lowercase(),
        args: args.to_string(),
    }
}

/// The text with every mention of the bot removed, or `None` when it does not mention the bot.
/// Covers `@username` mentions and `text_mention`s (users without a username are linked by id).
fn strip_mentions(
    text: &str,
    entities: &[MessageEntityRef<'_>],
    bot: &BotIdentity,
) -> Option<String> {
    let ours: Vec<_> = entities
        .iter()
        .filter(|e| match e.kind() {
            MessageEntityKind::Mention => e
                .text()
                .trim_start_matches('@')
                .eq_ignore_ascii_case(&bot.username),
            MessageEntityKind::TextMention { user } => user.id.0 as i64 == bot.id,
            _ => false,
        })
        .map(|e| e.range())
        .collect();
    if ours.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for range in ours {
        out.push_str(&text[last..range.start]);
        last = range.end;
    }
    out.push_str(&text[last..]);
    // "@bot, kapan?" / "@bot: kapan?" → "kapan?"
    let squeezed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(
        squeezed
            .trim_matches(|c: char| matches!(c, ',' | ':' | ' '))
            .to_string(),
    )
}

#[cfg(test)]
mod tests;
