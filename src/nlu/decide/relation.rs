//! Whether the chosen article relates the question's words as the question does, not only holds
//! them somewhere: a question asking what a thing is ("apa itu …?", "what is a …?") is answered by
//! a paragraph that defines it. A general-knowledge question shares its words with a report that
//! names them in passing ("koperasi itu telah …"), which the word-level features cannot tell from
//! an answer. Measured once per question: the chosen paragraph, and the article's others only for
//! a definition question the chosen paragraph does not meet.

use std::ops::Range;

use super::super::index::Index;
use super::super::lexicon::Lexicon;
use super::super::query::{Query, Term};
use super::super::sentences::{self, Tok};

/// Most words a defined thing takes ("bank sentral", "pre-provision operating profit"): a
/// longer remainder asks about something, not what a word means.
const MAX_DEFINED_WORDS: usize = 4;
/// Words after the thing named within which a defining word counts: right after it ("X adalah"),
/// as one a word farther ("penyumbang X terbesar adalah") names something else.
const CUE_REACH: usize = 1;

/// The words of the question naming the thing whose meaning it asks ("apa itu *X*?"), or `None`
/// when it asks no definition: a frame of `definition-frames.txt` opens (and closes) it and the
/// rest is a short phrase without function words or numbers.
pub fn defined_thing<'a>(q: &'a Query, lx: &Lexicon) -> Option<&'a [String]> {
    let mut words: &[String] = &q.words;
    while let Some((last, rest)) = words.split_last() {
        if !lx.is_particle(last) {
            break;
        }
        words = rest;
    }
    lx.definition_frames().iter().find_map(|(open, close)| {
        if words.len() <= open.len() + close.len()
            || !words.starts_with(open)
            || !words.ends_with(close)
        {
            return None;
        }
        let thing = &words[open.len()..words.len() - close.len()];
        let plain = thing.len() <= MAX_DEFINED_WORDS
            && thing
                .iter()
                .all(|w| !lx.is_function(w) && !w.chars().any(|c| c.is_ascii_digit()));
        plain.then_some(thing)
    })
}

/// Whether a word of the paragraph is one of the terms (its surface form or its stem).
fn holds(terms: &[&Term], tok: &Tok, index: &Index, lx: &Lexicon) -> bool {
    let surface = index.term(&tok.lower);
    let stem = lx.with_stem(&tok.lower, |s| index.term(s));
    terms.iter().any(|t| {
        t.matches
            .iter()
            .map(|(id, _)| id)
            .chain(&t.long_form)
            .any(|id| Some(*id) == surface || Some(*id) == stem)
    })
}

/// How the chosen article meets a question asking what a thing is.
#[derive(Debug, Clone, PartialEq)]
pub enum Definition {
    /// The question asks no definition, or names nothing the archive knows.
    NotAsked,
    /// The chosen paragraph defines the thing.
    Here,
    /// Another paragraph of the article does: (paragraph, its defining sentence's byte range).
    Elsewhere(usize, Range<usize>),
    /// No paragraph of the article defines it.
    Nowhere,
}

/// Whether the question asks what a thing is, and which paragraph of `doc` defines it: one where
/// a word of the thing stands in brackets after a long form, before a bracketed short form it
/// spells, or beside a defining word ("X adalah …", "… alias X"). The chosen paragraph first;
/// the others only when it does not (a definition question is rare: one pass over the article).
pub fn definition(q: &Query, index: &Index, doc: usize, chosen: usize, lx: &Lexicon) -> Definition {
    let Some(thing) = defined_thing(q, lx) else {
        return Definition::NotAsked;
    };
    // An English phrase is one term ("central bank"): each of its words is the thing's.
    let terms: Vec<&Term> = q
        .terms
        .iter()
        .filter(|t| {
            t.word
                .split_whitespace()
                .all(|w| thing.iter().any(|x| x == w))
        })
        .collect();
    if terms.is_empty() {
        return Definition::NotAsked;
    }
    let paragraphs = &index.docs[doc].paragraphs;
    if paragraphs
        .get(chosen)
        .is_some_and(|text| defining_sentence(&terms, text, index, lx).is_some())
    {
        return Definition::Here;
    }
    paragraphs
        .iter()
        .enumerate()
        .find_map(|(p, text)| {
            defining_sentence(&terms, text, index, lx).map(|r| Definition::Elsewhere(p, r))
        })
        .unwrap_or(Definition::Nowhere)
}

/// The byte range of the first sentence of `text` defining one of the terms.
fn defining_sentence(
    terms: &[&Term],
    text: &str,
    index: &Index,
    lx: &Lexicon,
) -> Option<Range<usize>> {
    sentences::sentences(text).into_iter().find(|r| {
        let toks = sentences::tokens(&text[r.clone()]);
        toks.iter().enumerate().any(|(i, tok)| {
            holds(terms, tok, index, lx)
                && (tok.bracketed
                    || toks
                        .get(i + 1)
                        .is_some_and(|n| n.bracketed && spells(&n.lower, &toks[..=i]))
                    || toks[i + 1..(i + 1 + CUE_REACH).min(toks.len())]
                        .iter()
                        .any(|n| lx.is_definition_cue(&n.lower))
                    || i > 0 && lx.is_definition_cue(&toks[i - 1].lower))
        })
    })
}

/// Whether a bracketed short form spells the initials of the words before it, in order ("Sistem
/// Contoh Baru (SCB)"): a long form defined, not any bracket after a word (an age, a place).
fn spells(short: &str, before: &[Tok]) -> bool {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.len() <= before.len()
        && before[before.len() - letters.len()..]
            .iter()
            .zip(&letters)
            .all(|(t, c)| t.lower.starts_with(*c))
}
