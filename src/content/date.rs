//! Publication times as news pages write them: `Rabu, 13 Januari 2021 / 18:35 WIB`, `13 Jan 2021`,
//! `Senin, 5 Agt 2024 09.10 WITA`, `2024-03-05`, `March 5, 2024 09:10`, RFC 3339.
//!
//! Indonesian zones: `WIB` = +07:00, `WITA` = +08:00, `WIT` = +09:00. A time without a zone is read
//! as WIB (the pages are Jakarta's); a date without a time is read as midnight.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

// Month and day names are language data (`lexicon/<lang>/months.tsv`, `days.tsv`); the other
// words of a date line and the zones are the page parsers' (`lexicon/pages/date-words.txt`,
// `time-zones.tsv`).
use super::lexicon::PageLexicon;
use crate::nlu::lexicon::calendar::{is_day_name, month_number};

const WIB_SECONDS: i32 = 7 * 3600;

/// Reads a whole line as a publication time. Every word must be part of the date (day names,
/// separators like `/` and `pukul` are allowed), so a sentence that merely mentions a date is `None`.
pub fn parse_datetime(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if text.is_empty() || text.len() > 80 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt);
    }
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut time = None;
    let mut offset = None;
    let tokens = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|t| !t.is_empty());
    let date_words = &PageLexicon::builtin().date_words;
    for token in tokens {
        let lower = token.to_lowercase();
        let word = lower.trim_end_matches('.');
        if date_words.contains(word) || is_day_name(word) {
            continue;
        }
        if let Some(m) = month_number(word) {
            month = set_once(month, m)?;
        } else if let Some(o) = zone_offset(&lower) {
            offset = set_once(offset, o)?;
        } else if let Some((y, m, d, t)) = numeric_date(&lower) {
            year = set_once(year, y)?;
            month = set_once(month, m)?;
            day = set_once(day, d)?;
            if let Some(t) = t {
                time = set_once(time, t)?;
            }
        } else if let Some(t) = clock_time(&lower) {
            time = set_once(time, t)?;
        } else if let Ok(n) = word.parse::<u32>() {
            if word.len() == 4 {
                year = set_once(year, n as i32)?;
            } else if (1..=31).contains(&n) && word.len() <= 2 {
                day = set_once(day, n)?;
            } else {
                return None;
            }
        } else {
            return None;
        }
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    let time = time.unwrap_or(NaiveTime::MIN);
    let offset = offset.unwrap_or(FixedOffset::east_opt(WIB_SECONDS)?);
    offset.from_local_datetime(&date.and_time(time)).single()
}

/// Keeps the first value of a field; a second, different one makes the text not a date.
fn set_once<T: PartialEq + Copy>(slot: Option<T>, value: T) -> Option<Option<T>> {
    match slot {
        Some(existing) if existing != value => None,
        _ => Some(Some(value)),
    }
}

fn zone_offset(token: &str) -> Option<FixedOffset> {
    match PageLexicon::builtin().time_zones.get(token) {
        Some(hours) => FixedOffset::east_opt(hours * 3600),
        None => numeric_offset(token),
    }
}

/// `+07:00`, `+0700`, `-03:30`.
fn numeric_offset(token: &str) -> Option<FixedOffset> {
    let (sign, rest) = match token.chars().next()? {
        '+' => (1, &token[1..]),
        '-' => (-1, &token[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// `18:35`, `18.35`, `09:10:05`.
fn clock_time(token: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = token.split([':', '.']).collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let number = |i: usize| parts.get(i).map_or(Some(0), |p| p.parse::<u32>().ok());
    NaiveTime::from_hms_opt(number(0)?, number(1)?, number(2)?)
}

type NumericDate = (i32, u32, u32, Option<NaiveTime>);

/// `2024-03-05`, `2024-03-05T09:10`, `05/08/2024`, `5-8-2024` (day first, as Indonesians write).
fn numeric_date(token: &str) -> Option<NumericDate> {
    let (date_part, time) = match token.split_once('t') {
        Some((date, time)) => (date, Some(clock_time(time)?)),
        None => (token, None),
    };
    let parts: Vec<&str> = date_part.split(['-', '/']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        Some((numbers[0] as i32, numbers[1], numbers[2], time))
    } else if parts[2].len() == 4 {
        Some((numbers[2] as i32, numbers[1], numbers[0], time))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(text: &str) -> Option<String> {
        parse_datetime(text).map(|dt| dt.to_rfc3339())
    }

    #[test]
    fn the_kontan_dateline_with_day_name_and_wib_is_read() {
        assert_eq!(
            rfc("Rabu, 13 Januari 2021 / 18:35 WIB").as_deref(),
            Some("2021-01-13T18:35:00+07:00")
        );
    }

    #[test]
    fn abbreviations_and_other_indonesian_zones_are_read() {
        assert_eq!(
            rfc("Senin, 5 Agt 2024 09.10 WITA").as_deref(),
            Some("2024-08-05T09:10:00+08:00")
        );
        assert_eq!(
            rfc("5 Agustus 2024 / 09:10 WIT").as_deref(),
            Some("2024-08-05T09:10:00+09:00")
        );
        assert_eq!(
            rfc("13 Jan 2021").as_deref(),
            Some("2021-01-13T00:00:00+07:00")
        );
        assert_eq!(
            rfc("Jum'at, 1 Mar 2024 pukul 07.05 WIB").as_deref(),
            Some("2024-03-01T07:05:00+07:00")
        );
    }

    #[test]
    fn iso_english_and_numeric_forms_are_read() {
        assert_eq!(
            rfc("2024-03-05").as_deref(),
            Some("2024-03-05T00:00:00+07:00")
        );
        assert_eq!(
            rfc("2024-03-05T09:10").as_deref(),
            Some("2024-03-05T09:10:00+07:00")
        );
        assert_eq!(
            rfc("2024-03-05T09:10:00+00:00").as_deref(),
            Some("2024-03-05T09:10:00+00:00")
        );
        assert_eq!(
            rfc("March 5, 2024 09:10").as_deref(),
            Some("2024-03-05T09:10:00+07:00")
        );
        assert_eq!(
            rfc("Tuesday, 5 March 2024").as_deref(),
            Some("2024-03-05T00:00:00+07:00")
        );
        assert_eq!(
            rfc("05/08/2024 09:10 WIB").as_deref(),
            Some("2024-08-05T09:10:00+07:00")
        );
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_dates() {
        for text in [
            "",
            "Rabu (13/1) WhatsApp membantah",
            "Heboh sebar data pengguna ke Facebook",
            "31 Februari 2024",
            "13 Januari",
            "13 Januari 2021 / 25:00 WIB",
            "13 Januari 2021 14 Februari 2021",
            "TERBARU",
        ] {
            assert_eq!(rfc(text), None, "{text:?}");
        }
    }
}
