//! The sender: drains the outbox. Calls to one chat leave in order, one at a time; different chats
//! go out concurrently within Telegram's limits ([`Limiter`]). Woken the moment a transaction queues
//! something, so a reply within the limits leaves within milliseconds of its commit.
//!
//! Outcomes: accepted → the row is deleted (with the desk told the message id when it tracks it);
//! 429 → wait `retry_after`; network errors, 5xx and proxy pages → retry with backoff; no answer
//! in time after the request left → retry, but only after a long pause (it may have arrived);
//! a chat that refuses the bot → the desk is told once and everything queued for it is dropped;
//! a request Telegram rejects → logged and dropped. Nothing is given up for being late.
//!
//! A held row (it announces a content change whose rebuild is not done: see `store::outbox`)
//! stops its chat's lane where it stands, so that nothing to that chat overtakes it, while other
//! chats go on; it goes once the store says it was released.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::api::{Api, Failure};
use super::limits::Limiter;
use super::outbox::{Call, OutboxDone};
use super::{Helpdesk, RateLimits};
use crate::store::Queued;

mod held;

/// Requests in flight at once, across chats.
const MAX_IN_FLIGHT: usize = 64;
/// Rows read from the outbox at a time.
const LOAD_BATCH: i64 = 1000;
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// After a timeout the message may have arrived: wait at least this long before sending it again.
const UNKNOWN_OUTCOME_PAUSE: Duration = Duration::from_secs(15);
/// On shutdown, what is due is still sent for up to this long.
const DRAIN: Duration = Duration::from_secs(5);
/// Held rows are looked at again at least this often: a release normally wakes the sender, but
/// one that only succeeded on a retry may not.
const HELD_RECHECK: Duration = Duration::from_secs(2);

struct Entry {
    id: i64,
    call: Call,
    failures: u32,
    held: bool,
}

#[derive(Default)]
struct Lane {
    entries: VecDeque<Entry>,
    in_flight: bool,
    not_before: Option<Instant>,
}

/// What a finished request reports back to the loop.
struct Finished {
    lane: i64,
    result: Result<Value, Failure>,
}

pub struct Sender<D: Helpdesk> {
    pub desk: Arc<D>,
    pub api: Api,
    pub limits: RateLimits,
    /// Notified after every commit that queued calls.
    pub wake: Arc<Notify>,
}

struct Loop<D: Helpdesk> {
    sender: Sender<D>,
    lanes: HashMap<i64, Lane>,
    ready: VecDeque<i64>,
    waiting: BinaryHeap<Reverse<(Instant, i64)>>,
    limiter: Limiter,
    cursor: i64,
    in_flight: usize,
    /// Rows sent (or abandoned) whose deletion is still to be written.
    done: Vec<i64>,
    /// Held rows loaded, with their lanes.
    held: HashMap<i64, i64>,
    /// When held rows are looked at again without a wake-up.
    held_check_at: Option<Instant>,
}

impl<D: Helpdesk> Sender<D> {
    /// Runs until `stop` turns true, then sends what is due for a few seconds more.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let limits = self.limits;
        let mut state = Loop {
            sender: self,
            lanes: HashMap::new(),
            ready: VecDeque::new(),
            waiting: BinaryHeap::new(),
            limiter: Limiter::new(limits),
            cursor: 0,
            in_flight: 0,
            done: Vec::new(),
            held: HashMap::new(),
            held_check_at: None,
        };
        let mut tasks: JoinSet<Finished> = JoinSet::new();
        let mut reload = true;
        let mut deadline: Option<Instant> = None;
        let mut tidy_at = Instant::now() + Duration::from_secs(10);
        loop {
            // Recording what was sent comes first: until it commits, a crash would send it again.
            state.flush().await;
            if reload {
                reload = state.load().await;
            }
            let now = Instant::now();
            state.wake_due(now);
            state.dispatch(now, &mut tasks);
            if now >= tidy_at {
                state.limiter.forget_quiet(now);
                tidy_at = now + Duration::from_secs(10);
            }
            if let Some(deadline) = deadline
                && state.in_flight == 0
                && (state.nothing_to_send() || now >= deadline)
            {
                break;
            }
            let next_due = state.waiting.peek().map(|Reverse((at, _))| *at);
            tokio::select! {
                () = state.sender.wake.notified() => reload = true,
                Some(joined) = tasks.join_next(), if !tasks.is_empty() => {
                    if let Ok(finished) = joined {
                        state.finish(finished).await;
                    }
                    while let Some(Ok(finished)) = tasks.try_join_next() {
                        state.finish(finished).await;
                    }
                }
                () = sleep_until(next_due), if next_due.is_some() => {}
                changed = stop.changed(), if deadline.is_none() => {
                    if changed.is_err() || *stop.borrow() {
                        deadline = Some(Instant::now() + DRAIN);
                    }
                }
                () = sleep_until(deadline), if deadline.is_some() => {}
                () = sleep_until(state.held_check_at), if state.held_check_at.is_some() => {
                    reload = true;
                }
                // A failed read or deletion is tried again shortly.
                () = tokio::time::sleep(FIRST_BACKOFF), if reload || !state.done.is_empty() => {}
            }
        }
        state.flush().await;
        if !state.lanes.is_empty() {
            log::info!(
                "stopping with {} chat(s) still to be sent to; they are sent after the next start",
                state.lanes.len()
            );
        }
    }
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

impl<D: Helpdesk> Loop<D> {
    /// Reads newly queued rows and lets go the held ones released meanwhile; `true` when there
    /// may be more to read (or reading failed).
    async fn load(&mut self) -> bool {
        let more = self.load_new().await;
        let failed = !self.release_held().await;
        more || failed
    }

    /// Reads newly queued rows; `true` when there may be more to read (or reading failed).
    async fn load_new(&mut self) -> bool {
        let rows = match self
            .sender
            .desk
            .store()
            .outbox_after(self.cursor, LOAD_BATCH)
            .await
        {
            Ok(rows) => rows,
            Err(e) => {
                log::warn!("cannot read the outbox (retrying): {e:#}");
                return true;
            }
        };
        let full = rows.len() as i64 == LOAD_BATCH;
        for Queued {
            id,
            chat_id,
            payload,
            held,
        } in rows
        {
            self.cursor = self.cursor.max(id);
            let call: Call = match serde_json::from_str(&payload) {
                Ok(call) => call,
                Err(e) => {
                    log::error!("outbox row {id} cannot be read ({e}); dropped");
                    self.done.push(id);
                    continue;
                }
            };
            self.lanes
                .entry(chat_id)
                .or_default()
                .entries
                .push_back(Entry {
                    id,
                    call,
                    failures: 0,
                    held,
                });
            if held {
                self.held.insert(id, chat_id);
            }
            self.make_ready(chat_id);
        }
        full
    }

    fn make_ready(&mut self, lane: i64) {
        if let Some(l) = self.lanes.get(&lane)
            && !l.in_flight
            && !l.entries.is_empty()
        {
            self.ready.push_back(lane);
        }
    }

    fn wake_due(&mut self, now: Instant) {
        while let Some(Reverse((at, lane))) = self.waiting.peek().copied() {
            if at > now {
                break;
            }
            self.waiting.pop();
            self.make_ready(lane);
        }
    }

    fn dispatch(&mut self, now: Instant, tasks: &mut JoinSet<Finished>) {
        while self.in_flight < MAX_IN_FLIGHT {
            let Some(lane_id) = self.ready.pop_front() else {
                break;
            };
            let Some(lane) = self.lanes.get_mut(&lane_id) else {
                continue;
            };
            // A chat may be listed twice (woken by a load and by a timer): the first one wins.
            if lane.in_flight {
                continue;
            }
            let Some(head) = lane.entries.front() else {
                self.lanes.remove(&lane_id);
                continue;
            };
            // Made ready again when it is released (`Loop::release_held`).
            if head.held {
                continue;
            }
            if let Some(at) = lane.not_before
                && at > now
            {
                self.waiting.push(Reverse((at, lane_id)));
                continue;
            }
            if let Call::Send { chat_id, .. } = &head.call
                && let Err(at) = self.limiter.try_send(*chat_id, now)
            {
                self.waiting.push(Reverse((at, lane_id)));
                continue;
            }
            lane.in_flight = true;
            lane.not_before = None;
            self.in_flight += 1;
            let api = self.sender.api.clone();
            let mut call = head.call.clone();
            let awaits_head = call
                .awaits_ticket_head()
                .map(|ticket| (ticket, self.sender.desk.store().clone()));
            tasks.spawn(async move {
                if let Some(((support, ticket_id), store)) = awaits_head {
                    // The ticket's earlier messages to this chat left (and were recorded)
                    // before this one: the lane sends one at a time, in order.
                    match store.ticket_head(support, ticket_id).await {
                        Ok(head) => call.reply_to_ticket_head(head),
                        Err(e) => {
                            return Finished {
                                lane: lane_id,
                                result: Err(Failure::Transient(format!(
                                    "reading ticket {ticket_id}'s first message: {e:#}"
                                ))),
                            };
                        }
                    }
                }
                let result = api.call(call.method(), &call.body()).await;
                Finished {
                    lane: lane_id,
                    result,
                }
            });
        }
    }

    async fn finish(&mut self, finished: Finished) {
        self.in_flight -= 1;
        let lane_id = finished.lane;
        let Some(lane) = self.lanes.get_mut(&lane_id) else {
            return;
        };
        lane.in_flight = false;
        let Some(head) = lane.entries.front_mut() else {
            return;
        };
        let now = Instant::now();
        match finished.result {
            Ok(result) => {
                let entry = lane.entries.pop_front().expect("the head");
                if matches!(entry.call, Call::Send { .. }) {
                    crate::ops::metrics::message_sent();
                }
                self.delivered(entry, &result).await;
            }
            Err(Failure::RetryAfter(wait)) => {
                log::info!(
                    "{} to chat {lane_id}: Telegram asks to wait {wait:?}",
                    head.call.method()
                );
                lane.not_before = Some(now + wait);
            }
            Err(Failure::Migrated(to)) => {
                log::info!("chat {lane_id} became {to}; sending there");
                head.call.moved_to(to);
                head.failures += 1;
                if head.failures > 3 {
                    let entry = lane.entries.pop_front().expect("the head");
                    self.done.push(entry.id);
                }
            }
            Err(Failure::Transient(reason)) => {
                head.failures += 1;
                let wait = backoff(head.failures);
                log::warn!(
                    "{} to chat {lane_id} failed ({reason}); retry {} in {wait:?}",
                    head.call.method(),
                    head.failures
                );
                lane.not_before = Some(now + wait);
            }
            Err(Failure::Unknown(reason)) => {
                head.failures += 1;
                let wait = backoff(head.failures).max(UNKNOWN_OUTCOME_PAUSE);
                log::warn!(
                    "{} to chat {lane_id}: no answer ({reason}); it may have arrived, trying again in {wait:?}",
                    head.call.method()
                );
                lane.not_before = Some(now + wait);
            }
            Err(Failure::Refused(reason)) if !matches!(head.call, Call::Answer { .. }) => {
                crate::ops::metrics::send_error();
                let id = head.id;
                let chat_id = match &head.call {
                    Call::Send { chat_id, .. } | Call::ClearButtons { chat_id, .. } => *chat_id,
                    Call::Answer { .. } => lane_id,
                };
                self.refused(lane_id, id, chat_id, &reason).await;
                return;
            }
            Err(Failure::Refused(reason) | Failure::Rejected(reason)) => {
                let entry = lane.entries.pop_front().expect("the head");
                if !reason.contains("message is not modified") {
                    crate::ops::metrics::send_error();
                }
                if !reason.contains("message is not modified") {
                    log::warn!(
                        "{} to chat {lane_id} refused by Telegram ({reason}); dropped",
                        entry.call.method()
                    );
                }
                self.done.push(entry.id);
            }
        }
        let lane = self.lanes.get(&lane_id).expect("still there");
        match lane.not_before {
            Some(at) if at > now => self.waiting.push(Reverse((at, lane_id))),
            _ => self.make_ready(lane_id),
        }
        if self
            .lanes
            .get(&lane_id)
            .is_some_and(|l| l.entries.is_empty())
        {
            self.lanes.remove(&lane_id);
        }
    }

    async fn delivered(&mut self, entry: Entry, result: &Value) {
        let Some(track) = entry.call.track() else {
            self.done.push(entry.id);
            return;
        };
        let (Some(message_id), Call::Send { chat_id, .. }) =
            (result["message_id"].as_i64(), &entry.call)
        else {
            self.done.push(entry.id);
            return;
        };
        let settle = OutboxDone {
            ids: vec![entry.id],
            drop_chat: None,
        };
        if let Err(e) = self
            .sender
            .desk
            .sent(track, *chat_id, message_id as i32, &settle)
            .await
        {
            log::error!("could not record sent message {message_id} in chat {chat_id}: {e:#}");
            self.done.push(entry.id);
        }
    }

    /// `chat_id` refuses the bot: the desk is told (once per call that found out) and what was
    /// queued for the chat is dropped, in one transaction.
    async fn refused(&mut self, lane_id: i64, id: i64, chat_id: i64, reason: &str) {
        log::warn!("chat {chat_id} does not take messages from the bot: {reason}");
        let settle = OutboxDone {
            ids: vec![id],
            drop_chat: Some(chat_id),
        };
        match self
            .sender
            .desk
            .undeliverable(chat_id, reason, &settle)
            .await
        {
            Ok(_) => {
                self.lanes.remove(&lane_id);
                if chat_id != lane_id {
                    self.lanes.remove(&chat_id);
                }
                // What the desk said about it (to the other side of a ticket) was queued.
                self.sender.wake.notify_one();
            }
            Err(e) => {
                log::error!(
                    "the desk could not record undeliverable chat {chat_id} (retrying): {e:#}"
                );
                if let Some(lane) = self.lanes.get_mut(&lane_id) {
                    let at = Instant::now() + FIRST_BACKOFF;
                    lane.not_before = Some(at);
                    self.waiting.push(Reverse((at, lane_id)));
                }
            }
        }
    }

    /// Writes the deletions of sent rows, in one transaction.
    async fn flush(&mut self) {
        if self.done.is_empty() {
            return;
        }
        let started = Instant::now();
        match self.sender.desk.store().outbox_done(&self.done).await {
            Ok(()) => {
                log::debug!(
                    "recorded {} sent call(s) in {:?}",
                    self.done.len(),
                    started.elapsed()
                );
                self.done.clear();
            }
            Err(e) => log::warn!(
                "cannot record {} sent message(s) yet (retrying): {e:#}",
                self.done.len()
            ),
        }
    }
}

fn backoff(failures: u32) -> Duration {
    FIRST_BACKOFF
        .saturating_mul(1 << failures.saturating_sub(1).min(16))
        .min(MAX_BACKOFF)
}
