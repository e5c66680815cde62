//! Compounds a reader glues or parts otherwise than the articles do: "kacamata" where a report
//! writes "kaca mata", "kaca mata" where it writes "kacamata". Read against the index vocabulary:
//! a glued word the articles never write is parted into two words they write together, and two
//! words whose glued form the articles write also match that form. (Examples are made up.)

use crate::nlu::Lang;
use crate::nlu::index::{Index, TermId};
use crate::nlu::text::Token;

use super::Term;

/// The shortest part of a compound read either way: shorter parts ("se", "di", "ke") are
/// affixes and prepositions, which glue to anything.
const MIN_PART: usize = 3;

/// A lowercase word the index lacks (as written and as stemmed) that is two words the articles
/// write in one paragraph at least ("rumahsakit" → "rumah sakit"): parted so each part matches as
/// the articles' own word, where the glued form matches nothing. A word the slang lists know,
/// a function word as either part, or parts no paragraph holds together, leave it whole. Of
/// several partings the one with the longer shorter part wins (the affix-like split loses).
/// Read once per question word: at most a word's length of vocabulary lookups.
pub(super) fn part_compound(word: &str, index: &Index) -> Option<[String; 2]> {
    let lx = &*index.lx;
    let len = word.chars().count();
    if len < 2 * MIN_PART + 1
        || !word.chars().all(|c| c.is_ascii_lowercase())
        || index.term(word).is_some()
        || lx.with_stem(word, |s| index.term(s)).is_some()
        || lx.slang.contains_key(word)
        || lx.month(word).is_some()
    {
        return None;
    }
    let part_id = |w: &str| {
        index
            .term(w)
            .and_then(|_| lx.with_stem(w, |s| index.term(s)))
    };
    parting(word, index, part_id)
        .map(|[(_, left), (_, right)]| [left.to_string(), right.to_string()])
}

/// The split of `word` into two parts of `MIN_PART` letters at least, neither a function word nor
/// a particle, that `part_id` finds and some paragraph holds together; of several, the one with
/// the longer shorter part (the affix-like split loses).
fn parting<'w>(
    word: &'w str,
    index: &Index,
    part_id: impl Fn(&str) -> Option<TermId>,
) -> Option<[(TermId, &'w str); 2]> {
    let lx = &*index.lx;
    let len = word.chars().count();
    let part = |w: &str| {
        (!lx.is_function(w) && !lx.is_particle(w))
            .then(|| part_id(w))
            .flatten()
    };
    (MIN_PART..=len - MIN_PART)
        .filter_map(|at| {
            let (left, right) = word.split_at(at);
            let (a, b) = (part(left)?, part(right)?);
            together(index, a, b).then(|| (at.min(len - at), [(a, left), (b, right)]))
        })
        .max_by_key(|(shorter, _)| *shorter)
        .map(|(_, parts)| parts)
}

/// A word the index holds glued that other reports write as two words ("buyback", "buy back"):
/// the two parts, where some paragraph holds both, as further forms of the word. A word of the
/// Indonesian dictionary or the slang lists is one word whatever its letters split into; an
/// English one is not (the reports write loans either way).
pub(super) fn match_written_apart(term: &mut Term, index: &Index) {
    for (id, part) in written_apart(&term.word, index) {
        if !term.matches.iter().any(|(m, _)| *m == id) {
            term.matches.push((id, 1.0));
            term.forms.push(part);
        }
    }
}

fn written_apart(word: &str, index: &Index) -> Vec<(TermId, String)> {
    let lx = &*index.lx;
    let len = word.chars().count();
    if len < 2 * MIN_PART + 1
        || !word.chars().all(|c| c.is_ascii_lowercase())
        || index.term(word).is_none()
        || lx.is_real_word(word)
        || lx.slang.contains_key(word)
    {
        return Vec::new();
    }
    parting(word, index, |w| index.term(w))
        .map(|parts| parts.iter().map(|&(id, w)| (id, w.to_string())).collect())
        .unwrap_or_default()
}

/// For each token, the index term of its word glued to the next one, where the articles write
/// that glued form ("kaca" "mata" → "kacamata"): both words then match it too. Two content words
/// of three letters at least; once per question. Only Indonesian questions are read so, where an
/// English function word is an English loan's part like any other ("over" "time" → "overtime").
pub(super) fn glued_pairs(tokens: &[Token], index: &Index) -> Vec<Option<(String, TermId)>> {
    let lx = &*index.lx;
    let part = |w: &str| {
        w.chars().count() >= MIN_PART
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !lx.is_function_in(Lang::Id, w)
            && !lx.is_particle(w)
    };
    let mut out: Vec<Option<(String, TermId)>> = vec![None; tokens.len()];
    // Each word is checked once (as the first and the second of its pairs), and the pairs are
    // glued in one buffer: most are no word of the index.
    let parts: Vec<bool> = tokens.iter().map(|t| part(&t.word)).collect();
    let mut glued = String::new();
    for (k, pair) in tokens.windows(2).enumerate() {
        let (a, b) = (pair[0].word.as_str(), pair[1].word.as_str());
        if a == b || !parts[k] || !parts[k + 1] {
            continue;
        }
        glued.clear();
        glued.push_str(a);
        glued.push_str(b);
        if let Some(id) = index.term(&glued) {
            out[k] = Some((glued.clone(), id));
        }
    }
    out
}

/// Whether some paragraph holds both stems (postings are sorted by passage).
fn together(index: &Index, a: TermId, b: TermId) -> bool {
    let (pa, pb) = (index.postings(a), index.postings(b));
    let (mut i, mut j) = (0, 0);
    while i < pa.len() && j < pb.len() {
        let (x, y) = (pa[i] >> 8, pb[j] >> 8);
        match x.cmp(&y) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::nlu::index::Index;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{lexicon, plain_article};

    fn index(body: &str) -> Index {
        let article = plain_article(1, &format!("Harga Naik\n\n{body}\n"));
        Index::build(&[article], std::iter::empty(), lexicon())
    }

    fn words(raw: &str, index: &Index) -> Vec<String> {
        analyse(raw, None, index)
            .terms
            .iter()
            .map(|t| t.word.clone())
            .collect()
    }

    #[test]
    fn a_glued_loan_one_report_writes_apart_also_matches_its_two_words() {
        let glued = plain_article(
            1,
            "Harga Naik\n\nHarga buyback kopi Sukamaju naik tipis bulan ini.\n",
        );
        let apart = plain_article(
            2,
            "Harga Turun\n\nHarga buy back kopi Lumbung turun tipis bulan ini.\n",
        );
        let ix = Index::build(&[glued, apart], std::iter::empty(), lexicon());
        let q = analyse("harga buyback kopi lumbung brp?", None, &ix);
        let t = q.terms.iter().find(|t| t.word == "buyback").unwrap();
        for part in ["buy", "back"] {
            let id = ix.term(part).unwrap();
            assert!(t.matches.iter().any(|(m, _)| *m == id), "{t:?}");
        }
    }

    #[test]
    fn a_glued_word_the_articles_write_apart_is_parted() {
        let ix = index("Harga kaca mata di toko Contoh naik tipis bulan ini.");
        let w = words("harga kacamata di toko contoh brp", &ix);
        assert!(
            w.contains(&"kaca".to_string()) && w.contains(&"mata".to_string()),
            "{w:?}"
        );
        // Parts no paragraph holds together leave an unknown word whole.
        let ix = index("Harga kaca naik. Toko Contoh tutup.\n\nMata uang melemah.");
        let w = words("harga kacamata brp", &ix);
        assert!(w.contains(&"kacamata".to_string()), "{w:?}");
    }

    #[test]
    fn words_written_apart_match_the_glued_form_the_articles_write() {
        let ix = index("Harga kacamata di toko Contoh naik tipis bulan ini.");
        let q = analyse("harga kaca mata di toko contoh brp", None, &ix);
        for w in ["kaca", "mata"] {
            let t = q.terms.iter().find(|t| t.word == w).expect(w);
            assert!(t.forms.contains(&"kacamata".to_string()), "{:?}", t.forms);
        }
    }

    #[test]
    fn an_english_function_word_glues_into_the_loan_the_articles_write() {
        let ix = index("Upah overtime buruh Contoh naik tipis bulan ini.");
        let q = analyse("upah over time buruh contoh bulan ini brp", None, &ix);
        assert!(
            q.terms
                .iter()
                .any(|t| t.forms.contains(&"overtime".to_string())),
            "{:?}",
            q.terms
        );
    }

    #[test]
    fn the_first_part_of_a_series_is_no_name_a_passage_must_hold() {
        let ix = index("Laba Koperasi Contoh pada kuartal I naik tipis.");
        let q = analyse("laba koperasi contoh kuartal 1 brp", None, &ix);
        let one = q.terms.iter().find(|t| t.word == "1").expect("1");
        assert!(!one.salient);
        // Elsewhere a small number is a figure the passage must hold.
        let q = analyse("laba koperasi contoh naik 1 persen?", None, &ix);
        assert!(q.terms.iter().any(|t| t.word == "1" && t.salient));
    }
}
