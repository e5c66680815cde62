//! Indonesian stemming with guards. Snowball's Indonesian stemmer (frostem) over-strips
//! (pengiriman → irim, berapakah → apa), so short words are left alone, a stem shorter than
//! [`MIN_STEM`] letters falls back to the surface form, and a stem that is no word gives way to
//! the dictionary's root the word holds ([`stem_listed`]); function words are guarded by
//! [`Lexicon::stem`](super::lexicon::Lexicon::stem), the entry point. Callers index both.

use frostem::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Shorter results are more often wrong than right ("pesan" → "pes").
const MIN_STEM: usize = 4;
/// Words whose stems one thread remembers before starting afresh (a few MiB at most).
const CACHE_WORDS: usize = 1 << 16;

thread_local! {
    /// Snowball costs far more than a look-up, and the same paragraph words are stemmed again for
    /// every question that reads their article's sentences.
    static CACHE: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

thread_local! {
    /// A lexicon's stems ([`Lexicon::stem`](super::lexicon::Lexicon::stem)), remembered for the
    /// lexicon of the given key: the guards cost several look-ups per word on top of Snowball.
    static LISTED: RefCell<(u64, FxHashMap<String, String>)> =
        RefCell::new((0, FxHashMap::default()));
}

/// `f` of the stem `compute` gives `word`, remembered for the lexicon `key` names. A call made
/// from inside `f` (the table is in use then) computes without it.
pub(super) fn remembered<R>(
    key: &super::lexicon::LexiconKey,
    word: &str,
    f: impl FnOnce(&str) -> R,
    compute: impl FnOnce(&str) -> String,
) -> R {
    LISTED.with(|cell| {
        let Ok(mut listed) = cell.try_borrow_mut() else {
            return f(&compute(word));
        };
        let (of, stems) = &mut *listed;
        if *of != key.value() {
            *of = key.value();
            stems.clear();
        }
        if let Some(known) = stems.get(word) {
            return f(known);
        }
        let stem = compute(word);
        if stems.len() >= CACHE_WORDS {
            stems.clear();
        }
        let result = f(&stem);
        stems.insert(word.to_string(), stem);
        result
    })
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::new(Algorithm::Indonesian))
}

/// The stem of a word, checked against the dictionary. Snowball strips whatever looks like an
/// affix, from roots too ("pelangi" → "langi", and a root's final "-i" goes as a suffix), leaving
/// a fragment that is no word and that the root's possessive form may not share. So when
/// Snowball's stem is not a root (`is_root`) but the word is one, or is one once an enclitic
/// (`enclitics`, particles first) or a particle and a possessive behind it are taken off, that root
/// is the stem. When Snowball's stem is a root it stays, even for a word listed whole: the two are
/// often related (a derived form the dictionary lists, "besaran" → "besar"), and keeping such
/// words whole cost answers on the tuning sets. `lettered` lists the prefixes of `affixes.tsv`
/// with the root's first letter they merged with ("ter", 'r') or that their nasal replaced ("pem",
/// 'p').
pub(super) fn stem_listed(
    word: &str,
    enclitics: &[String],
    lettered: &[(String, char)],
    is_root: impl Fn(&str) -> bool,
) -> String {
    if !stemmable(word) {
        return word.to_string();
    }
    let snowball = stem(word);
    if is_root(&snowball) {
        return snowball;
    }
    // The root a lettered prefix hid. One whose last letter merged with the root's first ("ter"
    // and "r": "terendah" is ter- + "rendah") leaves Snowball a stem without that letter. A nasal
    // one ("pem", "pen") either replaced the root's first letter ("pemilih" → "pilih", Snowball's
    // reading) or kept its nasal as the root's ("pemilik" → "milik": the prefix past its
    // "me"/"pe" is put back). Either is the root when the dictionary lists it.
    for (prefix, letter) in lettered {
        let Some(rest) = word.strip_prefix(prefix.as_str()) else {
            continue;
        };
        let restored = if prefix.ends_with(*letter) {
            rest.starts_with(snowball.as_str())
                .then(|| format!("{letter}{snowball}"))
        } else {
            prefix
                .get(2..)
                .zip(snowball.strip_prefix(*letter))
                .map(|(nasal, tail)| format!("{nasal}{tail}"))
                .filter(|r| word.contains(r.as_str()))
        };
        if let Some(root) = restored.filter(|r| is_root(r)) {
            return root;
        }
    }
    match listed_root(word, enclitics, &is_root) {
        Some(root) => root.to_string(),
        None => snowball,
    }
}

/// The least-stripped form of `word` that is a listed root (see [`stem_listed`]).
fn listed_root<'w>(
    word: &'w str,
    enclitics: &[String],
    is_root: &impl Fn(&str) -> bool,
) -> Option<&'w str> {
    if is_root(word) {
        return Some(word);
    }
    // A root of fewer letters than a stem may have is more likely a coincidence ("-ku" off a word).
    let strip = |w: &'w str, e: &str| {
        w.strip_suffix(e)
            .filter(|rest| rest.chars().count() >= MIN_STEM)
    };
    for (i, enclitic) in enclitics.iter().enumerate() {
        let Some(rest) = strip(word, enclitic) else {
            continue;
        };
        if is_root(rest) {
            return Some(rest);
        }
        for inner in &enclitics[i + 1..] {
            if let Some(root) = strip(rest, inner).filter(|r| is_root(r)) {
                return Some(root);
            }
        }
    }
    None
}

/// Words Snowball is let at: longer than [`MIN_STEM`] letters, letters only.
fn stemmable(word: &str) -> bool {
    word.chars().count() > MIN_STEM && word.chars().all(char::is_alphabetic)
}

/// The stem used for matching: surface for words with digits and short words.
pub(super) fn stem(word: &str) -> String {
    with_stem(word, str::to_string)
}

/// `f` of the word's [`stem`], without allocating one when the stem is known already.
pub(super) fn with_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !stemmable(word) {
        return f(word);
    }
    CACHE.with_borrow_mut(|cache| {
        if let Some(known) = cache.get(word) {
            return f(known);
        }
        let stemmed = stemmer().stem(word);
        let out = if stemmed.chars().count() < MIN_STEM {
            word.to_string()
        } else {
            stemmed.into_owned()
        };
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        let result = f(&out);
        cache.insert(word.to_string(), out);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_are_removed() {
        assert_eq!(stem("membagikan"), "bagi");
        assert_eq!(stem("diakuisisi"), "akuisisi");
        assert_eq!(stem("percakapan"), "cakap");
    }

    #[test]
    fn function_words_and_short_words_are_protected() {
        let lx = crate::nlu::lexicon::Lexicon::builtin();
        assert_eq!(lx.stem("berapakah"), "berapakah");
        assert_eq!(stem("whatsapp"), "whatsapp");
        assert_eq!(stem("pesan"), "pesan");
        assert_eq!(stem("2014"), "2014");
    }

    /// A small dictionary: Snowball alone strips "pe-" and "me-" off the first two.
    fn listed(word: &str) -> String {
        let enclitics: Vec<String> = ["kah", "lah", "pun", "nya", "ku", "mu"]
            .map(String::from)
            .into();
        stem_listed(word, &enclitics, &[], |w| {
            ["pelangi", "merpati", "kopi", "ban"].contains(&w)
        })
    }

    #[test]
    fn a_listed_root_is_its_own_stem() {
        assert_eq!(stem("pelangi"), "langi");
        assert_eq!(listed("pelangi"), "pelangi");
        assert_eq!(listed("merpati"), "merpati");
    }

    #[test]
    fn a_listed_root_with_a_particle_or_possessive_stems_to_the_root() {
        assert_eq!(listed("pelanginya"), "pelangi");
        assert_eq!(listed("merpatiku"), "merpati");
        assert_eq!(listed("merpatinyalah"), "merpati");
        assert_eq!(listed("kopinya"), "kopi");
    }

    #[test]
    fn a_stem_the_dictionary_lists_is_kept_even_for_a_listed_word() {
        let enclitics = ["nya".to_string()];
        let roots = ["pelangi", "langi"];
        let stem_of = |w| stem_listed(w, &enclitics, &[], |r| roots.contains(&r));
        assert_eq!(stem_of("pelangi"), "langi");
        assert_eq!(stem_of("pelanginya"), "langi");
    }

    #[test]
    fn a_prefix_ending_in_r_before_a_root_opening_with_r_stems_to_that_root() {
        let enclitics = ["nya".to_string()];
        let lettered = [("ter".to_string(), 'r'), ("ber".to_string(), 'r')];
        let roots = ["rendah", "renang"];
        let stem_of = |w| stem_listed(w, &enclitics, &lettered, |r| roots.contains(&r));
        assert_eq!(stem_of("terendah"), "rendah");
        assert_eq!(stem_of("terendahnya"), "rendah");
        assert_eq!(stem_of("berenang"), "renang");
        // A root not listed keeps Snowball's stem: the "r" is restored only onto a known word.
        assert_eq!(stem_of("terambil"), stem("terambil"));
    }

    #[test]
    fn a_nasal_prefix_keeping_its_nasal_as_the_roots_first_letter_stems_to_that_root() {
        let lettered = [("pem".to_string(), 'p'), ("mem".to_string(), 'p')];
        let roots = ["milik", "pilih"];
        let stem_of = |w| stem_listed(w, &[], &lettered, |r| roots.contains(&r));
        assert_eq!(stem_of("pemilik"), "milik");
        // Where Snowball's reading (the nasal replaced the root's "p") is a word, it stays.
        assert_eq!(stem_of("pemilih"), "pilih");
        // A root not listed keeps Snowball's stem.
        assert_eq!(stem_of("pemikat"), stem("pemikat"));
    }

    #[test]
    fn words_not_listed_are_stemmed_by_snowball() {
        assert_eq!(listed("membagikan"), "bagi");
        // Taking "-ku" off would leave a root too short to trust.
        assert_eq!(listed("banku"), stem("banku"));
    }

    #[test]
    fn the_builtin_dictionary_keeps_roots_that_look_affixed() {
        let lx = crate::nlu::lexicon::Lexicon::builtin();
        assert_eq!(lx.stem("penalti"), "penalti");
        assert_eq!(lx.stem("partainya"), "partai");
    }
}
