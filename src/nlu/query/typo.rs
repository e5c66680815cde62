//! A misspelt question word corrected against the index vocabulary (edit distance, ties to the
//! word more passages hold: see `Index::correct`), after the slang map, colloquial forms and
//! affixes found nothing: the word itself, its stem, its base under the clitic "-nya", and last
//! its formal colloquial forms ("dimuumin" → "dimuumkan" → "diumumkan").

use crate::nlu::index::Index;
use crate::nlu::text;

use super::affixes::is_dictionary_form;
use super::term::holds_in_order;

/// How many colloquial readings of a word are tried against the vocabulary: the most literal
/// ones; each is a scan of one slice of the vocabulary.
const COLLOQUIAL_TRIES: usize = 8;

/// The vocabulary word a misspelt question word stands for, if any.
pub(super) fn correct(word: &str, english: bool, index: &Index) -> Option<String> {
    let lx = &*index.lx;
    // A headword of the dictionary is never "corrected" into another word. Nor is a word whose
    // affixes sit around a dictionary root ("menanak" is no "menanam"), except into the same
    // letters with two neighbours swapped: readers swap keys often, and a real word is seldom
    // an index word's anagram so ("penalit" splits into "pe-" and a root, yet is "penalti").
    if lx.is_real_word(word) {
        return None;
    }
    let affixed = is_dictionary_form(word, lx);
    let fix = |w: &str| {
        // A word of twice as many consonants as vowels is shorthand: letters left out, not one
        // written wrong, so it is corrected only into a word holding all its letters in order
        // ("krta" is no "kata"), or into its own letters swapped ("buybcak").
        let vowels = w.chars().filter(|&c| crate::nlu::text::is_vowel(c)).count();
        let shorthand = !english && vowels * 2 < w.chars().count() - vowels;
        let accept = |c: &str| {
            let swapped = || {
                text::letter_counts(c) == text::letter_counts(w)
                    && strsim::damerau_levenshtein(c, w) == 1
            };
            if (affixed || (shorthand && !holds_in_order(c, w))) && !swapped() {
                return false;
            }
            // An English question's unknown word is only corrected to a word of the bridge, an
            // Indonesian question's never to an English word the articles do not use.
            if english {
                lx.english.contains_key(c)
            } else {
                index.term(c).is_some() || !lx.english.contains_key(c)
            }
        };
        index.correct(w, accept)
    };
    if let Some(fixed) = fix(word) {
        return Some(fixed);
    }
    let stem = lx.stem(word);
    if stem.chars().count() >= 6
        && let Some(fixed) = fix(&stem)
    {
        return Some(fixed);
    }
    if english || affixed {
        return None;
    }
    // The clitic on a misspelt or short word ("psatnya", "golnya"): the stemmer keeps a word it
    // cannot read whole or one too short, so the base is looked up and corrected alone.
    if let Some(base) = word.strip_suffix("nya").filter(|b| b.chars().count() >= 3) {
        if index.term(base).is_some() {
            return Some(base.to_string());
        }
        if let Some(fixed) = fix(base) {
            return Some(fixed);
        }
    }
    // A colloquial verb misspelt ("dimuumin"): its formal forms, corrected.
    crate::nlu::colloquial::candidates(word, lx)
        .into_iter()
        .take(COLLOQUIAL_TRIES)
        .find_map(|c| fix(&c))
        // Chat clips a long word to its opening ("sekre"): the article word it opens.
        .or_else(|| index.complete(word, |c| !lx.english.contains_key(c)))
}

#[cfg(test)]
mod tests {
    use super::super::analyse;

    fn words(q: &str) -> Vec<String> {
        let index = crate::nlu::testing::one_article_index(
            "Pemkot umumkan tarif parkir\n\nPemerintah kota mengumumkan tarif parkir baru. \
             Pusat kota menambah 12 lokasi parkir, diumumkan Senin.\n",
        );
        analyse(q, None, &index)
            .terms
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    #[test]
    fn a_misspelt_word_under_a_clitic_or_colloquial_affixes_is_corrected() {
        assert!(words("psatnya dmn").contains(&"pusat".to_string()));
        assert!(words("kpn dimuumin").contains(&"diumumkan".to_string()));
        // Chat's clitic without its last vowel.
        assert!(words("pusatny dmn").iter().any(|w| w.starts_with("pusat")));
    }

    #[test]
    fn swapped_neighbours_are_corrected_even_where_affixes_would_read_a_root() {
        assert!(words("tarif prakir brp").contains(&"parkir".to_string()));
        assert!(words("pemerintah menanak apa").contains(&"menanak".to_string()));
    }

    #[test]
    fn a_word_clipped_in_chat_reads_as_the_article_word_it_opens() {
        let index = crate::nlu::testing::one_article_index(
            "Sekretariat di Lumbung\n\nPengunjung sekretariat di Lumbung naik jadi 12.\n",
        );
        let words: Vec<String> = analyse("pengunjung sekre di lumbung brp", None, &index)
            .terms
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert!(words.contains(&"sekretariat".to_string()), "{words:?}");
    }
}
