//! Look-ups that read a question's words as parts of something longer: a spelled ordinal before
//! a series noun ("fourth quarter"), a compass word making a place another region ("Lumbung
//! Tengah", "Central Lumbung"), and the thesaurus' other words for a word.

use super::Lexicon;

impl Lexicon {
    /// Whether a noun of time opens a clause placing the question after an article ("the day
    /// the index fell"): see `en/clause-nouns.txt`.
    pub fn is_clause_noun(&self, w: &str) -> bool {
        self.clause_nouns.contains(w)
    }

    /// Whether a word names a part of a year ("bulan", "kuartal", "half"): see `year-parts.txt`.
    pub fn is_year_part(&self, w: &str) -> bool {
        self.year_parts.contains(w)
    }

    pub fn is_article(&self, w: &str) -> bool {
        self.articles.contains(w)
    }

    /// The part a noun whose spelled ordinal stands before it names with that ordinal ("fourth
    /// quarter"): the ordinal's number. Digits before the noun are no ordinal: "4th" reaches the
    /// question as "4", as does the number of "Liga 1 season".
    pub fn ordinal_before(&self, ordinal: &str, noun: &str) -> Option<u32> {
        if !self.ordinal_first_period_words.contains(noun) {
            return None;
        }
        self.ordinal_first_words.get(ordinal).copied()
    }

    /// The thesaurus' words for a word ("turis": "wisatawan", "pelancong", …), none when it has
    /// no row.
    pub fn thesaurus_of(&self, w: &str) -> &[String] {
        self.thesaurus.get(w).map_or(&[], Vec::as_slice)
    }

    /// Whether a word written after a place's name makes it another region ("tengah").
    pub fn is_compass_word(&self, w: &str) -> bool {
        self.compass_words.contains(w)
    }

    /// The Indonesian compass words an English one before a place's name stands for
    /// ("central" → "tengah", "pusat").
    pub fn english_compass(&self, w: &str) -> Option<&[String]> {
        self.english_compass.get(w).map(Vec::as_slice)
    }

    /// The spelled ordinals standing for `n` (3 → "ketiga").
    pub fn ordinal_spellings(&self, n: u32) -> impl Iterator<Item = &str> {
        self.ordinal_words
            .iter()
            .filter(move |(_, v)| **v == n)
            .map(|(w, _)| w.as_str())
    }

    /// Where a phrase naming the report before another begins among `words` ("sebelum yang"),
    /// and how many words it takes.
    pub fn previous_report_at(&self, words: &[String]) -> Option<(usize, usize)> {
        (0..words.len()).find_map(|i| {
            (2..=3).rev().find_map(|n| {
                let phrase = words.get(i..i + n)?.join(" ");
                self.previous_report.contains(&phrase).then_some((i, n))
            })
        })
    }
}
