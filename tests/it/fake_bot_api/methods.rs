//! The methods besides getUpdates: sends with Telegram's rules, call watchers, injected failures,
//! edits, callback answers, files, command menus and every body encoding.

use super::*;

fn plain_bot(fake: &FakeBotApi) -> Bot {
    Bot::new(fake.token()).set_api_url(fake.api_url())
}

#[tokio::test]
async fn send_message_echoes_chat_reply_thread_and_keyboard_with_increasing_ids() {
    let fake = FakeBotApi::start().await;
    let bot = plain_bot(&fake);
    let alice = alice();
    let forum = Chat::forum(-1009999999999, "Forum");
    let asked = fake.push(Msg::text(&forum, &alice, "/ask x").thread(7).message());
    use teloxide::types::{
        InlineKeyboardButton, InlineKeyboardMarkup, MessageId, ParseMode, ReplyParameters, ThreadId,
    };
    let sent = bot
        .send_message(ChatId(forum.id), "<b>Jawab</b> &lt;ok&gt;")
        .parse_mode(ParseMode::Html)
        .reply_parameters(
            ReplyParameters::new(MessageId(asked.message_id())).allow_sending_without_reply(),
        )
        .message_thread_id(ThreadId(MessageId(7)))
        .reply_markup(InlineKeyboardMarkup::new([[
            InlineKeyboardButton::callback("👍", "fb:up"),
        ]]))
        .await
        .unwrap();
    assert_eq!(sent.text(), Some("Jawab <ok>"));
    assert_eq!(
        sent.reply_to_message().map(|m| m.id.0),
        Some(asked.message_id())
    );
    assert_eq!(sent.thread_id, Some(ThreadId(MessageId(7))));
    assert!(sent.is_topic_message);
    assert!(sent.reply_markup().is_some());
    let next = bot.send_message(ChatId(forum.id), "lagi").await.unwrap();
    assert!(next.id.0 > sent.id.0);

    let call = &fake.calls_of("sendMessage")[0];
    assert_eq!(call.params["parse_mode"], "HTML");
    assert_eq!(
        call.params["reply_parameters"]["message_id"],
        json!(asked.message_id())
    );
    assert_eq!(
        call.params["reply_parameters"]["allow_sending_without_reply"],
        true
    );
    assert_eq!(call.params["message_thread_id"], 7);
    assert_eq!(
        call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
        "fb:up"
    );
}

#[tokio::test]
async fn a_call_watcher_sees_each_later_call_once_in_order_and_no_polls() {
    let fake = FakeBotApi::start().await;
    let bot = plain_bot(&fake);
    let alice = alice();
    let chat = Chat::private(&alice);
    fake.push(Msg::text(&chat, &alice, "halo").message());
    bot.send_message(ChatId(alice.id), "sebelum").await.unwrap();
    let mut feed = fake.watch_calls();
    get_updates(&fake, json!({})).await;
    bot.send_message(ChatId(alice.id), "satu").await.unwrap();
    bot.send_message(ChatId(-1), "ke chat yang tidak ada")
        .await
        .unwrap_err();
    let first = feed.recv().await.unwrap();
    assert_eq!((first.method.as_str(), first.ok), ("sendMessage", true));
    assert_eq!(first.params["text"], "satu");
    let second = feed.recv().await.unwrap();
    assert!(!second.ok, "{second:?}");
    assert!(feed.try_recv().is_err(), "nothing else was called");
}

#[tokio::test]
async fn the_fake_enforces_telegram_rules_on_sends() {
    let fake = FakeBotApi::start().await;
    let bot = plain_bot(&fake);
    let alice = alice();
    fake.add_chat(&Chat::private(&alice));
    use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, ParseMode};
    let too_long = "a".repeat(4097);
    assert!(bot.send_message(ChatId(42), too_long).await.is_err());
    assert!(
        bot.send_message(ChatId(42), "ok".repeat(2048))
            .await
            .is_ok()
    );
    assert!(
        bot.send_message(ChatId(42), "a < b")
            .parse_mode(ParseMode::Html)
            .await
            .is_err()
    );
    let long_data =
        InlineKeyboardMarkup::new([[InlineKeyboardButton::callback("x", "d".repeat(65))]]);
    assert!(
        bot.send_message(ChatId(42), "x")
            .reply_markup(long_data)
            .await
            .is_err()
    );
    let err = bot.send_message(ChatId(31337), "nobody").await.unwrap_err();
    assert!(err.to_string().contains("chat not found"), "{err}");
    let errors: Vec<_> = fake.calls_of("sendMessage").iter().map(|c| c.ok).collect();
    assert_eq!(errors, vec![false, true, false, false, false]);
}

#[tokio::test]
async fn injected_failures_look_like_telegram_errors() {
    let fake = FakeBotApi::start().await;
    let bot = plain_bot(&fake);
    let alice = alice();
    let group = Chat::group(-4001, "Grup");
    fake.add_chat(&Chat::private(&alice));
    fake.add_chat(&group);

    fake.fail_next("sendMessage", Failure::RetryAfter(1));
    let err = bot.send_message(ChatId(42), "x").await.unwrap_err();
    assert!(
        matches!(err, teloxide::RequestError::RetryAfter(s) if s.seconds() == 1),
        "{err:?}"
    );
    assert!(
        bot.send_message(ChatId(42), "x").await.is_ok(),
        "a failure is injected once"
    );

    fake.block_chat(42);
    let err = bot.send_message(ChatId(42), "x").await.unwrap_err();
    assert!(
        matches!(
            err,
            teloxide::RequestError::Api(teloxide::ApiError::BotBlocked)
        ),
        "{err:?}"
    );

    fake.push(Msg::migrate(&group, &alice, -1005550001).message());
    let err = bot.send_message(ChatId(group.id), "x").await.unwrap_err();
    assert!(
        matches!(
            err,
            teloxide::RequestError::MigrateToChatId(ChatId(-1005550001))
        ),
        "{err:?}"
    );
    assert!(bot.send_message(ChatId(-1005550001), "x").await.is_ok());
}

#[tokio::test]
async fn edits_callback_answers_files_and_commands_work() {
    let fake = FakeBotApi::start().await;
    let bot = plain_bot(&fake);
    let alice = alice();
    let private = Chat::private(&alice);
    fake.add_chat(&private);
    use teloxide::net::Download;
    use teloxide::types::{
        BotCommand, BotCommandScope, InlineKeyboardButton, InlineKeyboardMarkup,
    };

    let keyboard = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback("A", "a")]]);
    let sent = bot
        .send_message(ChatId(42), "pilih")
        .reply_markup(keyboard)
        .await
        .unwrap();
    let cleared = bot
        .edit_message_reply_markup(ChatId(42), sent.id)
        .await
        .unwrap();
    assert!(cleared.reply_markup().is_none());
    let edited = bot
        .edit_message_text(ChatId(42), sent.id, "dipilih")
        .await
        .unwrap();
    assert_eq!(edited.text(), Some("dipilih"));
    assert!(
        bot.edit_message_text(ChatId(42), sent.id, "dipilih")
            .await
            .is_err(),
        "not modified"
    );
    assert!(
        bot.edit_message_text(ChatId(42), teloxide::types::MessageId(999), "x")
            .await
            .is_err()
    );

    let pushed = fake.push(callback(&alice, &fake.sent_messages(42)[0], "a"));
    let id = pushed.callback_id.unwrap();
    assert!(
        bot.answer_callback_query(teloxide::types::CallbackQueryId(id.clone()))
            .await
            .is_ok()
    );
    assert!(
        bot.answer_callback_query(teloxide::types::CallbackQueryId(id))
            .await
            .is_err(),
        "answered twice"
    );
    assert!(
        bot.answer_callback_query(teloxide::types::CallbackQueryId("forged".into()))
            .await
            .is_err()
    );

    let file = fake.add_file("page.txt", "Judul\n\nIsi berita".as_bytes().to_vec());
    let info = bot
        .get_file(teloxide::types::FileId(file.file_id.clone()))
        .await
        .unwrap();
    assert_eq!(info.size, 17);
    let mut bytes = Vec::new();
    bot.download_file(&info.path, &mut bytes).await.unwrap();
    assert_eq!(bytes, b"Judul\n\nIsi berita");

    bot.set_my_commands([BotCommand::new("ask", "Tanya")])
        .await
        .unwrap();
    bot.set_my_commands([BotCommand::new("ask", "Ask")])
        .language_code("en")
        .scope(BotCommandScope::AllPrivateChats)
        .await
        .unwrap();
    assert_eq!(fake.commands(None).unwrap()[0]["description"], "Tanya");
    assert_eq!(fake.commands(Some("en")).unwrap()[0]["description"], "Ask");
    assert!(
        bot.set_my_commands([BotCommand::new("Bad-Name", "x")])
            .await
            .is_err()
    );
    bot.send_chat_action(ChatId(42), teloxide::types::ChatAction::Typing)
        .await
        .unwrap();
    assert_eq!(
        fake.calls_of("sendChatAction")[0].params["action"],
        "typing"
    );
}

#[tokio::test]
async fn form_query_and_multipart_bodies_are_recorded_as_params() {
    let fake = FakeBotApi::start().await;
    let alice = alice();
    fake.add_chat(&Chat::private(&alice));
    let base = format!("{}bot{}", fake.api_url(), fake.token());
    let client = reqwest::Client::new();

    let form = client
        .post(format!("{base}/sendMessage"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("chat_id=42&text=halo+dunia%21&reply_markup=%7B%22inline_keyboard%22%3A%5B%5D%7D")
        .send()
        .await
        .unwrap();
    assert!(form.status().is_success());
    let query = client
        .get(format!("{base}/sendChatAction?chat_id=42&action=typing"))
        .send()
        .await
        .unwrap();
    assert!(query.status().is_success());
    let boundary = "XyZ";
    let multipart = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.txt\"\r\n\
         Content-Type: text/plain\r\n\r\nisi\r\n--{boundary}--\r\n"
    );
    client
        .post(format!("{base}/sendDocument"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(multipart)
        .send()
        .await
        .unwrap();
    let unauthorized = client
        .post(format!("{}botWRONG/getMe", fake.api_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(unauthorized.status(), 401);

    let calls = fake.calls();
    assert_eq!(
        calls[0].params,
        json!({"chat_id": 42, "text": "halo dunia!", "reply_markup": {"inline_keyboard": []}})
    );
    assert_eq!(calls[1].params, json!({"chat_id": 42, "action": "typing"}));
    assert_eq!(calls[2].method, "sendDocument");
    assert_eq!(
        calls[2].params,
        json!({"chat_id": 42, "document": "<file a.txt>"})
    );
}
