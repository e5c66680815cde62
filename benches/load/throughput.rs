//! The throughput run: many readers at once with Telegram's limits lifted. Each chat is a reader
//! who sends the next message as soon as the previous one is answered (closed loop), so every
//! chat has exactly one update in flight and a reply is matched to its update without guessing:
//! the awaited call is the first `sendMessage` to that chat (for a button press, the
//! `answerCallbackQuery` of that press) after the push. Group chatter the bot must ignore is
//! pushed just before the next addressed message of the same group.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::fake_bot_api::{BOT_USERNAME, Call, Chat, FakeBotApi, Msg, Person, callback};
use crate::harness::Echo;
use crate::workload::{self, Kind, Rng};
use crate::{Bot, Options};
use newsdesk::store::Store;
use newsdesk::telegram::RateLimits;

/// How long the driver waits for any reply before it calls the run stuck.
const STALL: Duration = Duration::from_secs(30);

/// What one run measured.
pub struct Outcome {
    pub chats: usize,
    pub updates: usize,
    pub desk_updates: usize,
    pub elapsed: Duration,
    /// Update-to-reply times by kind.
    pub latencies: BTreeMap<Kind, Vec<Duration>>,
    /// Calls nobody awaited, by method (e.g. `editMessageReplyMarkup` after a button press).
    pub other_calls: BTreeMap<String, usize>,
    pub failed_calls: usize,
    pub persisted: Persisted,
}

/// What SQLite holds after the run, to check that every update's state was written.
pub struct Persisted {
    /// Chats whose stored `last_update_id` is the id of the last update they sent the desk.
    pub chats_up_to_date: usize,
    pub chats_expected: usize,
    pub questions_logged: i64,
}

struct Reader {
    chat: Chat,
    members: Vec<Person>,
    english: bool,
    left: usize,
    rng: Rng,
    awaiting: Option<Awaiting>,
    /// The `fb:` data of the 👍 under the last answer, when it had one.
    last_feedback: Option<String>,
    last_desk_update: i64,
}

struct Awaiting {
    method: &'static str,
    kind: Kind,
    pushed: Instant,
}

/// What answers the readers: the real bot, or the harness's echo bot.
enum Target {
    Bot(Box<Bot>),
    Echo(Echo),
}

impl Target {
    fn fake(&self) -> &FakeBotApi {
        match self {
            Target::Bot(bot) => &bot.fake,
            Target::Echo(echo) => &echo.fake,
        }
    }
}

pub async fn run(options: &Options, seed: u64) -> Outcome {
    let target = if options.harness {
        Target::Echo(Echo::start().await)
    } else {
        Target::Bot(Box::new(
            Bot::start(RateLimits::lifted(), options.workers).await,
        ))
    };
    let fake = target.fake();
    let mut feed = fake.watch_calls();

    let mut readers = Vec::new();
    for i in 0..options.chats {
        let english = i % 5 == 0;
        let person = Person::new(1_000_000 + i as i64, &format!("Pembaca{i}")).lang(if english {
            "en"
        } else {
            "id"
        });
        readers.push(Reader::new(
            Chat::private(&person),
            vec![person],
            english,
            options,
            seed,
            i,
        ));
    }
    for g in 0..options.groups {
        let chat = Chat::supergroup(-1_001_000_000_000 - g as i64, &format!("Grup {g}"));
        let members = (0..8)
            .map(|m| Person::new(2_000_000 + (g * 8 + m) as i64, &format!("Anggota{m}")).lang("id"))
            .collect();
        let index = options.chats + g;
        readers.push(Reader::new(chat, members, false, options, seed, index));
    }
    let by_chat: HashMap<i64, usize> = readers
        .iter()
        .enumerate()
        .map(|(i, r)| (r.chat.id, i))
        .collect();
    let mut callbacks: HashMap<String, usize> = HashMap::new();

    let mut outcome = Outcome {
        chats: readers.len(),
        updates: 0,
        desk_updates: 0,
        elapsed: Duration::ZERO,
        latencies: BTreeMap::new(),
        other_calls: BTreeMap::new(),
        failed_calls: 0,
        persisted: Persisted {
            chats_up_to_date: 0,
            chats_expected: 0,
            questions_logged: 0,
        },
    };
    let started = Instant::now();
    let mut active = 0;
    for (i, reader) in readers.iter_mut().enumerate() {
        if reader.send_next(fake, &mut outcome, &mut callbacks, i) {
            active += 1;
        }
    }
    let mut last_reply = started;
    while active > 0 {
        let call = match tokio::time::timeout(STALL, feed.recv()).await {
            Ok(Some(call)) => call,
            _ => panic!(
                "no reply for {STALL:?}; {active} chats still wait (answered so far: {})",
                outcome.latencies.values().map(Vec::len).sum::<usize>()
            ),
        };
        if !call.ok {
            outcome.failed_calls += 1;
            log::warn!("{} failed: {:?}", call.method, call.error);
        }
        let index = match call.method.as_str() {
            "answerCallbackQuery" => call.params["callback_query_id"]
                .as_str()
                .and_then(|id| callbacks.remove(id)),
            _ => chat_id(&call.params).and_then(|id| by_chat.get(&id).copied()),
        };
        let reader = index.map(|i| &mut readers[i]);
        let Some(reader) =
            reader.filter(|r| r.awaiting.as_ref().is_some_and(|a| a.method == call.method))
        else {
            *outcome.other_calls.entry(call.method.clone()).or_default() += 1;
            continue;
        };
        let awaited = reader.awaiting.take().expect("awaited");
        outcome
            .latencies
            .entry(awaited.kind)
            .or_default()
            .push(call.at.saturating_duration_since(awaited.pushed));
        last_reply = last_reply.max(call.at);
        reader.last_feedback = feedback_data(&call);
        if !reader.send_next(fake, &mut outcome, &mut callbacks, index.expect("a reader")) {
            active -= 1;
        }
    }
    outcome.elapsed = last_reply.duration_since(started);

    match target {
        Target::Bot(bot) => {
            let (_fake, files) = bot.stop().await;
            outcome.persisted = persisted(&files.database_path(), &readers).await;
        }
        Target::Echo(echo) => {
            echo.stop().await;
        }
    }
    outcome
}

impl Reader {
    fn new(
        chat: Chat,
        members: Vec<Person>,
        english: bool,
        options: &Options,
        seed: u64,
        index: usize,
    ) -> Reader {
        Reader {
            chat,
            members,
            english,
            left: options.messages,
            rng: Rng::new(seed * 1_000_003 + index as u64),
            awaiting: None,
            last_feedback: None,
            last_desk_update: 0,
        }
    }

    /// Pushes this reader's next update(s); false when the reader has said everything.
    fn send_next(
        &mut self,
        fake: &FakeBotApi,
        outcome: &mut Outcome,
        callbacks: &mut HashMap<String, usize>,
        index: usize,
    ) -> bool {
        let group = self.chat.id < 0;
        loop {
            if self.left == 0 {
                return false;
            }
            self.left -= 1;
            outcome.updates += 1;
            let from = self.members[self.rng.below(self.members.len())].clone();
            // Now and then a reader rates the answer they just got.
            if !group
                && self.rng.below(100) < 8
                && let Some(data) = self.last_feedback.take()
                && let Some(answer) = fake.sent_messages(self.chat.id).pop()
            {
                let at = Instant::now();
                let pushed = fake.push(callback(&from, &answer, &data));
                callbacks.insert(pushed.callback_id.expect("callback id"), index);
                self.await_reply(
                    pushed.update_id,
                    at,
                    "answerCallbackQuery",
                    Kind::Button,
                    outcome,
                );
                return true;
            }
            let (kind, text) = if group {
                workload::group_text(&mut self.rng, BOT_USERNAME)
            } else {
                workload::private_text(&mut self.rng, self.english)
            };
            let at = Instant::now();
            let pushed = fake.push(Msg::text(&self.chat, &from, &text).message());
            if kind == Kind::Chatter {
                continue;
            }
            self.await_reply(pushed.update_id, at, "sendMessage", kind, outcome);
            return true;
        }
    }

    fn await_reply(
        &mut self,
        update_id: i64,
        pushed: Instant,
        method: &'static str,
        kind: Kind,
        outcome: &mut Outcome,
    ) {
        outcome.desk_updates += 1;
        self.last_desk_update = update_id;
        self.awaiting = Some(Awaiting {
            method,
            kind,
            pushed,
        });
    }
}

fn chat_id(params: &Value) -> Option<i64> {
    match &params["chat_id"] {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// The `callback_data` of a 👍 under a sent answer.
fn feedback_data(call: &Call) -> Option<String> {
    let rows = call
        .params
        .pointer("/reply_markup/inline_keyboard")?
        .as_array()?;
    rows.iter()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|b| b["callback_data"].as_str())
        .find(|d| d.starts_with("fb:+"))
        .map(str::to_string)
}

async fn persisted(database: &std::path::Path, readers: &[Reader]) -> Persisted {
    let store = Store::open(&format!("sqlite://{}", database.display()))
        .await
        .expect("the database opens");
    let stored = store.last_update_ids().await.expect("chats");
    let questions_logged = store.count_questions().await.expect("questions");
    store.close().await;
    let expected: Vec<&Reader> = readers.iter().filter(|r| r.last_desk_update > 0).collect();
    Persisted {
        chats_up_to_date: expected
            .iter()
            .filter(|r| stored.get(&r.chat.id) == Some(&Some(r.last_desk_update)))
            .count(),
        chats_expected: expected.len(),
        questions_logged,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

impl Outcome {
    fn all_latencies(&self) -> Vec<Duration> {
        let mut all: Vec<Duration> = self.latencies.values().flatten().copied().collect();
        all.sort();
        all
    }

    pub fn updates_per_sec(&self) -> f64 {
        self.updates as f64 / self.elapsed.as_secs_f64()
    }

    pub fn desk_updates_per_sec(&self) -> f64 {
        self.desk_updates as f64 / self.elapsed.as_secs_f64()
    }

    pub fn print(&self, run: usize) {
        let all = self.all_latencies();
        println!("run {run} ends with {}", crate::load_average());
        println!(
            "run {run}: {} chats, {} updates ({} reached the desk) in {:.2} s: \
             {:.0} updates/s ({:.0} desk updates/s); update-to-reply p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            self.chats,
            self.updates,
            self.desk_updates,
            self.elapsed.as_secs_f64(),
            self.updates_per_sec(),
            self.desk_updates_per_sec(),
            ms(percentile(&all, 50.0)),
            ms(percentile(&all, 99.0)),
            ms(percentile(&all, 100.0)),
        );
        for (kind, latencies) in &self.latencies {
            let mut sorted = latencies.clone();
            sorted.sort();
            println!(
                "    {:<17} {:>6} replies  p50 {:>7.1} ms  p99 {:>7.1} ms",
                kind.label(),
                sorted.len(),
                ms(percentile(&sorted, 50.0)),
                ms(percentile(&sorted, 99.0)),
            );
        }
        println!(
            "    other calls: {:?}; failed calls: {}",
            self.other_calls, self.failed_calls
        );
        let p = &self.persisted;
        println!(
            "    SQLite after the run: {}/{} chats hold the update_id of their last update; {} questions logged",
            p.chats_up_to_date, p.chats_expected, p.questions_logged
        );
    }
}

pub fn print_median(runs: &[Outcome]) {
    if runs.is_empty() {
        return;
    }
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let p = |pct: f64| {
        median(
            runs.iter()
                .map(|r| ms(percentile(&r.all_latencies(), pct)))
                .collect(),
        )
    };
    println!(
        "median of {} runs: {:.0} updates/s ({:.0} desk updates/s); p50 {:.1} ms, p99 {:.1} ms",
        runs.len(),
        median(runs.iter().map(Outcome::updates_per_sec).collect()),
        median(runs.iter().map(Outcome::desk_updates_per_sec).collect()),
        p(50.0),
        p(99.0),
    );
}
