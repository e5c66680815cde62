//! The SQLite store: the only module with SQL. Opening, migrations, and the connection settings.
//!
//! Table families live in their own files: [`articles`] (articles, paragraphs, ticker snapshots),
//! [`chats`] (per-chat state), and the desk's: [`conversations`] (conversation state, topics),
//! [`questions`] (the question log and its figures), [`tickets`] (human handoff), [`drafts`]
//! (pages awaiting publication), [`feeds`] (news feeds and their items); [`inbox`] and [`outbox`]
//! (durable delivery); [`ops`] (the service's own state and figures); [`tx`] is the transaction
//! they run in, `group` commits several chats' turns in one of them, `idle` keeps connections
//! between transactions, and `checkpoint` copies the WAL back beside the writers. Queries are
//! built at run time (`sqlx::query`), so building the crate never needs a database.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::Row;

use crate::nlu::Lang;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub mod articles;
pub mod chats;
mod checkpoint;
pub mod conversations;
pub mod drafts;
pub mod feeds;
mod group;
mod idle;
pub mod inbox;
pub mod ops;
pub mod outbox;
pub mod questions;
pub mod tickets;
pub mod tx;

pub use articles::ImportOutcome;
pub use chats::Chat;
pub use conversations::{ChatState, StoredTopic, Subscriber};
pub use drafts::Draft;
pub use feeds::{Feed, FeedAdded, PollRecord};
pub use inbox::{Handled, InboxState, NewUpdate, PendingUpdate};
pub use outbox::{OutboxHold, Queued};
pub use questions::{LoggedQuestion, NewQuestion, Stats, StatsWindow, UnansweredQuestion};
pub use tickets::{Author, ClosedBy, NewTicket, Ticket, TicketSummary};
pub use tx::Tx;

/// The migrations in `migrations/`, compiled into the binary and applied by [`Store::open`].
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!();

/// Why the database could not be opened. These are the user's to fix, so they say what is wrong
/// with the configured location in one line.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{url:?} is not a usable SQLite URL ({reason})")]
    BadUrl { url: String, reason: String },
    #[error("cannot create the database folder {path:?} ({reason})")]
    CreateDir { path: PathBuf, reason: String },
    #[error("cannot open the database {url:?} ({reason})")]
    Connect { url: String, reason: String },
    #[error("cannot bring the database {url:?} up to date ({reason})")]
    Migrate { url: String, reason: String },
}

/// What [`Store::health`] reports: the connection settings as SQLite sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreHealth {
    /// `wal` for a file database; `memory` for an in-memory one.
    pub journal_mode: String,
    pub foreign_keys: bool,
    /// Versions of the migrations applied, in order.
    pub applied_migrations: Vec<i64>,
}

/// A handle to the database; cheap to clone (it is a connection pool).
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    // In-process writers queue here, in order, instead of busy-sleeping inside SQLite (its busy
    // handler polls with growing sleeps, which adds milliseconds to every turn when many chats
    // write at once). Other processes are still waited for by `busy_timeout`.
    writer: std::sync::Arc<tx::Writer>,
    // Chats' turns hold it shared, whatever may change other chats' rows exclusively (see
    // `Store::begin_turn`).
    turns: std::sync::Arc<tokio::sync::RwLock<()>>,
}

impl Store {
    /// Opens (creating folder and file when missing) the database at `database_url` —
    /// `sqlite://relative/path.db`, `sqlite:///absolute/path.db` or `sqlite::memory:` — and applies
    /// every pending migration.
    pub async fn open(database_url: &str) -> Result<Store, OpenError> {
        let options =
            SqliteConnectOptions::from_str(database_url).map_err(|e| OpenError::BadUrl {
                url: database_url.to_string(),
                reason: e.to_string(),
            })?;
        let in_memory = database_url.contains(":memory:") || database_url.contains("mode=memory");

        let options = options
            .create_if_missing(true)
            .foreign_keys(true)
            // Several tasks write (turns, the sender, imports) and another process may hold the
            // file for a while (a backup, the CLI): wait for the lock instead of failing. Longer
            // waits than this are covered by retrying the whole turn (see `telegram::scheduler`).
            .busy_timeout(Duration::from_secs(10));

        let pool = if in_memory {
            // Each in-memory database lives only as long as a connection to it: keep exactly one
            // open forever, or the data vanishes when the pool retires an idle connection.
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .connect_with(options)
                .await
        } else {
            create_parent_dir(options.get_filename())?;
            // WAL lets readers (answering) run while a writer (import) holds the lock; NORMAL
            // synchronous is durable across application crashes in WAL mode and much faster.
            let options = options
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                // Checkpoints run beside the writers, not inside their `COMMIT` (`checkpoint`).
                .pragma("wal_autocheckpoint", "0");
            SqlitePoolOptions::new()
                // Turn workers, the inbox, the sender and reports each hold one at times. A
                // reader's turn holds its connection while it waits for the write lock, whose
                // holder may still need a connection (`Store::begin_turn`): keep the turn workers
                // (`telegram::DEFAULT_WORKERS`) well below this. Up to `idle::KEEP` more are kept
                // idle between transactions, out of the pool.
                .max_connections(16 + idle::KEEP as u32)
                // A SQLite connection is a local file handle, not a socket that can go stale, so
                // sqlx's liveness ping before every acquire catches nothing, yet it costs a round
                // trip to the connection's worker thread per transaction — about a tenth of a
                // desk turn under load (benches/load.rs, BENCHMARKS.md "Bot load").
                .test_before_acquire(false)
                .connect_with(options)
                .await
        }
        .map_err(|e| OpenError::Connect {
            url: database_url.to_string(),
            reason: e.to_string(),
        })?;

        MIGRATOR.run(&pool).await.map_err(|e| OpenError::Migrate {
            url: database_url.to_string(),
            reason: e.to_string(),
        })?;
        // An in-memory database's one connection is never kept idle out of its pool.
        let keep_idle = if in_memory { 0 } else { idle::KEEP };
        let writer = std::sync::Arc::new(tx::Writer::new(pool.clone(), keep_idle));
        if !in_memory {
            checkpoint::spawn(std::sync::Arc::downgrade(&writer));
        }
        Ok(Store {
            writer,
            pool,
            turns: Default::default(),
        })
    }

    /// The journal mode, foreign-key enforcement and applied migrations, as SQLite reports them.
    pub async fn health(&self) -> anyhow::Result<StoreHealth> {
        let mut conn = self
            .pool
            .acquire()
            .await
            .context("no database connection")?;
        let journal_mode: String = sqlx::query("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        let foreign_keys: i64 = sqlx::query("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        let applied_migrations =
            sqlx::query("SELECT version FROM _sqlx_migrations WHERE success = 1 ORDER BY version")
                .fetch_all(&mut *conn)
                .await?
                .iter()
                .map(|row| row.try_get::<i64, _>(0))
                .collect::<Result<_, _>>()?;
        Ok(StoreHealth {
            journal_mode: journal_mode.to_lowercase(),
            foreign_keys: foreign_keys == 1,
            applied_migrations,
        })
    }

    /// Waits for every connection to finish and closes them (checkpointing the WAL).
    pub async fn close(&self) {
        self.writer.idle.close();
        self.pool.close().await;
    }
}

fn create_parent_dir(file: &Path) -> Result<(), OpenError> {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            std::fs::create_dir_all(dir).map_err(|e| OpenError::CreateDir {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })
        }
        _ => Ok(()),
    }
}

/// Now, as stored: RFC 3339 in UTC with microseconds, so text order is time order.
pub(crate) fn now_text() -> String {
    timestamp_text(chrono::Utc::now())
}

pub(crate) fn timestamp_text(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// A language column as read: the code the bot wrote ([`Lang::as_str`]). A value this build does
/// not know reads as no language, so the desk falls back as for a chat that never chose one.
pub(crate) fn lang_column(code: Option<String>) -> Option<Lang> {
    code.as_deref().and_then(Lang::from_code)
}

pub(crate) fn parse_timestamp(
    text: &str,
    column: &str,
) -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .with_context(|| format!("{column} holds {text:?}, not an RFC 3339 time"))
}
