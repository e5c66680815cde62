//! Figures a reader glues to their scale or unit ("13rb", "1,5jt", "2M", "5kg", "900va"), parted
//! before tokenizing: the articles write "Rp 13 ribu", "1,5 juta", "2 miliar", "5 kg", so the
//! figure and the scale each match as the articles' own words, while the glued form is in none.

use std::borrow::Cow;

use crate::nlu::index::Index;
use crate::nlu::lexicon::MeasureRole;

/// The question with each figure glued to a scale or unit written apart, the scale spelled as the
/// articles write it (`figure-suffixes.tsv`: "13rb" → "13 ribu", "2M" → "2 miliar"); a unit the
/// articles write after a figure is parted as it is ("5kg" → "5 kg") when the glued form is no
/// word of the articles itself (a name such as "4g" stays). An "about" ending, "-an" or "an"
/// ("17rb-an", "17rban"), is dropped with it, and so is "an" glued to a bare figure ("jam 11an"):
/// the figure is the reader's round guess, and "an" alone is no word. Letters before the digits
/// ("lq45", "idx30") make a name, never a figure, unless they are a prefix of figures ("Rp13rb" →
/// "Rp 13 ribu").
pub(crate) fn part_glued_figures<'a>(raw: &'a str, index: &Index) -> Cow<'a, str> {
    let lx = &*index.lx;
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len() + 8);
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // The letters right before the digits: none, or a prefix of a figure glued on as well
        // ("Rp13rb"); any other ("lq45") makes a name.
        let run = if c.is_ascii_digit() {
            (0..i)
                .rev()
                .take_while(|&k| chars[k].is_alphabetic())
                .count()
        } else {
            0
        };
        let glued_prefix = run > 0 && {
            let prefix: String = chars[i - run..i]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect();
            lx.measure(&prefix, MeasureRole::Prefix).is_some()
        };
        // A numbered part glued to its number before a year ("kuartal2 2031", "semester2
        // 2031"): the tokenizer reads a word's trailing "2" as reduplication ("kuartal-kuartal"),
        // which before a year it is not. Other numbers part as words do (`part_word_number`).
        if run > 0 && !glued_prefix && numbered_part(&chars, i, run, index) {
            out.push(' ');
            changed = true;
        }
        let starts =
            c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric() || glued_prefix);
        if !starts {
            out.push(c);
            i += 1;
            continue;
        }
        // The figure: digits with inner separators ("1,5", "12.500").
        let mut end = i;
        while end < chars.len()
            && (chars[end].is_ascii_digit()
                || (matches!(chars[end], '.' | ',')
                    && chars.get(end + 1).is_some_and(char::is_ascii_digit)))
        {
            end += 1;
        }
        let letters_end = (end..chars.len())
            .find(|&k| !chars[k].is_alphabetic())
            .unwrap_or(chars.len());
        let figure: String = chars[i..end].iter().collect();
        let suffix: String = chars[end..letters_end].iter().collect();
        // Digits glued after the letters ("4g5") make a code, not a figure with a unit.
        let code = chars.get(letters_end).is_some_and(char::is_ascii_digit);
        // "jam 11an", "50an orang": chat's "about" ending on a bare figure; the reports write
        // the figure.
        if !code
            && suffix.eq_ignore_ascii_case("an")
            && index.term(&format!("{figure}an")).is_none()
        {
            out.push_str(&figure);
            changed = true;
            i = letters_end;
            continue;
        }
        match (!suffix.is_empty() && !code)
            .then(|| parted(&figure, &suffix, index))
            .flatten()
        {
            Some(word) => {
                if glued_prefix {
                    out.push(' ');
                }
                match in_thousands(&figure, &word) {
                    Some(whole) => out.push_str(&whole),
                    None => {
                        out.push_str(&figure);
                        out.push(' ');
                        out.push_str(&word);
                    }
                }
                changed = true;
                i = letters_end;
                // "17rb-an": the hyphenated "about" ending goes with the scale.
                let about: String = chars[i..chars.len().min(i + 3)].iter().collect();
                if about == "-an" && chars.get(i + 3).is_none_or(|c| !c.is_alphanumeric()) {
                    i += 3;
                }
            }
            None => {
                out.extend(&chars[i..letters_end]);
                i = letters_end;
            }
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(raw)
    }
}

/// Whether the lone "2" at `at`, after `run` letters, is the number of a period word (a quarter,
/// a semester, a round) followed by a figure: "kuartal2 2031".
fn numbered_part(chars: &[char], at: usize, run: usize, index: &Index) -> bool {
    if chars[at] != '2' || chars.get(at + 1).is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    let next = chars[at + 1..].iter().find(|c| !c.is_whitespace());
    let word: String = chars[at - run..at]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    next.is_some_and(char::is_ascii_digit) && index.lx.is_period_word(&word)
}

/// A word glued to the number after it ("ke12", "babak12", "abc27"), parted into the word and the
/// number when the articles never write the glued form: they write "ke-12", "ABC-27", which the
/// tokenizer reads as two words, so the glued form alone matches nothing and, holding a digit,
/// counts as a name the article must hold. A glued form the articles write ("LQ45") or the slang
/// lists know ("ke2") stays whole; a single letter before the digits is a code ("h5"), left alone.
/// Read once per question word.
pub(super) fn part_word_number(word: &str, index: &Index) -> Option<[String; 2]> {
    let split = word.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = word.split_at(split);
    let parts_fit = letters.chars().count() >= 2
        && letters.chars().all(|c| c.is_ascii_lowercase())
        && digits.chars().all(|c| c.is_ascii_digit());
    (parts_fit && index.term(word).is_none() && !index.lx.slang.contains_key(word))
        .then(|| [letters.to_string(), digits.to_string()])
}

/// A decimal figure of thousands written out whole, as the articles write a price ("13,5rb" →
/// "13.500", as in "Rp13.500"): "13,5 ribu" would leave a "5" no such article holds. Larger
/// scales stay words ("1,5 juta"): the articles write those so too.
fn in_thousands(figure: &str, scale: &str) -> Option<String> {
    if scale != "ribu" {
        return None;
    }
    let (whole, decimals) = figure.split_once([',', '.'])?;
    if decimals.is_empty() || decimals.len() > 3 || decimals.contains([',', '.']) {
        return None;
    }
    Some(format!("{whole}.{decimals:0<3}"))
}

/// The word to write after `figure` for the `suffix` glued to it, if it is a scale or a unit.
fn parted(figure: &str, suffix: &str, index: &Index) -> Option<String> {
    let lx = &*index.lx;
    let scale = |s: &str| lx.figure_suffix(s).map(str::to_string);
    if let Some(word) = scale(suffix) {
        return Some(word);
    }
    // "17rban": the "about" ending on the shorthand.
    if let Some(word) = suffix
        .strip_suffix("an")
        .filter(|s| !s.is_empty())
        .and_then(scale)
    {
        return Some(word);
    }
    let lower = suffix.to_lowercase();
    let glued = format!("{figure}{lower}");
    (lower.chars().count() >= 2 && index.term(&lower).is_some() && index.term(&glued).is_none())
        .then_some(lower)
}

/// An English word a reader glued the Indonesian clitic to ("profitnya", "pricenya"), parted
/// into the word and the clitic when the articles never write the glued form: read whole it is
/// a rare word only its own stem matches, and rare words count as what the question is about.
/// A root Indonesian took in ("infonya", "datanya") is an Indonesian word, read as one.
pub(super) fn part_english_clitic(word: &str, index: &Index) -> Option<[String; 2]> {
    let lx = &*index.lx;
    let root = word.strip_suffix("nya")?;
    (root.chars().count() >= 3
        && index.term(word).is_none()
        && lx.is_english_word(root)
        && !lx.is_real_word(root))
    .then(|| [root.to_string(), "nya".to_string()])
}

/// The scale a lone shorthand names ("t" → "triliun", "jt" → "juta"); a capital letter keeps
/// its own meaning ("M" is "miliar", a small "m" a metre).
pub(super) fn asked_scale<'a>(
    word: &str,
    capitalised: bool,
    lx: &'a crate::nlu::lexicon::Lexicon,
) -> Option<&'a str> {
    if capitalised && word.chars().count() == 1 {
        lx.figure_suffix(&word.to_uppercase())
    } else {
        lx.figure_suffix(word)
    }
}

#[cfg(test)]
mod tests {
    use super::part_glued_figures;
    use crate::nlu::testing;

    #[test]
    fn a_scale_glued_to_a_figure_is_written_as_the_articles_write_it() {
        let index =
            testing::one_article_index("Harga beras\n\nHarga naik menjadi Rp 13 ribu per 5 kg.\n");
        let part = |q: &str| part_glued_figures(q, &index).into_owned();
        assert_eq!(part("harga 13rb"), "harga 13 ribu");
        assert_eq!(part("gaji 1,5jt sebulan"), "gaji 1,5 juta sebulan");
        assert_eq!(
            part("utang 2M, bunga 3T"),
            "utang 2 miliar, bunga 3 triliun"
        );
        assert_eq!(part("sekitar 17rb-an aja"), "sekitar 17 ribu aja");
        assert_eq!(part("sekitar 17rban"), "sekitar 17 ribu");
        assert_eq!(part("beras 5kg"), "beras 5 kg");
        assert_eq!(part("harga 13,5rb"), "harga 13.500");
        assert_eq!(part("harga Rp13rb"), "harga Rp 13 ribu");
        assert_eq!(part("harga 1,25rb"), "harga 1.250");
    }

    #[test]
    fn the_about_ending_on_a_bare_figure_is_dropped() {
        let index =
            testing::one_article_index("Pasar ramai\n\nHingga pukul 10.00, 300 pembeli datang.\n");
        let part = |q: &str| part_glued_figures(q, &index).into_owned();
        assert_eq!(part("smp jam 10an brp pembeli?"), "smp jam 10 brp pembeli?");
        assert_eq!(part("ada 300AN org"), "ada 300 org");
    }

    #[test]
    fn a_period_word_glued_to_its_2_before_a_year_is_that_number() {
        let index = testing::one_article_index("Laba naik\n\nLaba kuartal II 2031 naik.\n");
        let part = |q: &str| part_glued_figures(q, &index).into_owned();
        assert_eq!(part("laba kuartal2 2031 brp"), "laba kuartal 2 2031 brp");
        // Elsewhere a trailing "2" says the word twice ("kuartal-kuartal", "hari-hari").
        assert_eq!(part("laba kuartal2 ini"), "laba kuartal2 ini");
        assert_eq!(part("rata2 2031"), "rata2 2031");
    }

    #[test]
    fn names_codes_and_plain_words_stay_as_written() {
        let index = testing::one_article_index(
            "Saham naik\n\nSaham LQ45 naik, jaringan 4g meluas sejauh 100 meter.\n",
        );
        let part = |q: &str| part_glued_figures(q, &index).into_owned();
        assert_eq!(part("lq45 naik brp"), "lq45 naik brp");
        assert_eq!(part("jaringan 4g"), "jaringan 4g");
        assert_eq!(part("tebing 100m"), "tebing 100m");
        assert_eq!(part("tahun 2024 bulan 5"), "tahun 2024 bulan 5");
    }

    #[test]
    fn a_word_glued_to_its_number_is_parted_unless_the_articles_write_it_glued() {
        let index = testing::one_article_index(
            "Indeks turun\n\nIndeks Abc-27 dan LQ45 turun pada babak ke-12.\n",
        );
        let part = |w: &str| super::part_word_number(w, &index);
        assert_eq!(part("abc27"), Some(["abc".to_string(), "27".to_string()]));
        assert_eq!(part("ke12"), Some(["ke".to_string(), "12".to_string()]));
        assert_eq!(part("lq45"), None);
        assert_eq!(part("h5"), None);
        assert_eq!(part("2024"), None);
    }
}
