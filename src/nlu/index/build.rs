//! Building the index: each paragraph's words interned as surface and stem terms, postings,
//! document frequencies, the paragraphs' flags and 3-grams, then idfs, norms and the typo
//! vocabulary once every article is in.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::super::lexicon::{Cue, Lexicon};
use super::super::paragraphs::DetailCache;
use super::super::text;
use super::word_trigrams;
use super::{
    BM25_B, BM25_K1, DETAIL_BUDGET, Doc, Flags, Index, MAX_PASSAGES, Passage, TermId, WORDS_BUDGET,
};
use crate::content::Article;

impl Index {
    /// Indexes the articles' paragraphs; `extra_words` (small-talk examples, indicator names,
    /// English glossary words) join the typo-correction vocabulary only.
    pub fn build<'a>(
        articles: &[Article],
        extra_words: impl Iterator<Item = &'a str>,
        lexicon: Arc<Lexicon>,
    ) -> Index {
        let shared = lexicon.clone();
        let lx = &*shared;
        let mut index = Index {
            lx: lexicon,
            docs: Vec::with_capacity(articles.len()),
            passages: Vec::new(),
            vocab: HashMap::default(),
            postings: Vec::new(),
            df: Vec::new(),
            doc_df: Vec::new(),
            idfs: Vec::new(),
            term_trigrams: Vec::new(),
            term_trigram_ends: Vec::new(),
            passage_grams: Vec::new(),
            passage_gram_ends: Vec::new(),
            length_norms: Vec::new(),
            max_saturation: Vec::new(),
            avg_len: 1.0,
            trigram_ids: HashMap::default(),
            trigram_idf: Vec::new(),
            max_trigram_idf: 1.0,
            typo_vocab: Default::default(),
            outlines: HashMap::default(),
            title_pairs: Vec::new(),
            details: DetailCache::new(DETAIL_BUDGET),
            words: DetailCache::new(WORDS_BUDGET),
            names: Vec::new(),
            definitions: HashMap::default(),
            definition_list: Vec::new(),
            definitions_by_term: HashMap::default(),
            uid: crate::nlu::article::new_index_uid(),
        };
        // Each distinct word is stemmed, interned and looked up in the lexicon once.
        let mut seen: HashMap<String, WordInfo> = HashMap::default();
        // Short form → long form, the first definition read; filed once the vocabulary is whole.
        let mut defined: HashMap<String, Vec<String>> = HashMap::default();
        let mut trigram_df: Vec<u32> = Vec::new();
        // The last article each term was counted for, for `doc_df`.
        let mut last_doc: Vec<u32> = Vec::new();
        let mut scratch: Vec<u32> = Vec::new();
        let mut gram_total = 0usize;
        // The passage that last listed each 3-gram (numbered from 1), to list each once.
        let mut listed: Vec<u32> = Vec::new();
        let mut listing = 0u32;
        let mut stems: Vec<TermId> = Vec::new();
        let mut phrases: Vec<TermId> = Vec::new();
        let mut phrase_words: Vec<u32> = Vec::new();
        let mut total_len = 0u64;
        let mut title_pairs: HashMap<(String, String), u32> = HashMap::default();
        // Per surface term: how often a sentence's running text writes it capitalised, and how
        // often in lowercase (a sentence's first word tells nothing).
        let mut cased: Vec<(u32, u32)> = Vec::new();
        for (doc_no, article) in articles.iter().enumerate() {
            let p = &article.parsed;
            let title_text = format!("{} {}", p.title, p.caption.as_deref().unwrap_or(""));
            let mut title_terms = Vec::new();
            let title_words = text::words(&p.title);
            let content = |w: &str| {
                w.chars().count() >= 3 && w.chars().all(char::is_alphabetic) && !lx.is_function(w)
            };
            let mut pairs: Vec<(String, String)> = title_words
                .windows(2)
                .filter(|w| content(&w[0]) && content(&w[1]))
                .map(|w| (w[0].clone(), w[1].clone()))
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            for pair in pairs {
                *title_pairs.entry(pair).or_default() += 1;
            }
            let title_text_words = text::words(&title_text);
            for w in &title_text_words {
                if let Some((s, t)) = index.word_info(w, &mut seen, lx).ids {
                    title_terms.push(s);
                    title_terms.push(t);
                }
            }
            let title_content: Vec<&str> = title_text_words
                .iter()
                .map(String::as_str)
                .filter(|w| !lx.is_function(w))
                .collect();
            lx.each_phrase(&title_content, |_, p| {
                title_terms.push(index.intern_phrase(p));
            });
            title_terms.sort_unstable();
            title_terms.dedup();
            let first_passage = index.passages.len();
            // The opening dateline says where the report was filed ("JAKARTA -"), which most
            // reports share: read as text, it let a question naming that city find any of them.
            // The quote leaves it out too.
            let mut paragraphs = p.paragraphs.clone();
            if let Some(first) = paragraphs.first_mut() {
                let body = crate::content::body_after_dateline(first);
                if body.len() < first.len() {
                    *first = body.to_string();
                }
            }
            for (paragraph, body) in paragraphs.iter().enumerate() {
                let passage_no = index.passages.len() as u32;
                if passage_no >= MAX_PASSAGES {
                    log::warn!(
                        "index full at {MAX_PASSAGES} paragraphs; later ones are not searchable"
                    );
                    break;
                }
                for (short, long) in super::defined::definitions(body, lx) {
                    defined.entry(short).or_insert(long);
                }
                let all_words = text::tokenize_sentences(body);
                let mut terms = Vec::with_capacity(all_words.len() * 2);
                stems.clear();
                // One look-up per word for its ids and all it shows (this runs for every word
                // indexed).
                let mut shows = WordInfo::default();
                phrase_words.clear();
                for token in &all_words {
                    let info = index.word_info(&token.word, &mut seen, lx);
                    if info.ids.is_some() {
                        phrase_words.push(info.phrase_word);
                    }
                    shows.cues |= info.cues;
                    shows.year |= info.year;
                    shows.number |= info.number;
                    shows.calendar |= info.calendar;
                    if let Some((s, t)) = info.ids {
                        terms.push(s);
                        terms.push(t);
                        stems.push(t);
                        if cased.len() <= s as usize {
                            cased.resize(s as usize + 1, (0, 0));
                        }
                        let c = &mut cased[s as usize];
                        if token.capitalised {
                            c.0 += 1;
                        } else {
                            c.1 += 1;
                        }
                    }
                }
                let any_of = |cue: Cue| shows.cues & cue_bit(cue) != 0;
                let flags = Flags {
                    has_year: shows.year,
                    has_number: shows.number,
                    has_when: shows.year
                        || shows.calendar
                        || any_of(Cue::When)
                        || has_day_month(body),
                    has_condition: any_of(Cue::Condition),
                    has_stance: any_of(Cue::Stance),
                    has_hearsay: any_of(Cue::Hearsay),
                    has_cause: any_of(Cue::Cause),
                };
                stems.sort_unstable();
                for run in stems.chunk_by(|a, b| a == b) {
                    let tf = run.len().min(255) as u32;
                    index.postings[run[0] as usize].push(passage_no << 8 | tf);
                }
                // The bridge's phrases the paragraph writes are terms of their own, for an English
                // question's word that translates into one ("capital" → "ibu kota"); they add
                // nothing to the paragraph's length, which counts its words.
                phrases.clear();
                lx.each_phrase_of(&phrase_words, |_, p| phrases.push(index.intern_phrase(p)));
                phrases.sort_unstable();
                for run in phrases.chunk_by(|a, b| a == b) {
                    let tf = run.len().min(255) as u32;
                    index.postings[run[0] as usize].push(passage_no << 8 | tf);
                }
                terms.extend_from_slice(&phrases);
                terms.sort_unstable();
                terms.dedup();
                terms.shrink_to_fit();
                last_doc.resize(index.df.len(), u32::MAX);
                for &t in &terms {
                    index.df[t as usize] += 1;
                    if last_doc[t as usize] != doc_no as u32 {
                        last_doc[t as usize] = doc_no as u32;
                        index.doc_df[t as usize] += 1;
                    }
                }
                listing += 1;
                index.passage_trigrams(&terms, &mut listed, listing, &mut scratch);
                if trigram_df.len() < index.trigram_ids.len() {
                    trigram_df.resize(index.trigram_ids.len(), 0);
                }
                for &g in &scratch {
                    trigram_df[g as usize] += 1;
                }
                gram_total += scratch.len();
                total_len += stems.len() as u64;
                index.passages.push(Passage {
                    doc: doc_no as u32,
                    paragraph: paragraph as u32,
                    terms,
                    len: stems.len() as u32,
                    trigram_norm: 0.0,
                    flags,
                });
            }
            let mut doc_terms: Vec<TermId> = index.passages[first_passage..]
                .iter()
                .flat_map(|p| p.terms.iter().copied())
                .collect();
            doc_terms.sort_unstable();
            doc_terms.dedup();
            // Kept for every article of the archive: no room for the duplicates it was sorted in.
            doc_terms.shrink_to_fit();
            index.docs.push(Doc {
                id: article.id,
                imported_at: article.imported_at,
                title: p.title.clone(),
                published_at: p.published_at,
                reporter: p.reporter.clone(),
                editor: p.editor.clone(),
                source: p.source.clone(),
                paragraphs,
                ticker: p.ticker.clone(),
                title_terms,
                title_words,
                first_passage,
                terms: doc_terms,
            });
        }
        for list in &mut index.postings {
            list.shrink_to_fit();
        }
        index.names = (0..index.postings.len())
            .map(|t| {
                cased
                    .get(t)
                    .is_some_and(|&(up, low)| is_name_usage(up, low))
            })
            .collect();
        let n = index.passages.len().max(1) as f32;
        index.avg_len = (total_len as f32 / n).max(1.0);
        index.length_norms = index
            .passages
            .iter()
            .map(|p| BM25_K1 * (1.0 - BM25_B + BM25_B * p.len as f32 / index.avg_len))
            .collect();
        index.max_saturation = index
            .postings
            .iter()
            .map(|list| {
                list.iter()
                    .map(|&x| {
                        let tf = (x & 0xff) as f32;
                        tf / (tf + index.length_norms[(x >> 8) as usize])
                    })
                    .fold(0.0, f32::max)
            })
            .collect();
        index.trigram_idf = trigram_df
            .iter()
            .map(|&df| (1.0 + n / (1.0 + df as f32)).ln())
            .collect();
        index.max_trigram_idf = (1.0 + n).ln();
        let n_passages = index.passages.len() as f32;
        index.idfs = index
            .df
            .iter()
            .map(|&df| {
                let df = df as f32;
                ((n_passages - df + 0.5) / (df + 0.5) + 1.0).ln()
            })
            .collect();
        // The same sets again, kept this time: sized once, no doubling past the need.
        index.passage_grams.reserve_exact(gram_total);
        index.passage_gram_ends.reserve_exact(index.passages.len());
        for i in 0..index.passages.len() {
            let terms = std::mem::take(&mut index.passages[i].terms);
            listing += 1;
            index.passage_trigrams(&terms, &mut listed, listing, &mut scratch);
            // Summed in 3-gram order, so the norm does not depend on how they were listed.
            scratch.sort_unstable();
            let sum: f32 = scratch
                .iter()
                .map(|&g| index.trigram_idf[g as usize].powi(2))
                .sum();
            index.passages[i].terms = terms;
            index.passages[i].trigram_norm = sum.sqrt().max(1e-6);
            index.passage_grams.extend_from_slice(&scratch);
            index
                .passage_gram_ends
                .push(index.passage_grams.len() as u32);
        }
        // A phrase is no word a reader may have misspelt.
        let words: Vec<String> = index
            .vocab
            .keys()
            .filter(|w| !Lexicon::is_phrase(w))
            .cloned()
            .chain(
                extra_words
                    .flat_map(str::split_whitespace)
                    .map(str::to_string),
            )
            .filter(|w| w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        index.typo_vocab = super::typo::TypoVocab::new(words);
        for w in index.vocab.keys() {
            if w.chars().count() >= 3
                && !w.chars().any(|c| c.is_ascii_digit())
                && !Lexicon::is_phrase(w)
                && crate::nlu::abbrev::is_outlined(w)
            {
                let outline = crate::nlu::abbrev::outline(w);
                index
                    .outlines
                    .entry(outline)
                    .or_default()
                    .push(w.as_str().into());
            }
        }
        index.title_pairs = title_pairs
            .into_iter()
            .map(|((a, b), n)| (a, b, n))
            .collect();
        index.title_pairs.sort_unstable();
        index.file_definitions(defined);
        index
    }

    /// What a paragraph word is, interning its surface and stem on first sight.
    fn word_info(
        &mut self,
        w: &str,
        seen: &mut HashMap<String, WordInfo>,
        lx: &Lexicon,
    ) -> WordInfo {
        if let Some(info) = seen.get(w) {
            return *info;
        }
        let ids = (!lx.is_function(w)).then(|| {
            let s = self.intern(w);
            let t = self.intern(&lx.stem(w));
            (s, t)
        });
        let info = WordInfo {
            ids,
            cues: lx.cues_of(w).iter().fold(0, |bits, &c| bits | cue_bit(c)),
            year: text::is_year(w),
            number: text::has_digit(w) || lx.is_number_word(w),
            calendar: lx.is_calendar_word(w),
            phrase_word: lx.phrase_word(w),
        };
        seen.insert(w.to_string(), info);
        info
    }

    /// The unique 3-gram ids of a passage's words (surfaces and stems) into `out`, unordered:
    /// `listed` holds the last `listing` (a number new for each call) that listed each 3-gram.
    fn passage_trigrams(
        &self,
        terms: &[TermId],
        listed: &mut Vec<u32>,
        listing: u32,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        if listed.len() < self.trigram_ids.len() {
            listed.resize(self.trigram_ids.len(), 0);
        }
        for &t in terms {
            for &g in self.trigrams_of(t) {
                let last = &mut listed[g as usize];
                if *last != listing {
                    *last = listing;
                    out.push(g);
                }
            }
        }
    }

    /// A bridge phrase's term: no 3-grams (a question's 3-grams are of its words, which the
    /// paragraph's words already give).
    fn intern_phrase(&mut self, phrase: &str) -> TermId {
        self.intern_term(phrase, false)
    }

    fn intern(&mut self, word: &str) -> TermId {
        self.intern_term(word, true)
    }

    /// The term's id, a new one (with its 3-grams when `grams`) on first sight.
    fn intern_term(&mut self, word: &str, grams: bool) -> TermId {
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = self.postings.len() as TermId;
        self.vocab.insert(word.to_string(), id);
        self.postings.push(Vec::new());
        if grams {
            let mut grams: Vec<u32> = word_trigrams(word)
                .map(|g| {
                    let next = self.trigram_ids.len() as u32;
                    *self.trigram_ids.entry(g).or_insert(next)
                })
                .collect();
            grams.sort_unstable();
            grams.dedup();
            self.term_trigrams.extend_from_slice(&grams);
        }
        self.term_trigram_ends.push(self.term_trigrams.len() as u32);
        self.df.push(0);
        self.doc_df.push(0);
        id
    }
}

/// What one distinct paragraph word is, worked out once per build.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    /// (surface id, stem id), or `None` for a function word.
    ids: Option<(TermId, TermId)>,
    /// Its cues ([`cue_bit`]).
    cues: u16,
    year: bool,
    /// Digits or a number word.
    number: bool,
    /// A day or month name.
    calendar: bool,
    /// Its number among the bridge phrases' words ([`Lexicon::phrase_word`]).
    phrase_word: u32,
}

/// Whether a word the articles write capitalised `up` times mid-sentence and in lowercase `low`
/// times is a name in their usage: written so more than once, and nearly always (a title before
/// a name, "Bupati", is also written in lowercase where it names no one).
fn is_name_usage(up: u32, low: u32) -> bool {
    up >= NAME_MIN_USES && up >= NAME_CASE_RATIO * low
}

/// How often a word must be written capitalised mid-sentence to count as a name, and how many
/// times more often than in lowercase.
const NAME_MIN_USES: u32 = 2;
const NAME_CASE_RATIO: u32 = 4;

fn cue_bit(cue: Cue) -> u16 {
    1 << cue as u16
}

/// "(13/1)": a day and month written with a slash.
fn has_day_month(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'/' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
}
