//! CLI glue over the desk: `newsdesk chat` (the console adapter on standard input and output, over
//! the desk [`App::desk`] builds), `newsdesk stats` and `newsdesk unanswered` (the admin reports).

use std::process::ExitCode;

use crate::app::App;
use crate::console;
use crate::desk::{Sender, insights};
use crate::nlu::Lang;

/// `newsdesk chat`: the console chat on standard input and output.
pub async fn chat(app: &App) -> anyhow::Result<ExitCode> {
    let desk = app.desk().await?;
    let who = Sender {
        user_id: console::CONSOLE_CHAT_ID,
        first_name: std::env::var("USER").unwrap_or_else(|_| "you".to_string()),
        username: None,
        // The terminal's locale (`en_US.UTF-8`) says which language to greet in.
        language_code: std::env::var("LANG")
            .ok()
            .and_then(|l| l.get(..2).map(str::to_string)),
        is_anonymous: false,
    };
    let stdin = tokio::io::BufReader::new(tokio::io::stdin());
    console::run(&desk, stdin, tokio::io::stdout(), who).await?;
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk stats`: questions, answered %, intents, votes and open tickets.
pub async fn stats(app: &App, lang: Lang) -> anyhow::Result<ExitCode> {
    println!("{}", insights::stats_report(&app.store, lang).await?);
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk unanswered`: refused and 👎 questions, similar ones grouped.
pub async fn unanswered(app: &App, lang: Lang) -> anyhow::Result<ExitCode> {
    println!("{}", insights::unanswered_report(&app.store, lang).await?);
    Ok(ExitCode::SUCCESS)
}
