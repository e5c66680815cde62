//! The slang map's readings of a word: its formal forms, collected or checked in place.

use super::Lexicon;

impl Lexicon {
    /// Whole-token slang replacement: one informal word may become several formal ones.
    pub fn deslang<'a>(&'a self, word: &'a str) -> Vec<&'a str> {
        match self.slang.get(word) {
            Some(formal) => formal.iter().map(String::as_str).collect(),
            None => vec![word],
        }
    }

    /// The word's formal form where the slang map gives one alone and it is another word: what
    /// a one-element [`deslang`](Lexicon::deslang) other than the word tells, without collecting.
    pub fn respelt(&self, word: &str) -> Option<&str> {
        match self.slang.get(word)?.as_slice() {
            [one] if one != word => Some(one),
            _ => None,
        }
    }

    /// The first of the word's formal forms as [`deslang`](Lexicon::deslang) gives them, without
    /// collecting them.
    pub fn first_formal<'a>(&'a self, word: &'a str) -> Option<&'a str> {
        match self.slang.get(word) {
            Some(formal) => formal.first().map(String::as_str),
            None => Some(word),
        }
    }

    /// Whether any of the word's formal forms as [`deslang`](Lexicon::deslang) gives them passes
    /// `f`, without collecting them.
    pub fn any_formal(&self, word: &str, f: impl FnMut(&str) -> bool) -> bool {
        match self.slang.get(word) {
            Some(formal) => formal.iter().map(String::as_str).any(f),
            None => std::iter::once(word).any(f),
        }
    }
}
