//! Raw Bot API calls over HTTP, for the parts teloxide's request types cannot do: `getUpdates`
//! with 64-bit offsets returning each update's JSON untouched (for the inbox), and calls whose
//! outcome the sender must classify precisely — HTTP status, an HTML error page from a proxy, a
//! timeout after the request left. Errors never carry the URL (it holds the token).

use std::time::Duration;

use serde_json::{Value, json};
use teloxide::ApiError;

use super::outbound::is_undeliverable;

/// How a call ended when it did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// 429: wait this long, then try again.
    RetryAfter(Duration),
    /// The group became a supergroup with this id: send there.
    Migrated(i64),
    /// The chat does not take messages from the bot (blocked, kicked, not found): Telegram's words.
    Refused(String),
    /// Telegram refused the request itself (bad request): retrying cannot help.
    Rejected(String),
    /// It surely did not arrive or Telegram failed (network, 5xx, a proxy's HTML page): retry.
    Transient(String),
    /// No answer in time after the request left: it may have arrived. Not repeated at once.
    Unknown(String),
}

/// A client for one bot at one Bot API server.
#[derive(Clone)]
pub struct Api {
    client: reqwest::Client,
    /// `{api}/bot{token}/`.
    base: url::Url,
    /// `{api}/file/bot{token}/`.
    files: url::Url,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Api { .. }")
    }
}

/// Sends get this long to be answered. Generous on purpose: Telegram sometimes answers a send
/// after many seconds, and giving up early would make the retry a duplicate.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(60);

impl Api {
    pub fn new(api_url: &url::Url, token: &str) -> anyhow::Result<Api> {
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .tcp_nodelay(true)
            .build()?;
        let root = if api_url.path().ends_with('/') {
            api_url.clone()
        } else {
            let mut url = api_url.clone();
            url.set_path(&format!("{}/", api_url.path()));
            url
        };
        // Not `root.join("bot{token}/")`: the token's colon would make it read as a URL scheme.
        Ok(Api {
            client,
            base: format!("{root}bot{token}/").parse()?,
            files: format!("{root}file/bot{token}/").parse()?,
        })
    }

    /// Updates from `offset` on (confirming every update below it), as raw JSON objects.
    pub async fn get_updates(
        &self,
        offset: Option<i64>,
        timeout: Duration,
        allowed: &[&str],
    ) -> Result<Vec<Value>, Failure> {
        let mut body = json!({"timeout": timeout.as_secs(), "allowed_updates": allowed});
        if let Some(offset) = offset {
            body["offset"] = json!(offset);
        }
        // The long poll itself may take `timeout`; the network gets ten seconds more.
        let result = self
            .call_within("getUpdates", &body, timeout + Duration::from_secs(10))
            .await?;
        match result {
            Value::Array(updates) => Ok(updates),
            _ => Err(Failure::Transient(
                "getUpdates did not return a list".into(),
            )),
        }
    }

    /// Calls `method` with a JSON body; the `result` on success.
    pub async fn call(&self, method: &str, body: &Value) -> Result<Value, Failure> {
        self.call_within(method, body, CALL_TIMEOUT).await
    }

    async fn call_within(
        &self,
        method: &str,
        body: &Value,
        timeout: Duration,
    ) -> Result<Value, Failure> {
        let url = self
            .base
            .join(method)
            .map_err(|e| Failure::Rejected(format!("bad method name {method:?}: {e}")))?;
        let response = self
            .client
            .post(url)
            .timeout(timeout)
            .header("content-type", "application/json")
            .body(serde_json::to_vec(body).unwrap_or_default())
            .send()
            .await
            .map_err(network_failure)?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(network_failure)?;
        classify(status.as_u16(), &bytes)
    }

    /// Downloads `path` (from `getFile`), reading at most `cap` bytes: `Ok(None)` when the file
    /// turned out bigger, whatever size it claimed.
    pub async fn download(&self, path: &str, cap: u64) -> Result<Option<Vec<u8>>, Failure> {
        let url = self
            .files
            .join(path)
            .map_err(|e| Failure::Rejected(format!("bad file path: {e}")))?;
        let mut response = self
            .client
            .get(url)
            .timeout(CALL_TIMEOUT)
            .send()
            .await
            .map_err(network_failure)?;
        if !response.status().is_success() {
            return Err(Failure::Transient(format!(
                "download answered HTTP {}",
                response.status().as_u16()
            )));
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(network_failure)? {
            if (bytes.len() + chunk.len()) as u64 > cap {
                return Ok(None);
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Some(bytes))
    }
}

fn network_failure(error: reqwest::Error) -> Failure {
    // `without_url`: the URL holds the bot token.
    let timeout = error.is_timeout();
    let connect = error.is_connect();
    let text = error.without_url().to_string();
    if timeout && !connect {
        Failure::Unknown(text)
    } else {
        Failure::Transient(text)
    }
}

/// Reads a Bot API answer: `{"ok": true, "result": …}` or an error with its parameters.
pub fn classify(status: u16, body: &[u8]) -> Result<Value, Failure> {
    let Ok(answer) = serde_json::from_slice::<Value>(body) else {
        // A proxy's "502 Bad Gateway" page, a truncated body: Telegram did not answer.
        return Err(Failure::Transient(format!(
            "HTTP {status} with a body that is not Telegram's JSON"
        )));
    };
    if answer["ok"].as_bool() == Some(true) {
        return Ok(answer["result"].clone());
    }
    let description = answer["description"]
        .as_str()
        .unwrap_or("no description")
        .to_string();
    let parameters = &answer["parameters"];
    if let Some(seconds) = parameters["retry_after"].as_u64() {
        return Err(Failure::RetryAfter(Duration::from_secs(seconds)));
    }
    if let Some(to) = parameters["migrate_to_chat_id"].as_i64() {
        return Err(Failure::Migrated(to));
    }
    let code = answer["error_code"].as_u64().map_or(status, |c| c as u16);
    if code >= 500 || code == 429 {
        return Err(Failure::Transient(format!("HTTP {code}: {description}")));
    }
    let api: ApiError = serde_json::from_value(Value::String(description.clone()))
        .unwrap_or(ApiError::Unknown(description.clone()));
    if code == 403 || is_undeliverable(&api) {
        return Err(Failure::Refused(description));
    }
    Err(Failure::Rejected(format!("HTTP {code}: {description}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxys_html_error_page_is_a_failure_worth_retrying() {
        let page = b"<html><body><h1>502 Bad Gateway</h1></body></html>";
        assert!(matches!(classify(502, page), Err(Failure::Transient(_))));
    }

    #[test]
    fn telegram_errors_are_told_apart_by_what_the_sender_must_do() {
        let err = |code: u16, description: &str, parameters: Value| {
            let body = json!({"ok": false, "error_code": code, "description": description,
                              "parameters": parameters});
            classify(code, body.to_string().as_bytes()).unwrap_err()
        };
        assert_eq!(
            err(
                429,
                "Too Many Requests: retry after 3",
                json!({"retry_after": 3})
            ),
            Failure::RetryAfter(Duration::from_secs(3))
        );
        assert_eq!(
            err(
                400,
                "Bad Request: group chat was upgraded",
                json!({"migrate_to_chat_id": -100})
            ),
            Failure::Migrated(-100)
        );
        assert!(matches!(
            err(403, "Forbidden: bot was blocked by the user", Value::Null),
            Failure::Refused(_)
        ));
        assert!(matches!(
            err(400, "Bad Request: chat not found", Value::Null),
            Failure::Refused(_)
        ));
        assert!(matches!(
            err(500, "Internal Server Error", Value::Null),
            Failure::Transient(_)
        ));
        assert!(matches!(
            err(400, "Bad Request: message is not modified", Value::Null),
            Failure::Rejected(_)
        ));
    }

    #[test]
    fn the_result_of_a_successful_call_is_returned() {
        let body = json!({"ok": true, "result": {"message_id": 5}}).to_string();
        assert_eq!(
            classify(200, body.as_bytes()).unwrap()["message_id"],
            json!(5)
        );
    }

    #[test]
    fn urls_end_with_the_method_whatever_the_api_url_looks_like() {
        for root in ["http://127.0.0.1:8081", "http://127.0.0.1:8081/"] {
            let api = Api::new(&root.parse().unwrap(), "1:abc").unwrap();
            assert_eq!(
                api.base.join("sendMessage").unwrap().as_str(),
                "http://127.0.0.1:8081/bot1:abc/sendMessage"
            );
        }
    }
}
