//! Figures written with a decimal or thousands separator ("1.234,56", "Rp 7.800"), read whole:
//! the word tokenizer splits them into digit groups, and "6" and "25" are in nearly every report
//! while "6,25" is in few, so a figure the reader quotes tells same-topic reports apart.

/// The figures of a text that have a separator between digit groups, each as its digit groups
/// joined by `_`: writers differ on which separator is which ("6,25" and "6.25"), and a currency
/// sign or a space before the figure is no part of it. Sorted, without repeats.
pub fn of_text(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // Digits after a slash belong to a date ("21/11/2024").
        if i > 0 && chars[i - 1] == '/' {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let mut figure = String::new();
        let mut groups = 0;
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                figure.push(chars[i]);
                i += 1;
            }
            groups += 1;
            let sep = chars.get(i).is_some_and(|c| *c == '.' || *c == ',');
            if sep && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                figure.push('_');
                i += 1;
            } else {
                break;
            }
        }
        // Nor do digits before one.
        if groups > 1 && chars.get(i) != Some(&'/') {
            out.push(figure);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Each figure of a text (a plain number too) with each of the `after` words that follow it
/// ("50 basis poin (bps)" gives "50 basis", "50 poin", "50 bps"), as "figure word"; a figure
/// quoted with its unit ("yang 50 bps") tells the report holding that pair, where the bare "50"
/// is in many. A per-cent sign reads as "persen", as the tokenizer reads it. Sorted, without
/// repeats.
pub fn with_words(text: &str, after: usize) -> Vec<String> {
    let mut out: Vec<String> = spans(text)
        .into_iter()
        .flat_map(|(figure, rest)| {
            words_after(rest, after)
                .into_iter()
                .map(move |w| format!("{figure} {w}"))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Every figure of a text (digit groups joined by `_`) and the text after it.
fn spans(text: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        // Digits after a slash belong to a date ("21/11/2031"); after a letter, to a currency
        // ("Rp12.345") and still a figure.
        if !c.is_ascii_digit() || prev.is_some_and(|p| p.is_ascii_digit() || p == '/') {
            prev = Some(c);
            continue;
        }
        let mut figure = String::from(c);
        let mut end = i + c.len_utf8();
        let bytes = text.as_bytes();
        loop {
            match bytes.get(end) {
                Some(b) if b.is_ascii_digit() => {
                    figure.push(*b as char);
                    end += 1;
                }
                Some(b'.' | b',') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                    figure.push('_');
                    end += 1;
                }
                _ => break,
            }
        }
        while iter.peek().is_some_and(|(j, _)| *j < end) {
            iter.next();
        }
        prev = text[..end].chars().next_back();
        if bytes.get(end) != Some(&b'/') {
            out.push((figure, &text[end..]));
        }
    }
    out
}

/// The first `n` words of `rest`, lowercase, stopping at a figure or a sentence's end.
fn words_after(rest: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in rest.chars() {
        if out.len() >= n {
            break;
        }
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c == '%' {
            out.push("persen".to_string());
        } else if c.is_ascii_digit() || matches!(c, '.' | '!' | '?' | ';' | ',') {
            break;
        }
    }
    if !word.is_empty() && out.len() < n {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{of_text, with_words};

    #[test]
    fn a_figure_is_paired_with_the_words_after_it_up_to_a_figure_or_a_stop() {
        assert_eq!(
            with_words("naik 40 basis poin (bps) ke 5,5%.", 3),
            vec!["40 basis", "40 bps", "40 poin", "5_5 persen"]
        );
        assert_eq!(
            with_words("sebanyak 1.200 jiwa, lalu", 1),
            vec!["1_200 jiwa"]
        );
        assert!(with_words("pada 21/11/2031 saja", 2).is_empty());
        assert_eq!(with_words("Rp12.345 naik", 1), vec!["12_345 naik"]);
    }

    #[test]
    fn a_figure_keeps_its_digit_groups_whichever_separator_the_writer_used() {
        assert_eq!(of_text("naik ke 7,35 persen"), vec!["7_35"]);
        assert_eq!(of_text("naik ke 7.35 persen"), vec!["7_35"]);
        assert_eq!(of_text("ditutup di 1.234,56."), vec!["1_234_56"]);
    }

    #[test]
    fn a_currency_sign_or_a_space_before_a_figure_is_no_part_of_it() {
        assert_eq!(of_text("Rp12.345 dan Rp 12.345"), vec!["12_345"]);
    }

    #[test]
    fn plain_numbers_and_slashed_dates_are_not_figures() {
        assert!(of_text("sebanyak 250 orang pada Kamis (21/11/2030), pukul 9").is_empty());
        assert!(of_text("akhir kalimat 12. Lalu 3, 4").is_empty());
    }
}
