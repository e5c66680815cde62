//! The lexicon's plain word lists as bits of one map: which lists hold a word (a root of the
//! dictionary, a formal word, an English word, a language's function word or hint), so that the
//! question of any of them, or of several at once, costs one look-up.

use rustc_hash::FxHashMap as HashMap;

use crate::nlu::lang::Lang;

/// Each word of the lists, with the lists holding it.
#[derive(Default)]
pub(super) struct WordLists(HashMap<String, u8>);

/// A root of the Indonesian word list (hunspell-id).
pub(super) const ROOT: u8 = 1 << 0;
/// A formal word: a right side of the slang lists, a word of the synonym groups.
pub(super) const FORMAL: u8 = 1 << 1;
/// An English word as spelt (SCOWL, inflected forms too).
pub(super) const ENGLISH: u8 = 1 << 2;

/// A language's function words.
pub(super) fn function(lang: Lang) -> u8 {
    match lang {
        Lang::Id => 1 << 3,
        Lang::En => 1 << 4,
    }
}

/// A language's hints.
pub(super) fn hint(lang: Lang) -> u8 {
    match lang {
        Lang::Id => 1 << 5,
        Lang::En => 1 << 6,
    }
}

impl WordLists {
    /// Adds the lists in `bits` to each word's.
    pub(super) fn mark(&mut self, words: impl IntoIterator<Item = String>, bits: u8) {
        for w in words {
            *self.0.entry(w).or_default() |= bits;
        }
    }

    /// The word's bits (none for a word of no list).
    pub(super) fn of(&self, w: &str) -> WordFacts {
        WordFacts(self.0.get(w).copied().unwrap_or(0))
    }
}

/// What [`WordLists`] holds of one word.
#[derive(Clone, Copy)]
pub struct WordFacts(u8);

impl WordFacts {
    fn any(self, bits: u8) -> bool {
        self.0 & bits != 0
    }

    /// A root or a formal word: see [`Lexicon::is_real_word`](super::Lexicon::is_real_word).
    pub fn is_real_word(self) -> bool {
        self.any(ROOT | FORMAL)
    }

    pub fn is_root(self) -> bool {
        self.any(ROOT)
    }

    /// In the English word list (the bridge's headwords are
    /// [`Lexicon::is_english_word`](super::Lexicon::is_english_word)'s too).
    pub fn is_english_word(self) -> bool {
        self.any(ENGLISH)
    }

    pub fn function_in(self, lang: Lang) -> bool {
        self.any(function(lang))
    }

    pub fn hint_in(self, lang: Lang) -> bool {
        self.any(hint(lang))
    }
}
