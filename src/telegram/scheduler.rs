//! Fair scheduling of stored updates: one queue per chat, handled in order, chats served in turn
//! (round-robin), so one chat's backlog never delays another chat's reply by more than one turn.
//! A chat with more than the flood limit of messages waiting gets their excess set aside in one
//! job (recorded, one "slow down" notice, not answered); button presses are never set aside.
//! A turn that failed (the store, usually) goes back to the front of its chat's queue and is
//! retried after a backoff; the chat waits, the others go on.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

use crate::store::PendingUpdate;

/// One stored update waiting in its chat's queue.
#[derive(Debug, Clone)]
pub struct Item {
    pub row: PendingUpdate,
    /// A button press: never counted as flood, never set aside.
    pub press: bool,
    /// When handling it first failed, and how often it has failed since.
    pub failing_since: Option<Instant>,
    pub failures: u32,
}

/// What a worker is given.
#[derive(Debug)]
pub enum Job {
    /// Handle one update.
    Turn(Item),
    /// A flood: record these (the newest of a chat's queue) unanswered; say so when `notify`.
    Excess { items: Vec<Item>, notify: bool },
}

/// The flood rule (`[bot]` settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flood {
    /// More messages than this waiting from one chat is a flood.
    pub limit: usize,
    /// At most one notice per chat in this long.
    pub notice_every: Duration,
}

#[derive(Default)]
struct Lane {
    items: VecDeque<Item>,
    /// A worker has one of its jobs, or it waits out a retry backoff.
    busy: bool,
    in_ready: bool,
    noticed_at: Option<Instant>,
}

#[derive(Default)]
struct State {
    lanes: HashMap<i64, Lane>,
    /// Chats with work and no job out, in the order they are served.
    ready: VecDeque<i64>,
    closed: bool,
}

/// The per-chat queues. Shared by the ingress (which pushes) and the workers (which take).
pub struct Queue {
    state: Mutex<State>,
    signal: Notify,
    flood: Flood,
}

/// The first retry waits this long; each further one twice as long, up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// How long a failed job waits before its next try.
pub fn backoff(failures: u32) -> Duration {
    FIRST_BACKOFF
        .saturating_mul(1 << failures.saturating_sub(1).min(16))
        .min(MAX_BACKOFF)
}

impl Queue {
    pub fn new(flood: Flood) -> Arc<Queue> {
        Arc::new(Queue {
            state: Mutex::default(),
            signal: Notify::new(),
            flood,
        })
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues a stored update behind the others of its chat.
    pub fn push(&self, row: PendingUpdate, press: bool) {
        self.push_all(std::iter::once((row, press)));
    }

    /// Queues stored updates (one `getUpdates` batch) all at once: no worker sees part of a
    /// batch, so a chat that sent many messages at once is judged on all of them (the flood rule
    /// would otherwise depend on when a worker happened to look).
    pub fn push_all(&self, rows: impl IntoIterator<Item = (PendingUpdate, bool)>) {
        let mut state = self.lock();
        let mut woken = false;
        for (row, press) in rows {
            let chat = row.chat_id;
            let lane = state.lanes.entry(chat).or_default();
            lane.items.push_back(Item {
                row,
                press,
                failing_since: None,
                failures: 0,
            });
            woken |= make_ready(&mut state, chat);
        }
        drop(state);
        if woken {
            // One worker; it passes the wake-up on while chats are ready (see `next`).
            self.signal.notify_one();
        }
    }

    /// How many updates wait (not counting jobs out).
    pub fn len(&self) -> usize {
        self.lock().lanes.values().map(|l| l.items.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The next job, chats in turn; `None` once the queue is closed.
    pub async fn next(&self) -> Option<(i64, Job)> {
        loop {
            let notified = self.signal.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            {
                let mut state = self.lock();
                if state.closed {
                    return None;
                }
                if let Some(job) = self.take(&mut state) {
                    let more = !state.ready.is_empty();
                    drop(state);
                    if more {
                        // Pass the wake-up on: another worker may take the next chat.
                        self.signal.notify_one();
                    }
                    return Some(job);
                }
            }
            notified.await;
        }
    }

    fn take(&self, state: &mut State) -> Option<(i64, Job)> {
        while let Some(chat) = state.ready.pop_front() {
            let Some(lane) = state.lanes.get_mut(&chat) else {
                continue;
            };
            lane.in_ready = false;
            if lane.busy || lane.items.is_empty() {
                continue;
            }
            lane.busy = true;
            let messages = lane.items.iter().filter(|i| !i.press).count();
            if messages > self.flood.limit {
                let mut kept = 0;
                let mut keep = VecDeque::new();
                let mut excess = Vec::new();
                for item in lane.items.drain(..) {
                    if item.press || kept < self.flood.limit {
                        kept += usize::from(!item.press);
                        keep.push_back(item);
                    } else {
                        excess.push(item);
                    }
                }
                lane.items = keep;
                let now = Instant::now();
                let notify = lane
                    .noticed_at
                    .is_none_or(|at| now.duration_since(at) >= self.flood.notice_every);
                if notify {
                    lane.noticed_at = Some(now);
                }
                return Some((
                    chat,
                    Job::Excess {
                        items: excess,
                        notify,
                    },
                ));
            }
            let item = lane.items.pop_front()?;
            return Some((chat, Job::Turn(item)));
        }
        None
    }

    /// A job of `chat` is finished: its next update may go.
    pub fn done(&self, chat: i64) {
        let mut state = self.lock();
        if let Some(lane) = state.lanes.get_mut(&chat) {
            lane.busy = false;
        }
        let wake = make_ready(&mut state, chat);
        forget_idle(&mut state, chat, self.flood.notice_every);
        drop(state);
        if wake {
            self.signal.notify_one();
        }
    }

    /// A job of `chat` failed: its updates go back to the front of the queue, and the chat waits
    /// out a backoff before anything of it is tried again. Returns the wait.
    pub fn retry(self: &Arc<Self>, chat: i64, mut items: Vec<Item>) -> Duration {
        let now = Instant::now();
        let mut failures = 0;
        for item in &mut items {
            item.failures += 1;
            item.failing_since.get_or_insert(now);
            failures = failures.max(item.failures);
        }
        let wait = backoff(failures);
        {
            let mut state = self.lock();
            let lane = state.lanes.entry(chat).or_default();
            for item in items.into_iter().rev() {
                lane.items.push_front(item);
            }
            // Stays busy: nothing of this chat runs before the backoff is over.
            lane.busy = true;
        }
        let queue = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(wait).await;
            queue.done(chat);
        });
        wait
    }

    /// No job is handed out any more; workers stop after the one in hand.
    pub fn close(&self) {
        self.lock().closed = true;
        self.signal.notify_waiters();
    }
}

/// Puts `chat` at the back of the ready list when it has work and no job out; `true` when it did.
fn make_ready(state: &mut State, chat: i64) -> bool {
    let Some(lane) = state.lanes.get_mut(&chat) else {
        return false;
    };
    if lane.busy || lane.in_ready || lane.items.is_empty() {
        return false;
    }
    lane.in_ready = true;
    state.ready.push_back(chat);
    true
}

/// Drops the lane of a chat with nothing left to remember.
fn forget_idle(state: &mut State, chat: i64, notice_every: Duration) {
    if let Some(lane) = state.lanes.get(&chat)
        && !lane.busy
        && lane.items.is_empty()
        && lane
            .noticed_at
            .is_none_or(|at| at.elapsed() >= notice_every)
    {
        state.lanes.remove(&chat);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, chat_id: i64) -> PendingUpdate {
        PendingUpdate {
            id,
            update_id: id,
            chat_id,
            raw: String::new(),
            received_at: chrono::Utc::now(),
        }
    }

    fn queue(limit: usize) -> Arc<Queue> {
        Queue::new(Flood {
            limit,
            notice_every: Duration::from_secs(60),
        })
    }

    fn turn_id(job: &Job) -> i64 {
        match job {
            Job::Turn(item) => item.row.id,
            Job::Excess { .. } => panic!("a flood job"),
        }
    }

    #[tokio::test]
    async fn chats_are_served_in_turn_and_each_chat_in_order() {
        let q = queue(100);
        for id in 1..=3 {
            q.push(row(id, 1), false);
        }
        q.push(row(4, 2), false);
        q.push(row(5, 3), false);
        let mut order = Vec::new();
        while let Ok(Some((chat, job))) =
            tokio::time::timeout(Duration::from_millis(50), q.next()).await
        {
            order.push(turn_id(&job));
            q.done(chat);
        }
        assert_eq!(order, vec![1, 4, 5, 2, 3]);
    }

    #[tokio::test]
    async fn a_chat_gets_no_second_job_while_one_is_out() {
        let q = queue(100);
        q.push(row(1, 1), false);
        q.push(row(2, 1), false);
        let (chat, first) = q.next().await.unwrap();
        assert_eq!(turn_id(&first), 1);
        assert!(
            tokio::time::timeout(Duration::from_millis(30), q.next())
                .await
                .is_err()
        );
        q.done(chat);
        assert_eq!(turn_id(&q.next().await.unwrap().1), 2);
    }

    #[tokio::test]
    async fn a_flood_sets_the_newest_messages_aside_in_one_job_with_one_notice() {
        let q = queue(3);
        for id in 1..=8 {
            q.push(row(id, 7), id == 6);
        }
        let (chat, job) = q.next().await.unwrap();
        match job {
            Job::Excess { items, notify } => {
                assert!(notify);
                let ids: Vec<i64> = items.iter().map(|i| i.row.id).collect();
                assert_eq!(ids, vec![4, 5, 7, 8], "the press (6) is kept");
            }
            Job::Turn(_) => panic!("expected the flood job first"),
        }
        q.done(chat);
        let mut rest = Vec::new();
        for _ in 0..4 {
            let (chat, job) = q.next().await.unwrap();
            rest.push(turn_id(&job));
            q.done(chat);
        }
        assert_eq!(rest, vec![1, 2, 3, 6]);
        for id in 9..=13 {
            q.push(row(id, 7), false);
        }
        match q.next().await.unwrap().1 {
            Job::Excess { notify, .. } => assert!(!notify, "one notice per window"),
            Job::Turn(_) => panic!("still a flood"),
        }
    }

    #[tokio::test]
    async fn a_failed_job_is_retried_first_after_a_backoff() {
        let q = queue(100);
        q.push(row(1, 1), false);
        q.push(row(2, 1), false);
        let (chat, job) = q.next().await.unwrap();
        let Job::Turn(item) = job else { panic!() };
        let wait = q.retry(chat, vec![item]);
        assert_eq!(wait, FIRST_BACKOFF);
        let (_, again) = q.next().await.unwrap();
        let Job::Turn(item) = again else { panic!() };
        assert_eq!((item.row.id, item.failures), (1, 1));
        assert!(item.failing_since.is_some());
    }

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        assert_eq!(backoff(1), Duration::from_millis(100));
        assert_eq!(backoff(2), Duration::from_millis(200));
        assert_eq!(backoff(30), MAX_BACKOFF);
    }
}
