//! Which lexicon a thread's remembered readings (stems, the bridge's base forms) are of.

use std::sync::atomic::{AtomicU64, Ordering};

/// Tells lexicons apart for what a thread remembers of one (stems, the bridge's base forms): each
/// lexicon gets a key of its own.
pub(crate) struct LexiconKey(u64);

impl Default for LexiconKey {
    fn default() -> LexiconKey {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        LexiconKey(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

impl LexiconKey {
    pub(crate) fn value(&self) -> u64 {
        self.0
    }
}
