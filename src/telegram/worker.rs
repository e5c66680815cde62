//! The workers: take jobs from the [`Queue`] and handle them — a stored update becomes an
//! [`Input`] ([`inbound`]), documents are fetched only for admins and only up to the cap, the desk
//! handles it, and its replies are queued in the outbox in the same transaction that marks the
//! update handled ([`TurnDone`]). A failed turn stays in the inbox and is retried with backoff;
//! only when failures outlast the patience is the reader told something went wrong.

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use teloxide::types::{Update, UpdateKind};
use tokio::sync::Notify;

use super::api::Api;
use super::inbound::{self, BotIdentity};
use super::outbox::TurnDone;
use super::scheduler::{Item, Job, Queue};
use super::{AbortOnDrop, Helpdesk, MAX_DOCUMENT_BYTES};
use crate::desk::{ChatKind, Event, Input, Reply, Settle};
use crate::store::Handled;

pub struct Worker<D: Helpdesk> {
    pub desk: Arc<D>,
    pub api: Api,
    pub me: BotIdentity,
    pub queue: Arc<Queue>,
    /// Wakes the sender after a commit that queued calls.
    pub sender: Arc<Notify>,
    /// How long a failing update is retried before the reader is told.
    pub patience: Duration,
}

/// An update read back from the inbox.
struct Read {
    input: Option<Input>,
    /// `(callback query id, chat)` for a button press.
    callback: Option<(String, i64)>,
    /// The document to fetch, when the update carries one.
    file_id: Option<String>,
}

impl<D: Helpdesk> Worker<D> {
    /// Handles jobs until the queue closes. Each job runs as its own task, so that a bug that
    /// panics fails that job (retried, then given up) instead of silencing its chat for good.
    pub async fn run(self: Arc<Self>) {
        while let Some((chat, job)) = self.queue.next().await {
            let (items, outcome) = match job {
                Job::Turn(item) => {
                    let worker = self.clone();
                    let own = item.clone();
                    let mut done =
                        AbortOnDrop(tokio::spawn(async move { worker.turn(&own).await }));
                    (vec![item], (&mut done.0).await)
                }
                Job::Excess { items, notify } => {
                    let worker = self.clone();
                    let own = items.clone();
                    let mut done =
                        AbortOnDrop(tokio::spawn(
                            async move { worker.excess(&own, notify).await },
                        ));
                    (items, (&mut done.0).await)
                }
            };
            match outcome {
                Ok(Ok(())) => self.queue.done(chat),
                Ok(Err(e)) => self.failed(chat, items, e).await,
                Err(panicked) => {
                    let e = anyhow::anyhow!("the turn panicked: {panicked}");
                    self.failed(chat, items, e).await
                }
            }
        }
    }

    async fn turn(&self, item: &Item) -> anyhow::Result<()> {
        let read = self.read(item);
        let done = TurnDone {
            inbox_ids: vec![item.row.id],
            how: Handled::Done,
            callback: read.callback.clone(),
        };
        match read.input {
            Some(mut input) => {
                if let Some(file_id) = &read.file_id {
                    self.fetch_document(&mut input, file_id).await;
                }
                self.desk.handle(input, &done).await?;
            }
            None => self.settle_alone(&done, &[]).await?,
        }
        self.sender.notify_one();
        Ok(())
    }

    async fn excess(&self, items: &[Item], notify: bool) -> anyhow::Result<()> {
        let chat = items.first().map_or(0, |i| i.row.chat_id);
        log::info!(
            "chat {chat} is flooding: {} message(s) recorded, not answered",
            items.len()
        );
        let done = TurnDone {
            inbox_ids: items.iter().map(|i| i.row.id).collect(),
            how: Handled::Excess,
            callback: None,
        };
        match items.iter().find_map(|i| self.read(i).input) {
            Some(input) => {
                self.desk.slow_down(&input, notify, &done).await?;
            }
            None => self.settle_alone(&done, &[]).await?,
        }
        self.sender.notify_one();
        Ok(())
    }

    /// A job failed: retried after a backoff, or — once failures outlast the patience — the
    /// update is given up with a word to the reader (which needs the store to work again).
    async fn failed(&self, chat: i64, items: Vec<Item>, error: anyhow::Error) {
        // An update another run of the bot on this database handled first (its commit refused
        // this one's: see `Tx::finish_updates`) is done; retrying it would fail forever. When the
        // store cannot tell, everything is retried as usual.
        let ids: Vec<i64> = items.iter().map(|i| i.row.id).collect();
        let items = match self.desk.store().still_pending(&ids).await {
            Ok(pending) => {
                let (left, gone): (Vec<Item>, Vec<Item>) =
                    items.into_iter().partition(|i| pending.contains(&i.row.id));
                if !gone.is_empty() {
                    log::info!(
                        "{} update(s) of chat {chat} were handled by another run of the bot; not again",
                        gone.len()
                    );
                    // What that run queued is sent from here if it stops before sending it.
                    self.sender.notify_one();
                }
                left
            }
            Err(_) => items,
        };
        if items.is_empty() {
            self.queue.done(chat);
            return;
        }
        let since = items
            .iter()
            .filter_map(|i| i.failing_since)
            .min()
            .map(|at| at.elapsed());
        if since.is_some_and(|s| s >= self.patience) && self.give_up(&items).await {
            log::error!(
                "gave up on {} update(s) of chat {chat} after {:?} of failures: {error:#}",
                items.len(),
                since.unwrap_or_default()
            );
            self.queue.done(chat);
            return;
        }
        let wait = self.queue.retry(chat, items);
        log::warn!(
            "an update of chat {chat} could not be handled (retrying in {wait:?}): {error:#}"
        );
    }

    async fn give_up(&self, items: &[Item]) -> bool {
        for item in items {
            let read = self.read(item);
            let replies: Vec<Reply> = read
                .input
                .as_ref()
                .and_then(|input| self.desk.trouble(input))
                .into_iter()
                .collect();
            let done = TurnDone {
                inbox_ids: vec![item.row.id],
                how: Handled::Failed,
                callback: read.callback,
            };
            if self.settle_alone(&done, &replies).await.is_err() {
                return false;
            }
        }
        self.sender.notify_one();
        true
    }

    async fn settle_alone(&self, settle: &dyn Settle, replies: &[Reply]) -> anyhow::Result<()> {
        let mut tx = self.desk.store().begin_write().await?;
        settle.settle(&mut tx, replies, chrono::Utc::now()).await?;
        tx.commit().await
    }

    /// The stored update as the desk sees it. Unreadable ones (they passed the ingress, so only a
    /// changed teloxide could make them so) come out as nothing to do.
    fn read(&self, item: &Item) -> Read {
        let mut read = Read {
            input: None,
            callback: None,
            file_id: None,
        };
        let update: Update = match serde_json::from_str(&item.row.raw) {
            Ok(update) => update,
            Err(e) => {
                log::debug!("stored update {} cannot be read ({e})", item.row.update_id);
                return read;
            }
        };
        let id = item.row.update_id;
        read.input = match &update.kind {
            UpdateKind::Message(msg) => {
                read.file_id = msg.document().map(|d| d.file.id.0.clone());
                inbound::from_message(id, msg, &self.me, false)
            }
            UpdateKind::EditedMessage(msg) => inbound::from_message(id, msg, &self.me, true),
            UpdateKind::CallbackQuery(query) => {
                let chat = query.message.as_ref().map_or(0, |m| m.chat().id.0);
                read.callback = Some((query.id.0.clone(), chat));
                inbound::from_callback(id, query)
            }
            UpdateKind::MyChatMember(member) => inbound::from_membership(id, member, &self.me),
            _ => None,
        };
        read
    }

    /// Fills in a document's bytes — only for an admin in a private chat (nobody else's document
    /// is ever fetched), only when it claims to fit, and reading no more than the cap whatever it
    /// claimed. Failures leave the bytes empty (the desk says it could not read the file).
    async fn fetch_document(&self, input: &mut Input, file_id: &str) {
        let wanted =
            input.place.kind == ChatKind::Private && self.desk.is_admin(input.sender.as_ref());
        let Event::Document { bytes, size, .. } = &mut input.event else {
            return;
        };
        if !wanted || *size > MAX_DOCUMENT_BYTES {
            return;
        }
        let file = match self.api.call("getFile", &json!({"file_id": file_id})).await {
            Ok(file) => file,
            Err(e) => {
                log::warn!("could not look up a document: {e:?}");
                return;
            }
        };
        let Some(path) = file["file_path"].as_str() else {
            log::warn!("getFile gave no file_path");
            return;
        };
        match self.api.download(path, MAX_DOCUMENT_BYTES).await {
            Ok(Some(data)) => *bytes = Some(data),
            Ok(None) => {
                log::warn!(
                    "a document was bigger than it claimed; not read past {MAX_DOCUMENT_BYTES} bytes"
                );
                *size = MAX_DOCUMENT_BYTES + 1;
            }
            Err(e) => log::warn!("could not download a document: {e:?}"),
        }
    }
}
