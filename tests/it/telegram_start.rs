//! Starting and stopping the bot: the command menus registered in Indonesian (default) and
//! English, and the real `newsdesk run` binary going live against the fake Bot API
//! (`TELOXIDE_API_URL`), answering, and stopping cleanly on SIGTERM.

use crate::common;

use std::process::Stdio;
use std::time::Duration;

use common::bot::{TestBot, reader, text};
use common::fake_bot_api::{Chat, FakeBotApi, Msg};
use common::repo_path;
use serde_json::Value;

const COMMANDS: [&str; 9] = [
    "start",
    "help",
    "ask",
    "lang",
    "articles",
    "subscribe",
    "unsubscribe",
    "human",
    "cancel",
];

fn names_and_descriptions(menu: &Value) -> (Vec<String>, Vec<String>) {
    let items = menu.as_array().expect("a command list");
    (
        items
            .iter()
            .map(|c| c["command"].as_str().unwrap().to_string())
            .collect(),
        items
            .iter()
            .map(|c| c["description"].as_str().unwrap().to_string())
            .collect(),
    )
}

#[tokio::test]
async fn the_command_menu_is_registered_in_indonesian_by_default_and_in_english() {
    let bot = TestBot::spawn().await;
    bot.fake.wait_for_calls("setMyCommands", 2).await;

    let (id_names, id_descriptions) =
        names_and_descriptions(&bot.fake.commands(None).expect("the default menu"));
    let (en_names, en_descriptions) =
        names_and_descriptions(&bot.fake.commands(Some("en")).expect("the English menu"));
    assert_eq!(id_names, COMMANDS);
    assert_eq!(en_names, COMMANDS);
    assert_eq!(id_descriptions[2], "Ajukan pertanyaan");
    assert_eq!(en_descriptions[2], "Ask a question");
}

#[tokio::test]
async fn newsdesk_run_goes_live_with_the_token_answers_and_stops_cleanly_on_sigterm() {
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("run")
        .current_dir(dir.path())
        .env_clear()
        .env("DATABASE_URL", "sqlite://data/newsdesk.db")
        .env("NEWSDESK_CONTENT_DIR", repo_path("content"))
        .env("TELOXIDE_TOKEN", fake.token())
        .env("TELOXIDE_API_URL", fake.api_url().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("newsdesk starts");

    let budi = reader();
    let chat = Chat::private(&budi);
    fake.push(Msg::text(&chat, &budi, "Tahun berapa WhatsApp diakuisisi Facebook?").message());
    let answer = &fake.wait_for_sent(chat.id, 1).await[0];
    assert!(text(answer).contains("2014"), "{}", text(answer));

    let pid = child.id().expect("still running").to_string();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(status.success());
    let out = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
        .await
        .expect("stops in time after SIGTERM")
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("TEST-fake-token"),
        "no token in logs: {stderr}"
    );
}
