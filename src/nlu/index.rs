//! The in-memory index: every paragraph of every article as a passage, with BM25 postings over
//! stems (function words removed), each passage's set of character 3-grams for the second scoring
//! channel, article metadata, and a vocabulary for typo correction. Building it is in
//! [`build`], typo correction in [`typo`].

use chrono::{DateTime, FixedOffset, Utc};
// The vocabulary and 3-gram maps are hit for every word indexed or asked: a fast hasher.
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::lexicon::Lexicon;
use super::paragraphs::{Detail, DetailCache};
use crate::content::TickerItem;

mod build;
mod defined;
mod typo;

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
/// The heap the articles' words read by the period checks ([`Index::article_words`]) may hold:
/// some tens of typical articles, the few a burst of questions naming a quarter reads.
const WORDS_BUDGET: usize = 4 << 20;

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
    /// The title's words as `text::words` gives them: split once at build (the build reads them
    /// anyway), not per question that compares the title's words.
    pub title_words: Vec<String>,
    pub first_passage: usize,
    /// Sorted ids of every paragraph's terms: whether the article holds a word anywhere is one
    /// search, not one per paragraph.
    pub terms: Vec<TermId>,
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
    /// Each term's 3-gram ids, sorted, in one flat list: term `t`'s run ends at
    /// `term_trigram_ends[t]` (the build reads them for every word of every passage, and one
    /// list is one memory load fewer than a list per term).
    term_trigrams: Vec<u32>,
    term_trigram_ends: Vec<u32>,
    /// Each passage's distinct 3-gram ids (of all its terms), sorted, in one flat list ending at
    /// `passage_gram_ends[p]`: the 3-gram channel reads a candidate's set here instead of
    /// gathering it from its terms for every question (the build works the set out anyway, for
    /// the passage's norm).
    passage_grams: Vec<u32>,
    passage_gram_ends: Vec<u32>,
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
    typo_vocab: typo::TypoVocab,
    /// The articles' words by consonant outline ("kendaraan" under "kndrn"), for outlines
    /// specific enough to spell a reader's shorthand out ([`super::abbrev`]): one lookup per
    /// shorthand instead of a pass over every word with its first letter.
    outlines: HashMap<String, Vec<Box<str>>>,
    /// Adjacent content words of the titles and how many titles hold them ("batik pesisir"), to
    /// read a reader's blend or initials of them ("batpes", "BP").
    title_pairs: Vec<(String, String, u32)>,
    /// The articles' paragraphs read for [`passage`](super::passage), on first use and within a
    /// budget ([`Index::detail`]).
    details: DetailCache,
    /// The words of the articles the period checks read ([`Index::article_words`]), on first use
    /// and within a budget.
    words: DetailCache<Vec<String>>,
    /// Per term: whether the articles' running text writes it as a name, capitalised mid-sentence
    /// (nearly) every time — corpus evidence of what is a name, never a list.
    names: Vec<bool>,
    /// Abbreviations the articles define ("Menteri Perdagangan (Mendag)"): the short form,
    /// lowercase, and its long form's words (the first definition read); `definitions` finds one
    /// by its short form, `definitions_by_term` by a term its long form holds (as a word or by
    /// its stem), so that a question is checked against the few definitions its words name.
    definition_list: Vec<(String, Vec<String>)>,
    definitions: HashMap<String, u32>,
    definitions_by_term: HashMap<TermId, Vec<u32>>,
    /// This index's own number among those built in the process: what a per-thread memo keyed by
    /// 3-gram ids checks it was made over (`article::grams`).
    uid: u64,
}

/// Character 3-grams of a word padded with a space on each side ("wa" → " wa", "wa ").
/// A sliding window over the characters, without collecting them (every form of every question
/// and every distinct word of the build goes through here).
pub fn word_trigrams(word: &str) -> impl Iterator<Item = [char; 3]> + '_ {
    let mut a = ' ';
    let mut chars = word.chars().chain(std::iter::once(' '));
    // An empty word's " " then ends the window before any 3-gram.
    let mut b = chars.next().unwrap_or(' ');
    chars.map(move |c| {
        let g = [a, b, c];
        a = b;
        b = c;
        g
    })
}

impl Index {
    /// How many distinct 3-grams the index knows (ids are below it).
    pub fn uid(&self) -> u64 {
        self.uid
    }

    pub fn trigram_count(&self) -> usize {
        self.trigram_ids.len()
    }

    /// The 3-gram ids of a term (for the build's passage 3-gram sets).
    pub fn trigrams_of(&self, term: TermId) -> &[u32] {
        let t = term as usize;
        let start = match t {
            0 => 0,
            _ => self.term_trigram_ends[t - 1] as usize,
        };
        &self.term_trigrams[start..self.term_trigram_ends[t] as usize]
    }

    /// The distinct 3-gram ids of passage `p`'s terms, sorted.
    pub fn trigrams_in(&self, p: usize) -> &[u32] {
        let start = match p {
            0 => 0,
            _ => self.passage_gram_ends[p - 1] as usize,
        };
        &self.passage_grams[start..self.passage_gram_ends[p] as usize]
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

    /// How many terms (stems and surface forms) the index knows (ids are below it).
    pub fn term_count(&self) -> usize {
        self.idfs.len()
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

    /// Whether the articles write `word` as a name: capitalised mid-sentence (nearly) every time
    /// they use it ("Sukalaras"), so a reader's lowercase "sukalaras" means that name, not a
    /// dictionary word its affixes resemble.
    pub fn is_name(&self, word: &str) -> bool {
        self.term(word)
            .is_some_and(|t| self.names.get(t as usize).copied().unwrap_or(false))
    }

    /// The words an abbreviation stands for where an article defines it ("mendag" → "menteri
    /// perdagangan").
    pub fn long_form(&self, short: &str) -> Option<&[String]> {
        let &k = self.definitions.get(short)?;
        Some(self.definition_list[k as usize].1.as_slice())
    }

    /// How many articles hold the term in a paragraph.
    pub fn doc_freq(&self, term: TermId) -> u32 {
        self.doc_df[term as usize]
    }

    /// How telling it is that an article holds the term, by how few articles do: `ln(n / df)`,
    /// 0 for a term every article holds (or none).
    pub fn doc_idf(&self, term: TermId) -> f32 {
        let df = self.doc_freq(term);
        if df == 0 {
            return 0.0;
        }
        (self.docs.len() as f32 / df as f32).ln()
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

    /// The words of article `doc`'s title and paragraphs, in order, as [`super::text::words`]
    /// and [`super::text::tokenize`] give them: by the first question naming a numbered part that
    /// reads the article (tokenising the whole text was a tenth of such a question's time), then
    /// kept while among the recently used within [`WORDS_BUDGET`].
    pub fn article_words(&self, doc: usize) -> Arc<Vec<String>> {
        self.words.get(doc, || {
            let d = &self.docs[doc];
            let mut words = super::text::words(&d.title);
            for p in &d.paragraphs {
                words.extend(super::text::tokenize(p).into_iter().map(|t| t.word));
            }
            words
        })
    }

    pub fn doc_by_id(&self, id: i64) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }
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
    fn a_word_few_articles_hold_is_rare_once_the_archive_is_large_enough() {
        let index = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
        assert!(index.is_rare(index.term("sukamakmur").unwrap()));
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
