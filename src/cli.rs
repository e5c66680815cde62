//! The command-line interface: clap commands for running the bot, the console chat, importing,
//! listing, showing and removing articles, and the admin reports.
//!
//! Each command builds the [`App`] (so a fresh database gets its migrations and default content
//! exactly as the bot would), does its work, and returns the process exit code. Rendering is kept
//! in plain functions that return strings, apart from the printing, which goes through [`print_out`]
//! so that a reader who stops early (`newsdesk articles | head -1`) ends the command quietly.

use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Utc};
use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::app::{App, ImportError, Imported};
use crate::content::{Article, TickerItem};
use crate::settings::Settings;
use crate::store::ImportOutcome;

/// newsdesk: a Telegram helpdesk bot that answers readers' questions from the news articles it holds.
///
/// Settings come from config/default.toml, config/local.toml and the environment (DATABASE_URL,
/// NEWSDESK_CONTENT_DIR, ...; see README.md). A fresh database imports the content folder first.
#[derive(Debug, Parser)]
#[command(name = "newsdesk", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the Telegram bot (the default when no command is given).
    ///
    /// Needs TELOXIDE_TOKEN (from @BotFather; put it in .env); TELOXIDE_API_URL points it at another
    /// Bot API server. Ctrl-C or SIGTERM stops it after the updates in hand are answered. Without a
    /// token, in a terminal, it opens the console chat instead.
    Run,
    /// Import articles from files (scraped news pages, plain text, saved .html pages) or from the
    /// web (http:// and https:// URLs).
    ///
    /// Prints one line per file or URL. The same text again leaves the stored article unchanged; a
    /// changed version of an article (same title and source, or same URL) replaces it. Inputs that
    /// cannot be imported are reported and make the exit status non-zero; the others are still
    /// imported.
    Import {
        /// The article files or web addresses to import.
        #[arg(required = true, value_name = "FILE|URL")]
        files: Vec<PathBuf>,
    },
    /// Manage the news feeds (RSS, Atom, JSON Feed) newsdesk polls for new articles.
    Feeds {
        #[command(subcommand)]
        command: crate::cli_feeds::FeedsCommand,
    },
    /// List the stored articles: id, title, published, reporter, paragraph and ticker counts.
    Articles {
        /// Print a JSON array with every field, paragraphs and ticker instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one article in full: its fields, paragraphs and ticker.
    Show {
        /// The article's id, as listed by `newsdesk articles`.
        id: i64,
    },
    /// Remove an article with its paragraphs and ticker.
    Remove {
        /// The article's id, as listed by `newsdesk articles`.
        id: i64,
    },
    /// Chat with the bot in this terminal: the same desk as on Telegram, one question per line.
    Chat,
    /// Questions asked, answered %, by intent, 👍/👎 and open tickets: last day, week, all time.
    Stats {
        /// The language of the report (id or en).
        #[arg(long, value_name = "id|en", default_value = "id")]
        lang: crate::nlu::Lang,
    },
    /// The latest questions the bot refused or got 👎 on, similar ones grouped.
    Unanswered {
        /// The language of the report (id or en).
        #[arg(long, value_name = "id|en", default_value = "id")]
        lang: crate::nlu::Lang,
    },
    /// Answer questions from the articles, as the bot would (one per stdin line without QUESTION).
    Ask(crate::cli_ask::AskArgs),
}

/// A mistake on the command line that the user can correct.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("there is no article #{0}; `newsdesk articles` lists the ids")]
    NoSuchArticle(i64),
    #[error(
        "TELOXIDE_TOKEN is not set: get a bot token from @BotFather and put \
         TELOXIDE_TOKEN=... in .env (or run `newsdesk chat` to try the bot in a terminal)"
    )]
    NoToken,
}

/// Standard output's reader went away (`newsdesk ask … | head -1`): there is no one left to tell,
/// so the command ends quietly and successfully, as `cat` and `grep` do, instead of panicking.
#[derive(Debug, thiserror::Error)]
#[error("standard output was closed by its reader")]
pub struct OutputClosed;

/// Writes `text` to standard output and flushes it. `print!` would panic when the reader has gone;
/// this returns [`OutputClosed`] instead, which [`run`] turns into a quiet exit.
pub fn print_out(text: impl Display) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{text}")
        .and_then(|()| stdout.flush())
        .map_err(output_error)
}

/// [`print_out`] with a line break after `line`.
pub fn print_line(line: impl Display) -> anyhow::Result<()> {
    print_out(format_args!("{line}\n"))
}

/// An error writing to standard output: [`OutputClosed`] for a closed pipe, else the error as is.
pub fn output_error(e: std::io::Error) -> anyhow::Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        OutputClosed.into()
    } else {
        anyhow::Error::new(e).context("writing to standard output")
    }
}

fn is_output_closed(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| cause.is::<OutputClosed>())
}

/// Runs the command and tells `main` how to exit.
pub async fn run(cli: Cli, settings: Settings) -> anyhow::Result<ExitCode> {
    match run_command(cli, settings).await {
        Err(e) if is_output_closed(&e) => Ok(ExitCode::SUCCESS),
        result => result,
    }
}

async fn run_command(cli: Cli, settings: Settings) -> anyhow::Result<ExitCode> {
    let app = App::build(settings).await?;
    match cli.command {
        None | Some(Command::Run) => crate::cli_chat::bot(&app).await,
        Some(Command::Import { files }) => import(&app, &files).await,
        Some(Command::Feeds { command }) => crate::cli_feeds::run(&app, command).await,
        Some(Command::Ask(args)) => crate::cli_ask::run(&app, args).await,
        Some(Command::Articles { json }) => {
            let articles = app.store.articles().await?;
            if json {
                print_line(articles_json(&articles)?)?;
            } else {
                print_out(articles_table(&articles))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Show { id }) => {
            let article = app
                .store
                .article(id)
                .await?
                .ok_or(CliError::NoSuchArticle(id))?;
            print_out(article_text(&article))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Chat) => crate::cli_chat::chat(&app).await,
        Some(Command::Stats { lang }) => crate::cli_chat::stats(&app, lang).await,
        Some(Command::Unanswered { lang }) => crate::cli_chat::unanswered(&app, lang).await,
        Some(Command::Remove { id }) => {
            let article = app
                .store
                .article(id)
                .await?
                .ok_or(CliError::NoSuchArticle(id))?;
            if !app.store.remove(id).await? {
                // Removed by someone else between the lookup and the delete.
                return Err(CliError::NoSuchArticle(id).into());
            }
            print_line(format_args!("removed #{id} {:?}", article.parsed.title))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// From this many files on, an interactive terminal gets a progress bar.
const PROGRESS_BAR_FROM: usize = 5;

async fn import(app: &App, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let bar = if files.len() >= PROGRESS_BAR_FROM && std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut failed = 0;
    // A reader who stops early (`| head -1`) stops the report, not the import.
    let report = |line: &dyn Display| match print_line(line) {
        Err(e) if is_output_closed(&e) => Ok(()),
        other => other,
    };
    for file in files {
        let result = match file.to_str().filter(|f| crate::web::is_web_address(f)) {
            Some(url) => app.import_url(url).await,
            None => app.import_file(file).await,
        };
        // A broken store is not the file's fault: stop instead of failing every remaining file.
        if let Err(ImportError::Store(e)) = result {
            bar.abandon();
            return Err(e.context(format!("importing {}", file.display())));
        }
        let line = import_line(file, &result);
        bar.suspend(|| match result {
            Ok(_) => report(&line),
            Err(_) => {
                eprintln!("{line}");
                Ok(())
            }
        })?;
        failed += usize::from(result.is_err());
        bar.inc(1);
    }
    bar.finish_and_clear();
    if files.len() > 1 {
        report(&format_args!(
            "{} of {} files imported{}",
            files.len() - failed,
            files.len(),
            if failed > 0 {
                format!(", {failed} failed")
            } else {
                String::new()
            }
        ))?;
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One summary line: `imported #1 "Title" (9 paragraphs, 11 ticker items)`, or `error: FILE: why`.
pub fn import_line(file: &Path, result: &Result<Imported, ImportError>) -> String {
    match result {
        Ok(done) => {
            let counts = format!(
                "({} paragraphs, {} ticker items)",
                done.paragraphs, done.ticker
            );
            match done.outcome {
                ImportOutcome::Created { id } => {
                    format!("imported #{id} {:?} {counts}", done.title)
                }
                ImportOutcome::Unchanged { id } => {
                    format!("unchanged #{id} {:?} {counts}", done.title)
                }
                ImportOutcome::Replaced { old_id, new_id } => {
                    format!(
                        "replaced #{old_id} with #{new_id} {:?} {counts}",
                        done.title
                    )
                }
            }
        }
        Err(e) => format!("error: {}: {e}", file.display()),
    }
}

/// The `articles --json` contract, used from outside: keep these names.
#[derive(Serialize)]
struct ArticleJson<'a> {
    id: i64,
    title: &'a str,
    published_at: Option<DateTime<FixedOffset>>,
    reporter: Option<&'a str>,
    editor: Option<&'a str>,
    source: Option<&'a str>,
    caption: Option<&'a str>,
    paragraphs: &'a [String],
    ticker: &'a [TickerItem],
    imported_at: DateTime<Utc>,
    content_hash: &'a str,
    /// Where the article lives on the web; `null` for files and `/add`.
    url: Option<&'a str>,
}

pub fn articles_json(articles: &[Article]) -> serde_json::Result<String> {
    let rows: Vec<ArticleJson> = articles
        .iter()
        .map(|a| ArticleJson {
            id: a.id,
            title: &a.parsed.title,
            published_at: a.parsed.published_at,
            reporter: a.parsed.reporter.as_deref(),
            editor: a.parsed.editor.as_deref(),
            source: a.parsed.source.as_deref(),
            caption: a.parsed.caption.as_deref(),
            paragraphs: &a.parsed.paragraphs,
            ticker: &a.parsed.ticker,
            imported_at: a.imported_at,
            content_hash: &a.content_hash,
            url: a.parsed.url.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&rows)
}

const TITLE_WIDTH: usize = 48;

pub fn articles_table(articles: &[Article]) -> String {
    if articles.is_empty() {
        return "No articles. Import one with `newsdesk import FILE`.\n".to_string();
    }
    let mut out = format!(
        "{:>4}  {:<TITLE_WIDTH$}  {:<22}  {:<20}  {:>5}  {:>6}\n",
        "ID", "TITLE", "PUBLISHED", "REPORTER", "PARAS", "TICKER"
    );
    for a in articles {
        let p = &a.parsed;
        out += &format!(
            "{:>4}  {:<TITLE_WIDTH$}  {:<22}  {:<20}  {:>5}  {:>6}\n",
            a.id,
            shorten(&p.title, TITLE_WIDTH),
            published_text(p.published_at),
            shorten(p.reporter.as_deref().unwrap_or("-"), 20),
            p.paragraphs.len(),
            p.ticker.len()
        );
    }
    out
}

pub fn article_text(article: &Article) -> String {
    let p = &article.parsed;
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
    let mut out = format!("#{} {}\n", article.id, p.title);
    out += &format!("Published: {}\n", published_text(p.published_at));
    out += &format!("Reporter:  {}\n", or_dash(&p.reporter));
    out += &format!("Editor:    {}\n", or_dash(&p.editor));
    out += &format!("Source:    {}\n", or_dash(&p.source));
    out += &format!("Caption:   {}\n", or_dash(&p.caption));
    out += &format!("URL:       {}\n", or_dash(&p.url));
    out += &format!(
        "Imported:  {}\n",
        article.imported_at.format("%Y-%m-%d %H:%M:%S UTC")
    );
    for paragraph in &p.paragraphs {
        out += &format!("\n{paragraph}\n");
    }
    if !p.ticker.is_empty() {
        out += &format!("\nTicker ({} items):\n", p.ticker.len());
        for item in &p.ticker {
            out += &format!(
                "  {:<12} {:>14} {:>10} {:>8}%\n",
                item.name, item.value, item.change, item.change_pct
            );
        }
    }
    out
}

fn published_text(at: Option<DateTime<FixedOffset>>) -> String {
    at.map(|t| t.format("%Y-%m-%d %H:%M %:z").to_string())
        .unwrap_or_else(|| "-".to_string())
}

/// At most `width` characters, with `…` marking a cut.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}
