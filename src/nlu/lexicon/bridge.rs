//! The English→Indonesian bridge's look-ups: a headword as written, else its base form found
//! through the inflection rules of `lexicon/en/inflections.tsv` ("users" → "user", "died" → "die").

use super::Lexicon;

impl Lexicon {
    /// The bridge's Indonesian words for an English word, trying its base form when the inflected
    /// one is not listed ("becoming" → "become", "stores" → "store", "buried" → "bury").
    pub fn english_of(&self, w: &str) -> Option<&Vec<String>> {
        if let Some(t) = self.english.get(w) {
            return Some(t);
        }
        self.english_bases(w)
            .iter()
            .find_map(|b| self.english.get(b))
    }

    /// The bridge's key for two English words that mean more together ("turn into", "turned
    /// into", "hands over"), when it lists them as a phrase.
    pub fn english_phrase(&self, first: &str, second: &str) -> Option<String> {
        std::iter::once(first.to_string())
            .chain(self.english_bases(first))
            .map(|f| format!("{f} {second}"))
            .find(|p| self.english.contains_key(p))
    }

    /// Base forms of an inflected English word ("becoming" → "become", "stores" → "store").
    pub(super) fn english_bases(&self, w: &str) -> Vec<String> {
        let mut bases: Vec<String> = Vec::new();
        for (suffix, replacements) in &self.inflections {
            if let Some(stem) = w.strip_suffix(suffix.as_str())
                && stem.len() >= 3
            {
                bases.extend(replacements.iter().map(|r| format!("{stem}{r}")));
                // "stopping" → "stop"
                let b = stem.as_bytes();
                if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                    bases.push(stem[..stem.len() - 1].to_string());
                }
            }
        }
        bases
    }
}
