//! An in-process fake of the Telegram Bot API (axum on 127.0.0.1:0) for black-box tests.
//!
//! Tests run the real teloxide `Dispatcher` against it: `Bot::new(fake.token()).set_api_url(fake.api_url())`.
//! The fake keeps a queue of updates served by a real long-polling `getUpdates` (honouring `offset`,
//! `limit`, `timeout` and `allowed_updates`), answers the methods the bot uses with valid objects,
//! checks Telegram's limits (text length, `callback_data` size, unknown chats and messages), can inject
//! failures (429 with `retry_after`, 403 for a blocked chat), and records every call so tests assert on
//! the exact requests. Builders for the update JSON live in [`updates`].
//!
//! Typical use:
//! ```ignore
//! let fake = FakeBotApi::start().await;
//! let alice = Person::new(42, "Alice").lang("id");
//! fake.push(Msg::text(&Chat::private(&alice), &alice, "halo").message());
//! let sent = fake.wait_for_calls("sendMessage", 1).await;
//! assert_eq!(sent[0].params["chat_id"], 42);
//! ```
//! To assert that something was *not* answered, push the ignored update, then an addressed one in the
//! same chat (teloxide handles one chat in order), wait for the reply to the second, and count replies.
#![allow(dead_code)]

mod http;
mod methods;
pub mod updates;

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{any, get};
use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};

#[allow(unused_imports)] // each test binary uses a different part
pub use updates::{Chat, FileRef, Msg, Person, callback, my_chat_member};

/// The token the fake accepts (any other gets 401, as Telegram does).
pub const TOKEN: &str = "123456789:TEST-fake-token_for-newsdesk";
/// The bot's user id and username as `getMe` reports them.
pub const BOT_ID: i64 = 7_000_000_001;
pub const BOT_USERNAME: &str = "newsdesk_bot";

/// How long `wait_for_*` helpers wait before failing the test. Generous: a wait ends as soon as
/// its condition holds, and on a machine shared with several builds a restart of the bot (the
/// index built again, in a debug build) has taken over ten seconds.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// One recorded Bot API request.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    /// The request parameters as JSON (JSON, form, query and multipart bodies all end up here).
    pub params: Value,
    /// False when the fake answered with an error (injected or a broken Telegram rule).
    pub ok: bool,
    /// The error description when `ok` is false.
    pub error: Option<String>,
    pub at: Instant,
}

/// An injected failure for the next call of a method.
#[derive(Debug, Clone)]
pub enum Failure {
    /// 429 Too Many Requests with `parameters.retry_after` seconds.
    RetryAfter(u32),
    /// Any other API error, e.g. `Failure::Api(400, "Bad Request: chat not found")`.
    Api(u16, String),
    /// An HTML error page with this status, as a proxy in front of the Bot API sends.
    Html(u16),
    /// The call is answered normally, but only after this long (and recorded then).
    Delay(Duration),
    /// The call is carried out and recorded at once (Telegram accepted it), but its answer
    /// leaves only after this long: a bot killed meanwhile never learns that it was accepted.
    AnswerLate(Duration),
}

/// What [`FakeBotApi::push`] stored.
#[derive(Debug, Clone)]
pub struct Pushed {
    pub update_id: i64,
    /// The message as stored (with its assigned `message_id`), for message updates.
    pub message: Option<Value>,
    /// The callback query id, for callback updates.
    pub callback_id: Option<String>,
}

impl Pushed {
    pub fn message_id(&self) -> i32 {
        let message = self
            .message
            .as_ref()
            .expect("this update carries no message");
        message["message_id"].as_i64().expect("message_id") as i32
    }
}

struct StoredUpdate {
    id: i64,
    kind: String,
    body: Value,
    pushed_at: Instant,
}

#[derive(Default)]
struct Inner {
    updates: Vec<StoredUpdate>,
    /// Ids of the updates confirmed by a later `getUpdates` offset. Per update, not a watermark:
    /// after Telegram restarts its sequence lower, the new updates are unconfirmed although
    /// their ids are below the old offset.
    confirmed: HashSet<i64>,
    /// Every update before this index in `updates` is confirmed (where a poll starts looking).
    unconfirmed_from: usize,
    allowed_updates: Option<Vec<String>>,
    next_update_id: i64,
    next_message_id: i64,
    next_callback_id: u64,
    calls: Vec<Call>,
    get_updates_calls: Vec<Call>,
    failures: HashMap<String, VecDeque<Failure>>,
    /// Every call of a method fails with an HTML 502 page until then.
    outages: HashMap<String, Instant>,
    blocked_chats: HashSet<i64>,
    /// Chats the bot knows (from pushed updates or `add_chat`), by id.
    chats: HashMap<i64, Value>,
    /// Old group id → new supergroup id.
    migrated: HashMap<i64, i64>,
    /// Every message seen or sent, by (chat id, message id).
    messages: HashMap<(i64, i64), Value>,
    /// Ids of the messages the bot sent, in order, per chat.
    sent: HashMap<i64, Vec<i64>>,
    open_callbacks: HashSet<String>,
    files: HashMap<String, (String, Vec<u8>)>,
    /// Sizes `getFile` reports instead of the real one (see `add_file_claiming`).
    claimed: HashMap<String, u64>,
    /// setMyCommands by language code ("" = default).
    commands: HashMap<String, Value>,
    /// Live feeds of recorded calls (see [`FakeBotApi::watch_calls`]).
    watchers: Vec<mpsc::UnboundedSender<Call>>,
    /// The webhook set with `setWebhook` (cleared by `deleteWebhook`).
    webhook: Option<Webhook>,
}

/// A webhook as `setWebhook` set it.
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    pub url: String,
    pub secret: Option<String>,
    /// The `allowed_updates` parameter as sent.
    pub allowed_updates: Option<Value>,
}

struct Shared {
    inner: Mutex<Inner>,
    /// Bumped when updates are pushed or un-confirmed (wakes long polls).
    updates_changed: watch::Sender<u64>,
    /// Bumped when a call is recorded or updates are confirmed (wakes test waiters).
    events: watch::Sender<u64>,
    bot: Person,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking test thread must not hide the real failure behind a poison error.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The running fake. Dropping it stops the server.
pub struct FakeBotApi {
    shared: Arc<Shared>,
    addr: SocketAddr,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeBotApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeBotApi {
    /// Starts a fake on a free loopback port, with update and message ids from 1.
    pub async fn start() -> Self {
        Self::start_at(1).await
    }

    /// Starts a fake whose first update id is `first_update_id` (to test id handling across restarts).
    pub async fn start_at(first_update_id: i64) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        Self::serve(listener, first_update_id)
    }

    /// Starts a fake on `addr` (a port a bot is already trying to reach).
    pub async fn start_on(addr: SocketAddr) -> Self {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .expect("bind the given address");
        Self::serve(listener, 1)
    }

    fn serve(listener: tokio::net::TcpListener, first_update_id: i64) -> Self {
        let bot = Person::new(BOT_ID, "Newsdesk").username(BOT_USERNAME).bot();
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                next_update_id: first_update_id,
                next_message_id: 1,
                next_callback_id: 1,
                ..Inner::default()
            }),
            updates_changed: watch::channel(0).0,
            events: watch::channel(0).0,
            bot,
        });
        let app = Router::new()
            .route("/file/{bot}/{*path}", get(http::download))
            .route("/{bot}/{method}", any(http::api))
            .fallback(|| async { http::api_error(StatusCode::NOT_FOUND, "Not Found", None) })
            .with_state(shared.clone());
        let addr = listener.local_addr().expect("local addr");
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("fake Bot API server");
        });
        Self {
            shared,
            addr,
            server,
        }
    }

    /// The webhook currently set, if any.
    pub fn webhook(&self) -> Option<Webhook> {
        self.shared.lock().webhook.clone()
    }

    /// The base URL for `Bot::set_api_url` (and `TELOXIDE_API_URL`).
    pub fn api_url(&self) -> reqwest::Url {
        format!("http://{}/", self.addr)
            .parse()
            .expect("loopback url")
    }

    pub fn token(&self) -> &'static str {
        TOKEN
    }

    /// The bot as a user (for `new_chat_members`, `my_chat_member` and replies to the bot).
    pub fn bot(&self) -> Person {
        self.shared.bot.clone()
    }

    // ----- feeding the bot -----

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

    // ----- failures -----

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

    // ----- assertions -----

    /// Every recorded call except `getUpdates`, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    pub fn calls_of(&self, method: &str) -> Vec<Call> {
        self.shared
            .lock()
            .calls
            .iter()
            .filter(|c| c.method == method)
            .cloned()
            .collect()
    }

    /// The `getUpdates` calls, kept apart because long polling makes many.
    pub fn get_updates_calls(&self) -> Vec<Call> {
        self.shared.lock().get_updates_calls.clone()
    }

    /// Waits until at least `n` calls of `method` were recorded and returns all of them.
    /// Panics after [`DEFAULT_WAIT`] with the calls seen so far.
    pub async fn wait_for_calls(&self, method: &str, n: usize) -> Vec<Call> {
        self.wait_for_calls_within(method, n, DEFAULT_WAIT).await
    }

    pub async fn wait_for_calls_within(
        &self,
        method: &str,
        n: usize,
        limit: Duration,
    ) -> Vec<Call> {
        let found = self.wait_until(limit, || {
            let calls = self.calls_of(method);
            (calls.len() >= n).then_some(calls)
        });
        match found.await {
            Some(calls) => calls,
            None => panic!(
                "waited {limit:?} for {n} `{method}` call(s); recorded: {:#?}",
                self.calls()
                    .iter()
                    .map(|c| (&c.method, &c.params, &c.error))
                    .collect::<Vec<_>>()
            ),
        }
    }

    /// Waits until the bot sent at least `n` messages to `chat_id` and returns them (see
    /// [`FakeBotApi::sent_messages`]). Panics after [`DEFAULT_WAIT`] with the texts seen so far.
    pub async fn wait_for_sent(&self, chat_id: i64, n: usize) -> Vec<Value> {
        self.wait_for_sent_within(chat_id, n, DEFAULT_WAIT).await
    }

    pub async fn wait_for_sent_within(
        &self,
        chat_id: i64,
        n: usize,
        limit: Duration,
    ) -> Vec<Value> {
        let found = self.wait_until(limit, || {
            let sent = self.sent_messages(chat_id);
            (sent.len() >= n).then_some(sent)
        });
        match found.await {
            Some(sent) => sent,
            None => panic!(
                "waited {limit:?} for {n} message(s) to chat {chat_id}; sent: {:#?}",
                self.sent_texts(chat_id)
            ),
        }
    }

    /// Waits until `check` holds (re-checked on every call the fake records), up to `limit`.
    pub async fn wait_for(
        &self,
        limit: Duration,
        what: &str,
        mut check: impl FnMut(&Self) -> bool,
    ) {
        if self
            .wait_until(limit, || check(self).then_some(()))
            .await
            .is_none()
        {
            panic!("waited {limit:?} for {what}");
        }
    }

    /// Waits until the bot confirmed `update_id` (a later `getUpdates` offset passed it): the
    /// bot has taken (stored) the update, though it may not have handled it yet.
    pub async fn wait_confirmed(&self, update_id: i64) {
        let done = self.wait_until(DEFAULT_WAIT, || {
            self.shared
                .lock()
                .confirmed
                .contains(&update_id)
                .then_some(())
        });
        if done.await.is_none() {
            panic!("update {update_id} was not confirmed within {DEFAULT_WAIT:?}");
        }
    }

    async fn wait_until<T>(
        &self,
        limit: Duration,
        mut check: impl FnMut() -> Option<T>,
    ) -> Option<T> {
        let mut events = self.shared.events.subscribe();
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            events.borrow_and_update();
            if let Some(found) = check() {
                return Some(found);
            }
            if tokio::time::timeout_at(deadline, events.changed())
                .await
                .is_err()
            {
                return check();
            }
        }
    }

    /// A message the fake knows (pushed or sent), as Telegram would return it.
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        self.shared
            .lock()
            .messages
            .get(&(chat_id, message_id))
            .cloned()
    }

    /// The messages the bot sent to a chat, in order, as they are now (edits applied).
    pub fn sent_messages(&self, chat_id: i64) -> Vec<Value> {
        let inner = self.shared.lock();
        let ids = inner.sent.get(&chat_id).cloned().unwrap_or_default();
        ids.iter()
            .filter_map(|id| inner.messages.get(&(chat_id, *id)).cloned())
            .collect()
    }

    /// The texts the bot sent to a chat as the reader sees them (HTML tags removed, entities decoded).
    pub fn sent_texts(&self, chat_id: i64) -> Vec<String> {
        self.sent_messages(chat_id)
            .iter()
            .map(|m| m["text"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The command list registered with `setMyCommands` for a language (`None` = the default list).
    /// The menu registered for one chat (`setMyCommands` with a chat scope), by language.
    pub fn chat_commands(&self, chat_id: i64, language_code: Option<&str>) -> Option<Value> {
        self.shared
            .lock()
            .commands
            .get(&format!("{}@{chat_id}", language_code.unwrap_or("")))
            .cloned()
    }

    pub fn commands(&self, language_code: Option<&str>) -> Option<Value> {
        self.shared
            .lock()
            .commands
            .get(language_code.unwrap_or(""))
            .cloned()
    }

    /// A live feed of every call recorded from now on (except `getUpdates`), as it is answered.
    /// Load benchmarks use it to react to each reply without polling the whole call list.
    pub fn watch_calls(&self) -> mpsc::UnboundedReceiver<Call> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.shared.lock().watchers.push(tx);
        rx
    }

    /// When `update_id` was pushed (for latency measurements).
    pub fn pushed_at(&self, update_id: i64) -> Option<Instant> {
        self.shared
            .lock()
            .updates
            .iter()
            .find(|u| u.id == update_id)
            .map(|u| u.pushed_at)
    }
}

impl Inner {
    /// Stores one update (see [`FakeBotApi::push`]); the caller wakes the long polls.
    fn store_update(&mut self, update: Value) -> Pushed {
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

    fn learn_chat(&mut self, chat: &Value) {
        if let Some(id) = chat["id"].as_i64() {
            self.chats.insert(id, chat.clone());
        }
    }

    fn learn_message(&mut self, message: &Value) {
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

    fn record(&mut self, method: &str, params: &Value, error: Option<&str>) {
        let call = Call {
            method: method.to_string(),
            params: params.clone(),
            ok: error.is_none(),
            error: error.map(str::to_string),
            at: Instant::now(),
        };
        if method == "getUpdates" {
            self.get_updates_calls.push(call);
        } else {
            // A watcher that went away is forgotten.
            self.watchers.retain(|w| w.send(call.clone()).is_ok());
            self.calls.push(call);
        }
    }
}
