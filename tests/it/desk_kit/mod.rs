//! Helpers for the desk tests: a real `Desk` over a `TestApp` (fresh migrated SQLite file), people
//! and chats that build `Input`s, and readers of the `Reply`s that come back.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use newsdesk::desk::{
    Button, ChatKind, Desk, DeskSettings, Event, Input, Place, Reply, Sender, Track,
};
use newsdesk::nlu::{Intents, Lexicon};

use crate::common::{TestApp, TestAppBuilder};

/// Update ids grow across the whole test binary, as Telegram's do for one bot.
static NEXT_UPDATE: AtomicI64 = AtomicI64::new(1000);

pub fn next_update() -> i64 {
    NEXT_UPDATE.fetch_add(1, Ordering::SeqCst)
}

/// A desk on a test app's database.
pub struct DeskApp {
    pub test: TestApp,
    pub desk: Arc<Desk>,
}

impl DeskApp {
    /// The seed content, the given builder's settings.
    pub async fn start(builder: TestAppBuilder) -> DeskApp {
        let test = builder.seed_content().build().await;
        let desk = Arc::new(desk_for(&test.app).await);
        DeskApp { test, desk }
    }

    /// A new desk on the same database file, as after a restart.
    pub async fn restart(&mut self) {
        let app = self.test.restart().await;
        self.desk = Arc::new(desk_for(&app).await);
    }

    pub async fn handle(&self, input: Input) -> Vec<Reply> {
        self.desk
            .handle(input)
            .await
            .expect("the desk handles the input")
    }

    /// Handles the input and reports every tracked message as delivered with the given ids,
    /// as the adapter does.
    pub async fn handle_delivered(&self, input: Input, first_message_id: i32) -> Vec<Reply> {
        let replies = self.handle(input).await;
        let mut id = first_message_id;
        for reply in &replies {
            if let Reply::Send {
                chat_id,
                track: Some(track),
                ..
            } = reply
            {
                self.desk.sent(*track, *chat_id, id).await.expect("sent");
                id += 1;
            }
        }
        replies
    }
}

pub async fn desk_for(app: &newsdesk::app::App) -> Desk {
    Desk::new(
        app.store.clone(),
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        DeskSettings::from(&app.settings),
    )
    .await
    .expect("desk builds")
}

/// Someone who writes to the bot, in a private chat or a group.
#[derive(Clone)]
pub struct Person {
    pub sender: Sender,
    pub place: Place,
}

pub fn reader(user_id: i64, name: &str, language_code: Option<&str>) -> Person {
    Person {
        sender: Sender {
            user_id,
            first_name: name.to_string(),
            username: Some(name.to_lowercase()),
            language_code: language_code.map(str::to_string),
            is_anonymous: false,
        },
        place: Place {
            chat_id: user_id,
            kind: ChatKind::Private,
            thread_id: None,
            message_id: None,
        },
    }
}

/// `user` writing in group `chat_id`, in forum topic `thread_id` if any.
pub fn member(user_id: i64, name: &str, chat_id: i64, thread_id: Option<i32>) -> Person {
    let mut person = reader(user_id, name, None);
    person.place = Place {
        chat_id,
        kind: ChatKind::Group,
        thread_id,
        message_id: None,
    };
    person
}

impl Person {
    pub fn chat_id(&self) -> i64 {
        self.place.chat_id
    }

    pub fn input(&self, event: Event) -> Input {
        let update = next_update();
        let mut place = self.place.clone();
        // Message ids derived from the update id: distinct and increasing, like Telegram's.
        place.message_id = Some(update as i32);
        Input {
            update_id: Some(update),
            place,
            sender: Some(self.sender.clone()),
            replying_to: None,
            event,
        }
    }

    pub fn text(&self, text: &str) -> Input {
        self.input(Event::Text {
            text: text.to_string(),
            edited: false,
        })
    }

    pub fn edited(&self, text: &str) -> Input {
        self.input(Event::Text {
            text: text.to_string(),
            edited: true,
        })
    }

    pub fn command(&self, name: &str, args: &str) -> Input {
        self.input(Event::Command {
            name: name.to_string(),
            args: args.to_string(),
        })
    }

    pub fn press(&self, data: &str, message_id: i32) -> Input {
        self.input(Event::Callback {
            data: data.to_string(),
            message_id,
        })
    }

    pub fn reply_to(&self, message_id: i32, event: Event) -> Input {
        let mut input = self.input(event);
        input.replying_to = Some(message_id);
        input
    }

    pub fn document(&self, bytes: &[u8]) -> Input {
        self.input(Event::Document {
            file_name: Some("page.txt".into()),
            bytes: Some(bytes.to_vec()),
            size: bytes.len() as u64,
        })
    }
}

/// One sent message, flattened for assertions.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub chat_id: i64,
    pub text: String,
    pub buttons: Vec<Button>,
    pub reply_to: Option<i32>,
    pub thread_id: Option<i32>,
    pub track: Option<Track>,
}

impl Sent {
    /// The data of the first button whose label contains `label`.
    pub fn button(&self, label: &str) -> String {
        self.buttons
            .iter()
            .find(|b| b.label.contains(label))
            .unwrap_or_else(|| panic!("no button {label:?} in {:#?}", self.buttons))
            .data
            .clone()
    }

    pub fn has_button(&self, label: &str) -> bool {
        self.buttons.iter().any(|b| b.label.contains(label))
    }
}

pub fn sent(replies: &[Reply]) -> Vec<Sent> {
    replies
        .iter()
        .filter_map(|r| match r {
            Reply::Send {
                chat_id,
                text,
                buttons,
                reply_to,
                thread_id,
                track,
            } => Some(Sent {
                chat_id: *chat_id,
                text: text.clone(),
                buttons: buttons.iter().flatten().cloned().collect(),
                reply_to: *reply_to,
                thread_id: *thread_id,
                track: *track,
            }),
            _ => None,
        })
        .collect()
}

/// The messages sent to `chat_id`.
pub fn sent_to(replies: &[Reply], chat_id: i64) -> Vec<Sent> {
    sent(replies)
        .into_iter()
        .filter(|s| s.chat_id == chat_id)
        .collect()
}

/// The only message sent, to `chat_id`.
pub fn only_to(replies: &[Reply], chat_id: i64) -> Sent {
    let all = sent(replies);
    assert_eq!(all.len(), 1, "expected one message, got {all:#?}");
    assert_eq!(all[0].chat_id, chat_id, "{all:#?}");
    all[0].clone()
}

/// The toast of a callback's replies, checking it is the one toast and comes first.
pub fn toast(replies: &[Reply]) -> String {
    let toasts: Vec<_> = replies
        .iter()
        .filter(|r| matches!(r, Reply::Toast { .. }))
        .collect();
    assert_eq!(toasts.len(), 1, "exactly one toast: {replies:#?}");
    match &replies[0] {
        Reply::Toast { text } => text.clone(),
        other => panic!("the toast must come first, got {other:?}"),
    }
}
