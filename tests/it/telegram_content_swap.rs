//! What announces a content change — an admin's confirmation of a publish or removal, the
//! subscribers' notices, a feed round's — reaches Telegram only once the rebuilt index answers
//! from the change, so a reader who asks on seeing it is never answered from the old articles.
//! Meanwhile other chats are answered (from the old index) and their messages delivered; a bot
//! that dies before the rebuild sends what was held after its restart, from the content it loaded
//! then.

use crate::common;

use common::TestApp;
use common::bot::{ADMIN_ID, TestBot, admin, button, english_reader, reader, text, until};
use common::fake_bot_api::{Chat, Msg, Person, callback};
use common::web_server::{Item, WebServer};
use newsdesk::web::poller;

const WHATSAPP_QUESTION: &str = "Tahun berapa WhatsApp diakuisisi Facebook?";
const OJEK_PAGE: &str = "Tarif ojek daring naik mulai September\n\nTanggal: 2024-08-05\n\n\
    Kementerian Perhubungan menaikkan tarif ojek daring sebesar 10 persen mulai September.\n\n\
    Kenaikan berlaku untuk semua zona.";
const OJEK_QUESTION: &str = "Berapa kenaikan tarif ojek daring?";

/// `/remove 1` in the admin's chat; returns the prompt with its Hapus button.
async fn ask_to_remove(bot: &TestBot, boss: &Person, boss_chat: &Chat) -> serde_json::Value {
    let prompt = bot
        .answer_to(
            Msg::text(boss_chat, boss, "/remove 1").message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&prompt).contains("Hapus artikel #1"),
        "{}",
        text(&prompt)
    );
    prompt
}

fn says_removed(bot: &TestBot, chat_id: i64) -> bool {
    bot.texts(chat_id).iter().any(|t| t.contains("dihapus"))
}

#[tokio::test]
async fn a_removal_is_confirmed_only_once_the_article_is_no_longer_answered_from() {
    let bot = TestBot::spawn().await;
    let store = bot.app.store.clone();
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    let prompt = ask_to_remove(&bot, &boss, &boss_chat).await;

    // The admin's turn commits, then waits here for its rebuild.
    let paused = bot.desk.pause_rebuilds().await;
    bot.fake
        .push(callback(&boss, &prompt, &button(&prompt, "Hapus")));
    until(&store, "the removal committed", |s| async move {
        s.count_articles().await.unwrap() == 0
    })
    .await;

    // Another chat is answered meanwhile, still from the old index, and its answer delivered.
    let old = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, WHATSAPP_QUESTION).message(),
            budi_chat.id,
        )
        .await;
    assert!(text(&old).contains("2014"), "{}", text(&old));
    until(&store, "only held calls are left", |s| async move {
        s.outbox_len().await.unwrap() == s.outbox_held_len().await.unwrap()
    })
    .await;
    assert!(
        !says_removed(&bot, boss_chat.id),
        "confirmed while the old index still answers: {:?}",
        bot.texts(boss_chat.id)
    );

    drop(paused);
    let done = bot.wait_for_messages(boss_chat.id, 2).await;
    assert!(text(&done[1]).contains("dihapus"), "{}", text(&done[1]));
    let answer = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, WHATSAPP_QUESTION).message(),
            budi_chat.id,
        )
        .await;
    assert!(!text(&answer).contains("2014"), "{}", text(&answer));
    assert_eq!(store.outbox_held_len().await.unwrap(), 0);
}

#[tokio::test]
async fn a_subscribers_answer_during_the_rebuild_waits_behind_the_held_notice_while_others_go_on() {
    let bot = TestBot::spawn().await;
    let store = bot.app.store.clone();
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    let emma = english_reader();
    let emma_chat = Chat::private(&emma);
    bot.answer_to(
        Msg::text(&budi_chat, &budi, "/subscribe").message(),
        budi_chat.id,
    )
    .await;
    let preview = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, &format!("/add {OJEK_PAGE}")).message(),
            boss_chat.id,
        )
        .await;

    let paused = bot.desk.pause_rebuilds().await;
    bot.fake
        .push(callback(&boss, &preview, &button(&preview, "Terbitkan")));
    until(&store, "the article is stored", |s| async move {
        s.count_articles().await.unwrap() == 2
    })
    .await;
    // The subscriber asks before the notice could go: the answer must not overtake it.
    bot.fake
        .push(Msg::text(&budi_chat, &budi, OJEK_QUESTION).message());
    // A reader with nothing held goes on.
    bot.answer_to(
        Msg::text(
            &emma_chat,
            &emma,
            "What year did Facebook acquire WhatsApp?",
        )
        .message(),
        emma_chat.id,
    )
    .await;
    until(
        &store,
        "budi's answer is queued behind the notice",
        |s| async move { s.outbox_len().await.unwrap() == s.outbox_held_len().await.unwrap() + 1 },
    )
    .await;
    assert_eq!(
        bot.texts(budi_chat.id).len(),
        1,
        "{:?}",
        bot.texts(budi_chat.id)
    );

    drop(paused);
    // Asked before anything announced the article, so answered without it; but after the notice.
    let sent = bot.wait_for_messages(budi_chat.id, 3).await;
    assert!(
        text(&sent[1]).contains("naik mulai September"),
        "{}",
        text(&sent[1])
    );
    let answer = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, OJEK_QUESTION).message(),
            budi_chat.id,
        )
        .await;
    assert!(text(&answer).contains("10 persen"), "{}", text(&answer));
}

#[tokio::test]
async fn a_confirmation_held_when_the_bot_died_is_sent_after_the_restart() {
    let mut bot = TestBot::spawn().await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    let preview = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, &format!("/add {OJEK_PAGE}")).message(),
            boss_chat.id,
        )
        .await;

    let desk = bot.desk.clone();
    let paused = desk.pause_rebuilds().await;
    bot.fake
        .push(callback(&boss, &preview, &button(&preview, "Terbitkan")));
    let store = bot.app.store.clone();
    until(&store, "the confirmation is held", |s| async move {
        s.outbox_held_len().await.unwrap() > 0
    })
    .await;
    // Dies between the commit and the swap.
    bot.kill().await;
    drop(paused);
    assert_eq!(
        bot.texts(boss_chat.id).len(),
        1,
        "{:?}",
        bot.texts(boss_chat.id)
    );

    bot.resume().await;
    let done = bot.wait_for_messages(boss_chat.id, 2).await;
    assert!(
        text(&done[1]).contains("Terbit sebagai"),
        "{}",
        text(&done[1])
    );
    let answer = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, OJEK_QUESTION).message(),
            budi_chat.id,
        )
        .await;
    assert!(text(&answer).contains("10 persen"), "{}", text(&answer));
    assert_eq!(bot.app.store.outbox_held_len().await.unwrap(), 0);
}

#[tokio::test]
async fn a_feed_rounds_notices_wait_until_its_articles_are_answered_from() {
    let site = WebServer::start().await;
    site.set_items(vec![Item::page("detik-tarif-krl.html", "Tarif KRL naik")]);
    let builder = TestApp::builder()
        .seed_content()
        .admins(&[ADMIN_ID])
        .env("NEWSDESK_FETCH_ALLOW_PRIVATE", "1");
    let bot = TestBot::spawn_with(builder, None).await;
    let store = bot.app.store.clone();
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    bot.answer_to(
        Msg::text(&budi_chat, &budi, "/subscribe").message(),
        budi_chat.id,
    )
    .await;
    store.add_feed(&site.url("/rss.xml"), false).await.unwrap();

    let paused = bot.desk.pause_rebuilds().await;
    let round = tokio::spawn({
        let (app, desk, outlet) = (bot.app.clone(), bot.desk.clone(), bot.outlet.clone());
        async move { poller::tick(&app, &desk, &outlet).await }
    });
    until(&store, "the round committed", |s| async move {
        s.count_articles().await.unwrap() == 2
    })
    .await;
    until(&store, "only held calls are left", |s| async move {
        s.outbox_len().await.unwrap() == s.outbox_held_len().await.unwrap()
    })
    .await;
    assert_eq!(
        bot.texts(budi_chat.id).len(),
        1,
        "announced while the old index still answers: {:?}",
        bot.texts(budi_chat.id)
    );

    drop(paused);
    round.await.unwrap().unwrap();
    let sent = bot.wait_for_messages(budi_chat.id, 2).await;
    assert!(
        text(&sent[1]).contains("Artikel baru"),
        "{}",
        text(&sent[1])
    );
    let answer = bot
        .answer_to(
            Msg::text(&budi_chat, &budi, "Berapa tarif KRL yang baru?").message(),
            budi_chat.id,
        )
        .await;
    assert!(text(&answer).contains("Tarif KRL"), "{}", text(&answer));
}
