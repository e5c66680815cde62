//! Look-ups that read a question's words as parts of something longer: a spelled ordinal before
//! a series noun ("fourth quarter"), a compass word making a place another region ("Lumbung
//! Tengah", "Central Lumbung"), the thesaurus' other words for a word, and a spelt-out phrase
//! the reports also write as one word ("tahun ke tahun"), and the short form the slang lists
//! give a pair of words ("jawa barat" → "jabar").

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

    /// Whether a word says a figure covers the whole of the year after it ("sepanjang", "whole"):
    /// see `whole-period.txt`.
    pub fn is_whole_period(&self, w: &str) -> bool {
        self.whole_period.contains(w)
    }

    /// Whether a latest word also says "the last of a series" ("terakhir"): see
    /// `id/series-end.txt` (English has none).
    pub fn is_series_end(&self, w: &str) -> bool {
        self.series_end.contains(w)
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
        // One buffer for every phrase tried: most questions name no earlier report.
        let mut phrase = String::new();
        (0..words.len()).find_map(|i| {
            // Every phrase has two words at least: one opens with a word and a space, or none
            // does, and then no phrase is built there.
            let w = words[i].as_str();
            let opens =
                |p: &String| p.len() > w.len() && p.starts_with(w) && p.as_bytes()[w.len()] == b' ';
            if !self.previous_report.iter().any(opens) {
                return None;
            }
            (2..=3).rev().find_map(|n| {
                phrase.clear();
                for (k, w) in words.get(i..i + n)?.iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(w);
                }
                self.previous_report
                    .contains(phrase.as_str())
                    .then_some((i, n))
            })
        })
    }

    /// The question with each phrase of `phrases.tsv` it spells out ("tahun ke tahun") written as
    /// the one word the reports also use ("yoy"), matched whole and in any case.
    pub fn rewrite_phrases<'a>(&self, raw: &'a str) -> std::borrow::Cow<'a, str> {
        let lower = raw.to_lowercase();
        // Byte offsets of the lower-case text are the raw text's only when case changes no
        // letter's length (any Indonesian or English question).
        if lower.len() != raw.len() || !self.phrases.iter().any(|(p, _)| lower.contains(p.as_str()))
        {
            return std::borrow::Cow::Borrowed(raw);
        }
        let apart = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let mut out = raw.to_string();
        for (phrase, word) in &self.phrases {
            // Each occurrence once, searching on past the last one: a word holding its phrase
            // cannot loop.
            let mut from = 0;
            while let Some(found) = out.to_lowercase()[from..].find(phrase.as_str()) {
                let (at, end) = (from + found, from + found + phrase.len());
                if !(out.is_char_boundary(at) && out.is_char_boundary(end)) {
                    break;
                }
                if apart(out[..at].chars().last()) && apart(out[end..].chars().next()) {
                    out.replace_range(at..end, word);
                    from = at + word.len();
                } else {
                    from = end;
                }
            }
        }
        std::borrow::Cow::Owned(out)
    }

    /// Reads the slang lists backwards for their two-word formal sides ("jawa barat" →
    /// "jabar"), once the lists are loaded.
    pub(super) fn index_shortened(&mut self) {
        for (short, formal) in &self.slang {
            if let [first, second] = formal.as_slice() {
                self.shortened
                    .entry(first.clone())
                    .or_default()
                    .push((second.clone(), short.clone()));
            }
        }
        for shorts in self.shortened.values_mut() {
            shorts.sort_unstable();
        }
    }
}
