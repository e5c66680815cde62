//! The English→Indonesian bridge's look-ups: a headword as written, else its base form found
//! through the irregular forms of `lexicon/en/irregular.tsv` ("found" → "find") and the inflection
//! rules of `lexicon/en/inflections.tsv` ("users" → "user", "died" → "die", "weaker" → "weak").

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::Lexicon;

/// Words whose bridge base one thread remembers before starting afresh.
const REMEMBERED_WORDS: usize = 1 << 14;

thread_local! {
    /// Per word, the base form `english_of` finds its headword by (`None`: none), for the
    /// lexicon of the given key.
    static BRIDGED: RefCell<(u64, FxHashMap<String, Option<String>>)> =
        RefCell::new((0, FxHashMap::default()));
}

impl Lexicon {
    /// The bridge's Indonesian words for an English word, trying its base form when the inflected
    /// one is not listed ("becoming" → "become", "stores" → "store", "buried" → "bury").
    pub fn english_of(&self, w: &str) -> Option<&Vec<String>> {
        if let Some(t) = self.english.get(w) {
            return Some(t);
        }
        // The base a headword is found by, remembered per word: a question's words are bridged
        // by several of its readings, and finding bases costs many guesses.
        let known = BRIDGED.with_borrow(|(of, bases)| {
            (*of == self.key.value())
                .then(|| bases.get(w))
                .flatten()
                .map(|b| b.as_deref().and_then(|b| self.english.get(b)))
        });
        if let Some(found) = known {
            return found;
        }
        let base = self
            .english_bases(w)
            .into_iter()
            .find(|b| self.english.contains_key(b));
        let found = base.as_deref().and_then(|b| self.english.get(b));
        BRIDGED.with_borrow_mut(|(of, bases)| {
            if *of != self.key.value() || bases.len() >= REMEMBERED_WORDS {
                *of = self.key.value();
                bases.clear();
            }
            bases.insert(w.to_string(), base);
        });
        found
    }

    /// A bridge headword's later senses (past the first few the bridge reads everywhere), for the
    /// same word or its base form as `english_of` finds it.
    pub fn english_later_of(&self, w: &str) -> Vec<String> {
        let key = if self.english.contains_key(w) || self.english_later.contains_key(w) {
            Some(w.to_string())
        } else {
            self.english_bases(w)
                .into_iter()
                .find(|b| self.english.contains_key(b) || self.english_later.contains_key(b))
        };
        key.and_then(|k| self.english_later.get(&k).cloned())
            .unwrap_or_default()
    }

    /// The pivot dictionary's Indonesian words for an English word the bridge lacks, its base
    /// form tried as for the bridge ("receives" → "receive"); only for English questions.
    pub fn english_pivot_of(&self, w: &str) -> Option<&Vec<String>> {
        if self.english_of(w).is_some() {
            return None;
        }
        std::iter::once(w.to_string())
            .chain(self.english_bases(w))
            .find_map(|b| self.english_pivot.get(&b))
    }

    /// The wordnet's Indonesian lemmas for an English word's most frequent sense (a lemma of
    /// several words whole), for the word as written or, when it has no row, its base form
    /// ("households" → "household").
    pub fn english_wordnet_of(&self, w: &str) -> &[String] {
        std::iter::once(w.to_string())
            .chain(self.english_bases(w))
            .find_map(|b| self.english_wordnet.get(&b))
            .map_or(&[], Vec::as_slice)
    }

    /// The bridge's key for two English words that mean more together ("turn into", "turned
    /// into", "hands over"), when it lists them as a phrase.
    pub fn english_phrase(&self, first: &str, second: &str) -> Option<String> {
        if !self.phrase_ends.contains(second) {
            return None;
        }
        std::iter::once(first.to_string())
            .chain(self.english_bases(first))
            .map(|f| format!("{f} {second}"))
            .find(|p| self.english.contains_key(p))
    }

    /// Base forms of an inflected English word ("becoming" → "become", "stores" → "store"), then
    /// those of a base that is itself derived: a plural agent noun the bridge lacks is its verb
    /// ("gamblers" → "gambler" → "gamble"), a plural comparative its adjective. Nearer bases first.
    /// A British spelling is tried in its American form first ("colour" → "color", "colours" →
    /// "colors" → "color").
    pub(super) fn english_bases(&self, w: &str) -> Vec<String> {
        // (Built in place, by position, without copies of the lists: asked for most words.)
        let mut bases = self.spelling_variants_of(w);
        let variants = bases.len();
        bases.extend(self.english_bases_once(w));
        for v in 0..variants {
            let more = self.english_bases_once(&bases[v]);
            bases.extend(more);
        }
        for b in 0..bases.len() {
            for d in self.english_bases_once(&bases[b]) {
                if d != w && !bases.contains(&d) {
                    bases.push(d);
                }
            }
        }
        bases
    }

    /// The word with each British spelling of `spelling-variants.tsv` in its American form.
    fn spelling_variants_of(&self, w: &str) -> Vec<String> {
        if w.len() < 5 {
            return Vec::new();
        }
        // Asked for every word of every question (an Indonesian one's too, as a miss): a byte
        // scan of a short word, not a substring searcher set up per variant.
        let holds = |from: &str| {
            let from = from.as_bytes();
            from.first().is_none_or(|&f| {
                w.as_bytes()
                    .windows(from.len())
                    .any(|x| x[0] == f && x == from)
            })
        };
        self.spelling_variants
            .iter()
            .filter(|(from, _)| holds(from))
            .map(|(from, to)| w.replace(from.as_str(), to))
            .collect()
    }

    /// One layer of `english_bases`: the irregular form's base, else the suffix rules' guesses.
    fn english_bases_once(&self, w: &str) -> Vec<String> {
        let mut bases: Vec<String> = self.irregular.get(w).cloned().unwrap_or_default();
        bases.extend(stripped(w, &self.inflections));
        bases
    }

    /// The bridge's Indonesian words for an English word made from a headword by a derivational
    /// suffix ("provincial" → "province", "payments" → "payment" → "pay"), for a word neither the
    /// bridge nor the pivot dictionary lists, as written or inflected.
    pub fn english_derived_of(&self, w: &str) -> Option<&Vec<String>> {
        if self.english_of(w).is_some() || self.english_pivot_of(w).is_some() {
            return None;
        }
        std::iter::once(w.to_string())
            .chain(self.english_bases(w))
            .flat_map(|b| stripped(&b, &self.derivations))
            .find_map(|d| self.english.get(&d))
    }

    /// How Indonesian would spell an English word it borrowed, by the regular correspondences of
    /// `loan-spelling.tsv` ("evacuations" → "evakuasi", "economist" → "ekonomis", "ekonom"): guesses
    /// that the caller keeps only where the articles use them.
    pub fn english_loans(&self, w: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for base in std::iter::once(w.to_string()).chain(self.english_bases(w)) {
            out.push(self.loan_spell(&base));
            if let Some((from, to)) = self
                .loan_endings
                .iter()
                .filter(|(from, _)| base.len() >= from.len() + 3 && base.ends_with(from.as_str()))
                .max_by_key(|(from, _)| from.len())
            {
                let rest = self.loan_spell(&base[..base.len() - from.len()]);
                out.extend(to.iter().map(|t| format!("{rest}{t}")));
            }
        }
        // The first of each guess, in order: a handful of them, a list beats a hashed set.
        let mut kept: Vec<String> = Vec::with_capacity(out.len());
        for c in out {
            if c.len() >= 4 && c != w && !kept.contains(&c) {
                kept.push(c);
            }
        }
        kept
    }

    /// An English spelling in Indonesian letters ("technolog" → "teknolog"), a doubled consonant
    /// written once ("commut" → "komut").
    fn loan_spell(&self, w: &str) -> String {
        let mut s = w.to_string();
        // The word's bytes as a set: a rule opening with a byte the word lacks is passed over
        // without a scan (most rules are), the set made again after a rule rewrites the word.
        let mut bytes = byte_set(&s);
        for (from, to) in &self.loan_spelling {
            if from
                .as_bytes()
                .first()
                .is_some_and(|&b| bytes[usize::from(b >> 6)] & (1 << (b & 63)) == 0)
            {
                continue;
            }
            // Most rules are absent from a short word: a byte scan first, not a new string and
            // a substring searcher per rule.
            if holds(&s, from) {
                s = s.replace(from.as_str(), to);
                bytes = byte_set(&s);
            }
        }
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if out.ends_with(c) && !crate::nlu::text::is_vowel(c) {
                continue;
            }
            out.push(c);
        }
        out
    }
}

/// The bytes of `w`, one bit each.
fn byte_set(w: &str) -> [u64; 4] {
    let mut set = [0u64; 4];
    for &b in w.as_bytes() {
        set[usize::from(b >> 6)] |= 1 << (b & 63);
    }
    set
}

/// Whether `w` holds `part` (an empty part anywhere), by a byte scan of a short word.
fn holds(w: &str, part: &str) -> bool {
    let part = part.as_bytes();
    part.first().is_none_or(|&f| {
        w.as_bytes()
            .windows(part.len())
            .any(|x| x[0] == f && x == part)
    })
}

/// A word's guessed bases under suffix rules (suffix, replacements): each rule whose suffix the
/// word ends in, leaving three letters at least; a doubled final consonant left is also tried
/// single ("stopping" → "stop") where the rule may strip the suffix bare: a rule that restores
/// letters ("ied" → "y") leaves no doubled consonant ("carried" is "carry", not "car").
fn stripped(w: &str, rules: &[(String, Vec<String>)]) -> Vec<String> {
    let mut bases = Vec::new();
    // The last letter first: most rules' suffixes end in another, and a suffix comparison is a
    // call.
    let last = w.as_bytes().last();
    for (suffix, replacements) in rules {
        if suffix.as_bytes().last().is_some_and(|b| last != Some(b)) {
            continue;
        }
        if let Some(stem) = w.strip_suffix(suffix.as_str())
            && stem.len() >= 3
        {
            bases.extend(replacements.iter().map(|r| format!("{stem}{r}")));
            let b = stem.as_bytes();
            let bare = replacements.iter().any(String::is_empty);
            if bare && b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                bases.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    bases
}
