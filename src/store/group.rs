//! Group commit: chats' turns whose writes all waited until `COMMIT` ([`Store::begin_turn`], every
//! write queued by [`Tx::later`]) are committed several at once — one `BEGIN IMMEDIATE`, their
//! statements in turn, one `COMMIT`, in one round trip to the connection's thread — instead of
//! one write-lock hold and round trip each. SQLite has one writer: under load the turns queued
//! for it, and each hold cost two thread wake-ups that wait for a core on a busy machine
//! (BENCHMARKS.md, "Group commit").
//!
//! Each turn stays all-or-nothing on its own: when a group fails (one turn's statement fails, a
//! storage fault, a failed `COMMIT`), it is rolled back whole and every turn of it is committed
//! again alone, so only the turn that fails by itself fails (and is retried by its caller, its
//! update still in the inbox), never its neighbours.
//!
//! The first turn to queue when no commit is running starts the leader, a task of its own (so a
//! caller that gives up waiting cannot cut a group short halfway); the leader takes the write
//! lock, takes every turn queued by then, commits them, tells each its outcome, and goes on
//! until nobody is waiting. A turn whose caller is gone by then (aborted with the bot) is
//! dropped, not committed, as in a crash.
//!
//! [`Store::begin_turn`]: super::Store::begin_turn
//! [`Tx::later`]: super::Tx

use std::sync::Arc;

use anyhow::Context;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, Sqlite};
use tokio::sync::oneshot;

use super::tx::Writer;

/// The most turns committed in one go: a group that fails is committed again one by one, and
/// one statement cache miss per statement is paid either way (see `Writer::run_group`).
const MAX_GROUP: usize = 64;

/// An argument of a write queued for later: owned, so that a failed group can bind it again.
#[derive(Debug, Clone)]
pub enum Arg {
    Null,
    Int(i64),
    Real(f64),
    Text(Arc<str>),
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(v)
    }
}

impl From<i32> for Arg {
    fn from(v: i32) -> Arg {
        Arg::Int(v.into())
    }
}

impl From<bool> for Arg {
    fn from(v: bool) -> Arg {
        Arg::Int(v.into())
    }
}

impl From<f64> for Arg {
    fn from(v: f64) -> Arg {
        Arg::Real(v)
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.into())
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v.into())
    }
}

impl<T: Into<Arg>> From<Option<T>> for Arg {
    fn from(v: Option<T>) -> Arg {
        v.map_or(Arg::Null, Into::into)
    }
}

fn add(args: &mut SqliteArguments, arg: Arg) -> anyhow::Result<()> {
    match arg {
        Arg::Null => args.add(None::<i64>),
        Arg::Int(v) => args.add(v),
        Arg::Real(v) => args.add(v),
        Arg::Text(v) => args.add(v),
    }
    .map_err(|e| anyhow::anyhow!(e))
}

/// `args` as sqlx binds them.
pub(super) fn arguments(args: Vec<Arg>) -> anyhow::Result<SqliteArguments> {
    let mut out = SqliteArguments::default();
    out.reserve(args.len(), 0);
    for arg in args {
        add(&mut out, arg)?;
    }
    Ok(out)
}

/// One turn waiting to be committed: its statements (each ending in `;`), their arguments, and
/// where its outcome goes.
struct Waiting {
    sql: String,
    args: Vec<Arg>,
    done: oneshot::Sender<anyhow::Result<()>>,
}

/// The turns waiting, and whether a leader is running.
#[derive(Debug, Default)]
pub(super) struct Queue {
    waiting: Vec<WaitingSlot>,
    leading: bool,
}

// `Waiting` holds a oneshot sender, which is not `Debug`.
struct WaitingSlot(Waiting);

impl std::fmt::Debug for WaitingSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waiting")
    }
}

impl Writer {
    /// Commits `sql` (a turn's writes, each statement ending in `;`, no `BEGIN`) with `args`,
    /// together with whatever other turns are waiting; see the module comment.
    pub(super) async fn commit_grouped(
        self: &Arc<Self>,
        sql: String,
        args: Vec<Arg>,
    ) -> anyhow::Result<()> {
        let (done, outcome) = oneshot::channel();
        let lead = {
            let mut queue = self
                .group
                .lock()
                .expect("the group queue is never poisoned");
            queue.waiting.push(WaitingSlot(Waiting { sql, args, done }));
            !std::mem::replace(&mut queue.leading, true)
        };
        if lead {
            tokio::spawn(self.clone().lead());
        }
        outcome
            .await
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the commit was cut short")))
            .context("cannot commit")
    }

    async fn lead(self: Arc<Self>) {
        let mut conn: Option<PoolConnection<Sqlite>> = None;
        loop {
            // A connection before the write lock, in the order a chat's turn takes them (its own
            // connection, then the lock): the other order could wait on a turn that waits on us.
            let taken = match conn.take() {
                Some(conn) => Ok(conn),
                None => self.idle.acquire(&self.pool).await,
            };
            // The write lock, then the turns: those that queue meanwhile join this group.
            let writer = match &taken {
                Ok(_) => Some(tokio::time::timeout(super::tx::WRITER_WAIT, self.ordinary()).await),
                Err(_) => None,
            };
            let group: Vec<Waiting> = {
                let mut queue = self
                    .group
                    .lock()
                    .expect("the group queue is never poisoned");
                if queue.waiting.is_empty() {
                    queue.leading = false;
                    if let Ok(taken) = taken {
                        self.idle.release(taken);
                    }
                    return;
                }
                let n = queue.waiting.len().min(MAX_GROUP);
                // A turn nobody waits for any more (its task was aborted: the bot is being
                // stopped or killed) is not committed, as a crash would not have committed it;
                // its update is still in the inbox for the next start.
                queue
                    .waiting
                    .drain(..n)
                    .map(|w| w.0)
                    .filter(|w| !w.done.is_closed())
                    .collect()
            };
            if group.is_empty() {
                conn = taken.ok();
                continue;
            }
            let failure = match (taken, writer) {
                (Ok(taken), Some(Ok(_writer))) => {
                    conn = self.run_group(taken, group).await;
                    continue;
                }
                (Err(e), _) => format!("no connection to commit on: {e}"),
                (Ok(taken), _) => {
                    conn = Some(taken);
                    format!(
                        "the store is busy: no write turn for {:?}",
                        super::tx::WRITER_WAIT
                    )
                }
            };
            for waiting in group {
                let _ = waiting.done.send(Err(anyhow::anyhow!("{failure}")));
            }
        }
    }

    /// Commits `group` on `conn` (see the module comment); the connection back, unless it had to
    /// be closed.
    async fn run_group(
        &self,
        mut conn: PoolConnection<Sqlite>,
        group: Vec<Waiting>,
    ) -> Option<PoolConnection<Sqlite>> {
        if group.len() > 1 {
            let mut sql = String::from("BEGIN IMMEDIATE;\n");
            let mut args = SqliteArguments::default();
            let mut built = Ok(());
            for waiting in &group {
                sql.push_str(&waiting.sql);
                for arg in &waiting.args {
                    if built.is_ok() {
                        built = add(&mut args, arg.clone());
                    }
                }
            }
            sql.push_str("COMMIT");
            if built.is_ok() {
                // Not kept in sqlx's statement cache: a group's text is seldom seen twice, and
                // it would push out the statements that are.
                let done = sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
                    .persistent(false)
                    .execute(&mut *conn)
                    .await;
                match done {
                    Ok(_) => {
                        for waiting in group {
                            let _ = waiting.done.send(Ok(()));
                        }
                        return Some(conn);
                    }
                    Err(e) => {
                        log::debug!(
                            "a group commit of {} turns failed ({e}); committing them one by one",
                            group.len()
                        );
                        conn = match rolled_back(conn).await {
                            Some(conn) => conn,
                            None => match self.idle.acquire(&self.pool).await {
                                Ok(conn) => conn,
                                Err(e) => {
                                    for waiting in group {
                                        let _ = waiting.done.send(Err(anyhow::anyhow!(
                                            "no connection to commit on: {e}"
                                        )));
                                    }
                                    return None;
                                }
                            },
                        };
                    }
                }
            }
        }
        let mut group = group.into_iter();
        while let Some(waiting) = group.next() {
            let (outcome, back) = alone(conn, &waiting).await;
            let _ = waiting.done.send(outcome);
            conn = match back {
                Some(conn) => conn,
                None => match self.idle.acquire(&self.pool).await {
                    Ok(conn) => conn,
                    Err(e) => {
                        for waiting in group {
                            let _ = waiting
                                .done
                                .send(Err(anyhow::anyhow!("no connection to commit on: {e}")));
                        }
                        return None;
                    }
                },
            };
        }
        Some(conn)
    }
}

/// Commits one turn in a transaction of its own; the connection back, unless it had to be closed.
async fn alone(
    mut conn: PoolConnection<Sqlite>,
    waiting: &Waiting,
) -> (anyhow::Result<()>, Option<PoolConnection<Sqlite>>) {
    let mut args = SqliteArguments::default();
    for arg in &waiting.args {
        if let Err(e) = add(&mut args, arg.clone()) {
            return (Err(e), Some(conn));
        }
    }
    let sql = format!("BEGIN IMMEDIATE;\n{}COMMIT", waiting.sql);
    match sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
        .execute(&mut *conn)
        .await
    {
        Ok(_) => (Ok(()), Some(conn)),
        Err(e) => (Err(e.into()), rolled_back(conn).await),
    }
}

/// After a failed group or turn: the connection once rolled back, or `None` when even that failed
/// (it is closed, never reused mid-transaction).
async fn rolled_back(mut conn: PoolConnection<Sqlite>) -> Option<PoolConnection<Sqlite>> {
    match sqlx::query("ROLLBACK").execute(&mut *conn).await {
        Ok(_) => Some(conn),
        Err(_) => {
            // "no transaction is active" lands here too: SQLite already rolled back on its own.
            conn.close_on_drop();
            None
        }
    }
}
