//! How far an article's dates agree with a question's, and when they conflict: the comparisons
//! of [`When`]s read by `dates.rs`, once per question and candidate article.

use super::When;

/// How well an article's dates agree with the question's, in [-1, 1]: 1 when the publication
/// date says it, 0.8 when the text does (1 for a month or a year), negative when the question's year (or month) is in none
/// of them — the question is about another time.
pub fn agreement(q: &[When], published: Option<&When>, text: &[When], title_years: &[i32]) -> f32 {
    if q.is_empty() {
        return 0.0;
    }
    let each = |w: &When| -> f32 {
        if published.is_some_and(|p| w.covered_by(p)) {
            return 1.0;
        }
        if text.iter().any(|t| w.covered_by(t)) {
            // A month the text names is the report's subject as much as its publication month
            // ("harga Januari 2031" is published in February); a day is an event's own.
            if w.day.is_some() {
                return 0.8;
            }
            return match (w.month, w.year) {
                (None, Some(y)) if title_years.contains(&y) => 1.0,
                _ => month_reference(w, published),
            };
        }
        let all = published.into_iter().chain(text.iter());
        let year_seen = |y: i32| {
            published
                .into_iter()
                .chain(text.iter())
                .any(|t| t.year == Some(y))
        };
        match w.year {
            Some(y) if !year_seen(y) => -1.0,
            Some(_) => -0.3,
            None => {
                let mut all = all;
                if all.any(|t| t.month == w.month) {
                    -0.2
                } else {
                    -0.5
                }
            }
        }
    };
    q.iter().map(each).sum::<f32>() / q.len() as f32
}

/// How much a month the text names (and the publication does not) says the report is about it:
/// fully within a month of the publication ("inflasi Januari" out in February, a price "mulai 1
/// Desember" announced on 30 November); a month named further away is a look back or ahead ("the
/// weakest since last May", "the record set in March") in a report about another time, so among
/// same-topic reports the one published at the asked month wins. A year alone likewise, by
/// years: a report of the year before (next year's wage) or of the next January (the year's
/// total) is about it, one two years off that names it ("since 2029") looks back — unless its
/// title names that year (the caller's).
fn month_reference(w: &When, published: Option<&When>) -> f32 {
    let Some(p) = published else {
        return 1.0;
    };
    let Some(month) = w.month else {
        return match (w.year, p.year) {
            (Some(y), Some(py)) if (py - y).abs() >= 2 => BACK_REFERENCE,
            _ => 1.0,
        };
    };
    let (Some(py), Some(pm)) = (p.year, p.month) else {
        return 1.0;
    };
    let asked = i64::from(w.year.unwrap_or(py)) * 12 + i64::from(month);
    let gap = (i64::from(py) * 12 + i64::from(pm) - asked).abs();
    match gap {
        0 | 1 => 1.0,
        2 => BACK_REFERENCE + (1.0 - BACK_REFERENCE) / 2.0,
        _ => BACK_REFERENCE,
    }
}

/// The agreement of a month only named in the text, two or more months from the publication.
const BACK_REFERENCE: f32 = 0.5;

/// The share of the question's dated dates (a year or a month) that no date of the article matches
/// to the month: "9 Juni 2027" against a report of 2031 that never mentions June 2027, "bulan
/// Agustus" against a report none of whose dates falls in any August. A text date without a year
/// is read in the publication's year. The day is left out: a report of the 22nd on the 21st's
/// close is the same story.
pub fn conflict(q: &[When], published: Option<&When>, text: &[When]) -> f32 {
    let dated: Vec<&When> = q.iter().filter(|w| is_dated(w)).collect();
    if dated.is_empty() {
        return 0.0;
    }
    let year_of_text = published.and_then(|p| p.year);
    let matches = |w: &When, t: &When| {
        (w.year.is_none() || t.year.or(year_of_text) == w.year)
            && (w.month.is_none() || t.month == w.month)
    };
    let n = dated
        .iter()
        .filter(|w| {
            !published
                .into_iter()
                .chain(text.iter())
                .any(|t| matches(w, t))
        })
        .count();
    n as f32 / dated.len() as f32
}

/// Whether a question's date can conflict with a report's: it names a year or a month.
pub fn is_dated(w: &When) -> bool {
    w.year.is_some() || w.month.is_some()
}
