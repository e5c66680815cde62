//! Builders for the update JSON the fake Bot API serves: people, chats, messages of every kind the
//! bot handles, callback queries and membership changes — shaped as Telegram sends them, so that
//! teloxide parses them (the fake's self-test proves it for each builder).

use serde_json::{Value, json};

/// The "anonymous admin" placeholder user Telegram puts in `from` for messages sent as the group.
pub const GROUP_ANONYMOUS_BOT_ID: i64 = 1_087_968_824;

/// A Telegram user (a reader, an admin, another bot, or ours).
#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub first_name: String,
    pub username: Option<String>,
    pub language_code: Option<String>,
    pub is_bot: bool,
}

impl Person {
    pub fn new(id: i64, first_name: &str) -> Self {
        Self {
            id,
            first_name: first_name.to_string(),
            username: None,
            language_code: None,
            is_bot: false,
        }
    }

    pub fn username(mut self, username: &str) -> Self {
        self.username = Some(username.to_string());
        self
    }

    /// The client's `language_code` (`"id"`, `"en"`, `"en-US"` …).
    pub fn lang(mut self, language_code: &str) -> Self {
        self.language_code = Some(language_code.to_string());
        self
    }

    pub fn bot(mut self) -> Self {
        self.is_bot = true;
        self
    }

    pub fn json(&self) -> Value {
        let mut user = json!({"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name});
        if let Some(username) = &self.username {
            user["username"] = json!(username);
        }
        if let Some(language_code) = &self.language_code {
            user["language_code"] = json!(language_code);
        }
        user
    }
}

/// A chat as it appears in messages.
#[derive(Debug, Clone)]
pub struct Chat {
    pub id: i64,
    json: Value,
}

impl Chat {
    /// The private chat with a person (its id is the person's id).
    pub fn private(person: &Person) -> Self {
        let mut json = json!({"id": person.id, "type": "private", "first_name": person.first_name});
        if let Some(username) = &person.username {
            json["username"] = json!(username);
        }
        Self {
            id: person.id,
            json,
        }
    }

    /// A basic group (negative id such as `-4001`).
    pub fn group(id: i64, title: &str) -> Self {
        Self {
            id,
            json: json!({"id": id, "type": "group", "title": title}),
        }
    }

    /// A supergroup (id such as `-1001234567890`).
    pub fn supergroup(id: i64, title: &str) -> Self {
        Self {
            id,
            json: json!({"id": id, "type": "supergroup", "title": title}),
        }
    }

    /// A supergroup with forum topics.
    pub fn forum(id: i64, title: &str) -> Self {
        Self {
            id,
            json: json!({"id": id, "type": "supergroup", "title": title, "is_forum": true}),
        }
    }

    pub fn json(&self) -> Value {
        self.json.clone()
    }
}

/// A file stored in the fake (see `FakeBotApi::add_file`).
#[derive(Debug, Clone)]
pub struct FileRef {
    pub file_id: String,
    pub file_unique_id: String,
    pub file_name: String,
    pub size: u64,
}

/// A message being built. Finish with [`Msg::message`] or [`Msg::edited`]; the fake assigns the
/// `message_id` at push unless [`Msg::id`] set one.
#[derive(Debug, Clone)]
pub struct Msg {
    json: Value,
}

impl Msg {
    fn base(chat: &Chat, from: &Person) -> Self {
        Self {
            json: json!({"date": 1_700_000_000, "chat": chat.json(), "from": from.json()}),
        }
    }

    /// A text message; `bot_command` (a leading `/cmd` or `/cmd@bot`) and `mention` (`@name`)
    /// entities are computed from the text, in UTF-16 units as Telegram counts them.
    pub fn text(chat: &Chat, from: &Person, text: &str) -> Self {
        let mut msg = Self::base(chat, from);
        msg.json["text"] = json!(text);
        let entities = entities_for(text);
        if !entities.is_empty() {
            msg.json["entities"] = Value::Array(entities);
        }
        msg
    }

    pub fn sticker(chat: &Chat, from: &Person) -> Self {
        let mut msg = Self::base(chat, from);
        msg.json["sticker"] = json!({
            "file_id": "sticker-1", "file_unique_id": "sticker-u1", "type": "regular",
            "width": 512, "height": 512, "is_animated": false, "is_video": false, "emoji": "👍"
        });
        msg
    }

    pub fn photo(chat: &Chat, from: &Person) -> Self {
        let mut msg = Self::base(chat, from);
        msg.json["photo"] = json!([
            {"file_id": "photo-s", "file_unique_id": "photo-us", "width": 90, "height": 60, "file_size": 1200},
            {"file_id": "photo-m", "file_unique_id": "photo-um", "width": 800, "height": 533, "file_size": 48000}
        ]);
        msg
    }

    pub fn voice(chat: &Chat, from: &Person) -> Self {
        let mut msg = Self::base(chat, from);
        msg.json["voice"] = json!({"file_id": "voice-1", "file_unique_id": "voice-u1", "duration": 3, "mime_type": "audio/ogg", "file_size": 4000});
        msg
    }

    pub fn video(chat: &Chat, from: &Person) -> Self {
        let mut msg = Self::base(chat, from);
        msg.json["video"] = json!({
            "file_id": "video-1", "file_unique_id": "video-u1", "width": 640, "height": 360,
            "duration": 5, "mime_type": "video/mp4", "file_size": 250000
        });
        msg
    }

    /// A document; `file` from `FakeBotApi::add_file` so `getFile` and the download work.
    pub fn document(chat: &Chat, from: &Person, file: &FileRef) -> Self {
        let mut msg = Self::base(chat, from);
        msg.json["document"] = json!({
            "file_id": file.file_id, "file_unique_id": file.file_unique_id,
            "file_name": file.file_name, "mime_type": "text/plain", "file_size": file.size
        });
        msg
    }

    /// The service message for members joining (use `fake.bot()` for the bot being added).
    pub fn new_members(chat: &Chat, by: &Person, members: &[Person]) -> Self {
        let mut msg = Self::base(chat, by);
        msg.json["new_chat_members"] = Value::Array(members.iter().map(Person::json).collect());
        msg
    }

    /// The service message sent in a group that became the supergroup `to_chat_id`.
    pub fn migrate(chat: &Chat, by: &Person, to_chat_id: i64) -> Self {
        let mut msg = Self::base(chat, by);
        msg.json["migrate_to_chat_id"] = json!(to_chat_id);
        msg
    }

    /// A caption under media (photos, documents).
    pub fn caption(mut self, caption: &str) -> Self {
        self.json["caption"] = json!(caption);
        self
    }

    /// Makes this a reply to `original` (a message as the fake returned or stored it).
    pub fn reply_to(mut self, original: &Value) -> Self {
        let mut original = original.clone();
        if let Some(fields) = original.as_object_mut() {
            fields.remove("reply_to_message");
        }
        self.json["reply_to_message"] = original;
        self
    }

    /// Puts the message in a forum topic.
    pub fn thread(mut self, thread_id: i32) -> Self {
        self.json["message_thread_id"] = json!(thread_id);
        self.json["is_topic_message"] = json!(true);
        self
    }

    /// Sent by an anonymous group admin: `sender_chat` is the group, `from` the placeholder bot.
    pub fn anonymous_admin(mut self) -> Self {
        let chat = self.json["chat"].clone();
        self.json["sender_chat"] = chat;
        self.json["from"] = Person::new(GROUP_ANONYMOUS_BOT_ID, "Group")
            .username("GroupAnonymousBot")
            .bot()
            .json();
        self
    }

    /// A fixed message id (needed for an edit of an earlier message).
    pub fn id(mut self, message_id: i64) -> Self {
        self.json["message_id"] = json!(message_id);
        self
    }

    /// `{"message": …}`
    pub fn message(self) -> Value {
        json!({ "message": self.json })
    }

    /// `{"edited_message": …}` — give it the original's id with [`Msg::id`].
    pub fn edited(mut self) -> Value {
        self.json["edit_date"] = json!(1_700_000_100);
        json!({ "edited_message": self.json })
    }

    pub fn json(&self) -> Value {
        self.json.clone()
    }
}

/// A press of an inline button with `data` under `message` (a message the bot sent, as the fake
/// returned it). The fake assigns the callback id at push.
pub fn callback(from: &Person, message: &Value, data: &str) -> Value {
    let chat_id = message["chat"]["id"].as_i64().unwrap_or_default();
    json!({
        "callback_query": {
            "from": from.json(),
            "chat_instance": format!("instance{chat_id}"),
            "message": message,
            "data": data,
        }
    })
}

/// The bot's own membership in `chat` changed from `old_status` to `new_status`
/// (`"left"`, `"member"`, `"administrator"`, `"kicked"`).
pub fn my_chat_member(
    chat: &Chat,
    by: &Person,
    bot: &Person,
    old_status: &str,
    new_status: &str,
) -> Value {
    json!({
        "my_chat_member": {
            "chat": chat.json(),
            "from": by.json(),
            "date": 1_700_000_000,
            "old_chat_member": member(bot, old_status),
            "new_chat_member": member(bot, new_status),
        }
    })
}

fn member(user: &Person, status: &str) -> Value {
    match status {
        "administrator" => json!({
            "user": user.json(), "status": status, "can_be_edited": false, "is_anonymous": false,
            "can_manage_chat": true, "can_delete_messages": false, "can_manage_video_chats": false,
            "can_restrict_members": false, "can_promote_members": false, "can_change_info": false,
            "can_invite_users": true, "can_post_stories": false, "can_edit_stories": false,
            "can_delete_stories": false
        }),
        "kicked" => json!({"user": user.json(), "status": status, "until_date": 0}),
        _ => json!({"user": user.json(), "status": status}),
    }
}

/// `bot_command` and `mention` entities as Telegram computes them (offsets in UTF-16 units).
pub fn entities_for(text: &str) -> Vec<Value> {
    let mut entities = Vec::new();
    let mut start = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let word_start = start;
        start += word.len();
        let (kind, token) = match word.chars().next() {
            Some('/') if word_start == 0 => {
                // `/cmd` or `/cmd@bot_name`
                let body: String = word[1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '@')
                    .collect();
                ("bot_command", body)
            }
            Some('@') => {
                let body: String = word[1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if body.len() < 5 {
                    continue;
                }
                ("mention", body)
            }
            _ => continue,
        };
        if token.is_empty() {
            continue;
        }
        let offset = text[..word_start].encode_utf16().count();
        entities.push(json!({"type": kind, "offset": offset, "length": 1 + token.len()}));
    }
    entities
}
