//! Tests of the relation evidence: a question asking what a thing is, and the paragraph defining it.

use super::relation::{Definition, defined_thing, definition};
use crate::nlu::query::analyse;
use crate::nlu::testing::one_article_index;

const ARTICLE: &str = "Koperasi Lembah Hijau Catat Laba\n\nKoperasi Lembah Hijau mencatat laba Rp 12 miliar tahun ini, kata ketua koperasi Wirya Pratama.\n\nLaba itu dihitung dari pendapatan sebelum pajak alias laba kotor koperasi (LKK) yang naik tipis.\n\nKetua Wirya menyebut harga pupuk di pasar desa turun.\n";

#[test]
fn a_definition_question_is_read_from_its_frame_and_a_value_question_is_not() {
    let index = one_article_index(ARTICLE);
    let lx = index.lx.clone();
    let thing = |raw: &str| {
        let q = analyse(raw, None, &index);
        defined_thing(&q, &lx).map(|t| t.join(" "))
    };
    assert_eq!(thing("Apa itu laba kotor?").as_deref(), Some("laba kotor"));
    assert_eq!(thing("LKK artinya apa?").as_deref(), Some("lkk"));
    assert_eq!(thing("What does LKK stand for?").as_deref(), Some("lkk"));
    // A question about a value or about a relation of two things asks no meaning.
    assert_eq!(thing("Berapa laba koperasi tahun ini?"), None);
    assert_eq!(thing("What is the profit of the cooperative?"), None);
    assert_eq!(
        thing("Apa itu laba koperasi Lembah Hijau tahun 2031 di desa?"),
        None
    );
}

#[test]
fn a_definition_is_found_where_the_article_gives_it_and_nowhere_else() {
    let index = one_article_index(ARTICLE);
    let lx = index.lx.clone();
    let q = analyse("Apa itu LKK?", None, &index);
    // The lead names the cooperative's profit but defines nothing; the second paragraph spells
    // the short form out.
    assert_eq!(definition(&q, &index, 0, 1, &lx), Definition::Here);
    assert!(matches!(
        definition(&q, &index, 0, 0, &lx),
        Definition::Elsewhere(1, _)
    ));
    let q = analyse("Apa itu pupuk?", None, &index);
    assert_eq!(definition(&q, &index, 0, 2, &lx), Definition::Nowhere);
}
