//! The limits run: the bot with the checked-in default limits (`config/default.toml`, [bot]) gets
//! bursts far above what Telegram allows — many private chats asking several questions at once,
//! supergroups and a basic group asking more than 20 in a minute — and the fake's timestamps of
//! every `sendMessage` show the highest rates that reached "Telegram": per chat in any 1 s, per
//! chat in any 60 s, and across all chats in any 1 s.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::Bot;
use crate::common::TestApp;
use crate::common::fake_bot_api::{BOT_USERNAME, Chat, Msg, Person};
use crate::workload::{self, Kind, Rng};
use newsdesk::telegram::RateLimits;

const PRIVATE_CHATS: usize = 150;
const PER_PRIVATE_CHAT: usize = 4;
const SUPERGROUPS: usize = 3;
/// More than the 20 a minute a group may get, so the per-group limit has to bite.
const PER_GROUP: usize = 25;

pub async fn run() {
    let (_dir, _env, settings) = TestApp::builder().seed_content().prepare();
    let limits = RateLimits::from(&settings.expect("the default settings load").bot);
    println!("limits run with the default limits: {limits:?}");
    let bot = Bot::start(limits, None).await;
    let mut rng = Rng::new(7);
    let started = Instant::now();

    let mut expected = 0;
    for i in 0..PRIVATE_CHATS {
        let person = Person::new(3_000_000 + i as i64, &format!("Pembaca{i}")).lang("id");
        let chat = Chat::private(&person);
        for _ in 0..PER_PRIVATE_CHAT {
            let (_, text) = workload::private_text(&mut rng, false);
            bot.fake.push(Msg::text(&chat, &person, &text).message());
            expected += 1;
        }
    }
    let mut groups: Vec<Chat> = (0..SUPERGROUPS)
        .map(|g| Chat::supergroup(-1_003_000_000_000 - g as i64, &format!("Super {g}")))
        .collect();
    groups.push(Chat::group(-4_000_000_001, "Grup biasa"));
    let member = Person::new(4_000_000, "Anggota").lang("id");
    for chat in &groups {
        let mut sent = 0;
        while sent < PER_GROUP {
            let (kind, text) = workload::group_text(&mut rng, BOT_USERNAME);
            if kind == Kind::Chatter {
                continue;
            }
            bot.fake.push(Msg::text(chat, &member, &text).message());
            sent += 1;
            expected += 1;
        }
    }
    println!(
        "pushed {expected} updates at once ({PRIVATE_CHATS} private chats × {PER_PRIVATE_CHAT}, \
         {} groups × {PER_GROUP}); waiting for every reply (over a minute: groups get 20/min)",
        groups.len()
    );
    let sends = bot
        .fake
        .wait_for_calls_within("sendMessage", expected, Duration::from_secs(240))
        .await;
    let took = sends.iter().map(|c| c.at).max().unwrap_or(started) - started;
    let failed = sends.iter().filter(|c| !c.ok).count();

    let mut by_chat: HashMap<i64, Vec<Instant>> = HashMap::new();
    for call in &sends {
        let chat = call.params["chat_id"].as_i64().expect("chat_id");
        by_chat.entry(chat).or_default().push(call.at);
    }
    let mut all: Vec<Instant> = sends.iter().map(|c| c.at).collect();
    all.sort();
    let second = Duration::from_secs(1);
    let minute = Duration::from_secs(60);
    let max_in = |times: &[Instant], window: Duration| most_in_window(times, window);
    let private_1s = by_chat
        .iter()
        .filter(|(id, _)| **id > 0)
        .map(|(_, t)| max_in(t, second))
        .max()
        .unwrap_or(0);
    let group_1s = by_chat
        .iter()
        .filter(|(id, _)| **id < 0)
        .map(|(_, t)| max_in(t, second))
        .max()
        .unwrap_or(0);
    let group_60s = by_chat
        .iter()
        .filter(|(id, _)| **id < 0)
        .map(|(_, t)| max_in(t, minute))
        .max()
        .unwrap_or(0);
    let min_gap = by_chat
        .values()
        .flat_map(|t| t.windows(2).map(|w| w[1] - w[0]))
        .min()
        .unwrap_or_default();
    println!(
        "limits run: {} replies ({failed} failed) in {:.1} s\n    \
         max per private chat in any 1 s: {private_1s} (limit {})\n    \
         max per group in any 1 s: {group_1s} (limit {})\n    \
         max per group in any 60 s: {group_60s} (limit {})\n    \
         max across all chats in any 1 s: {} (limit {})\n    \
         shortest gap between two messages to one chat: {:.1} ms",
        sends.len(),
        took.as_secs_f64(),
        limits.per_chat_per_second,
        limits.per_chat_per_second,
        limits.per_supergroup_per_minute,
        max_in(&all, second),
        limits.overall_per_second,
        min_gap.as_secs_f64() * 1000.0,
    );
    bot.stop().await;
}

/// The most timestamps of `times` (sorted) that fall in one half-open window `[t, t + window)`.
fn most_in_window(times: &[Instant], window: Duration) -> usize {
    let mut most = 0;
    let mut start = 0;
    for end in 0..times.len() {
        while times[end] - times[start] >= window {
            start += 1;
        }
        most = most.max(end - start + 1);
    }
    most
}
