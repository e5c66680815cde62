//! The desk in groups: addressed questions answered as replies in their forum topic, the
//! greeting when added, follow-ups per member, edits ignored, and a migration moving the state.

use crate::common;
use crate::desk_kit;

use common::TestApp;
use desk_kit::{DeskApp, member, only_to, sent};
use newsdesk::desk::{Event, Media};
use newsdesk::nlu::Lang;

const GROUP: i64 = -1001234567890;

#[tokio::test]
async fn an_addressed_question_in_a_group_is_answered_as_a_reply_in_its_topic() {
    let app = DeskApp::start(TestApp::builder()).await;
    let alice = member(701, "Alice", GROUP, Some(55));

    let question = alice.command("ask", "Tahun berapa WhatsApp diakuisisi Facebook?");
    let asked_in = question.place.message_id;
    let answer = only_to(&app.handle(question).await, GROUP);

    assert!(answer.text.contains("2014"), "{}", answer.text);
    assert_eq!(answer.reply_to, asked_in);
    assert_eq!(answer.thread_id, Some(55));
    assert!(
        !answer.has_button("petugas"),
        "no handoff offered in groups"
    );
}

#[tokio::test]
async fn being_added_to_a_group_gets_one_short_greeting_that_says_how_to_ask() {
    let app = DeskApp::start(TestApp::builder()).await;
    let alice = member(702, "Alice", GROUP - 1, None);

    let greeting = only_to(
        &app.handle(alice.input(Event::AddedToGroup)).await,
        GROUP - 1,
    );
    assert!(greeting.text.contains("/ask"), "{}", greeting.text);
    assert!(greeting.text.len() < 300, "short: {}", greeting.text);
}

#[tokio::test]
async fn follow_ups_in_a_group_are_kept_per_member() {
    let app = DeskApp::start(TestApp::builder()).await;
    let alice = member(703, "Alice", GROUP - 2, None);
    let bob = member(704, "Bob", GROUP - 2, None);

    app.handle(alice.text("harga emas sekarang")).await;
    let alice_follow_up = only_to(&app.handle(alice.text("berapa?")).await, GROUP - 2);
    let bob_follow_up = only_to(&app.handle(bob.text("berapa?")).await, GROUP - 2);

    assert!(
        alice_follow_up.text.contains("1.546.000"),
        "{}",
        alice_follow_up.text
    );
    assert!(
        !bob_follow_up.text.contains("1.546.000"),
        "Bob never asked about gold: {}",
        bob_follow_up.text
    );
}

#[tokio::test]
async fn edited_messages_and_unaddressed_input_in_groups_get_no_reply() {
    let app = DeskApp::start(TestApp::builder()).await;
    let alice = member(705, "Alice", GROUP - 3, None);

    assert!(sent(&app.handle(alice.edited("Siapa penulis berita ini?")).await).is_empty());
    let sticker = alice.input(Event::Unsupported {
        what: Media::Sticker,
    });
    assert!(sent(&app.handle(sticker).await).is_empty());
    assert!(sent(&app.handle(alice.command("somebody_elses", "")).await).is_empty());
}

#[tokio::test]
async fn a_group_that_becomes_a_supergroup_keeps_its_state_under_the_new_id() {
    let app = DeskApp::start(TestApp::builder()).await;
    let old_id = -4200;
    let new_id = -1004200;
    let alice = member(706, "Alice", old_id, None);

    app.handle(alice.command("lang", "en")).await;
    app.handle(alice.text("harga emas sekarang")).await;
    let migrate = alice.input(Event::Migrated { to_chat_id: new_id });
    assert!(sent(&app.handle(migrate).await).is_empty());

    let store = &app.test.app.store;
    assert!(store.chat_state(old_id).await.unwrap().is_none());
    let moved = store
        .chat_state(new_id)
        .await
        .unwrap()
        .expect("state under the new id");
    assert_eq!(moved.language, Some(Lang::En));
    assert_eq!(moved.questions, 1);

    let alice_there = member(706, "Alice", new_id, None);
    let follow_up = only_to(&app.handle(alice_there.text("berapa?")).await, new_id);
    assert!(
        follow_up.text.contains("1,546,000"),
        "English, and still about gold: {}",
        follow_up.text
    );
}

#[tokio::test]
async fn human_in_a_group_points_to_a_private_chat() {
    let app = DeskApp::start(TestApp::builder().support_chat_id(-999)).await;
    let alice = member(707, "Alice", GROUP - 4, None);

    let reply = only_to(&app.handle(alice.command("human", "")).await, GROUP - 4);
    assert!(reply.text.contains("chat pribadi"), "{}", reply.text);
}
