//! How a bilingual dictionary row is read: its `|`-separated senses, the first few read
//! everywhere and the later ones only where the articles write them, each a lemma in the words
//! the articles' text is read into (a lemma of several words a phrase, see `phrases`); and the
//! bridge files read into the lexicon's English→Indonesian maps.

use std::collections::HashSet;

use super::Lexicon;
use super::load::rows;

/// Most senses of a dictionary row used: later ones are rarer and mostly noise for news.
const BRIDGE_SENSES: usize = 3;

/// The words of a bridge row's senses past `BRIDGE_SENSES`: read only where the articles write
/// them (see `Lexicon::english_later_of`), and never joining the real-word vocabulary that typo
/// correction of Indonesian questions relies on.
pub(super) fn later_senses(value: &str) -> Vec<String> {
    senses(value)
        .skip(BRIDGE_SENSES)
        .filter_map(lemma)
        .collect()
}

/// A row's `|`-separated senses, less the phrases that spell out one of its one-word senses
/// ("duta|duta besar", "sepeda|sepeda motor", "longsor|salju longsor"): the phrase says nothing the
/// word does not, and its other words ("besar", "motor", "salju") would be matched on their own.
/// A dropped phrase still counts towards the number of senses read.
fn senses(value: &str) -> impl Iterator<Item = &str> {
    let single: Vec<&str> = value
        .split('|')
        .map(str::trim)
        .filter(|s| !s.contains(' '))
        .collect();
    value.split('|').map(move |s| {
        if s.contains(' ') && s.split_whitespace().any(|w| single.contains(&w)) {
            ""
        } else {
            s
        }
    })
}

/// The Indonesian lemmas of a bridge row's first senses: `|`-separated (FreeDict), each one word
/// or a phrase ("suku bunga").
pub(super) fn bridge_words(value: &str) -> Vec<String> {
    senses(value)
        .take(BRIDGE_SENSES)
        .filter_map(lemma)
        .collect()
}

/// Every sense of a row of this project's own bridge (`domain.tsv`), whose senses are all news
/// senses: none is read only where the articles write it.
pub(super) fn all_senses(value: &str) -> Vec<String> {
    senses(value).filter_map(lemma).collect()
}

/// A sense's lemma as the articles' words, its words joined by one space; `None` for a sense
/// left out.
fn lemma(sense: &str) -> Option<String> {
    let words = lemma_words(sense);
    (!words.is_empty()).then(|| words.join(" "))
}

/// A dictionary lemma's words as the articles' text is read into words: lowercase, parted at
/// hyphens as well as spaces, a reduplication ("laki-laki", "sama-sama") read as its one word —
/// the tokenizer parts "laki-laki" into two "laki", so the hyphenated lemma itself never matches.
pub(super) fn lemma_words(lemma: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for w in lemma.split(|c: char| c.is_whitespace() || c == '-') {
        let w = w.to_lowercase();
        if !w.is_empty() && words.last() != Some(&w) {
            words.push(w);
        }
    }
    words
}

impl Lexicon {
    /// Reads one bridge file into the English→Indonesian maps; `Err` holds a row lacking its
    /// second column.
    pub(super) fn read_bridge<'t>(&mut self, list: &str, text: &'t str) -> Result<(), &'t str> {
        match list {
            "bridge" | "bridge-domain" => {
                // A headword's row replaces the row an earlier file gave it as the senses read
                // everywhere (the hand-written domain file corrects FreeDict's off-topic first
                // senses); rows in one file add up. The replaced senses stay as later ones, read
                // only where the articles write them: a domain row names the news sense it
                // missed, it does not make the word's other senses wrong ("traffic" is "trafik"
                // in a telecoms report and "lalu lintas" on a toll road).
                let mut replaced: HashSet<String> = HashSet::new();
                for line in rows(text) {
                    let Some((en, id)) = line.split_once('\t') else {
                        return Err(line);
                    };
                    let en = en.trim().to_lowercase();
                    let (words, mut later) = if list == "bridge" {
                        (bridge_words(id), later_senses(id))
                    } else {
                        (all_senses(id), Vec::new())
                    };
                    if replaced.insert(en.clone()) {
                        let old_later = self.english_later.remove(&en).unwrap_or_default();
                        let old = self.english.insert(en.clone(), words).unwrap_or_default();
                        later.extend(old.into_iter().chain(old_later));
                    } else {
                        self.english.entry(en.clone()).or_default().extend(words);
                    }
                    if !later.is_empty() {
                        self.english_later.entry(en).or_default().extend(later);
                    }
                }
            }
            "bridge-wordnet" => {
                for line in rows(text) {
                    let Some((en, id)) = line.split_once('\t') else {
                        return Err(line);
                    };
                    let lemmas = id
                        .split('|')
                        .map(|l| lemma_words(l).join(" "))
                        .filter(|l| !l.is_empty())
                        .collect();
                    self.english_wordnet
                        .insert(en.trim().to_lowercase(), lemmas);
                }
            }
            "bridge-pivot" => {
                for line in rows(text) {
                    let Some((en, id)) = line.split_once('\t') else {
                        return Err(line);
                    };
                    self.english_pivot
                        .insert(en.trim().to_lowercase(), bridge_words(id));
                }
            }
            _ => unreachable!("not a bridge list: {list}"),
        }
        Ok(())
    }
}
