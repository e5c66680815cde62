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

#[cfg(test)]
mod tests {
    use super::of_text;

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
