//! The fake's HTTP face: routes, token check, and reading parameters from query strings, JSON,
//! urlencoded forms and multipart bodies the way Telegram accepts them.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::methods::{call, get_updates};
use super::{Failure, Shared, TOKEN};

pub(super) type ApiResult = Result<Value, ApiError>;

pub(super) struct ApiError {
    pub(super) status: StatusCode,
    pub(super) description: String,
    pub(super) parameters: Option<Value>,
}

pub(super) fn bad_request(description: &str) -> ApiError {
    ApiError {
        status: StatusCode::BAD_REQUEST,
        description: format!("Bad Request: {description}"),
        parameters: None,
    }
}

pub(super) fn api_error(
    status: StatusCode,
    description: &str,
    parameters: Option<Value>,
) -> Response {
    let mut body = json!({"ok": false, "error_code": status.as_u16(), "description": description});
    if let Some(parameters) = parameters {
        body["parameters"] = parameters;
    }
    (status, axum::Json(body)).into_response()
}

pub(super) async fn api(
    State(shared): State<Arc<Shared>>,
    Path((bot, method)): Path<(String, String)>,
    request: Request,
) -> Response {
    if bot.strip_prefix("bot") != Some(TOKEN) {
        return api_error(StatusCode::UNAUTHORIZED, "Unauthorized", None);
    }
    let method = canonical_method(&method);
    let params = match read_params(request).await {
        Ok(params) => params,
        Err(e) => return api_error(StatusCode::BAD_REQUEST, &format!("Bad Request: {e}"), None),
    };
    if let Some(response) = injected(&shared, &method, &params).await {
        shared.events.send_modify(|v| *v += 1);
        return response;
    }
    let result = if method == "getUpdates" {
        get_updates(&shared, &params).await
    } else {
        call(&shared, &method, &params)
    };
    if method != "getUpdates" {
        shared.events.send_modify(|v| *v += 1);
    }
    match result {
        Ok(result) => axum::Json(json!({"ok": true, "result": result})).into_response(),
        Err(e) => api_error(e.status, &e.description, e.parameters),
    }
}

/// Failures answered here rather than by the method: an HTML page (an outage, or queued with
/// `Failure::Html`), or a delay before the normal answer (`Failure::Delay`) or between carrying
/// the call out and answering it (`Failure::AnswerLate`).
async fn injected(shared: &Shared, method: &str, params: &Value) -> Option<Response> {
    let (html, delay) = {
        let mut inner = shared.lock();
        let down = inner
            .outages
            .get(method)
            .is_some_and(|until| std::time::Instant::now() < *until);
        let queue = inner.failures.get_mut(method);
        let next = if down {
            Some(Failure::Html(502))
        } else {
            match queue.as_ref().and_then(|q| q.front()) {
                Some(Failure::Html(_) | Failure::Delay(_) | Failure::AnswerLate(_)) => {
                    queue.and_then(|q| q.pop_front())
                }
                _ => None,
            }
        };
        match next {
            Some(Failure::Html(status)) => {
                inner.record(method, params, Some(&format!("HTML {status}")));
                (Some(status), None)
            }
            Some(Failure::Delay(wait)) => (None, Some((wait, false))),
            Some(Failure::AnswerLate(wait)) => (None, Some((wait, true))),
            _ => (None, None),
        }
    };
    if let Some(status) = html {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
        let page = format!(
            "<html><head><title>{status}</title></head><body><center><h1>{status}</h1></center><hr><center>nginx</center></body></html>"
        );
        return Some((status, [(header::CONTENT_TYPE, "text/html")], page).into_response());
    }
    if let Some((wait, accepted_first)) = delay {
        let early = accepted_first.then(|| call(shared, method, params));
        if early.is_some() {
            // Accepted now: whoever waits for the message sees it before the answer leaves.
            shared.events.send_modify(|v| *v += 1);
        }
        tokio::time::sleep(wait).await;
        let result = early.unwrap_or_else(|| call(shared, method, params));
        return Some(match result {
            Ok(result) => axum::Json(json!({"ok": true, "result": result})).into_response(),
            Err(e) => api_error(e.status, &e.description, e.parameters),
        });
    }
    None
}

/// Telegram reads method names case-insensitively (teloxide sends `SendMessage`); calls are
/// recorded under the documented camelCase name.
fn canonical_method(raw: &str) -> String {
    const METHODS: [&str; 17] = [
        "getMe",
        "getWebhookInfo",
        "setWebhook",
        "deleteWebhook",
        "close",
        "logOut",
        "getUpdates",
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "setMyCommands",
        "getMyCommands",
        "deleteMyCommands",
        "sendChatAction",
        "getFile",
        "sendDocument",
    ];
    METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(raw))
        .map_or_else(|| raw.to_string(), |m| m.to_string())
}

pub(super) async fn download(
    State(shared): State<Arc<Shared>>,
    Path((bot, path)): Path<(String, String)>,
) -> Response {
    if bot.strip_prefix("bot") != Some(TOKEN) {
        return api_error(StatusCode::UNAUTHORIZED, "Unauthorized", None);
    }
    let inner = shared.lock();
    match inner
        .files
        .values()
        .find(|(file_path, _)| *file_path == path)
    {
        Some((_, bytes)) => (
            [(header::CONTENT_TYPE, "application/octet-stream")],
            Bytes::from(bytes.clone()),
        )
            .into_response(),
        None => api_error(StatusCode::NOT_FOUND, "Not Found", None),
    }
}

/// Reads parameters the way Telegram accepts them: query string, JSON, urlencoded form or multipart.
async fn read_params(request: Request) -> Result<Value, String> {
    let query = request.uri().query().map(str::to_string);
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = axum::body::to_bytes(request.into_body(), 64 * 1024 * 1024)
        .await
        .map_err(|e| e.to_string())?;
    let mut params = Map::new();
    if let Some(query) = query {
        params.extend(form_fields(query.as_bytes()));
    }
    if body.is_empty() {
        return Ok(Value::Object(params));
    }
    if content_type.starts_with("application/json") {
        match serde_json::from_slice(&body).map_err(|e| format!("invalid JSON body: {e}"))? {
            Value::Object(fields) => params.extend(fields),
            _ => return Err("JSON body is not an object".into()),
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        params.extend(form_fields(&body));
    } else if let Some(boundary) = content_type.split("boundary=").nth(1) {
        params.extend(multipart_fields(&body, boundary.trim_matches('"'))?);
    } else {
        return Err(format!("unsupported content type {content_type:?}"));
    }
    Ok(Value::Object(params))
}

/// Form values that are JSON (numbers, objects) become JSON, as Telegram reads them.
fn form_value(raw: &str) -> Value {
    serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()))
}

fn form_fields(raw: &[u8]) -> Map<String, Value> {
    raw.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut kv = pair.splitn(2, |b| *b == b'=');
            let key = percent_decode(kv.next().unwrap_or_default());
            let value = percent_decode(kv.next().unwrap_or_default());
            (key, form_value(&value))
        })
        .collect()
}

fn percent_decode(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => {
                let hex = std::str::from_utf8(&raw[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A small multipart/form-data reader: text parts become parameters, file parts `"<file name>"`.
fn multipart_fields(body: &[u8], boundary: &str) -> Result<Map<String, Value>, String> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    let mut fields = Map::new();
    for part in text.split(delimiter.as_str()).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let part = part.strip_prefix("\r\n").unwrap_or(part);
        let (head, value) = part
            .split_once("\r\n\r\n")
            .ok_or("multipart part without headers")?;
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))
            .ok_or("multipart part without content-disposition")?;
        let attr = |name: &str| {
            disposition
                .split(';')
                .map(str::trim)
                .find_map(|kv| kv.strip_prefix(&format!("{name}=\"")))
                .map(|v| v.trim_end_matches('"'))
        };
        let name = attr("name").ok_or("multipart part without a name")?;
        let parsed = match attr("filename") {
            Some(file_name) => Value::String(format!("<file {file_name}>")),
            None => form_value(value),
        };
        fields.insert(name.to_string(), parsed);
    }
    Ok(fields)
}
