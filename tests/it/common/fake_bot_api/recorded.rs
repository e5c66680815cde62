//! What the bot did, for assertions: the recorded calls, waiting for them, and the messages and
//! command menus as the bot left them.

use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::mpsc;

use super::{Call, DEFAULT_WAIT, FakeBotApi, Inner};

impl FakeBotApi {
    /// Every recorded call except `getUpdates`, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    pub fn calls_of(&self, method: &str) -> Vec<Call> {
        self.shared
            .lock()
            .calls
            .iter()
            .filter(|c| c.method == method)
            .cloned()
            .collect()
    }

    /// The `getUpdates` calls, kept apart because long polling makes many.
    pub fn get_updates_calls(&self) -> Vec<Call> {
        self.shared.lock().get_updates_calls.clone()
    }

    /// Waits until at least `n` calls of `method` were recorded and returns all of them.
    /// Panics after [`DEFAULT_WAIT`] with the calls seen so far.
    pub async fn wait_for_calls(&self, method: &str, n: usize) -> Vec<Call> {
        self.wait_for_calls_within(method, n, DEFAULT_WAIT).await
    }

    pub async fn wait_for_calls_within(
        &self,
        method: &str,
        n: usize,
        limit: Duration,
    ) -> Vec<Call> {
        let found = self.wait_until(limit, || {
            let calls = self.calls_of(method);
            (calls.len() >= n).then_some(calls)
        });
        match found.await {
            Some(calls) => calls,
            None => panic!(
                "waited {limit:?} for {n} `{method}` call(s); recorded: {:#?}",
                self.calls()
                    .iter()
                    .map(|c| (&c.method, &c.params, &c.error))
                    .collect::<Vec<_>>()
            ),
        }
    }

    /// Waits until the bot sent at least `n` messages to `chat_id` and returns them (see
    /// [`FakeBotApi::sent_messages`]). Panics after [`DEFAULT_WAIT`] with the texts seen so far.
    pub async fn wait_for_sent(&self, chat_id: i64, n: usize) -> Vec<Value> {
        self.wait_for_sent_within(chat_id, n, DEFAULT_WAIT).await
    }

    pub async fn wait_for_sent_within(
        &self,
        chat_id: i64,
        n: usize,
        limit: Duration,
    ) -> Vec<Value> {
        let found = self.wait_until(limit, || {
            let sent = self.sent_messages(chat_id);
            (sent.len() >= n).then_some(sent)
        });
        match found.await {
            Some(sent) => sent,
            None => panic!(
                "waited {limit:?} for {n} message(s) to chat {chat_id}; sent: {:#?}",
                self.sent_texts(chat_id)
            ),
        }
    }

    /// Waits until `check` holds (re-checked on every call the fake records), up to `limit`.
    pub async fn wait_for(
        &self,
        limit: Duration,
        what: &str,
        mut check: impl FnMut(&Self) -> bool,
    ) {
        if self
            .wait_until(limit, || check(self).then_some(()))
            .await
            .is_none()
        {
            panic!("waited {limit:?} for {what}");
        }
    }

    /// Waits until the bot confirmed `update_id` (a later `getUpdates` offset passed it): the
    /// bot has taken (stored) the update, though it may not have handled it yet.
    pub async fn wait_confirmed(&self, update_id: i64) {
        let done = self.wait_until(DEFAULT_WAIT, || {
            self.shared
                .lock()
                .confirmed
                .contains(&update_id)
                .then_some(())
        });
        if done.await.is_none() {
            panic!("update {update_id} was not confirmed within {DEFAULT_WAIT:?}");
        }
    }

    async fn wait_until<T>(
        &self,
        limit: Duration,
        mut check: impl FnMut() -> Option<T>,
    ) -> Option<T> {
        let mut events = self.shared.events.subscribe();
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            events.borrow_and_update();
            if let Some(found) = check() {
                return Some(found);
            }
            if tokio::time::timeout_at(deadline, events.changed())
                .await
                .is_err()
            {
                return check();
            }
        }
    }

    /// A message the fake knows (pushed or sent), as Telegram would return it.
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        self.shared
            .lock()
            .messages
            .get(&(chat_id, message_id))
            .cloned()
    }

    /// The messages the bot sent to a chat, in order, as they are now (edits applied).
    pub fn sent_messages(&self, chat_id: i64) -> Vec<Value> {
        let inner = self.shared.lock();
        let ids = inner.sent.get(&chat_id).cloned().unwrap_or_default();
        ids.iter()
            .filter_map(|id| inner.messages.get(&(chat_id, *id)).cloned())
            .collect()
    }

    /// The texts the bot sent to a chat as the reader sees them (HTML tags removed, entities decoded).
    pub fn sent_texts(&self, chat_id: i64) -> Vec<String> {
        self.sent_messages(chat_id)
            .iter()
            .map(|m| m["text"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The menu registered for one chat (`setMyCommands` with a chat scope), by language.
    pub fn chat_commands(&self, chat_id: i64, language_code: Option<&str>) -> Option<Value> {
        self.shared
            .lock()
            .commands
            .get(&format!("{}@{chat_id}", language_code.unwrap_or("")))
            .cloned()
    }

    /// The command list registered with `setMyCommands` for a language (`None` = the default list).
    pub fn commands(&self, language_code: Option<&str>) -> Option<Value> {
        self.shared
            .lock()
            .commands
            .get(language_code.unwrap_or(""))
            .cloned()
    }

    /// A live feed of every call recorded from now on (except `getUpdates`), as it is answered.
    /// Load benchmarks use it to react to each reply without polling the whole call list.
    pub fn watch_calls(&self) -> mpsc::UnboundedReceiver<Call> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.shared.lock().watchers.push(tx);
        rx
    }

    /// When `update_id` was pushed (for latency measurements).
    pub fn pushed_at(&self, update_id: i64) -> Option<Instant> {
        self.shared
            .lock()
            .updates
            .iter()
            .find(|u| u.id == update_id)
            .map(|u| u.pushed_at)
    }
}

impl Inner {
    pub(super) fn record(&mut self, method: &str, params: &Value, error: Option<&str>) {
        let call = Call {
            method: method.to_string(),
            params: params.clone(),
            ok: error.is_none(),
            error: error.map(str::to_string),
            at: Instant::now(),
        };
        if method == "getUpdates" {
            self.get_updates_calls.push(call);
        } else {
            // A watcher that went away is forgotten.
            self.watchers.retain(|w| w.send(call.clone()).is_ok());
            self.calls.push(call);
        }
    }
}
