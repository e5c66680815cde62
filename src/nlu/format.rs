//! How figures and dates read in each reply language: `1.546.000` / `-0,03` and "13 Januari 2021"
//! for Indonesian, `1,546,000` / `-0.03` and "13 January 2021" for English.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use super::lang::Lang;
use super::lexicon::calendar::month_name;

/// A number as the reader's language writes it; integral values without decimals, others with two.
pub fn number(value: f64, lang: Lang) -> String {
    let decimals = if value.fract() == 0.0 { 0 } else { 2 };
    number_with(value, decimals, lang)
}

/// A number with exactly `decimals` decimals. Indonesian uses the parser's own writer (the same
/// convention the pages use); English swaps the separators.
pub fn number_with(value: f64, decimals: usize, lang: Lang) -> String {
    let id = crate::content::format_id_number_with(value, decimals);
    match lang {
        Lang::Id => id,
        Lang::En => id
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
    }
}

/// "13 Januari 2021" / "13 January 2021".
pub fn date(at: &DateTime<FixedOffset>, lang: Lang) -> String {
    format!(
        "{} {} {}",
        at.day(),
        month_name(at.month(), lang),
        at.year()
    )
}

/// The answer to "when was it published": the date and time, and for English readers also the
/// unambiguous ISO date, since day-month order differs between English conventions.
pub fn published(at: &DateTime<FixedOffset>, lang: Lang) -> String {
    match lang {
        Lang::Id => date_time(at, lang),
        Lang::En => format!("{} ({})", date_time(at, lang), at.format("%Y-%m-%d")),
    }
}

/// The date with the time and its Indonesian zone name: "13 Januari 2021 pukul 18:35 WIB".
pub fn date_time(at: &DateTime<FixedOffset>, lang: Lang) -> String {
    let zone = match at.offset().local_minus_utc() {
        25200 => "WIB".to_string(),
        28800 => "WITA".to_string(),
        32400 => "WIT".to_string(),
        _ => format!("UTC{}", at.format("%:z")),
    };
    let clock = format!("{:02}:{:02} {zone}", at.hour(), at.minute());
    match lang {
        Lang::Id => format!("{} pukul {clock}", date(at, lang)),
        Lang::En => format!("{}, {clock}", date(at, lang)),
    }
}

/// A paragraph in quotation marks: double ones, or single ones when the paragraph itself opens
/// with a quotation (a quote within a quote). A scraped page's doubled opening mark (`“”Kata`) is
/// read as the one mark it stands for.
pub fn quote(paragraph: &str) -> String {
    // A paragraph without an opening curly quote holds no doubled pair: copied without a search.
    let trimmed = paragraph.trim();
    let mut text = if trimmed.contains('“') {
        trimmed.replace("“”", "“")
    } else {
        trimmed.to_string()
    };
    if text.starts_with('”') {
        text.replace_range(..'”'.len_utf8(), "“");
    }
    let (open, close) = if text.starts_with(['“', '"', '‘', '\'']) {
        ('‘', '’')
    } else {
        ('“', '”')
    };
    // Pushed, not `format!`ted: formatting grew the string piece by piece (every answer quotes).
    let mut out = String::with_capacity(text.len() + open.len_utf8() + close.len_utf8());
    out.push(open);
    out.push_str(&text);
    out.push(close);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_reader_s_convention() {
        assert_eq!(number(1_546_000.0, Lang::Id), "1.546.000");
        assert_eq!(number(1_546_000.0, Lang::En), "1,546,000");
        assert_eq!(number(-0.03, Lang::Id), "-0,03");
        assert_eq!(number(-15.76, Lang::En), "-15.76");
        assert_eq!(number_with(5.0, 2, Lang::Id), "5,00");
    }

    #[test]
    fn dates_name_the_month_and_the_zone() {
        let at = DateTime::parse_from_rfc3339("2021-01-13T18:35:00+07:00").unwrap();
        assert_eq!(date(&at, Lang::Id), "13 Januari 2021");
        assert_eq!(date_time(&at, Lang::Id), "13 Januari 2021 pukul 18:35 WIB");
        assert_eq!(date(&at, Lang::En), "13 January 2021");
        assert_eq!(
            published(&at, Lang::En),
            "13 January 2021, 18:35 WIB (2021-01-13)"
        );
    }

    #[test]
    fn a_paragraph_is_quoted_in_double_marks() {
        assert_eq!(quote(" Kata dia. "), "“Kata dia.”");
    }

    #[test]
    fn a_paragraph_opening_with_a_quote_gets_single_marks_and_no_doubled_mark() {
        assert_eq!(
            quote("“”WhatsApp tidak dapat melihat pesan,” tulis WhatsApp."),
            "‘“WhatsApp tidak dapat melihat pesan,” tulis WhatsApp.’"
        );
        assert_eq!(
            quote("Ia menulis: “”Begitu juga.”"),
            "“Ia menulis: “Begitu juga.””"
        );
    }
}
