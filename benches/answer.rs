//! Criterion benchmarks of the answering engine: time per question over the seed content, over
//! 1,000 and 10,000 synthetic articles and over the 48-article test archive (its tuning
//! questions), and the index build time for 10,000 articles.
//! Peak memory is measured by `benches/memory.rs`.

mod common;

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::nlu::{Engine, Intents, Lexicon, Question};

// The allocator `newsdesk` runs with (see `src/main.rs`), so the bench measures what ships.
#[global_allocator]
static ALLOCATOR: newsdesk::allocator::Mimalloc = newsdesk::allocator::Mimalloc;

fn per_question(c: &mut Criterion) {
    let intents = Arc::new(Intents::builtin());
    let mut group = c.benchmark_group("answer");
    for (name, n) in [
        ("seed", 0u64),
        ("1k_articles", 1_000),
        ("10k_articles", 10_000),
    ] {
        let engine = Engine::build(
            intents.clone(),
            Arc::new(Lexicon::builtin()),
            &common::corpus(n),
        );
        let mut i = 0usize;
        // One question per iteration, cycling through the mixed list: the figure is per question.
        group.bench_function(name, |b| {
            b.iter(|| {
                let q = common::QUESTIONS[i % common::QUESTIONS.len()];
                i += 1;
                black_box(engine.answer(&Question::new(black_box(q))))
            })
        });
    }
    // The 48 real articles of the test archive, asked the archive's tuning questions.
    let engine = Engine::build(
        intents.clone(),
        Arc::new(Lexicon::builtin()),
        &common::archive(),
    );
    let questions = common::archive_questions();
    let mut i = 0usize;
    group.bench_function("archive_48", |b| {
        b.iter(|| {
            let q = &questions[i % questions.len()];
            i += 1;
            black_box(engine.answer(&Question::new(black_box(q))))
        })
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let intents = Arc::new(Intents::builtin());
    let articles = common::corpus(10_000);
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("10k_articles", |b| {
        b.iter(|| {
            black_box(Engine::build(
                intents.clone(),
                Arc::new(Lexicon::builtin()),
                &articles,
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, per_question, build);
criterion_main!(benches);
