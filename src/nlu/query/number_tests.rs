//! Tests of numbers in question analysis: digits and spelled numbers, units and scales, the parts
//! of a series ("kuartal III", "tw 3") and their shorthand, on made-up questions over small
//! fixture indexes.

use super::tests::seed_index;
use super::*;
use crate::nlu::testing::lexicon;

#[test]
fn a_small_digit_matches_the_word_the_report_spells_and_a_colloquial_verb_is_no_name() {
    let index = crate::nlu::testing::one_article_index(
        "Rapat koperasi Sukalaras\n\nKoperasi Sukalaras baru dua kali menggelar rapat tahun ini.\n",
    );
    let q = analyse("koperasi sukalaras baru 2 kali rapat", None, &index);
    let two = q.terms.iter().find(|t| t.word == "2").unwrap();
    assert!(two.salient && two.known(), "{two:?}");
    let q = analyse("koperasi ngerugiin siapa", None, &index);
    let verb = q.terms.iter().find(|t| t.word == "ngerugiin").unwrap();
    assert!(!verb.salient, "nge-rugi-in: a verb of a dictionary root");
}

#[test]
fn a_units_abbreviation_after_a_figure_is_the_unit_and_chats_word_elsewhere() {
    let index = seed_index();
    let q = analyse("harga emas 5 gr brp", None, &index);
    assert!(q.words.iter().any(|w| w == "gr"), "{:?}", q.words);
    let q = analyse("naik gr2 apa", None, &index);
    assert!(q.words.iter().all(|w| w != "gr"), "{:?}", q.words);
}

#[test]
fn a_measure_noun_with_its_clitic_is_no_more_what_is_asked_than_without() {
    let index = seed_index();
    let q = analyse("pemilik toko itu siapa namanya", None, &index);
    assert!(
        q.terms.iter().all(|t| !(t.head && t.stem == "nama")),
        "{:?}",
        q.terms
    );
}

#[test]
fn a_digit_numbering_a_series_part_matches_the_roman_numeral_reports_write() {
    let article = crate::nlu::testing::plain_article(
        1,
        "Laba Koperasi Maju Naik\n\nLaba Koperasi Maju pada triwulan III naik tipis.\n",
    );
    let index = Index::build(&[article], std::iter::empty(), lexicon());
    let forms = |raw: &str| {
        let q = analyse(raw, None, &index);
        q.terms
            .iter()
            .find(|t| t.word == "3")
            .map(|t| t.forms.clone())
            .unwrap_or_default()
    };
    assert!(forms("laba koperasi maju kuartal 3 brp").contains(&"iii".to_string()));
    assert!(forms("laba koperasi maju kuartal ke-3 brp").contains(&"iii".to_string()));
    // Without a series noun before it, a small number is no part's number.
    assert!(!forms("laba koperasi maju 3 orang").contains(&"iii".to_string()));
}

#[test]
fn a_series_part_numbered_one_way_matches_the_report_writing_it_another() {
    let article = crate::nlu::testing::plain_article(
        1,
        "Laba Koperasi Maju Naik\n\nLaba Koperasi Maju pada kuartal ketiga naik tipis, \
         kuartal pertama turun.\n",
    );
    let index = Index::build(&[article], std::iter::empty(), lexicon());
    let forms = |raw: &str, word: &str| {
        let q = analyse(raw, None, &index);
        q.terms
            .iter()
            .find(|t| t.word == word)
            .map(|t| t.forms.clone())
            .unwrap_or_default()
    };
    assert!(forms("laba koperasi maju triwulan III brp", "iii").contains(&"ketiga".to_string()));
    assert!(forms("laba koperasi maju kuartal 3 brp", "3").contains(&"ketiga".to_string()));
    // "pertama" is first of too much to stand for the first part anywhere in a report.
    assert!(!forms("laba koperasi maju kuartal 1 brp", "1").contains(&"pertama".to_string()));
}

#[test]
fn a_lone_scale_shorthand_right_after_berapa_is_the_scale_asked_for() {
    let index = seed_index();
    let words = |q: &str| -> Vec<String> {
        let q = analyse(q, None, &index);
        q.terms.iter().map(|t| t.word.clone()).collect()
    };
    assert!(words("laba bank thn 2023 brp t").contains(&"triliun".to_string()));
    assert!(words("utangnya brp M").contains(&"miliar".to_string()));
    // Elsewhere the letter is no scale: "t" away from "berapa" stays what it was.
    assert!(!words("laba t bank brp").contains(&"triliun".to_string()));
}

#[test]
fn a_date_noun_away_from_the_question_word_names_the_topic_and_asks_nothing() {
    let index = seed_index();
    let kind = |q: &str| analyse(q, None, &index).answer_type;
    assert_eq!(
        kind("dividen thn buku 2023 brp per lembar saham"),
        AnswerType::Number
    );
    assert_eq!(kind("jam kerja kantor itu brp lama"), AnswerType::Number);
    // Beside the question word, or with no other question word, it still asks a date.
    assert_eq!(kind("thn brp dividen dibagi"), AnswerType::Date);
    assert_eq!(kind("tanggal pembagian dividen?"), AnswerType::Date);
}

#[test]
fn a_series_shorthand_before_the_parts_number_is_the_series_noun_and_chats_word_elsewhere() {
    let index = seed_index();
    let words = |q: &str| -> Vec<String> {
        let q = analyse(q, None, &index);
        q.terms.iter().map(|t| t.word.clone()).collect()
    };
    assert!(words("laba tw3 2023 brp").contains(&"kuartal".to_string()));
    assert!(words("harga emas tw III brp").contains(&"kuartal".to_string()));
    assert!(words("laba smstr 1 brp").contains(&"semester".to_string()));
    // Without a number after it, "tw" is chat's "tahu", no quarter.
    assert!(!words("gak tw harga emas brp").contains(&"kuartal".to_string()));
}

#[test]
fn the_superlative_shorthand_before_a_misspelt_gradable_word_is_still_the_marker() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Harga beras tinggi\n\nHarga beras paling tinggi di pasar kota.\n",
    ]);
    let q = analyse("pasar mn yg plg tnggi harganya", None, &index);
    assert!(q.terms.iter().all(|t| t.word != "pulang"));
    // Before an ordinary word it stays chat's "pulang".
    let q = analyse("kapan dia plg kampung", None, &index);
    assert!(q.terms.iter().any(|t| t.word == "pulang"));
}

#[test]
fn a_scale_right_after_berapa_is_not_what_is_asked() {
    let q = analyse("paket data naek brp rebu?", None, &seed_index());
    assert!(q.terms.iter().any(|t| t.word == "ribu"));
    assert!(q.terms.iter().all(|t| !t.head || t.word != "ribu"));
}

#[test]
fn a_figure_written_with_digit_thousands_matches_a_report_writing_the_scale_word() {
    let article = crate::nlu::testing::plain_article(
        1,
        "Harga Kopi Naik\n\nHarga kopi di Pasar Lumbung naik jadi Rp35 ribu per kilogram.\n",
    );
    let index = Index::build(&[article], std::iter::empty(), lexicon());
    let q = analyse("harga kopi Rp35.000 per kg kapan?", None, &index);
    let thousands = q.terms.iter().find(|t| t.word == "000").expect("000");
    assert!(thousands.forms.contains(&"ribu".to_string()));
    // The currency sign glued to the figure matches the sign the report writes, not only the
    // word the slang map spells it as.
    let q = analyse("harga kopi rp35 ribu kapan?", None, &index);
    let sign = q.terms.iter().find(|t| t.word == "rupiah").expect("rupiah");
    assert!(
        sign.matches
            .iter()
            .any(|(id, _)| Some(*id) == index.term("rp"))
    );
}
