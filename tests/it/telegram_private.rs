//! The whole bot in private chats, over the fake Bot API: the real inbox, scheduler, outbox,
//! desk and SQLite. Questions and answers with their buttons, follow-ups, `/start`, `/lang` kept across a
//! restart, an update re-delivered after a restart, awkward input and long answers.

use crate::common;

use common::TestApp;
use common::bot::{TestBot, button, buttons, english_reader, reader, text};
use common::fake_bot_api::{Chat, Msg};
use common::plain_article;
use common::{ACQUISITION, WRITER};

#[tokio::test]
async fn a_question_is_answered_with_a_quote_from_the_article_and_vote_buttons() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let answer = bot
        .answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
        .await;

    assert!(text(&answer).contains("2014"), "{answer:#}");
    assert!(
        text(&answer).contains("Heboh sebar data pengguna"),
        "cites the article: {}",
        text(&answer)
    );
    assert!(
        answer.get("reply_to_message").is_none(),
        "private answers are plain messages"
    );
    let labels: Vec<String> = buttons(&answer).into_iter().map(|(l, _)| l).collect();
    assert!(labels.contains(&"👍".to_string()), "{labels:?}");
    assert!(labels.contains(&"👎".to_string()), "{labels:?}");
    let sent = bot.fake.calls_of("sendMessage");
    assert_eq!(sent.last().unwrap().params["parse_mode"], "HTML");
}

#[tokio::test]
async fn a_follow_up_question_is_answered_about_the_same_topic() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let other = english_reader();
    let other_chat = Chat::private(&other);

    bot.answer_to(
        Msg::text(&chat, &budi, "harga emas sekarang").message(),
        chat.id,
    )
    .await;
    let follow_up = bot
        .answer_to(Msg::text(&chat, &budi, "berapa?").message(), chat.id)
        .await;
    let fresh = bot
        .answer_to(
            Msg::text(&other_chat, &other, "berapa?").message(),
            other_chat.id,
        )
        .await;

    assert!(
        text(&follow_up).contains("1.546.000"),
        "still about gold: {}",
        text(&follow_up)
    );
    assert!(!text(&fresh).contains("1.546.000"), "{}", text(&fresh));
}

#[tokio::test]
async fn start_greets_and_its_suggested_questions_are_answered_when_pressed() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let start = bot
        .answer_to(Msg::text(&chat, &budi, "/start").message(), chat.id)
        .await;
    assert!(text(&start).contains("Halo Budi"), "{}", text(&start));
    let suggestions = buttons(&start);
    assert!((3..=4).contains(&suggestions.len()), "{suggestions:?}");

    let answer = bot
        .answer_to(
            common::fake_bot_api::callback(&budi, &start, &suggestions[0].1),
            chat.id,
        )
        .await;
    assert!(
        buttons(&answer).iter().any(|(l, _)| l == "👍"),
        "suggestion {:?} answered: {}",
        suggestions[0].0,
        text(&answer)
    );
}

#[tokio::test]
async fn the_language_chosen_with_lang_is_kept_across_a_restart_on_the_same_database() {
    let mut bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let set = bot
        .answer_to(Msg::text(&chat, &budi, "/lang en").message(), chat.id)
        .await;
    assert!(text(&set).contains("English"), "{}", text(&set));

    bot.restart().await;
    let help = bot
        .answer_to(Msg::text(&chat, &budi, "/help").message(), chat.id)
        .await;
    assert!(
        text(&help).contains("ask a question"),
        "English after the restart, though the client says id: {}",
        text(&help)
    );
}

#[tokio::test]
async fn lang_buttons_switch_the_language() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let choose = bot
        .answer_to(Msg::text(&chat, &budi, "/lang").message(), chat.id)
        .await;
    let press = common::fake_bot_api::callback(&budi, &choose, &button(&choose, "English"));
    let confirmation = bot.answer_to(press, chat.id).await;
    assert!(
        text(&confirmation).contains("English"),
        "{}",
        text(&confirmation)
    );
    let toast = bot.fake.calls_of("answerCallbackQuery");
    assert_eq!(toast[0].params["text"], "English chosen.");
    let help = bot
        .answer_to(Msg::text(&chat, &budi, "/help").message(), chat.id)
        .await;
    assert!(text(&help).contains("ask a question"), "{}", text(&help));
}

#[tokio::test]
async fn an_update_delivered_again_after_a_restart_is_not_answered_twice() {
    let mut bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let first = bot
        .fake
        .push(Msg::text(&chat, &budi, ACQUISITION).message());
    bot.wait_for_messages(chat.id, 1).await;
    bot.fake.wait_confirmed(first.update_id).await;

    // As if the bot had crashed before Telegram learnt that the update was handled: the new
    // bot's first getUpdates gets it again.
    bot.stop().await;
    bot.fake.unconfirm_from(first.update_id);
    bot.resume().await;
    let second = bot
        .answer_to(Msg::text(&chat, &budi, WRITER).message(), chat.id)
        .await;
    assert!(text(&second).contains("Ahmad Febrian"), "{}", text(&second));

    let texts = bot.texts(chat.id);
    assert_eq!(texts.len(), 2, "one answer per question: {texts:#?}");
    let state = bot.app.store.chat_state(chat.id).await.unwrap().unwrap();
    assert_eq!(state.questions, 2, "the re-delivery was not logged either");
}

#[tokio::test]
async fn stickers_photos_and_emoji_only_messages_get_a_polite_reply() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let sticker = bot
        .answer_to(Msg::sticker(&chat, &budi).message(), chat.id)
        .await;
    assert!(text(&sticker).contains("stiker"), "{}", text(&sticker));
    let photo = bot
        .answer_to(Msg::photo(&chat, &budi).message(), chat.id)
        .await;
    assert!(text(&photo).contains("foto"), "{}", text(&photo));
    let emoji = bot
        .answer_to(Msg::text(&chat, &budi, "😀😀🙏").message(), chat.id)
        .await;
    assert!(text(&emoji).contains("kata-kata"), "{}", text(&emoji));
}

#[tokio::test]
async fn a_message_over_4000_characters_is_answered_from_its_start_and_says_so() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let long = format!("{ACQUISITION} {}", "bla ".repeat(1100));

    let reply = bot
        .answer_to(Msg::text(&chat, &budi, &long).message(), chat.id)
        .await;
    assert!(
        text(&reply).contains("4000 karakter pertama"),
        "{}",
        text(&reply)
    );
}

#[tokio::test]
async fn an_edited_question_in_a_private_chat_is_answered_again() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);

    let asked = bot
        .fake
        .push(Msg::text(&chat, &budi, "resep rendang").message());
    bot.wait_for_messages(chat.id, 1).await;
    let edited = Msg::text(&chat, &budi, WRITER)
        .id(asked.message_id() as i64)
        .edited();
    let answer = bot.answer_to(edited, chat.id).await;
    assert!(text(&answer).contains("Ahmad Febrian"), "{}", text(&answer));
}

#[tokio::test]
async fn a_list_longer_than_one_message_is_split_under_telegrams_limit() {
    // A content folder of our own with many articles, so that /articles runs long.
    let mut builder = TestApp::builder();
    for i in 0..60 {
        let title = format!(
            "Laporan panjang nomor {i:02} tentang perkembangan ekonomi daerah dan harga bahan pokok"
        );
        builder = builder.content_file(&format!("{i:02}.txt"), plain_article(&title, "Isi."));
    }
    let bot = TestBot::spawn_with(builder, None).await;
    let budi = reader();
    let chat = Chat::private(&budi);

    bot.fake
        .push(Msg::text(&chat, &budi, "/articles").message());
    let sent = bot.wait_for_messages(chat.id, 2).await;
    let all: String = sent.iter().map(text).collect::<Vec<_>>().join("\n");
    assert!(sent.len() >= 2, "{} characters in one message?", all.len());
    for message in &sent {
        assert!(text(message).encode_utf16().count() <= 4096);
    }
    for i in [0, 30, 59] {
        assert!(all.contains(&format!("nomor {i:02}")), "article {i} listed");
    }
}
