//! The service side over real HTTP: `/healthz` and `/metrics` next to the polling bot, `/healthz`
//! refusing while the Bot API is silent, webhook mode against the fake Bot API (`setWebhook`
//! received, an update with the secret answered, one without it refused and not stored, the
//! generated secret kept across a restart), and JSON log lines.

use std::time::Duration;

use crate::common;

use common::bot::{reader, text};
use common::fake_bot_api::{Chat, FakeBotApi, Msg};
use common::{TestApp, TestAppBuilder};
use newsdesk::ops::health::Pulse;
use newsdesk::ops::http::{self, OpsState};
use newsdesk::telegram::{self, RateLimits};
use serde_json::{Value, json};
use tokio::sync::oneshot;

/// A loopback address nothing listens on now (the port is released for the server to take).
fn free_addr() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

/// `newsdesk run` in this process: the app built from `builder` (plus the fake's token and URL),
/// served until the returned sender is dropped or fired.
struct Service {
    test: TestApp,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Service {
    async fn start(fake: &FakeBotApi, builder: TestAppBuilder) -> Service {
        let test = builder
            .seed_content()
            .env("TELOXIDE_TOKEN", fake.token())
            .env("TELOXIDE_API_URL", fake.api_url().to_string())
            .build()
            .await;
        Self::start_on(test).await
    }

    async fn start_on(test: TestApp) -> Service {
        let mut config = telegram::Config::from_settings(&test.app.settings).expect("a token");
        config.limits = RateLimits::lifted();
        config.poll_timeout = Duration::from_secs(1);
        let (stop, stopped) = oneshot::channel::<()>();
        let app = test.app.clone();
        let task = tokio::spawn(async move {
            newsdesk::cli_serve::serve(&app, config, async move {
                let _ = stopped.await;
            })
            .await
        });
        Service {
            test,
            stop: Some(stop),
            task,
        }
    }

    fn url(&self, path: &str) -> String {
        let addr = self
            .test
            .app
            .settings
            .http
            .listen
            .expect("a listen address");
        format!("http://{addr}{path}")
    }

    async fn stop(mut self) -> TestApp {
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(Duration::from_secs(20), &mut self.task)
            .await
            .expect("stops in time")
            .expect("no panic")
            .expect("stops cleanly");
        self.test
    }
}

/// GETs `url` until the server answers (it starts in the background).
async fn get(url: &str) -> reqwest::Response {
    for _ in 0..100 {
        if let Ok(response) = reqwest::get(url).await {
            return response;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("nothing answers at {url}");
}

#[tokio::test]
async fn healthz_and_metrics_are_served_next_to_the_polling_bot_when_listen_is_set() {
    let fake = FakeBotApi::start().await;
    let service = Service::start(
        &fake,
        TestApp::builder().env("NEWSDESK_LISTEN", free_addr()),
    )
    .await;

    let budi = reader();
    let chat = Chat::private(&budi);
    fake.push(Msg::text(&chat, &budi, "Tahun berapa WhatsApp diakuisisi Facebook?").message());
    let answer = &fake.wait_for_sent(chat.id, 1).await[0];
    assert!(text(answer).contains("2014"));
    assert_eq!(fake.webhook(), None, "polling deletes the webhook first");

    let health = get(&service.url("/healthz")).await;
    assert_eq!(health.status(), 200);
    let body: Value = health.json().await.unwrap();
    assert_eq!(body["status"], "ok", "{body}");
    assert_eq!(body["database_writable"], true, "{body}");
    assert_eq!(body["inbox_pending"], 0, "the question was handled: {body}");
    assert!(body["outbox_pending"].is_i64(), "{body}");

    let metrics = get(&service.url("/metrics")).await;
    assert_eq!(metrics.status(), 200);
    let body = metrics.text().await.unwrap();
    for name in [
        "newsdesk_updates_total",
        "newsdesk_messages_sent_total",
        "newsdesk_send_errors_total",
        "newsdesk_inbox_pending",
        "newsdesk_outbox_pending",
        "newsdesk_answer_duration_seconds_bucket",
    ] {
        assert!(body.contains(name), "{name} missing from:\n{body}");
    }
    assert!(body.contains("newsdesk_articles 1"), "{body}");
    assert!(
        body.contains(r#"newsdesk_questions_total{intent="article",answered="true"}"#),
        "{body}"
    );
    service.stop().await;
}

#[tokio::test]
async fn healthz_is_503_with_the_reason_while_the_bot_api_has_not_answered() {
    let test = TestApp::spawn().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let pulse = Pulse::new();
    let router = http::router(OpsState {
        store: test.app.store.clone(),
        pulse: pulse.clone(),
    });
    let server = tokio::spawn(http::serve(listener, router, std::future::pending()));

    let response = get(&format!("http://{addr}/healthz")).await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "unavailable");
    assert!(
        body["reason"]
            .as_str()
            .unwrap()
            .contains("Bot API has not answered"),
        "{body}"
    );

    pulse.beat();
    assert_eq!(get(&format!("http://{addr}/healthz")).await.status(), 200);
    server.abort();
}

fn webhook_builder(addr: &str, secret: Option<&str>) -> TestAppBuilder {
    let builder = TestApp::builder()
        .env("NEWSDESK_LISTEN", addr)
        .env("NEWSDESK_WEBHOOK_URL", format!("http://{addr}/tg/hook"));
    match secret {
        Some(secret) => builder.env("NEWSDESK_WEBHOOK_SECRET", secret),
        None => builder,
    }
}

async fn wait_for_webhook(fake: &FakeBotApi, calls: usize) -> common::fake_bot_api::Webhook {
    fake.wait_for_calls("setWebhook", calls).await;
    fake.webhook().expect("a webhook is set")
}

#[tokio::test]
async fn webhook_mode_sets_the_webhook_answers_updates_with_the_secret_and_refuses_others() {
    let fake = FakeBotApi::start().await;
    let addr = free_addr();
    let service = Service::start(&fake, webhook_builder(&addr, Some("s3cret-Token_1"))).await;

    let hook = wait_for_webhook(&fake, 1).await;
    assert_eq!(hook.url, format!("http://{addr}/tg/hook"));
    assert_eq!(hook.secret.as_deref(), Some("s3cret-Token_1"));
    let allowed = hook
        .allowed_updates
        .expect("allowed_updates sent")
        .to_string();
    for kind in [
        "message",
        "edited_message",
        "callback_query",
        "my_chat_member",
    ] {
        assert!(allowed.contains(kind), "{allowed}");
    }
    assert!(
        fake.calls_of("getUpdates").is_empty(),
        "no polling in webhook mode"
    );

    let budi = reader();
    let chat = Chat::private(&budi);
    fake.add_chat(&chat);
    let mut update = Msg::text(&chat, &budi, "Tahun berapa WhatsApp diakuisisi Facebook?")
        .id(77)
        .message();
    update["update_id"] = json!(5001);
    let client = reqwest::Client::new();
    let hook_url = service.url("/tg/hook");

    for wrong in [None, Some("wrong-secret")] {
        let mut request = client.post(&hook_url).json(&update);
        if let Some(secret) = wrong {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        let refused = request.send().await.unwrap();
        assert_eq!(refused.status(), 401, "secret {wrong:?}");
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        fake.sent_messages(chat.id).is_empty(),
        "a refused update is not answered"
    );
    assert!(
        service
            .test
            .app
            .store
            .chat_state(chat.id)
            .await
            .unwrap()
            .is_none(),
        "nor stored"
    );

    // Until the bot has its inbox the route answers 503 and Telegram retries; so does this test.
    let mut accepted = None;
    for _ in 0..50 {
        let response = client
            .post(&hook_url)
            .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-Token_1")
            .json(&update)
            .send()
            .await
            .unwrap();
        if response.status() != 503 {
            accepted = Some(response.status());
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(accepted, Some(reqwest::StatusCode::OK));
    let answer = &fake.wait_for_sent(chat.id, 1).await[0];
    assert!(text(answer).contains("2014"), "{}", text(answer));

    // Telegram's retry of the same update is acknowledged and not answered twice.
    let again = client
        .post(&hook_url)
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-Token_1")
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(fake.sent_messages(chat.id).len(), 1, "answered once");
    service.stop().await;
}

#[tokio::test]
async fn without_a_configured_secret_one_is_generated_kept_in_the_database_and_reused() {
    let fake = FakeBotApi::start().await;
    let addr = free_addr();
    let service = Service::start(&fake, webhook_builder(&addr, None)).await;
    let first = wait_for_webhook(&fake, 1).await.secret.expect("a secret");
    assert!(first.len() >= 32, "{first}");
    let test = service.stop().await;
    assert_eq!(
        test.app.store.webhook_secret().await.unwrap().as_deref(),
        Some(first.as_str())
    );

    let service = Service::start_on(test).await;
    let second = wait_for_webhook(&fake, 2).await.secret.expect("a secret");
    assert_eq!(second, first, "a restart keeps the webhook's secret");
    service.stop().await;
}

#[test]
fn json_log_format_writes_one_json_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .current_dir(dir.path())
        .env_clear()
        .env("NEWSDESK_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .args(["ask", "halo"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(!lines.is_empty(), "the first run logs its import");
    for line in lines {
        let entry: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(
            entry["level"].is_string() && entry["msg"].is_string(),
            "{line}"
        );
    }
    assert!(stderr.contains("imported #1"), "{stderr}");
}

#[tokio::test]
async fn a_webhook_telegram_refuses_stops_the_start_with_the_reason() {
    let fake = FakeBotApi::start().await;
    fake.fail_next(
        "setWebhook",
        common::fake_bot_api::Failure::Api(
            400,
            "Bad Request: bad webhook: HTTPS url must be provided for webhook".into(),
        ),
    );
    let addr = free_addr();
    let mut service = Service::start(&fake, webhook_builder(&addr, Some("s3cret"))).await;
    let error = tokio::time::timeout(Duration::from_secs(20), &mut service.task)
        .await
        .expect("the start ends")
        .expect("no panic")
        .expect_err("a refused webhook is an error");
    let text = format!("{error:#}");
    assert!(text.contains("NEWSDESK_WEBHOOK_URL"), "{text}");
    assert!(text.contains("HTTPS url must be provided"), "{text}");
    assert!(!text.contains(fake.token()), "{text}");
}
