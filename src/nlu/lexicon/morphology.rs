//! The lexicon's word forms: colloquial affix rules, the affixes to take off, prefixed verbs and
//! agent nouns, and the stem used for matching.

use super::{ColloquialKind, Lexicon};

impl Lexicon {
    /// The colloquial affix rules of one kind: each colloquial affix with its formal
    /// alternatives.
    pub fn colloquial(&self, kind: ColloquialKind) -> impl Iterator<Item = (&str, &[String])> {
        self.colloquial
            .iter()
            .filter(move |(k, _, _)| *k == kind)
            .map(|(_, c, f)| (c.as_str(), f.as_slice()))
    }

    /// Prefixes (with the root letter a nasal one replaced) and suffixes to try taking off.
    pub fn affixes(&self) -> (&[(String, Option<char>)], &[String]) {
        (&self.prefixes, &self.suffixes)
    }

    /// An Indonesian active or passive verb by its prefix ("memblokir", "menjual", "dijual").
    pub fn is_prefixed_verb(&self, w: &str) -> bool {
        has_prefix(w, &self.verb_prefixes)
    }

    /// An agent noun ("pendiri", "pemimpin", "pencipta").
    pub fn is_agent_noun(&self, w: &str) -> bool {
        has_prefix(w, &self.agent_prefixes)
    }

    /// The stem used for matching (see [`super::stem`]); function words keep their surface, and a
    /// root the dictionary lists (less a particle or possessive) wins over a stem that is no word.
    pub fn stem(&self, w: &str) -> String {
        self.with_stem(w, str::to_string)
    }

    /// `f` of the word's [`stem`](Lexicon::stem), without allocating one when this thread has
    /// stemmed the word before (a question's words are stemmed by many of its readings).
    pub fn with_stem<R>(&self, w: &str, f: impl FnOnce(&str) -> R) -> R {
        crate::nlu::stem::remembered(&self.key, w, f, |w| {
            if self.is_function(w) {
                w.to_string()
            } else {
                crate::nlu::stem::stem_listed(w, &self.enclitics, &self.lettered_prefixes, |r| {
                    self.facts(r).is_root()
                })
            }
        })
    }
}

/// A prefixed word whose root keeps at least four letters.
fn has_prefix(w: &str, prefixes: &[String]) -> bool {
    let n = w.chars().count();
    n >= 6
        && prefixes
            .iter()
            .any(|p| w.starts_with(p.as_str()) && n - p.len() >= 4)
}
