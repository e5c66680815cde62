//! `newsdesk ask`: answers questions from the command line through the same engine the bot uses.
//!
//! With QUESTION words it answers that one question; with none it reads standard input, one question
//! per line, and answers each in order, flushing after every line so another program can converse
//! with it. Nothing is stored and no conversation context is used.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;

use crate::app::App;
use crate::nlu::{Answer, Engine, Intents, Lang, Question};

/// Where the intents live, relative to the working directory; the built-in copy is used without it.
const INTENTS_FILE: &str = "config/intents.toml";

/// Options of the `ask` command.
#[derive(Debug, Clone, clap::Args)]
pub struct AskArgs {
    /// Reply in this language (id or en) instead of the question's own.
    #[arg(long, value_name = "id|en")]
    pub lang: Option<Lang>,
    /// Print one JSON object per answer: {"intent", "confidence", "answered", "text", "sources"}.
    #[arg(long)]
    pub json: bool,
    /// The question; without it, questions are read from standard input, one per line.
    #[arg(value_name = "QUESTION")]
    pub question: Vec<String>,
}

/// The intents file of the working directory, or the built-in copy when there is none.
pub fn load_intents() -> anyhow::Result<Intents> {
    let path = Path::new(INTENTS_FILE);
    if path.exists() {
        Intents::load(path)
    } else {
        Ok(Intents::builtin())
    }
}

pub async fn run(app: &App, args: AskArgs) -> anyhow::Result<ExitCode> {
    let intents = Arc::new(load_intents()?);
    let articles = app.store.articles().await?;
    let engine = Engine::build(intents, &articles);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !args.question.is_empty() {
        let text = args.question.join(" ");
        let answer = engine.answer(&Question {
            text: &text,
            lang: args.lang,
            context: None,
        });
        writeln!(out, "{}", render(&answer, args.json))?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        // A line that is not UTF-8 is still a question to answer (politely), not a reason to stop.
        let line = match line {
            Ok(line) => line,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => String::new(),
            Err(e) => return Err(e).context("reading questions from standard input"),
        };
        let answer = engine.answer(&Question {
            text: &line,
            lang: args.lang,
            context: None,
        });
        writeln!(out, "{}", render(&answer, args.json))?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

fn render(answer: &Answer, json: bool) -> String {
    if json {
        answer.to_json_line()
    } else {
        format!("{}\n", answer.text)
    }
}
