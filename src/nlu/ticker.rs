//! Ticker questions: which indicator a question names ("harga emas", "kurs dollar", "IHSG"), and
//! the reply with the newest snapshot's figures. An indicator no ticker carries (euro, bitcoin,
//! oil) is refused by name, never answered with another indicator.

use rustc_hash::FxHashSet as HashSet;

use super::index::Index;
use super::intents::{Intents, ReplyKey, fill};
use super::lang::Lang;
use super::lexicon::Lexicon;
use super::smalltalk::normalised;
use super::text;
use super::{Answer, Intent, Source, Topic, format};

/// What a question says about the ticker.
#[derive(Debug, Default, PartialEq)]
pub struct Mention {
    /// Indicator names as the page writes them (`EMAS`), in the order asked.
    pub known: Vec<String>,
    /// Words naming indicators no ticker carries (`euro`).
    pub unknown: Vec<String>,
    /// Every word of the question is about figures: nothing else to answer.
    pub only_ticker: bool,
}

pub struct TickerMatcher {
    /// (indicator, its phrases as word lists), longest phrases first.
    phrases: Vec<(String, Vec<String>)>,
    /// Each phrase's first word, to the phrases (their places in `phrases`) it opens: a question
    /// looks its own words up here instead of every phrase's first word up in its words.
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    context: HashSet<String>,
    /// The one-word phrases of four letters or more that a misspelt question word may be
    /// respelt as, in `phrases` order: (place in `phrases`, letters, letter counts), counted
    /// once here rather than for every unknown word of every question.
    one_word: Vec<(usize, usize, Option<[u8; 128]>)>,
}

impl TickerMatcher {
    pub fn new(intents: &Intents, lx: &Lexicon) -> Self {
        let mut phrases: Vec<(String, Vec<String>)> = intents
            .indicators
            .iter()
            .flat_map(|ind| {
                let name = ind.name.clone();
                std::iter::once(ind.name.to_lowercase())
                    .chain(ind.words.iter().cloned())
                    .map(move |w| (name.clone(), normalised(&w, lx)))
            })
            .filter(|(_, p)| !p.is_empty())
            .collect();
        phrases.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));
        let words = |list: &[String]| {
            list.iter()
                .flat_map(|w| normalised(w, lx))
                .collect::<HashSet<_>>()
        };
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (k, (_, phrase)) in phrases.iter().enumerate() {
            by_first.entry(phrase[0].clone()).or_default().push(k);
        }
        let one_word = phrases
            .iter()
            .enumerate()
            .filter(|(_, (_, p))| p.len() == 1 && p[0].chars().count() >= 4)
            .map(|(k, (_, p))| (k, p[0].chars().count(), text::letter_counts(&p[0])))
            .collect();
        TickerMatcher {
            phrases,
            by_first,
            context: words(&intents.ticker_words.context),
            one_word,
        }
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.phrases
            .iter()
            .flat_map(|(_, p)| p.iter().map(String::as_str))
    }

    /// Whether `words` hold a phrase naming the indicator `name`.
    fn names(&self, name: &str, words: &[String]) -> bool {
        self.phrases
            .iter()
            .filter(|(n, _)| n == name)
            .any(|(_, p)| words.windows(p.len()).any(|w| w == &p[..]))
    }

    /// Finds indicator names in the question's words (after the slang map).
    /// The one-word indicator name a misspelling is one edit away from.
    fn respell(&self, w: &str, index: &Index) -> Option<String> {
        let lx = &index.lx;
        if w.chars().count() < 4
            || self.context.contains(w)
            || ({
                let f = lx.facts(w);
                f.is_function() || f.is_real_word()
            })
            || index.term(w).is_some()
            || w.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        let letters = text::letter_counts(w);
        let len = w.chars().count();
        self.one_word
            .iter()
            // One edit changes the length by one letter at most; the edit distance is the dear part.
            .filter(|(_, n, _)| n.abs_diff(len) <= 1)
            // Letter counts bound the edit distance from below, cheaply.
            .filter(|(_, _, counts)| {
                !letters
                    .as_ref()
                    .is_some_and(|a| counts.is_some_and(|b| text::bag_distance(a, &b) > 1))
            })
            .map(|&(k, _, _)| &self.phrases[k].1)
            .find(|p| strsim::damerau_levenshtein(w, &p[0]) == 1)
            .map(|p| p[0].clone())
    }

    pub fn mention(&self, words: &[String], index: &Index) -> Mention {
        let lx = &index.lx;
        let mut m = Mention::default();
        // A misspelt indicator word ("emaas", "dolarr") is that word, when it is no other word.
        // (Borrowed where nothing is respelt, as nearly every word is: no copy of each.)
        let fixed: Vec<std::borrow::Cow<str>> = words
            .iter()
            .map(|w| match self.respell(w, index) {
                Some(r) => std::borrow::Cow::Owned(r),
                None => std::borrow::Cow::Borrowed(w.as_str()),
            })
            .collect();
        let words = &fixed[..];
        let mut used = vec![false; words.len()];
        // A phrase can only match where the question holds its first word, or (a one-word name)
        // two words that join into it: only those phrases are tried, in their order.
        // (The pair is joined in one buffer: every question tries every pair.)
        let mut joined = String::new();
        let mut open: Vec<usize> = words
            .iter()
            .filter_map(|w| self.by_first.get(&**w))
            .flatten()
            .copied()
            .chain(
                words
                    .windows(2)
                    .filter_map(|w| {
                        joined.clear();
                        joined.push_str(&w[0]);
                        joined.push_str(&w[1]);
                        self.by_first.get(joined.as_str())
                    })
                    .flatten()
                    .copied()
                    .filter(|&k| self.phrases[k].1.len() == 1),
            )
            .collect();
        open.sort_unstable();
        open.dedup();
        for (name, phrase) in open.iter().map(|&k| &self.phrases[k]) {
            let n = phrase.len();
            let mut i = 0;
            while i + n <= words.len() {
                let joined_match = n == 1
                    && i + 1 < words.len()
                    && phrase[0].strip_prefix(&*words[i]) == Some(&*words[i + 1])
                    && !used[i]
                    && !used[i + 1];
                if joined_match {
                    used[i] = true;
                    used[i + 1] = true;
                    if !m.known.contains(name) {
                        m.known.push(name.clone());
                    }
                    i += 2;
                    continue;
                }
                if !used[i..i + n].iter().any(|u| *u) && words[i..i + n] == phrase[..] {
                    used[i..i + n].iter_mut().for_each(|u| *u = true);
                    if !m.known.contains(name) {
                        m.known.push(name.clone());
                    }
                    i += n;
                } else {
                    i += 1;
                }
            }
        }
        // A figure asked of something no article mentions ("kurs euro", "harga bitcoin") is an
        // indicator no ticker carries: named in the refusal, never answered with another one.
        // The evidence is the question's shape and the archive, not a list: a measure noun, and
        // words the index does not hold (an article that talks about the euro can answer).
        let measured = words.iter().any(|w| lx.is_measure_head(w));
        let in_index =
            |w: &str| index.term(w).is_some() || lx.with_stem(w, |s| index.term(s)).is_some();
        for (i, w) in words.iter().enumerate() {
            let w: &str = w;
            if measured
                && !used[i]
                && w.chars().count() >= 2
                && !self.context.contains(w)
                && !lx.is_function(w)
                && !w.chars().any(|c| c.is_ascii_digit())
                && !in_index(w)
                // An English word is unknown when none of its translations is known either.
                && !lx.english_of(w).is_some_and(|t| t.iter().any(|x| in_index(x)))
            {
                used[i] = true;
                m.unknown.push(w.to_string());
            }
        }
        // "nilainya" is "nilai".
        let bare = |w: &str| {
            w.strip_suffix("nya")
                .filter(|b| b.len() >= 3)
                .map(str::to_string)
        };
        m.only_ticker = words.iter().enumerate().all(|(i, w)| {
            let w: &str = w;
            used[i]
                || self.context.contains(w)
                || lx.is_function(w)
                || bare(w).is_some_and(|b| self.context.contains(&b))
        });
        m
    }
}

/// The page whose ticker is the newest snapshot.
fn snapshot(index: &Index) -> Option<&super::index::Doc> {
    index
        .docs
        .iter()
        .filter(|d| !d.ticker.is_empty())
        .max_by_key(|d| (d.imported_at, d.id))
}

/// The indicators that a report published after the newest snapshot names in its title: a
/// report about the figure itself, not one that mentions it in passing. Once per engine.
pub fn newer_reports(matcher: &TickerMatcher, index: &Index) -> Vec<String> {
    let Some(since) = snapshot(index).and_then(|d| d.published_at) else {
        return Vec::new();
    };
    let names: Vec<String> = matcher
        .phrases
        .iter()
        .map(|(name, _)| name.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let newer: Vec<Vec<String>> = index
        .docs
        .iter()
        .filter(|d| d.published_at.is_some_and(|at| at > since))
        .map(|d| normalised(&d.title, &index.lx))
        .collect();
    let mut out: Vec<String> = names
        .into_iter()
        .filter(|n| newer.iter().any(|title| matcher.names(n, title)))
        .collect();
    out.sort();
    out
}

/// The newest snapshot's figures for the named indicators; `None` names are missing from it.
pub fn answer(
    names: &[String],
    index: &Index,
    intents: &Intents,
    lang: Lang,
) -> Result<Answer, String> {
    let Some(doc) = snapshot(index) else {
        return Err(names.join(", "));
    };
    let text = |key: ReplyKey| intents.text(key, lang).to_string();
    let date = doc
        .published_at
        .map(|at| format::date_time(&at, lang))
        .unwrap_or_else(|| text(ReplyKey::MetaUnknown));
    let mut lines = Vec::new();
    for name in names {
        let Some(item) = doc
            .ticker
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(name))
        else {
            return Err(name.clone());
        };
        let direction = if item.change > 0.0 {
            text(ReplyKey::Up)
        } else if item.change < 0.0 {
            text(ReplyKey::Down)
        } else {
            text(ReplyKey::Flat)
        };
        lines.push(fill(
            &text(ReplyKey::Ticker),
            &[
                ("name", &intents.indicator_label(&item.name, lang)),
                ("value", &format::number(item.value, lang)),
                ("direction", &direction),
                ("change", &format::number(item.change.abs(), lang)),
                ("pct", &format::number_with(item.change_pct.abs(), 2, lang)),
                ("title", &doc.title),
                ("date", &date),
            ],
        ));
    }
    Ok(Answer {
        intent: Intent::Ticker,
        confidence: 0.95,
        answered: true,
        text: lines.join("\n\n"),
        sources: vec![Source {
            article_id: doc.id,
            title: doc.title.clone(),
            paragraph: 0,
            url: None,
        }],
        lang,
        topic: names.first().map(|n| Topic::Indicator { name: n.clone() }),
    })
}

/// The names the newest snapshot carries, for the refusal text (in English with their English
/// names, as the answers give them).
pub fn available(index: &Index, intents: &Intents, lang: Lang) -> String {
    index
        .docs
        .iter()
        .filter(|d| !d.ticker.is_empty())
        .max_by_key(|d| (d.imported_at, d.id))
        .map(|d| {
            d.ticker
                .iter()
                .map(|t| intents.indicator_label(&t.name, lang))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::testing::{lexicon, seed_article};

    fn mention(q: &str) -> Mention {
        let intents = Intents::builtin();
        let lx = lexicon();
        let index = Index::build(&[seed_article(1)], std::iter::empty(), lx.clone());
        TickerMatcher::new(&intents, &lx).mention(&normalised(q, &lx), &index)
    }

    #[test]
    fn indicator_synonyms_resolve_to_ticker_names() {
        assert_eq!(mention("harga emas sekarang").known, vec!["EMAS"]);
        assert_eq!(mention("nilai tukar dolar hari ini").known, vec!["USD/IDR"]);
        assert_eq!(
            mention("How is the IDX composite doing?").known,
            vec!["IDX"]
        );
        assert_eq!(mention("indeks lq 45?").known, vec!["LQ45"]);
        assert_eq!(mention("ihsg brp").known, vec!["IDX"]);
        assert_eq!(mention("emaas hari ini brp").known, vec!["EMAS"]);
        assert_eq!(mention("kurs dollar amerika").known, vec!["USD/IDR"]);
        assert_eq!(mention("indeks saham gabungan naik?").known, vec!["IDX"]);
        assert!(mention("harga emas sekarang").only_ticker);
    }

    #[test]
    fn indicators_off_the_ticker_are_named_as_unknown() {
        let m = mention("Berapa kurs euro?");
        assert_eq!(m.unknown, vec!["euro"]);
        assert!(m.only_ticker);
        assert_eq!(mention("harga minyak hari ini").unknown, vec!["minyak"]);
    }

    #[test]
    fn a_question_with_other_content_is_not_only_about_the_ticker() {
        assert!(!mention("berapa dollar facebook bayar whatsapp").only_ticker);
    }

    #[test]
    fn the_answer_gives_value_change_direction_and_source() {
        let intents = Intents::builtin();
        let index = Index::build(&[seed_article(7)], std::iter::empty(), lexicon());
        let a = answer(&["USD/IDR".into()], &index, &intents, Lang::Id).unwrap();
        assert!(a.text.contains("16.205") && a.text.contains("turun") && a.text.contains("0,03"));
        assert!(a.text.contains("Heboh sebar data") && a.text.contains("13 Januari 2021"));
        let a = answer(&["EMAS".into()], &index, &intents, Lang::En).unwrap();
        assert!(
            a.text.contains("1,546,000") && a.text.contains("up 5,000 (0.32%)"),
            "{}",
            a.text
        );
        assert_eq!(
            answer(&["IDX999".into()], &index, &intents, Lang::Id).unwrap_err(),
            "IDX999"
        );
    }
}
