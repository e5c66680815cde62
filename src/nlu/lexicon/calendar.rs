//! Month and day names read straight from the built-in data files, for the code that writes or
//! parses dates without an engine at hand: the replies' dates ([`crate::nlu::format`]) and the page
//! parser ([`crate::content`]). The lists are the same rows the [`Lexicon`](super::Lexicon) loads.

use std::sync::LazyLock;

use super::{SOURCES, rows};
use crate::nlu::Lang;

/// (number, names) rows of a calendar list (`months` or `days`) in every built-in language.
fn calendar_rows(list: &str) -> impl Iterator<Item = (Lang, u32, &'static str)> + '_ {
    SOURCES.iter().flat_map(move |source| {
        source
            .files
            .iter()
            .filter(move |(name, _)| *name == list)
            .flat_map(|(_, text)| rows(text))
            .filter_map(move |row| {
                let (number, names) = row.split_once('\t')?;
                Some((source.lang, number.trim().parse().ok()?, names.trim()))
            })
    })
}

/// A month's number from its name or abbreviation in any language (`Agustus`, `agt`, `Aug`).
pub fn month_number(word: &str) -> Option<u32> {
    calendar_rows("months")
        .find(|(_, _, names)| names.split('|').any(|n| n.eq_ignore_ascii_case(word)))
        .map(|(_, number, _)| number)
}

/// A day of the week's name or abbreviation in any language (`Kamis`, `kam`, `Thu`).
pub fn is_day_name(word: &str) -> bool {
    calendar_rows("days")
        .any(|(_, _, names)| names.split('|').any(|n| n.eq_ignore_ascii_case(word)))
}

/// A month's full name as replies write it ("Januari", "January").
pub fn month_name(month: u32, lang: Lang) -> String {
    MONTH_NAMES
        .iter()
        .find(|(l, number, _)| *l == lang && *number == month)
        .map(|(_, _, name)| name.clone())
        .unwrap_or_else(|| month.to_string())
}

/// Each `months` row's (language, number, first name capitalised), in the rows' order: read
/// once, since every dated reply names a month and parsing the lists cost ~4k instructions each.
static MONTH_NAMES: LazyLock<Vec<(Lang, u32, String)>> = LazyLock::new(|| {
    calendar_rows("months")
        .filter_map(|(lang, number, names)| {
            Some((lang, number, capitalised(names.split('|').next()?)))
        })
        .collect()
});

pub(super) fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
