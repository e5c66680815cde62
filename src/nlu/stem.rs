//! Indonesian stemming with guards. Snowball's Indonesian stemmer (frostem) over-strips
//! (pengiriman → irim, berapakah → apa), so short words are left alone and a stem shorter than
//! [`MIN_STEM`] letters falls back to the surface form; function words are guarded by
//! [`Lexicon::stem`](super::lexicon::Lexicon::stem), the entry point. Callers index both.

use frostem::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Shorter results are more often wrong than right ("pesan" → "pes").
const MIN_STEM: usize = 4;
/// Words whose stems one thread remembers before starting afresh (a few MiB at most).
const CACHE_WORDS: usize = 1 << 16;

thread_local! {
    /// Snowball costs far more than a look-up, and the same paragraph words are stemmed again for
    /// every question that reads their article's sentences.
    static CACHE: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::new(Algorithm::Indonesian))
}

/// The stem used for matching: surface for words with digits and short words.
pub(super) fn stem(word: &str) -> String {
    with_stem(word, str::to_string)
}

/// `f` of the word's [`stem`], without allocating one when the stem is known already.
pub(super) fn with_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let chars = word.chars().count();
    if chars <= MIN_STEM || word.chars().any(|c| !c.is_alphabetic()) {
        return f(word);
    }
    CACHE.with_borrow_mut(|cache| {
        if let Some(known) = cache.get(word) {
            return f(known);
        }
        let stemmed = stemmer().stem(word);
        let out = if stemmed.chars().count() < MIN_STEM {
            word.to_string()
        } else {
            stemmed.into_owned()
        };
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        let result = f(&out);
        cache.insert(word.to_string(), out);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_are_removed() {
        assert_eq!(stem("membagikan"), "bagi");
        assert_eq!(stem("diakuisisi"), "akuisisi");
        assert_eq!(stem("percakapan"), "cakap");
    }

    #[test]
    fn function_words_and_short_words_are_protected() {
        let lx = crate::nlu::lexicon::Lexicon::builtin();
        assert_eq!(lx.stem("berapakah"), "berapakah");
        assert_eq!(stem("whatsapp"), "whatsapp");
        assert_eq!(stem("pesan"), "pesan");
        assert_eq!(stem("2014"), "2014");
    }
}
