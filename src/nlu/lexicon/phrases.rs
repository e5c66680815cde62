//! The bridge's multi-word lemmas ("ibu kota", "suku bunga"): matched as phrases, where a text
//! writes their words side by side, never word by word ("kota" alone is no "capital").

use super::{HashMap, HashSet, Lexicon};

/// The longest phrase read as one: longer lemmas are rare, and each word more a text must write
/// in a row costs a look-up per word of every paragraph.
pub const MAX_PHRASE_WORDS: usize = 4;

/// A phrase's words as [`Lexicon::phrase_word`] numbers them, unused places `NO_WORD`.
type PhraseKey = [u32; MAX_PHRASE_WORDS];

const NO_WORD: u32 = u32::MAX;

/// The bridge's phrases for finding them in a text: every word of one numbered, and every
/// start of one (two words at least) mapped to the phrase it completes, if any. Numbers, not
/// strings: the index asks of every word of every paragraph.
#[derive(Debug, Default)]
pub(super) struct Phrases {
    words: HashMap<String, u32>,
    prefixes: HashMap<PhraseKey, Option<u32>>,
    phrases: Vec<String>,
}

impl Lexicon {
    /// Calls `found(start, phrase)` for each bridge phrase that `words` (a text's content words
    /// in order, function words left out as the index leaves them out) write side by side,
    /// `start` the place of its first word.
    pub fn each_phrase(&self, words: &[&str], found: impl FnMut(usize, &str)) {
        let numbered: Vec<u32> = words.iter().map(|w| self.phrase_word(w)).collect();
        self.each_phrase_of(&numbered, found);
    }

    /// A word's number among the bridge phrases' words ([`NO_WORD`]: in none).
    pub fn phrase_word(&self, w: &str) -> u32 {
        self.bridge_phrases.words.get(w).copied().unwrap_or(NO_WORD)
    }

    /// [`each_phrase`](Self::each_phrase) over words already numbered by
    /// [`phrase_word`](Self::phrase_word) (the index numbers each distinct word once).
    pub fn each_phrase_of(&self, words: &[u32], mut found: impl FnMut(usize, &str)) {
        let phrases = &self.bridge_phrases;
        if phrases.phrases.is_empty() {
            return;
        }
        for i in 0..words.len() {
            if words[i] == NO_WORD {
                continue;
            }
            let mut key = [NO_WORD; MAX_PHRASE_WORDS];
            key[0] = words[i];
            for n in 1..MAX_PHRASE_WORDS {
                match words.get(i + n) {
                    Some(&w) if w != NO_WORD => key[n] = w,
                    _ => break,
                }
                match phrases.prefixes.get(&key) {
                    None => break,
                    Some(None) => {}
                    Some(Some(p)) => found(i, &phrases.phrases[*p as usize]),
                }
            }
        }
    }

    /// Whether a bridge word is a phrase of several words.
    pub fn is_phrase(w: &str) -> bool {
        w.contains(' ')
    }

    /// A lemma with the function words a text's content words leave out dropped ("anak di bawah
    /// umur" → "anak bawah umur"), as a text's phrase is read; an empty string when none is left.
    pub(super) fn content_lemma(&self, lemma: &str) -> String {
        if !Lexicon::is_phrase(lemma) {
            return lemma.to_string();
        }
        lemma
            .split(' ')
            .filter(|w| !self.is_function(w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Reads the bridge's senses as phrases: each sense's function words dropped, and the phrases
    /// of two to [`MAX_PHRASE_WORDS`] words listed for the index to find in the articles. A
    /// longer lemma is read word by word, as every lemma once was.
    pub(super) fn index_phrases(&mut self) {
        let mut phrases: HashSet<String> = HashSet::default();
        // (Taken out while read: the reading asks the lexicon's function words.)
        let mut maps = [
            std::mem::take(&mut self.english),
            std::mem::take(&mut self.english_later),
            std::mem::take(&mut self.english_pivot),
            std::mem::take(&mut self.english_wordnet),
        ];
        for map in &mut maps {
            for senses in map.values_mut() {
                self.read_phrases(senses, &mut phrases);
            }
            map.retain(|_, s| !s.is_empty());
        }
        let [english, later, pivot, wordnet] = maps;
        (self.english, self.english_later) = (english, later);
        (self.english_pivot, self.english_wordnet) = (pivot, wordnet);
        let mut found = Phrases::default();
        let mut sorted: Vec<String> = phrases.into_iter().collect();
        sorted.sort_unstable();
        for phrase in sorted {
            let mut key = [NO_WORD; MAX_PHRASE_WORDS];
            for (k, w) in phrase.split(' ').enumerate() {
                let next = found.words.len() as u32;
                key[k] = *found.words.entry(w.to_string()).or_insert(next);
                if k > 0 {
                    found.prefixes.entry(key).or_insert(None);
                }
            }
            found.prefixes.insert(key, Some(found.phrases.len() as u32));
            found.phrases.push(phrase);
        }
        self.bridge_phrases = found;
    }

    /// One headword's senses as [`index_phrases`](Self::index_phrases) reads them, each once.
    fn read_phrases(&self, senses: &mut Vec<String>, phrases: &mut HashSet<String>) {
        let mut out: Vec<String> = Vec::with_capacity(senses.len());
        for s in senses.drain(..) {
            let s = self.content_lemma(&s);
            let words = s.split(' ').count();
            if s.is_empty() {
                continue;
            } else if words > MAX_PHRASE_WORDS {
                out.extend(s.split(' ').map(str::to_string));
            } else {
                if words > 1 {
                    phrases.insert(s.clone());
                }
                out.push(s);
            }
        }
        let mut seen = HashSet::default();
        out.retain(|w| seen.insert(w.clone()));
        *senses = out;
    }
}

#[cfg(test)]
mod tests {
    use crate::nlu::index::Index;
    use crate::nlu::lang::Lang;
    use crate::nlu::lexicon::{Lexicon, Source};
    use crate::nlu::paragraphs::Detail;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{lexicon, plain_article};

    fn bridge(list: &'static str, rows: &'static str) -> Lexicon {
        let files: &'static [(&'static str, &'static str)] = Box::leak(Box::new([(list, rows)]));
        Lexicon::from_sources(&[Source {
            lang: Lang::En,
            files,
        }])
        .expect("valid rows")
    }

    #[test]
    fn a_sense_of_several_words_is_kept_whole_as_one_phrase() {
        let lx = bridge("bridge", "capital city\tibu kota\n");
        assert_eq!(lx.english["capital city"], vec!["ibu kota".to_string()]);
        // This project's own rows list every sense read everywhere, phrases whole.
        let lx = bridge("bridge-domain", "rate\tkurs|nilai tukar|tarif|bunga\n");
        assert_eq!(
            lx.english["rate"],
            ["kurs", "nilai tukar", "tarif", "bunga"].map(String::from)
        );
    }

    /// Two reports: one writes the capital's two words side by side, the other writes them
    /// apart (a person's title, a town).
    fn capital_and_town() -> Index {
        let capital = plain_article(
            1,
            "Ibu Kota Pindah\n\nIbu kota Sukamaju pindah ke Lumbung pada tahun depan.\n",
        );
        let town = plain_article(
            2,
            "Pasar Baru Dibuka\n\nIbu Sari membuka pasar baru di kota Lumbung pekan ini.\n",
        );
        Index::build(&[capital, town], std::iter::empty(), lexicon())
    }

    #[test]
    fn a_phrase_is_a_term_only_of_the_paragraph_writing_its_words_side_by_side() {
        let ix = capital_and_town();
        let id = ix.term("ibu kota").expect("the phrase is a term");
        let passages: Vec<u32> = ix.postings(id).iter().map(|p| p >> 8).collect();
        assert_eq!(passages, vec![0]);
    }

    #[test]
    fn an_english_word_translating_into_a_phrase_is_not_held_by_its_words_apart() {
        let ix = capital_and_town();
        let q = analyse("What is the capital of Lumbung?", None, &ix);
        let t = q
            .terms
            .iter()
            .find(|t| t.word == "capital")
            .expect("capital");
        let phrase = ix.term("ibu kota").unwrap();
        assert!(t.matches.iter().any(|(id, _)| *id == phrase), "{t:?}");
        for word in ["ibu", "kota"] {
            let id = ix.term(word).unwrap();
            assert!(!t.matches.iter().any(|(m, _)| *m == id), "{word}: {t:?}");
        }
    }

    #[test]
    fn a_sentence_holds_a_phrase_at_its_first_word() {
        let ix = capital_and_town();
        let phrase = ix.term("ibu kota").unwrap();
        let holds = |doc: usize| {
            Detail::of(&ix, doc).paragraphs[0].sentences[0]
                .pieces
                .iter()
                .find(|p| p.surface == phrase)
                .map(|p| p.tok)
        };
        assert_eq!(holds(0), Some(0));
        assert_eq!(holds(1), None);
    }
}
