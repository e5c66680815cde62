//! Figures written with a decimal or thousands separator ("1.234,56", "Rp 7.800"), read whole:
//! the word tokenizer splits them into digit groups, and "6" and "25" are in nearly every report
//! while "6,25" is in few, so a figure the reader quotes tells same-topic reports apart.

use super::lexicon::{Lexicon, MeasureRole};
use super::text::Token;

/// The figures of a text that have a separator between digit groups, each as its digit groups
/// joined by `_`: writers differ on which separator is which ("6,25" and "6.25"), and a currency
/// sign or a space before the figure is no part of it. Sorted, without repeats.
pub fn of_text(text: &str) -> Vec<String> {
    // A text without a digit (most questions) writes no figure: no copy of its characters.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
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
        // Nor do digits before one, when a date's next part follows ("12.5/2031"); a rate's
        // slash is no date ("Rp16.585/US$").
        let dated =
            chars.get(i) == Some(&'/') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if groups > 1 && !dated {
            out.push(figure);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The whole numbers of a text of two or more digits written before a unit or a scale ("35 bps",
/// "38 desa", "12 juta", "30%"; `measures.tsv`), neither a digit group of a figure with a
/// separator ("3,50") nor part of a slashed date: on one topic, the count or rate the reader
/// quotes is in the report that holds it whole, while its digits as a group of another figure
/// are in many. A number before no unit often names ("pasal 21", "tahun 2031") rather than
/// counts. Sorted, without repeats.
pub fn whole_of_text(text: &str, lx: &Lexicon) -> Vec<String> {
    // As in `of_text`: no digit, no number.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let joins = |c: Option<&char>| c.is_some_and(|c| matches!(c, '.' | ',' | '/'));
    let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let before = start.checked_sub(1).and_then(|k| chars.get(k));
        let joined_before = joins(before) && digit(start.checked_sub(2).and_then(|k| chars.get(k)));
        let joined_after = joins(chars.get(i)) && digit(chars.get(i + 1));
        let letter_next = chars.get(i).is_some_and(|c| c.is_alphabetic());
        let unit_next = chars.get(i) == Some(&'%') || {
            let mut k = i;
            while chars.get(k) == Some(&' ') {
                k += 1;
            }
            let word: String = chars[k.min(chars.len())..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .flat_map(|c| c.to_lowercase())
                .collect();
            k > i && (lx.measure(&word, MeasureRole::Unit).is_some() || lx.is_scale(&word))
        };
        // A label's letters glued to its number name ("R1", "PPh22"); a currency sign glued to
        // the sum ("Rp918 triliun", as many outlets write it) is no part of it.
        let letter_before = before.is_some_and(|c| c.is_alphabetic()) && {
            let run: String = chars[..start]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            !run.eq_ignore_ascii_case("pr")
        };
        let n: String = chars[start..i].iter().collect();
        if n.len() >= 2
            && !n.starts_with('0')
            && unit_next
            && !joined_before
            && !joined_after
            && !letter_next
            && !letter_before
        {
            out.push(n);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The sums a text writes with a scale word ("Rp 10 ribu", "1,5 juta", "Rp1,069 juta"), written
/// out in `of_text` form ("10_000", "1_500_000", "1_069_000"): a reader quotes in digits what the
/// report says in words ("Rp 10,000" for "Rp 10 ribu"), and the sum is the same figure. Only a
/// number of one to three decimals right before a scale of a thousand or more, whose product is
/// whole. Sorted, without repeats.
pub fn scaled_of_text(text: &str, lx: &Lexicon) -> Vec<String> {
    // Digits, separators and the scale words are ASCII: bytes index the text without a copy.
    let b = text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let run_end = |mut k: usize| {
        while digit(k) {
            k += 1;
        }
        k
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        let start = i;
        i = run_end(i);
        let mut whole = text[start..i].to_string();
        let mut decimals = "";
        let sep = b.get(i).copied();
        if matches!(sep, Some(b',' | b'.')) && digit(i + 1) {
            let end = run_end(i + 1);
            decimals = &text[i + 1..end];
            i = end;
            // Indonesian groups thousands with a dot ("1.500 triliun"), decimals with a comma.
            if sep == Some(b'.') && decimals.len() == 3 {
                whole.push_str(decimals);
                decimals = "";
            }
        }
        // A slashed date or a longer figure is no scaled sum.
        let more = b.get(i).is_some_and(|c| matches!(c, b'.' | b',' | b'/')) && digit(i + 1);
        if decimals.len() > 3 || more {
            continue;
        }
        let mut k = i;
        while b.get(k) == Some(&b' ') {
            k += 1;
        }
        let end = k + b[k..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if end == k {
            continue;
        }
        let word = text[k..end].to_ascii_lowercase();
        let Some(scale) = lx.scale_value(&word).filter(|v| *v >= 1000.0) else {
            continue;
        };
        let zeros = scale.log10().round() as usize;
        if decimals.len() > zeros || whole.len() > 6 {
            continue;
        }
        // Exact in digits: the decimals shift into the scale's zeros.
        let digits = format!("{whole}{decimals}{}", "0".repeat(zeros - decimals.len()));
        let digits = digits.trim_start_matches('0');
        if digits.is_empty() {
            continue;
        }
        let head = digits.len() % 3;
        let mut groups: Vec<&str> = Vec::new();
        if head > 0 {
            groups.push(&digits[..head]);
        }
        groups.extend((head..digits.len()).step_by(3).map(|g| &digits[g..g + 3]));
        out.push(groups.join("_"));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a sum written in full (`of_text` form, "12_345_678": thousands groups of three
/// digits after the first) rounds to the figure a reader quotes with one or two decimals, as
/// before a scale word ("Rp12,3 juta" reads "12_3"): readers and headlines round a long sum to its
/// leading group and a decimal, the report writes it out. Only sums of three or more groups (a
/// million and up, where a scale word is how people say them; the scale word itself is not
/// read, since a figure quoted for another measure rarely matches such a sum by chance); a
/// rounding that carries into the leading group ("7.96…" to "8,0") is not followed.
pub fn rounds_to(written: &str, quoted: &str) -> bool {
    let Some((lead, decimals)) = quoted.split_once('_') else {
        return false;
    };
    if decimals.is_empty() || decimals.len() > 2 || decimals.contains('_') {
        return false;
    }
    let Some(rest) = written.strip_prefix(lead).and_then(|r| r.strip_prefix('_')) else {
        return false;
    };
    let groups: Vec<&str> = rest.split('_').collect();
    if groups.len() < 2 || groups.iter().any(|g| g.len() != 3) {
        return false;
    }
    // The fraction's digits after the leading group, rounded half up to the quoted decimals.
    let digits: String = groups.concat();
    let keep = decimals.len();
    let Ok(kept) = digits[..keep].parse::<u32>() else {
        return false;
    };
    let up = digits.as_bytes()[keep] >= b'5';
    let rounded = kept + u32::from(up);
    rounded < 10u32.pow(keep as u32) && decimals.parse::<u32>() == Ok(rounded)
}

/// Longest comparison phrase of `comparisons.txt`, in words ("lebih tinggi dari").
const COMPARISON_WORDS: usize = 3;

/// Per token of a question (as [`text::tokenize`](super::text::tokenize) splits it): whether it
/// is a digit group of a threshold, a figure right after a comparison ("di atas 7,25 persen",
/// "less than Rp4 million"; `comparisons.txt`), a currency sign between them allowed. A reader
/// picks a report by such a figure, whose report writes another one (the measure's own value),
/// so it is no figure the report must hold. Read once per question.
pub fn thresholds(tokens: &[Token], lx: &Lexicon) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let digits = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| !t.word.is_empty() && t.word.bytes().all(|b| b.is_ascii_digit()))
    };
    // A currency sign glued to a short sum is one token ("rp3").
    let signed = |k: usize| {
        let w = tokens[k].word.as_str();
        let sign = w.trim_end_matches(|c: char| c.is_ascii_digit());
        sign.len() < w.len() && lx.measure(sign, MeasureRole::Prefix).is_some()
    };
    for end in 1..tokens.len() {
        // A comparison ending at `end - 1`, the figure at `end`, or after a currency sign there.
        let sign = lx.measure(&tokens[end].word, MeasureRole::Prefix).is_some();
        let at = if sign { end + 1 } else { end };
        if !(digits(at) || (!sign && signed(at))) || out[at - 1] {
            continue;
        }
        let compares = (1..=COMPARISON_WORDS.min(end)).any(|n| {
            let words: Vec<&str> = tokens[end - n..end]
                .iter()
                .map(|t| t.word.as_str())
                .collect();
            lx.is_comparison(&words.join(" "))
        });
        // "over 2031" is throughout a year, not above a figure.
        let year = tokens[at].word.len() == 4
            && (tokens[at].word.starts_with("19") || tokens[at].word.starts_with("20"))
            && !digits(at + 1);
        if compares && !year {
            out[at] = true;
            let mut k = at + 1;
            while digits(k) {
                out[k] = true;
                k += 1;
            }
        }
    }
    out
}

/// The threshold figures of a question, in [`of_text`] form (digit groups joined by `_`) — the
/// figure a run of marked digit tokens spells ([`thresholds`]).
pub fn threshold_figures(tokens: &[Token], marks: &[bool]) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (t, &m) in tokens.iter().zip(marks) {
        if m {
            run.push(t.word.trim_start_matches(|c: char| !c.is_ascii_digit()));
        } else if !run.is_empty() {
            out.push(run.join("_"));
            run.clear();
        }
    }
    if !run.is_empty() {
        out.push(run.join("_"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{of_text, rounds_to, scaled_of_text, threshold_figures, thresholds, whole_of_text};
    use crate::nlu::testing::lexicon;

    #[test]
    fn a_figure_after_a_comparison_is_a_threshold_and_a_stated_one_is_not() {
        let lx = lexicon();
        let figures = |q: &str| {
            let tokens = crate::nlu::text::tokenize(q);
            threshold_figures(&tokens, &thresholds(&tokens, &lx))
        };
        // Made-up figures.
        assert_eq!(figures("waktu kursnya di atas 7,25 persen"), vec!["7_25"]);
        assert_eq!(figures("harga lebih dari Rp3 juta"), vec!["3"]);
        assert_eq!(figures("harga lebih dari Rp 3.150"), vec!["3_150"]);
        assert_eq!(figures("a month with the index below 4%"), vec!["4"]);
        assert!(figures("inflasi naik ke 7,25 persen").is_empty());
        assert!(figures("how many visitors came over 2031").is_empty());
        assert!(figures("sedikitnya 12 rumah rusak").is_empty());
    }

    #[test]
    fn a_whole_number_before_a_unit_is_kept_and_a_digit_group_or_a_label_is_not() {
        let lx = lexicon();
        let whole = |t: &str| whole_of_text(t, &lx);
        assert_eq!(whole("naik 35 basis poin ke 3,50 persen"), vec!["35"]);
        assert!(whole("Kamis (21/11/2030), 1.250 orang, pasal 21 pada 2031").is_empty());
        assert_eq!(
            whole("merendam 38 desa, 7 rumah, naik 12%"),
            vec!["12", "38"]
        );
        // A currency sign glued to the sum is no label: "Rp41 triliun" quotes 41 whole.
        assert_eq!(whole("senilai Rp41 triliun, kode PPh22 persen"), vec!["41"]);
        // Reports abbreviate metres: "tinggi 500 m" holds the 500 metres a reader asks about.
        assert_eq!(whole("asap setinggi 500 m di atas puncak"), vec!["500"]);
    }

    #[test]
    fn a_sum_written_with_a_scale_word_reads_as_the_figure_in_digits() {
        let lx = lexicon();
        let scaled = |t: &str| scaled_of_text(t, &lx);
        assert_eq!(scaled("naik jadi Rp 10 ribu per kg"), vec!["10_000"]);
        assert_eq!(scaled("mencapai 1,5 juta orang"), vec!["1_500_000"]);
        assert_eq!(scaled("harga Rp1,069 juta per gram"), vec!["1_069_000"]);
        assert_eq!(
            scaled("Rp 2,5 triliun dan 12 persen"),
            vec!["2_500_000_000_000"]
        );
        assert_eq!(scaled("utang Rp 1.500 miliar"), vec!["1_500_000_000_000"]);
        // No scale word, a slashed date or a multiplier under a thousand: nothing.
        assert!(scaled("naik 12 persen pada 10/11 dan 3 ratus").is_empty());
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
        assert!(of_text("pada 12.5/2031").is_empty());
    }

    #[test]
    fn a_rate_written_with_a_slash_keeps_its_figure() {
        assert_eq!(of_text("ditutup di Rp12.345/US$"), vec!["12_345"]);
    }

    #[test]
    fn a_long_sum_rounds_to_the_leading_group_and_a_decimal_a_reader_quotes() {
        // Made-up sums: "Rp 12.345.678" is "12,3 juta" (and "12,35"), not "12,4" nor "12,34".
        assert!(rounds_to("12_345_678", "12_3"));
        assert!(rounds_to("12_345_678", "12_35"));
        assert!(!rounds_to("12_345_678", "12_4"));
        assert!(!rounds_to("12_345_678", "12_34"));
        // Half up; a carry into the leading group is not followed.
        assert!(rounds_to("7_250_000", "7_3"));
        assert!(!rounds_to("7_960_000", "8_0"));
        // A thousand-sized figure or a decimal figure is no long sum.
        assert!(!rounds_to("6_215", "6_2"));
        assert!(!rounds_to("6_25", "6_2"));
    }
}
