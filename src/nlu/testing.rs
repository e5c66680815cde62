//! Test helpers for the nlu unit tests: the seed page as the store would hold it, parsed by the
//! real parser.

use chrono::{TimeZone, Utc};
use std::sync::Arc;

use super::lexicon::Lexicon;
use crate::content::{self, Article};

const SEED: &[u8] = include_bytes!("../../content/kontan-whatsapp-privasi-2021.txt");

pub fn seed_article(id: i64) -> Article {
    Article {
        id,
        imported_at: Utc.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap(),
        content_hash: content::content_hash(SEED),
        parsed: content::parse(SEED).expect("the seed page parses"),
    }
}

/// The built-in lexicon, as the engine is built with it.
pub fn lexicon() -> Arc<Lexicon> {
    Arc::new(Lexicon::builtin())
}
