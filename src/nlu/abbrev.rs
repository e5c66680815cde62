//! Vowel-dropped abbreviations ("hrg", "mngkn", "kndraan") spelled out against a vocabulary, so
//! that a reader's shorthand matches without a slang entry per word: chat Indonesian shortens a
//! word by dropping its vowels (and the nasal of "ng"/"ny"), keeping its first letter and its
//! consonants in order.

/// Shortest consonant outline that may be spelled out as a function or question word: two
/// consonants ("bs", "pd") fit too many words to guess, so those stay in the slang lists.
const MIN_OUTLINE: usize = 3;

/// Shortest outline spelled out as an article word: three consonants still fit several nouns and
/// verbs ("mkn": makan, makin), four rarely do ("kndr": kendaraan).
const MIN_OPEN_OUTLINE: usize = 4;

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A word's consonant outline: its first letter, then its consonants without doubled letters,
/// with "ng"/"ny" written as the one letter readers keep ("tanggal" → "tgl", "banyak" → "byk").
pub fn outline(word: &str) -> String {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = vec![first];
    let mut previous = first;
    for c in chars {
        // A doubled letter ("gg", "pp") is written once; the same consonant twice across a vowel
        // ("s" in "negosiasi") is two letters.
        let doubled = previous == c;
        previous = c;
        if is_vowel(c) || (doubled && out.len() > 1) {
            continue;
        }
        // The nasal of a digraph goes: "ng" → "g", "ny" → "y" (not a first letter: "nyata").
        if matches!(c, 'g' | 'y') && out.len() > 1 && out.last() == Some(&'n') {
            out.pop();
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// Whether `short` is `full` with only vowels (and a digraph's nasal or a doubled letter) left
/// out: same outline, and every letter of `short` found in `full` in order.
pub fn spells_out(short: &str, full: &str) -> bool {
    if full.len() <= short.len() || !short.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let mut rest = full.chars();
    short.chars().all(|c| rest.any(|f| f == c)) && outline(short) == outline(full)
}

/// Whether a word looks like a vowel-dropped abbreviation worth spelling out: letters only, an
/// outline long enough to be specific, and more consonants than vowels ("brapa", not "bila").
pub fn is_candidate(word: &str) -> bool {
    if !word.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let vowels = word.chars().filter(|c| is_vowel(*c)).count();
    let consonants = word.chars().count() - vowels;
    outline(word).chars().count() >= MIN_OUTLINE && vowels < consonants
}

/// Whether the word's outline is specific enough to be spelled out as an article word.
pub fn is_specific(word: &str) -> bool {
    outline(word).chars().count() >= MIN_OPEN_OUTLINE
}

/// Whether an article word is filed under its outline: one of three consonants may still spell
/// out a shorthand, when one word of the archive clearly owns it ([`owner`]).
pub fn is_outlined(word: &str) -> bool {
    outline(word).chars().count() >= MIN_OUTLINE
}

/// Times more passages the owner of a three-consonant outline must be in than the next word
/// sharing it ("lwn": "lawan" and no other), and the fewest passages it must be in: such an
/// outline fits many words, and an acronym the archive lacks is spelled like one ("mrt").
const OWNER_MARGIN: u32 = 3;
const OWNER_MIN_PASSAGES: u32 = 2;

/// The word a short shorthand ("lwn", "krta": three consonants, no vowel between first and last)
/// spells out among `(word, passages)` candidates: one with two letters more at least (vowels
/// dropped; a word one letter short is the typo corrector's), in passages enough, and far more of
/// them than any other fit.
pub fn owner<'a>(short: &str, candidates: impl Iterator<Item = (&'a str, u32)>) -> Option<String> {
    let inner = short
        .chars()
        .skip(1)
        .take(short.chars().count().saturating_sub(2));
    if inner.clone().any(is_vowel) || outline(short).chars().count() != MIN_OUTLINE {
        return None;
    }
    let mut fits: Vec<(&str, u32)> = candidates
        .filter(|(w, _)| w.chars().count() >= short.chars().count() + 2 && spells_out(short, w))
        .collect();
    fits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut seen = std::collections::HashSet::new();
    fits.retain(|(w, _)| seen.insert(*w));
    match fits.as_slice() {
        [(w, n), rest @ ..]
            if *n >= OWNER_MIN_PASSAGES
                && rest.first().is_none_or(|r| *n >= OWNER_MARGIN * r.1) =>
        {
            Some(w.to_string())
        }
        _ => None,
    }
}

/// The spelling-out of `short` among `(word, weight)` candidates: the heaviest (the word most
/// articles use), and only when it outweighs every other (a tie is a guess, left to the typo
/// corrector and the lists).
pub fn best<'a>(short: &str, candidates: impl Iterator<Item = (&'a str, u32)>) -> Option<String> {
    let mut fits: Vec<(&str, u32)> = candidates.filter(|(w, _)| spells_out(short, w)).collect();
    fits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // One word offered twice (a question word is a function word too: "berapa") is one fit, not
    // a tie with itself; its heaviest offer stands.
    let mut seen = std::collections::HashSet::new();
    fits.retain(|(w, _)| seen.insert(*w));
    match fits.as_slice() {
        [(w, _)] => Some(w.to_string()),
        [(w, a), (_, b), ..] if a > b => Some(w.to_string()),
        _ => None,
    }
}

/// Whether `short` shortens the two words `a b`: their initials ("kj" for two words starting k
/// and j), or a blend of the first one's start and letters of the second, two at least from each
/// ("kopjo" from "kopi jogja", "batsir" from "batik pesisir" does not: the second starts with p).
pub fn shortens_pair(short: &str, a: &str, b: &str) -> bool {
    let n = short.len();
    if !short.chars().all(|c| c.is_ascii_lowercase()) || n == 3 || n < 2 {
        return false;
    }
    if n == 2 {
        return a.starts_with(&short[..1]) && b.starts_with(&short[1..]);
    }
    // The second word may be cut to letters of its syllables ("ol" for "online").
    (2..=n - 2).any(|i| {
        let (x, y) = short.split_at(i);
        let mut rest = b.chars();
        a.starts_with(x) && b.starts_with(&y[..1]) && y.chars().all(|c| rest.any(|l| l == c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_keep_the_first_letter_and_the_consonants() {
        assert_eq!(outline("harga"), "hrg");
        assert_eq!(outline("tanggal"), "tgl");
        assert_eq!(outline("banyak"), "byk");
        assert_eq!(outline("sekarang"), "skrg");
        assert_eq!(outline("orang"), "org");
        assert_eq!(outline("skrng"), "skrg");
    }

    #[test]
    fn a_vowel_dropped_word_spells_out_to_its_full_form() {
        assert!(spells_out("hrg", "harga"));
        assert!(spells_out("mngkn", "mungkin"));
        assert!(spells_out("kndraan", "kendaraan"));
        assert!(spells_out("brapa", "berapa"));
        assert!(spells_out("bnyk", "banyak"));
        assert!(spells_out("pmrntah", "pemerintah"));
    }

    #[test]
    fn a_word_with_other_consonants_or_letters_does_not_spell_out() {
        assert!(!spells_out("hrg", "harta"), "another consonant is no vowel");
        assert!(
            !spells_out("infalsi", "inflasi"),
            "a swap is a typo, not a shorthand"
        );
        assert!(!spells_out("harga", "harga"));
        assert!(!spells_out("tgl", "total"));
        assert!(
            !spells_out("ngasi", "negosiasi"),
            "one s is not the two of the longer word"
        );
    }

    #[test]
    fn only_consonant_heavy_words_of_three_consonants_are_candidates() {
        assert!(is_candidate("hrg"));
        assert!(is_candidate("brapa"));
        assert!(!is_candidate("bs"), "two consonants fit too many words");
        assert!(!is_candidate("bila"));
        assert!(!is_candidate("2023"));
    }

    #[test]
    fn the_word_most_articles_use_wins_a_tie_of_outlines() {
        let vocab = [("tinggal", 2), ("tanggal", 9), ("tanggul", 1)];
        assert_eq!(best("tgl", vocab.into_iter()).as_deref(), Some("tanggal"));
        assert_eq!(best("tgl", std::iter::empty()), None);
        let tie = [("makan", 3), ("makin", 3)];
        assert_eq!(best("mkn", tie.into_iter()), None, "a tie is a guess");
        let twice = [("berapa", 7), ("berapa", 7)];
        assert_eq!(
            best("brpa", twice.into_iter()).as_deref(),
            Some("berapa"),
            "one word listed twice is no tie"
        );
    }

    #[test]
    fn a_blend_or_the_initials_of_two_words_shortens_them() {
        assert!(shortens_pair("kopjo", "kopi", "jogja"));
        assert!(shortens_pair("kj", "kopi", "jogja"));
        assert!(
            !shortens_pair("kopi", "kopi", "jogja"),
            "one word is no blend"
        );
        assert!(
            shortens_pair("kopjg", "kopi", "jogja"),
            "letters of the second word"
        );
        assert!(
            !shortens_pair("kopog", "kopi", "jogja"),
            "the second word's first letter"
        );
        assert!(!shortens_pair("kopjx", "kopi", "jogja"));
        assert!(!shortens_pair("k", "kopi", "jogja"));
    }

    #[test]
    fn a_three_consonant_shorthand_spells_out_only_a_word_that_clearly_owns_its_outline() {
        let vocab = [("lawan", 9), ("lawang", 1)];
        assert_eq!(owner("lwn", vocab.into_iter()).as_deref(), Some("lawan"));
        let close = [("barat", 6), ("berita", 4)];
        assert_eq!(owner("brt", close.into_iter()), None, "two words share it");
        let rare = [("merata", 1)];
        assert_eq!(owner("mrt", rare.into_iter()), None, "too rare to be sure");
        let typo = [("ojek", 9)];
        assert_eq!(owner("ojk", typo.into_iter()), None, "one letter more");
        let vowel = [("tarif", 9)];
        assert_eq!(
            owner("tarf", vowel.into_iter()),
            None,
            "a vowel left: a typo"
        );
    }

    #[test]
    fn only_outlines_of_four_consonants_are_specific_enough_for_article_words() {
        assert!(is_specific("kndraan"));
        assert!(!is_specific("mkn"));
    }
}
