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

pub mod updates;

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use serde_json::{Map, Value, json};
use tokio::sync::watch;

pub use updates::{Chat, FileRef, Msg, Person, callback, my_chat_member};

/// The token the fake accepts (any other gets 401, as Telegram does).
pub const TOKEN: &str = "123456789:TEST-fake-token_for-newsdesk";
/// The bot's user id and username as `getMe` reports them.
pub const BOT_ID: i64 = 7_000_000_001;
pub const BOT_USERNAME: &str = "newsdesk_bot";

/// How long `wait_for_*` helpers wait before failing the test.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

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
    /// Every update with an id below this was confirmed by a later `getUpdates` offset.
    confirmed_below: i64,
    allowed_updates: Option<Vec<String>>,
    next_update_id: i64,
    next_message_id: i64,
    next_callback_id: u64,
    calls: Vec<Call>,
    get_updates_calls: Vec<Call>,
    failures: HashMap<String, VecDeque<Failure>>,
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
    /// setMyCommands by language code ("" = default).
    commands: HashMap<String, Value>,
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
            .route("/file/{bot}/{*path}", get(download))
            .route("/{bot}/{method}", any(api))
            .fallback(|| async { api_error(StatusCode::NOT_FOUND, "Not Found", None) })
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
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
        let Value::Object(mut body) = update else {
            panic!("an update is a JSON object")
        };
        let kind = body
            .keys()
            .find(|k| *k != "update_id")
            .cloned()
            .expect("update kind");
        let mut inner = self.shared.lock();
        let update_id = inner.next_update_id;
        inner.next_update_id += 1;
        let mut pushed = Pushed {
            update_id,
            message: None,
            callback_id: None,
        };
        let payload = body.get_mut(&kind).expect("payload");
        match kind.as_str() {
            "message" | "edited_message" | "channel_post" | "edited_channel_post" => {
                if payload.get("message_id").is_none() {
                    payload["message_id"] = json!(inner.next_message_id);
                    inner.next_message_id += 1;
                }
                inner.learn_message(payload);
                pushed.message = Some(payload.clone());
            }
            "callback_query" => {
                let id = format!("cb-{}", inner.next_callback_id);
                inner.next_callback_id += 1;
                payload["id"] = json!(id);
                inner.open_callbacks.insert(id.clone());
                if let Some(chat) = payload.pointer("/message/chat") {
                    inner.learn_chat(chat);
                }
                pushed.callback_id = Some(id);
            }
            "my_chat_member" | "chat_member" => {
                if let Some(chat) = payload.get("chat") {
                    inner.learn_chat(chat);
                }
            }
            _ => {}
        }
        body.insert("update_id".into(), json!(update_id));
        inner.updates.push(StoredUpdate {
            id: update_id,
            kind,
            body: Value::Object(body),
            pushed_at: Instant::now(),
        });
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

    /// Forgets confirmations from `update_id` on, as if the bot crashed before confirming them:
    /// the next `getUpdates` delivers those updates again.
    pub fn unconfirm_from(&self, update_id: i64) {
        let mut inner = self.shared.lock();
        inner.confirmed_below = inner.confirmed_below.min(update_id);
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

    /// Waits until the bot confirmed `update_id` (a later `getUpdates` offset passed it): the
    /// dispatcher has taken the update, though its handler may still be running.
    pub async fn wait_confirmed(&self, update_id: i64) {
        let done = self.wait_until(DEFAULT_WAIT, || {
            (self.shared.lock().confirmed_below > update_id).then_some(())
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
    pub fn commands(&self, language_code: Option<&str>) -> Option<Value> {
        self.shared
            .lock()
            .commands
            .get(language_code.unwrap_or(""))
            .cloned()
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
            self.calls.push(call);
        }
    }
}

// ----- HTTP -----

type ApiResult = Result<Value, ApiError>;

struct ApiError {
    status: StatusCode,
    description: String,
    parameters: Option<Value>,
}

fn bad_request(description: &str) -> ApiError {
    ApiError {
        status: StatusCode::BAD_REQUEST,
        description: format!("Bad Request: {description}"),
        parameters: None,
    }
}

fn api_error(status: StatusCode, description: &str, parameters: Option<Value>) -> Response {
    let mut body = json!({"ok": false, "error_code": status.as_u16(), "description": description});
    if let Some(parameters) = parameters {
        body["parameters"] = parameters;
    }
    (status, axum::Json(body)).into_response()
}

async fn api(
    State(shared): State<Arc<Shared>>,
    Path((bot, method)): Path<(String, String)>,
    request: Request,
) -> Response {
    if bot.strip_prefix("bot") != Some(TOKEN) {
        return api_error(StatusCode::UNAUTHORIZED, "Unauthorized", None);
    }
    let method = canonical_method(&method);
    let params = match read_params(request).await {
        Ok(params) => params,
        Err(e) => return api_error(StatusCode::BAD_REQUEST, &format!("Bad Request: {e}"), None),
    };
    let result = if method == "getUpdates" {
        get_updates(&shared, &params).await
    } else {
        call(&shared, &method, &params)
    };
    if method != "getUpdates" {
        shared.events.send_modify(|v| *v += 1);
    }
    match result {
        Ok(result) => axum::Json(json!({"ok": true, "result": result})).into_response(),
        Err(e) => api_error(e.status, &e.description, e.parameters),
    }
}

/// Telegram reads method names case-insensitively (teloxide sends `SendMessage`); calls are
/// recorded under the documented camelCase name.
fn canonical_method(raw: &str) -> String {
    const METHODS: [&str; 16] = [
        "getMe",
        "getWebhookInfo",
        "deleteWebhook",
        "close",
        "logOut",
        "getUpdates",
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "setMyCommands",
        "getMyCommands",
        "deleteMyCommands",
        "sendChatAction",
        "getFile",
        "sendDocument",
    ];
    METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(raw))
        .map_or_else(|| raw.to_string(), |m| m.to_string())
}

async fn download(
    State(shared): State<Arc<Shared>>,
    Path((bot, path)): Path<(String, String)>,
) -> Response {
    if bot.strip_prefix("bot") != Some(TOKEN) {
        return api_error(StatusCode::UNAUTHORIZED, "Unauthorized", None);
    }
    let inner = shared.lock();
    match inner
        .files
        .values()
        .find(|(file_path, _)| *file_path == path)
    {
        Some((_, bytes)) => (
            [(header::CONTENT_TYPE, "application/octet-stream")],
            Bytes::from(bytes.clone()),
        )
            .into_response(),
        None => api_error(StatusCode::NOT_FOUND, "Not Found", None),
    }
}

/// Reads parameters the way Telegram accepts them: query string, JSON, urlencoded form or multipart.
async fn read_params(request: Request) -> Result<Value, String> {
    let query = request.uri().query().map(str::to_string);
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = axum::body::to_bytes(request.into_body(), 64 * 1024 * 1024)
        .await
        .map_err(|e| e.to_string())?;
    let mut params = Map::new();
    if let Some(query) = query {
        params.extend(form_fields(query.as_bytes()));
    }
    if body.is_empty() {
        return Ok(Value::Object(params));
    }
    if content_type.starts_with("application/json") {
        match serde_json::from_slice(&body).map_err(|e| format!("invalid JSON body: {e}"))? {
            Value::Object(fields) => params.extend(fields),
            _ => return Err("JSON body is not an object".into()),
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        params.extend(form_fields(&body));
    } else if let Some(boundary) = content_type.split("boundary=").nth(1) {
        params.extend(multipart_fields(&body, boundary.trim_matches('"'))?);
    } else {
        return Err(format!("unsupported content type {content_type:?}"));
    }
    Ok(Value::Object(params))
}

/// Form values that are JSON (numbers, objects) become JSON, as Telegram reads them.
fn form_value(raw: &str) -> Value {
    serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()))
}

fn form_fields(raw: &[u8]) -> Map<String, Value> {
    raw.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut kv = pair.splitn(2, |b| *b == b'=');
            let key = percent_decode(kv.next().unwrap_or_default());
            let value = percent_decode(kv.next().unwrap_or_default());
            (key, form_value(&value))
        })
        .collect()
}

fn percent_decode(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => {
                let hex = std::str::from_utf8(&raw[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A small multipart/form-data reader: text parts become parameters, file parts `"<file name>"`.
fn multipart_fields(body: &[u8], boundary: &str) -> Result<Map<String, Value>, String> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    let mut fields = Map::new();
    for part in text.split(delimiter.as_str()).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let part = part.strip_prefix("\r\n").unwrap_or(part);
        let (head, value) = part
            .split_once("\r\n\r\n")
            .ok_or("multipart part without headers")?;
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))
            .ok_or("multipart part without content-disposition")?;
        let attr = |name: &str| {
            disposition
                .split(';')
                .map(str::trim)
                .find_map(|kv| kv.strip_prefix(&format!("{name}=\"")))
                .map(|v| v.trim_end_matches('"'))
        };
        let name = attr("name").ok_or("multipart part without a name")?;
        let parsed = match attr("filename") {
            Some(file_name) => Value::String(format!("<file {file_name}>")),
            None => form_value(value),
        };
        fields.insert(name.to_string(), parsed);
    }
    Ok(fields)
}

// ----- methods -----

async fn get_updates(shared: &Shared, params: &Value) -> ApiResult {
    let offset = params["offset"].as_i64().unwrap_or(0);
    let limit = params["limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
    let timeout = Duration::from_secs(params["timeout"].as_u64().unwrap_or(0));
    let deadline = tokio::time::Instant::now() + timeout;
    let mut changes = shared.updates_changed.subscribe();
    {
        let mut inner = shared.lock();
        inner.record("getUpdates", params, None);
        if let Some(Value::Array(kinds)) = params.get("allowed_updates") {
            // Telegram keeps the last list given; an empty list means "all the usual kinds".
            let kinds: Vec<String> = kinds
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            inner.allowed_updates = (!kinds.is_empty()).then_some(kinds);
        }
        if offset > inner.confirmed_below {
            inner.confirmed_below = offset;
        }
    }
    shared.events.send_modify(|v| *v += 1);
    loop {
        changes.borrow_and_update();
        {
            let inner = shared.lock();
            let batch: Vec<Value> = inner
                .updates
                .iter()
                .filter(|u| u.id >= inner.confirmed_below)
                .filter(|u| {
                    inner
                        .allowed_updates
                        .as_ref()
                        .is_none_or(|kinds| kinds.contains(&u.kind))
                })
                .take(limit)
                .map(|u| u.body.clone())
                .collect();
            if !batch.is_empty() {
                return Ok(Value::Array(batch));
            }
        }
        if tokio::time::timeout_at(deadline, changes.changed())
            .await
            .is_err()
        {
            return Ok(json!([]));
        }
    }
}

/// Answers one (non-polling) method and records it.
fn call(shared: &Shared, method: &str, params: &Value) -> ApiResult {
    let mut inner = shared.lock();
    let result = answer(shared, &mut inner, method, params);
    inner.record(
        method,
        params,
        result.as_ref().err().map(|e| e.description.as_str()),
    );
    result
}

fn answer(shared: &Shared, inner: &mut Inner, method: &str, params: &Value) -> ApiResult {
    if let Some(failure) = inner.failures.get_mut(method).and_then(VecDeque::pop_front) {
        return Err(match failure {
            Failure::RetryAfter(seconds) => ApiError {
                status: StatusCode::TOO_MANY_REQUESTS,
                description: format!("Too Many Requests: retry after {seconds}"),
                parameters: Some(json!({"retry_after": seconds})),
            },
            Failure::Api(code, description) => ApiError {
                status: StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST),
                description,
                parameters: None,
            },
        });
    }
    let chat_id = chat_id(params);
    if let Some(chat_id) = chat_id {
        if inner.blocked_chats.contains(&chat_id) {
            let description = if chat_id > 0 {
                "Forbidden: bot was blocked by the user"
            } else {
                "Forbidden: bot was kicked from the supergroup chat"
            };
            return Err(ApiError {
                status: StatusCode::FORBIDDEN,
                description: description.into(),
                parameters: None,
            });
        }
        if let Some(to) = inner.migrated.get(&chat_id) {
            return Err(ApiError {
                parameters: Some(json!({"migrate_to_chat_id": to})),
                ..bad_request("group chat was upgraded to a supergroup chat")
            });
        }
    }
    match method {
        "getMe" => Ok(me_json(&shared.bot)),
        "getWebhookInfo" => {
            Ok(json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0}))
        }
        "deleteWebhook" | "close" | "logOut" | "sendChatAction" | "deleteMyCommands" => {
            Ok(json!(true))
        }
        "setMyCommands" => {
            let commands = params["commands"]
                .as_array()
                .ok_or_else(|| bad_request("commands are not an array"))?;
            if commands.is_empty() || commands.len() > 100 {
                return Err(bad_request("wrong number of commands"));
            }
            for command in commands {
                let name = command["command"].as_str().unwrap_or_default();
                let ok = (1..=32).contains(&name.len())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                let description = command["description"]
                    .as_str()
                    .unwrap_or_default()
                    .chars()
                    .count();
                if !ok || !(1..=256).contains(&description) {
                    return Err(bad_request("BOT_COMMAND_INVALID"));
                }
            }
            let language = params["language_code"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            inner
                .commands
                .insert(language, Value::Array(commands.clone()));
            Ok(json!(true))
        }
        "getMyCommands" => {
            let language = params["language_code"].as_str().unwrap_or_default();
            Ok(inner.commands.get(language).cloned().unwrap_or(json!([])))
        }
        "sendMessage" => send_message(
            shared,
            inner,
            params,
            chat_id.ok_or_else(|| bad_request("chat_id is empty"))?,
        ),
        "editMessageText" | "editMessageReplyMarkup" => {
            edit_message(inner, method, params, chat_id)
        }
        "answerCallbackQuery" => {
            let id = params["callback_query_id"].as_str().unwrap_or_default();
            if !inner.open_callbacks.remove(id) {
                return Err(bad_request(
                    "query is too old and response timeout expired or query ID is invalid",
                ));
            }
            if params["text"]
                .as_str()
                .is_some_and(|t| t.chars().count() > 200)
            {
                return Err(bad_request("MESSAGE_TOO_LONG"));
            }
            Ok(json!(true))
        }
        "getFile" => {
            let file_id = params["file_id"].as_str().unwrap_or_default();
            let (path, bytes) = inner
                .files
                .get(file_id)
                .ok_or_else(|| bad_request("invalid file_id"))?;
            Ok(json!({
                "file_id": file_id,
                "file_unique_id": file_id.replace("file-", "uniq-"),
                "file_size": bytes.len(),
                "file_path": path,
            }))
        }
        _ => Err(ApiError {
            status: StatusCode::NOT_FOUND,
            description: "Not Found".into(),
            parameters: None,
        }),
    }
}

fn chat_id(params: &Value) -> Option<i64> {
    match &params["chat_id"] {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn me_json(bot: &Person) -> Value {
    let mut me = bot.json();
    me["can_join_groups"] = json!(true);
    me["can_read_all_group_messages"] = json!(false);
    me["supports_inline_queries"] = json!(false);
    me["can_connect_to_business"] = json!(false);
    me["has_main_web_app"] = json!(false);
    me
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Checks what Telegram checks on a text and returns what the reader sees.
fn visible_text(params: &Value) -> Result<String, ApiError> {
    let raw = params["text"]
        .as_str()
        .ok_or_else(|| bad_request("message text is empty"))?;
    let text = match params["parse_mode"].as_str() {
        Some("HTML") => html_to_plain(raw)?,
        Some("MarkdownV2") | Some("Markdown") => raw.to_string(),
        _ => raw.to_string(),
    };
    if text.trim().is_empty() {
        return Err(bad_request("message text is empty"));
    }
    if text.encode_utf16().count() > 4096 {
        return Err(bad_request("message is too long"));
    }
    Ok(text)
}

/// Strips tags and decodes the four entities Telegram's HTML mode knows; a bare `<` or `&` that
/// is not an entity fails as it does on Telegram ("can't parse entities").
fn html_to_plain(raw: &str) -> Result<String, ApiError> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest
                .find('>')
                .ok_or_else(|| bad_request("can't parse entities: unclosed tag"))?;
            let tag = rest[1..end]
                .trim_start_matches('/')
                .split_whitespace()
                .next()
                .unwrap_or("");
            const TAGS: [&str; 17] = [
                "b",
                "strong",
                "i",
                "em",
                "u",
                "ins",
                "s",
                "strike",
                "del",
                "a",
                "code",
                "pre",
                "tg-spoiler",
                "span",
                "blockquote",
                "tg-emoji",
                "br",
            ];
            if !TAGS.contains(&tag) {
                return Err(bad_request(&format!(
                    "can't parse entities: unsupported start tag \"{tag}\""
                )));
            }
            rest = &rest[end + 1..];
        } else {
            let end = rest
                .find(';')
                .ok_or_else(|| bad_request("can't parse entities: bare &"))?;
            let decoded = match &rest[1..end] {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                other => {
                    return Err(bad_request(&format!(
                        "can't parse entities: unknown entity &{other};"
                    )));
                }
            };
            out.push_str(decoded);
            rest = &rest[end + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn check_keyboard(params: &Value) -> Result<Option<Value>, ApiError> {
    let Some(markup) = params.get("reply_markup").filter(|m| !m.is_null()) else {
        return Ok(None);
    };
    if let Some(rows) = markup["inline_keyboard"].as_array() {
        for button in rows.iter().filter_map(Value::as_array).flatten() {
            if button["text"].as_str().is_none_or(str::is_empty) {
                return Err(bad_request(
                    "text buttons are unallowed in the inline keyboard",
                ));
            }
            if let Some(data) = button["callback_data"].as_str()
                && !(1..=64).contains(&data.len())
            {
                return Err(bad_request("BUTTON_DATA_INVALID"));
            }
        }
    }
    Ok(Some(markup.clone()))
}

fn send_message(shared: &Shared, inner: &mut Inner, params: &Value, chat_id: i64) -> ApiResult {
    let chat = inner
        .chats
        .get(&chat_id)
        .cloned()
        .ok_or_else(|| bad_request("chat not found"))?;
    let text = visible_text(params)?;
    let markup = check_keyboard(params)?;
    let reply_to = params
        .pointer("/reply_parameters/message_id")
        .or_else(|| params.get("reply_to_message_id"))
        .and_then(Value::as_i64);
    let allow_missing = params
        .pointer("/reply_parameters/allow_sending_without_reply")
        .and_then(Value::as_bool)
        == Some(true)
        || params["allow_sending_without_reply"].as_bool() == Some(true);
    let message_id = inner.next_message_id;
    inner.next_message_id += 1;
    let mut message = json!({
        "message_id": message_id,
        "date": now(),
        "chat": chat,
        "from": shared.bot.json(),
        "text": text,
    });
    if let Some(markup) = markup {
        message["reply_markup"] = markup;
    }
    if let Some(reply_to) = reply_to {
        match inner.messages.get(&(chat_id, reply_to)) {
            Some(original) => message["reply_to_message"] = original.clone(),
            None if allow_missing => {}
            None => return Err(bad_request("message to be replied not found")),
        }
    }
    if let Some(thread) = params["message_thread_id"].as_i64() {
        message["message_thread_id"] = json!(thread);
        if chat["is_forum"].as_bool() == Some(true) {
            message["is_topic_message"] = json!(true);
        }
    }
    inner.learn_message(&message);
    inner.sent.entry(chat_id).or_default().push(message_id);
    Ok(message)
}

fn edit_message(
    inner: &mut Inner,
    method: &str,
    params: &Value,
    chat_id: Option<i64>,
) -> ApiResult {
    let chat_id = chat_id.ok_or_else(|| bad_request("chat_id is empty"))?;
    let message_id = params["message_id"]
        .as_i64()
        .ok_or_else(|| bad_request("message_id is empty"))?;
    let new_text = if method == "editMessageText" {
        Some(visible_text(params)?)
    } else {
        None
    };
    let markup = check_keyboard(params)?;
    let message = inner
        .messages
        .get_mut(&(chat_id, message_id))
        .ok_or_else(|| bad_request("message to edit not found"))?;
    let Some(fields) = message.as_object_mut() else {
        return Err(bad_request("message to edit not found"));
    };
    let unchanged = new_text
        .as_deref()
        .is_none_or(|t| fields.get("text").and_then(Value::as_str) == Some(t))
        && fields.get("reply_markup") == markup.as_ref();
    if unchanged {
        return Err(bad_request(
            "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        ));
    }
    if let Some(text) = new_text {
        fields.insert("text".into(), json!(text));
    }
    match markup {
        Some(markup) => fields.insert("reply_markup".into(), markup),
        None => fields.remove("reply_markup"),
    };
    fields.insert("edit_date".into(), json!(now()));
    Ok(message.clone())
}
