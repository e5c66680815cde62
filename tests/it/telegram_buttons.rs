//! Inline buttons through the whole bot: a press is answered (`answerCallbackQuery`) before any
//! other call, with the desk's toast; votes are stored; stale and forged presses get a polite
//! toast and nothing else.

use crate::common;

use common::ACQUISITION;
use common::bot::{TestBot, admin, button, reader, text};
use common::fake_bot_api::{Chat, Msg, callback};

#[tokio::test]
async fn a_vote_is_answered_first_with_a_thank_you_toast_and_counted_in_stats() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let answer = bot
        .answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
        .await;

    let press = bot
        .fake
        .push(callback(&budi, &answer, &button(&answer, "👍")));
    let toasts = bot.fake.wait_for_calls("answerCallbackQuery", 1).await;
    assert_eq!(
        toasts[0].params["callback_query_id"],
        press.callback_id.unwrap()
    );
    assert_eq!(toasts[0].params["text"], "Terima kasih atas masukannya!");

    let boss = admin();
    let boss_chat = Chat::private(&boss);
    let stats = bot
        .answer_to(
            Msg::text(&boss_chat, &boss, "/stats").message(),
            boss_chat.id,
        )
        .await;
    assert!(text(&stats).contains("👍 1 · 👎 0"), "{}", text(&stats));
}

#[tokio::test]
async fn more_from_the_article_is_answered_first_then_the_next_paragraph_is_sent() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let answer = bot
        .answer_to(
            Msg::text(&chat, &budi, "Orang-orang beralih ke platform apa?").message(),
            chat.id,
        )
        .await;

    let before = bot.fake.calls().len();
    let next = bot
        .answer_to(
            callback(&budi, &answer, &button(&answer, "Lanjutannya")),
            chat.id,
        )
        .await;
    assert!(!text(&next).is_empty());
    assert_ne!(text(&next), text(&answer));
    let calls = bot.fake.calls()[before..].to_vec();
    assert_eq!(calls[0].method, "answerCallbackQuery", "{calls:#?}");
    assert!(calls.iter().all(|c| c.ok), "{calls:#?}");
}

#[tokio::test]
async fn stale_and_forged_presses_get_a_polite_toast_and_nothing_else() {
    let bot = TestBot::spawn().await;
    let budi = reader();
    let chat = Chat::private(&budi);
    let answer = bot
        .answer_to(Msg::text(&chat, &budi, ACQUISITION).message(), chat.id)
        .await;

    let presses = [
        ("fb:+:999999", "Tombol ini sudah tidak berlaku."),
        ("more:4242:1", "Tombol ini sudah tidak berlaku."),
        ("DROP TABLE chats", "Maaf, tombol ini tidak saya kenali."),
        ("💥", "Maaf, tombol ini tidak saya kenali."),
    ];
    for (data, _) in &presses {
        bot.fake.push(callback(&budi, &answer, data));
    }
    let toasts = bot
        .fake
        .wait_for_calls("answerCallbackQuery", presses.len())
        .await;
    for (call, (data, expected)) in toasts.iter().zip(&presses) {
        assert_eq!(call.params["text"], *expected, "{data}");
    }
    // Handled in order in this chat: a question after them is the next thing answered.
    let next = bot
        .answer_to(
            Msg::text(&chat, &budi, "Siapa penulis berita ini?").message(),
            chat.id,
        )
        .await;
    assert!(text(&next).contains("Ahmad Febrian"), "{}", text(&next));
    assert_eq!(bot.texts(chat.id).len(), 2, "{:#?}", bot.texts(chat.id));
    assert!(bot.fake.calls_of("editMessageReplyMarkup").is_empty());
}
