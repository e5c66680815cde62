//! The dateline a report opens with ("JAKARTA -", "TEMPO.CO, Jakarta -", "BANDUNG,
//! Situs.id –"): where and by whom it was filed, not what it tells.

/// How far into the first paragraph a dateline may end: past it, a dash is the sentence's own.
const MAX_DATELINE_CHARS: usize = 60;

/// The paragraph after its opening dateline, or the whole paragraph when it opens with none.
///
/// A dateline is one to three comma-separated parts before a spaced dash ("-", "–", "—",
/// "--"): a place or rubric in capitals ("JAKARTA", "MEDIA KOTA"), a site's name ("TEMPO.CO",
/// "Situs.id"), and, beside a site's name, a place written in title case ("Jakarta").
pub fn body_after_dateline(paragraph: &str) -> &str {
    let Some((prefix, rest)) = split_at_dash(paragraph) else {
        return paragraph;
    };
    let parts: Vec<&str> = prefix.split(',').map(str::trim).collect();
    if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return paragraph;
    }
    let has_site = parts.iter().any(|p| is_site(p));
    let fits = |p: &&str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        words.len() <= 3
            && (is_site(p)
                || words.iter().all(|w| is_capitals(w))
                || (has_site && words.iter().all(|w| is_title_case(w))))
    };
    if parts.iter().all(fits) && !rest.is_empty() {
        rest
    } else {
        paragraph
    }
}

/// The text before the first spaced dash within reach, and the text after it.
fn split_at_dash(paragraph: &str) -> Option<(&str, &str)> {
    let head: usize = paragraph
        .char_indices()
        .nth(MAX_DATELINE_CHARS)
        .map_or(paragraph.len(), |(at, _)| at);
    for (at, c) in paragraph[..head].char_indices() {
        if !matches!(c, '-' | '–' | '—') || at == 0 {
            continue;
        }
        let before = &paragraph[..at];
        if !before.ends_with(' ') {
            continue;
        }
        let after = paragraph[at..].trim_start_matches(['-', '–', '—']);
        if after.starts_with(' ') {
            return Some((before.trim_end(), after.trim_start()));
        }
    }
    None
}

fn is_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && !word.chars().any(char::is_lowercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
}

fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// A site's name as datelines write it: one word with a dot before two or more letters
/// ("TEMPO.CO", "Situs.id", "WWW.SITUS.COM").
fn is_site(part: &str) -> bool {
    !part.contains(char::is_whitespace)
        && part.rsplit_once('.').is_some_and(|(name, tld)| {
            name.chars().any(char::is_alphabetic)
                && tld.chars().count() >= 2
                && tld.chars().all(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::body_after_dateline;

    #[test]
    fn a_city_in_capitals_before_a_dash_is_a_dateline() {
        assert_eq!(
            body_after_dateline("LUMBUNG - Harga kopi naik."),
            "Harga kopi naik."
        );
        assert_eq!(
            body_after_dateline("KOTA BARU – Harga kopi naik."),
            "Harga kopi naik."
        );
    }

    #[test]
    fn a_site_and_a_city_in_either_order_and_case_are_a_dateline() {
        for opening in [
            "LUMBUNG, Situs.id - ",
            "SITUS.CO.ID, LUMBUNG -- ",
            "SITUS.CO, Lumbung - ",
            "Lumbung, Situs.Id – ",
            "WWW.SITUS.COM, LUMBUNG — ",
        ] {
            assert_eq!(
                body_after_dateline(&format!("{opening}Harga kopi naik.")),
                "Harga kopi naik.",
                "{opening}"
            );
        }
    }

    #[test]
    fn a_sentence_with_a_dash_keeps_its_words() {
        for text in [
            "Harga kopi naik - katanya - pekan ini.",
            "Lumbung - kota kopi - ramai.",
            "Pada 2023 - 2024 harga naik.",
            "Kopi-kopi lokal naik.",
            "BI rate naik 25 basis poin menjadi 6,25 persen - tertinggi sejak 2016.",
        ] {
            assert_eq!(body_after_dateline(text), text);
        }
    }

    #[test]
    fn a_dash_far_into_the_paragraph_is_no_dateline() {
        let text = format!("{} - Harga kopi naik.", "LUMBUNG ".repeat(10).trim_end());
        assert_eq!(body_after_dateline(&text), text);
    }

    #[test]
    fn a_paragraph_that_is_only_a_dateline_stays_whole() {
        assert_eq!(body_after_dateline("LUMBUNG -"), "LUMBUNG -");
    }
}
