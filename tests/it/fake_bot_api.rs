//! Self-tests of the fake Bot API: a tiny real teloxide Dispatcher (an echo bot defined here) runs
//! against it, proving that teloxide parses every update the builders make and that the fake
//! answers long polling, sends, edits, files, commands and injected failures as Telegram does.

use crate::common;

use std::time::Duration;

use common::fake_bot_api::{Chat, Failure, FakeBotApi, Msg, Person, callback, my_chat_member};
use serde_json::{Value, json};
use teloxide::dispatching::ShutdownToken;
use teloxide::dispatching::{Dispatcher, UpdateFilterExt};
use teloxide::prelude::*;
use teloxide::types::{ChatMemberUpdated, Me};

/// Describes what teloxide parsed, so a test can compare it with what the builder made.
fn describe(msg: &Message) -> String {
    let what = if let Some(text) = msg.text() {
        format!("text:{text}")
    } else if msg.sticker().is_some() {
        "sticker".into()
    } else if msg.photo().is_some() {
        "photo".into()
    } else if msg.voice().is_some() {
        "voice".into()
    } else if msg.video().is_some() {
        "video".into()
    } else if let Some(doc) = msg.document() {
        format!(
            "document:{}:{}",
            doc.file.id,
            doc.file_name.clone().unwrap_or_default()
        )
    } else if let Some(members) = msg.new_chat_members() {
        format!(
            "joined:{}",
            members
                .iter()
                .map(|u| u.id.0.to_string())
                .collect::<Vec<_>>()
                .join(",")
        )
    } else if let Some(to) = msg.migrate_to_chat_id() {
        format!("migrate:{}", to.0)
    } else {
        "other".into()
    };
    let mut parts = vec![what];
    if let Some(entities) = msg.parse_entities() {
        for entity in entities {
            parts.push(format!("{:?}={}", entity.kind(), entity.text()));
        }
    }
    if let Some(thread) = msg.thread_id {
        parts.push(format!(
            "thread={} topic={}",
            thread.0.0, msg.is_topic_message
        ));
    }
    if let Some(original) = msg.reply_to_message() {
        parts.push(format!(
            "reply_to={} by_bot={}",
            original.id.0,
            original.from.as_ref().is_some_and(|u| u.is_bot)
        ));
    }
    if let Some(sender_chat) = &msg.sender_chat {
        parts.push(format!("sender_chat={}", sender_chat.id.0));
    }
    if let Some(from) = &msg.from {
        parts.push(format!(
            "from={} lang={}",
            from.id.0,
            from.language_code.clone().unwrap_or_default()
        ));
    }
    parts.join(" | ")
}

async fn echo_message(bot: Bot, msg: Message) -> ResponseResult<()> {
    bot.send_message(msg.chat.id, describe(&msg)).await?;
    Ok(())
}

async fn echo_edited(bot: Bot, msg: Message) -> ResponseResult<()> {
    bot.send_message(msg.chat.id, format!("edited {}", describe(&msg)))
        .await?;
    Ok(())
}

async fn echo_callback(bot: Bot, query: CallbackQuery) -> ResponseResult<()> {
    bot.answer_callback_query(query.id.clone())
        .text("ok")
        .await?;
    let message = query.message.as_ref().expect("callback with message");
    let text = format!(
        "callback:{} on {} instance={}",
        query.data.clone().unwrap_or_default(),
        message.id().0,
        query.chat_instance
    );
    bot.send_message(message.chat().id, text).await?;
    Ok(())
}

async fn echo_member(bot: Bot, update: ChatMemberUpdated, me: Me) -> ResponseResult<()> {
    let text = format!(
        "member:{:?}->{:?} me={}",
        update.old_chat_member.kind.status(),
        update.new_chat_member.kind.status(),
        update.new_chat_member.user.id == me.id
    );
    bot.send_message(update.chat.id, text).await?;
    Ok(())
}

/// Runs the echo bot against the fake until the returned token shuts it down.
fn spawn_echo(fake: &FakeBotApi) -> (ShutdownToken, tokio::task::JoinHandle<()>) {
    let bot = Bot::new(fake.token()).set_api_url(fake.api_url());
    let handler = dptree::entry()
        .branch(Update::filter_message().endpoint(echo_message))
        .branch(Update::filter_edited_message().endpoint(echo_edited))
        .branch(Update::filter_callback_query().endpoint(echo_callback))
        .branch(Update::filter_my_chat_member().endpoint(echo_member));
    let mut dispatcher = Dispatcher::builder(bot, handler)
        .default_handler(|_| async {})
        .build();
    let token = dispatcher.shutdown_token();
    let task = tokio::spawn(async move { dispatcher.dispatch().await });
    (token, task)
}

async fn stop(token: ShutdownToken, task: tokio::task::JoinHandle<()>) {
    // The dispatcher may still be starting (getMe); shutting down an idle one is refused.
    loop {
        match token.shutdown() {
            Ok(done) => {
                done.await;
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
    task.await.expect("dispatcher task");
}

fn alice() -> Person {
    Person::new(42, "Alice").username("alice_r").lang("id")
}

/// Pushes an update and returns what the echo bot answered in `chat_id`.
async fn echo_of(fake: &FakeBotApi, chat_id: i64, update: Value) -> String {
    let before = fake.calls_of("sendMessage").len();
    fake.push(update);
    let calls = fake.wait_for_calls("sendMessage", before + 1).await;
    let call = &calls[before];
    assert_eq!(
        call.params["chat_id"],
        json!(chat_id),
        "echo went to the wrong chat: {call:?}"
    );
    // Not asserting `call.ok`: after a migration the fake rightly refuses sends to the old group id.
    call.params["text"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn teloxide_parses_every_message_kind_the_builders_make() {
    let fake = FakeBotApi::start().await;
    let (token, task) = spawn_echo(&fake);
    let alice = alice();
    let private = Chat::private(&alice);
    let group = Chat::supergroup(-1001234567890, "Pembaca");
    let forum = Chat::forum(-1009999999999, "Forum");

    assert_eq!(
        echo_of(&fake, 42, Msg::text(&private, &alice, "halo").message()).await,
        "text:halo | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            group.id,
            Msg::text(&group, &alice, "/ask@newsdesk_bot kapan rilis?").message()
        )
        .await,
        "text:/ask@newsdesk_bot kapan rilis? | BotCommand=/ask@newsdesk_bot | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            group.id,
            Msg::text(&group, &alice, "😀 tanya @newsdesk_bot: apa itu?").message()
        )
        .await,
        "text:😀 tanya @newsdesk_bot: apa itu? | Mention=@newsdesk_bot | from=42 lang=id"
    );
    let bot_message = fake.sent_messages(group.id).last().cloned().unwrap();
    let reply = Msg::text(&group, &alice, "lalu?")
        .reply_to(&bot_message)
        .message();
    assert_eq!(
        echo_of(&fake, group.id, reply).await,
        format!(
            "text:lalu? | reply_to={} by_bot=true | from=42 lang=id",
            bot_message["message_id"]
        )
    );
    assert_eq!(
        echo_of(
            &fake,
            forum.id,
            Msg::text(&forum, &alice, "/ask apa").thread(77).message()
        )
        .await,
        "text:/ask apa | BotCommand=/ask | thread=77 topic=true | from=42 lang=id"
    );
    let anonymous = Msg::text(&group, &alice, "/stats")
        .anonymous_admin()
        .message();
    assert_eq!(
        echo_of(&fake, group.id, anonymous).await,
        format!(
            "text:/stats | BotCommand=/stats | sender_chat={} | from=1087968824 lang=",
            group.id
        )
    );
    assert_eq!(
        echo_of(&fake, 42, Msg::sticker(&private, &alice).message()).await,
        "sticker | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            42,
            Msg::photo(&private, &alice).caption("lihat").message()
        )
        .await,
        "photo | from=42 lang=id"
    );
    assert_eq!(
        echo_of(&fake, 42, Msg::voice(&private, &alice).message()).await,
        "voice | from=42 lang=id"
    );
    assert_eq!(
        echo_of(&fake, 42, Msg::video(&private, &alice).message()).await,
        "video | from=42 lang=id"
    );
    let file = fake.add_file("halaman.txt", b"Judul\n\nIsi".to_vec());
    assert_eq!(
        echo_of(&fake, 42, Msg::document(&private, &alice, &file).message()).await,
        "document:file-1:halaman.txt | from=42 lang=id"
    );
    let basic = Chat::group(-4001, "Grup lama");
    assert_eq!(
        echo_of(
            &fake,
            basic.id,
            Msg::new_members(&basic, &alice, &[fake.bot()]).message()
        )
        .await,
        "joined:7000000001 | from=42 lang=id"
    );
    assert_eq!(
        echo_of(
            &fake,
            basic.id,
            Msg::migrate(&basic, &alice, -1005550001).message()
        )
        .await,
        "migrate:-1005550001 | from=42 lang=id"
    );

    stop(token, task).await;
}

#[tokio::test]
async fn teloxide_parses_edits_callbacks_and_membership_updates() {
    let fake = FakeBotApi::start().await;
    let (token, task) = spawn_echo(&fake);
    let alice = alice();
    let private = Chat::private(&alice);

    let first = fake.push(Msg::text(&private, &alice, "halo").message());
    fake.wait_for_calls("sendMessage", 1).await;
    let edit = Msg::text(&private, &alice, "halo lagi")
        .id(first.message_id() as i64)
        .edited();
    assert_eq!(
        echo_of(&fake, 42, edit).await,
        "edited text:halo lagi | from=42 lang=id"
    );

    let bot_message = fake.sent_messages(42).first().cloned().unwrap();
    let pressed = callback(&alice, &bot_message, "fb:up:12");
    assert_eq!(
        echo_of(&fake, 42, pressed).await,
        format!(
            "callback:fb:up:12 on {} instance=instance42",
            bot_message["message_id"]
        )
    );
    let answers = fake.calls_of("answerCallbackQuery");
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].params["callback_query_id"], "cb-1");
    assert_eq!(answers[0].params["text"], "ok");
    assert!(answers[0].ok);

    let group = Chat::supergroup(-1001234567890, "Pembaca");
    let joined = my_chat_member(&group, &alice, &fake.bot(), "left", "member");
    assert_eq!(
        echo_of(&fake, group.id, joined).await,
        "member:Left->Member me=true"
    );
    let promoted = my_chat_member(&group, &alice, &fake.bot(), "member", "administrator");
    assert_eq!(
        echo_of(&fake, group.id, promoted).await,
        "member:Member->Administrator me=true"
    );

    stop(token, task).await;
}

#[tokio::test]
async fn the_dispatcher_start_calls_get_me_and_polls_with_confirming_offsets() {
    let fake = FakeBotApi::start_at(500).await;
    let (token, task) = spawn_echo(&fake);
    let alice = alice();
    let private = Chat::private(&alice);
    let first = fake.push(Msg::text(&private, &alice, "satu").message());
    let second = fake.push(Msg::text(&private, &alice, "dua").message());
    assert_eq!((first.update_id, second.update_id), (500, 501));
    fake.wait_for_calls("sendMessage", 2).await;
    fake.wait_confirmed(second.update_id).await;
    stop(token, task).await;

    let methods: Vec<String> = fake.calls().iter().map(|c| c.method.clone()).collect();
    let position = |m: &str| methods.iter().position(|x| x == m);
    assert!(
        position("getMe") < position("sendMessage"),
        "no getMe before the first send: {methods:?}"
    );
    assert!(
        position("getWebhookInfo").is_some(),
        "polling checks for a webhook first: {methods:?}"
    );
    let polls = fake.get_updates_calls();
    assert!(
        polls.iter().any(|c| c.params["offset"] == json!(502)),
        "no confirming offset: {polls:?}"
    );
    assert_eq!(
        fake.sent_texts(42),
        vec!["text:satu | from=42 lang=id", "text:dua | from=42 lang=id"]
    );
}

#[tokio::test]
async fn a_restarted_bot_gets_unconfirmed_updates_again() {
    let fake = FakeBotApi::start().await;
    let alice = alice();
    let private = Chat::private(&alice);
    let (token, task) = spawn_echo(&fake);
    let pushed = fake.push(Msg::text(&private, &alice, "sekali").message());
    fake.wait_for_calls("sendMessage", 1).await;
    fake.wait_confirmed(pushed.update_id).await;
    stop(token, task).await;

    fake.unconfirm_from(pushed.update_id);
    let (token, task) = spawn_echo(&fake);
    let calls = fake.wait_for_calls("sendMessage", 2).await;
    assert_eq!(calls[1].params["text"], calls[0].params["text"]);
    stop(token, task).await;
}

/// Raw HTTP, to pin the long-polling semantics without teloxide in between.
async fn get_updates(fake: &FakeBotApi, params: Value) -> Vec<Value> {
    let url = format!("{}bot{}/getUpdates", fake.api_url(), fake.token());
    let response: Value = reqwest::Client::new()
        .post(url)
        .json(&params)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(response["ok"], true, "{response}");
    response["result"].as_array().unwrap().clone()
}

#[tokio::test]
async fn get_updates_honours_offset_limit_timeout_and_allowed_updates() {
    let fake = FakeBotApi::start().await;
    let alice = alice();
    let private = Chat::private(&alice);
    for text in ["a", "b", "c"] {
        fake.push(Msg::text(&private, &alice, text).message());
    }
    let batch = get_updates(&fake, json!({"limit": 2})).await;
    assert_eq!(
        batch
            .iter()
            .map(|u| u["update_id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    // Without a higher offset nothing is confirmed.
    assert_eq!(get_updates(&fake, json!({})).await.len(), 3);
    let rest = get_updates(&fake, json!({"offset": 3})).await;
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["message"]["text"], "c");
    assert!(
        get_updates(&fake, json!({"offset": 4, "timeout": 0}))
            .await
            .is_empty()
    );

    // A long poll returns as soon as an update arrives.
    let waiting = {
        let url = format!("{}bot{}/getUpdates", fake.api_url(), fake.token());
        tokio::spawn(async move {
            let body: Value = reqwest::Client::new()
                .post(url)
                .json(&json!({"offset": 4, "timeout": 5}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            body
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    fake.push(Msg::text(&private, &alice, "d").message());
    let body = waiting.await.unwrap();
    assert_eq!(body["result"][0]["update_id"], 4);

    // allowed_updates filters kinds and is kept for later calls.
    fake.push(callback(
        &alice,
        &json!({"message_id": 1, "date": 0, "chat": private.json()}),
        "x",
    ));
    fake.push(Msg::text(&private, &alice, "e").message());
    let only_messages =
        get_updates(&fake, json!({"offset": 5, "allowed_updates": ["message"]})).await;
    assert_eq!(only_messages.len(), 1);
    assert_eq!(only_messages[0]["message"]["text"], "e");
    assert_eq!(get_updates(&fake, json!({"offset": 5})).await.len(), 1);
}

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
