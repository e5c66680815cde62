//! The whole bot in groups, over the fake Bot API: answered only when addressed (`/ask@bot`,
//! `/ask`, a mention, a reply to the bot), other bots' commands and chatter ignored, answers as
//! replies in the asker's forum topic, the greeting when added, and a migration to a supergroup.

use crate::common;

use common::ACQUISITION;
use common::bot::{TestBot, reader, readers_group, text};
use common::fake_bot_api::{Chat, Msg, Person, my_chat_member};
use serde_json::json;

#[tokio::test]
async fn an_addressed_question_is_answered_as_a_reply_to_the_asking_message() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let group = readers_group();

    let asked = bot
        .fake
        .push(Msg::text(&group, &budi, &format!("/ask@newsdesk_bot {ACQUISITION}")).message());
    let answer = &bot.wait_for_messages(group.id, 1).await[0];

    assert!(text(answer).contains("2014"), "{}", text(answer));
    assert_eq!(
        answer["reply_to_message"]["message_id"],
        json!(asked.message_id()),
        "threaded under the question"
    );
}

#[tokio::test]
async fn chatter_and_commands_for_other_bots_are_ignored() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let group = readers_group();

    bot.fake
        .push(Msg::text(&group, &budi, ACQUISITION).message());
    bot.fake
        .push(Msg::text(&group, &budi, &format!("/ask@other_bot {ACQUISITION}")).message());
    bot.fake
        .push(Msg::text(&group, &budi, "/start@other_bot").message());
    // The same chat is handled in order: once this is answered, the three above were seen.
    let addressed = bot
        .fake
        .push(Msg::text(&group, &budi, "/ask Siapa penulis berita ini?").message());
    let sent = bot.wait_for_messages(group.id, 1).await;

    assert_eq!(sent.len(), 1, "{:#?}", bot.texts(group.id));
    assert!(
        text(&sent[0]).contains("Ahmad Febrian"),
        "{}",
        text(&sent[0])
    );
    assert_eq!(
        sent[0]["reply_to_message"]["message_id"],
        json!(addressed.message_id())
    );
}

#[tokio::test]
async fn a_mention_and_a_reply_to_the_bot_are_questions_too() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let group = readers_group();

    let mentioned = bot
        .answer_to(
            Msg::text(&group, &budi, &format!("@newsdesk_bot {ACQUISITION}")).message(),
            group.id,
        )
        .await;
    assert!(text(&mentioned).contains("2014"), "{}", text(&mentioned));

    let replied = bot
        .answer_to(
            Msg::text(&group, &budi, "Siapa penulis berita ini?")
                .reply_to(&mentioned)
                .message(),
            group.id,
        )
        .await;
    assert!(
        text(&replied).contains("Ahmad Febrian"),
        "{}",
        text(&replied)
    );
}

#[tokio::test]
async fn an_answer_in_a_forum_goes_to_the_askers_topic() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let forum = Chat::forum(-1_009_999_999_999, "Forum Pembaca");

    let answer = bot
        .answer_to(
            Msg::text(&forum, &budi, &format!("/ask {ACQUISITION}"))
                .thread(77)
                .message(),
            forum.id,
        )
        .await;
    assert!(text(&answer).contains("2014"), "{}", text(&answer));
    let call = bot.fake.calls_of("sendMessage").pop().unwrap();
    assert_eq!(call.params["message_thread_id"], 77);
}

#[tokio::test]
async fn being_added_to_a_group_gets_one_short_greeting_that_says_how_to_ask() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let group = Chat::group(-4001, "Grup Keluarga");

    // Telegram announces the join twice: the membership change and the service message.
    bot.fake.push(my_chat_member(
        &group,
        &budi,
        &bot.fake.bot(),
        "left",
        "member",
    ));
    bot.fake
        .push(Msg::new_members(&group, &budi, &[bot.fake.bot()]).message());
    let asked = bot
        .fake
        .push(Msg::text(&group, &budi, "/ask@newsdesk_bot apa kabar").message());
    let sent = bot.wait_for_messages(group.id, 2).await;

    assert!(text(&sent[0]).contains("/ask"), "{}", text(&sent[0]));
    assert!(text(&sent[0]).chars().count() < 300, "{}", text(&sent[0]));
    assert_eq!(
        sent[1]["reply_to_message"]["message_id"],
        json!(asked.message_id()),
        "one greeting only, then the answer: {:#?}",
        bot.texts(group.id)
    );
}

#[tokio::test]
async fn a_group_that_becomes_a_supergroup_keeps_its_language_and_topic() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let old = Chat::group(-4002, "Grup Investor");
    let new_id = -1_005_550_001;

    bot.answer_to(
        Msg::text(&old, &budi, "/lang@newsdesk_bot en").message(),
        old.id,
    )
    .await;
    bot.answer_to(
        Msg::text(&old, &budi, "/ask harga emas sekarang").message(),
        old.id,
    )
    .await;
    let migrated = bot.fake.push(Msg::migrate(&old, &budi, new_id).message());
    bot.fake.wait_confirmed(migrated.update_id).await;

    let new = Chat::supergroup(new_id, "Grup Investor");
    let follow_up = bot
        .answer_to(Msg::text(&new, &budi, "/ask berapa?").message(), new_id)
        .await;
    assert!(
        text(&follow_up).contains("1,546,000"),
        "English, and still about gold: {}",
        text(&follow_up)
    );
}

#[tokio::test]
async fn an_anonymous_group_admin_can_ask_too() {
    let bot = TestBot::spawn().await;
    let group = readers_group();
    let sari = Person::new(77, "Sari").lang("id");

    let anonymous = bot
        .answer_to(
            Msg::text(&group, &sari, &format!("/ask {ACQUISITION}"))
                .anonymous_admin()
                .message(),
            group.id,
        )
        .await;
    assert!(text(&anonymous).contains("2014"), "{}", text(&anonymous));
}
