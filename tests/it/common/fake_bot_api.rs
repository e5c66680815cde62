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

mod feed;
mod http;
mod methods;
mod recorded;
pub mod updates;

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{any, get};
use serde_json::Value;
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
}
