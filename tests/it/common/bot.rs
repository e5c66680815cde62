//! `TestBot`: the whole bot for black-box tests — a [`TestApp`] (fresh migrated SQLite file, the
//! seed article, admins and a support chat), the in-process [`FakeBotApi`], and the real
//! `telegram::run` with the real [`Desk`], stoppable and restartable on the same database and the
//! same fake (so re-delivered updates and state kept across restarts can be tested).

use std::sync::Arc;
use std::time::Duration;

use newsdesk::app::App;
use newsdesk::desk::Desk;
use newsdesk::store::Store;
use newsdesk::telegram::{self, Config, Outlet, RateLimits};
use serde_json::Value;
use tokio::sync::oneshot;

use super::fake_bot_api::{Chat, FakeBotApi, Person};
use super::{TestApp, TestAppBuilder};

/// The admin every default [`TestBot`] knows (`NEWSDESK_ADMINS`).
pub const ADMIN_ID: i64 = 900_001;
/// The support chat of a default [`TestBot`] (`NEWSDESK_SUPPORT_CHAT_ID`): a supergroup.
pub const SUPPORT_CHAT_ID: i64 = -1_002_000_000_001;

/// A reader writing in Indonesian.
pub fn reader() -> Person {
    Person::new(42, "Budi").username("budi_r").lang("id")
}

/// A reader whose client is set to English.
pub fn english_reader() -> Person {
    Person::new(43, "Emma").username("emma_r").lang("en")
}

/// The admin of a default [`TestBot`].
pub fn admin() -> Person {
    Person::new(ADMIN_ID, "Admin")
        .username("redaksi")
        .lang("id")
}

/// A member of staff in the support chat (not an admin).
pub fn staff() -> Person {
    Person::new(900_100, "Sari").username("sari_cs").lang("id")
}

/// The support chat as Telegram describes it.
pub fn support_chat() -> Chat {
    Chat::supergroup(SUPPORT_CHAT_ID, "Newsdesk Support")
}

/// A readers' supergroup.
pub fn readers_group() -> Chat {
    Chat::supergroup(-1_001_234_567_890, "Pembaca Kontan")
}

struct Running {
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

/// A running bot. Dropping it aborts the bot; [`TestBot::stop`] stops it gracefully.
pub struct TestBot {
    pub fake: FakeBotApi,
    /// The app as the running bot built it (rebuilt by [`TestBot::restart`]).
    pub app: App,
    pub desk: Arc<Desk>,
    /// Keeps the test's folder (database, config, content) alive.
    pub files: TestApp,
    running: Option<Running>,
    /// Applied to every configuration the bot starts with (see [`TestBot::spawn_tuned`]).
    tune: fn(&mut Config),
    /// Where what the bot sends on its own (the feed poller's notices) is queued: pass it to
    /// `poller::tick`; every start of the bot listens to it.
    pub outlet: Outlet,
}

impl TestBot {
    /// The seed article, [`ADMIN_ID`] as admin and [`SUPPORT_CHAT_ID`] as support chat.
    pub async fn spawn() -> TestBot {
        Self::spawn_with(default_app(), Some(support_chat())).await
    }

    /// As [`TestBot::spawn`] but with no support chat configured.
    pub async fn spawn_without_support_chat() -> TestBot {
        Self::spawn_with(TestApp::builder().seed_content().admins(&[ADMIN_ID]), None).await
    }

    /// A bot over the app `builder` makes; `support`, when given, must be the chat the builder
    /// names as support chat: the fake learns it so the bot can write there.
    pub async fn spawn_with(builder: TestAppBuilder, support: Option<Chat>) -> TestBot {
        Self::spawn_tuned(builder, support, |_| {}).await
    }

    /// As [`TestBot::spawn_with`], with `tune` changing the bot's configuration (limits, flood,
    /// patience) on every start.
    pub async fn spawn_tuned(
        builder: TestAppBuilder,
        support: Option<Chat>,
        tune: fn(&mut Config),
    ) -> TestBot {
        // `RUST_LOG=newsdesk=debug` shows the bot's log in a failing test's output.
        let _ = env_logger::builder().is_test(true).try_init();
        let fake = FakeBotApi::start().await;
        if let Some(chat) = &support {
            fake.add_chat(chat);
        }
        let files = builder.build().await;
        let app = files.app.clone();
        let desk = app.desk().await.expect("the desk builds");
        let mut bot = TestBot {
            fake,
            app,
            desk,
            files,
            running: None,
            tune,
            outlet: Outlet::default(),
        };
        bot.start();
        bot
    }

    fn config(&self) -> Config {
        let mut config = Config::new(self.fake.token(), Some(self.fake.api_url()));
        // Telegram's limits would make every test wait; a test that needs them sets its own.
        config.limits = RateLimits::lifted();
        // Short, so that a stop does not wait long for the poll in flight.
        config.poll_timeout = Duration::from_secs(1);
        config.outlet = self.outlet.clone();
        (self.tune)(&mut config);
        config
    }

    fn start(&mut self) {
        assert!(self.running.is_none(), "the bot is already running");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(telegram::run(
            self.config(),
            self.desk.clone(),
            async move {
                let _ = stopped.await;
            },
        ));
        self.running = Some(Running { stop, task });
    }

    /// Stops the bot as Ctrl-C would, and checks that it stopped cleanly.
    pub async fn stop(&mut self) {
        let Running { stop, task } = self.running.take().expect("the bot is running");
        let _ = stop.send(());
        tokio::time::timeout(Duration::from_secs(15), task)
            .await
            .expect("the bot stops in time")
            .expect("the bot task did not panic")
            .expect("the bot stopped without an error");
    }

    /// Kills the bot mid-stream, as `kill -9` would: its task and every part it spawned are
    /// dropped wherever they are, with no chance to finish or confirm anything.
    pub async fn kill(&mut self) {
        let Running { task, .. } = self.running.take().expect("the bot is running");
        task.abort();
        let _ = task.await;
    }

    /// Stops the bot and starts a new one on the same database, content and fake, as a restarted
    /// program would: the app and the desk are built again from the files.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.resume().await;
    }

    /// Starts a stopped bot again, as [`TestBot::restart`] does (between the two, a test can
    /// change the fake, e.g. un-confirm updates as a crash would leave them).
    pub async fn resume(&mut self) {
        self.app = self.files.restart().await;
        self.desk = self.app.desk().await.expect("the desk builds again");
        self.start();
    }

    /// The texts sent to `chat_id` so far, as the reader sees them.
    pub fn texts(&self, chat_id: i64) -> Vec<String> {
        self.fake.sent_texts(chat_id)
    }

    /// Waits until `chat_id` got at least `n` messages from the bot in all; returns them.
    pub async fn wait_for_messages(&self, chat_id: i64, n: usize) -> Vec<Value> {
        self.fake.wait_for_sent(chat_id, n).await
    }

    /// Waits until the bot has recorded the delivery of everything it queued (the outbox is
    /// empty): a message the fake server shows may not yet be known to the bot by its id, which
    /// a staff member's reply to it needs. (On Telegram no person replies that fast.)
    pub async fn wait_until_sent(&self) {
        until(
            self.desk.store(),
            "everything queued is sent",
            |s| async move { s.outbox_len().await.expect("the outbox is readable") == 0 },
        )
        .await;
    }

    /// Pushes `update` and waits for `n` new messages to `chat_id`; returns those.
    pub async fn push_expecting(&self, update: Value, chat_id: i64, n: usize) -> Vec<Value> {
        let before = self.fake.sent_messages(chat_id).len();
        self.fake.push(update);
        let sent = self.fake.wait_for_sent(chat_id, before + n).await;
        sent[before..].to_vec()
    }

    /// Pushes `update` and returns the first new message to `chat_id` (the answer).
    pub async fn answer_to(&self, update: Value, chat_id: i64) -> Value {
        self.push_expecting(update, chat_id, 1).await.remove(0)
    }
}

/// Waits (up to ten seconds) until `check` holds for the store.
pub async fn until<F, Fut>(store: &Store, what: &str, mut check: F)
where
    F: FnMut(Store) -> Fut,
    Fut: Future<Output = bool>,
{
    for _ in 0..400 {
        if check(store.clone()).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out waiting until {what}");
}

/// The text of a sent message as the reader sees it.
pub fn text(message: &Value) -> &str {
    message["text"].as_str().unwrap_or_default()
}

/// `(label, callback_data)` of every inline button under a sent message, row by row.
pub fn buttons(message: &Value) -> Vec<(String, String)> {
    message["reply_markup"]["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .map(|b| {
            (
                b["text"].as_str().unwrap_or_default().to_string(),
                b["callback_data"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The callback data of the first button whose label contains `label`.
pub fn button(message: &Value, label: &str) -> String {
    buttons(message)
        .into_iter()
        .find(|(l, _)| l.contains(label))
        .unwrap_or_else(|| panic!("no button {label:?} under {message:#}"))
        .1
}

impl Drop for TestBot {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            running.task.abort();
        }
    }
}

fn default_app() -> TestAppBuilder {
    TestApp::builder()
        .seed_content()
        .admins(&[ADMIN_ID])
        .support_chat_id(SUPPORT_CHAT_ID)
}
