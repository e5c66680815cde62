//! A group commit's statements run on the committing task's own thread, through the SQLite handle
//! sqlx lends out (`SqliteConnection::lock_handle`), instead of as a query on the connection's
//! worker thread. sqlx's thread sends every statement's result back through a channel, and each
//! send can wake the waiting task: a group of a few dozen turns is a few hundred statements, and
//! those wake-ups (thread switches in the kernel) were the largest cost of a turn under load
//! (BENCHMARKS.md, issue 9). Lending the handle costs one round trip to that thread, whatever the
//! number of statements.
//!
//! The statements run exactly as sqlx would run them: in order, `?` arguments bound across them
//! by position, stopping at the first error (the transaction then stays open for the caller to
//! roll back). Rows a statement returns are stepped through and ignored.

use std::ffi::{CStr, c_char, c_int};
use std::ptr;

use anyhow::Context;
use libsqlite3_sys as ffi;
use sqlx::SqliteConnection;

use super::group::Arg;

/// Runs `sql` (statements, `?` placeholders only) with `args` on `conn`; see the module comment.
pub(super) async fn run(
    conn: &mut SqliteConnection,
    sql: &str,
    args: &[&Arg],
) -> anyhow::Result<()> {
    let mut handle = conn
        .lock_handle()
        .await
        .context("the connection's thread is gone")?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: while `handle` lives, sqlx's thread makes no call on this connection or its
    // statements (the lock it hands over), and nothing else has the pointer.
    let work = || unsafe { run_on(db, sql, args) };
    // A statement may wait for another process's lock (`busy_timeout`): on a multi-threaded
    // runtime the worker's other tasks move to another thread meanwhile.
    match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
        _ => work(),
    }
}

/// A prepared statement, finalized when dropped.
struct Statement(*mut ffi::sqlite3_stmt);

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: prepared on a connection that is still locked for us, finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.0);
        }
    }
}

/// # Safety
/// `db` is an open connection nobody else uses until this returns.
unsafe fn run_on(db: *mut ffi::sqlite3, sql: &str, args: &[&Arg]) -> anyhow::Result<()> {
    let mut rest = sql.as_bytes();
    let mut next = 0;
    while !rest.is_empty() {
        let mut raw: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let mut tail: *const c_char = ptr::null();
        let len = c_int::try_from(rest.len()).context("a group's SQL is too long")?;
        // SAFETY: `rest` is valid for `len` bytes; SQLite sets `tail` inside them.
        let rc =
            unsafe { ffi::sqlite3_prepare_v2(db, rest.as_ptr().cast(), len, &mut raw, &mut tail) };
        if rc != ffi::SQLITE_OK {
            return Err(unsafe { error(db, rc) });
        }
        // SAFETY: `tail` points into `rest` (at its end when everything was read).
        let used = unsafe { tail.cast::<u8>().offset_from(rest.as_ptr()) };
        let used = usize::try_from(used).unwrap_or(rest.len()).min(rest.len());
        rest = &rest[used..];
        if raw.is_null() {
            // Only white space or a comment was left.
            if used == 0 {
                break;
            }
            continue;
        }
        let statement = Statement(raw);
        let wanted = unsafe { ffi::sqlite3_bind_parameter_count(statement.0) };
        for index in 1..=wanted {
            let arg = args.get(next).with_context(|| {
                format!("a group's SQL wants more than {} arguments", args.len())
            })?;
            next += 1;
            // SAFETY: `statement` is live; text is bound without a copy (`SQLITE_STATIC`) and
            // `args` outlives the statement, which is finalized before this function returns.
            let rc = unsafe {
                match arg {
                    Arg::Null => ffi::sqlite3_bind_null(statement.0, index),
                    Arg::Int(v) => ffi::sqlite3_bind_int64(statement.0, index, *v),
                    Arg::Real(v) => ffi::sqlite3_bind_double(statement.0, index, *v),
                    Arg::Text(v) => ffi::sqlite3_bind_text(
                        statement.0,
                        index,
                        v.as_ptr().cast(),
                        c_int::try_from(v.len()).context("an argument is too long")?,
                        ffi::SQLITE_STATIC(),
                    ),
                }
            };
            if rc != ffi::SQLITE_OK {
                return Err(unsafe { error(db, rc) });
            }
        }
        loop {
            // SAFETY: `statement` is live and bound.
            match unsafe { ffi::sqlite3_step(statement.0) } {
                ffi::SQLITE_ROW => {}
                ffi::SQLITE_DONE => break,
                rc => return Err(unsafe { error(db, rc) }),
            }
        }
    }
    anyhow::ensure!(
        next == args.len(),
        "a group's SQL used {next} of its {} arguments",
        args.len()
    );
    Ok(())
}

/// SQLite's message for the last failure on `db`.
///
/// # Safety
/// `db` is an open connection nobody else uses meanwhile.
unsafe fn error(db: *mut ffi::sqlite3, rc: c_int) -> anyhow::Error {
    // SAFETY: SQLite returns a NUL-terminated message that lives until the next call on `db`;
    // it is copied at once.
    let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db)) }
        .to_string_lossy()
        .into_owned();
    let code = unsafe { ffi::sqlite3_extended_errcode(db) };
    anyhow::anyhow!("{message} (SQLite code {code}, step {rc})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection;

    async fn memory() -> SqliteConnection {
        SqliteConnection::connect("sqlite::memory:")
            .await
            .expect("an in-memory database")
    }

    #[tokio::test]
    async fn arguments_are_bound_across_statements_in_order() {
        let mut conn = memory().await;
        let (one, two, text, none) = (Arg::Int(1), Arg::Real(2.5), Arg::from("b'c"), Arg::Null);
        run(
            &mut conn,
            "CREATE TABLE t (a, b);\nINSERT INTO t VALUES (?, ?);\nINSERT INTO t VALUES (?, ?);\n",
            &[&one, &two, &text, &none],
        )
        .await
        .unwrap();
        let rows: Vec<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT CAST(a AS TEXT), CAST(b AS TEXT) FROM t ORDER BY rowid")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        assert_eq!(
            rows,
            vec![
                (Some("1".into()), Some("2.5".into())),
                (Some("b'c".into()), None)
            ]
        );
    }

    #[tokio::test]
    async fn the_first_failing_statement_stops_the_rest_and_says_why() {
        let mut conn = memory().await;
        let (one, two) = (Arg::Int(1), Arg::Int(2));
        let error = run(
            &mut conn,
            "CREATE TABLE t (a CHECK (a < 2));\nINSERT INTO t VALUES (?);\n\
             INSERT INTO t VALUES (?);\nINSERT INTO t VALUES (1);\n",
            &[&one, &two],
        )
        .await
        .unwrap_err();
        assert!(error.to_string().contains("CHECK"), "{error}");
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(n, 1, "the statement after the failure did not run");
    }

    #[tokio::test]
    async fn too_few_or_too_many_arguments_are_an_error() {
        let mut conn = memory().await;
        let one = Arg::Int(1);
        assert!(run(&mut conn, "SELECT ?, ?;", &[&one]).await.is_err());
        assert!(run(&mut conn, "SELECT ?;", &[&one, &one]).await.is_err());
    }
}
