//! Small-talk intents (greeting, thanks, help, human): a message is small talk when the words of
//! one intent's example phrases explain nearly all of it ("makasih banyak ya" → thanks), so a
//! greeting wrapped around a real question ("hai, kapan fb beli wa?") is not mistaken for one.

use std::sync::Arc;

// Every question's words are looked up: a fast hasher.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Intent;
use super::intents::Intents;
use super::lexicon::Lexicon;
use super::text;

/// Fillers (`fillers.txt`: "bot", "kak", "ya") say nothing about which intent it is: they count half.
pub struct SmallTalkMatcher {
    intents: Vec<(Intent, HashSet<String>)>,
    /// Per word of any intent's set, which intents' sets hold it: bit `k % 64` of word `k / 64`
    /// for the `k`-th intent. A message's word and its stem are looked up once each, not once
    /// per intent.
    by_word: HashMap<String, Vec<u64>>,
    lx: Arc<Lexicon>,
}

/// The best small-talk intent and the share of the message it explains.
pub struct Match {
    pub intent: Intent,
    pub coverage: f32,
    /// Every word is explained, exactly or by its stem.
    pub complete: bool,
}

impl SmallTalkMatcher {
    pub fn new(intents: &Intents, lx: Arc<Lexicon>) -> Self {
        let intents = intents
            .smalltalk
            .iter()
            .map(|i| {
                // Stems too, so that "disambungkan" is explained by "sambungkan".
                let words = i
                    .examples
                    .iter()
                    .flat_map(|e| normalised(e, &lx))
                    .flat_map(|w| [lx.stem(&w), w])
                    .collect();
                (i.name, words)
            })
            .collect::<Vec<(Intent, HashSet<String>)>>();
        let mut by_word: HashMap<String, Vec<u64>> = HashMap::default();
        for (k, (_, vocab)) in intents.iter().enumerate() {
            for w in vocab {
                let bits = by_word.entry(w.clone()).or_default();
                if bits.len() <= k / 64 {
                    bits.resize(k / 64 + 1, 0);
                }
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        SmallTalkMatcher {
            intents,
            by_word,
            lx,
        }
    }

    /// The intents whose sets hold the word, as [`SmallTalkMatcher::by_word`] keeps them (none
    /// when no set does).
    fn holding(&self, word: &str) -> &[u64] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// Every word any example uses (joins the typo-correction vocabulary).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.intents
            .iter()
            .flat_map(|(_, w)| w.iter().map(String::as_str))
    }

    /// Whether the intent's examples use the word (fillers count for every intent).
    pub fn explains(&self, intent: Intent, word: &str) -> bool {
        self.lx.is_filler(word)
            || self
                .intents
                .iter()
                .any(|(name, vocab)| *name == intent && self.known(vocab, word))
    }

    pub fn best(&self, words: &[String]) -> Option<Match> {
        if words.is_empty() || words.len() > 10 {
            return None;
        }
        // Each word's filler flag, and the intents holding it and its stem, once.
        let read: Vec<(bool, &[u64], &[u64])> = words
            .iter()
            .map(|w| {
                let stem = self.lx.with_stem(w, |s| self.holding(s));
                (self.lx.is_filler(w), self.holding(w), stem)
            })
            .collect();
        let held_by =
            |bits: &[u64], k: usize| bits.get(k / 64).is_some_and(|b| b >> (k % 64) & 1 == 1);
        let weight = |filler: bool| if filler { 0.5 } else { 1.0 };
        // A greeting opening another intent's message ("halo, kamu bisa bantu apa aja?") is said
        // in passing: for that intent its words count as fillers do.
        let greeting = self
            .intents
            .iter()
            .position(|(name, _)| *name == Intent::Greeting);
        // Per word of the message: (filler, held as written, held by its stem or as written),
        // looked up once per intent.
        let mut held: Vec<(bool, bool, bool)> = Vec::with_capacity(read.len());
        self.intents
            .iter()
            .enumerate()
            .map(|(k, (name, _))| {
                held.clear();
                held.extend(read.iter().map(|&(filler, word, stem)| {
                    let exact = held_by(word, k);
                    let greets =
                        greeting.is_some_and(|g| g != k && (held_by(word, g) || held_by(stem, g)));
                    let filler = filler || (greets && !exact);
                    (filler, exact, exact || held_by(stem, k))
                }));
                let total: f32 = held.iter().map(|&(filler, _, _)| weight(filler)).sum();
                // A word matched by its stem only counts a little less, so that an exact match
                // wins a tie ("bantuan": help, not "terima kasih atas bantuannya").
                let covered: f32 = held
                    .iter()
                    .map(|&(filler, exact, known)| {
                        if exact || filler {
                            weight(filler)
                        } else if known {
                            0.9 * weight(filler)
                        } else {
                            0.0
                        }
                    })
                    .sum();
                // A message of fillers only ("ok bot") explains nothing.
                let substantive = held.iter().any(|&(filler, _, known)| known && !filler);
                let coverage = if substantive { covered / total } else { 0.0 };
                let complete =
                    substantive && held.iter().all(|&(filler, _, known)| known || filler);
                Match {
                    intent: *name,
                    coverage,
                    complete,
                }
            })
            // On a tie the intent listed first wins ("bantuan": help before human).
            .fold(None, |best: Option<Match>, m| match best {
                Some(b) if b.coverage >= m.coverage => Some(b),
                _ => Some(m),
            })
            .filter(|m| m.coverage > 0.0)
    }
}

impl SmallTalkMatcher {
    fn known(&self, vocab: &HashSet<String>, word: &str) -> bool {
        vocab.contains(word) || self.lx.with_stem(word, |s| vocab.contains(s))
    }
}

/// Words of a phrase as the question pipeline sees them (slang map applied).
pub fn normalised(phrase: &str, lx: &Lexicon) -> Vec<String> {
    text::words(phrase)
        .iter()
        .flat_map(|w| {
            lx.deslang(w)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(q: &str) -> (&'static str, f32) {
        let lx = crate::nlu::testing::lexicon();
        let m = SmallTalkMatcher::new(&Intents::builtin(), lx.clone());
        m.best(&normalised(q, &lx))
            .map(|m| (m.intent.as_str(), m.coverage))
            .unwrap_or(("", 0.0))
    }

    #[test]
    fn small_talk_is_recognised_in_both_languages() {
        assert_eq!(best("haiii").0, "greeting");
        assert_eq!(best("makasih banyak ya").0, "thanks");
        assert_eq!(best("thank you so much").0, "thanks");
        assert_eq!(best("kamu bisa apa aja?").0, "help");
        assert_eq!(best("mau bicara sama admin").0, "human");
        assert!(best("makasih banyak ya").1 >= 0.99);
    }

    #[test]
    fn a_greeting_opening_a_request_for_help_is_help() {
        assert_eq!(best("Halo, kamu bisa apa saja?"), ("help", 1.0));
        assert_eq!(
            best("Halo, apa kabar? Kamu bisa bantu apa aja sih?").0,
            "help"
        );
        assert_eq!(best("hi, what can you do?"), ("help", 1.0));
        assert_eq!(best("hi, what can you help me with?").0, "help");
        assert_eq!(best("halo").0, "greeting");
        assert_eq!(best("selamat pagi, makasih ya").0, "thanks");
    }

    #[test]
    fn a_greeting_around_a_question_is_not_small_talk() {
        assert!(best("hai kapan facebook beli whatsapp").1 < 0.5);
        assert!(best("siapa yang bilang").1 < 0.7);
    }
}
