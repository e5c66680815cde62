//! The adapter's own mechanics, which the real desk cannot provoke on demand: `telegram::run`
//! with the real inbox, scheduler and sender against the fake Bot API, driving a scripted helpdesk that
//! answers by fixed rules — a wrong token, splitting and escaping, a 429 retried after
//! `retry_after`, a 403 reported once, document downloads, tracked messages, a failing desk.
//! Behaviour with the real desk is tested in the other `telegram_*.rs` files.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::TestApp;
use common::fake_bot_api::{Chat, Failure, FakeBotApi, Msg, Person};
use newsdesk::desk::{Button, ChatKind, Event, Input, Reply, Sender, Settle, Track};
use newsdesk::nlu::Lang;
use newsdesk::store::{Handled, InboxState, Store};
use newsdesk::telegram::{self, Config, Helpdesk, RateLimits};
use serde_json::json;
use tokio::sync::oneshot;

/// Answers by fixed rules and records everything the adapter tells it. Its replies commit with
/// the adapter's bookkeeping in a transaction on a real store, as the real desk's do.
struct ScriptedDesk {
    store: Store,
    /// Keeps the store's folder alive.
    _files: TestApp,
    inputs: Mutex<Vec<Input>>,
    sent: Mutex<Vec<(Track, i64, i32)>>,
    undeliverable: Mutex<Vec<(i64, String)>>,
}

fn send(input: &Input, text: String, buttons: Vec<Vec<Button>>) -> Reply {
    let group = input.place.kind == ChatKind::Group;
    Reply::Send {
        chat_id: input.place.chat_id,
        text,
        buttons,
        reply_to: if group { input.place.message_id } else { None },
        thread_id: input.place.thread_id,
        track: None,
    }
}

fn feedback_buttons() -> Vec<Vec<Button>> {
    vec![vec![
        Button::callback("👍", "fb:up"),
        Button::callback("👎", "fb:down"),
    ]]
}

impl ScriptedDesk {
    async fn new() -> ScriptedDesk {
        let files = TestApp::spawn().await;
        ScriptedDesk {
            store: files.app.store.clone(),
            _files: files,
            inputs: Mutex::default(),
            sent: Mutex::default(),
            undeliverable: Mutex::default(),
        }
    }

    /// Commits `replies` through `settle`, as the real desk does at the end of a turn.
    async fn commit(&self, replies: Vec<Reply>, settle: &dyn Settle) -> anyhow::Result<Vec<Reply>> {
        let mut tx = self.store.begin_write().await?;
        settle.settle(&mut tx, &replies, chrono::Utc::now()).await?;
        tx.commit().await?;
        Ok(replies)
    }

    fn script(&self, input: &Input) -> anyhow::Result<Vec<Reply>> {
        let input = input.clone();
        let chat_id = input.place.chat_id;
        Ok(match &input.event {
            Event::Text { text, .. } if text == "panjang" => {
                let paragraph = "Isi berita yang panjang sekali. ".repeat(60);
                vec![send(
                    &input,
                    [paragraph.as_str(); 6].join("\n\n"),
                    feedback_buttons(),
                )]
            }
            Event::Text { text, .. } if text == "gagal" => anyhow::bail!("the store is down"),
            Event::Text { text, edited } => {
                let prefix = if *edited { "edited" } else { "echo" };
                vec![send(
                    &input,
                    format!("{prefix}: {text}"),
                    feedback_buttons(),
                )]
            }
            Event::Command { name, args } if name == "ticket" => vec![Reply::Send {
                chat_id,
                text: format!("Tiket #7: {args}"),
                buttons: vec![],
                reply_to: None,
                thread_id: None,
                track: Some(Track::Ticket { ticket_id: 7 }),
            }],
            Event::Command { name, args } => {
                vec![send(&input, format!("command {name} [{args}]"), vec![])]
            }
            Event::Callback { data, .. } if data == "stale" => {
                vec![Reply::Toast {
                    text: "Tombol ini sudah kedaluwarsa.".into(),
                }]
            }
            Event::Callback { data, message_id } => vec![
                Reply::ClearButtons {
                    chat_id,
                    message_id: *message_id,
                },
                Reply::Toast {
                    text: format!("Terima kasih ({data})"),
                },
                send(&input, "Catatan disimpan.".into(), vec![]),
            ],
            Event::Document {
                file_name,
                bytes,
                size,
            } => vec![send(
                &input,
                format!(
                    "doc {} {size} {:?}",
                    file_name.clone().unwrap_or_default(),
                    bytes.as_ref().map(Vec::len)
                ),
                vec![],
            )],
            Event::Unsupported { what } => {
                vec![send(&input, format!("unsupported {what:?}"), vec![])]
            }
            Event::AddedToGroup => vec![send(
                &input,
                "Halo semua! Tanya dengan /ask.".into(),
                vec![],
            )],
            Event::Migrated { to_chat_id } => vec![Reply::Send {
                chat_id: *to_chat_id,
                text: "Pindah.".into(),
                buttons: vec![],
                reply_to: None,
                thread_id: None,
                track: None,
            }],
        })
    }
}

impl Helpdesk for ScriptedDesk {
    fn store(&self) -> &Store {
        &self.store
    }

    async fn handle(&self, input: Input, settle: &dyn Settle) -> anyhow::Result<Vec<Reply>> {
        self.inputs.lock().unwrap().push(input.clone());
        let mut replies = self.script(&input)?;
        // The real desk's rule: a press gets exactly one toast, first.
        if matches!(input.event, Event::Callback { .. }) {
            let toast = replies
                .iter()
                .position(|r| matches!(r, Reply::Toast { .. }))
                .map(|i| replies.remove(i))
                .unwrap_or(Reply::Toast {
                    text: String::new(),
                });
            replies.insert(0, toast);
        }
        if matches!(&input.event, Event::Text { text, .. } if text == "sudah dijawab") {
            // Another run of the bot on the same database handled this update first.
            self.commit(replies.clone(), settle).await?;
        }
        self.commit(replies, settle).await
    }

    fn command_list(&self, lang: Lang) -> Vec<(String, String)> {
        let (start, ask) = if lang == Lang::En {
            ("Start", "Ask a question")
        } else {
            ("Mulai", "Ajukan pertanyaan")
        };
        vec![("start".into(), start.into()), ("ask".into(), ask.into())]
    }

    async fn sent(
        &self,
        track: Track,
        chat_id: i64,
        message_id: i32,
        settle: &dyn Settle,
    ) -> anyhow::Result<()> {
        self.commit(Vec::new(), settle).await?;
        self.sent.lock().unwrap().push((track, chat_id, message_id));
        Ok(())
    }

    async fn undeliverable(
        &self,
        chat_id: i64,
        reason: &str,
        settle: &dyn Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        self.commit(Vec::new(), settle).await?;
        self.undeliverable
            .lock()
            .unwrap()
            .push((chat_id, reason.to_string()));
        Ok(Vec::new())
    }

    async fn slow_down(
        &self,
        input: &Input,
        notify: bool,
        settle: &dyn Settle,
    ) -> anyhow::Result<Vec<Reply>> {
        let replies = if notify {
            vec![send(input, "pelan-pelan".into(), vec![])]
        } else {
            vec![]
        };
        self.commit(replies, settle).await
    }

    fn trouble(&self, input: &Input) -> Option<Reply> {
        Some(send(input, "Maaf, ada gangguan.".into(), vec![]))
    }

    fn is_admin(&self, sender: Option<&Sender>) -> bool {
        sender.is_some_and(|s| s.user_id == 42)
    }
}

struct Running {
    fake: FakeBotApi,
    desk: Arc<ScriptedDesk>,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Running {
    async fn stop(mut self) -> anyhow::Result<()> {
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("run stops in time")
            .unwrap()
    }
}

fn config(fake: &FakeBotApi) -> Config {
    let mut config = Config::new(fake.token(), Some(fake.api_url()));
    config.limits = RateLimits::lifted();
    config.poll_timeout = Duration::from_secs(2);
    // A failing desk is given up on quickly, so the apology can be seen.
    config.storage_patience = Duration::from_millis(300);
    config
}

async fn start() -> Running {
    let fake = FakeBotApi::start().await;
    let desk = Arc::new(ScriptedDesk::new().await);
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(telegram::run(config(&fake), desk.clone(), async move {
        let _ = stopped.await;
    }));
    Running {
        fake,
        desk,
        stop: Some(stop),
        task,
    }
}

fn alice() -> Person {
    Person::new(42, "Alice").username("alice_r").lang("id")
}

fn group() -> Chat {
    Chat::supergroup(-1001234567890, "Pembaca")
}

#[tokio::test]
async fn a_wrong_token_stops_the_start_with_a_clear_error_and_no_token_in_it() {
    let fake = FakeBotApi::start().await;
    let mut config = config(&fake);
    config.token = "999:wrong-secret-token-value".into();
    let error = telegram::run(
        config,
        Arc::new(ScriptedDesk::new().await),
        std::future::pending(),
    )
    .await
    .unwrap_err();
    let text = format!("{error:#}");
    assert!(text.contains("TELOXIDE_TOKEN"), "{text}");
    assert!(!text.contains("wrong-secret-token-value"), "{text}");
}

#[tokio::test]
async fn long_answers_are_split_with_the_keyboard_on_the_last_part_and_html_escaped() {
    let app = start().await;
    let alice = alice();
    let group = group();
    let asked = app
        .fake
        .push(Msg::text(&group, &alice, "@newsdesk_bot panjang").message());
    let sent = app.fake.wait_for_calls("sendMessage", 3).await;
    assert_eq!(sent.len(), 3, "{} characters in 3 parts", 6 * 32 * 60);
    assert!(
        sent.iter()
            .all(|c| c.ok && c.params["text"].as_str().unwrap().encode_utf16().count() <= 4096)
    );
    assert_eq!(
        sent[0].params["reply_parameters"]["message_id"],
        json!(asked.message_id())
    );
    assert!(sent[1].params.get("reply_parameters").is_none());
    assert!(
        sent[..2]
            .iter()
            .all(|c| c.params.get("reply_markup").is_none())
    );
    assert!(sent[2].params.get("reply_markup").is_some());

    app.fake
        .push(Msg::text(&group, &alice, "@newsdesk_bot a<b & c>d").message());
    let sent = app.fake.wait_for_calls("sendMessage", 4).await;
    assert_eq!(sent[3].params["text"], "echo: a&lt;b &amp; c&gt;d");
    assert_eq!(
        app.fake.sent_texts(group.id).last().unwrap(),
        "echo: a<b & c>d"
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_blocked_reader_is_reported_to_the_desk_and_others_are_still_served() {
    let app = start().await;
    let alice = alice();
    let bob = Person::new(43, "Bob").lang("en");
    app.fake.block_chat(42);
    app.fake
        .push(Msg::text(&Chat::private(&alice), &alice, "halo").message());
    app.fake.wait_for_calls("sendMessage", 1).await;
    app.fake
        .push(Msg::text(&Chat::private(&bob), &bob, "hello").message());
    let sent = app.fake.wait_for_calls("sendMessage", 2).await;
    assert_eq!(
        sent.iter().filter(|c| c.params["chat_id"] == 42).count(),
        1,
        "no retry storm"
    );
    assert!(sent.iter().any(|c| c.params["chat_id"] == 43 && c.ok));
    let refused = app.desk.undeliverable.lock().unwrap().clone();
    assert_eq!(
        refused,
        vec![(42, "Forbidden: bot was blocked by the user".to_string())]
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn a_rate_limited_send_is_retried_after_retry_after() {
    let app = start().await;
    let alice = alice();
    app.fake.fail_next("sendMessage", Failure::RetryAfter(1));
    app.fake
        .push(Msg::text(&Chat::private(&alice), &alice, "halo").message());
    let sent = app.fake.wait_for_calls("sendMessage", 2).await;
    assert!(!sent[0].ok);
    assert!(sent[1].ok);
    assert!(
        sent[1].at.duration_since(sent[0].at) >= Duration::from_millis(900),
        "waited retry_after"
    );
    assert_eq!(sent[1].params["text"], "echo: halo");
    app.stop().await.unwrap();
}

#[tokio::test]
async fn private_documents_up_to_one_mebibyte_are_downloaded_for_the_desk() {
    let app = start().await;
    let alice = alice();
    let private = Chat::private(&alice);
    let small = app.fake.add_file("halaman.txt", b"Judul\n\nIsi".to_vec());
    let big = app.fake.add_file("besar.txt", vec![b'a'; 1024 * 1024 + 1]);
    app.fake
        .push(Msg::document(&private, &alice, &small).message());
    app.fake
        .push(Msg::document(&private, &alice, &big).message());
    let sent = app.fake.wait_for_calls("sendMessage", 2).await;
    assert_eq!(sent[0].params["text"], "doc halaman.txt 10 Some(10)");
    assert_eq!(sent[1].params["text"], "doc besar.txt 1048577 None");
    assert_eq!(
        app.fake.calls_of("getFile").len(),
        1,
        "the big one is not even looked up"
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn tracked_replies_report_their_message_id_and_a_failing_desk_gets_an_apology() {
    let app = start().await;
    let alice = alice();
    let private = Chat::private(&alice);
    app.fake
        .push(Msg::text(&private, &alice, "/ticket tolong").message());
    app.fake.wait_for_calls("sendMessage", 1).await;
    let ticket_message = app.fake.sent_messages(42)[0]["message_id"]
        .as_i64()
        .unwrap() as i32;
    // The desk is told after the send returns; give its record a moment.
    for _ in 0..50 {
        if !app.desk.sent.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        app.desk.sent.lock().unwrap().clone(),
        vec![(Track::Ticket { ticket_id: 7 }, 42, ticket_message)]
    );

    app.fake
        .push(Msg::text(&private, &alice, "gagal").message());
    let sent = app.fake.wait_for_calls("sendMessage", 2).await;
    assert!(
        sent[1].params["text"].as_str().unwrap().starts_with("Maaf"),
        "{:?}",
        sent[1].params
    );
    app.stop().await.unwrap();
}

#[tokio::test]
async fn an_update_another_run_handled_first_is_neither_answered_again_nor_retried() {
    let app = start().await;
    let alice = alice();
    let private = Chat::private(&alice);
    app.fake
        .push(Msg::text(&private, &alice, "sudah dijawab").message());
    app.fake.wait_for_calls("sendMessage", 1).await;
    // Longer than the patience (300 ms) and a retry's backoff: an apology or a retry shows now.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let texts: Vec<_> = app
        .fake
        .calls_of("sendMessage")
        .iter()
        .map(|c| c.params["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(texts, vec!["echo: sudah dijawab".to_string()]);
    assert_eq!(app.desk.inputs.lock().unwrap().len(), 1, "not retried");
    assert_eq!(
        app.desk.store.inbox_counts().await.unwrap(),
        vec![(InboxState::Handled(Handled::Done), 1)]
    );
    app.stop().await.unwrap();
}
