//! The console adapter over an in-memory stream: the same desk as on Telegram, buttons numbered
//! and pressed by number, `/lang`, `/articles`, `/help`.

use crate::common;
use crate::desk_kit;

use common::TestApp;
use desk_kit::DeskApp;
use newsdesk::console::{self, CONSOLE_CHAT_ID};
use newsdesk::desk::Sender;

fn you() -> Sender {
    Sender {
        user_id: CONSOLE_CHAT_ID,
        first_name: "Tester".into(),
        username: None,
        language_code: None,
        is_anonymous: false,
    }
}

async fn chat(app: &DeskApp, lines: &str) -> String {
    let mut out = Vec::new();
    console::run(&app.desk, lines.as_bytes(), &mut out, you())
        .await
        .expect("the console runs to the end of its input");
    String::from_utf8(out).expect("UTF-8 output")
}

#[tokio::test]
async fn the_console_greets_answers_questions_and_lists_buttons_by_number() {
    let app = DeskApp::start(TestApp::builder()).await;

    let out = chat(&app, "Tahun berapa WhatsApp diakuisisi Facebook?\n1\n").await;

    assert!(out.contains("Halo Tester"), "{out}");
    assert!(out.contains("2014"), "{out}");
    assert!(out.contains("[1] 👍   [2] 👎"), "{out}");
    assert!(
        out.contains("(Terima kasih atas masukannya!)"),
        "pressing 1 votes: {out}"
    );
    let state = app
        .test
        .app
        .store
        .chat_state(CONSOLE_CHAT_ID)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(state.questions, 1);
}

#[tokio::test]
async fn lang_articles_and_help_work_in_the_console_as_on_telegram() {
    let app = DeskApp::start(TestApp::builder()).await;

    let out = chat(&app, "/lang\n2\n/articles\n/help\n/quit\nnot read\n").await;

    assert!(out.contains("[1] Bahasa Indonesia   [2] English"), "{out}");
    assert!(out.contains("(English chosen.)"), "{out}");
    assert!(
        out.contains("OK, from now on I will reply in English."),
        "{out}"
    );
    assert!(out.contains("Articles I hold:"), "{out}");
    assert!(out.contains("13 January 2021"), "{out}");
    assert!(
        out.contains("/subscribe — tell me about new articles"),
        "{out}"
    );
    assert!(!out.contains("not read"), "{out}");
}

#[tokio::test]
async fn a_number_without_a_button_gets_a_polite_note_and_blank_lines_are_skipped() {
    let app = DeskApp::start(TestApp::builder()).await;

    let out = chat(&app, "/help\n\n   \n7\n").await;

    assert!(
        out.contains("Tidak ada tombol 7"),
        "7 is a miss-press: {out}"
    );
    assert!(
        !out.contains("hanya bisa menjawab pertanyaan yang ditulis"),
        "blank lines are not answered: {out}"
    );
}

#[tokio::test]
async fn the_console_help_lists_quit_and_pressing_buttons_by_number() {
    let app = DeskApp::start(TestApp::builder()).await;
    let out = chat(&app, "/help\n").await;
    assert!(out.contains("/quit"), "{out}");
    assert!(out.contains("button's number"), "{out}");
    assert!(out.contains("↑/↓"), "history keys: {out}");
}
