//! The lexicon's plain word lists as bits of one map: which lists hold a word (a root of the
//! dictionary, a formal word, an English word, a language's function word or hint, a calendar,
//! home or generic word, a month or day name, a relative date's word, a meta or slang word), so
//! that the question of any of them, or of several at once, costs one look-up.

use rustc_hash::FxHashMap as HashMap;

use crate::nlu::lang::Lang;

/// Each word of the lists, with the lists holding it.
#[derive(Default)]
pub(super) struct WordLists(HashMap<String, u16>);

/// A root of the Indonesian word list (hunspell-id).
pub(super) const ROOT: u16 = 1 << 0;
/// A formal word: a right side of the slang lists, a word of the synonym groups.
pub(super) const FORMAL: u16 = 1 << 1;
/// An English word as spelt (SCOWL, inflected forms too).
pub(super) const ENGLISH: u16 = 1 << 2;

/// The first name of a month or day row (`Lexicon::is_calendar_word`).
pub(super) const CALENDAR: u16 = 1 << 7;
/// A name of the home country (`Lexicon::is_home_word`).
pub(super) const HOME: u16 = 1 << 8;
/// A generic word (`Lexicon::is_generic`).
pub(super) const GENERIC: u16 = 1 << 9;
/// Any name or abbreviation of a month (`Lexicon::month` gives which).
pub(super) const MONTH: u16 = 1 << 10;
/// Any name of a weekday (`Lexicon::weekday` gives which).
pub(super) const DAY: u16 = 1 << 11;
/// A relative date phrase (`Lexicon::relative_date`).
pub(super) const RELATIVE: u16 = 1 << 12;
/// A relative date phrase's words before one of its spaces: a pair of words can only be a
/// phrase where the first is.
pub(super) const RELATIVE_OPENER: u16 = 1 << 13;
/// A meta word of any kind (`Lexicon::is_meta_word_of` gives which).
pub(super) const META: u16 = 1 << 14;
/// A word the slang map respells (`Lexicon::respelt` gives how).
pub(super) const SLANG: u16 = 1 << 15;

/// A language's function words.
pub(super) fn function(lang: Lang) -> u16 {
    match lang {
        Lang::Id => 1 << 3,
        Lang::En => 1 << 4,
    }
}

/// A language's hints.
pub(super) fn hint(lang: Lang) -> u16 {
    match lang {
        Lang::Id => 1 << 5,
        Lang::En => 1 << 6,
    }
}

impl WordLists {
    /// Adds the lists in `bits` to each word's.
    pub(super) fn mark(&mut self, words: impl IntoIterator<Item = String>, bits: u16) {
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
pub struct WordFacts(u16);

impl WordFacts {
    fn any(self, bits: u16) -> bool {
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

    /// A function word of either language (`Lexicon::is_function`).
    pub fn is_function(self) -> bool {
        self.any(function(Lang::Id) | function(Lang::En))
    }

    pub fn function_in(self, lang: Lang) -> bool {
        self.any(function(lang))
    }

    pub fn hint_in(self, lang: Lang) -> bool {
        self.any(hint(lang))
    }

    /// See [`Lexicon::is_calendar_word`](super::Lexicon::is_calendar_word).
    pub fn is_calendar_word(self) -> bool {
        self.any(CALENDAR)
    }

    pub fn is_home_word(self) -> bool {
        self.any(HOME)
    }

    pub fn is_generic(self) -> bool {
        self.any(GENERIC)
    }

    /// Whether [`Lexicon::month`](super::Lexicon::month) knows the word.
    pub fn is_month(self) -> bool {
        self.any(MONTH)
    }

    /// Whether [`Lexicon::weekday`](super::Lexicon::weekday) knows the word.
    pub fn is_day(self) -> bool {
        self.any(DAY)
    }

    /// Whether [`Lexicon::relative_date`](super::Lexicon::relative_date) knows the text.
    pub fn is_relative(self) -> bool {
        self.any(RELATIVE)
    }

    /// Whether a relative date phrase opens with the text and a space.
    pub fn opens_relative(self) -> bool {
        self.any(RELATIVE_OPENER)
    }

    /// Whether the word is a meta word of some kind.
    pub fn is_meta_word(self) -> bool {
        self.any(META)
    }

    /// Whether the slang map holds the word.
    pub fn is_slang(self) -> bool {
        self.any(SLANG)
    }
}

impl super::Lexicon {
    /// The bits read from lists kept whole for their values or their words (calendar, home and
    /// generic words, months, days, meta words, slang, relative dates): marked once the lists
    /// are complete.
    pub(super) fn mark_facts(&mut self) {
        let facts = &mut self.facts;
        facts.mark(self.calendar.iter().cloned(), CALENDAR);
        facts.mark(self.home_words.iter().cloned(), HOME);
        facts.mark(self.generic.iter().cloned(), GENERIC);
        facts.mark(self.months.keys().cloned(), MONTH);
        facts.mark(self.days.keys().cloned(), DAY);
        facts.mark(self.meta_words.keys().cloned(), META);
        facts.mark(self.slang.keys().cloned(), SLANG);
        // Every start of a phrase up to a space opens it, so that a pair of words (either of
        // which may be a respelt shorthand holding a space) can be one only where its first is.
        for phrase in self.relative_dates.keys() {
            facts.mark([phrase.clone()], RELATIVE);
            let openers = phrase
                .match_indices(' ')
                .map(|(at, _)| phrase[..at].to_string());
            facts.mark(openers, RELATIVE_OPENER);
        }
    }
}
