//! A fixed amount of work for profilers (`perf`, `valgrind --tool=callgrind`), where criterion's
//! timed loops would make instruction counts differ from run to run:
//!
//!     cargo bench --bench profile -- archive 20   # the archive's tuning questions, 20 rounds
//!     cargo bench --bench profile -- 10k 50       # 10,000 articles, the mixed list, 50 rounds
//!     cargo bench --bench profile -- build 1      # build the 10,000-article engine once
//!
//! Without a mode it does nothing, so a plain `cargo bench` is not slowed down.

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use newsdesk::nlu::{Engine, Intents, Lexicon, Question};

// The allocator `newsdesk` runs with (see `src/main.rs`), so the profile shows what ships.
#[global_allocator]
static ALLOCATOR: newsdesk::allocator::Mimalloc = newsdesk::allocator::Mimalloc;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(mode) = args.first() else {
        eprintln!("profile: give a mode (archive, 10k or build) and a round count");
        return;
    };
    let rounds: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
    let intents = Arc::new(Intents::builtin());
    let lexicon = Arc::new(Lexicon::builtin());
    let (articles, questions): (_, Vec<String>) = match mode.as_str() {
        "archive" => (common::archive(), common::archive_questions()),
        "10k" | "build" => (
            common::corpus(10_000),
            common::QUESTIONS.iter().map(|q| q.to_string()).collect(),
        ),
        other => panic!("unknown mode {other:?}: archive, 10k or build"),
    };
    let started = Instant::now();
    if mode == "build" {
        for _ in 0..rounds {
            black_box(Engine::build(intents.clone(), lexicon.clone(), &articles));
        }
        println!("build: {:?} per round", started.elapsed() / rounds as u32);
        return;
    }
    let engine = Engine::build(intents, lexicon, &articles);
    println!("build: {:?}", started.elapsed());
    // One untimed round first, as criterion warms up: the articles' paragraph details are read
    // once and cached, so the rounds measure answering, not the first reading.
    for q in &questions {
        black_box(engine.answer(&Question::new(q)));
    }
    let started = Instant::now();
    for _ in 0..rounds {
        round(&engine, &questions);
    }
    let n = (rounds * questions.len()) as u32;
    println!(
        "answer: {:?} per question ({n} questions)",
        started.elapsed() / n
    );
}

/// Every question once; a function of its own so that a profiler can count the timed rounds
/// alone, without the build and the warm-up:
/// `valgrind --tool=callgrind --toggle-collect='profile::round' <bench binary> archive 2`.
#[inline(never)]
fn round(engine: &Engine, questions: &[String]) {
    for q in questions {
        black_box(engine.answer(&Question::new(black_box(q))));
    }
}
