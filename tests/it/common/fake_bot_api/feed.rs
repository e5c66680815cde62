//! Feeding the fake: the updates the bot will poll, the chats and files it knows, and the
//! failures it injects into the bot's next calls.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{Chat, Failure, FakeBotApi, FileRef, Inner, Pushed, StoredUpdate};

impl FakeBotApi {
    /// Queues an update built with [`updates`] (`{"message": …}`, `{"callback_query": …}` …),
    /// assigning its `update_id`, a `message_id` (when absent) and a callback id.
    pub fn push(&self, update: Value) -> Pushed {
        self.push_all(vec![update]).remove(0)
    }

    /// Queues several updates at once, as [`FakeBotApi::push`] does each: a `getUpdates` in
    /// progress sees all of them or none (as when Telegram holds many for a bot that was busy),
    /// never the first few of them.
    pub fn push_all(&self, updates: Vec<Value>) -> Vec<Pushed> {
        let mut inner = self.shared.lock();
        let pushed = updates
            .into_iter()
            .map(|update| inner.store_update(update))
            .collect();
        drop(inner);
        self.shared.updates_changed.send_modify(|v| *v += 1);
        pushed
    }

    /// Makes a chat known without an update (e.g. a configured support chat the bot is a member of).
    pub fn add_chat(&self, chat: &Chat) {
        self.shared.lock().learn_chat(&chat.json());
    }

    /// Stores a file for `getFile` + download; use the result with [`Msg::document`].
    pub fn add_file(&self, file_name: &str, bytes: Vec<u8>) -> FileRef {
        let mut inner = self.shared.lock();
        let n = inner.files.len() + 1;
        let file_ref = FileRef {
            file_id: format!("file-{n}"),
            file_unique_id: format!("uniq-{n}"),
            file_name: file_name.to_string(),
            size: bytes.len() as u64,
        };
        inner.files.insert(
            file_ref.file_id.clone(),
            (format!("documents/file_{n}"), bytes),
        );
        file_ref
    }

    /// Stores a file whose `getFile` and document claim `claimed` bytes, whatever it holds (a
    /// server that lies about sizes).
    pub fn add_file_claiming(&self, file_name: &str, bytes: Vec<u8>, claimed: u64) -> FileRef {
        let mut file = self.add_file(file_name, bytes);
        file.size = claimed;
        self.shared
            .lock()
            .claimed
            .insert(file.file_id.clone(), claimed);
        file
    }

    /// The next pushed update gets id `update_id`, lower ids included (Telegram starts a new
    /// random sequence after a week without updates).
    pub fn restart_update_ids_at(&self, update_id: i64) {
        self.shared.lock().next_update_id = update_id;
    }

    /// Forgets confirmations from `update_id` on, as if the bot crashed before confirming them:
    /// the next `getUpdates` delivers those updates again.
    pub fn unconfirm_from(&self, update_id: i64) {
        let mut inner = self.shared.lock();
        inner.confirmed.retain(|id| *id < update_id);
        inner.unconfirmed_from = 0;
        drop(inner);
        self.shared.updates_changed.send_modify(|v| *v += 1);
    }

    /// The next call of `method` fails with `failure` (queued: call again for more).
    pub fn fail_next(&self, method: &str, failure: Failure) {
        self.shared
            .lock()
            .failures
            .entry(method.to_string())
            .or_default()
            .push_back(failure);
    }

    /// Every call of `method` fails with an HTML 502 page for `duration` from now.
    pub fn outage(&self, method: &str, duration: Duration) {
        self.shared
            .lock()
            .outages
            .insert(method.to_string(), Instant::now() + duration);
    }

    /// Every call that targets `chat_id` gets 403 from now on (the user blocked the bot, or the bot
    /// was removed from the group).
    pub fn block_chat(&self, chat_id: i64) {
        self.shared.lock().blocked_chats.insert(chat_id);
    }
}

impl Inner {
    /// Stores one update (see [`FakeBotApi::push`]); the caller wakes the long polls.
    pub(super) fn store_update(&mut self, update: Value) -> Pushed {
        let Value::Object(mut body) = update else {
            panic!("an update is a JSON object")
        };
        let kind = body
            .keys()
            .find(|k| *k != "update_id")
            .cloned()
            .expect("update kind");
        let update_id = self.next_update_id;
        self.next_update_id += 1;
        let mut pushed = Pushed {
            update_id,
            message: None,
            callback_id: None,
        };
        let payload = body.get_mut(&kind).expect("payload");
        match kind.as_str() {
            "message" | "edited_message" | "channel_post" | "edited_channel_post" => {
                if payload.get("message_id").is_none() {
                    payload["message_id"] = json!(self.next_message_id);
                    self.next_message_id += 1;
                }
                self.learn_message(payload);
                pushed.message = Some(payload.clone());
            }
            "callback_query" => {
                let id = format!("cb-{}", self.next_callback_id);
                self.next_callback_id += 1;
                payload["id"] = json!(id);
                self.open_callbacks.insert(id.clone());
                if let Some(chat) = payload.pointer("/message/chat") {
                    self.learn_chat(chat);
                }
                pushed.callback_id = Some(id);
            }
            "my_chat_member" | "chat_member" => {
                if let Some(chat) = payload.get("chat") {
                    self.learn_chat(chat);
                }
            }
            _ => {}
        }
        body.insert("update_id".into(), json!(update_id));
        self.updates.push(StoredUpdate {
            id: update_id,
            kind,
            body: Value::Object(body),
            pushed_at: Instant::now(),
        });
        pushed
    }

    pub(super) fn learn_chat(&mut self, chat: &Value) {
        if let Some(id) = chat["id"].as_i64() {
            self.chats.insert(id, chat.clone());
        }
    }

    pub(super) fn learn_message(&mut self, message: &Value) {
        self.learn_chat(&message["chat"]);
        let chat_id = message["chat"]["id"].as_i64().expect("chat.id");
        let message_id = message["message_id"].as_i64().expect("message_id");
        if let Some(to) = message["migrate_to_chat_id"].as_i64() {
            self.migrated.insert(chat_id, to);
            let title = message["chat"]["title"].clone();
            self.chats
                .insert(to, json!({"id": to, "type": "supergroup", "title": title}));
        }
        // Telegram never nests replies more than one level deep.
        let mut stored = message.clone();
        if let Some(reply) = stored
            .get_mut("reply_to_message")
            .and_then(Value::as_object_mut)
        {
            reply.remove("reply_to_message");
        }
        self.messages.insert((chat_id, message_id), stored);
    }
}
