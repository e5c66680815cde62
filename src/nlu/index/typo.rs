//! Typo correction against the index's vocabulary (the articles' words and configured words).

use super::super::text;
use super::Index;

/// The typo-correction vocabulary (the articles' words and configured words), filed by first
/// letter and length: a misspelt word is compared with the words of its own first letter and a
/// length within the edit distance only, and each word's letters are kept as a bit mask so that
/// most of those are passed over without a distance computed.
#[derive(Default)]
pub(super) struct TypoVocab {
    /// Sorted by first letter, length in letters, then the word itself.
    words: Vec<Box<str>>,
    /// Per word: [`letter_mask`], 0 for a word outside ASCII (no bound then).
    masks: Vec<u64>,
    /// Per (first letter, length), sorted: where its run of `words` ends.
    runs: Vec<(char, usize, u32)>,
}

impl TypoVocab {
    pub(super) fn new(mut words: Vec<String>) -> TypoVocab {
        let key = |w: &str| (w.chars().next(), w.chars().count());
        words.sort_unstable_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.cmp(b)));
        words.dedup();
        let mut runs: Vec<(char, usize, u32)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let (Some(first), len) = key(w) else { continue };
            match runs.last_mut() {
                Some(run) if run.0 == first && run.1 == len => run.2 = i as u32 + 1,
                _ => runs.push((first, len, i as u32 + 1)),
            }
        }
        TypoVocab {
            masks: words.iter().map(|w| letter_mask(w)).collect(),
            words: words.into_iter().map(String::into_boxed_str).collect(),
            runs,
        }
    }

    /// The words of one first letter and length.
    fn run(&self, first: char, len: usize) -> std::ops::Range<usize> {
        let at = self.runs.partition_point(|r| (r.0, r.1) < (first, len));
        match self.runs.get(at) {
            Some(&(f, l, _)) if f == first && l == len => self.run_at(at),
            _ => 0..0,
        }
    }

    /// The words of the `k`-th run.
    fn run_at(&self, k: usize) -> std::ops::Range<usize> {
        let start = k.checked_sub(1).map_or(0, |j| self.runs[j].2);
        start as usize..self.runs[k].2 as usize
    }

    /// The words opening with `prefix` that are at least `len` letters long (`prefix`'s first
    /// letter's runs from that length on, each searched for the prefix).
    fn opening<'v>(&'v self, prefix: &'v str, len: usize) -> impl Iterator<Item = &'v str> + 'v {
        let first = prefix.chars().next();
        let from = first.map_or(self.runs.len(), |f| {
            self.runs.partition_point(|r| (r.0, r.1) < (f, len))
        });
        (from..self.runs.len())
            .take_while(move |&k| Some(self.runs[k].0) == first)
            .flat_map(move |k| {
                let run = &self.words[self.run_at(k)];
                let at = run.partition_point(|w| **w < *prefix);
                run[at..]
                    .iter()
                    .take_while(move |w| w.starts_with(prefix))
                    .map(|w| &**w)
            })
    }

    fn contains(&self, word: &str) -> bool {
        let Some(first) = word.chars().next() else {
            return false;
        };
        let run = &self.words[self.run(first, word.chars().count())];
        run.binary_search_by(|w| (**w).cmp(word)).is_ok()
    }
}

/// Which ASCII letters a word holds, one bit per letter (folded onto 64 bits: two letters on one
/// bit only weaken the bound); 0 when the word has a letter outside ASCII. Each edit removes at
/// most one kind of letter and adds at most one, so the kinds one word holds and the other lacks
/// are no more than the edits between them.
fn letter_mask(word: &str) -> u64 {
    let mut mask = 0u64;
    for b in word.bytes() {
        if !b.is_ascii() {
            return 0;
        }
        mask |= 1 << (b & 63);
    }
    mask
}

impl Index {
    /// Whether the typo-correction vocabulary (content + configured words) holds the word.
    pub fn knows(&self, word: &str) -> bool {
        self.vocab.contains_key(word) || self.typo_vocab.contains(word)
    }

    /// The closest vocabulary word within edit distance 1 (2 from 8 letters), sharing the first
    /// letter (readers rarely mistype it, and it keeps the scan to a few runs of the vocabulary).
    /// Ties go first to a word holding every letter typed, in order: chat leaves a letter out far
    /// more often than it types a wrong one, so a word short of one letter ("xyzw" for "xyzaw")
    /// is read as that word, not as another with a letter replaced ("xyzm") however common;
    /// then to the word found in more passages, then to the first in alphabetical order.
    pub fn correct(&self, word: &str, accept: impl Fn(&str) -> bool) -> Option<String> {
        let len = word.chars().count();
        if len < 4 {
            return None;
        }
        let max = if len >= 8 { 2 } else { 1 };
        let first = word.chars().next()?;
        let vocab = &self.typo_vocab;
        let mut best: Option<(usize, bool, u32, &str)> = None;
        let letters = text::letter_counts(word);
        let mask = letter_mask(word);
        for clen in len - max..=len + max {
            for i in vocab.run(first, clen) {
                let candidate = &*vocab.words[i];
                let other = vocab.masks[i];
                // The caller's filter is a hash look-up; the edit distance is the dear part, and
                // no fewer edits than the letters one word has and the other lacks: first by
                // kinds of letter (two instructions), then by counts.
                if (mask != 0
                    && other != 0
                    && ((mask & !other).count_ones() as usize > max
                        || (other & !mask).count_ones() as usize > max))
                    || letters.as_ref().is_some_and(|a| {
                        text::letter_counts(candidate)
                            .is_some_and(|b| text::bag_distance(a, &b) > max)
                    })
                    || !accept(candidate)
                {
                    continue;
                }
                // Two edits are trusted only when the word starts the same way ("depostio").
                if clen.abs_diff(len) == 2 || len >= 8 {
                    let mut a = word.chars();
                    let mut b = candidate.chars();
                    a.next();
                    b.next();
                    if a.next() != b.next() && strsim::damerau_levenshtein(word, candidate) > 1 {
                        continue;
                    }
                }
                let d = strsim::damerau_levenshtein(word, candidate);
                if d == 0 || d > max {
                    continue;
                }
                // Only a candidate at the best distance so far needs the letter check.
                if best.is_some_and(|(bd, ..)| d > bd) {
                    continue;
                }
                let df = self.term(candidate).map_or(0, |t| self.df[t as usize]);
                let kept = clen > len && holds_in_order(candidate, word);
                let better = match best {
                    None => true,
                    Some((bd, bkept, bdf, bw)) => {
                        d < bd
                            || (d == bd
                                && ((kept, df) > (bkept, bdf)
                                    || ((kept, df) == (bkept, bdf) && candidate < bw)))
                    }
                };
                if better {
                    best = Some((d, kept, df, candidate));
                }
            }
        }
        best.map(|(.., w)| w.to_string())
    }
}

/// How many letters a reader's clipping leaves off at least ("sekre" of a word three or more
/// letters longer): fewer is a word short of a letter or two, which [`Index::correct`] reads.
const CLIPPED_LETTERS: usize = 3;

impl Index {
    /// The article word a reader clipped to its opening letters ("sekre", "kabupa"): among the
    /// vocabulary words at least [`CLIPPED_LETTERS`] longer that open with it, the one the most
    /// passages hold; a tie completes nothing. Words of four letters or fewer open too many.
    pub fn complete(&self, clipped: &str, accept: impl Fn(&str) -> bool) -> Option<String> {
        let len = clipped.chars().count();
        if len < 5 {
            return None;
        }
        let mut best: Option<(u32, &str)> = None;
        let mut tied = false;
        for w in self.typo_vocab.opening(clipped, len + CLIPPED_LETTERS) {
            let Some(id) = self.term(w).filter(|_| accept(w)) else {
                continue;
            };
            let df = self.df[id as usize];
            match best {
                Some((b, _)) if b > df => {}
                Some((b, _)) if b == df => tied = true,
                _ => {
                    best = Some((df, w));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied).map(|(_, w)| w.to_string())
    }
}

/// Whether `full` holds every letter of `short` in the same order.
fn holds_in_order(full: &str, short: &str) -> bool {
    let mut rest = full.chars();
    short.chars().all(|c| rest.any(|f| f == c))
}

impl Index {
    /// The article word a vowel-dropped abbreviation spells out ("kndraan" → "kendaraan", see
    /// [`abbrev`](crate::nlu::abbrev)), among the words sharing its consonant outline: the one in
    /// most passages wins, and a tie spells nothing out.
    pub fn spell_out(&self, short: &str) -> Option<String> {
        // A word spelling `short` out has `short`'s outline, so the words filed under it are all
        // the candidates.
        let candidates = self.outlines.get(&crate::nlu::abbrev::outline(short))?;
        let found = candidates
            .iter()
            .filter_map(|w| self.term(w).map(|t| (&**w, self.df[t as usize])));
        if !crate::nlu::abbrev::is_specific(short) {
            // Three consonants ("lwn") fit many words: only one the archive clearly uses.
            // A month's name is a date the question spells ("mrt" may be an acronym): not guessed.
            return crate::nlu::abbrev::owner(
                short,
                found.filter(|(w, _)| !self.lx.is_calendar_word(w)),
            );
        }
        crate::nlu::abbrev::best(short, found)
    }
    pub fn spell_out_pair(&self, short: &str) -> Option<String> {
        // Every pair `short` may shorten opens with its first letter (an initial, or the start of
        // the first word), and the pairs are sorted: only that run is tried, not every title's.
        // A blend (four letters or more) takes two letters at least of the first word: the run
        // of the pairs opening with those two.
        let bytes = short.as_bytes();
        if bytes.is_empty() {
            return None;
        }
        let opening = &bytes[..if bytes.len() >= 4 { 2 } else { 1 }];
        let lo = self
            .title_pairs
            .partition_point(|(a, _, _)| a.as_bytes() < opening);
        let hi = self.title_pairs.partition_point(|(a, _, _)| {
            a.as_bytes() < opening || a.as_bytes().starts_with(opening)
        });
        let mut fits: Vec<(&str, &str, u32)> = self.title_pairs[lo..hi]
            .iter()
            .filter(|(a, b, _)| crate::nlu::abbrev::shortens_pair(short, a, b))
            .map(|(a, b, n)| (a.as_str(), b.as_str(), *n))
            .collect();
        fits.sort_by_key(|f| std::cmp::Reverse(f.2));
        match fits.as_slice() {
            [(a, b, _)] => Some(format!("{a} {b}")),
            [(a, b, n), (_, _, m), ..] if n > m => Some(format!("{a} {b}")),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Index;
    use crate::nlu::testing::{lexicon, seed_article};

    #[test]
    fn typos_are_corrected_against_the_vocabulary_only() {
        let index = Index::build(&[seed_article(1)], ["terima"].into_iter(), lexicon());
        assert_eq!(
            index.correct("enkirpsi", |_| true).as_deref(),
            Some("enkripsi")
        );
        assert_eq!(
            index.correct("whatsaap", |_| true).as_deref(),
            Some("whatsapp")
        );
        assert_eq!(
            index.correct("akusisi", |_| true).as_deref(),
            Some("akuisisi")
        );
        assert_eq!(index.correct("pesawat", |_| true), None);
        assert_eq!(
            index.correct("tirema", |_| true).as_deref(),
            None,
            "first letter and distance guard"
        );
    }

    #[test]
    fn a_word_short_of_one_letter_beats_a_commoner_word_with_one_replaced() {
        let index = crate::nlu::testing::one_article_index(
            "Kabar kota\n\nWarga kota Halong datang.\n\nWarga makan halom.\n\n\
             Warga beli halom.\n\nWarga jual halom.\n",
        );
        // "halog": "halom" (in more passages) replaces a letter, "halong" only adds the one left
        // out.
        assert_eq!(index.correct("halog", |_| true).as_deref(), Some("halong"));
    }

    #[test]
    fn a_clipped_word_opens_the_article_word_the_most_passages_hold() {
        let index = crate::nlu::testing::one_article_index(
            "Sekretariat Lumbung pindah\n\nSekretariat Lumbung pindah ke gedung baru.\n\n\
             Warga Lumbung diminta datang ke sekretariat. Sekretaris desa hadir.\n",
        );
        assert_eq!(
            index.complete("sekre", |_| true).as_deref(),
            Some("sekretariat")
        );
        // Fewer than five letters open too many words; one or two letters short is a typo.
        assert_eq!(index.complete("sekr", |_| true), None);
        assert_eq!(index.complete("sekretari", |_| true), None);
        assert_eq!(index.complete("lumbu", |_| true), None);
    }
}
