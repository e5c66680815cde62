//! Each article's paragraphs as [`passage`](super::passage) reads them — sentences, their words,
//! what the lexicon says of each word, the index's term ids of every word piece and the dates they
//! name — worked out once per article,
//! on the first question that reads it, instead of for every question.
//!
//! None of it depends on the question, so the result is the same whichever question comes first.
//! It is lazy rather than built with the index because a question reads only the few articles it
//! ranks best: the build stays as fast as before. It is some 60–80 bytes per word, ten times the
//! text, so the articles read are kept in a [`DetailCache`] with a fixed byte budget, least
//! recently used first out: a bot asked about every article of a large archive holds at most the
//! budget, and an evicted article is read again when next asked about.

use std::ops::Range;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap as HashMap;

use super::answer_type::{self, Facts, Tok};
use super::dates::{self, When};
use super::index::{Index, TermId};
use super::text;

/// One article's paragraphs, in order.
pub struct Detail {
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph: the dates it names and its sentences.
pub struct Paragraph {
    /// [`dates::of_text`] of the whole paragraph (a date may span what the sentence split cuts),
    /// a yearless month read in a year it names ([`dates::with_passage_years`]).
    pub dates: Vec<When>,
    pub sentences: Vec<Sentence>,
}

/// One sentence of a paragraph.
pub struct Sentence {
    /// Its bytes in the paragraph ([`answer_type::sentences`]).
    pub range: Range<usize>,
    /// Its words ([`answer_type::tokens`]).
    pub toks: Vec<Tok>,
    /// What the lexicon says of each word ([`answer_type::facts`]).
    pub facts: Vec<Facts>,
    /// Every alphanumeric piece of every word, in order, with the ids the index gives it.
    pub pieces: Vec<Piece>,
    /// [`dates::of_text`] of the sentence, as the paragraph's.
    pub dates: Vec<When>,
    /// The sentence is a question the article asks itself ("Lalu, daerah mana yang …?").
    pub rhetorical: bool,
}

/// A piece of a word ("covid" and "19" of "covid-19"): which word, and the index's ids of its
/// surface form and of its stem (`NONE` when the index does not know them).
#[derive(Debug, Clone, Copy)]
pub struct Piece {
    pub tok: u32,
    pub surface: TermId,
    pub stem: TermId,
}

impl Piece {
    /// No term: a word the index never saw (a function word, a form no paragraph holds).
    pub const NONE: TermId = TermId::MAX;
}

/// The bridge's phrases a sentence writes, each one more piece right after its first word's
/// (at that word, so places stay in order): a question's word translating into a phrase is held
/// where the words stand side by side, as the index holds it in the paragraph.
fn with_phrases(pieces: &mut Vec<Piece>, content: &[&str], content_at: &[usize], index: &Index) {
    let mut found: Vec<(usize, TermId)> = Vec::new();
    index.lx.each_phrase(content, |start, phrase| {
        if let Some(id) = index.term(phrase) {
            found.push((content_at[start], id));
        }
    });
    // From the last, so that the places of those before stay put.
    for &(at, id) in found.iter().rev() {
        let tok = pieces[at].tok;
        pieces.insert(
            at + 1,
            Piece {
                tok,
                surface: id,
                stem: id,
            },
        );
    }
}

impl Detail {
    /// Reads article `doc` of the index.
    pub fn of(index: &Index, doc: usize) -> Detail {
        let d = &index.docs[doc];
        let lx = &*index.lx;
        let published = d.published_at.map(|at| at.date_naive());
        let paragraphs = d
            .paragraphs
            .iter()
            .map(|text| {
                let paragraph_dates =
                    dates::with_passage_years(dates::of_text(text, published, lx));
                Paragraph {
                    sentences: answer_type::sentences(text)
                        .into_iter()
                        .map(|range| {
                            let sentence = &text[range.clone()];
                            let toks = answer_type::tokens(sentence);
                            let mut pieces = Vec::with_capacity(toks.len());
                            // The words the index holds, in order, and where each is in
                            // `pieces`: the text the bridge's phrases are found in.
                            let mut content: Vec<&str> = Vec::new();
                            let mut content_at: Vec<usize> = Vec::new();
                            for (i, tok) in toks.iter().enumerate() {
                                let whole = text::is_day_offset(&tok.lower);
                                for piece in
                                    tok.lower.split(|c: char| !c.is_alphanumeric() && !whole)
                                {
                                    if piece.is_empty() {
                                        continue;
                                    }
                                    let surface = index.term(piece).unwrap_or(Piece::NONE);
                                    if surface != Piece::NONE {
                                        content.push(piece);
                                        content_at.push(pieces.len());
                                    }
                                    pieces.push(Piece {
                                        tok: i as u32,
                                        surface,
                                        stem: lx
                                            .with_stem(piece, |s| index.term(s))
                                            .unwrap_or(Piece::NONE),
                                    });
                                }
                            }
                            with_phrases(&mut pieces, &content, &content_at, index);
                            Sentence {
                                facts: answer_type::facts(&toks, lx),
                                dates: dates::with_paragraph_years(
                                    dates::with_passage_years(dates::of_text(
                                        sentence, published, lx,
                                    )),
                                    &paragraph_dates,
                                ),
                                rhetorical: sentence.trim_end().ends_with('?'),
                                range,
                                toks,
                                pieces,
                            }
                        })
                        .collect(),
                    dates: paragraph_dates,
                }
            })
            .collect();
        Detail { paragraphs }
    }

    /// The heap it holds, roughly (vectors by capacity, each word's string as the allocator
    /// rounds it): what the cache's budget counts.
    pub fn heap_bytes(&self) -> usize {
        fn vec<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        vec(&self.paragraphs)
            + self
                .paragraphs
                .iter()
                .map(|p| {
                    vec(&p.dates)
                        + vec(&p.sentences)
                        + p.sentences
                            .iter()
                            .map(|s| {
                                vec(&s.toks)
                                    + vec(&s.facts)
                                    + vec(&s.pieces)
                                    + vec(&s.dates)
                                    + s.toks
                                        .iter()
                                        .map(|t| t.lower.capacity().next_multiple_of(16) + 16)
                                        .sum::<usize>()
                            })
                            .sum::<usize>()
                })
                .sum::<usize>()
    }
}

/// The articles read so far, within a byte budget: the least recently used go first when a new
/// one would overflow it. Shared by the threads answering; the lock is held for a look-up or an
/// insertion only, never while an article is read (two threads may read the same article at once:
/// both get the same result, one copy stays).
/// The same cache keeps any other per-article reading that is dear to redo and too large to keep
/// for every article (the words the period checks read, [`super::index::Index::article_words`]).
pub struct DetailCache<T = Detail> {
    budget: usize,
    inner: Mutex<Lru<T>>,
}

/// What a [`DetailCache`] counts against its budget.
pub trait HeapBytes {
    fn heap_bytes(&self) -> usize;
}

impl HeapBytes for Detail {
    fn heap_bytes(&self) -> usize {
        Detail::heap_bytes(self)
    }
}

/// A list of words: the list and each word's string as the allocator rounds it.
impl HeapBytes for Vec<String> {
    fn heap_bytes(&self) -> usize {
        self.capacity() * std::mem::size_of::<String>()
            + self
                .iter()
                .map(|w| w.capacity().next_multiple_of(16))
                .sum::<usize>()
    }
}

struct Lru<T> {
    /// Per article: its detail, when it was last used, its size.
    entries: HashMap<usize, (Arc<T>, u64, usize)>,
    used: usize,
    clock: u64,
}

impl<T: HeapBytes> DetailCache<T> {
    pub fn new(budget: usize) -> DetailCache<T> {
        DetailCache {
            budget,
            inner: Mutex::new(Lru {
                entries: HashMap::default(),
                used: 0,
                clock: 0,
            }),
        }
    }

    /// Article `doc`'s detail, read by `read` unless it is cached.
    pub fn get(&self, doc: usize, read: impl FnOnce() -> T) -> Arc<T> {
        if let Some(hit) = self.lock().touch(doc) {
            return hit;
        }
        let detail = Arc::new(read());
        let bytes = detail.heap_bytes();
        let mut lru = self.lock();
        if let Some(hit) = lru.touch(doc) {
            return hit;
        }
        lru.clock += 1;
        let clock = lru.clock;
        lru.entries.insert(doc, (detail.clone(), clock, bytes));
        lru.used += bytes;
        if lru.used > self.budget {
            // Evict down to three quarters of the budget at once, so that a stream of new
            // articles sorts the entries once per many insertions, not at each.
            let mut by_age: Vec<(u64, usize)> =
                lru.entries.iter().map(|(&d, e)| (e.1, d)).collect();
            by_age.sort_unstable();
            for (_, d) in by_age {
                if lru.used <= self.budget / 4 * 3 || d == doc {
                    break;
                }
                if let Some((_, _, b)) = lru.entries.remove(&d) {
                    lru.used -= b;
                }
            }
        }
        detail
    }

    /// Bytes held (by [`Detail::heap_bytes`]) and articles cached.
    #[cfg(test)]
    fn usage(&self) -> (usize, usize) {
        let lru = self.lock();
        (lru.used, lru.entries.len())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Lru<T>> {
        // A panic while holding the lock leaves the map consistent (no update spans an await or
        // a user callback), so a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<T> Lru<T> {
    fn touch(&mut self, doc: usize) -> Option<Arc<T>> {
        self.clock += 1;
        let clock = self.clock;
        let entry = self.entries.get_mut(&doc)?;
        entry.1 = clock;
        Some(entry.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::testing::{archive_with_one_quake, lexicon};
    use std::cell::Cell;

    #[test]
    fn the_cache_keeps_recently_read_articles_within_its_budget() {
        let index = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
        let one = Detail::of(&index, 0).heap_bytes();
        assert!(one > 1000, "a page of text is kilobytes read ({one})");
        // Room for two articles and a half.
        let cache = DetailCache::new(one * 5 / 2);
        let reads = Cell::new(0);
        let get = |doc: usize| {
            cache.get(doc, || {
                reads.set(reads.get() + 1);
                Detail::of(&index, doc)
            })
        };
        get(0);
        get(1);
        get(0);
        assert_eq!(reads.get(), 2, "a cached article is not read again");
        get(2);
        let (used, _) = cache.usage();
        assert!(used <= one * 5 / 2, "within the budget: {used}");
        get(2);
        assert_eq!(reads.get(), 3, "the newest stays");
        get(1);
        assert_eq!(reads.get(), 4, "the least recently used went first");
        let fresh = Detail::of(&index, 1);
        assert_eq!(
            get(1).paragraphs.len(),
            fresh.paragraphs.len(),
            "a re-read article is the same"
        );
    }
}
