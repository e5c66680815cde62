//! Abbreviations the articles define in passing ("Menteri Perdagangan (Mendag)", "Badan Pusat
//! Statistik (BPS)"): a reader types the short form while another report on the topic may write
//! only the long one, so the archive's own definitions say which words the short form stands for
//! (never a list of agencies).

use super::TermId;
use crate::nlu::lexicon::Lexicon;

/// Most words a definition's long form spans ("Pusat Pelaporan dan Analisis Transaksi Keuangan").
const MAX_WORDS: usize = 6;

/// The abbreviations `body` defines, each as its short form and the words of its long form, all
/// lowercase: a single word in parentheses whose letters, in order, begin with the first letter
/// of the fewest words before it that can spell it, each of those words lending a letter or more
/// (a function word may lend none).
pub(super) fn definitions(body: &str, lx: &Lexicon) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = body;
    let mut offset = 0;
    while let Some(open) = rest.find('(') {
        let at = offset + open;
        let after = &body[at + 1..];
        let Some(close) = after.find(')') else { break };
        let short = &after[..close];
        offset = at + 1;
        rest = &body[offset..];
        let n = short.chars().count();
        if !(2..=10).contains(&n) || !short.chars().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        // The long form runs back to the clause's start: a comma, a stop or a bracket ends it.
        let before = &body[..at];
        let start = before
            .rfind([',', '.', ';', ':', '(', ')', '"'])
            .map_or(0, |k| k + 1);
        let words: Vec<String> = before[start..]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if words.iter().any(|w| !w.chars().all(char::is_alphabetic)) {
            continue;
        }
        let short = short.to_lowercase();
        let lends = |w: &str| !lx.is_function(w);
        let found = (2..=MAX_WORDS.min(words.len())).find_map(|k| {
            let long = &words[words.len() - k..];
            (long[0].starts_with(short.chars().next()?) && spells(&short, long, &lends))
                .then(|| long.to_vec())
        });
        if let Some(long) = found
            && !long.contains(&short)
        {
            out.push((short, long));
        }
    }
    out
}

impl super::Index {
    /// The abbreviations the articles define whose long form holds the term (as a word or by its
    /// stem), each with the words of its long form, in one fixed order.
    pub fn definitions_naming(
        &self,
        terms: impl Iterator<Item = TermId>,
    ) -> Vec<(&str, &[String])> {
        let mut at: Vec<u32> = terms
            .filter_map(|t| self.definitions_by_term.get(&t))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter()
            .map(|k| {
                let (short, long) = &self.definition_list[k as usize];
                (short.as_str(), long.as_slice())
            })
            .collect()
    }

    /// Files each definition by its short form and under the terms of its long form's content
    /// words, once the vocabulary is complete.
    pub(super) fn file_definitions(&mut self, defined: super::HashMap<String, Vec<String>>) {
        let lx = self.lx.clone();
        self.definition_list = defined.into_iter().collect();
        self.definitions = (self.definition_list.iter().enumerate())
            .map(|(k, (short, _))| (short.clone(), k as u32))
            .collect();
        let mut by_term: super::HashMap<TermId, Vec<u32>> = Default::default();
        for (k, (_, long)) in self.definition_list.iter().enumerate() {
            for w in long.iter().filter(|w| !lx.is_function(w)) {
                for id in [self.term(w), self.term(&lx.stem(w))].into_iter().flatten() {
                    let filed = by_term.entry(id).or_default();
                    if filed.last() != Some(&(k as u32)) {
                        filed.push(k as u32);
                    }
                }
            }
        }
        self.definitions_by_term = by_term;
    }
}

/// Whether `short` is spelled by `long` in order, starting at the first word's first letter and
/// each word for which `must_lend` holds lending at least one letter.
fn spells(short: &str, long: &[String], must_lend: &dyn Fn(&str) -> bool) -> bool {
    fn go(s: &[char], words: &[Vec<char>], lend: &[bool], w: usize, at: usize, lent: bool) -> bool {
        if w == words.len() {
            return s.is_empty();
        }
        // Move on to the next word (this one lent, or need not).
        if (lent || !lend[w]) && go(s, words, lend, w + 1, 0, false) {
            return true;
        }
        let Some((&c, tail)) = s.split_first() else {
            return false;
        };
        // The first word lends from its first letter on; later words from anywhere.
        (at..words[w].len())
            .filter(|&k| words[w][k] == c && (w > 0 || lent || k == 0))
            .any(|k| go(tail, words, lend, w, k + 1, true))
    }
    let s: Vec<char> = short.chars().collect();
    let words: Vec<Vec<char>> = long.iter().map(|w| w.chars().collect()).collect();
    let lend: Vec<bool> = long.iter().map(|w| must_lend(w)).collect();
    go(&s, &words, &lend, 0, 0, false)
}

#[cfg(test)]
mod tests {
    use super::definitions;
    use crate::nlu::testing::lexicon;

    #[test]
    fn a_short_form_in_parentheses_is_spelled_by_the_fewest_words_before_it() {
        let lx = lexicon();
        let defs = |t: &str| definitions(t, &lx);
        assert_eq!(
            defs("Kata Menteri Dagang Raya (Mendara) kemarin."),
            vec![(
                "mendara".to_string(),
                vec![
                    "menteri".to_string(),
                    "dagang".to_string(),
                    "raya".to_string()
                ]
            )]
        );
        assert_eq!(
            defs("Ketua Badan Pangan Sukamaju (BPS), kata dia."),
            vec![(
                "bps".to_string(),
                vec![
                    "badan".to_string(),
                    "pangan".to_string(),
                    "sukamaju".to_string()
                ]
            )]
        );
    }

    #[test]
    fn a_bracket_that_spells_nothing_before_it_defines_nothing() {
        let lx = lexicon();
        let defs = |t: &str| definitions(t, &lx);
        assert!(defs("Harga naik Rabu (4/10/2023) di Pasar Raya (Sukamaju).").is_empty());
        assert!(defs("PT Sukamaju (Persero) Tbk.").is_empty());
    }
}
