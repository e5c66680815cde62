//! Readers reaching a person, through the whole bot: a ticket relayed between the reader's chat
//! and the support chat (staff answer by replying), closed from either side, the bot answering
//! again after; no support chat; a reader who blocked the bot (403) handled without a crash or
//! a retry storm.

use crate::common;

use common::bot::{SUPPORT_CHAT_ID, TestBot, admin, reader, staff, support_chat, text};
use common::fake_bot_api::{Chat, Failure, Msg};
use common::{ACQUISITION, WRITER};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn a_full_ticket_round_trip_from_reader_to_staff_and_back_closed_by_staff() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let sari = staff();
    let support = support_chat();

    bot.answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
        .await;
    let told = bot
        .answer_to(Msg::text(&chat, &budi, "/human").message(), chat.id)
        .await;
    assert!(text(&told).contains("tiket #1"), "{}", text(&told));
    let head = &bot.wait_for_messages(SUPPORT_CHAT_ID, 1).await[0];
    for expected in ["#1", "Budi", "@budi_r", ACQUISITION, "2014"] {
        assert!(
            text(head).contains(expected),
            "{expected:?} in {}",
            text(head)
        );
    }

    // While the ticket is open the reader's messages go to staff, as replies to the ticket.
    let relay = bot
        .answer_to(Msg::text(&chat, &budi, WRITER).message(), SUPPORT_CHAT_ID)
        .await;
    assert!(text(&relay).contains(WRITER), "{}", text(&relay));
    assert_eq!(relay["reply_to_message"]["message_id"], head["message_id"]);
    assert_eq!(bot.texts(chat.id).len(), 2, "not answered by the bot");

    // Staff reply to the relayed message; the reader gets the text, not the staff's name.
    bot.wait_until_sent().await;
    let to_reader = bot
        .answer_to(
            Msg::text(&support, &sari, "Penulisnya Ahmad Febrian.")
                .reply_to(&relay)
                .message(),
            chat.id,
        )
        .await;
    assert!(
        text(&to_reader).contains("Penulisnya Ahmad Febrian."),
        "{}",
        text(&to_reader)
    );
    assert!(!text(&to_reader).contains("Sari"), "{}", text(&to_reader));

    let list = bot
        .answer_to(
            Msg::text(&support, &sari, "/tickets").message(),
            SUPPORT_CHAT_ID,
        )
        .await;
    assert!(text(&list).contains("#1 — Budi"), "{}", text(&list));

    let closed = bot
        .answer_to(
            Msg::text(&support, &sari, "/close")
                .reply_to(head)
                .message(),
            chat.id,
        )
        .await;
    assert!(
        text(&closed).contains("menutup tiket #1"),
        "{}",
        text(&closed)
    );

    let answer = bot
        .answer_to(Msg::text(&chat, &budi, WRITER).message(), chat.id)
        .await;
    assert!(
        text(&answer).contains("Ahmad Febrian") && text(&answer).contains("Heboh"),
        "the bot answers again: {}",
        text(&answer)
    );
}

#[tokio::test]
async fn a_reader_writing_again_before_the_ticket_reached_staff_is_still_relayed_as_a_reply_to_it()
{
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    // Telegram is slow with the next two messages (the ticket and the reader's notice), so the
    // reader's next message is handled while the ticket's first message is still on its way.
    bot.fake
        .fail_next("sendMessage", Failure::Delay(Duration::from_millis(1500)));
    bot.fake
        .fail_next("sendMessage", Failure::Delay(Duration::from_millis(1500)));
    bot.fake.push(Msg::text(&chat, &budi, "/human").message());
    bot.fake.push(Msg::text(&chat, &budi, WRITER).message());

    let support = bot.wait_for_messages(SUPPORT_CHAT_ID, 2).await;
    let (head, relay) = (&support[0], &support[1]);
    assert!(text(head).contains("#1"), "{}", text(head));
    assert!(text(relay).contains(WRITER), "{}", text(relay));
    assert_eq!(
        relay["reply_to_message"]["message_id"], head["message_id"],
        "the relay threads under the ticket: {relay}"
    );
}

#[tokio::test]
async fn the_reader_closes_the_ticket_with_cancel_and_staff_are_told() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    bot.answer_to(
        Msg::text(&chat, &budi, "saya mau bicara dengan admin").message(),
        chat.id,
    )
    .await;
    let head = bot.wait_for_messages(SUPPORT_CHAT_ID, 1).await.remove(0);
    let to_staff = bot
        .answer_to(
            Msg::text(&chat, &budi, "/cancel").message(),
            SUPPORT_CHAT_ID,
        )
        .await;
    assert!(
        text(&to_staff).contains("ditutup oleh pembaca"),
        "{}",
        text(&to_staff)
    );
    assert_eq!(
        to_staff["reply_to_message"]["message_id"],
        head["message_id"]
    );
    let reader_told = bot.texts(chat.id);
    assert!(
        reader_told.last().unwrap().contains("ditutup"),
        "{reader_told:#?}"
    );

    let answer = bot
        .answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
        .await;
    assert!(text(&answer).contains("2014"), "{}", text(&answer));
}

#[tokio::test]
async fn without_a_support_chat_human_says_no_person_is_available_and_keeps_the_question() {
    let bot = TestBot::spawn_without_support_chat().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let reply = bot
        .answer_to(
            Msg::text(&chat, &budi, "/human kapan fitur baru WhatsApp rilis?").message(),
            chat.id,
        )
        .await;
    assert!(
        text(&reply).contains("tidak ada petugas"),
        "{}",
        text(&reply)
    );

    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let list = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, "/unanswered").message(),
            boss_chat.id,
        )
        .await;
    assert!(
        text(&list).contains("kapan fitur baru WhatsApp rilis?"),
        "{}",
        text(&list)
    );
}

#[tokio::test]
async fn a_reader_who_blocked_the_bot_is_handled_once_and_staff_are_told() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let sari = staff();
    let support = support_chat();

    bot.answer_to(Msg::text(&chat, &budi, "/human").message(), chat.id)
        .await;
    let head = bot.wait_for_messages(SUPPORT_CHAT_ID, 1).await.remove(0);
    bot.wait_until_sent().await;
    bot.fake.block_chat(chat.id);

    // Staff answer; delivery to the reader fails with 403 and staff learn it in the ticket.
    let told = bot
        .answer_to(
            Msg::text(&support, &sari, "Halo, ada yang bisa dibantu?")
                .reply_to(&head)
                .message(),
            SUPPORT_CHAT_ID,
        )
        .await;
    assert!(
        text(&told).contains("tidak bisa dihubungi"),
        "{}",
        text(&told)
    );
    assert_eq!(told["reply_to_message"]["message_id"], head["message_id"]);

    // A second staff message: the ticket is closed, so nothing is tried on the reader again.
    let again = bot
        .answer_to(
            Msg::text(&support, &sari, "Halo?")
                .reply_to(&head)
                .message(),
            SUPPORT_CHAT_ID,
        )
        .await;
    assert!(text(&again).contains("sudah ditutup"), "{}", text(&again));
    let tries = bot
        .fake
        .calls_of("sendMessage")
        .iter()
        .filter(|c| c.params["chat_id"] == json!(chat.id) && !c.ok)
        .count();
    assert_eq!(tries, 1, "one refused send, no retry storm");
    let state = bot.app.store.chat_state(chat.id).await.unwrap().unwrap();
    assert!(state.unreachable_since.is_some());
}
