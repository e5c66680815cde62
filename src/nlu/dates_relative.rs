//! Relative time phrases ("pekan lalu", "terbaru", "Selasa lalu", "setahun sebelum"): what a row
//! of `dates-relative.tsv` means, and where a text's tokens hold such a phrase.

use super::{Lexicon, Tok};
use crate::nlu::lexicon::WordFacts;

/// What a relative time phrase means (a row of `dates-relative.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// The newest there is ("terbaru", "sekarang").
    Latest,
    Days(i64),
    Weeks(i64),
    Months(i32),
    Years(i32),
    /// The last such weekday before the writer's day (1 = Monday): "Selasa lalu", "last
    /// Tuesday". In the lexicon a phrase with `*` for the day name reads `weekday`, and stands
    /// as `LastWeekday(0)` until a day name fills it.
    LastWeekday(u32),
    /// A question's shift of the date it names next, in months: "setahun sebelum Maret 2031" is
    /// March 2030 (`before:year:-1` in the lexicon).
    Before(i32),
    /// A report's look back from the period it reports, in months: "bulan sebelumnya" in a
    /// release on March is February (`previous:month:-1`); see `decide/date_index.rs`.
    Previous(i32),
}

impl Relative {
    /// `latest`, or `unit:n` with unit day, week, month or year ("day:-1" is the day before).
    pub fn parse(s: &str) -> Option<Relative> {
        if s == "latest" {
            return Some(Relative::Latest);
        }
        if s == "weekday" {
            return Some(Relative::LastWeekday(0));
        }
        let months = |rest: &str| -> Option<i32> {
            let (unit, n) = rest.split_once(':')?;
            let n: i32 = n.parse().ok()?;
            match unit {
                "month" => Some(n),
                "year" => Some(12 * n),
                _ => None,
            }
        };
        if let Some(rest) = s.strip_prefix("before:") {
            return months(rest).map(Relative::Before);
        }
        if let Some(rest) = s.strip_prefix("previous:") {
            return months(rest).map(Relative::Previous);
        }
        let (unit, n) = s.split_once(':')?;
        let n: i64 = n.parse().ok()?;
        match unit {
            "day" => Some(Relative::Days(n)),
            "week" => Some(Relative::Weeks(n)),
            "month" => Some(Relative::Months(i32::try_from(n).ok()?)),
            "year" => Some(Relative::Years(i32::try_from(n).ok()?)),
            _ => None,
        }
    }
}

/// Relative phrases (longest first at each word), with the indices of their tokens.
pub(super) fn relative(toks: &[Tok], lx: &Lexicon) -> Vec<(Relative, Vec<usize>)> {
    let facts: Vec<WordFacts> = toks.iter().map(|t| lx.facts(&t.text)).collect();
    relative_of(toks, &facts, lx)
}

/// [`relative`] with each token's [`Lexicon::facts`] given.
pub(super) fn relative_of(
    toks: &[Tok],
    facts: &[WordFacts],
    lx: &Lexicon,
) -> Vec<(Relative, Vec<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    // One buffer for every two-word phrase (this runs over every paragraph at build).
    let mut two = String::new();
    // Each word's facts from one look-up (a word is the second of one pair and the first of the
    // next): only a word that opens a phrase, is a day name or is a phrase itself is looked up
    // as a phrase, and most words are none.
    while i < toks.len() {
        let pair = toks
            .get(i + 1)
            .filter(|_| facts[i].opens_relative())
            .map(|n| {
                two.clear();
                two.push_str(&toks[i].text);
                two.push(' ');
                two.push_str(&n.text);
                two.as_str()
            });
        if let Some(r) = pair.and_then(|p| lx.relative_date(p)) {
            out.push((r, vec![i, i + 1]));
            i += 2;
        } else if let Some(day) = toks
            .get(i + 1)
            .and_then(|n| last_weekday((&toks[i], facts[i]), (n, facts[i + 1]), lx))
        {
            out.push((Relative::LastWeekday(day), vec![i, i + 1]));
            i += 2;
        } else if let Some(r) = facts[i]
            .is_relative()
            .then(|| lx.relative_date(&toks[i].text))
            .flatten()
        {
            // "Sebulan terakhir", "3 tahun terakhir": after a length of time the word bounds a
            // period ("the past month"), it does not ask for the newest report.
            let period = r == Relative::Latest && i > 0 && is_duration(&toks[i - 1].text, lx);
            if !period {
                out.push((r, vec![i]));
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// A day name with the word that makes it the last one before the writer's day ("Selasa lalu",
/// "last Tuesday": a phrase of `dates-relative.tsv` with `*` for the name), as its weekday. Only a
/// day name builds a phrase to look up, and the words' facts tell which is one.
fn last_weekday(a: (&Tok, WordFacts), b: (&Tok, WordFacts), lx: &Lexicon) -> Option<u32> {
    let (day, phrase) = if a.1.is_day() {
        (lx.weekday(&a.0.text)?, format!("* {}", b.0.text))
    } else if b.1.is_day() {
        (lx.weekday(&b.0.text)?, format!("{} *", a.0.text))
    } else {
        return None;
    };
    (lx.relative_date(&phrase) == Some(Relative::LastWeekday(0))).then_some(day)
}

/// A length of time: a duration unit ("bulan", "pekan") or "one" of it ("sebulan", "sepekan").
pub(super) fn is_duration(w: &str, lx: &Lexicon) -> bool {
    use crate::nlu::lexicon::{Measure, MeasureRole};
    [MeasureRole::Unit, MeasureRole::Rate]
        .into_iter()
        .any(|role| lx.measure(w, role) == Some(Measure::Duration))
}
