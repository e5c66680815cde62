//! [`Settle`]: how an adapter joins the desk's transaction. Whatever a turn decided — state
//! changes and the replies to deliver — commits as one unit with the adapter's own bookkeeping
//! (its inbox row marked handled, its replies queued for sending), so a crash never keeps one
//! without the other. The desk does not know what the adapter writes. [`Push`] is the same for
//! messages nobody asked for (the feed poller's notices and review previews).

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};

use super::Reply;
use crate::store::Tx;

/// A boxed future borrowing the transaction (object-safe, so the desk can take `&dyn Settle`).
pub type Settling<'a> = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send + 'a>>;

/// Runs inside a desk transaction, right before it commits, with every reply of the turn.
pub trait Settle: Send + Sync {
    fn settle<'a>(
        &'a self,
        tx: &'a mut Tx,
        replies: &'a [Reply],
        now: DateTime<Utc>,
    ) -> Settling<'a>;
}

/// Nothing to add: the replies are returned to the caller, who delivers them (console, tests).
pub struct ReturnOnly;

impl Settle for ReturnOnly {
    fn settle<'a>(&'a self, _: &'a mut Tx, _: &'a [Reply], _: DateTime<Utc>) -> Settling<'a> {
        Box::pin(async { Ok(()) })
    }
}

/// Where the messages the desk sends on its own go — those that answer no input (the feed
/// poller's notices to subscribers, review previews to admins): [`Settle::settle`] queues them in
/// the transaction that caused them, and [`Push::committed`] is called once it committed (an
/// adapter wakes its sender there).
pub trait Push: Settle {
    fn committed(&self);
}

impl Push for ReturnOnly {
    fn committed(&self) {}
}
