//! The way in: every update Telegram delivers is stored in the inbox ([`accept`]) before Telegram
//! is told it arrived — the next `getUpdates` offset, or a webhook's 200 — and only then handed to
//! the scheduler. Updates the bot would ignore (group chatter, kinds it does not serve) are
//! recognised here from the JSON alone and cost no write at all.
//!
//! For a webhook: call [`Ingress::accept`] with the request body and answer 200 only after it
//! returned `Ok`; a duplicate is `Ok` too (Telegram retried a delivery we already hold).

use std::sync::Arc;

use chrono::Utc;
use serde_json::Value;
use teloxide::types::{Update, UpdateKind};

use super::inbound::{self, BotIdentity};
use super::scheduler::Queue;
use crate::store::{NewUpdate, PendingUpdate, Store};

/// What became of one update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    /// Stored and queued for handling.
    Stored { inbox_id: i64 },
    /// Stored before (a re-delivery): nothing to do.
    Duplicate,
    /// Not for the bot (chatter, an unknown kind, a channel): not stored.
    Ignored,
}

/// What [`classify`] reads from an update without handling it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub update_id: i64,
    pub chat_id: i64,
    /// What the update carries (see the inbox migration), for spotting re-deliveries.
    pub content_key: String,
    /// A button press: always handled (the query must be answered), never counted as a flood.
    pub press: bool,
}

/// Reads an update (`text` is `raw` as JSON text): `None` when the bot has nothing to do with it.
pub fn classify(raw: &Value, text: &str, me: &BotIdentity) -> Option<Envelope> {
    let update_id = raw["update_id"].as_i64()?;
    // From text, not `from_value`: teloxide's update parser only works on a text deserializer.
    let update: Update = match serde_json::from_str(text) {
        Ok(update) => update,
        Err(error) => {
            // Never the update itself: it holds what a user wrote.
            log::debug!("update {update_id} could not be read ({error}); ignored");
            return None;
        }
    };
    // teloxide's ids are 32-bit; the inbox keeps Telegram's own number.
    let id = update_id;
    let (chat_id, content_key, press) = match &update.kind {
        UpdateKind::Message(msg) => {
            inbound::from_message(id, msg, me, false)?;
            (
                msg.chat.id.0,
                format!("m:{}:{}", msg.chat.id.0, msg.id.0),
                false,
            )
        }
        UpdateKind::EditedMessage(msg) => {
            inbound::from_message(id, msg, me, true)?;
            let edited = msg.edit_date().map_or(0, |d| d.timestamp());
            (
                msg.chat.id.0,
                format!("e:{}:{}:{edited}", msg.chat.id.0, msg.id.0),
                false,
            )
        }
        UpdateKind::CallbackQuery(query) => {
            let chat_id = query.message.as_ref().map_or(0, |m| m.chat().id.0);
            (chat_id, format!("c:{}", query.id.0), true)
        }
        UpdateKind::MyChatMember(member) => {
            inbound::from_membership(id, member, me)?;
            (
                member.chat.id.0,
                format!(
                    "u:my_chat_member:{}:{}",
                    member.chat.id.0,
                    member.date.timestamp()
                ),
                false,
            )
        }
        other => {
            log::debug!(
                "update {update_id} of a kind the bot does not serve ({}); ignored",
                kind_name(other)
            );
            return None;
        }
    };
    Some(Envelope {
        update_id,
        chat_id,
        content_key,
        press,
    })
}

fn kind_name(kind: &UpdateKind) -> &'static str {
    match kind {
        UpdateKind::Error(_) => "unknown",
        UpdateKind::ChannelPost(_) | UpdateKind::EditedChannelPost(_) => "channel post",
        UpdateKind::InlineQuery(_) | UpdateKind::ChosenInlineResult(_) => "inline",
        UpdateKind::ChatMember(_) | UpdateKind::ChatJoinRequest(_) => "chat member",
        UpdateKind::Poll(_) | UpdateKind::PollAnswer(_) => "poll",
        _ => "other",
    }
}

/// Stores updates in one transaction; one [`Accepted`] per update, in order. Only `Stored` ones
/// need handling; the caller hands them on (see [`Ingress`]).
pub async fn accept(
    store: &Store,
    me: &BotIdentity,
    raws: &[Value],
) -> anyhow::Result<Vec<(Accepted, Option<(PendingUpdate, bool)>)>> {
    let mut wanted = Vec::new();
    let mut slots = Vec::with_capacity(raws.len());
    for raw in raws {
        let text = raw.to_string();
        match classify(raw, &text, me) {
            Some(envelope) => {
                slots.push(Some(wanted.len()));
                wanted.push((envelope, text));
            }
            None => slots.push(None),
        }
    }
    let stored = if wanted.is_empty() {
        Vec::new()
    } else {
        let rows: Vec<NewUpdate> = wanted
            .iter()
            .map(|(e, raw)| NewUpdate {
                update_id: e.update_id,
                content_key: e.content_key.clone(),
                chat_id: e.chat_id,
                raw: raw.clone(),
            })
            .collect();
        store.accept_updates(&rows, Utc::now()).await?
    };
    Ok(slots
        .into_iter()
        .map(|slot| match slot {
            None => (Accepted::Ignored, None),
            Some(i) => match &stored[i] {
                Some(row) => (
                    Accepted::Stored { inbox_id: row.id },
                    Some((row.clone(), wanted[i].0.press)),
                ),
                None => (Accepted::Duplicate, None),
            },
        })
        .collect())
}

/// The inbox and the scheduler behind it: what the poller (or a webhook) feeds.
#[derive(Clone)]
pub struct Ingress {
    pub(super) store: Store,
    pub(super) me: BotIdentity,
    pub(super) queue: Arc<Queue>,
}

impl Ingress {
    /// Stores one update (the body of a webhook request) and queues it; see [`accept`].
    pub async fn accept(&self, raw: &[u8]) -> anyhow::Result<Accepted> {
        let raw: Value = match serde_json::from_slice(raw) {
            Ok(raw) => raw,
            Err(_) => {
                log::debug!("a delivered update is not JSON; ignored");
                return Ok(Accepted::Ignored);
            }
        };
        Ok(self
            .accept_batch(std::slice::from_ref(&raw))
            .await?
            .remove(0))
    }

    /// Stores a batch (one `getUpdates` answer) in one transaction and queues what is new.
    pub async fn accept_batch(&self, raws: &[Value]) -> anyhow::Result<Vec<Accepted>> {
        crate::ops::metrics::updates_received(raws.len());
        let results = accept(&self.store, &self.me, raws).await?;
        let mut out = Vec::with_capacity(results.len());
        let mut rows = Vec::with_capacity(results.len());
        for (accepted, row) in results {
            rows.extend(row);
            out.push(accepted);
        }
        self.queue.push_all(rows);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn me() -> BotIdentity {
        BotIdentity {
            id: 7,
            username: "newsdesk_bot".into(),
        }
    }

    fn envelope(raw: Value) -> Option<Envelope> {
        classify(&raw, &raw.to_string(), &me())
    }

    #[test]
    fn unknown_kinds_and_group_chatter_are_not_stored() {
        assert_eq!(
            envelope(json!({"update_id": 1, "future_kind": {"text": "x"}})),
            None
        );
        let chatter = json!({"update_id": 2, "message": {
            "message_id": 5, "date": 1700000000,
            "chat": {"id": -100123, "type": "supergroup", "title": "T"},
            "from": {"id": 42, "is_bot": false, "first_name": "A"}, "text": "halo semua"}});
        assert_eq!(envelope(chatter), None);
    }

    #[test]
    fn a_message_is_keyed_by_chat_and_message_so_a_reused_update_id_is_new() {
        let msg = |update_id: i64, message_id: i64| {
            json!({"update_id": update_id, "message": {
                "message_id": message_id, "date": 1700000000,
                "chat": {"id": 42, "type": "private", "first_name": "A"},
                "from": {"id": 42, "is_bot": false, "first_name": "A"}, "text": "halo"}})
        };
        let first = envelope(msg(i64::from(i32::MAX), 10)).unwrap();
        assert_eq!(first.update_id, i64::from(i32::MAX));
        assert_eq!(first.content_key, "m:42:10");
        assert_eq!(first.chat_id, 42);
        assert_ne!(envelope(msg(1, 11)).unwrap().content_key, first.content_key);
    }
}
