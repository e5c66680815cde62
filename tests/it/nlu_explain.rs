//! Tuning aid, ignored by default: `NLU_EXPLAIN="question|question" cargo test --test nlu_explain -- --ignored --nocapture`
//! prints how each question is analysed and scored over the seed page and the two fixture articles.
//! `earlier=>question` asks `earlier` first and uses its topic as the follow-up context.
//! `NLU_EXPLAIN_ARTICLES=tests/archive/articles` explains over that folder's `.txt` articles instead.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use newsdesk::content::{self, Article};
use newsdesk::nlu::{Engine, Intents, Lexicon, Question};

fn article(id: i64, path: &str) -> Article {
    let raw = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    Article {
        id,
        imported_at: Utc.with_ymd_and_hms(2024, 9, 1, 0, 0, id as u32).unwrap(),
        content_hash: String::new(),
        parsed: content::parse(&raw).unwrap(),
    }
}

#[test]
#[ignore = "a tuning aid that prints, not a check"]
fn explain_questions_from_the_environment() {
    let articles: Vec<Article> = match std::env::var("NLU_EXPLAIN_ARTICLES") {
        Ok(dir) => {
            let root = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            let mut paths: Vec<String> = std::fs::read_dir(&root)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt"))
                .collect();
            paths.sort();
            paths
                .iter()
                .enumerate()
                .map(|(i, n)| article(i as i64 + 1, &format!("{dir}/{n}")))
                .collect()
        }
        Err(_) => vec![
            article(1, "tests/fixtures/plain-paket-data-internet.txt"),
            article(2, "tests/fixtures/kontan-deposito-bank-digital-2024.txt"),
            article(3, "content/kontan-whatsapp-privasi-2021.txt"),
        ],
    };
    let engine = Engine::build(
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        &articles,
    );
    for line in std::env::var("NLU_EXPLAIN")
        .unwrap_or_default()
        .split('|')
        .filter(|q| !q.is_empty())
    {
        let (before, q) = match line.split_once("=>") {
            Some((b, q)) => (Some(engine.answer(&Question::new(b))), q),
            None => (None, line),
        };
        let question = Question {
            text: q,
            lang: None,
            context: before.as_ref().and_then(|b| b.topic.as_ref()),
        };
        let a = engine.answer(&question);
        let text: String = a.text.replace('\n', " ").chars().take(220).collect();
        println!(
            "== {line}\n{}  -> {} answered={} conf={:.2}\n  {text}\n",
            engine.explain(&question),
            a.intent,
            a.answered,
            a.confidence
        );
    }
}
