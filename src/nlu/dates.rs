//! Dates as evidence: the dates a question names ("21 November 2019", "sept 2022", "13/5/2025",
//! ISO "2025-05-13", "terbaru") and the dates an article holds (its publication date; in-text forms such as
//! "Kamis (21/11)", "(13/5/2025)", "Selasa, 19 April", "pekan lalu" read from the publication
//! day), normalised to partial calendar dates that can be compared at their own granularity.
//!
//! Month names and relative words are data (`lexicon/<lang>/months.tsv`, `dates-relative.tsv`),
//! read through the [`Lexicon`].

use chrono::{Datelike, Duration, NaiveDate};

use super::lang::Lang;
use super::lexicon::{Lexicon, WordFacts};

/// A calendar date known to a day, a month or a year (a month without a year when the text does
/// not say which: "pada bulan Maret").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl When {
    pub fn day(d: NaiveDate) -> When {
        When {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// Whether `other` says at least everything `self` says, and agrees.
    pub fn covered_by(&self, other: &When) -> bool {
        let same = |a: Option<u32>, b: Option<u32>| a.is_none() || a == b;
        (self.year.is_none() || self.year == other.year)
            && same(self.month, other.month)
            && same(self.day, other.day)
    }
}

/// The dates of a question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionDates {
    pub dates: Vec<When>,
    /// The reader wants the newest article ("terbaru", "hari ini", "kemarin": relative to now,
    /// which for an archive means its newest report).
    pub latest: bool,
    /// Lowercase words that only spelled an absolute date ("21", "november", "2019"), not content
    /// to match.
    pub words: Vec<String>,
    /// Lowercase words of relative time phrases ("terbaru", "paling baru"): content words still,
    /// but they say when, not what about.
    pub relative_words: Vec<String>,
    /// Figures the question quotes with a separator ("1.234,56"), read from the same raw text
    /// (see [`figures`](super::figures)): which report holds them is evidence of the same kind.
    pub figures: Vec<String>,
    /// Whole numbers the question quotes ("50 bps"), its date's day left out (see
    /// [`figures::whole_of_text`](super::figures::whole_of_text)).
    pub numbers: Vec<String>,
    /// The question names a release ("rilis", "laporan", "edisi", "published", "report": the
    /// `published` and `article` words of `meta-words.tsv`): its month may be the report's
    /// publication month rather than the period the figures are about.
    pub names_release: bool,
}

fn year_of(t: &Tok) -> Option<i32> {
    let n: i32 = t.text.parse().ok()?;
    (t.text.len() == 4 && !t.in_number && !t.after_slash && (1900..=2099).contains(&n)).then_some(n)
}

/// A year that dates a document cited by its number, not an event: "Nomor 7 Tahun 2031" (a label
/// of `measures.tsv`, a number, "tahun"). A report on 2033 citing that rule says nothing of 2031.
fn cited_year(toks: &[Tok], i: usize, lx: &Lexicon) -> bool {
    i >= 3
        && toks[i - 1].text == "tahun"
        && toks[i - 2]
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '/')
        && lx.is_label(&toks[i - 3].text)
}

/// A day of the month: "21", or an English ordinal, "21st" (the suffix from the lexicon).
fn day_of(t: &Tok, lx: &Lexicon) -> Option<u32> {
    let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    // A word of letters alone is no day: its letters are not looked up as a suffix.
    if digits.is_empty() {
        return None;
    }
    if digits.len() < t.text.len() && !lx.is_ordinal_suffix(&t.text[digits.len()..]) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (digits.len() <= 2 && !t.in_number && (1..=31).contains(&n)).then_some(n)
}

/// A month name; a short abbreviation ("des", "mar") only next to a day or a year, where it
/// cannot be another word, or after a unit of time. A full name stands alone however short
/// ("Mei", "Juli": "harga bulan Mei" names a month as "bulan Maret" does), unless it is also a
/// function word (English "may").
fn month_at(toks: &[Tok], facts: &[WordFacts], i: usize, lx: &Lexicon) -> Option<u32> {
    let w = toks[i].text.trim_end_matches('.');
    // The word's facts tell a word no month (most words) without a look-up of its own.
    if w.len() == toks[i].text.len() && !facts[i].is_month() {
        return None;
    }
    let m = lx.month(w)?;
    if toks[i].text.len() > 4 || (is_full_month_name(w, m, lx) && !lx.is_function(w)) {
        return Some(m);
    }
    let near = |j: Option<usize>| {
        j.and_then(|j| toks.get(j))
            .is_some_and(|t| year_of(t).is_some() || day_of(t, lx).is_some())
    };
    // After a unit of time ("bulan des", "bulan agst") the abbreviation is a month as surely.
    let after_unit = i > 0 && is_duration(&toks[i - 1].text, lx);
    (near(i.checked_sub(1)) || near(Some(i + 1)) || after_unit).then_some(m)
}

/// Whether `w` is month `m`'s full name in a language of the lexicon, not an abbreviation.
fn is_full_month_name(w: &str, m: u32, lx: &Lexicon) -> bool {
    [Lang::Id, Lang::En]
        .into_iter()
        .any(|lang| lx.month_name(m, lang).eq_ignore_ascii_case(w))
}

/// "13/5/2025", "21/11", "5/1/23".
fn slashed(t: &Tok) -> Option<When> {
    // Nearly every word holds no slash: nothing to split and collect.
    if !t.text.contains('/') {
        return None;
    }
    let parts: Vec<&str> = t.text.split('/').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.parse::<u32>().is_err()) {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) || parts[0].len() > 2 {
        return None;
    }
    let year = match parts.get(2) {
        Some(y) if y.len() == 4 => Some(y.parse().ok()?),
        Some(y) if y.len() == 2 => Some(2000 + y.parse::<i32>().ok()?),
        Some(_) => return None,
        None => None,
    };
    Some(When {
        year,
        month: Some(month),
        day: Some(day),
    })
}

/// A year of two digits after an apostrophe, "Juni '31": this century's.
fn short_year(t: &Tok) -> Option<i32> {
    let n: i32 = t.text.parse().ok()?;
    (t.joined == Some('\'') && t.text.len() == 2).then_some(2000 + n)
}

/// A date of three numbers at `i`, joined by hyphens or dots: ISO "2031-06-05" (two-digit month
/// and day) or day first, "5-6-2031", "05.06.2031" (a four-digit year last). A span of years
/// ("2030-2031"), a season ("2030-31"), a figure's thousands ("1.250.000") and a clock time
/// ("10.05") are none.
fn numeric(toks: &[Tok], i: usize) -> Option<When> {
    let num = |j: usize, len: std::ops::RangeInclusive<usize>| {
        toks.get(j)
            .filter(|t| len.contains(&t.text.len()))
            .and_then(|t| t.text.parse::<u32>().ok())
    };
    let joined = |j: usize, c: char| toks.get(j).is_some_and(|t| t.joined == Some(c));
    let ok = |y: u32, m: u32, d: u32| {
        ((1900..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(
            When {
                year: Some(y as i32),
                month: Some(m),
                day: Some(d),
            },
        )
    };
    if joined(i + 1, '-')
        && joined(i + 2, '-')
        && !toks[i].in_number
        && let (Some(y), Some(m), Some(d)) = (num(i, 4..=4), num(i + 1, 2..=2), num(i + 2, 2..=2))
    {
        return ok(y, m, d);
    }
    let c = toks.get(i + 1)?.joined.filter(|c| matches!(c, '-' | '.'))?;
    if !joined(i + 2, c) || joined(i, c) || joined(i + 3, c) {
        return None;
    }
    ok(num(i + 2, 4..=4)?, num(i + 1, 1..=2)?, num(i, 1..=2)?)
}

/// Every absolute date in the text, with the indices of the tokens that spelled it.
/// (`facts`: each token's [`Lexicon::facts`].)
pub(super) fn absolute(toks: &[Tok], facts: &[WordFacts], lx: &Lexicon) -> Vec<(When, Vec<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(w) = slashed(&toks[i]) {
            out.push((w, vec![i]));
            i += 1;
            continue;
        }
        if let Some(w) = numeric(toks, i) {
            out.push((w, vec![i, i + 1, i + 2]));
            i += 3;
            continue;
        }
        // "21 November 2019", "19 April"
        if let Some(d) = day_of(&toks[i], lx)
            && i + 1 < toks.len()
            && let Some(m) = month_at(toks, facts, i + 1, lx)
        {
            let year = toks
                .get(i + 2)
                .and_then(|t| year_of(t).or_else(|| short_year(t)));
            let used = if year.is_some() { 3 } else { 2 };
            out.push((
                When {
                    year,
                    month: Some(m),
                    day: Some(d),
                },
                (i..i + used).collect(),
            ));
            i += used;
            continue;
        }
        if let Some(m) = month_at(toks, facts, i, lx) {
            // "March 5, 2024", "March 2015", "sept 2022", "Maret".
            let day = toks
                .get(i + 1)
                .and_then(|t| day_of(t, lx))
                .filter(|_| toks.get(i + 2).and_then(year_of).is_some());
            let year_at = if day.is_some() { i + 2 } else { i + 1 };
            let year = toks
                .get(year_at)
                .and_then(|t| year_of(t).or_else(|| short_year(t)));
            let end = if year.is_some() { year_at + 1 } else { i + 1 };
            out.push((
                When {
                    year,
                    month: Some(m),
                    day,
                },
                (i..end).collect(),
            ));
            i = end;
            continue;
        }
        if let Some(y) = year_of(&toks[i]) {
            out.push((
                When {
                    year: Some(y),
                    month: None,
                    day: None,
                },
                vec![i],
            ));
        }
        i += 1;
    }
    out
}

/// The dates a question names.
pub fn of_question(text: &str, lx: &Lexicon) -> QuestionDates {
    let toks = toks(text);
    // What the word lists say of each word, from one look-up: most words are no meta word, no
    // month, no slang and start no relative phrase, which the look-ups below then skip.
    let facts: Vec<WordFacts> = toks.iter().map(|t| lx.facts(&t.text)).collect();
    use super::lexicon::MetaWord;
    let release = [MetaWord::Published, MetaWord::Article];
    let mut q = QuestionDates {
        names_release: toks
            .iter()
            .zip(&facts)
            .any(|(t, f)| f.is_meta_word() && lx.is_meta_word_of(&t.text, &release)),
        ..QuestionDates::default()
    };
    let mut starts = Vec::new();
    let dated = absolute(&toks, &facts, lx);
    let first_words: Vec<usize> = dated
        .iter()
        .map(|(_, used)| used.iter().copied().min().unwrap_or(0))
        .collect();
    let placed = positions(&toks, &first_words, lx);
    let opening = year_to_date(&toks, &dated, lx);
    for (k, (when, used)) in dated.into_iter().enumerate() {
        if !opening.contains(&k) {
            starts.push(first_words[k]);
            q.dates.push(when);
        }
        for i in used {
            // A slashed date reaches the word tokenizer as its numbers.
            q.words.extend(toks[i].text.split('/').map(str::to_string));
            // The question's term reads a month's abbreviation as its full name ("okt" →
            // "oktober"): that word spelled the date too.
            if let Some(n) = lx.month(&toks[i].text) {
                q.words.push(lx.month_name(n, Lang::Id).to_lowercase());
            }
        }
    }
    // A question's "kemarin" or "tahun lalu" is relative to today: in an archive, its newest.
    // The words stay content words: "sekarang" a passage cannot echo still counts against it.
    // A reader's shorthand for one ("thn lalu", "kmrn") reads through the slang map, one word for
    // one, as the question's terms do: the words it marks are the terms' words.
    let respelling = |t: &Tok| lx.respelt(&t.text);
    // The words as written first: the slang map is Indonesian, an English phrase stays itself.
    // (Spelled as written, the words read no differently: not read again; and most questions
    // hold no shorthand, so the respelt copy is made only for one that does.)
    let (mut relative, spelled) = match relative_of(&toks, &facts, lx) {
        r if r.is_empty()
            && toks
                .iter()
                .zip(&facts)
                .any(|(t, f)| f.is_slang() && respelling(t).is_some()) =>
        {
            let spelled: Vec<Tok> = toks
                .iter()
                .map(|t| Tok {
                    text: respelling(t).unwrap_or(&t.text).to_string(),
                    in_number: t.in_number,
                    after_slash: t.after_slash,
                    joined: t.joined,
                })
                .collect();
            (relative(&spelled, lx), spelled)
        }
        r => (r, toks),
    };
    // "Setahun sebelum <date>" moves the date it precedes; "bulan sebelumnya" looks back from a
    // report's own period, which a question does not have. Neither asks for the newest report.
    shift::apply_before(&mut q.dates, &starts, &relative);
    relative.retain(|(r, _)| !matches!(r, Relative::Before(_) | Relative::Previous(_)));
    q.latest = !relative.is_empty();
    q.figures = super::figures::of_text(text);
    // A dotted date ("05.06.2031") reads as a figure too: its numbers all spelled the date.
    q.figures.retain(|f| {
        let mut parts = f
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty());
        !parts.all(|p| q.words.iter().any(|w| w == p))
    });
    q.numbers = super::figures::whole_of_text(text, lx);
    q.numbers.retain(|n| !q.words.contains(n));
    // A threshold ("di atas 7,25 persen") picks a report, which writes another figure: no
    // figure it must quote. Tokenised again only when the question quotes one.
    if !q.figures.is_empty() || !q.numbers.is_empty() {
        let tokens = super::text::tokenize(text);
        let marks = super::figures::thresholds(&tokens, lx);
        if marks.contains(&true) {
            let limits = super::figures::threshold_figures(&tokens, &marks);
            q.figures.retain(|f| !limits.contains(f));
            q.numbers.retain(|n| !limits.contains(n));
        }
    }
    q.relative_words = relative
        .into_iter()
        .flat_map(|(_, used)| used)
        .map(|i| spelled[i].text.clone())
        .collect();
    q.relative_words.extend(placed);
    q
}

/// The dates an article's text holds, read from its publication day where the text leaves the
/// year out or speaks relatively ("Kamis (21/11)", "kemarin").
pub fn of_text(text: &str, published: Option<NaiveDate>, lx: &Lexicon) -> Vec<When> {
    let toks = toks(text);
    let facts: Vec<WordFacts> = toks.iter().map(|t| lx.facts(&t.text)).collect();
    let mut out: Vec<When> = absolute(&toks, &facts, lx)
        .into_iter()
        // A rule an article cites does not date its events; a reader quoting one still names
        // the report by it, so the question keeps that year (see [`cited_year`]).
        .filter(|(w, used)| {
            !(w.month.is_none() && used.len() == 1 && cited_year(&toks, used[0], lx))
        })
        .map(|(mut w, _)| {
            if let (None, Some(m), Some(d), Some(p)) = (w.year, w.month, w.day, published) {
                // The day of an event is at or just before the report: "(28/12)" in January is
                // last year's.
                let this_year = NaiveDate::from_ymd_opt(p.year(), m, d);
                w.year = Some(match this_year {
                    Some(date) if date > p + Duration::days(7) => p.year() - 1,
                    _ => p.year(),
                });
            }
            w
        })
        .collect();
    if let Some(p) = published {
        for (r, _) in relative_of(&toks, &facts, lx) {
            let day = match r {
                // Relative to another date, not the writer's day.
                Relative::Latest | Relative::Before(_) | Relative::Previous(_) => continue,
                Relative::LastWeekday(wd) => {
                    // Written on that weekday, "Selasa lalu" is a week back.
                    let back =
                        (i64::from(p.weekday().number_from_monday()) - i64::from(wd)).rem_euclid(7);
                    let back = if back == 0 { 7 } else { back };
                    out.push(When::day(p - Duration::days(back)));
                    continue;
                }
                Relative::Days(n) => p + Duration::days(n),
                Relative::Weeks(n) => p + Duration::days(7 * n),
                // "bulan lalu" goes back, "bulan depan" ahead.
                Relative::Months(n) if n < 0 => p
                    .checked_sub_months(chrono::Months::new(n.unsigned_abs()))
                    .unwrap_or(p),
                Relative::Months(n) => p
                    .checked_add_months(chrono::Months::new(n.unsigned_abs()))
                    .unwrap_or(p),
                Relative::Years(n) => {
                    out.push(When {
                        year: Some(p.year() + n),
                        month: None,
                        day: None,
                    });
                    continue;
                }
            };
            out.push(match r {
                Relative::Days(_) => When::day(day),
                _ => When {
                    year: Some(day.year()),
                    month: Some(day.month()),
                    day: None,
                },
            });
        }
    }
    out
}

#[path = "dates_toks.rs"]
mod tokens;
use tokens::{Tok, toks};

#[path = "dates_relative.rs"]
mod relative_words;
pub use relative_words::Relative;
use relative_words::{is_duration, relative, relative_of};

/// Whether a word is a unit of time ("tahun", "year"), between a part of a year and its year.
pub fn is_duration_word(w: &str, lx: &Lexicon) -> bool {
    is_duration(w, lx)
}

#[path = "dates_shift.rs"]
mod shift;

#[path = "dates_span.rs"]
mod span;
pub use shift::{previous_months, shifted, with_paragraph_years, with_passage_years};
use span::{positions, year_to_date};

#[path = "dates_agree.rs"]
mod agree;
pub use agree::{agreement, conflict, is_dated};

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
