//! Test helpers for the nlu unit tests: the seed page as the store would hold it, parsed by the
//! real parser.

use chrono::{TimeZone, Utc};
use std::sync::Arc;

use super::index::Index;
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

/// A plain-text article (title, blank line, paragraphs) as the store would hold it.
pub fn plain_article(id: i64, text: &str) -> Article {
    Article {
        id,
        imported_at: Utc.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap(),
        content_hash: content::content_hash(text.as_bytes()),
        parsed: content::parse(text.as_bytes()).expect("the plain article parses"),
    }
}

/// Eleven copies of the seed page and one article about an earthquake in a made-up town: an archive
/// large enough for document frequency to say which words are rare.
pub fn archive_with_one_quake() -> Vec<Article> {
    seed_archive_and(&[
        "Gempa guncang Sukamakmur\n\nGempa bermagnitudo 4,8 mengguncang Sukamakmur pada Senin siang.\n",
    ])
}

/// Eleven copies of the seed page, then `texts` as plain articles (ids 12, 13, …): an archive
/// large enough for document frequency to say which words are rare.
pub fn seed_archive_and(texts: &[&str]) -> Vec<Article> {
    let mut articles: Vec<Article> = (1..=11).map(seed_article).collect();
    articles.extend((12..).zip(texts).map(|(id, text)| plain_article(id, text)));
    articles
}

/// The index of [`seed_archive_and`]`(texts)`, built with the built-in lexicon.
pub fn seed_archive_index(texts: &[&str]) -> Index {
    Index::build(&seed_archive_and(texts), std::iter::empty(), lexicon())
}

/// The built-in lexicon, as the engine is built with it.
pub fn lexicon() -> Arc<Lexicon> {
    Arc::new(Lexicon::builtin())
}

/// The index of one plain-text article, built with the built-in lexicon.
pub fn one_article_index(text: &str) -> Index {
    Index::build(&[plain_article(1, text)], std::iter::empty(), lexicon())
}
