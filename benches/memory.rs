//! Peak memory with 10,000 synthetic articles (plus the seed page): builds the engine, answers the
//! question list, and prints the process's peak resident set (VmHWM from /proc/self/status); then
//! asks about every article once (its opening sentence, in its context), so that the paragraphs the
//! engine reads per article (its paragraph cache) are read for all of them, and prints the
//! peak again. Run with `cargo bench --bench memory`.

mod common;

use std::sync::Arc;
use std::time::Instant;

use newsdesk::nlu::{Engine, Intents, Lexicon, Question, Topic};

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    // `cargo bench` passes --bench; there is nothing to filter here.
    let n: u64 = std::env::var("NLU_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let articles = common::corpus(n);
    // One question per article, kept while the articles are dropped: its opening sentence.
    let asks: Vec<(i64, String)> = articles
        .iter()
        .filter_map(|a| {
            let first = a.parsed.paragraphs.first()?;
            let end = first.find(". ").map_or(first.len(), |i| i + 1);
            Some((a.id, first[..end].to_string()))
        })
        .collect();
    let input_rss = status_kib("VmRSS:").unwrap_or(0);
    let started = Instant::now();
    let engine = Engine::build(
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        &articles,
    );
    let build = started.elapsed();
    drop(articles);
    for q in common::QUESTIONS {
        std::hint::black_box(engine.answer(&Question::new(q)));
    }
    let peak = status_kib("VmHWM:").unwrap_or(0);
    let now = status_kib("VmRSS:").unwrap_or(0);
    let started = Instant::now();
    let mut read = std::collections::HashSet::new();
    for (id, text) in &asks {
        let topic = Topic::Article {
            article_id: *id,
            paragraph: 0,
        };
        let mut q = Question::new(text);
        q.context = Some(&topic);
        let a = engine.answer(&q);
        if let Some(Topic::Article { article_id, .. }) = a.topic {
            read.insert(article_id);
        }
    }
    let asked = started.elapsed();
    let peak_all = status_kib("VmHWM:").unwrap_or(0);
    let now_all = status_kib("VmRSS:").unwrap_or(0);
    println!("articles: {n} synthetic + the seed page");
    println!("build: {:.2} s", build.as_secs_f64());
    println!(
        "RSS with the input articles only: {:.1} MiB",
        input_rss as f64 / 1024.0
    );
    println!(
        "RSS with the engine only (input dropped): {:.1} MiB",
        now as f64 / 1024.0
    );
    println!("peak RSS (VmHWM): {:.1} MiB", peak as f64 / 1024.0);
    println!(
        "asked about every article ({} questions, {:.2} s; {} distinct articles answered from)",
        asks.len(),
        asked.as_secs_f64(),
        read.len()
    );
    println!(
        "after: RSS {:.1} MiB, peak RSS (VmHWM) {:.1} MiB",
        now_all as f64 / 1024.0,
        peak_all as f64 / 1024.0
    );
}
