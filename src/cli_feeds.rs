//! `newsdesk feeds add|list|remove|poll`: the news feeds from the command line. `poll` polls every
//! feed once (review-mode feeds excepted: their previews need the running bot) and prints one
//! line per new or changed item, for cron and the tests.

use std::process::ExitCode;

use chrono::SecondsFormat;
use clap::Subcommand;
use serde::Serialize;

use crate::app::App;
use crate::cli::{print_line, print_out};
use crate::content::feed;
use crate::store::{Feed, FeedAdded};
use crate::web::fetch::Outcome;
use crate::web::{self, poller};

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Add a feed (checked first: it must answer with a readable RSS, Atom or JSON feed).
    Add {
        /// The feed's address (http:// or https://).
        url: String,
        /// Send new articles to the admins as previews (Terbitkan/Batal) instead of publishing.
        #[arg(long)]
        review: bool,
    },
    /// List the feeds: id, url, title, last checked, last error, articles imported.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Remove a feed (the articles it brought stay).
    Remove {
        /// The feed's id, as listed by `newsdesk feeds list`.
        id: i64,
    },
    /// Poll every feed once now, print one line per new or changed item, and exit.
    Poll,
}

/// A mistake the user can correct.
#[derive(Debug, thiserror::Error)]
pub enum FeedsError {
    #[error("{0:?} is not a web address (give a full http:// or https:// URL)")]
    NotAnAddress(String),
    #[error("{url}: {reason}; the feed was not added")]
    Unreadable { url: String, reason: String },
    #[error("there is no feed #{0}; `newsdesk feeds list` lists the ids")]
    NoSuchFeed(i64),
}

pub async fn run(app: &App, command: FeedsCommand) -> anyhow::Result<ExitCode> {
    match command {
        FeedsCommand::Add { url, review } => add(app, &url, review).await,
        FeedsCommand::List { json } => {
            let feeds = app.store.feeds().await?;
            if json {
                print_line(feeds_json(&feeds)?)?;
            } else {
                print_out(feeds_table(&feeds))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Remove { id } => {
            let feed = app
                .store
                .feed(id)
                .await?
                .ok_or(FeedsError::NoSuchFeed(id))?;
            if !app.store.remove_feed(id).await? {
                return Err(FeedsError::NoSuchFeed(id).into());
            }
            print_line(format_args!("removed feed #{id} {}", feed.url))?;
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Poll => poll(app).await,
    }
}

async fn add(app: &App, url: &str, review: bool) -> anyhow::Result<ExitCode> {
    if !web::is_web_address(url) {
        return Err(FeedsError::NotAnAddress(url.to_string()).into());
    }
    let unreadable = |reason: String| FeedsError::Unreadable {
        url: url.to_string(),
        reason,
    };
    let title = match app.fetcher.fetch(url, None).await {
        Ok(Outcome::Fetched(fetched)) => {
            feed::parse(&fetched.bytes)
                .map_err(|e| unreadable(e.to_string()))?
                .title
        }
        Ok(Outcome::NotModified) => None,
        Err(e) => return Err(unreadable(e.to_string()).into()),
    };
    let mode = if review { " (review)" } else { "" };
    match app.store.add_feed(url, review).await? {
        FeedAdded::Added { id } => print_line(format_args!(
            "added feed #{id} {url}{mode}{}",
            title.map(|t| format!(" {t:?}")).unwrap_or_default()
        ))?,
        FeedAdded::AlreadyThere { id } => {
            print_line(format_args!("feed #{id} {url} is already there{mode}"))?
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn poll(app: &App) -> anyhow::Result<ExitCode> {
    let reports = poller::poll_round(app, poller::Due::AllButReview).await?;
    let mut failed = false;
    for report in &reports {
        for item in &report.items {
            print_line(web::feeds::item_line(report.feed_id, item))?;
        }
        if let Some(error) = &report.error {
            eprintln!("error: feed #{} {}: {error}", report.feed_id, report.url);
            failed = true;
        }
    }
    poller::prune(app).await?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The `feeds list --json` contract: keep these names.
#[derive(Serialize)]
struct FeedJson<'a> {
    id: i64,
    url: &'a str,
    title: Option<&'a str>,
    review: bool,
    /// RFC 3339, or null before the first poll.
    last_checked: Option<String>,
    last_error: Option<&'a str>,
    articles_imported: i64,
}

pub fn feeds_json(feeds: &[Feed]) -> serde_json::Result<String> {
    let rows: Vec<FeedJson> = feeds
        .iter()
        .map(|f| FeedJson {
            id: f.id,
            url: &f.url,
            title: f.title.as_deref(),
            review: f.review,
            last_checked: f
                .last_checked
                .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
            last_error: f.last_error.as_deref(),
            articles_imported: f.imported,
        })
        .collect();
    serde_json::to_string_pretty(&rows)
}

pub fn feeds_table(feeds: &[Feed]) -> String {
    if feeds.is_empty() {
        return "No feeds. Add one with `newsdesk feeds add URL`.\n".to_string();
    }
    let mut out = format!(
        "{:>4}  {:<50}  {:<20}  {:>8}  {}\n",
        "ID", "URL", "LAST CHECKED", "ARTICLES", "LAST ERROR"
    );
    for f in feeds {
        out += &format!(
            "{:>4}  {:<50}  {:<20}  {:>8}  {}\n",
            f.id,
            format!("{}{}", f.url, if f.review { " (review)" } else { "" }),
            f.last_checked
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_else(|| "never".to_string()),
            f.imported,
            f.last_error.as_deref().unwrap_or("-")
        );
    }
    out
}
