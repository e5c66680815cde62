//! Human handoff: a ticket from reader to support chat and back, closed from either side; the
//! bot answering again after; no support chat; chats that cannot be reached.

use crate::common;
use crate::desk_kit;

use common::TestApp;
use desk_kit::{DeskApp, member, only_to, reader, sent, sent_to, toast};
use newsdesk::desk::{Event, Track};

const SUPPORT: i64 = -100500;

#[tokio::test]
async fn a_full_ticket_round_trip_from_reader_to_staff_and_back_closed_by_staff() {
    let app = DeskApp::start(TestApp::builder().support_chat_id(SUPPORT)).await;
    let ani = reader(901, "Ani", Some("id"));
    let staff = member(950, "Sari", SUPPORT, None);

    app.handle(ani.text("Tahun berapa WhatsApp diakuisisi Facebook?"))
        .await;
    app.handle(ani.text("resep nasi goreng enak")).await;

    // The reader asks for a person; the support chat gets the ticket with the history.
    let replies = app.handle_delivered(ani.command("human", ""), 7000).await;
    let told = &sent_to(&replies, ani.chat_id())[0];
    assert!(told.text.contains("tiket #1"), "{}", told.text);
    assert!(told.text.contains("di chat ini"), "{}", told.text);
    let head = &sent_to(&replies, SUPPORT)[0];
    assert_eq!(head.track, Some(Track::Ticket { ticket_id: 1 }));
    for expected in [
        "#1",
        "Ani",
        "@ani",
        "bahasa: id",
        "Tahun berapa WhatsApp",
        "2014",
        "resep nasi goreng",
    ] {
        assert!(
            head.text.contains(expected),
            "{expected:?} in {}",
            head.text
        );
    }

    // While open, the reader's messages are relayed, not answered.
    let replies = app
        .handle_delivered(ani.text("Siapa penulis berita ini?"), 7001)
        .await;
    let relay = only_to(&replies, SUPPORT);
    assert!(
        relay.text.contains("Siapa penulis berita ini?"),
        "{}",
        relay.text
    );
    assert_eq!(
        relay.reply_to,
        Some(7000),
        "a reply to the ticket's message"
    );

    // Staff reply to the relayed message; the reader gets it without the staff member's name.
    let answer = staff.reply_to(
        7001,
        Event::Text {
            text: "Penulisnya Ahmad Febrian.".into(),
            edited: false,
        },
    );
    let to_reader = only_to(&app.handle(answer).await, ani.chat_id());
    assert!(
        to_reader.text.contains("Penulisnya Ahmad Febrian."),
        "{}",
        to_reader.text
    );
    assert!(!to_reader.text.contains("Sari"), "{}", to_reader.text);

    // /tickets lists it; /close as a reply closes it and tells the reader.
    let list = only_to(&app.handle(staff.command("tickets", "")).await, SUPPORT);
    assert!(list.text.contains("#1 — Ani (@ani)"), "{}", list.text);
    let close = staff.reply_to(
        7000,
        Event::Command {
            name: "close".into(),
            args: String::new(),
        },
    );
    let replies = app.handle(close).await;
    assert!(
        sent_to(&replies, ani.chat_id())[0]
            .text
            .contains("menutup tiket #1")
    );
    assert!(sent_to(&replies, SUPPORT)[0].text.contains("ditutup"));
    let list = only_to(&app.handle(staff.command("tickets", "")).await, SUPPORT);
    assert!(
        list.text.contains("Tidak ada tiket terbuka"),
        "{}",
        list.text
    );

    // The bot answers the reader again.
    let answer = only_to(
        &app.handle(ani.text("Siapa penulis berita ini?")).await,
        ani.chat_id(),
    );
    assert!(answer.text.contains("Ahmad Febrian"), "{}", answer.text);
    assert!(answer.has_button("👍"));
}

#[tokio::test]
async fn the_reader_closes_with_cancel_and_staff_are_told() {
    let app = DeskApp::start(TestApp::builder().support_chat_id(SUPPORT)).await;
    let ani = reader(902, "Ani", Some("en"));
    let staff = member(951, "Sari", SUPPORT, None);

    let replies = app
        .handle_delivered(ani.text("can I speak to an agent?"), 7100)
        .await;
    assert!(
        sent_to(&replies, ani.chat_id())[0]
            .text
            .contains("ticket #1")
    );
    let replies = app.handle(ani.command("cancel", "")).await;
    assert!(sent_to(&replies, ani.chat_id())[0].text.contains("closed"));
    let to_staff = &sent_to(&replies, SUPPORT)[0];
    assert!(
        to_staff.text.contains("ditutup oleh pembaca"),
        "{}",
        to_staff.text
    );
    assert_eq!(to_staff.reply_to, Some(7100));

    // A late staff reply to the closed ticket is not sent to the reader.
    let late = staff.reply_to(
        7100,
        Event::Text {
            text: "Halo?".into(),
            edited: false,
        },
    );
    let reply = only_to(&app.handle(late).await, SUPPORT);
    assert!(reply.text.contains("sudah ditutup"), "{}", reply.text);

    let nothing = only_to(&app.handle(ani.command("cancel", "")).await, ani.chat_id());
    assert!(
        nothing.text.contains("nothing to cancel"),
        "{}",
        nothing.text
    );
}

#[tokio::test]
async fn two_refused_questions_in_a_row_bring_the_offer_of_a_person_and_its_button_opens_a_ticket()
{
    let app = DeskApp::start(TestApp::builder().support_chat_id(SUPPORT)).await;
    let ani = reader(903, "Ani", Some("id"));

    let first = only_to(
        &app.handle(ani.text("resep nasi goreng enak")).await,
        ani.chat_id(),
    );
    assert!(!first.has_button("petugas"), "{:#?}", first.buttons);
    let second = only_to(
        &app.handle(ani.text("Siapa pemenang Piala Dunia 2018?"))
            .await,
        ani.chat_id(),
    );
    assert!(
        second.text.contains("Mau bicara dengan petugas?"),
        "{}",
        second.text
    );
    let human = second.button("petugas");
    assert_eq!(human, "human");

    let replies = app.handle(ani.press(&human, 60)).await;
    toast(&replies);
    assert!(
        sent_to(&replies, ani.chat_id())[0]
            .text
            .contains("tiket #1")
    );
    assert_eq!(sent_to(&replies, SUPPORT).len(), 1);

    let again = only_to(&app.handle(ani.press(&human, 60)).await, ani.chat_id());
    assert!(again.text.contains("masih terbuka"), "{}", again.text);
}

#[tokio::test]
async fn without_a_support_chat_human_says_no_person_is_available_and_keeps_the_question() {
    let app = DeskApp::start(TestApp::builder().admins(&[77])).await;
    let ani = reader(904, "Ani", Some("id"));
    let admin = reader(77, "Admin", Some("id"));

    let answer = only_to(
        &app.handle(ani.text("Tahun berapa WhatsApp diakuisisi Facebook?"))
            .await,
        ani.chat_id(),
    );
    assert!(answer.text.contains("2014"));
    let reply = only_to(&app.handle(ani.command("human", "")).await, ani.chat_id());
    assert!(reply.text.contains("tidak ada petugas"), "{}", reply.text);
    let reply = only_to(
        &app.handle(ani.command("human", "kapan fitur baru WhatsApp rilis?"))
            .await,
        ani.chat_id(),
    );
    assert!(reply.text.contains("tidak ada petugas"), "{}", reply.text);

    let list = only_to(&app.handle(admin.command("unanswered", "")).await, 77);
    assert!(
        list.text.contains("kapan fitur baru WhatsApp rilis?"),
        "{}",
        list.text
    );
    assert!(
        list.text
            .contains("Tahun berapa WhatsApp diakuisisi Facebook?"),
        "the question before /human is kept too: {}",
        list.text
    );
    // The reader is answered as usual: no ticket was opened.
    let again = only_to(
        &app.handle(ani.text("Siapa penulis berita ini?")).await,
        ani.chat_id(),
    );
    assert!(again.text.contains("Ahmad Febrian"), "{}", again.text);
}

#[tokio::test]
async fn a_reader_who_blocked_the_bot_closes_their_ticket_once_and_staff_are_told() {
    let app = DeskApp::start(TestApp::builder().support_chat_id(SUPPORT)).await;
    let ani = reader(905, "Ani", Some("id"));
    app.handle(ani.command("subscribe", "")).await;
    app.handle_delivered(ani.command("human", ""), 7200).await;

    let replies = app
        .desk
        .undeliverable(ani.chat_id(), "Forbidden: bot was blocked by the user")
        .await
        .unwrap();
    let to_staff = only_to(&replies, SUPPORT);
    assert!(
        to_staff.text.contains("tidak bisa dihubungi"),
        "{}",
        to_staff.text
    );
    assert_eq!(to_staff.reply_to, Some(7200));

    // Reported again (a retry somewhere): nothing more to say, no storm.
    let replies = app
        .desk
        .undeliverable(ani.chat_id(), "Forbidden")
        .await
        .unwrap();
    assert!(replies.is_empty(), "{replies:#?}");
    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert!(state.unreachable_since.is_some());

    // Writing again (unblocked) makes the reader reachable, and answered by the bot.
    let answer = only_to(
        &app.handle(ani.text("Siapa penulis berita ini?")).await,
        ani.chat_id(),
    );
    assert!(answer.text.contains("Ahmad Febrian"), "{}", answer.text);
    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert!(state.unreachable_since.is_none());
}

#[tokio::test]
async fn a_support_chat_the_bot_was_removed_from_closes_open_tickets_and_tells_their_readers() {
    let app = DeskApp::start(TestApp::builder().support_chat_id(SUPPORT)).await;
    let ani = reader(906, "Ani", Some("id"));
    let budi = reader(907, "Budi", Some("en"));
    app.handle_delivered(ani.command("human", ""), 7300).await;

    let replies = app
        .desk
        .undeliverable(
            SUPPORT,
            "Forbidden: bot was kicked from the supergroup chat",
        )
        .await
        .unwrap();
    let told = only_to(&replies, ani.chat_id());
    assert!(told.text.contains("tidak bisa dihubungi"), "{}", told.text);
    assert!(
        app.desk
            .undeliverable(SUPPORT, "Forbidden")
            .await
            .unwrap()
            .is_empty()
    );

    // Until the support chat is heard from again, /human says no person is available.
    let reply = only_to(&app.handle(budi.command("human", "")).await, budi.chat_id());
    assert!(
        reply.text.contains("no person can be reached"),
        "{}",
        reply.text
    );
    let staff = member(952, "Sari", SUPPORT, None);
    app.handle(staff.input(Event::AddedToGroup)).await;
    let replies = app.handle(budi.command("human", "")).await;
    assert!(
        sent_to(&replies, budi.chat_id())[0]
            .text
            .contains("ticket #2"),
        "{replies:#?}"
    );
    assert_eq!(sent(&replies).len(), 2);
}
