//! The senses an English word gains from the archive itself: the wordnet lemmas the articles
//! write, and the abbreviations the articles define for a long form the word names.

use crate::nlu::index::Index;

/// The Indonesian words of an English word's most frequent wordnet sense that the articles write
/// and the bridge's `translations` lack. A wordnet lemma the articles write is a sense this
/// archive uses, whether the bridge lists it late or lacks it ("household" → "rumah tangga",
/// "peak" → "puncak"); a lemma of several words counts only where the articles write each of
/// them.
pub(super) fn wordnet_words(word: &str, translations: &[String], index: &Index) -> Vec<String> {
    let lx = &*index.lx;
    let in_index = |w: &str| index.term(w).is_some() || index.term(&lx.stem(w)).is_some();
    let mut out: Vec<String> = Vec::new();
    for lemma in lx.english_wordnet_of(word) {
        if lemma.split_whitespace().all(in_index) {
            for w in lemma.split_whitespace() {
                if !translations.iter().any(|t| t == w) && !out.iter().any(|t| t == w) {
                    out.push(w.to_string());
                }
            }
        }
    }
    out
}

/// The abbreviations the articles define ("demam berdarah dengue (DBD)") whose long form's most
/// telling word the English word or one of its Indonesian words is: a reader names the thing in
/// words ("dengue", "corruption commission") where later paragraphs of a report write only its
/// abbreviation.
pub(super) fn short_forms(
    word: &str,
    translations: &[String],
    wordnet: &[String],
    index: &Index,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for form in std::iter::once(word).chain(translations.iter().chain(wordnet).map(String::as_str))
    {
        for short in index.short_forms_of(form) {
            if !out.iter().any(|s| s == short) {
                out.push(short.to_string());
            }
        }
    }
    out
}
