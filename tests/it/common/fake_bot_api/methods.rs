//! The fake's answers to each Bot API method, checking what Telegram checks.

use std::collections::VecDeque;
use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::http::{ApiError, ApiResult, bad_request};
use super::{Failure, Inner, Person, Shared};

pub(super) async fn get_updates(shared: &Shared, params: &Value) -> ApiResult {
    let offset = params["offset"].as_i64().unwrap_or(0);
    let limit = params["limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
    let timeout = Duration::from_secs(params["timeout"].as_u64().unwrap_or(0));
    let deadline = tokio::time::Instant::now() + timeout;
    let mut changes = shared.updates_changed.subscribe();
    {
        let mut inner = shared.lock();
        inner.record("getUpdates", params, None);
        if let Some(Value::Array(kinds)) = params.get("allowed_updates") {
            // Telegram keeps the last list given; an empty list means "all the usual kinds".
            let kinds: Vec<String> = kinds
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            inner.allowed_updates = (!kinds.is_empty()).then_some(kinds);
        }
        // An offset confirms the updates delivered so far below it.
        let start = inner.unconfirmed_from;
        let below: Vec<i64> = inner.updates[start..]
            .iter()
            .filter(|u| u.id < offset)
            .map(|u| u.id)
            .collect();
        inner.confirmed.extend(below);
        let mut first = start;
        while first < inner.updates.len() && inner.confirmed.contains(&inner.updates[first].id) {
            first += 1;
        }
        inner.unconfirmed_from = first;
    }
    shared.events.send_modify(|v| *v += 1);
    loop {
        changes.borrow_and_update();
        {
            let inner = shared.lock();
            let batch: Vec<Value> = inner.updates[inner.unconfirmed_from..]
                .iter()
                .filter(|u| !inner.confirmed.contains(&u.id))
                .filter(|u| {
                    inner
                        .allowed_updates
                        .as_ref()
                        .is_none_or(|kinds| kinds.contains(&u.kind))
                })
                .take(limit)
                .map(|u| u.body.clone())
                .collect();
            if !batch.is_empty() {
                return Ok(Value::Array(batch));
            }
        }
        if tokio::time::timeout_at(deadline, changes.changed())
            .await
            .is_err()
        {
            return Ok(json!([]));
        }
    }
}

/// Answers one (non-polling) method and records it.
pub(super) fn call(shared: &Shared, method: &str, params: &Value) -> ApiResult {
    let mut inner = shared.lock();
    let result = answer(shared, &mut inner, method, params);
    inner.record(
        method,
        params,
        result.as_ref().err().map(|e| e.description.as_str()),
    );
    result
}

fn answer(shared: &Shared, inner: &mut Inner, method: &str, params: &Value) -> ApiResult {
    if let Some(failure) = inner.failures.get_mut(method).and_then(VecDeque::pop_front) {
        return Err(match failure {
            Failure::RetryAfter(seconds) => ApiError {
                status: StatusCode::TOO_MANY_REQUESTS,
                description: format!("Too Many Requests: retry after {seconds}"),
                parameters: Some(json!({"retry_after": seconds})),
            },
            Failure::Api(code, description) => ApiError {
                status: StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST),
                description,
                parameters: None,
            },
            // Answered by the HTTP layer before the method runs.
            Failure::Html(_) | Failure::Delay(_) | Failure::AnswerLate(_) => {
                unreachable!("handled in http::injected")
            }
        });
    }
    let chat_id = chat_id(params);
    if let Some(chat_id) = chat_id {
        if inner.blocked_chats.contains(&chat_id) {
            let description = if chat_id > 0 {
                "Forbidden: bot was blocked by the user"
            } else {
                "Forbidden: bot was kicked from the supergroup chat"
            };
            return Err(ApiError {
                status: StatusCode::FORBIDDEN,
                description: description.into(),
                parameters: None,
            });
        }
        if let Some(to) = inner.migrated.get(&chat_id) {
            return Err(ApiError {
                parameters: Some(json!({"migrate_to_chat_id": to})),
                ..bad_request("group chat was upgraded to a supergroup chat")
            });
        }
    }
    match method {
        "getMe" => Ok(me_json(&shared.bot)),
        "getWebhookInfo" => {
            let url = inner.webhook.as_ref().map_or("", |w| w.url.as_str());
            Ok(json!({"url": url, "has_custom_certificate": false, "pending_update_count": 0}))
        }
        "setWebhook" => {
            let url = params["url"]
                .as_str()
                .filter(|u| !u.is_empty())
                .ok_or_else(|| bad_request("bad webhook: URL is empty"))?;
            let secret = params["secret_token"].as_str().map(str::to_string);
            if secret.as_deref().is_some_and(|s| {
                s.is_empty()
                    || s.len() > 256
                    || !s
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            }) {
                return Err(bad_request(
                    "bad webhook: secret token contains unallowed characters",
                ));
            }
            inner.webhook = Some(super::Webhook {
                url: url.to_string(),
                secret,
                allowed_updates: params.get("allowed_updates").cloned(),
            });
            Ok(json!(true))
        }
        "deleteWebhook" => {
            inner.webhook = None;
            Ok(json!(true))
        }
        "close" | "logOut" | "sendChatAction" | "deleteMyCommands" => Ok(json!(true)),
        "setMyCommands" => {
            let commands = params["commands"]
                .as_array()
                .ok_or_else(|| bad_request("commands are not an array"))?;
            if commands.is_empty() || commands.len() > 100 {
                return Err(bad_request("wrong number of commands"));
            }
            for command in commands {
                let name = command["command"].as_str().unwrap_or_default();
                let ok = (1..=32).contains(&name.len())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                let description = command["description"]
                    .as_str()
                    .unwrap_or_default()
                    .chars()
                    .count();
                if !ok || !(1..=256).contains(&description) {
                    return Err(bad_request("BOT_COMMAND_INVALID"));
                }
            }
            let language = params["language_code"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            // A menu for one chat (the admins') is kept apart from the default one.
            let key = match params["scope"]["chat_id"].as_i64() {
                Some(chat) => format!("{language}@{chat}"),
                None => language,
            };
            inner.commands.insert(key, Value::Array(commands.clone()));
            Ok(json!(true))
        }
        "getMyCommands" => {
            let language = params["language_code"].as_str().unwrap_or_default();
            Ok(inner.commands.get(language).cloned().unwrap_or(json!([])))
        }
        "sendMessage" => send_message(
            shared,
            inner,
            params,
            chat_id.ok_or_else(|| bad_request("chat_id is empty"))?,
        ),
        "editMessageText" | "editMessageReplyMarkup" => {
            edit_message(inner, method, params, chat_id)
        }
        "answerCallbackQuery" => {
            let id = params["callback_query_id"].as_str().unwrap_or_default();
            if !inner.open_callbacks.remove(id) {
                return Err(bad_request(
                    "query is too old and response timeout expired or query ID is invalid",
                ));
            }
            if params["text"]
                .as_str()
                .is_some_and(|t| t.chars().count() > 200)
            {
                return Err(bad_request("MESSAGE_TOO_LONG"));
            }
            Ok(json!(true))
        }
        "getFile" => {
            let file_id = params["file_id"].as_str().unwrap_or_default();
            let (path, bytes) = inner
                .files
                .get(file_id)
                .ok_or_else(|| bad_request("invalid file_id"))?;
            let size = inner
                .claimed
                .get(file_id)
                .copied()
                .unwrap_or(bytes.len() as u64);
            Ok(json!({
                "file_id": file_id,
                "file_unique_id": file_id.replace("file-", "uniq-"),
                "file_size": size,
                "file_path": path,
            }))
        }
        _ => Err(ApiError {
            status: StatusCode::NOT_FOUND,
            description: "Not Found".into(),
            parameters: None,
        }),
    }
}

fn chat_id(params: &Value) -> Option<i64> {
    match &params["chat_id"] {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn me_json(bot: &Person) -> Value {
    let mut me = bot.json();
    me["can_join_groups"] = json!(true);
    me["can_read_all_group_messages"] = json!(false);
    me["supports_inline_queries"] = json!(false);
    me["can_connect_to_business"] = json!(false);
    me["has_main_web_app"] = json!(false);
    me
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Checks what Telegram checks on a text and returns what the reader sees.
fn visible_text(params: &Value) -> Result<String, ApiError> {
    let raw = params["text"]
        .as_str()
        .ok_or_else(|| bad_request("message text is empty"))?;
    let text = match params["parse_mode"].as_str() {
        Some("HTML") => html_to_plain(raw)?,
        Some("MarkdownV2") | Some("Markdown") => raw.to_string(),
        _ => raw.to_string(),
    };
    if text.trim().is_empty() {
        return Err(bad_request("message text is empty"));
    }
    if text.encode_utf16().count() > 4096 {
        return Err(bad_request("message is too long"));
    }
    Ok(text)
}

/// Strips tags and decodes the four entities Telegram's HTML mode knows; a bare `<` or `&` that
/// is not an entity fails as it does on Telegram ("can't parse entities").
fn html_to_plain(raw: &str) -> Result<String, ApiError> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest
                .find('>')
                .ok_or_else(|| bad_request("can't parse entities: unclosed tag"))?;
            let tag = rest[1..end]
                .trim_start_matches('/')
                .split_whitespace()
                .next()
                .unwrap_or("");
            const TAGS: [&str; 17] = [
                "b",
                "strong",
                "i",
                "em",
                "u",
                "ins",
                "s",
                "strike",
                "del",
                "a",
                "code",
                "pre",
                "tg-spoiler",
                "span",
                "blockquote",
                "tg-emoji",
                "br",
            ];
            if !TAGS.contains(&tag) {
                return Err(bad_request(&format!(
                    "can't parse entities: unsupported start tag \"{tag}\""
                )));
            }
            rest = &rest[end + 1..];
        } else {
            let end = rest
                .find(';')
                .ok_or_else(|| bad_request("can't parse entities: bare &"))?;
            let decoded = match &rest[1..end] {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                other => {
                    return Err(bad_request(&format!(
                        "can't parse entities: unknown entity &{other};"
                    )));
                }
            };
            out.push_str(decoded);
            rest = &rest[end + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn check_keyboard(params: &Value) -> Result<Option<Value>, ApiError> {
    let Some(markup) = params.get("reply_markup").filter(|m| !m.is_null()) else {
        return Ok(None);
    };
    if let Some(rows) = markup["inline_keyboard"].as_array() {
        for button in rows.iter().filter_map(Value::as_array).flatten() {
            if button["text"].as_str().is_none_or(str::is_empty) {
                return Err(bad_request(
                    "text buttons are unallowed in the inline keyboard",
                ));
            }
            if let Some(data) = button["callback_data"].as_str()
                && !(1..=64).contains(&data.len())
            {
                return Err(bad_request("BUTTON_DATA_INVALID"));
            }
        }
    }
    Ok(Some(markup.clone()))
}

fn send_message(shared: &Shared, inner: &mut Inner, params: &Value, chat_id: i64) -> ApiResult {
    let chat = inner
        .chats
        .get(&chat_id)
        .cloned()
        .ok_or_else(|| bad_request("chat not found"))?;
    let text = visible_text(params)?;
    let markup = check_keyboard(params)?;
    let reply_to = params
        .pointer("/reply_parameters/message_id")
        .or_else(|| params.get("reply_to_message_id"))
        .and_then(Value::as_i64);
    let allow_missing = params
        .pointer("/reply_parameters/allow_sending_without_reply")
        .and_then(Value::as_bool)
        == Some(true)
        || params["allow_sending_without_reply"].as_bool() == Some(true);
    let message_id = inner.next_message_id;
    inner.next_message_id += 1;
    let mut message = json!({
        "message_id": message_id,
        "date": now(),
        "chat": chat,
        "from": shared.bot.json(),
        "text": text,
    });
    if let Some(markup) = markup {
        message["reply_markup"] = markup;
    }
    if let Some(reply_to) = reply_to {
        match inner.messages.get(&(chat_id, reply_to)) {
            Some(original) => message["reply_to_message"] = original.clone(),
            None if allow_missing => {}
            None => return Err(bad_request("message to be replied not found")),
        }
    }
    if let Some(thread) = params["message_thread_id"].as_i64() {
        message["message_thread_id"] = json!(thread);
        if chat["is_forum"].as_bool() == Some(true) {
            message["is_topic_message"] = json!(true);
        }
    }
    inner.learn_message(&message);
    inner.sent.entry(chat_id).or_default().push(message_id);
    Ok(message)
}

fn edit_message(
    inner: &mut Inner,
    method: &str,
    params: &Value,
    chat_id: Option<i64>,
) -> ApiResult {
    let chat_id = chat_id.ok_or_else(|| bad_request("chat_id is empty"))?;
    let message_id = params["message_id"]
        .as_i64()
        .ok_or_else(|| bad_request("message_id is empty"))?;
    let new_text = if method == "editMessageText" {
        Some(visible_text(params)?)
    } else {
        None
    };
    let markup = check_keyboard(params)?;
    let message = inner
        .messages
        .get_mut(&(chat_id, message_id))
        .ok_or_else(|| bad_request("message to edit not found"))?;
    let Some(fields) = message.as_object_mut() else {
        return Err(bad_request("message to edit not found"));
    };
    let unchanged = new_text
        .as_deref()
        .is_none_or(|t| fields.get("text").and_then(Value::as_str) == Some(t))
        && fields.get("reply_markup") == markup.as_ref();
    if unchanged {
        return Err(bad_request(
            "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        ));
    }
    if let Some(text) = new_text {
        fields.insert("text".into(), json!(text));
    }
    match markup {
        Some(markup) => fields.insert("reply_markup".into(), markup),
        None => fields.remove("reply_markup"),
    };
    fields.insert("edit_date".into(), json!(now()));
    Ok(message.clone())
}
