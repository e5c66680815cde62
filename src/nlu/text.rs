//! Normalisation, the first pipeline stage: raw question or paragraph text → lowercase word tokens.
//!
//! NFKC, lowercase, punctuation and emoji dropped, runs of a repeated letter squeezed ("makasihhh"),
//! reduplication expanded ("org2", "bagi-bagi" → both words). Tokens remember whether the writer
//! capitalised them mid-sentence, a cheap named-entity signal used by the decision stage.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// One word of normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    /// Written with a capital letter and not the first word of the text (e.g. "Instagram").
    pub capitalised: bool,
}

/// The text with each ordinal numeral written as its number ("the 21st" → "the 21"), the suffix
/// told by `is_suffix` (lowercase): a day is written so in dates and articles.
pub fn plain_ordinals(text: &str, is_suffix: impl Fn(&str) -> bool) -> String {
    // Only letters right after a digit can be a suffix: a text with none (most) is itself.
    let mut after_digit = false;
    let suffixed = text.chars().any(|c| {
        let letter = after_digit && c.is_alphabetic();
        after_digit = c.is_ascii_digit();
        letter
    });
    if !suffixed {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let starts = c.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_alphanumeric());
        if !starts {
            out.push(c);
            i += 1;
            continue;
        }
        let digits_end = (i..chars.len())
            .find(|&k| !chars[k].1.is_ascii_digit())
            .unwrap_or(chars.len());
        let letters_end = (digits_end..chars.len())
            .find(|&k| !chars[k].1.is_alphabetic())
            .unwrap_or(chars.len());
        let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
        out.push_str(&text[at..byte(digits_end)]);
        let suffix = text[byte(digits_end)..byte(letters_end)].to_lowercase();
        let ends = letters_end == chars.len() || !chars[letters_end].1.is_ascii_digit();
        if suffix.is_empty() || !(ends && is_suffix(&suffix)) {
            out.push_str(&text[byte(digits_end)..byte(letters_end)]);
        }
        i = letters_end;
    }
    out
}

/// Splits text into normalised tokens. Never fails; emoji-only or punctuation-only text gives none.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Most text is NFKC already (plain ASCII always): the quick check skips the rebuild.
    let normalised: Cow<str> = if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    };
    // A word keeps inner digits ("idx30", "lq45") but a trailing "2" after letters is reduplication.
    let mut raw_words: Vec<&str> = Vec::new();
    let mut start = None;
    for (i, c) in normalised.char_indices() {
        if c == '%' {
            if let Some(s) = start.take() {
                raw_words.push(&normalised[s..i]);
            }
            raw_words.push("persen");
        } else if c.is_alphanumeric() {
            match start {
                None => start = Some(i),
                // "Rp12.345", "Rp200": a currency glued to its figure is read as two words, as
                // "Rp 12.345" is, so the figure matches however it is written.
                Some(s)
                    if c.is_ascii_digit() && glued_figure(&normalised[s..i], &normalised[i..]) =>
                {
                    raw_words.push(&normalised[s..i]);
                    start = Some(i);
                }
                Some(_) => {}
            }
        } else if start.is_some_and(|s| day_offset(&normalised[s..i], &normalised[i..])) {
            // "H-3", "H+2": a day counted from an occasion is one word, as the date it names.
        } else if let Some(s) = start.take() {
            raw_words.push(&normalised[s..i]);
        }
    }
    if let Some(s) = start {
        raw_words.push(&normalised[s..]);
    }
    // Reduplication adds a word now and then: the usual count is one token per word.
    let mut tokens = Vec::with_capacity(raw_words.len());
    let all_lower = !normalised.chars().any(|c| c.is_uppercase());
    let all_upper = !normalised.chars().any(|c| c.is_lowercase());
    for (i, raw) in raw_words.iter().enumerate() {
        let capitalised = i > 0
            && !all_lower
            && !all_upper
            && raw.chars().next().is_some_and(|c| c.is_uppercase());
        // An acronym in capitals amid lowercase text ("KKK", "PPPK") spells words, not a
        // letter held for emphasis: kept whole, as a sentence's words keep it.
        let acronym = !all_upper
            && raw.len() <= MAX_ACRONYM
            && raw.len() > 1
            && raw.chars().all(|c| c.is_ascii_uppercase());
        // Most words are ASCII, whose lowercase needs no Unicode tables (the same string).
        let lower = if raw.is_ascii() {
            raw.to_ascii_lowercase()
        } else {
            raw.to_lowercase()
        };
        let squeezed = if acronym { lower } else { as_token(lower) };
        if let Some(base) = reduplicated(&squeezed) {
            tokens.push(Token {
                word: base.to_string(),
                capitalised,
            });
            tokens.push(Token {
                word: base.to_string(),
                capitalised,
            });
        } else {
            tokens.push(Token {
                word: squeezed,
                capitalised,
            });
        }
    }
    tokens
}

/// Whether a token is a day counted from an occasion ("h-3", "h+2"): a label, like a date,
/// rather than a figure.
pub fn is_day_offset(word: &str) -> bool {
    word.len() > 2 && day_offset(&word[..1], &word[1..])
}

/// Whether a word so far and the text from a `+` or `-` on are a day counted from an occasion:
/// "H" (hari, the day) and the sign glued to a count of days ("H-7 Lebaran", "H+3").
pub(crate) fn day_offset(word: &str, rest: &str) -> bool {
    let mut after = rest.chars();
    word.eq_ignore_ascii_case("h")
        && matches!(after.next(), Some('+' | '-'))
        && after.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether letters followed by digits are a unit or currency glued to a figure ("Rp12.345",
/// "Rp200") rather than one name with digits ("idx30", "lq45", "covid19"): the figure is written
/// with a thousands or decimal separator, or the letters are at most two and the figure has three
/// digits or more, or the letters are the rupiah's sign, which Indonesian writes before any
/// figure as it writes "%" after one ("Rp12 ribu", "Rp5 triliun").
fn glued_figure(letters: &str, rest: &str) -> bool {
    if letters.is_empty() || !letters.chars().all(char::is_alphabetic) {
        return false;
    }
    if letters.eq_ignore_ascii_case("rp") {
        return true;
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let mut after = rest[digits..].chars();
    let separated =
        matches!(after.next(), Some('.' | ',')) && after.next().is_some_and(|c| c.is_ascii_digit());
    separated || (letters.chars().count() <= 2 && digits >= 3)
}

/// Tokens of running text (an article's paragraph) with `capitalised` marking a capital only
/// where no sentence starts: a word written so there is the writer's name for something, the
/// corpus evidence [`crate::nlu::index::Index::is_name`] counts. A sentence ends at `.`, `!` or
/// `?` before a space; the same words come out as from [`tokenize`].
pub fn tokenize_sentences(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace)
        {
            tokens.extend(tokenize(&text[start..=i]));
            start = i + 1;
        }
    }
    tokens.extend(tokenize(&text[start..]));
    tokens
}

/// Lowercase words only, for paragraphs and examples where capitalisation is not needed.
pub fn words(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.word).collect()
}

/// The longest word in capitals read as an acronym rather than a shout.
const MAX_ACRONYM: usize = 5;

/// Runs of three or more of the same letter become one ("haiii" → "hai"); doubles stay ("maaf").
pub fn squeeze(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut j = i;
        while j < chars.len() && chars[j] == c {
            j += 1;
        }
        let run = j - i;
        let keep = if c.is_alphabetic() && run >= 3 {
            1
        } else {
            run
        };
        for _ in 0..keep {
            out.push(c);
        }
        i = j;
    }
    out
}

/// A lowercase word as the tokenizer keeps it: squeezed ("haiii" → "hai"), unless its run is a
/// roman numeral's value ("triwulan III": squeezed, the third part would read as the first). Word
/// lists whose words must meet tokens read them this way. Most words have no run: they are kept
/// as they are, without another copy.
pub fn as_token(lower: String) -> String {
    if has_long_run(&lower) && !is_roman_run(&lower) {
        squeeze(&lower)
    } else {
        lower
    }
}

/// The roman numerals from one to twelve, lowercase, as quarters, classes and levels are numbered.
pub const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// The number a roman numeral up to twelve stands for ("iv" → 4), as quarters and classes are
/// numbered (the tokenizer leaves the runs of "III" and "VIII" unsqueezed).
pub fn roman_value(w: &str) -> Option<u32> {
    ROMAN.iter().position(|r| *r == w).map(|i| i as u32 + 1)
}

/// The two roman numerals up to twelve holding a run of three letters, which [`squeeze`] leaves.
fn is_roman_run(word: &str) -> bool {
    matches!(word, "iii" | "viii")
}

/// Whether [`squeeze`] would change the word: it holds three or more of the same letter in a row.
fn has_long_run(word: &str) -> bool {
    let mut previous = None;
    let mut run = 0;
    for c in word.chars() {
        if Some(c) == previous {
            run += 1;
        } else {
            previous = Some(c);
            run = 1;
        }
        if run >= 3 && c.is_alphabetic() {
            return true;
        }
    }
    false
}

/// "org2" → Some("org"): letters followed by a single `2` mean the word twice.
fn reduplicated(word: &str) -> Option<&str> {
    let base = word.strip_suffix('2')?;
    // "ke2" is the ordinal prefix before its number ("the second"), no word said twice.
    (base.chars().count() >= 2 && base.chars().all(|c| c.is_alphabetic()) && base != "ke")
        .then_some(base)
}

/// A vowel of the Latin alphabet as both languages write it (y counts as a consonant).
pub fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A word that is a year: four digits, 19xx or 20xx.
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// True when the token holds a digit (years, amounts): a salient detail a passage must contain.
pub fn has_digit(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// How many times each ASCII character occurs in a word; `None` for a word with others.
pub fn letter_counts(word: &str) -> Option<[u8; 128]> {
    let mut counts = [0u8; 128];
    for b in word.bytes() {
        if !b.is_ascii() {
            return None;
        }
        counts[b as usize] = counts[b as usize].saturating_add(1);
    }
    Some(counts)
}

/// A lower bound of the edit distance (insertions, deletions, substitutions, transpositions)
/// between two words: each edit takes at most one letter from the letters one word holds beyond
/// the other, on either side.
pub fn bag_distance(a: &[u8; 128], b: &[u8; 128]) -> usize {
    // Without a branch per letter, so that the loop vectorises: it runs for every vocabulary word
    // a typo is checked against, and the branchy form was most of the typo correction's time.
    let (mut more, mut fewer) = (0u32, 0u32);
    for (&x, &y) in a.iter().zip(b) {
        more += u32::from(x.saturating_sub(y));
        fewer += u32::from(y.saturating_sub(x));
    }
    more.max(fewer) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinal_numeral_is_written_as_its_number_and_other_glued_words_are_kept() {
        let suffix = |s: &str| ["st", "nd", "rd", "th"].contains(&s);
        assert_eq!(
            plain_ordinals("On October 21st, the 3rd and 4TH day", suffix),
            "On October 21, the 3 and 4 day"
        );
        assert_eq!(plain_ordinals("lq45 naik 5g 2x", suffix), "lq45 naik 5g 2x");
    }

    #[test]
    fn only_a_run_of_three_letters_needs_squeezing() {
        for w in ["makasihhh", "haiii", "maaf", "1000", "lq45", "ok"] {
            assert_eq!(has_long_run(w), squeeze(w) != w, "{w}");
        }
    }

    #[test]
    fn the_letter_count_bound_never_exceeds_the_edit_distance() {
        let pairs = [
            ("deposito", "depostio"),
            ("pemerintah", "pemerintha"),
            ("saham", "sahamnya"),
            ("inflasi", "inflasi"),
            ("emas", "mase"),
            ("bunga", "harga"),
        ];
        for (a, b) in pairs {
            let bound = bag_distance(&letter_counts(a).unwrap(), &letter_counts(b).unwrap());
            assert!(bound <= strsim::damerau_levenshtein(a, b), "{a} {b}");
        }
        assert_eq!(
            bag_distance(
                &letter_counts("emas").unwrap(),
                &letter_counts("mase").unwrap()
            ),
            0
        );
        assert!(letter_counts("café").is_none());
    }

    #[test]
    fn punctuation_and_emoji_are_dropped_and_case_is_folded() {
        assert_eq!(words("Halo, Bot!! 😀👍"), vec!["halo", "bot"]);
        assert!(words("🙏🙏🙏 ...").is_empty());
    }

    #[test]
    fn repeated_letters_are_squeezed_but_doubles_stay() {
        assert_eq!(squeeze("makasihhh"), "makasih");
        assert_eq!(squeeze("maaf"), "maaf");
        assert_eq!(squeeze("2000"), "2000");
        let words: Vec<String> = tokenize("triwulan III, zona VIII, bagusss")
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(words, ["triwulan", "iii", "zona", "viii", "bagus"]);
    }

    #[test]
    fn an_acronym_in_capitals_keeps_its_run_but_a_shout_is_squeezed() {
        assert_eq!(
            words("harga karet KKK 90 persen, guru PPPK"),
            ["harga", "karet", "kkk", "90", "persen", "guru", "pppk"]
        );
        assert_eq!(words("HALOOO BOT"), ["halo", "bot"]);
        assert_eq!(words("mantappp"), ["mantap"]);
    }

    #[test]
    fn reduplication_gives_the_word_twice() {
        assert_eq!(words("org2 bagi-bagi"), vec!["org", "org", "bagi", "bagi"]);
        assert_eq!(words("idx30 lq45 2014"), vec!["idx30", "lq45", "2014"]);
        assert_eq!(words("naik 6%"), vec!["naik", "6", "persen"]);
    }

    #[test]
    fn a_day_counted_from_an_occasion_is_one_word_but_other_signs_part_words() {
        assert_eq!(
            words("H-7 Lebaran dan H+3-nya"),
            ["h-7", "lebaran", "dan", "h+3", "nya"]
        );
        assert!(is_day_offset("h+3") && is_day_offset("h-12"));
        assert_eq!(words("PH-7 dan h- 3"), ["ph", "7", "dan", "h", "3"]);
        assert!(!is_day_offset("h") && !is_day_offset("h-"));
    }

    #[test]
    fn a_currency_glued_to_its_figure_is_two_words_but_a_name_with_digits_is_one() {
        assert_eq!(words("Rp12.345/US$"), vec!["rp", "12", "345", "us"]);
        assert_eq!(words("naik Rp200"), vec!["naik", "rp", "200"]);
        assert_eq!(words("Rp17 ribu"), vec!["rp", "17", "ribu"]);
        assert_eq!(words("Rp 12.345"), words("Rp12.345"));
        assert_eq!(
            words("idx30 lq45 covid19"),
            vec!["idx30", "lq45", "covid19"]
        );
    }

    #[test]
    fn compatibility_forms_are_normalised() {
        assert_eq!(words("ＷＡ ｆｂ"), vec!["wa", "fb"]);
    }

    #[test]
    fn a_capital_opening_a_sentence_of_running_text_is_no_name() {
        let t = tokenize_sentences("Warga Sukalaras panen. Panen raya di Sukalaras ramai.");
        let marked: Vec<&str> = t
            .iter()
            .filter(|t| t.capitalised)
            .map(|t| t.word.as_str())
            .collect();
        assert_eq!(marked, ["sukalaras", "sukalaras"]);
        assert_eq!(
            t.len(),
            words("Warga Sukalaras panen. Panen raya di Sukalaras ramai.").len()
        );
    }

    #[test]
    fn capitals_mid_sentence_are_marked_but_not_in_shouting_or_lowercase_text() {
        let t = tokenize("Kapan Instagram dibeli?");
        assert!(!t[0].capitalised && t[1].capitalised && !t[2].capitalised);
        assert!(tokenize("KAPAN INSTAGRAM").iter().all(|t| !t.capitalised));
    }
}
