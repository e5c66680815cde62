//! A reader's shorthand no word list knows, spelled out before the slang map: vowel-dropped words
//! ("mngkn") by their consonant outline, blends and initials of two title words ("batpes", "BP");
//! and chat's vowel-less superlative marker ("plg") before a gradable word.

use super::term;
use crate::nlu::index::Index;
use crate::nlu::text::Token;

/// A reader's shorthand no word list knows, spelled out (see [`abbrev`](crate::nlu::abbrev)): as a
/// function or question word if it is one ("stlh"), else as the article word most passages use
/// ("kndraan"); a clitic "-nya" stays on the spelled-out word ("tglnya" → "tanggalnya").
pub(super) fn spell_out(word: &str, capitalised: bool, index: &Index) -> Option<String> {
    let lx = &*index.lx;
    let known = |w: &str| {
        index.term(w).is_some()
            || lx.is_real_word(w)
            || lx.is_function(w)
            || lx.slang.contains_key(w)
            || lx.month(w).is_some()
            || lx.english_of(w).is_some()
    };
    if known(word) {
        return None;
    }
    // A capitalised word is a name, or initials ("BP"): never a shortened ordinary word.
    if capitalised {
        return index.spell_out_pair(word);
    }
    // A letter held for emphasis ("gimanaa", "mahall"): chat doubles a letter as often as it
    // triples one, and a run of two is no typo to correct when one letter less is a known word.
    if let Some(single) = undoubled(word).into_iter().find(|w| known(w)) {
        return Some(single);
    }
    // The clitic on a word of the slang lists ("jubirnya"): the list's formal words take it
    // ("juru bicaranya"), before the colloquial rules below read the bare word ("jubir") as
    // an article's own.
    if let Some(base) = word.strip_suffix("nya").filter(|b| b.chars().count() >= 2)
        && (has_vowel(base) || index.term(base).is_none())
        && let Some(formal) = lx.slang.get(base).filter(|f| !f.is_empty())
    {
        return Some(format!("{}nya", formal.join(" ")));
    }
    // A Jakarta spelling of a word the articles write ("inget" for "ingat", "kebawa" for
    // "terbawa") is no shorthand of two title words: `term` reads it by the colloquial rules.
    if crate::nlu::colloquial::candidates(word, lx)
        .iter()
        .any(|c| index.term(c).is_some())
    {
        return None;
    }
    let expand = |w: &str| {
        if !crate::nlu::abbrev::is_candidate(w) {
            return None;
        }
        // Among function words the shortest fits best ("stlh": "setelah", not "setelahnya").
        let closed = lx.closed_words().map(|c| (c, u32::MAX - c.len() as u32));
        crate::nlu::abbrev::best(w, closed).or_else(|| index.spell_out(w))
    };
    if let Some(base) = word.strip_suffix("nya").filter(|b| b.chars().count() >= 2) {
        // The clitic on an acronym or name the articles write ("krlnya"): the stemmer keeps a
        // vowelless word whole, so the bare word is what matches.
        if index.term(base).is_some() && !has_vowel(base) {
            return Some(base.to_string());
        }
        // (A word of the slang lists took its clitic above.)
        if let Some(full) = expand(base) {
            return Some(format!("{full}nya"));
        }
    }
    // A blend of two words the titles put together ("batpes"). Two lowercase letters are no
    // initials of a title's pair: chat writes its many two-letter words so ("rt", "pt", "kk"),
    // and which pair they would spell is the archive's accident; capitalised ones are above.
    expand(word).or_else(|| {
        (word.chars().count() > 2)
            .then(|| index.spell_out_pair(word))
            .flatten()
    })
}

/// Whether the word has a vowel (the stemmer takes "-nya" off such a word itself).
fn has_vowel(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
}

/// The word with one letter of one of its doubled letters left out, last double first (chat
/// holds a word's last sound: "siapaa").
fn undoubled(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len())
        .rev()
        .filter(|&i| chars[i] == chars[i - 1] && chars[i].is_alphabetic())
        .map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect())
        .collect()
}

/// Chat shortens the superlative marker as it does other words ("plg" for "paling", which the
/// slang lists may give to another word): right before a gradable word it is the marker. Such a
/// shorthand drops the vowels; a spoken form that keeps them is another word ("trus naik" is
/// "terus naik", "tuh" is "itu"), and an English superlative is no reading of Indonesian chat.
/// `written` holds the reader's spelling where the slang map replaced a word. The gradable word
/// may be misspelt or shortened too ("plg tnggi"): read as the word it is corrected into.
pub(super) fn superlative_markers(tokens: &mut [Token], written: &[Option<String>], index: &Index) {
    let lx = &*index.lx;
    let gradable = |w: &str| {
        lx.is_gradable(w)
            || (!lx.is_real_word(w)
                && super::typo::correct(w, false, index).is_some_and(|c| lx.is_gradable(&c)))
    };
    for k in 0..tokens.len().saturating_sub(1) {
        if let Some(Some(short)) = written.get(k)
            && !short.chars().any(crate::nlu::text::is_vowel)
            && gradable(&tokens[k + 1].word)
            && !lx.is_superlative(&tokens[k].word)
            && let Some(marker) = lx.superlatives().find(|s| {
                // The shorthand keeps the marker's first and last letters and three at least
                // ("bs" is too short to tell).
                !s.contains(' ')
                    && (lx.is_real_word(s) || !lx.is_english_word(s))
                    && short.chars().count() >= 3
                    && s.chars().next() == short.chars().next()
                    && s.chars().last() == short.chars().last()
                    && term::holds_in_order(s, short)
            })
        {
            tokens[k].word = marker.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyse;

    #[test]
    fn a_vowel_dropped_word_no_list_knows_is_spelled_out_as_the_articles_word() {
        let index = crate::nlu::testing::one_article_index(
            "Kendaraan dinas Sukamaju ditarik\n\nPemerintah Kota Sukamaju menarik 40 kendaraan dinas.\n",
        );
        let q = analyse(
            "brp kndraan dinas yg ditarik pmrintah sukamaju",
            None,
            &index,
        );
        assert_eq!(q.words[1], "kendaraan");
        assert_eq!(q.words[5], "pemerintah");
        let q = analyse("tglnya brp", None, &index);
        assert_eq!(
            q.words[0], "tanggalnya",
            "the clitic stays on the spelled-out word"
        );
        let q = analyse("gmn penjelasan jubirnya", None, &index);
        assert_eq!(
            q.words[2..],
            ["juru", "bicaranya"],
            "a word of the slang lists keeps its clitic on its formal words"
        );
        let q = analyse("Sukamaju Kndr brp", None, &index);
        assert_eq!(
            q.words[1], "kndr",
            "a capitalised word is a name, not shorthand"
        );
    }

    #[test]
    fn the_clitic_nya_on_an_acronym_the_articles_write_comes_off() {
        let index = crate::nlu::testing::one_article_index(
            "Tarif KRL Sukamaju naik\n\nTarif KRL Sukamaju naik menjadi Rp5.000 per perjalanan.\n",
        );
        let q = analyse("tarif krlnya brp", None, &index);
        assert_eq!(q.words[1], "krl");
    }

    #[test]
    fn a_doubled_letter_held_for_emphasis_is_let_go_when_the_single_one_is_a_known_word() {
        let index = crate::nlu::testing::one_article_index(
            "Harga kopi naik\n\nHarga kopi Sukamaju naik menjadi Rp12.345 per kilogram.\n",
        );
        let q = analyse("kopi sukamaju brapaa", None, &index);
        assert_eq!(q.words[2], "berapa");
        assert_eq!(q.answer_type, super::super::AnswerType::Number);
        let q = analyse("harga kopii sukamaju", None, &index);
        assert_eq!(q.words[1], "kopi");
    }

    #[test]
    fn a_blend_or_initials_of_two_title_words_is_spelled_out_as_both() {
        let index = crate::nlu::testing::one_article_index(
            "Batik Pesisir Makin Laris\n\nPenjualan batik pesisir naik 12 persen tahun ini.\n",
        );
        let q = analyse("penjualan batpes naik brp", None, &index);
        assert_eq!(q.words[1..3], ["batik", "pesisir"]);
        let q = analyse("penjualan BP naik brp", None, &index);
        assert_eq!(
            q.words[1..3],
            ["batik", "pesisir"],
            "initials the reader capitalised"
        );
        let q = analyse("penjualan bp naik brp", None, &index);
        assert_eq!(
            q.words[1], "bp",
            "two lowercase letters are chat's own word"
        );
    }
}
