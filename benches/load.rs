//! Load benchmark of the whole bot: the real `telegram::run` (inbox, scheduler, outbox, sender), the
//! real `Desk` and a real SQLite file (migrations + the seed article) against the in-process fake
//! Bot API on loopback, with many chats at once.
//!
//! `cargo bench --bench load` runs, in order:
//! 1. throughput and latency with Telegram's limits lifted (`--runs N`, default 3; the median is
//!    printed): every chat is a reader who sends the next message once the previous one is
//!    answered, so one update per chat is in flight and latency is never inflated by the
//!    reader's own queue;
//! 2. with the checked-in default limits (`config/default.toml`), bursts from many chats and
//!    groups, and the highest send rates the fake observed per chat, per group and overall.
//!
//! Options: `--runs N`, `--chats N` (private chats), `--groups N`, `--messages N` (per chat),
//! `--skip-limits`, `--only-limits`, `--harness-only` (the throughput run answered by an echo bot
//! with no desk and no database: the ceiling of the fake, the driver and HTTP on this machine).
//! The fake server, the bot and this driver share the
//! machine's cores: the figures are for all three together.

#[path = "../tests/it/common/mod.rs"]
mod common;
#[path = "load/harness.rs"]
mod harness;
#[path = "load/limits.rs"]
mod limits;
#[path = "load/throughput.rs"]
mod throughput;
#[path = "load/workload.rs"]
mod workload;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use common::TestApp;
use common::fake_bot_api::FakeBotApi;
use newsdesk::desk::Desk;
use newsdesk::telegram::{self, Config, RateLimits};
use tokio::sync::oneshot;

// The allocator `newsdesk` runs with (see `src/main.rs`), so the bench measures what ships.
#[global_allocator]
static ALLOCATOR: newsdesk::allocator::Mimalloc = newsdesk::allocator::Mimalloc;

/// The bot under test with its own database, on a fresh fake Bot API.
pub struct Bot {
    pub fake: FakeBotApi,
    pub files: TestApp,
    pub desk: Arc<Desk>,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Bot {
    /// Starts the bot with `limits` and waits until it polls (its command menus are registered).
    /// `workers`: turns at once (`--workers`; the bot's default when `None`).
    pub async fn start(limits: RateLimits, workers: Option<usize>) -> Bot {
        let fake = FakeBotApi::start().await;
        let files = TestApp::builder().seed_content().build().await;
        let desk = files.app.desk().await.expect("the desk builds");
        let mut config = Config::new(fake.token(), Some(fake.api_url()));
        config.limits = limits;
        if let Some(workers) = workers {
            config.workers = workers;
        }
        config.poll_timeout = telegram::DEFAULT_POLL_TIMEOUT;
        // The limits run sends groups more than the flood limit on purpose: it measures send
        // rates, so nothing is set aside here (flood control has its own test).
        config.flood.limit = usize::MAX;
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(telegram::run(config, desk.clone(), async move {
            let _ = stopped.await;
        }));
        fake.wait_for_calls("setMyCommands", 2).await;
        Bot {
            fake,
            files,
            desk,
            stop,
            task,
        }
    }

    /// Stops the bot as Ctrl-C would (updates in hand finish) and checkpoints the database.
    pub async fn stop(self) -> (FakeBotApi, TestApp) {
        let _ = self.stop.send(());
        self.task
            .await
            .expect("the bot did not panic")
            .expect("the bot stopped cleanly");
        self.desk.store().close().await;
        (self.fake, self.files)
    }
}

/// Command-line options (after `cargo bench --bench load --`).
#[derive(Debug, Clone)]
pub struct Options {
    pub runs: usize,
    pub chats: usize,
    pub groups: usize,
    pub messages: usize,
    pub throughput: bool,
    pub limits: bool,
    /// The echo bot instead of the real one (see `load/harness.rs`).
    pub harness: bool,
    /// Turn workers (`--workers N`); the bot's default when not given.
    pub workers: Option<usize>,
}

const USAGE: &str = "usage: cargo bench --bench load -- [--runs N] [--chats N] [--groups N] \
[--messages N] [--workers N] [--skip-limits | --only-limits | --harness-only]";

fn options() -> Options {
    let mut o = Options {
        runs: 3,
        // Many chats: with one update in flight per chat, the closed loop needs many of them to
        // keep the bot busy.
        chats: 1000,
        groups: 40,
        messages: 30,
        throughput: true,
        limits: true,
        harness: false,
        workers: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = || -> usize {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{arg} needs a number"))
        };
        match arg.as_str() {
            "--runs" => o.runs = number(),
            "--chats" => o.chats = number(),
            "--groups" => o.groups = number(),
            "--messages" => o.messages = number(),
            "--workers" => o.workers = Some(number()),
            "--skip-limits" => o.limits = false,
            "--only-limits" => o.throughput = false,
            "--harness-only" => {
                o.harness = true;
                o.limits = false;
            }
            // `cargo bench` passes `--bench`.
            "--bench" => {}
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => {
                eprintln!("unknown option {other:?}\n\n{USAGE}");
                std::process::exit(2);
            }
        }
    }
    o
}

/// The load average before the run: other work on the machine lowers the figures.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "load average unknown".into(),
        |l| {
            format!(
                "load average {}",
                l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
            )
        },
    )
}

fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(future)
}

fn main() {
    env_logger::Builder::from_env(
        // What `newsdesk run` logs by default, so logging costs what it costs in production.
        env_logger::Env::default().default_filter_or("warn,newsdesk=info"),
    )
    .init();
    let options = options();
    println!(
        "machine: {} logical CPUs (the fake Bot API, the bot and this driver share them); {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_average()
    );
    if options.throughput {
        let runs: Vec<throughput::Outcome> = (0..options.runs)
            .map(|run| {
                let outcome = block_on(throughput::run(&options, run as u64 + 1));
                outcome.print(run + 1);
                outcome
            })
            .collect();
        throughput::print_median(&runs);
    }
    if options.limits {
        block_on(limits::run());
    }
    // Give the runtime's last log lines a moment to reach the terminal.
    std::thread::sleep(Duration::from_millis(50));
}
