//! The harness alone (`--harness-only`): the same driver and fake Bot API, answered by a trivial
//! echo bot with no desk and no database — it long-polls `getUpdates` and sends "ok" to every
//! update that asks for an answer. Its figure is the ceiling of this machine for the fake, the
//! driver and HTTP together: the bot's own figure can never be higher.

use std::sync::Arc;

use serde_json::{Value, json};
use tokio::sync::{Semaphore, oneshot};

use crate::common::fake_bot_api::{BOT_USERNAME, FakeBotApi};

/// Requests in flight at once, as many as the real sender allows.
const IN_FLIGHT: usize = 64;

pub struct Echo {
    pub fake: FakeBotApi,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Echo {
    pub async fn start() -> Echo {
        let fake = FakeBotApi::start().await;
        let base = format!("{}bot{}/", fake.api_url(), fake.token());
        let (stop, mut stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .tcp_nodelay(true)
                .build()
                .expect("an HTTP client");
            let slots = Arc::new(Semaphore::new(IN_FLIGHT));
            let mut offset = 0i64;
            loop {
                let poll = client
                    .post(format!("{base}getUpdates"))
                    .json(&json!({"offset": offset, "timeout": 10}))
                    .send();
                let response = tokio::select! {
                    _ = &mut stopped => return,
                    response = poll => response,
                };
                let Ok(response) = response else { continue };
                let Ok(body) = response.json::<Value>().await else {
                    continue;
                };
                for update in body["result"].as_array().into_iter().flatten() {
                    offset = offset.max(update["update_id"].as_i64().unwrap_or(0) + 1);
                    let Some((method, params)) = answer(update) else {
                        continue;
                    };
                    let slot = slots.clone().acquire_owned().await.expect("open");
                    let (client, url) = (client.clone(), format!("{base}{method}"));
                    tokio::spawn(async move {
                        let _ = client.post(url).json(&params).send().await;
                        drop(slot);
                    });
                }
            }
        });
        Echo { fake, stop, task }
    }

    pub async fn stop(self) -> FakeBotApi {
        let _ = self.stop.send(());
        let _ = self.task.await;
        self.fake
    }
}

/// The call that answers `update`, as the real bot would address it; `None` for group chatter.
fn answer(update: &Value) -> Option<(&'static str, Value)> {
    if let Some(query) = update.get("callback_query") {
        return Some((
            "answerCallbackQuery",
            json!({"callback_query_id": query["id"]}),
        ));
    }
    let message = update.get("message")?;
    let chat = &message["chat"];
    let text = message["text"].as_str().unwrap_or_default();
    let addressed =
        chat["type"] == "private" || text.starts_with("/ask") || text.contains(BOT_USERNAME);
    addressed.then(|| ("sendMessage", json!({"chat_id": chat["id"], "text": "ok"})))
}
