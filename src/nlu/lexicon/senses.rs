//! How a bilingual dictionary row is read: its `|`-separated senses, the first few read
//! everywhere and the later ones only where the articles write them, each a lemma parted into the
//! words the articles' text is read into.

/// Most senses of a dictionary row used: later ones are rarer and mostly noise for news.
const BRIDGE_SENSES: usize = 3;

/// The words of a bridge row's senses past `BRIDGE_SENSES`: read only where the articles write
/// them (see `Lexicon::english_later_of`), and never joining the real-word vocabulary that typo
/// correction of Indonesian questions relies on.
pub(super) fn later_senses(value: &str) -> Vec<String> {
    senses(value)
        .skip(BRIDGE_SENSES)
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
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

/// The Indonesian words of a bridge row: `|`-separated senses (FreeDict), each one or more words
/// (a multi-word sense such as "suku bunga" gives its words).
pub(super) fn bridge_words(value: &str) -> Vec<String> {
    senses(value)
        .take(BRIDGE_SENSES)
        .flat_map(lemma_words)
        .collect()
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
