//! Dates moved from another date rather than the writer's day: a question's "setahun sebelum
//! <date>", a report's "bulan sebelumnya" from the period it reports, and a passage's yearless
//! months read in the year it names.

use chrono::NaiveDate;

use super::{Lexicon, Relative, When, relative, toks};

/// A date moved by whole months: a day keeps its number if the month has it, else drops it; a
/// year alone moves by whole years.
pub fn shifted(w: When, months: i32) -> When {
    match (w.year, w.month) {
        (Some(y), Some(m)) => {
            let at = y * 12 + m as i32 - 1 + months;
            let (year, month) = (at.div_euclid(12), at.rem_euclid(12) as u32 + 1);
            let day = w
                .day
                .filter(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some());
            When {
                year: Some(year),
                month: Some(month),
                day,
            }
        }
        (None, Some(m)) => When {
            month: Some((m as i32 - 1 + months).rem_euclid(12) as u32 + 1),
            ..w
        },
        (Some(y), None) if months % 12 == 0 => When {
            year: Some(y + months / 12),
            ..w
        },
        _ => w,
    }
}

/// The look backs a text makes from the period it reports ("bulan sebelumnya", "tahun
/// sebelumnya": [`Relative::Previous`]), in months. In a report on a period, "tahun lalu" is
/// that period a year back too ("periode yang sama tahun lalu").
pub fn previous_months(text: &str, lx: &Lexicon) -> Vec<i32> {
    relative(&toks(text), lx)
        .into_iter()
        .filter_map(|(r, _)| match r {
            Relative::Previous(n) => Some(n),
            Relative::Years(n) if n < 0 => Some(12 * n),
            _ => None,
        })
        .collect()
}

/// A passage's dates with a month it leaves without a year read in the year the same passage
/// gives the nearest month after it (else before it): "Januari hingga Mei 2031: Januari …,
/// Februari …" lists months of 2031. A passage naming no year leaves them as they are.
pub fn with_passage_years(mut dates: Vec<When>) -> Vec<When> {
    let years: Vec<Option<i32>> = dates.iter().map(|w| w.year).collect();
    for (i, w) in dates.iter_mut().enumerate() {
        if w.year.is_some() || w.month.is_none() || w.day.is_some() {
            continue;
        }
        w.year = years[i + 1..]
            .iter()
            .flatten()
            .next()
            .or_else(|| years[..i].iter().rev().flatten().next())
            .copied();
    }
    dates
}

/// A sentence's dates with a month it leaves without a year read as its paragraph reads that
/// month, when the paragraph gives it one year only: "… pada Agustus 2014 turun. Pada bulan Juli
/// ekspor mencapai …" speaks of July 2014 though its own sentence names no year.
pub fn with_paragraph_years(mut dates: Vec<When>, paragraph: &[When]) -> Vec<When> {
    for w in dates.iter_mut() {
        if w.year.is_some() || w.month.is_none() || w.day.is_some() {
            continue;
        }
        let mut years = paragraph
            .iter()
            .filter(|p| p.month == w.month && p.day.is_none())
            .filter_map(|p| p.year);
        if let Some(first) = years.next()
            && years.all(|y| y == first)
        {
            w.year = Some(first);
        }
    }
    dates
}

/// Moves each question date a [`Relative::Before`] phrase precedes (the first date starting
/// after the phrase; `starts` holds each date's first token).
pub(super) fn apply_before(
    dates: &mut [When],
    starts: &[usize],
    relative: &[(Relative, Vec<usize>)],
) {
    for (r, used) in relative {
        let (Relative::Before(months), Some(&end)) = (r, used.last()) else {
            continue;
        };
        if let Some(at) = starts.iter().position(|&s| s > end) {
            dates[at] = shifted(dates[at], *months);
        }
    }
}
