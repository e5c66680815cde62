//! Publishing under load: another chat's reply latency while the desk re-indexes its archive.
//!
//! `cargo bench --bench publish [-- --articles N --rebuilds N]` (default 10,000 articles, 3
//! rebuilds). A real `Desk` over a real SQLite file (`TestApp`: migrations, the seed page) holding
//! N synthetic articles from `benches/common` is asked questions from one reader chat in a closed
//! loop (`Desk::ask`: the turn lock, the chat's stored state, the question log, the answer), first
//! with nothing else happening, then while `Desk::reload_content` — what a publish or a removal
//! runs after its turn — rebuilds the index and the suggestions. Prints latency percentiles of
//! both phases and the rebuild times. The reader, the rebuild and SQLite share the machine's cores.

#[path = "../tests/it/common/mod.rs"]
mod app_kit;
#[path = "common/mod.rs"]
mod corpus;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use app_kit::TestApp;
use newsdesk::desk::Desk;

const READER: i64 = 4242;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let articles = arg("--articles", 10_000);
    let rebuilds = arg("--rebuilds", 3);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(run(articles as u64, rebuilds));
}

async fn run(n: u64, rebuilds: usize) {
    let files = TestApp::builder().seed_content().build().await;
    let started = Instant::now();
    for i in 0..n {
        let mut article = corpus::synthetic(i);
        // Synthetic titles repeat; a distinct source keeps every article (same title and source
        // would be a new version replacing the old one).
        article.parsed.source = Some(format!("SYNTH-{i}"));
        files
            .app
            .store
            .import(&article.content_hash, &article.parsed)
            .await
            .expect("import");
    }
    println!(
        "stored {n} synthetic articles + the seed page in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let desk = files.app.desk().await.expect("the desk builds");
    println!(
        "first build (load + index + suggestions): {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let idle = ask_while(&desk, None).await;
    report("idle (no rebuild)", &idle);
    let mut during = Vec::new();
    for _ in 0..rebuilds {
        let rebuild = {
            let desk = desk.clone();
            tokio::spawn(async move {
                let started = Instant::now();
                desk.reload_content().await.expect("rebuild");
                started.elapsed()
            })
        };
        let latencies = ask_while(&desk, Some(rebuild)).await;
        during.extend(latencies);
    }
    report("during rebuilds", &during);
}

/// Asks questions from the reader chat one after another: a fixed count when `rebuild` is
/// `None`, else until the rebuild ends (its duration is printed). Returns each reply's latency.
async fn ask_while(
    desk: &Arc<Desk>,
    rebuild: Option<tokio::task::JoinHandle<Duration>>,
) -> Vec<Duration> {
    let done = Arc::new(AtomicBool::new(false));
    let watcher = rebuild.map(|handle| {
        let done = done.clone();
        tokio::spawn(async move {
            let took = handle.await.expect("the rebuild task");
            done.store(true, Ordering::SeqCst);
            took
        })
    });
    let mut latencies = Vec::new();
    let mut i = 0usize;
    loop {
        if watcher.is_none() && latencies.len() >= 200 {
            break;
        }
        if watcher.is_some() && done.load(Ordering::SeqCst) {
            break;
        }
        let q = corpus::QUESTIONS[i % corpus::QUESTIONS.len()];
        i += 1;
        let started = Instant::now();
        desk.ask(READER, q, None).await.expect("an answer");
        latencies.push(started.elapsed());
    }
    if let Some(w) = watcher {
        let took = w.await.expect("the watcher");
        println!(
            "rebuild took {:.2} s; the reader got {} replies meanwhile",
            took.as_secs_f64(),
            latencies.len()
        );
    }
    latencies
}

fn report(label: &str, latencies: &[Duration]) {
    let mut ms: Vec<f64> = latencies.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    if ms.is_empty() {
        println!("{label}: no replies");
        return;
    }
    println!(
        "{label}: {} replies, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms.len(),
        pct(0.5),
        pct(0.9),
        pct(0.99),
        ms[ms.len() - 1]
    );
}
