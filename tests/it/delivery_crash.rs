//! Nothing lost, nothing doubled across a crash: the whole bot killed mid-stream (its task and
//! every part it spawned dropped wherever they were, as `kill -9` leaves a process) and started
//! again on the same database and fake Bot API. Every update must be answered, each exactly once
//! — or twice only when the kill fell between Telegram accepting a message and the outbox
//! recording it, the one duplicate no bot can rule out.

use crate::common;

use std::collections::HashMap;
use std::time::Duration;

use common::bot::{SUPPORT_CHAT_ID, TestBot, admin, button, reader, text};
use common::fake_bot_api::{Chat, Failure, FakeBotApi, Msg, Person, callback};
use common::{ACQUISITION, WRITER, deposit_page};

/// `sendMessage` calls Telegram accepted, per `(chat, message replied to)`.
fn answers_by_question(fake: &FakeBotApi) -> HashMap<(i64, i64), usize> {
    let mut counts = HashMap::new();
    for call in fake.calls_of("sendMessage").iter().filter(|c| c.ok) {
        if let (Some(chat), Some(asked)) = (
            call.params["chat_id"].as_i64(),
            call.params["reply_parameters"]["message_id"].as_i64(),
        ) {
            *counts.entry((chat, asked)).or_default() += 1;
        }
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_kills_during_a_stream_from_six_chats_lose_no_update_and_double_none() {
    let mut bot = TestBot::spawn().await;
    let asker = reader();
    let groups: Vec<Chat> = (0..6)
        .map(|i| Chat::supergroup(-1_001_500_000_000 - i, "Pembaca"))
        .collect();
    let mut asked = Vec::new();
    let kills = 10;
    for round in 0..kills {
        for group in &groups {
            let question = format!("/ask@newsdesk_bot {ACQUISITION}");
            let pushed = bot.fake.push(Msg::text(group, &asker, &question).message());
            asked.push((group.id, pushed.message_id() as i64));
        }
        // Kill at different points: before polling, while storing, handling or sending.
        tokio::time::sleep(Duration::from_millis(60 * (round % 5) as u64)).await;
        bot.kill().await;
        bot.resume().await;
        // Up again (polling) before the next round, as a supervised process would be.
        let polls = bot.fake.get_updates_calls().len();
        bot.fake
            .wait_for(
                Duration::from_secs(60),
                "the restarted bot to poll",
                |fake| fake.get_updates_calls().len() > polls,
            )
            .await;
    }
    let every = asked.clone();
    bot.fake
        .wait_for(
            Duration::from_secs(120),
            "every question answered",
            |fake| {
                let counts = answers_by_question(fake);
                every.iter().all(|key| counts.contains_key(key))
            },
        )
        .await;
    // Anything still queued would show up now.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let counts = answers_by_question(&bot.fake);
    // A kill can only double what was in flight to Telegram at that moment (sent, not yet
    // recorded as sent): a few messages per kill, never the same one again and again.
    let twice: Vec<_> = asked.iter().filter(|k| counts[k] > 1).collect();
    assert!(
        asked.iter().all(|k| counts[k] <= 2),
        "an update answered more than twice: {counts:?}"
    );
    assert!(
        twice.len() <= 2 * kills,
        "{} duplicates in {kills} kills: {twice:?}",
        twice.len()
    );
    // For BENCHMARKS.md (`-- --nocapture`): a measurement, not a check.
    eprintln!(
        "figure: {} updates, {kills} kills: all answered, {} answered twice",
        asked.len(),
        twice.len()
    );
    let inbox = bot.app.store.inbox_counts().await.unwrap();
    assert_eq!(
        inbox,
        vec![("done".to_string(), asked.len() as i64)],
        "every update handled once"
    );
}

#[tokio::test]
async fn a_kill_right_after_publish_is_pressed_still_publishes_confirms_and_notifies() {
    let mut bot = TestBot::spawn().await;
    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let budi = reader();
    let budi_chat = Chat::private(&budi);
    bot.answer_to(
        Msg::text(&budi_chat, &budi, "/subscribe").message(),
        budi_chat.id,
    )
    .await;
    let file = bot.fake.add_file("deposito.txt", deposit_page());
    let preview = bot
        .answer_to(
            Msg::document(&boss_chat, &boss, &file).message(),
            boss_chat.id,
        )
        .await;

    // The confirmation would leave slowly: the kill lands after the press is stored and while
    // its effects are being committed or sent.
    bot.fake
        .fail_next("sendMessage", Failure::Delay(Duration::from_secs(2)));
    let press = bot
        .fake
        .push(callback(&boss, &preview, &button(&preview, "Terbitkan")));
    bot.fake.wait_confirmed(press.update_id).await;
    bot.kill().await;
    bot.resume().await;

    let confirmation = bot.wait_for_messages(boss_chat.id, 2).await;
    assert!(
        text(&confirmation[1]).contains("1 pelanggan"),
        "{}",
        text(&confirmation[1])
    );
    let notices = bot.wait_for_messages(budi_chat.id, 2).await;
    assert!(
        text(&notices[1]).contains("Artikel baru"),
        "{}",
        text(&notices[1])
    );
    assert_eq!(bot.app.store.count_articles().await.unwrap(), 2);
    let mut tx = bot.app.store.begin_read().await.unwrap();
    assert_eq!(tx.draft_count().await.unwrap(), 0);
    tx.rollback().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        bot.texts(boss_chat.id).len() <= 3,
        "{:?}",
        bot.texts(boss_chat.id)
    );
    assert!(
        bot.texts(budi_chat.id).len() <= 3,
        "{:?}",
        bot.texts(budi_chat.id)
    );
}

#[tokio::test]
async fn a_kill_after_human_and_during_a_relay_still_opens_tells_and_relays() {
    let mut bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let human = bot.fake.push(Msg::text(&chat, &budi, "/human").message());
    bot.fake.wait_confirmed(human.update_id).await;
    bot.kill().await;
    bot.resume().await;
    let told = bot.wait_for_messages(chat.id, 1).await;
    assert!(text(&told[0]).contains("tiket #1"), "{}", text(&told[0]));
    bot.wait_for_messages(SUPPORT_CHAT_ID, 1).await;

    bot.fake
        .fail_next("sendMessage", Failure::Delay(Duration::from_secs(2)));
    let relay = bot.fake.push(Msg::text(&chat, &budi, WRITER).message());
    bot.fake.wait_confirmed(relay.update_id).await;
    bot.kill().await;
    bot.resume().await;
    // (A kill between Telegram's answer and the outbox recording it may double a message.)
    bot.fake
        .wait_for(
            Duration::from_secs(60),
            "the relay in the support chat",
            |fake| {
                fake.sent_texts(SUPPORT_CHAT_ID)
                    .iter()
                    .any(|t| t.contains(WRITER))
            },
        )
        .await;
    let relayed = bot
        .texts(SUPPORT_CHAT_ID)
        .iter()
        .filter(|t| t.contains(WRITER))
        .count();
    assert!(relayed <= 2, "{:?}", bot.texts(SUPPORT_CHAT_ID));
    let open = bot.app.store.begin_read().await;
    let mut tx = open.unwrap();
    assert!(tx.open_ticket_of_chat(chat.id).await.unwrap().is_some());
    tx.rollback().await.unwrap();
}

#[tokio::test]
async fn updates_whose_ids_restart_lower_are_answered_not_skipped() {
    let mut bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    bot.fake.restart_update_ids_at(5_000);
    bot.answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
        .await;
    bot.restart().await;
    // A week later Telegram starts a new random sequence, far below the old one.
    bot.fake.restart_update_ids_at(17);
    let again = bot
        .answer_to(Msg::text(&chat, &budi, WRITER).message(), chat.id)
        .await;
    assert!(!text(&again).is_empty());
    let next = bot
        .answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
        .await;
    assert!(text(&next).contains("2014"), "{}", text(&next));
}

#[tokio::test]
async fn an_update_id_at_the_top_of_32_bits_is_handled_and_polling_moves_past_it() {
    let mut bot = TestBot::spawn().await;
    bot.fake.restart_update_ids_at(i64::from(i32::MAX) - 1);
    let budi: Person = reader();
    let chat = Chat::private(&budi);
    for _ in 0..3 {
        bot.answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
            .await;
    }
    let polls_before = bot.fake.get_updates_calls().len();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let polls = bot.fake.get_updates_calls();
    assert!(
        polls.len() - polls_before <= 3,
        "long polls wait, they do not spin: {} calls in 1.5 s",
        polls.len() - polls_before
    );
    let last_offset = polls.last().unwrap().params["offset"].as_i64().unwrap();
    assert_eq!(last_offset, i64::from(i32::MAX) + 2);
    bot.stop().await;
}
