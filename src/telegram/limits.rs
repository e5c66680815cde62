//! Telegram's rate limits, kept by the sender itself: per chat per second (short bursts allowed),
//! per group per minute, overall per second. It answers "now" or "not before T", so a message
//! within the limits leaves at once and one over them waits exactly as long as needed — no
//! polling tick.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use tokio::time::Instant;

use super::RateLimits;

// Counted over slightly longer windows than Telegram's: requests leave concurrently and arrive with
// jitter, so sends spaced exactly at the limit can land inside one window at Telegram's end (the
// limits bench saw 35 in a second and 21 in a minute without this margin).
const SECOND: Duration = Duration::from_millis(1_150);
const MINUTE: Duration = Duration::from_secs(63);
/// A chat may get this many seconds' worth of messages at once (a long answer in parts), as
/// long as the average over the burst stays within the per-second limit.
const BURST_SECONDS: u32 = 3;

/// Sends made recently, per chat and overall.
pub struct Limiter {
    limits: RateLimits,
    overall: VecDeque<Instant>,
    chats: HashMap<i64, VecDeque<Instant>>,
}

/// Supergroups and channels have ids of the form -100…; basic groups are other negative ids.
fn is_supergroup(chat_id: i64) -> bool {
    chat_id <= -1_000_000_000_000
}

impl Limiter {
    pub fn new(limits: RateLimits) -> Limiter {
        Limiter {
            limits,
            overall: VecDeque::new(),
            chats: HashMap::new(),
        }
    }

    /// Records a message to `chat_id` at `now` when the limits allow it; else the earliest
    /// instant they will.
    pub fn try_send(&mut self, chat_id: i64, now: Instant) -> Result<(), Instant> {
        trim(&mut self.overall, now, SECOND);
        let mut earliest = None::<Instant>;
        let mut later = |at: Instant| earliest = Some(earliest.map_or(at, |e| e.max(at)));
        if let Some(at) = over(&self.overall, self.limits.overall_per_second, SECOND) {
            later(at);
        }
        let sent = self.chats.entry(chat_id).or_default();
        trim(sent, now, MINUTE);
        let burst = Duration::from_secs(u64::from(BURST_SECONDS));
        let per_burst = self
            .limits
            .per_chat_per_second
            .saturating_mul(BURST_SECONDS);
        if let Some(at) = over_within(sent, per_burst, burst, now) {
            later(at);
        }
        if chat_id < 0 {
            let per_minute = if is_supergroup(chat_id) {
                self.limits.per_supergroup_per_minute
            } else {
                self.limits.per_chat_per_minute
            };
            if let Some(at) = over(sent, per_minute, MINUTE) {
                later(at);
            }
        }
        if let Some(at) = earliest
            && at > now
        {
            if sent.is_empty() {
                self.chats.remove(&chat_id);
            }
            return Err(at);
        }
        sent.push_back(now);
        self.overall.push_back(now);
        Ok(())
    }

    /// Forgets chats with no recent sends (memory stays bounded by the chats of the last minute).
    pub fn forget_quiet(&mut self, now: Instant) {
        self.chats.retain(|_, sent| {
            trim(sent, now, MINUTE);
            !sent.is_empty()
        });
    }
}

fn trim(sent: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while sent
        .front()
        .is_some_and(|&at| now.duration_since(at) >= window)
    {
        sent.pop_front();
    }
}

/// With `sent` trimmed to `window`: when `limit` sends are already in it, the instant the oldest
/// of them leaves the window.
fn over(sent: &VecDeque<Instant>, limit: u32, window: Duration) -> Option<Instant> {
    let limit = limit.max(1) as usize;
    (sent.len() >= limit).then(|| sent[sent.len() - limit] + window)
}

/// As [`over`], counting only the sends within `window` before `now`.
fn over_within(
    sent: &VecDeque<Instant>,
    limit: u32,
    window: Duration,
    now: Instant,
) -> Option<Instant> {
    let recent: Vec<Instant> = sent
        .iter()
        .copied()
        .filter(|&at| now.duration_since(at) < window)
        .collect();
    let limit = limit.max(1) as usize;
    (recent.len() >= limit).then(|| recent[recent.len() - limit] + window)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> RateLimits {
        RateLimits::default()
    }

    #[test]
    fn a_message_within_the_limits_may_leave_at_once() {
        let mut limiter = Limiter::new(limits());
        let now = Instant::now();
        assert_eq!(limiter.try_send(42, now), Ok(()));
        assert_eq!(limiter.try_send(43, now), Ok(()));
    }

    #[test]
    fn a_private_chat_gets_a_short_burst_then_waits() {
        let mut limiter = Limiter::new(limits());
        let now = Instant::now();
        for _ in 0..BURST_SECONDS {
            assert_eq!(limiter.try_send(42, now), Ok(()));
        }
        let wait = limiter.try_send(42, now).unwrap_err();
        assert_eq!(wait, now + Duration::from_secs(u64::from(BURST_SECONDS)));
    }

    #[test]
    fn a_supergroup_gets_twenty_a_minute() {
        let mut limiter = Limiter::new(limits());
        let start = Instant::now();
        let mut at = start;
        let mut sent = 0;
        while at < start + Duration::from_secs(59) {
            if limiter.try_send(-1_001_234_567_890, at).is_ok() {
                sent += 1;
            }
            at += Duration::from_millis(250);
        }
        assert_eq!(sent, 20);
    }

    #[test]
    fn all_chats_together_get_thirty_a_second() {
        let mut limiter = Limiter::new(limits());
        let now = Instant::now();
        let ok = (1..=40)
            .filter(|chat| limiter.try_send(*chat, now).is_ok())
            .count();
        assert_eq!(ok, 30);
        assert_eq!(limiter.try_send(99, now), Err(now + SECOND));
    }
}
