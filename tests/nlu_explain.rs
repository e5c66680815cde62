//! Tuning aid, ignored by default: `NLU_EXPLAIN="question|question" cargo test --test nlu_explain -- --ignored --nocapture`
//! prints how each question is analysed and scored over the seed article.

use std::sync::Arc;

use newsdesk::content;
use newsdesk::nlu::{Engine, Intents, Question};

#[test]
#[ignore = "a tuning aid that prints, not a check"]
fn explain_questions_from_the_environment() {
    let raw = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/content/kontan-whatsapp-privasi-2021.txt")).unwrap();
    let parsed = content::parse(&raw).unwrap();
    let article = content::Article { id: 1, imported_at: chrono::Utc::now(), content_hash: String::new(), parsed };
    let engine = Engine::build(Arc::new(Intents::builtin()), &[article]);
    for q in std::env::var("NLU_EXPLAIN").unwrap_or_default().split('|').filter(|q| !q.is_empty()) {
        let question = Question::new(q);
        let a = engine.answer(&question);
        println!("== {q}\n{}  -> {} answered={} conf={:.2}\n  {}\n", engine.explain(&question), a.intent, a.answered, a.confidence, a.text.replace('\n', " ").chars().take(200).collect::<String>());
    }
}
