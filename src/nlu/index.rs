//! The in-memory index: every paragraph of every article as a passage, with BM25 postings over
//! stems (function words removed), each passage's set of character 3-grams for the second scoring
//! channel, article metadata, and an `fst` vocabulary for typo correction.

use chrono::{DateTime, FixedOffset, Utc};
// The vocabulary and 3-gram maps are hit for every word indexed or asked: a fast hasher.
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::lexicon::{Cue, Lexicon};
use super::paragraphs::{Detail, DetailCache};
use super::text;
use crate::content::{Article, TickerItem};

pub type TermId = u32;

pub const BM25_K1: f32 = 1.2;
pub const BM25_B: f32 = 0.75;

/// A term is rare — salient when a question names it — when at most this share of the articles
/// holds it (a place or a firm named in only a few of many articles)…
const RARE_DOC_SHARE: f32 = 0.05;
/// …and the archive has at least this many articles: with fewer, how many hold a word says nothing
/// about the word (in a one-article archive every word is in all of them).
const RARE_MIN_DOCS: usize = 10;

/// The heap the articles' read paragraphs ([`Index::detail`]) may hold: a few hundred articles of
/// typical length, far more than a question or a burst of questions reads, and a bounded share of
/// the memory target however many articles readers ask about.
const DETAIL_BUDGET: usize = 48 << 20;

/// The largest number of paragraphs one index holds (postings pack the passage in 24 bits).
const MAX_PASSAGES: u32 = 1 << 24;

/// One paragraph, indexed.
pub struct Passage {
    pub doc: u32,
    pub paragraph: u32,
    /// Sorted, unique ids of every stem and surface form in the paragraph.
    pub terms: Vec<TermId>,
    /// Content tokens, the BM25 length.
    pub len: u32,
    /// Length of the paragraph's 3-gram TF-IDF vector (binary tf).
    pub trigram_norm: f32,
    pub flags: Flags,
}

/// What kinds of detail a paragraph holds, for the question's expected answer type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags {
    pub has_year: bool,
    /// Digits or number words ("tiga", "miliar"): can answer "berapa".
    pub has_number: bool,
    /// A year, a date, a day or month name: can answer "kapan".
    pub has_when: bool,
    /// A condition ("jika …", "bila …"): can answer "kapan" in the sense of "in which case".
    pub has_condition: bool,
    /// Confirms or denies ("membantah", "tidak"): can answer a yes/no question.
    pub has_stance: bool,
    /// Reports hearsay ("dikabarkan"): states the claim, not whether it holds.
    pub has_hearsay: bool,
    /// Gives a cause ("karena", "beralasan"): can answer "kenapa".
    pub has_cause: bool,
}

/// One article's metadata and where its passages are.
pub struct Doc {
    pub id: i64,
    pub imported_at: DateTime<Utc>,
    pub title: String,
    pub published_at: Option<DateTime<FixedOffset>>,
    pub reporter: Option<String>,
    pub editor: Option<String>,
    pub source: Option<String>,
    pub paragraphs: Vec<String>,
    pub ticker: Vec<TickerItem>,
    /// Sorted ids of the title's and caption's stems and surface forms.
    pub title_terms: Vec<TermId>,
    pub first_passage: usize,
}

pub struct Index {
    /// The lexicon the articles were analysed with; questions are analysed with the same one.
    pub lx: Arc<Lexicon>,
    pub docs: Vec<Doc>,
    pub passages: Vec<Passage>,
    vocab: HashMap<String, TermId>,
    /// Passages holding each term (stems only; surfaces get empty lists), packed as
    /// `passage << 8 | tf` (tf capped at 255).
    postings: Vec<Vec<u32>>,
    /// BM25's length normalisation per passage, `k1 * (1 - b + b * len / avg_len)`.
    length_norms: Vec<f32>,
    /// Per term: the largest saturated term frequency, `tf / (tf + length_norm)`, of its
    /// postings (a bound for pruning, [`super::bm25`]).
    max_saturation: Vec<f32>,
    /// Each term's 3-gram ids, sorted.
    term_trigrams: Vec<Vec<u32>>,
    /// Passages holding each term at all, stem or surface.
    df: Vec<u32>,
    /// BM25 idf of each term, from `df` once the index is complete (asked for every term of every
    /// candidate).
    idfs: Vec<f32>,
    /// Articles holding each term in a paragraph, stem or surface.
    doc_df: Vec<u32>,
    pub avg_len: f32,
    trigram_ids: HashMap<[char; 3], u32>,
    trigram_idf: Vec<f32>,
    pub max_trigram_idf: f32,
    typo_vocab: fst::Set<Vec<u8>>,
    /// The articles' paragraphs read for [`passage`](super::passage), on first use and within a
    /// budget ([`Index::detail`]).
    details: DetailCache,
}

/// Character 3-grams of a word padded with a space on each side ("wa" → " wa", "wa ").
pub fn word_trigrams(word: &str) -> impl Iterator<Item = [char; 3]> {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    (0..chars.len().saturating_sub(2)).map(move |i| [chars[i], chars[i + 1], chars[i + 2]])
}

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
            length_norms: Vec::new(),
            max_saturation: Vec::new(),
            avg_len: 1.0,
            trigram_ids: HashMap::default(),
            trigram_idf: Vec::new(),
            max_trigram_idf: 1.0,
            typo_vocab: fst::Set::default(),
            details: DetailCache::new(DETAIL_BUDGET),
        };
        // Each distinct word is stemmed, interned and looked up in the lexicon once.
        let mut seen: HashMap<String, WordInfo> = HashMap::default();
        let mut trigram_df: Vec<u32> = Vec::new();
        // The last article each term was counted for, for `doc_df`.
        let mut last_doc: Vec<u32> = Vec::new();
        let mut scratch: Vec<u32> = Vec::new();
        // The passage that last listed each 3-gram (numbered from 1), to list each once.
        let mut listed: Vec<u32> = Vec::new();
        let mut listing = 0u32;
        let mut stems: Vec<TermId> = Vec::new();
        let mut total_len = 0u64;
        for (doc_no, article) in articles.iter().enumerate() {
            let p = &article.parsed;
            let title_text = format!("{} {}", p.title, p.caption.as_deref().unwrap_or(""));
            let mut title_terms = Vec::new();
            for w in text::words(&title_text) {
                if let Some((s, t)) = index.word_info(&w, &mut seen, lx).ids {
                    title_terms.push(s);
                    title_terms.push(t);
                }
            }
            title_terms.sort_unstable();
            title_terms.dedup();
            let first_passage = index.passages.len();
            for (paragraph, body) in p.paragraphs.iter().enumerate() {
                let passage_no = index.passages.len() as u32;
                if passage_no >= MAX_PASSAGES {
                    log::warn!(
                        "index full at {MAX_PASSAGES} paragraphs; later ones are not searchable"
                    );
                    break;
                }
                let all_words = text::words(body);
                let mut terms = Vec::with_capacity(all_words.len() * 2);
                stems.clear();
                // One look-up per word for its ids and all it shows (this runs for every word
                // indexed).
                let mut shows = WordInfo::default();
                for w in &all_words {
                    let info = index.word_info(w, &mut seen, lx);
                    shows.cues |= info.cues;
                    shows.year |= info.year;
                    shows.number |= info.number;
                    shows.calendar |= info.calendar;
                    if let Some((s, t)) = info.ids {
                        terms.push(s);
                        terms.push(t);
                        stems.push(t);
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
            index.docs.push(Doc {
                id: article.id,
                imported_at: article.imported_at,
                title: p.title.clone(),
                published_at: p.published_at,
                reporter: p.reporter.clone(),
                editor: p.editor.clone(),
                source: p.source.clone(),
                paragraphs: p.paragraphs.clone(),
                ticker: p.ticker.clone(),
                title_terms,
                first_passage,
            });
        }
        for list in &mut index.postings {
            list.shrink_to_fit();
        }
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
        }
        let mut words: Vec<String> = index
            .vocab
            .keys()
            .cloned()
            .chain(
                extra_words
                    .flat_map(str::split_whitespace)
                    .map(str::to_string),
            )
            .filter(|w| w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        words.sort_unstable();
        words.dedup();
        index.typo_vocab = fst::Set::from_iter(words).expect("sorted, unique words");
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
            year: is_year(w),
            number: text::has_digit(w) || lx.is_number_word(w),
            calendar: lx.is_calendar_word(w),
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
            for &g in &self.term_trigrams[t as usize] {
                let last = &mut listed[g as usize];
                if *last != listing {
                    *last = listing;
                    out.push(g);
                }
            }
        }
    }

    /// How many distinct 3-grams the index knows (ids are below it).
    pub fn trigram_count(&self) -> usize {
        self.trigram_ids.len()
    }

    /// How many terms the index knows (ids are below it).
    pub fn term_count(&self) -> usize {
        self.term_trigrams.len()
    }

    /// The 3-gram ids of a term (for the query side of the 3-gram channel).
    pub fn trigrams_of(&self, term: TermId) -> &[u32] {
        &self.term_trigrams[term as usize]
    }

    fn intern(&mut self, word: &str) -> TermId {
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = self.postings.len() as TermId;
        self.vocab.insert(word.to_string(), id);
        self.postings.push(Vec::new());
        let mut grams: Vec<u32> = word_trigrams(word)
            .map(|g| {
                let next = self.trigram_ids.len() as u32;
                *self.trigram_ids.entry(g).or_insert(next)
            })
            .collect();
        grams.sort_unstable();
        grams.dedup();
        self.term_trigrams.push(grams);
        self.df.push(0);
        self.doc_df.push(0);
        id
    }

    pub fn term(&self, word: &str) -> Option<TermId> {
        self.vocab.get(word).copied()
    }

    pub fn length_norm(&self, passage: usize) -> f32 {
        self.length_norms[passage]
    }

    /// (passage, term frequency) pairs of a stem among the given passages (one article's): a
    /// binary search, as the postings are in passage order.
    pub fn postings_in(
        &self,
        term: TermId,
        passages: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (u32, u32)> + '_ {
        let list = &self.postings[term as usize];
        let at = |p: usize| list.partition_point(|&x| ((x >> 8) as usize) < p);
        list[at(passages.start)..at(passages.end)]
            .iter()
            .map(|&p| (p >> 8, p & 0xff))
    }

    /// A stem's postings, packed `passage << 8 | tf`, in passage order.
    pub fn postings(&self, term: TermId) -> &[u32] {
        &self.postings[term as usize]
    }

    /// The term frequency of a stem in one passage, if it holds it.
    pub fn tf(&self, term: TermId, passage: u32) -> Option<u32> {
        let list = &self.postings[term as usize];
        let at = list.partition_point(|&x| (x >> 8) < passage);
        list.get(at)
            .filter(|&&x| x >> 8 == passage)
            .map(|&x| x & 0xff)
    }

    /// The largest `tf / (tf + length_norm)` among a stem's postings (0 without postings).
    pub fn max_saturation(&self, term: TermId) -> f32 {
        self.max_saturation[term as usize]
    }

    /// BM25 inverse document frequency of a term (also for surface forms).
    pub fn idf(&self, term: TermId) -> f32 {
        self.idfs[term as usize]
    }

    /// Whether few articles hold the term, in an archive large enough to tell (see
    /// [`RARE_DOC_SHARE`]): corpus evidence that a question naming it is about it.
    pub fn is_rare(&self, term: TermId) -> bool {
        let n = self.docs.len();
        n >= RARE_MIN_DOCS
            && (self.doc_df[term as usize] as f32) <= (n as f32 * RARE_DOC_SHARE).max(1.0)
    }

    /// The idf an unseen term would have: the highest there is.
    pub fn unseen_idf(&self) -> f32 {
        let n = self.passages.len() as f32;
        ((n + 0.5) / 0.5 + 1.0).ln()
    }

    pub fn trigram(&self, g: &[char; 3]) -> Option<(u32, f32)> {
        self.trigram_ids
            .get(g)
            .map(|&id| (id, self.trigram_idf[id as usize]))
    }

    /// Whether the typo-correction vocabulary (content + configured words) holds the word.
    pub fn knows(&self, word: &str) -> bool {
        self.vocab.contains_key(word) || self.typo_vocab.contains(word)
    }

    /// The closest vocabulary word within edit distance 1 (2 from 8 letters), sharing the first
    /// letter (readers rarely mistype it, and it keeps the scan to one slice of the fst).
    /// Ties go to the word found in more passages.
    pub fn correct(&self, word: &str, accept: impl Fn(&str) -> bool) -> Option<String> {
        use fst::{IntoStreamer, Streamer};
        let len = word.chars().count();
        if len < 4 {
            return None;
        }
        let max = if len >= 8 { 2 } else { 1 };
        let first = word.chars().next()?;
        let mut lo = String::new();
        lo.push(first);
        let hi = char::from_u32(first as u32 + 1)?.to_string();
        let mut stream = self.typo_vocab.range().ge(&lo).lt(&hi).into_stream();
        let mut best: Option<(usize, u32, String)> = None;
        let letters = text::letter_counts(word);
        while let Some(candidate) = stream.next() {
            let Ok(candidate) = std::str::from_utf8(candidate) else {
                continue;
            };
            let clen = candidate.chars().count();
            // The caller's filter is a hash look-up; the edit distance is the dear part, and no
            // fewer edits than the letters one word has and the other lacks.
            if clen.abs_diff(len) > max
                || letters.as_ref().is_some_and(|a| {
                    text::letter_counts(candidate).is_some_and(|b| text::bag_distance(a, &b) > max)
                })
                || !accept(candidate)
            {
                continue;
            }
            // Two edits are trusted only when the word starts the same way ("depostio").
            if clen.abs_diff(len) == 2 || len >= 8 {
                let mut a = word.chars();
                let mut b = candidate.chars();
                a.next();
                b.next();
                if a.next() != b.next() && strsim::damerau_levenshtein(word, candidate) > 1 {
                    continue;
                }
            }
            let d = strsim::damerau_levenshtein(word, candidate);
            if d == 0 || d > max {
                continue;
            }
            let df = self.term(candidate).map_or(0, |t| self.df[t as usize]);
            let better = match &best {
                None => true,
                Some((bd, bdf, _)) => d < *bd || (d == *bd && df > *bdf),
            };
            if better {
                best = Some((d, df, candidate.to_string()));
            }
        }
        best.map(|(_, _, w)| w)
    }

    pub fn passage_of(&self, doc: usize, paragraph: usize) -> Option<&Passage> {
        let d = self.docs.get(doc)?;
        (paragraph < d.paragraphs.len()).then(|| &self.passages[d.first_passage + paragraph])
    }

    /// Article `doc`'s paragraphs read for [`passage`](super::passage): by the first question
    /// that needs them, then kept while they are among the recently used within
    /// [`DETAIL_BUDGET`].
    pub fn detail(&self, doc: usize) -> Arc<Detail> {
        self.details.get(doc, || Detail::of(self, doc))
    }

    pub fn doc_by_id(&self, id: i64) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }
}

/// "(13/1)": a day and month written with a slash.
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
}

fn cue_bit(cue: Cue) -> u16 {
    1 << cue as u16
}

fn has_day_month(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'/' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::testing::{archive_with_one_quake, lexicon, seed_article};

    #[test]
    fn every_paragraph_becomes_a_passage_with_stems_and_surfaces() {
        let index = Index::build(&[seed_article(1)], std::iter::empty(), lexicon());
        assert_eq!(index.passages.len(), 9);
        let p2 = &index.passages[2];
        assert!(p2.flags.has_year);
        for w in ["membeli", "beli", "2014", "akuisisi"] {
            let t = index.term(w).unwrap_or_else(|| panic!("{w} indexed"));
            assert!(p2.terms.binary_search(&t).is_ok(), "{w} in paragraph 2");
        }
        assert!(
            index.term("yang").is_none(),
            "function words are not indexed"
        );
    }

    #[test]
    fn typos_are_corrected_against_the_vocabulary_only() {
        let index = Index::build(&[seed_article(1)], ["terima"].into_iter(), lexicon());
        assert_eq!(
            index.correct("enkirpsi", |_| true).as_deref(),
            Some("enkripsi")
        );
        assert_eq!(
            index.correct("whatsaap", |_| true).as_deref(),
            Some("whatsapp")
        );
        assert_eq!(
            index.correct("akusisi", |_| true).as_deref(),
            Some("akuisisi")
        );
        assert_eq!(index.correct("pesawat", |_| true), None);
        assert_eq!(
            index.correct("tirema", |_| true).as_deref(),
            None,
            "first letter and distance guard"
        );
    }

    #[test]
    fn a_word_few_articles_hold_is_rare_once_the_archive_is_large_enough() {
        let index = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
        assert!(index.is_rare(index.term("cianjur").unwrap()));
        assert!(!index.is_rare(index.term("whatsapp").unwrap()));
        let small = Index::build(&[seed_article(1)], std::iter::empty(), lexicon());
        assert!(
            !small.is_rare(small.term("kominfo").unwrap()),
            "one article says nothing about rarity"
        );
    }

    #[test]
    fn rare_terms_weigh_more_than_common_ones() {
        let index = Index::build(&[seed_article(1)], std::iter::empty(), lexicon());
        let rare = index.idf(index.term("kominfo").unwrap());
        let common = index.idf(index.term("whatsapp").unwrap());
        assert!(rare > common);
    }
}
