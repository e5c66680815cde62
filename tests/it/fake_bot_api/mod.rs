//! Self-tests of the fake Bot API: a tiny real teloxide Dispatcher (an echo bot defined here) runs
//! against it, proving that teloxide parses every update the builders make and that the fake
//! answers long polling, sends, edits, files, commands and injected failures as Telegram does.
//! This file holds the echo bot and the helpers; the tests are split by what they pin:
//! [`parsing`] (updates teloxide reads), [`polling`] (getUpdates), [`methods`] (the other calls).

use crate::common;

mod methods;
mod parsing;
mod polling;

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

/// Raw HTTP, to pin the long-polling semantics without teloxide in between.
async fn get_updates(fake: &FakeBotApi, params: Value) -> Vec<Value> {
    get_updates_at(get_updates_url(fake), params).await
}

fn get_updates_url(fake: &FakeBotApi) -> String {
    format!("{}bot{}/getUpdates", fake.api_url(), fake.token())
}

/// [`get_updates`] on owned arguments, for a long poll spawned to wait while the test pushes.
async fn get_updates_at(url: String, params: Value) -> Vec<Value> {
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
