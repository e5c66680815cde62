//! Typo correction against the index's vocabulary (the articles' words and configured words).

use super::super::text;
use super::Index;

impl Index {
    /// Whether the typo-correction vocabulary (content + configured words) holds the word.
    pub fn knows(&self, word: &str) -> bool {
        self.vocab.contains_key(word) || self.typo_vocab.contains(word)
    }

    /// The closest vocabulary word within edit distance 1 (2 from 8 letters), sharing the first
    /// letter (readers rarely mistype it, and it keeps the scan to one slice of the fst).
    /// Ties go first to a word holding every letter typed, in order: chat leaves a letter out far
    /// more often than it types a wrong one, so a word short of one letter ("xyzw" for "xyzaw")
    /// is read as that word, not as another with a letter replaced ("xyzm") however common;
    /// then to the word found in more passages.
    pub fn correct(&self, word: &str, accept: impl Fn(&str) -> bool) -> Option<String> {
        use fst::{IntoStreamer, Streamer};
        let len = word.chars().count();
        if len < 4 {
            return None;
        }
        let max = if len >= 8 { 2 } else { 1 };
        let first = word.chars().next()?;
        let mut lo = String::new();
        lo.push(first);
        let hi = char::from_u32(first as u32 + 1)?.to_string();
        let mut stream = self.typo_vocab.range().ge(&lo).lt(&hi).into_stream();
        let mut best: Option<(usize, bool, u32, String)> = None;
        let letters = text::letter_counts(word);
        while let Some(candidate) = stream.next() {
            let Ok(candidate) = std::str::from_utf8(candidate) else {
                continue;
            };
            let clen = candidate.chars().count();
            // The caller's filter is a hash look-up; the edit distance is the dear part, and no
            // fewer edits than the letters one word has and the other lacks.
            if clen.abs_diff(len) > max
                || letters.as_ref().is_some_and(|a| {
                    text::letter_counts(candidate).is_some_and(|b| text::bag_distance(a, &b) > max)
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
            let df = self.term(candidate).map_or(0, |t| self.df[t as usize]);
            // Only a candidate at the best distance so far needs the letter check.
            if best.as_ref().is_some_and(|(bd, ..)| d > *bd) {
                continue;
            }
            let kept = clen > len && holds_in_order(candidate, word);
            let better = match &best {
                None => true,
                Some((bd, bkept, bdf, _)) => d < *bd || (d == *bd && (kept, df) > (*bkept, *bdf)),
            };
            if better {
                best = Some((d, kept, df, candidate.to_string()));
            }
        }
        best.map(|(.., w)| w)
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
        let first = short.as_bytes().first()?;
        let lo = self
            .title_pairs
            .partition_point(|(a, _, _)| a.as_bytes().first() < Some(first));
        let hi = self
            .title_pairs
            .partition_point(|(a, _, _)| a.as_bytes().first() <= Some(first));
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
}
