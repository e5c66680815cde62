//! Button presses: votes stored with the question, stale and forged callbacks answered with a
//! polite toast and nothing changed; every press gets exactly one toast, first.

use crate::common;
use crate::desk_kit;

use common::TestApp;
use desk_kit::{DeskApp, only_to, reader, sent, toast};

#[tokio::test]
async fn a_vote_is_stored_with_the_question_and_a_second_press_replaces_it() {
    let app = DeskApp::start(TestApp::builder().admins(&[90])).await;
    let ani = reader(601, "Ani", Some("id"));
    let admin = reader(90, "Admin", Some("en"));

    let answer = only_to(
        &app.handle(ani.text("Tahun berapa WhatsApp diakuisisi Facebook?"))
            .await,
        ani.chat_id(),
    );
    let replies = app.handle(ani.press(&answer.button("👎"), 5)).await;
    assert_eq!(toast(&replies), "Terima kasih atas masukannya!");
    assert!(sent(&replies).is_empty());

    let stats = only_to(
        &app.handle(admin.command("stats", "")).await,
        admin.chat_id(),
    );
    assert!(stats.text.contains("👍 0 · 👎 1"), "{}", stats.text);
    let unanswered = only_to(
        &app.handle(admin.command("unanswered", "")).await,
        admin.chat_id(),
    );
    assert!(
        unanswered
            .text
            .contains("Tahun berapa WhatsApp diakuisisi Facebook?"),
        "a 👎 answer is listed: {}",
        unanswered.text
    );

    app.handle(ani.press(&answer.button("👍"), 5)).await;
    let stats = only_to(
        &app.handle(admin.command("stats", "")).await,
        admin.chat_id(),
    );
    assert!(stats.text.contains("👍 1 · 👎 0"), "{}", stats.text);
}

#[tokio::test]
async fn a_forged_callback_gets_a_polite_toast_and_changes_nothing() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(602, "Ani", Some("id"));

    for data in [
        "",
        "fb:x:1",
        "DROP TABLE chats",
        "more:1",
        "lang:fr",
        &"9".repeat(80),
        "💥",
    ] {
        let replies = app.handle(ani.press(data, 1)).await;
        assert_eq!(
            toast(&replies),
            "Maaf, tombol ini tidak saya kenali.",
            "{data:?}"
        );
        assert_eq!(replies.len(), 1, "{data:?}: {replies:#?}");
    }
}

#[tokio::test]
async fn a_stale_callback_gets_a_polite_toast_and_changes_nothing() {
    let app = DeskApp::start(TestApp::builder().admins(&[91])).await;
    let ani = reader(603, "Ani", Some("id"));
    let budi = reader(604, "Budi", Some("id"));

    // A vote on a question that does not exist, or that was asked in another chat.
    let answer = only_to(
        &app.handle(ani.text("Siapa penulis berita ini?")).await,
        ani.chat_id(),
    );
    for data in ["fb:+:999999".to_string(), answer.button("👍")] {
        let replies = app.handle(budi.press(&data, 3)).await;
        assert_eq!(toast(&replies), "Tombol ini sudah tidak berlaku.", "{data}");
    }
    // More from an article that is gone; a suggestion beyond those offered; a draft never made.
    for data in ["more:4242:1", "ask:99", "pub:77", "cancel:77"] {
        let admin = reader(91, "Admin", Some("id"));
        let replies = app.handle(admin.press(data, 3)).await;
        assert_eq!(toast(&replies), "Tombol ini sudah tidak berlaku.", "{data}");
        assert!(sent(&replies).is_empty(), "{data}: {replies:#?}");
    }
}

#[tokio::test]
async fn more_at_the_end_of_the_article_says_there_is_nothing_more() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(605, "Ani", Some("id"));

    let replies = app.handle(ani.press("more:1:999", 3)).await;
    assert_eq!(toast(&replies), "Tidak ada paragraf lagi di artikel ini.");
}

#[tokio::test]
async fn a_press_re_delivered_after_a_restart_only_gets_its_toast() {
    let mut app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(606, "Ani", None);
    let press = ani.press("lang:en", 4);

    app.handle(press.clone()).await;
    app.restart().await;
    let replies = app.handle(press).await;
    assert_eq!(toast(&replies), "");
    assert_eq!(replies.len(), 1);
}
