//! Each article's paragraphs as [`passage`](super::passage) reads them — sentences, their words,
//! what the lexicon says of each word, the index's term ids of every word piece and the dates they
//! name — worked out once per article,
//! on the first question that reads it, instead of for every question.
//!
//! None of it depends on the question, so the result is the same whichever question comes first.
//! It is lazy rather than built with the index because a question reads only the few articles it
//! ranks best: the build stays as fast as before, and memory grows only with the articles asked
//! about.

use std::ops::Range;

use super::answer_type::{self, Facts, Tok};
use super::dates::{self, When};
use super::index::{Index, TermId};

/// One article's paragraphs, in order.
pub struct Detail {
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph: the dates it names and its sentences.
pub struct Paragraph {
    /// [`dates::of_text`] of the whole paragraph (a date may span what the sentence split cuts).
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
    /// [`dates::of_text`] of the sentence.
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

impl Detail {
    /// Reads article `doc` of the index.
    pub fn of(index: &Index, doc: usize) -> Detail {
        let d = &index.docs[doc];
        let lx = &*index.lx;
        let published = d.published_at.map(|at| at.date_naive());
        let paragraphs = d
            .paragraphs
            .iter()
            .map(|text| Paragraph {
                dates: dates::of_text(text, published, lx),
                sentences: answer_type::sentences(text)
                    .into_iter()
                    .map(|range| {
                        let sentence = &text[range.clone()];
                        let toks = answer_type::tokens(sentence);
                        let mut pieces = Vec::with_capacity(toks.len());
                        for (i, tok) in toks.iter().enumerate() {
                            for piece in tok.lower.split(|c: char| !c.is_alphanumeric()) {
                                if piece.is_empty() {
                                    continue;
                                }
                                pieces.push(Piece {
                                    tok: i as u32,
                                    surface: index.term(piece).unwrap_or(Piece::NONE),
                                    stem: index.term(&lx.stem(piece)).unwrap_or(Piece::NONE),
                                });
                            }
                        }
                        Sentence {
                            facts: answer_type::facts(&toks, lx),
                            dates: dates::of_text(sentence, published, lx),
                            rhetorical: sentence.trim_end().ends_with('?'),
                            range,
                            toks,
                            pieces,
                        }
                    })
                    .collect(),
            })
            .collect();
        Detail { paragraphs }
    }
}
