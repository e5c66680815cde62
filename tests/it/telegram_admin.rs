//! Admins publishing from Telegram, through the whole bot: a page sent as a document is fetched
//! (`getFile` + download), previewed with Terbitkan/Batal, published, answered at once and
//! announced to subscribers; `/remove` asks first; everyone else is refused with nothing changed.

use crate::common;

use common::bot::{TestBot, admin, button, buttons, english_reader, reader, text};
use common::fake_bot_api::{Chat, Msg, callback};
use common::{DEPOSIT_QUESTION, deposit_page};

#[tokio::test]
async fn an_admin_publishes_a_document_and_a_question_about_it_is_answered_right_after() {
    let bot = TestBot::spawn().await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    let emma = english_reader();
    let emma_chat = Chat::private(&emma);
    for (chat, who) in [(&budi_chat, &budi), (&emma_chat, &emma)] {
        bot.answer_to(Msg::text(chat, who, "/subscribe").message(), chat.id)
            .await;
    }
    let before = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, DEPOSIT_QUESTION).message(),
            budi_chat.id,
        )
        .await;
    assert!(!text(&before).contains("2 miliar"), "{}", text(&before));

    let file = bot.fake.add_file("deposito.txt", deposit_page());
    let preview = bot
        .answer_to(
            Msg::document(&boss_chat, &boss, &file).message(),
            boss_chat.id,
        )
        .await;
    assert_eq!(bot.fake.calls_of("getFile").len(), 1);
    for expected in [
        "Bunga deposito bank digital masih tinggi",
        "5 Agustus 2024",
        "Rina Astuti Wibowo",
        "EMAS",
    ] {
        assert!(
            text(&preview).contains(expected),
            "{expected:?} in {}",
            text(&preview)
        );
    }
    let labels: Vec<String> = buttons(&preview).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["Terbitkan", "Batal"]);
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 1, "not yet");

    let confirmation = bot
        .answer_to(
            callback(&boss, &preview, &button(&preview, "Terbitkan")),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&confirmation).contains("2 pelanggan"),
        "{}",
        text(&confirmation)
    );
    let notice = bot.wait_for_messages(budi_chat.id, 3).await;
    assert!(
        text(&notice[2]).contains("Artikel baru: Bunga deposito"),
        "{}",
        text(&notice[2])
    );
    let notice = bot.wait_for_messages(emma_chat.id, 2).await;
    assert!(
        text(&notice[1]).contains("New article: Bunga deposito"),
        "{}",
        text(&notice[1])
    );
    assert!(
        bot.fake.sent_messages(boss_chat.id)[0]
            .get("reply_markup")
            .is_none(),
        "the preview's buttons are cleared"
    );

    let after = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, DEPOSIT_QUESTION).message(),
            budi_chat.id,
        )
        .await;
    assert!(text(&after).contains("2 miliar"), "{}", text(&after));
}

#[tokio::test]
async fn cancel_on_the_preview_publishes_nothing() {
    let bot = TestBot::spawn().await;
    let boss = admin();
    let chat = Chat::private(&boss);
    let file = bot.fake.add_file("deposito.txt", deposit_page());
    let preview = bot
        .answer_to(Msg::document(&chat, &boss, &file).message(), chat.id)
        .await;

    let cancelled = bot
        .answer_to(
            callback(&boss, &preview, &button(&preview, "Batal")),
            chat.id,
        )
        .await;
    assert!(
        text(&cancelled).contains("Dibatalkan"),
        "{}",
        text(&cancelled)
    );
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 1);
}

#[tokio::test]
async fn a_readers_document_and_admin_commands_are_refused_and_nothing_changes() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let file = bot.fake.add_file("deposito.txt", deposit_page());

    let refused = bot
        .answer_to(Msg::document(&chat, &budi, &file).message(), chat.id)
        .await;
    assert!(
        text(&refused).contains("tidak menerima dokumen"),
        "{}",
        text(&refused)
    );
    let page = String::from_utf8(deposit_page()).unwrap();
    for command in [
        format!("/add {page}"),
        "/remove 1".to_string(),
        "/stats".to_string(),
        "/unanswered".to_string(),
    ] {
        let reply = bot
            .answer_to(Msg::text(&chat, &budi, &command).message(), chat.id)
            .await;
        assert!(
            text(&reply).contains("hanya untuk admin"),
            "{}: {}",
            &command[..command.len().min(20)],
            text(&reply)
        );
    }
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 1);
    let mut tx = bot.app.store.begin_read().await.unwrap();
    assert_eq!(tx.draft_count().await.unwrap(), 0, "no draft either");
}

#[tokio::test]
async fn remove_asks_to_confirm_and_the_article_is_then_no_longer_used() {
    let bot = TestBot::spawn().await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let budi = reader();
    let budi_chat = Chat::private(&budi);

    let confirm = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, "/remove 1").message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&confirm).contains("Hapus artikel #1"),
        "{}",
        text(&confirm)
    );
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 1, "not yet");

    let done = bot
        .answer_to(
            callback(&boss, &confirm, &button(&confirm, "Hapus")),
            boss_chat.id,
        )
        .await;
    assert!(text(&done).contains("dihapus"), "{}", text(&done));
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 0);

    let answer = bot
        .answer_to(
            Msg::text(
                &budi_chat,
                &budi,
                "Tahun berapa WhatsApp diakuisisi Facebook?",
            )
            .message(),
            budi_chat.id,
        )
        .await;
    assert!(!text(&answer).contains("2014"), "{}", text(&answer));
}

#[tokio::test]
async fn an_admin_publishes_with_add_and_the_text_in_the_same_message() {
    let bot = TestBot::spawn().await;
    let boss = admin();
    let chat = Chat::private(&boss);
    let page = "Tarif ojek daring naik mulai September\n\nTanggal: 2024-08-05\n\n\
                Kementerian Perhubungan menaikkan tarif ojek daring sebesar 10 persen mulai September.\n\n\
                Kenaikan berlaku untuk semua zona.";

    let preview = bot
        .answer_to(
            Msg::text(&chat, &boss, &format!("/add {page}")).message(),
            chat.id,
        )
        .await;
    bot.answer_to(
        callback(&boss, &preview, &button(&preview, "Terbitkan")),
        chat.id,
    )
    .await;
    let answer = bot
        .answer_to(
            Msg::text(&chat, &boss, "Berapa kenaikan tarif ojek daring?").message(),
            chat.id,
        )
        .await;
    assert!(text(&answer).contains("10 persen"), "{}", text(&answer));
}
