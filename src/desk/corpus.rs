//! The articles the desk answers from and what is built from them (the engine, the suggested
//! questions), swapped as a whole when content changes.

use std::sync::Arc;

use anyhow::Context;

use super::suggest;
use crate::content::Article;
use crate::nlu::{Engine, Intents, Lang, Lexicon};
use crate::store::Store;

/// The articles and the engine built from them, swapped as a whole when content changes.
pub(super) struct Content {
    pub engine: Arc<Engine>,
    /// Newest first (by publication date, then import).
    pub articles: Vec<Article>,
    /// Suggested questions for `/start`, per language (index: [`lang_slot`]).
    pub suggestions: [Vec<String>; 2],
}

pub(super) fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Id => 0,
        Lang::En => 1,
    }
}
/// The store's articles and the engine over them, built off the async runtime: indexing 10,000
/// articles takes seconds of CPU, which must not stall the runtime's threads.
pub(super) async fn load_content(
    store: &Store,
    intents: &Arc<Intents>,
    lexicon: &Arc<Lexicon>,
) -> anyhow::Result<Content> {
    let articles = store.articles().await.context("cannot load the articles")?;
    let (intents, lexicon) = (intents.clone(), lexicon.clone());
    tokio::task::spawn_blocking(move || build_content(articles, &intents, &lexicon))
        .await
        .context("the index rebuild failed")
}

pub(super) fn build_content(
    mut articles: Vec<Article>,
    intents: &Arc<Intents>,
    lexicon: &Arc<Lexicon>,
) -> Content {
    articles.sort_by(|a, b| {
        b.parsed
            .published_at
            .cmp(&a.parsed.published_at)
            .then(b.imported_at.cmp(&a.imported_at))
    });
    let engine = Arc::new(Engine::build(intents.clone(), lexicon.clone(), &articles));
    let suggestions = [
        suggest::suggestions(&engine, intents, &articles, Lang::Id),
        suggest::suggestions(&engine, intents, &articles, Lang::En),
    ];
    Content {
        engine,
        articles,
        suggestions,
    }
}
