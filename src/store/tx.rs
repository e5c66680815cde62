//! Units of work: a transaction that desk turns and reports run all their statements in, so one
//! update's state changes (and what it sends) are written together or not at all.
//!
//! The transaction is driven by hand (`BEGIN` / `COMMIT` / `ROLLBACK` on a pooled connection)
//! rather than through `sqlx::Transaction`, because a connection whose `COMMIT` failed must never
//! go back to the pool still inside a transaction: every later `BEGIN` on it would fail ("cannot
//! start a transaction within a transaction") and the bot would apologise until restarted. Here a
//! failed `COMMIT` is rolled back, and when even that fails the connection is closed, not reused.

use anyhow::Context;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, Encode, Sqlite, SqliteConnection, SqlitePool, Type};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, Notify, OwnedMutexGuard, OwnedRwLockReadGuard, OwnedRwLockWriteGuard};

use super::Store;
pub(super) use super::group::Arg;

/// An open transaction. Dropping it without [`Tx::commit`] rolls everything back.
pub struct Tx {
    conn: Option<PoolConnection<Sqlite>>,
    // Statements not sent yet — a write transaction's `BEGIN IMMEDIATE` and writes whose result
    // nobody reads — and their arguments. They go to the connection's thread together with the
    // next statement (`Tx::with_pending`), or before it (`Tx::conn`), or with `COMMIT`: every
    // statement is a round trip to that thread, two thread wake-ups, which was half the bot's
    // CPU under load (BENCHMARKS.md, "Throughput round"). Order and all-or-nothing are unchanged:
    // they run in the order written, in the same transaction, and the first error stops the rest.
    pending: String,
    pending_args: Vec<Arg>,
    // The store's writers' queue (and its question ids), whatever kind of transaction this is.
    pub(super) shared: Arc<Writer>,
    // A question id was handed out for this transaction (`Tx::log_question`): if it does not
    // commit, the next id is read from the table again (another process may have taken it).
    question_logged: bool,
    // What is pending is only a new chat's row (`Tx::chat_state`), which no read of a chat's
    // turn depends on: a turn's reads go on without joining the writers for it.
    pub(super) pending_new_chat_only: bool,
    // What the turn read along with its chat's state (`Tx::chat_state`).
    pub(super) prefetched: Option<super::conversations::Prefetched>,
    // What the calls queued from now on wait for (`Tx::hold_outbox`).
    pub(super) outbox_hold: Option<super::outbox::OutboxHold>,
    // A chat's turn ([`Store::begin_turn`]) reads without the write lock; this is the queue it
    // joins at its first write (or at `COMMIT` with writes pending), `None` once it has joined.
    lazy: Option<Arc<Writer>>,
    // Held by write transactions until they end (see `Store::writer`); declared after `conn`,
    // so it is released only once the connection is on its way back.
    _writer: Option<OwnedMutexGuard<()>>,
    // A chat's turn holds it shared, a turn that may change other chats' rows exclusively (see
    // `Store::turns`); released last.
    _turns: Option<TurnsGuard>,
}

/// What a transaction holds of [`Store::turns`].
enum TurnsGuard {
    Shared(#[allow(dead_code)] OwnedRwLockReadGuard<()>),
    Exclusive(#[allow(dead_code)] OwnedRwLockWriteGuard<()>),
}

/// How long a write waits for the other writers of this process before it reports the store busy
/// (the caller retries the whole turn).
pub(super) const WRITER_WAIT: Duration = Duration::from_secs(30);

/// The queue of this process's writers: first come, first served, except that an urgent writer
/// (recording that a message was sent, which shrinks the window in which a crash would send it
/// again) goes before every ordinary one still waiting.
#[derive(Debug)]
pub(super) struct Writer {
    lock: Arc<Mutex<()>>,
    urgent: AtomicUsize,
    urgent_done: Notify,
    // Chats' turns waiting to be committed together (see `store::group`), and the pool their
    // leader takes a connection from.
    pub(super) group: std::sync::Mutex<super::group::Queue>,
    pub(super) pool: SqlitePool,
    // Connections between transactions, kept out of the pool (see `store::idle`).
    pub(super) idle: super::idle::Idle,
    // The last question id handed out in this process; 0 until read from the table.
    question_id: AtomicI64,
    // Set when a transaction that logged a question did not commit: read the table again.
    question_ids_stale: AtomicBool,
    // This process's outbox holds not released yet (see `Store::release_stale_outbox_holds`).
    pub(super) holds: std::sync::Mutex<std::collections::HashSet<i64>>,
}

impl Writer {
    pub(super) fn new(pool: SqlitePool, keep_idle: usize) -> Writer {
        Writer {
            lock: Default::default(),
            urgent: AtomicUsize::new(0),
            urgent_done: Notify::new(),
            group: Default::default(),
            pool,
            idle: super::idle::Idle::new(keep_idle),
            question_id: AtomicI64::new(0),
            question_ids_stale: AtomicBool::new(false),
            holds: Default::default(),
        }
    }

    pub(super) async fn ordinary(&self) -> OwnedMutexGuard<()> {
        loop {
            let done = self.urgent_done.notified();
            tokio::pin!(done);
            done.as_mut().enable();
            if self.urgent.load(Ordering::Acquire) > 0 {
                done.await;
                continue;
            }
            let guard = self.lock.clone().lock_owned().await;
            if self.urgent.load(Ordering::Acquire) == 0 {
                return guard;
            }
            // An urgent writer arrived while this one waited: let it pass.
        }
    }

    async fn urgent(&self) -> OwnedMutexGuard<()> {
        self.urgent.fetch_add(1, Ordering::AcqRel);
        let guard = self.lock.clone().lock_owned().await;
        self.urgent.fetch_sub(1, Ordering::AcqRel);
        self.urgent_done.notify_waiters();
        guard
    }
}

impl Store {
    /// A transaction that holds SQLite's write lock from the start. A deferred transaction that
    /// reads and then writes fails with SQLITE_BUSY under concurrency instead of waiting.
    pub async fn begin_write(&self) -> anyhow::Result<Tx> {
        self.begin_write_queued(false).await
    }

    /// As [`Store::begin_write`], ahead of the ordinary writers waiting (keep it short).
    pub async fn begin_write_urgent(&self) -> anyhow::Result<Tx> {
        self.begin_write_queued(true).await
    }

    async fn begin_write_queued(&self, urgent: bool) -> anyhow::Result<Tx> {
        let turn = async {
            if urgent {
                self.writer.urgent().await
            } else {
                self.writer.ordinary().await
            }
        };
        let writer = tokio::time::timeout(WRITER_WAIT, turn)
            .await
            .map_err(|_| anyhow::anyhow!("the store is busy: no write turn for {WRITER_WAIT:?}"))?;
        // `BEGIN IMMEDIATE` goes with the transaction's first statement (see `Tx::pending`); a
        // failure there (busy, read-only) fails that statement, and the `Tx` is discarded.
        let conn = self
            .writer
            .idle
            .acquire(&self.pool)
            .await
            .context("cannot start a write transaction")?;
        let mut tx = Tx::on(conn, &self.writer);
        tx.pending.push_str("BEGIN IMMEDIATE;\n");
        tx._writer = Some(writer);
        Ok(tx)
    }

    /// The transaction of one chat's turn, which reads and writes only that chat's own rows (its
    /// state, topics, questions, tickets) and rows nobody else changes (its inbox rows, new
    /// outbox rows). Its reads run without the write lock, concurrently with other chats' turns
    /// and with the answering done outside the lock; it joins the writers' queue at its first
    /// write (`BEGIN IMMEDIATE` then), usually only for its last one or two round trips.
    ///
    /// Why what it read still holds when it writes: its chat's turns run one at a time (the
    /// adapter's scheduler), other chats' turns do not touch its rows, and whatever may change
    /// another chat's rows (the support chat's and admins' turns, a chat found unreachable)
    /// runs in [`Store::begin_exclusive`], which waits until no chat's turn is open.
    pub async fn begin_turn(&self) -> anyhow::Result<Tx> {
        let turns = tokio::time::timeout(WRITER_WAIT, self.turns.clone().read_owned())
            .await
            .map_err(|_| anyhow::anyhow!("the store is busy: no turn for {WRITER_WAIT:?}"))?;
        let conn = self
            .writer
            .idle
            .acquire(&self.pool)
            .await
            .context("cannot start a turn")?;
        let mut tx = Tx::on(conn, &self.writer);
        tx.lazy = Some(self.writer.clone());
        tx._turns = Some(TurnsGuard::Shared(turns));
        Ok(tx)
    }

    /// As [`Store::begin_write`], with no chat's turn ([`Store::begin_turn`]) open meanwhile: for
    /// work that may change other chats' rows (closing their tickets, marking them unreachable,
    /// moving a group's state, an admin's content changes).
    pub async fn begin_exclusive(&self) -> anyhow::Result<Tx> {
        let turns = tokio::time::timeout(WRITER_WAIT, self.turns.clone().write_owned())
            .await
            .map_err(|_| anyhow::anyhow!("the store is busy: no turn for {WRITER_WAIT:?}"))?;
        let mut tx = self.begin_write().await?;
        tx._turns = Some(TurnsGuard::Exclusive(turns));
        Ok(tx)
    }

    /// A transaction for reading a consistent snapshot (reports).
    pub async fn begin_read(&self) -> anyhow::Result<Tx> {
        self.begin_with("BEGIN")
            .await
            .context("cannot start a read transaction")
    }

    async fn begin_with(&self, begin: &'static str) -> anyhow::Result<Tx> {
        // Held in the `Tx` before `BEGIN` runs: if this future is dropped mid-statement, the
        // `Tx`'s drop cleans the connection up instead of the pool getting it back mid-transaction.
        let mut tx = Tx::on(self.writer.idle.acquire(&self.pool).await?, &self.writer);
        if let Err(error) = sqlx::query(begin).execute(tx.connection()).await {
            // BUSY leaves no transaction open, but a connection in an unknown state is not kept.
            if let Some(mut conn) = tx.conn.take() {
                conn.close_on_drop();
            }
            return Err(error.into());
        }
        Ok(tx)
    }
}

impl Tx {
    /// A transaction on `conn` with nothing pending, no lock held and no turn open: what each
    /// kind of transaction starts from.
    fn on(conn: PoolConnection<Sqlite>, shared: &Arc<Writer>) -> Tx {
        Tx {
            conn: Some(conn),
            pending: String::new(),
            pending_args: Vec::new(),
            shared: shared.clone(),
            question_logged: false,
            pending_new_chat_only: false,
            prefetched: None,
            outbox_hold: None,
            lazy: None,
            _writer: None,
            _turns: None,
        }
    }

    /// Commits. The connection stays with the `Tx` until `COMMIT` has answered, so that neither
    /// a failed `COMMIT` nor one cut short returns it to the pool inside a transaction.
    pub async fn commit(mut self) -> anyhow::Result<()> {
        if let Some(writer) = self.lazy.clone() {
            // No transaction is open on the connection: it is free for others now.
            self.park();
            if self.pending.is_empty() {
                // A turn that wrote nothing: no transaction was opened.
                return Ok(());
            }
            // Every write of the turn is still pending: it commits together with other chats'
            // turns (`store::group`), all of its writes or none. `self` (its hold on
            // `Store::turns`) lives until that has happened.
            let sql = std::mem::take(&mut self.pending);
            let args = std::mem::take(&mut self.pending_args);
            writer.commit_grouped(sql, args).await?;
            self.question_logged = false;
            return Ok(());
        }
        // The writes still pending and `COMMIT` in one round trip. If one of them fails, the
        // statements after it (`COMMIT` among them) do not run, and the error lands below.
        let (sql, args) = self.with_pending("COMMIT", false).await?;
        let done = sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
            .execute(self.connection())
            .await;
        match done {
            Ok(_) => {
                self.park();
                self.question_logged = false;
                Ok(())
            }
            Err(error) => {
                if let Some(conn) = self.conn.take() {
                    discard(conn).await;
                }
                Err(anyhow::Error::new(error).context("cannot commit"))
            }
        }
    }

    pub async fn rollback(mut self) -> anyhow::Result<()> {
        if self.lazy.is_some() || self.pending.starts_with("BEGIN") {
            // Nothing was sent, so there is nothing to roll back.
            self.park();
            return Ok(());
        }
        match sqlx::query("ROLLBACK").execute(self.connection()).await {
            Ok(_) => {
                self.park();
                Ok(())
            }
            Err(error) => {
                if let Some(mut conn) = self.conn.take() {
                    conn.close_on_drop();
                }
                Err(anyhow::Error::new(error).context("cannot roll back"))
            }
        }
    }

    /// The connection for a statement that may write, once the pending statements have run (so
    /// what follows sees them). A chat's turn ([`Store::begin_turn`]) joins the writers first, so
    /// the write is part of its transaction, under the write lock, not an autocommit of its own.
    pub(super) async fn conn(&mut self) -> anyhow::Result<&mut SqliteConnection> {
        self.join_writers().await?;
        if !self.pending.is_empty() {
            let sql = std::mem::take(&mut self.pending);
            let args = super::group::arguments(std::mem::take(&mut self.pending_args))?;
            sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
                .execute(self.connection())
                .await?;
        }
        Ok(self.connection())
    }

    /// The connection for a read. In a chat's turn that has not written yet it reads what is
    /// committed, outside the write lock; otherwise as [`Tx::conn`] (the read sees the writes
    /// pending before it).
    pub(super) async fn conn_read(&mut self) -> anyhow::Result<&mut SqliteConnection> {
        if self.lazy.is_some() && (self.pending.is_empty() || self.reads_skip_pending()) {
            return Ok(self.connection());
        }
        self.conn().await
    }

    /// Ends a transaction whose `COMMIT` went with its last statement, which succeeded.
    pub(super) fn committed(&mut self) {
        debug_assert!(self.pending.is_empty() && self.lazy.is_none());
        self.park();
        self.question_logged = false;
    }

    /// Hands the connection on for the next transaction, once this one has ended cleanly (see
    /// `store::idle`).
    fn park(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.shared.idle.release(conn);
        }
    }

    /// The connection as it is, pending statements not run.
    pub(super) fn connection(&mut self) -> &mut SqliteConnection {
        self.conn
            .as_mut()
            .expect("an open transaction has its connection")
    }

    /// `sql` preceded by the pending statements, and the arguments so far (add `sql`'s own after
    /// them), to run in one round trip on [`Tx::connection`]. `sql` must be one statement and the
    /// only one that returns rows: sqlx stops a `fetch_one`/`fetch_optional` at the first row.
    ///
    /// `writes`: whether `sql` writes; in a turn's transaction ([`Store::begin_turn`]) that, or
    /// writes pending, first make it join the writers.
    pub(super) async fn with_pending(
        &mut self,
        sql: &str,
        writes: bool,
    ) -> anyhow::Result<(String, SqliteArguments)> {
        if !writes && self.reads_skip_pending() {
            return Ok((sql.to_string(), SqliteArguments::default()));
        }
        if writes || !self.pending.is_empty() {
            self.join_writers().await?;
        }
        let mut all = std::mem::take(&mut self.pending);
        all.push_str(sql);
        let args = super::group::arguments(std::mem::take(&mut self.pending_args))?;
        Ok((all, args))
    }

    pub(super) fn pending_is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Whether a read may run before what is pending (see `Tx::pending_new_chat_only`).
    fn reads_skip_pending(&self) -> bool {
        self.lazy.is_some() && self.pending_new_chat_only
    }

    /// Whether this is a turn's transaction that has not written yet: its reads see what is
    /// committed, without a transaction (see [`Store::begin_turn`]).
    pub(super) fn reads_unlocked(&self) -> bool {
        self.lazy.is_some()
    }

    /// A turn's transaction about to write: waits for the write lock, and `BEGIN IMMEDIATE` goes
    /// first with what is pending.
    async fn join_writers(&mut self) -> anyhow::Result<()> {
        let Some(writer) = self.lazy.clone() else {
            return Ok(());
        };
        let guard = tokio::time::timeout(WRITER_WAIT, writer.ordinary())
            .await
            .map_err(|_| anyhow::anyhow!("the store is busy: no write turn for {WRITER_WAIT:?}"))?;
        self._writer = Some(guard);
        self.lazy = None;
        self.pending.insert_str(0, "BEGIN IMMEDIATE;\n");
        Ok(())
    }

    /// Queues a write whose result nobody reads, to run before the next statement (see
    /// [`Tx::pending`]); bind its arguments, in order, on what this returns. One statement, `?`
    /// placeholders only (numbered ones would count from the first pending statement).
    pub(super) fn later(&mut self, sql: &str) -> Later<'_> {
        self.pending_new_chat_only = false;
        self.pending.push_str(sql);
        self.pending.push_str(";\n");
        Later {
            args: &mut self.pending_args,
        }
    }
}

/// The arguments of a statement queued by [`Tx::later`].
pub(super) struct Later<'a> {
    args: &'a mut Vec<Arg>,
}

impl Later<'_> {
    pub fn bind(self, value: impl Into<Arg>) -> anyhow::Result<Self> {
        self.args.push(value.into());
        Ok(self)
    }
}

impl Tx {
    /// The next question id (see [`Tx::log_question`]): handed out in this process, so that
    /// logging a question is a write whose result nobody waits for. The first one, and the first
    /// after a transaction that logged a question failed (another process may have logged some
    /// meanwhile), is read from the table, never below an id AUTOINCREMENT already gave out.
    pub(super) async fn next_question_id(&mut self) -> anyhow::Result<i64> {
        let shared = self.shared.clone();
        if shared.question_id.load(Ordering::Acquire) == 0
            || shared.question_ids_stale.swap(false, Ordering::AcqRel)
        {
            // On the connection as it is: the writes pending here log no question whose id
            // was not handed out by this process already.
            let last: i64 = sqlx::query_scalar(
                "SELECT max(coalesce((SELECT max(id) FROM questions), 0),
                            coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'questions'), 0))",
            )
            .fetch_one(self.connection())
            .await?;
            shared.question_id.fetch_max(last, Ordering::AcqRel);
        }
        self.question_logged = true;
        Ok(shared.question_id.fetch_add(1, Ordering::AcqRel) + 1)
    }
}

/// Adds `value` to arguments being built for [`Tx::with_pending`].
pub(super) fn bind<'q, T: Encode<'q, Sqlite> + Type<Sqlite> + 'q>(
    args: &mut SqliteArguments,
    value: T,
) -> anyhow::Result<()> {
    args.add(value).map_err(|e| anyhow::anyhow!(e))
}

/// After a failed statement or COMMIT: roll back if SQLite still holds the transaction, and close
/// the connection when that fails too, so the pool never hands out a connection mid-transaction.
async fn discard(mut conn: PoolConnection<Sqlite>) {
    if sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
        // "no transaction is active" also lands here: SQLite already rolled back on its own.
        // Closing costs one reconnect, which is cheap next to reusing a broken connection.
        conn.close_on_drop();
    }
}

impl Drop for Tx {
    /// A transaction abandoned by an error (`?`) is rolled back before its connection is reused.
    fn drop(&mut self) {
        if self.question_logged {
            self.shared
                .question_ids_stale
                .store(true, Ordering::Release);
        }
        if self.lazy.is_some() || self.pending.starts_with("BEGIN") {
            // Nothing was sent since `BEGIN` (or there was none): no transaction is open.
            self.conn.take();
            return;
        }
        if let Some(conn) = self.conn.take() {
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    runtime.spawn(discard(conn));
                }
                Err(_) => {
                    let mut conn = conn;
                    conn.close_on_drop();
                }
            }
        }
    }
}
