//! Indonesian stemming with guards. Snowball's Indonesian stemmer (frostem) over-strips
//! (pengiriman → irim, berapakah → apa), so function words and short words are left alone and a
//! stem shorter than [`MIN_STEM`] letters falls back to the surface form. Callers index both.

use frostem::{Algorithm, Stemmer};
use std::sync::OnceLock;

use super::lexicon::Lexicon;

/// Shorter results are more often wrong than right ("pesan" → "pes").
const MIN_STEM: usize = 4;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::new(Algorithm::Indonesian))
}

/// The stem used for matching: surface for function words, words with digits and short words.
pub fn stem(word: &str) -> String {
    let chars = word.chars().count();
    if chars <= MIN_STEM
        || word.chars().any(|c| !c.is_alphabetic())
        || Lexicon::get().is_function(word)
        || Lexicon::get().is_name(word)
    {
        return word.to_string();
    }
    let stemmed = stemmer().stem(word);
    if stemmed.chars().count() < MIN_STEM {
        word.to_string()
    } else {
        stemmed.into_owned()
    }
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
    fn function_words_names_and_short_words_are_protected() {
        assert_eq!(stem("berapakah"), "berapakah");
        assert_eq!(stem("whatsapp"), "whatsapp");
        assert_eq!(stem("pesan"), "pesan");
        assert_eq!(stem("2014"), "2014");
    }
}
