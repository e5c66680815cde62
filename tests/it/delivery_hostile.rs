//! Bounded work for hostile input, through the whole bot: nobody but an admin makes the bot fetch
//! a file, a file is read only up to the cap whatever size it claims, pages that are HTML or have
//! an absurd title are refused with the reason, and update kinds the bot does not serve are
//! dropped without a trace of their content.

use crate::common;

use std::time::Duration;

use common::bot::{TestBot, admin, reader, text};
use common::fake_bot_api::{Chat, Msg};
use common::plain_article;
use newsdesk::store::{Handled, InboxState};
use serde_json::json;

#[tokio::test]
async fn a_readers_document_is_refused_without_being_looked_up_or_downloaded() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let file = bot
        .fake
        .add_file("halaman.txt", b"Judul\n\nIsi berita.".to_vec());
    let refusal = bot
        .answer_to(Msg::document(&chat, &budi, &file).message(), chat.id)
        .await;
    assert!(
        text(&refusal).contains("tidak menerima dokumen"),
        "{}",
        text(&refusal)
    );
    assert!(
        bot.fake.calls_of("getFile").is_empty(),
        "not even looked up"
    );
}

#[tokio::test]
async fn a_file_bigger_than_it_claims_is_read_only_up_to_the_cap() {
    let bot = TestBot::spawn().await;
    let boss = admin();
    let chat = Chat::private(&boss);
    let file = bot
        .fake
        .add_file_claiming("kecil.txt", vec![b'a'; 3 * 1024 * 1024], 2_000);
    let refusal = bot
        .answer_to(Msg::document(&chat, &boss, &file).message(), chat.id)
        .await;
    assert!(
        text(&refusal).contains("melebihi batas"),
        "{}",
        text(&refusal)
    );
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 1);
}

#[tokio::test]
async fn an_html_page_and_a_ten_thousand_character_title_are_refused_with_the_reason() {
    let bot = TestBot::spawn().await;
    let boss = admin();
    let chat = Chat::private(&boss);
    let page = "<!DOCTYPE html>\n<html><head><title>Berita</title></head>\n<body>\n<p>Isi berita panjang.</p>\n<p>Paragraf kedua.</p>\n</body></html>\n";
    let file = bot.fake.add_file("berita.txt", page.as_bytes().to_vec());
    let refusal = bot
        .answer_to(Msg::document(&chat, &boss, &file).message(), chat.id)
        .await;
    assert!(text(&refusal).contains("HTML"), "{}", text(&refusal));

    let title = "Judul ".repeat(1_700);
    let refusal = bot
        .answer_to(
            Msg::text(
                &chat,
                &boss,
                &format!(
                    "/add {}",
                    plain_article(
                        title.trim(),
                        "Isi berita yang cukup panjang untuk satu paragraf."
                    )
                ),
            )
            .message(),
            chat.id,
        )
        .await;
    assert!(text(&refusal).contains("300"), "{}", text(&refusal));
    assert_eq!(
        bot.app.store.count_articles().await.unwrap(),
        1,
        "nothing published"
    );
}

#[tokio::test]
async fn update_kinds_the_bot_does_not_serve_are_dropped_and_the_next_is_answered() {
    let bot = TestBot::spawn().await;
    bot.fake.push(json!({"poll": {
        "id": "p1", "question": "rahasia pembaca", "options": [], "total_voter_count": 0,
        "is_closed": false, "is_anonymous": true, "type": "regular",
        "allows_multiple_answers": false
    }}));
    bot.fake
        .push(json!({"future_kind": {"text": "rahasia pembaca"}}));
    let budi = reader();
    let chat = Chat::private(&budi);
    bot.answer_to(Msg::text(&chat, &budi, "/help").message(), chat.id)
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        bot.app.store.inbox_counts().await.unwrap()
            == vec![(InboxState::Handled(Handled::Done), 1)],
        "only the message was stored: {:?}",
        bot.app.store.inbox_counts().await.unwrap()
    );
}
