//! Names met only inside a hyphenated compound: a paragraph on a "Foo-Bar plate" holds the word
//! "bar" but says nothing about Bar itself, so a question about Bar that the paragraph matches
//! only there is not placed near the answer.

use crate::nlu::index::Index;
use crate::nlu::query::Term;
use crate::nlu::text;

/// Whether the paragraphs meet the term only as a part of hyphenated compounds ("Foo-Bar")
/// whose other parts the question never writes: a question naming both parts ("tol Foo Bar")
/// asks about the compound itself, and a reduplication ("laki-laki", "sehari-hari") is one word.
/// A term the paragraphs also hold standing alone is met. Read once per salient term the
/// chosen passage's neighbourhood (three paragraphs) holds, not per candidate; only the chunks
/// with a hyphen are read as words unless one of them is such a compound.
pub(super) fn only_in_compounds(
    t: &Term,
    question: &[String],
    paragraphs: &[&str],
    index: &Index,
) -> bool {
    // The word itself first: its stem (a few hundred instructions) only when the word misses.
    let matches = |w: &str| {
        let hit = |id: Option<_>| id.is_some_and(|id| t.matches.iter().any(|(m, _)| *m == id));
        hit(index.term(w)) || hit(index.lx.with_stem(w, |s| index.term(s)))
    };
    // A chunk's parts when it is a compound of different words ("Foo-Bar"), else None (a plain
    // word, or a reduplication such as "bersih-bersih", which is one word).
    let compound = |chunk: &str| -> Option<Vec<String>> {
        // A piece holding a digit ("COVID-19", "2020-2021", "ke-9") reads as no single word of
        // letters, so such a chunk is no compound: known without reading its pieces as words.
        if !chunk.contains('-') || chunk.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let pieces = chunk.split('-').count();
        let parts: Vec<String> = chunk.split('-').filter_map(piece_word).collect();
        (parts.len() == pieces && parts.iter().any(|w| *w != parts[0])).then_some(parts)
    };
    let chunks = || paragraphs.iter().flat_map(|p| p.split_whitespace());
    // Compounds first, found from the hyphens (the whitespace-split chunk around each, once):
    // most neighbourhoods hold the name in none, and then the other words need no reading.
    let mut hyphenated = Vec::new();
    for p in paragraphs {
        let mut last_end = 0;
        for (i, _) in p.match_indices('-') {
            if i < last_end {
                continue;
            }
            let start = p[..i]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(k, c)| k + c.len_utf8());
            let end = p[i..].find(char::is_whitespace).map_or(p.len(), |k| i + k);
            hyphenated.push(&p[start..end]);
            last_end = end;
        }
    }
    let mut in_compound = false;
    for parts in hyphenated.into_iter().filter_map(compound) {
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
    in_compound
        && !chunks()
            .filter(|c| compound(c).is_none())
            .any(|c| text::words(c).iter().any(|w| matches(w)))
}

/// A compound's piece as one word of letters, as the tokenizer reads it; `None` when it reads as
/// none or several, or holds other than letters. A piece of ASCII letters alone (most are) is its
/// lowercase as the tokenizer keeps it, without a tokenizer run: a lone word is never an acronym
/// kept in capitals (the text it stands in is all capitals then) nor a reduplication (no "2").
fn piece_word(s: &str) -> Option<String> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(text::as_token(s.to_ascii_lowercase()));
    }
    let w = text::words(s);
    (w.len() == 1 && w[0].chars().all(char::is_alphabetic)).then(|| w[0].clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::query::analyse;

    #[test]
    fn a_piece_of_letters_reads_as_the_tokenizer_reads_it() {
        for s in [
            "Talagaraya",
            "PLN",
            "bersih",
            "Haiii",
            "III",
            "VIII",
            "Ke",
            "x",
            "",
            "COVID19",
            "Rp",
            "jalan2",
            "é",
            "Sukamaju.",
            "ABCDEF",
        ] {
            let w = text::words(s);
            let slow =
                (w.len() == 1 && w[0].chars().all(char::is_alphabetic)).then(|| w[0].clone());
            assert_eq!(piece_word(s), slow, "{s:?}");
        }
    }

    #[test]
    fn a_name_met_only_inside_another_compound_is_not_met() {
        let index = crate::nlu::testing::one_article_index(
            "Gempa di Lembah Hijau\n\nGempa dipicu lempeng Sukamaju-Talagaraya yang bergeser.\n\nWarga Sukadamai bersih-bersih rumah.\n",
        );
        let q = analyse("berapa penduduk Talagaraya?", None, &index);
        let t = q.terms.iter().find(|t| t.word == "talagaraya").unwrap();
        let paragraphs: Vec<&str> = index.docs[0]
            .paragraphs
            .iter()
            .map(String::as_str)
            .collect();
        assert!(only_in_compounds(t, &q.words, &paragraphs, &index));
        // Asked with the compound's other part, the question is about the compound itself.
        let both = analyse("lempeng Sukamaju Talagaraya bergeser berapa?", None, &index);
        let t = both.terms.iter().find(|t| t.word == "talagaraya").unwrap();
        assert!(!only_in_compounds(t, &both.words, &paragraphs, &index));
        // A reduplication is one word, met as such.
        let q = analyse("siapa yang bersih-bersih di Sukadamai?", None, &index);
        let t = q.terms.iter().find(|t| t.word == "sukadamai").unwrap();
        assert!(!only_in_compounds(t, &q.words, &paragraphs, &index));
    }
}
