//! Names met only inside a hyphenated compound: a paragraph on a "Foo-Bar plate" holds the word
//! "bar" but says nothing about Bar itself, so a question about Bar that the paragraph matches
//! only there is not placed near the answer.

use crate::nlu::index::Index;
use crate::nlu::query::Term;
use crate::nlu::text;

/// Whether the paragraphs meet the term only as a part of hyphenated compounds ("Foo-Bar")
/// whose other parts the question never writes: a question naming both parts ("tol Foo Bar")
/// asks about the compound itself, and a reduplication ("laki-laki", "sehari-hari") is one word.
/// A term the paragraphs also hold standing alone is met. Read once per salient term of the
/// chosen passage's neighbourhood (three paragraphs), not per candidate.
pub(super) fn only_in_compounds(
    t: &Term,
    question: &[String],
    paragraphs: &[&str],
    index: &Index,
) -> bool {
    let matches = |w: &str| {
        let ids = [index.term(w), index.term(&index.lx.stem(w))];
        ids.iter()
            .flatten()
            .any(|id| t.matches.iter().any(|(m, _)| m == id))
    };
    let mut in_compound = false;
    for p in paragraphs {
        for chunk in p.split_whitespace() {
            let parts: Vec<String> = chunk
                .split('-')
                .filter_map(|s| {
                    let w = text::words(s);
                    (w.len() == 1 && w[0].chars().all(char::is_alphabetic)).then(|| w[0].clone())
                })
                .collect();
            let compound = chunk.split('-').count() >= 2
                && parts.len() == chunk.split('-').count()
                && parts.iter().any(|w| *w != parts[0]);
            if !compound {
                if text::words(chunk).iter().any(|w| matches(w)) {
                    return false;
                }
                continue;
            }
            let Some(hit) = parts.iter().position(|w| matches(w)) else {
                continue;
            };
            let others_asked = parts
                .iter()
                .enumerate()
                .any(|(i, w)| i != hit && question.iter().any(|q| q == w));
            if others_asked {
                return false;
            }
            in_compound = true;
        }
    }
    in_compound
}
