//! Tests of `clauses`: which words of a question place it, and which name its report.

use super::*;
use crate::nlu::testing::lexicon;

/// Whether the question opens with a segment that only names the report.
fn names_report(raw: &str) -> bool {
    let lx = lexicon();
    let segments = comma_segments(raw, &text::tokenize(raw));
    let leading = leading_segment(&segments, &lx);
    lead_names_report(&segments, &leading, &lx)
}

#[test]
fn a_leading_event_names_the_report_and_leaves_the_paragraph_to_what_is_asked() {
    assert!(names_report(
        "Banjir yang merendam 12 desa, posko pengungsian dilengkapi apa?"
    ));
    assert!(names_report(
        "Di hari cuma rupiah yang melemah, mata uang mana yang menguat paling tinggi?"
    ));
    assert!(names_report(
        "Investasi yg katanya lemah karena efek musiman, siapa Kepala BKPM?"
    ));
}

#[test]
fn a_leading_source_or_a_description_of_the_asked_thing_stays_with_the_paragraph() {
    // The source quoted speaks in the answering paragraph.
    assert!(!names_report("Menurut Sari, kapan harga solar turun?"));
    assert!(!names_report(
        "According to the mayor in May 2024, when will fuel prices fall?"
    ));
    // "desa" beside the asking word: the lead describes the village asked for.
    assert!(!names_report(
        "Banjir yang membuat 900 warga mengungsi di satu desa, desa apa itu?"
    ));
    // No lead segment at all.
    assert!(!names_report("Posko pengungsian dilengkapi apa?"));
}

/// The words `context_clause` marks, in order.
fn marked(raw: &str) -> Vec<String> {
    let lx = lexicon();
    let tokens = text::tokenize(raw);
    let flags = context_clause(&comma_segments(raw, &tokens), &lx);
    text::tokenize(raw)
        .into_iter()
        .zip(flags)
        .filter(|(_, f)| *f)
        .map(|(t, _)| t.word)
        .collect()
}

#[test]
fn a_question_word_asked_last_after_a_clause_stays_outside_it() {
    assert_eq!(
        marked("CAR bank itu waktu bagi dividen 40 persen berapa?"),
        vec!["waktu", "bagi", "dividen", "40", "persen"]
    );
}

#[test]
fn a_capitalised_acronym_is_no_chat_shorthand_for_a_context_word() {
    // "gt" is chat's "begitu" (a context word); "GT" mid-sentence names a toll gate.
    assert!(marked("Berapa kendaraan yang lewat GT Lumbung Raya?").is_empty());
    // Nor is a two-letter shorthand one, lowercase either.
    assert_eq!(
        marked("kendaraan lewat gt lumbung pas lebaran 2031 brp"),
        vec!["pas", "lebaran", "2031"]
    );
    assert_eq!(
        marked("Berapa harga kopi pas harga gula naik?"),
        vec!["pas", "harga", "gula", "naik"]
    );
}

#[test]
fn a_clause_after_what_is_asked_places_the_question_up_to_its_end() {
    assert_eq!(
        marked("Berapa harga kopi saat panen gagal di Lembah Hijau?"),
        vec!["saat", "panen", "gagal", "di", "lembah", "hijau"]
    );
    // A source named after the question opens the clause too (`source-words.txt`).
    assert_eq!(
        marked("Berapa harga kopi menurut Dinas Pangan saat panen gagal di Lembah Hijau?"),
        vec![
            "menurut", "dinas", "pangan", "saat", "panen", "gagal", "di", "lembah", "hijau"
        ]
    );
}

#[test]
fn a_trailing_clause_ends_at_the_next_comma() {
    assert_eq!(
        marked("Siapa pemilik toko ketika harga naik tajam, dan apa alasannya?"),
        vec!["ketika", "harga", "naik", "tajam"]
    );
}

#[test]
fn a_clause_after_the_question_and_a_comma_places_it() {
    assert_eq!(
        marked("Berapa harga kopi di pasar, saat panen gagal?"),
        vec!["saat", "panen", "gagal"]
    );
    assert!(marked("Harga kopi naik, saat panen gagal berapa?").is_empty());
}

#[test]
fn a_clause_that_asks_is_no_context() {
    assert!(marked("Berapa lama pasar tutup sejak kapan?").is_empty());
    assert!(marked("Berapa harga kopi saat panen berapa?").is_empty());
}

#[test]
fn a_context_word_with_one_word_after_it_belongs_to_the_asked_part() {
    assert!(marked("Siapa pemilik toko waktu itu?").is_empty());
}

#[test]
fn a_context_word_a_relative_clause_qualifies_is_a_noun() {
    assert!(marked("Berapa lama waktu yang diberikan pengelola pasar kepada pedagang?").is_empty());
}

#[test]
fn a_context_word_before_any_question_word_opens_no_trailing_clause() {
    assert!(marked("Harga kopi naik saat panen gagal berapa persen?").is_empty());
}

#[test]
fn an_english_clause_after_the_question_word_places_it() {
    assert_eq!(
        marked("How much did coffee cost when the harvest failed?"),
        vec!["when", "the", "harvest", "failed"]
    );
    assert!(marked("When did the harvest fail?").is_empty());
    assert!(marked("From when to when was the harvest market closed in Lumbung?").is_empty());
}

#[test]
fn an_english_noun_of_time_before_a_clause_places_the_question_as_when_does() {
    assert_eq!(
        marked("How many shops closed on the day the market flooded?"),
        vec!["day", "the", "market", "flooded"]
    );
    assert_eq!(
        marked("Who scored the night Lumbung beat Kopi 2-0?"),
        vec!["night", "lumbung", "beat", "kopi", "2", "0"]
    );
}

#[test]
fn an_english_noun_of_time_before_a_preposition_a_digit_or_a_month_places_nothing() {
    assert!(marked("How much did coffee cost the day after the harvest?").is_empty());
    assert!(marked("How much did coffee cost in the year 2023 overall?").is_empty());
    assert!(marked("What did coffee cost the week of March 2023 in Lumbung?").is_empty());
}

#[test]
fn a_setting_opening_the_question_places_it_up_to_the_comma() {
    assert_eq!(
        marked("Dalam rapat Dewan Kota pada Senin (3/2), berapa harga kopi?"),
        vec!["dalam", "rapat", "dewan", "kota", "pada", "senin", "3", "2"]
    );
    assert_eq!(
        marked("Pada rapat Dewan Kota, siapa pemilik toko itu?"),
        vec!["pada", "rapat", "dewan", "kota"]
    );
}

#[test]
fn a_setting_word_later_in_the_question_or_in_a_segment_that_asks_opens_nothing() {
    assert!(marked("Berapa harga kopi pada Mei 2031 di Lembah Hijau?").is_empty());
    assert!(marked("Pada hari apa toko itu dibuka, dan kapan?").is_empty());
    assert!(marked("Pada Senin harga kopi berapa?").is_empty());
}

#[test]
fn a_figure_quoted_with_a_separator_is_found_among_the_tokens() {
    let quoted = |raw: &str| -> Vec<String> {
        text::tokenize(raw)
            .into_iter()
            .zip(quoted_figures(raw, &text::tokenize(raw)))
            .filter(|(_, f)| *f)
            .map(|(t, _)| t.word)
            .collect()
    };
    assert_eq!(
        quoted("Siapa pemilik toko yang naik 12,5 persen?"),
        vec!["12", "5"]
    );
    assert_eq!(
        quoted("Siapa pemilik toko saat Rp12.345?"),
        vec!["12", "345"]
    );
    assert!(quoted("Siapa pemilik toko pada 21/11/2031 di 2 pasar?").is_empty());
}

#[test]
fn a_leading_segment_that_asks_nothing_names_the_event() {
    let lx = lexicon();
    let lead = |raw: &str| -> Vec<String> {
        text::tokenize(raw)
            .into_iter()
            .zip(leading_segment(
                &comma_segments(raw, &text::tokenize(raw)),
                &lx,
            ))
            .filter(|(_, f)| *f)
            .map(|(t, _)| t.word)
            .collect()
    };
    assert_eq!(
        lead("Banjir yang merendam pasar lama, berapa desa terendam?"),
        vec!["banjir", "yang", "merendam", "pasar", "lama"]
    );
    assert!(lead("Berapa harga kopi, dan siapa pemiliknya?").is_empty());
    assert!(lead("Harga kopi naik 4,5 persen berapa?").is_empty());
    assert!(lead("Harga kopi naik, pasar ramai").is_empty());
    // A segment asking for the newest report names it by its date, not by a detail.
    assert!(lead("Menurut laporan panen terbaru, berapa harga kopi?").is_empty());
}

#[test]
fn a_leading_clause_still_needs_its_comma() {
    assert_eq!(
        marked("Saat panen gagal, berapa harga kopi?"),
        vec!["saat", "panen", "gagal"]
    );
    assert!(marked("Saat naik 4,72 persen berapa harga kopi?").is_empty());
}

#[test]
fn apa_opening_a_verb_of_causing_asks_why_but_after_a_noun_asks_which() {
    let lx = lexicon();
    let asks = |raw: &str| {
        super::super::answer_kind::asks_cause(&comma_segments(raw, &text::tokenize(raw)), &lx)
    };
    assert!(asks(
        "Menurut Pak Lumbung, apa yang menyebabkan harga kopi anjlok?"
    ));
    assert!(asks("apa yg bikin harga kopi turun"));
    assert!(!asks("Data apa yang bikin harga kopi turun?"));
    assert!(!asks("Apa yang dijual warga Sukamaju?"));
}

#[test]
fn a_cause_asked_after_apa_yang_outranks_a_yes_no_marker_and_masa_the_noun_marks_none() {
    let index = crate::nlu::testing::one_article_index(
        "Kopi Lumbung\n\nPanen kopi Lumbung turun karena hujan pada masa berbunga.\n",
    );
    use crate::nlu::query::{AnswerType, analyse};
    let kind = |raw: &str| analyse(raw, None, &index).answer_type;
    // "memang" marks a yes/no question; "apa yang menyebabkan" still asks why.
    assert_eq!(
        kind("Apa yang menyebabkan panen kopi Lumbung memang turun?"),
        AnswerType::Reason
    );
    // "pada masa berbunga" names a period; the question asks a thing, not yes or no.
    assert_eq!(kind("Apa yang turun pada masa berbunga?"), AnswerType::Any);
    // Opening or closing the question, "masa" still doubts a claim.
    assert_eq!(kind("Masa panen kopi Lumbung turun?"), AnswerType::YesNo);
}

#[test]
fn the_word_after_siapa_yang_is_what_was_done_not_what_is_asked_about() {
    let index = crate::nlu::testing::one_article_index(
        "Lomba Lari Sukamaju\n\nPelatih tim Lumbung, Budi, memuji pelari yang finis ketiga.\n",
    );
    let head = |raw: &str, word: &str| {
        crate::nlu::query::analyse(raw, None, &index)
            .terms
            .iter()
            .any(|t| t.word == word && t.head)
    };
    assert!(!head(
        "Siapa yang finis ketiga di lomba lari Sukamaju?",
        "finis"
    ));
    assert!(head(
        "Siapa pelatih tim Lumbung di lomba lari Sukamaju?",
        "pelatih"
    ));
}

#[test]
fn a_source_named_after_the_question_places_it_but_one_named_first_does_not() {
    assert_eq!(
        marked("Berapa stok kopi menurut Kepala Dinas Lumbung?"),
        vec!["menurut", "kepala", "dinas", "lumbung"]
    );
    // Before the question the source speaks in the answering paragraph.
    assert!(marked("Menurut Kepala Dinas Lumbung, berapa stok kopi?").is_empty());
}
