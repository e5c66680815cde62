//! Look-ups of the words around a figure: what it measures (`measures.tsv`), the scale words and
//! a reader's scale suffixes ("juta", "13rb"), and the labels that name rather than count.

use super::{Lexicon, Measure, MeasureRole};

impl Lexicon {
    /// The measure a word shows in the given role ("persen" as a unit → percent).
    pub fn measure(&self, w: &str, role: MeasureRole) -> Option<Measure> {
        first_in_role(self.measures_of(w), role)
    }

    /// Every (measure, role) the word shows, in the list's order (most words: none), for a
    /// caller asking several roles of the same word.
    pub fn measures_of(&self, w: &str) -> &[(Measure, MeasureRole)] {
        self.measures.get(w).map_or(&[], Vec::as_slice)
    }

    /// A multiplier written between a figure and its unit ("juta", "miliar").
    /// The scale a reader's suffix on a figure stands for ("13rb", "2M"): as typed, or in small
    /// letters when its case tells nothing ("RB").
    pub fn figure_suffix(&self, suffix: &str) -> Option<&str> {
        self.figure_suffixes
            .get(suffix)
            .or_else(|| self.figure_suffixes.get(&suffix.to_lowercase()))
            .map(String::as_str)
    }

    pub fn is_scale(&self, w: &str) -> bool {
        self.scales.contains_key(w)
    }

    /// The scale words worth `value` ("ribu" for 1000).
    pub fn scale_words(&self, value: f64) -> impl Iterator<Item = &str> {
        self.scales
            .iter()
            .filter(move |(_, v)| **v == value)
            .map(|(w, _)| w.as_str())
    }

    /// The multiplier of a scale word ("ribu" → 1000).
    pub fn scale_value(&self, w: &str) -> Option<f64> {
        self.scales.get(w).copied()
    }

    /// A word before a number that names rather than counts ("Nomor 49", "pasal 21").
    pub fn is_label(&self, w: &str) -> bool {
        self.labels.contains(w)
    }
}

/// [`Lexicon::measure`] of a word's [`Lexicon::measures_of`]: its first measure in the role.
pub fn first_in_role(list: &[(Measure, MeasureRole)], role: MeasureRole) -> Option<Measure> {
    list.iter().find(|(_, r)| *r == role).map(|(m, _)| *m)
}
