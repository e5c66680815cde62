//! CLI glue over the desk [`App::desk`] builds: `newsdesk run` (the Telegram bot), `newsdesk chat`
//! (the console adapter on standard input and output), `newsdesk stats` and `newsdesk unanswered`
//! (the admin reports).

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::app::App;
use crate::cli::{CliError, OutputClosed, print_line};
use crate::console;
use crate::desk::{Sender, insights};
use crate::nlu::{Lang, Lexicon};
use crate::telegram;

/// `newsdesk run` (and plain `newsdesk`): the bot on Telegram until Ctrl-C or SIGTERM. Without a
/// token a newcomer at a terminal gets the console chat; a service manager gets a clear failure.
pub async fn bot(app: &App) -> anyhow::Result<ExitCode> {
    let Some(config) = telegram::Config::from_settings(&app.settings) else {
        if !std::io::stdin().is_terminal() {
            return Err(CliError::NoToken.into());
        }
        eprintln!(
            "No TELOXIDE_TOKEN set, so this is the console chat: get a token from @BotFather and \
             put TELOXIDE_TOKEN=... in .env to go live on Telegram."
        );
        return chat(app).await;
    };
    crate::cli_serve::serve(app, config, telegram::shutdown_signal()).await?;
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk chat`: the console chat on standard input and output.
pub async fn chat(app: &App) -> anyhow::Result<ExitCode> {
    let desk = app.desk().await?;
    let who = Sender {
        user_id: console::CONSOLE_CHAT_ID,
        // No name rather than a made-up one: the greeting is then just "Halo!".
        first_name: std::env::var("USER").unwrap_or_default(),
        username: None,
        // The terminal's locale (`en_US.UTF-8`) says which language to greet in.
        language_code: std::env::var("LANG")
            .ok()
            .and_then(|l| l.get(..2).map(str::to_string)),
        is_anonymous: false,
    };
    let result = if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        let terminal = console::terminal::Terminal::new()?;
        console::run_with(&desk, terminal, tokio::io::stdout(), who).await
    } else {
        let stdin = tokio::io::BufReader::new(tokio::io::stdin());
        console::run(&desk, stdin, tokio::io::stdout(), who).await
    };
    // The console's only pipe is standard output: a reader that went away ends the chat quietly.
    let closed_pipe = |e: &anyhow::Error| {
        e.chain().any(|cause| {
            cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        })
    };
    match result {
        Err(e) if closed_pipe(&e) => Err(OutputClosed.into()),
        other => other.map(|()| ExitCode::SUCCESS),
    }
}

/// `newsdesk stats`: questions, answered %, intents, votes and open tickets.
pub async fn stats(app: &App, lang: Lang) -> anyhow::Result<ExitCode> {
    print_line(insights::stats_report(&app.store, lang).await?)?;
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk unanswered`: refused and 👎 questions, similar ones grouped.
pub async fn unanswered(app: &App, lang: Lang) -> anyhow::Result<ExitCode> {
    print_line(insights::unanswered_report(&app.store, lang, &Lexicon::builtin()).await?)?;
    Ok(ExitCode::SUCCESS)
}
