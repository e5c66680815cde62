//! A who-question answered by a paragraph that names the person by a pronoun or by one name:
//! the paragraph before naming them in full is quoted too.

use super::super::answer_type::{Asked, values_of};
use super::super::paragraphs::{Detail, Paragraph};
use super::super::query::AnswerType;

/// How far back the paragraph naming no one looks for one naming a person.
const LOOK_BACK: usize = 2;
/// A name counts as a person's at this strength of [`values_of`] (a title before it, or a
/// capitalised word no dictionary holds); a body ("BPBD") or a place's name counts less.
const PERSON: f32 = 0.7;

/// The paragraph before the `k`th to quote with it when the question asks who. When the `k`th
/// names no one new, the nearest paragraph (at most [`LOOK_BACK`] back) naming a person: reports
/// close a quote with a pronoun ("…," pungkasnya; "Ia menambahkan …") whose speaker an earlier
/// paragraph names. When it names people only by one word ("ujar Budi"), the nearest paragraph
/// before holding one of those words beside another capitalised word: reports give a name in
/// full once, where they introduce the person, and the reader asking who wants it. Computed once
/// per answered question, over the sentences of the paragraphs up to the `k`th.
pub(super) fn named_before(asked: &Asked, detail: &Detail, k: usize) -> Option<usize> {
    if asked.wanted != AnswerType::Person {
        return None;
    }
    let here = person_words(asked, detail.paragraphs.get(k)?);
    if here.is_empty() {
        return (k.saturating_sub(LOOK_BACK)..k)
            .rev()
            .find(|&i| !person_words(asked, &detail.paragraphs[i]).is_empty());
    }
    if here.iter().any(|(_, full)| *full) {
        return None;
    }
    (0..k).rev().find(|&i| {
        person_words(asked, &detail.paragraphs[i])
            .iter()
            .any(|(w, full)| *full && here.iter().any(|(h, _)| h == w))
    })
}

/// The words of a paragraph naming a person, each with whether a capitalised word stands beside
/// it (a name of two words or more).
fn person_words<'a>(asked: &Asked, p: &'a Paragraph) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    for s in &p.sentences {
        // The first word, capitalised in every sentence, is a name only when placed as one.
        if let (Some(t), Some(f)) = (s.toks.first(), s.facts.first())
            && f.placed_as_person()
            && !asked.holds(&t.lower)
        {
            let full = s.toks.get(1).is_some_and(|n| n.capitalised && !n.acronym);
            out.push((t.lower.as_str(), full));
        }
        for (i, strength) in values_of(&s.toks, &s.facts, asked) {
            if strength < PERSON {
                continue;
            }
            let capitalised = |j: Option<usize>| {
                j.and_then(|j| s.toks.get(j))
                    .is_some_and(|t| t.capitalised && !t.acronym)
            };
            let full = capitalised(i.checked_sub(1)) || capitalised(Some(i + 1));
            out.push((s.toks[i].lower.as_str(), full));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{lexicon, one_article_index};

    /// `named_before` for a question over a one-article index, the answering paragraph `k`.
    fn before(body: &str, raw: &str, k: usize) -> Option<usize> {
        let lx = lexicon();
        let text =
            format!("Harga Kopi Naik\n\nTanggal: Senin, 3 Februari 2031 / 10:00 WIB\n\n{body}");
        let index = one_article_index(&text);
        let q = analyse(raw, None, &index);
        let detail = index.detail(0);
        named_before(&Asked::of(&q, &lx), &detail, k)
    }

    #[test]
    fn a_quote_closed_by_a_pronoun_takes_the_paragraph_naming_its_speaker() {
        let body = "Harga kopi naik sejak pekan lalu.\n\n\
                    \"Pasokan dari kebun belum banyak,\" kata Wiraguna, pedagang di Pasar Lama.\n\n\
                    \"Kopi masih mahal sampai panen,\" pungkasnya.\n";
        assert_eq!(
            before(body, "Kata siapa kopi masih mahal sampai panen?", 2),
            Some(1)
        );
        // A question asking no person takes nothing.
        assert_eq!(before(body, "Sampai kapan kopi masih mahal?", 2), None);
    }

    #[test]
    fn a_speaker_named_by_one_word_takes_the_paragraph_giving_the_full_name() {
        let body = "Kepala Dinas Pertanian Wiraguna Sastrodikromo mengatakan stok kopi cukup.\n\n\
                    Harga kopi naik sejak pekan lalu.\n\n\
                    \"Kopi masih mahal sampai panen,\" ujar Wiraguna di kantornya.\n";
        assert_eq!(
            before(body, "Siapa yang bilang kopi masih mahal sampai panen?", 2),
            Some(0)
        );
        // The one name may open the sentence.
        let body = "Kepala Dinas Pertanian Wiraguna Sastrodikromo mengatakan stok kopi cukup.\n\n\
                    Wiraguna menjelaskan, kopi masih mahal sampai panen.\n";
        assert_eq!(
            before(body, "Menurut siapa kopi masih mahal sampai panen?", 1),
            Some(0)
        );
        // A pronoun opening it names no one: the paragraph before naming someone is taken.
        let body = "Kepala Dinas Pertanian Wiraguna Sastrodikromo mengatakan stok kopi cukup.\n\n\
                    Ia mengatakan kopi masih mahal sampai panen.\n";
        assert_eq!(
            before(body, "Menurut siapa kopi masih mahal sampai panen?", 1),
            Some(0)
        );
        // Named in full where it answers, it needs nothing before.
        let body = "Harga kopi naik sejak pekan lalu.\n\n\
                    \"Kopi masih mahal sampai panen,\" ujar Wiraguna Sastrodikromo.\n";
        assert_eq!(
            before(body, "Siapa yang bilang kopi masih mahal sampai panen?", 1),
            None
        );
    }
}
