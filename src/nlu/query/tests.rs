//! Tests of question analysis: terms, context clauses, answer types and shorthand, on made-up
//! questions over small fixture indexes (the English bridge's in `english_tests`, numbers, units and
//! series parts in `number_tests`).

use super::*;
use crate::nlu::testing::{archive_with_one_quake, lexicon, seed_article};

pub(super) fn seed_index() -> Index {
    Index::build(&[seed_article(1)], std::iter::empty(), lexicon())
}
#[test]
fn a_clause_placing_the_question_marks_its_words_as_context() {
    let index = seed_index();
    let q = analyse("Pas rupiah melemah, berapa harga emas?", None, &index);
    let context = |w: &str| q.terms.iter().find(|t| t.word == w).map(|t| t.context);
    assert_eq!(context("rupiah"), Some(true));
    assert_eq!(context("emas"), Some(false));
    // A decimal comma ends no clause, and a question without one has no context.
    let q = analyse("Saat naik 4,72 persen berapa harga emas?", None, &index);
    assert!(q.terms.iter().all(|t| !t.context));
}

#[test]
fn a_clause_before_a_question_word_asked_last_places_the_question() {
    let index = seed_index();
    let context = |raw: &str, w: &str| {
        let q = analyse(raw, None, &index);
        q.terms.iter().find(|t| t.word == w).map(|t| t.context)
    };
    let last = "Harga emas waktu rupiah melemah tajam berapa?";
    assert_eq!(context(last, "rupiah"), Some(true));
    assert_eq!(context(last, "emas"), Some(false));
    // Too short to place anything: "waktu itu" is part of what is asked.
    assert_eq!(context("Harga emas waktu itu berapa?", "emas"), Some(false));
}

#[test]
fn waktu_after_a_gradable_question_is_the_noun_asked_about() {
    let index = seed_index();
    let q = analyse("Berapa lama waktu antrean di pasar itu?", None, &index);
    assert!(
        q.terms.iter().all(|t| !t.context),
        "\"berapa lama waktu …\" asks for a time; it places nothing"
    );
    let q = analyse(
        "Berapa harga emas waktu rupiah melemah tajam?",
        None,
        &index,
    );
    let context = |w: &str| q.terms.iter().find(|t| t.word == w).map(|t| t.context);
    assert_eq!(context("rupiah"), Some(true));
    assert_eq!(context("emas"), Some(false));
}

#[test]
fn a_question_word_inside_a_placing_clause_asks_nothing() {
    let q = analyse(
        "Saat pasar itu ramai dalam satu jam, desa mana yang paling banyak kena macet?",
        None,
        &seed_index(),
    );
    assert_eq!(
        q.answer_type,
        AnswerType::Place,
        "the clause's \"jam\" asks nothing"
    );
}

#[test]
fn a_capitalised_name_the_articles_write_is_not_read_as_slang_for_another_word() {
    // The slang list reads "gede" as "besar"; the archive only writes it in a name.
    let index = crate::nlu::testing::one_article_index(
        "Harga kacang naik\n\nPedagang di Pasar Gede menjual kacang Rp 50.000. \
         Pasokan ke Pasar Gede turun.\n",
    );
    let q = analyse("Berapa harga kacang di Pasar Gede?", None, &index);
    assert!(
        q.terms.iter().any(|t| t.word == "gede" && t.known()),
        "{:?}",
        q.terms
    );
}

#[test]
fn a_figure_quoted_in_a_question_asking_who_places_it_but_one_asking_how_much_is_asked() {
    let index = seed_index();
    let context = |raw: &str, w: &str| {
        let q = analyse(raw, None, &index);
        q.terms.iter().find(|t| t.word == w).map(|t| t.context)
    };
    let who = "Siapa pemilik pasar yang omzetnya naik 12,75 persen?";
    assert_eq!(context(who, "75"), Some(true));
    assert_eq!(context(who, "pemilik"), Some(false));
    assert_eq!(context("Berapa harga emas 0,75 gram?", "75"), Some(false));
}

#[test]
fn the_word_after_the_question_word_is_what_is_asked() {
    let q = analyse("siapa pemilik pasar itu?", None, &seed_index());
    let heads: Vec<&str> = q
        .terms
        .iter()
        .filter(|t| t.head)
        .map(|t| t.word.as_str())
        .collect();
    assert_eq!(heads, vec!["pemilik"]);
    let q = analyse("pemilik pasar itu siapa?", None, &seed_index());
    assert!(
        q.terms.iter().any(|t| t.head && t.word == "pemilik"),
        "a question word asked last asks about the first noun"
    );
    let q = analyse(
        "berapa persen kenaikan sewa pasar itu?",
        None,
        &seed_index(),
    );
    assert!(
        q.terms.iter().all(|t| !(t.head && t.word == "persen")),
        "a unit says in what the figure is given, not of what"
    );
    let q = analyse("berapa lama antrean di pasar itu?", None, &seed_index());
    assert!(
        q.terms.iter().all(|t| !t.head),
        "a gradable word describes the measure asked for"
    );
    let q = analyse("berapa jumlah pedagang pasar itu?", None, &seed_index());
    assert!(
        q.terms.iter().all(|t| !(t.head && t.word == "jumlah")),
        "a measure noun says what kind of figure, not of what"
    );
    let q = analyse("gaji pedagang berapa sehari?", None, &seed_index());
    assert!(
        q.terms.iter().all(|t| !(t.head && t.word == "sehari")),
        "a rate's denominator says per what, not of what"
    );
    let q = analyse("yg ngomong sewa pasar naik siapa?", None, &seed_index());
    assert!(
        q.terms.iter().all(|t| !(t.head && t.word == "bicara")),
        "a verb of speech asks who spoke, it names nothing the report must hold"
    );
    let q = analyse(
        "laporan sewa pasar edisi Senin berapa?",
        None,
        &seed_index(),
    );
    assert!(
        q.terms.iter().all(|t| !(t.head && t.word == "laporan")),
        "a word pointing at the report says which report, not what is asked"
    );
}

#[test]
fn slang_and_function_words_leave_the_content_terms() {
    let q = analyse("wa kasih data ke facebook ga?", None, &seed_index());
    let words: Vec<&str> = q.terms.iter().map(|t| t.word.as_str()).collect();
    assert_eq!(words, vec!["whatsapp", "kasih", "data", "facebook"]);
    assert!(
        q.terms[1].known(),
        "kasih matches bagi through the synonym list"
    );
}

#[test]
fn an_abbreviation_the_slang_map_spells_out_still_matches_the_article_writing_it() {
    let index = crate::nlu::testing::one_article_index(
        "Dirut PT Sumber Makmur dilantik\n\nDirut PT Sumber Makmur, Budi Santika, dilantik Senin.\n",
    );
    let q = analyse("siapa dirut pt sumber makmur?", None, &index);
    let first = &q.terms[0];
    assert_eq!(
        first.word, "direktur",
        "the slang map spells the abbreviation out"
    );
    assert!(first.known(), "the reader's own spelling is the article's");
}

#[test]
fn a_months_abbreviation_is_read_as_the_month_and_is_never_what_is_asked() {
    let q = analyse("pasar paling rame dmn okt 2024", None, &seed_index());
    let month = q.terms.iter().find(|t| t.word == "oktober").unwrap();
    assert!(!month.head, "a month says when, not what is asked");
}

#[test]
fn misspelt_words_are_corrected_and_names_are_salient() {
    let q = analyse("Kapan Instagram beli whatsaap?", None, &seed_index());
    let words: Vec<&str> = q.terms.iter().map(|t| t.word.as_str()).collect();
    assert_eq!(words, vec!["instagram", "beli", "whatsapp"]);
    assert!(q.terms[0].salient && !q.terms[0].known());
}

#[test]
fn salience_comes_from_the_corpus_and_the_writer_not_from_a_list() {
    let index = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
    let q = analyse("berapa kekuatan gempa di sukamakmur", None, &index);
    let salient = |w: &str| q.terms.iter().find(|t| t.word == w).unwrap().salient;
    assert!(salient("sukamakmur"), "one article in twelve holds it");
    let q = analyse("apa kata whatsapp soal facebook", None, &index);
    assert!(
        q.terms.iter().all(|t| !t.salient),
        "every article holds them and nobody capitalised them"
    );
    let q = analyse("Apa kata Telegram soal data 2021?", None, &index);
    assert!(q.terms.iter().filter(|t| t.salient).count() == 2);
}

#[test]
fn an_ordinary_word_few_articles_hold_is_rare_but_no_name() {
    let index = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
    let q = analyse("berapa kekuatan gempa di sukamakmur", None, &index);
    let term = |w: &str| q.terms.iter().find(|t| t.word == w).unwrap();
    assert!(
        !term("gempa").salient && term("gempa").rare,
        "a dictionary word is weighed softly, not demanded like a name"
    );
    assert!(term("sukamakmur").salient && !term("sukamakmur").rare);
}

#[test]
fn a_root_that_lost_its_first_letter_to_the_prefix_is_found_through_synonyms() {
    let q = analyse("Kenapa orang meninggalkan WhatsApp?", None, &seed_index());
    assert!(q.terms.iter().any(|t| t.word == "tinggal" && t.known()));
    assert_eq!(q.answer_type, AnswerType::Reason);
}

#[test]
fn a_statement_with_memang_is_a_yes_no_question() {
    let q = analyse("wa emg mau bagi2 data ke fb?", None, &seed_index());
    assert_eq!(q.answer_type, AnswerType::YesNo);
}

#[test]
fn question_words_give_the_answer_type() {
    let index = seed_index();
    assert_eq!(
        analyse("Tahun berapa dibeli?", None, &index).answer_type,
        AnswerType::Date
    );
    assert_eq!(
        analyse("siapa yang bilang", None, &index).answer_type,
        AnswerType::Person
    );
    assert_eq!(
        analyse("berapa harganya", None, &index).answer_type,
        AnswerType::Number
    );
    let kind = |q: &str| analyse(q, None, &index).answer_type;
    assert_eq!(kind("kenapa viral"), AnswerType::Reason);
    assert_eq!(kind("wa bagi data beneran ga sih"), AnswerType::YesNo);
    assert_eq!(kind("Apakah harga data murah?"), AnswerType::YesNo);
    // A date noun asks for a date only right before "berapa"; elsewhere it names the topic,
    // and right after it, it is what is counted (a duration).
    assert_eq!(kind("Berapa harga paket tahun lalu?"), AnswerType::Number);
    assert_eq!(kind("diumumin maks brp jam"), AnswerType::Number);
    assert_eq!(kind("jam berapa diumumin"), AnswerType::Date);
    // A relative phrase names the date even when "berapa" follows it.
    assert_eq!(kind("harga paket thn lalu brp"), AnswerType::Number);
    assert_eq!(kind("paket data taun kmrn brp"), AnswerType::Number);
    // English asks with its opening words; a "when" clause later does not.
    assert_eq!(kind("In which year was it bought?"), AnswerType::Date);
    assert_eq!(
        kind("What price did the seller expect when the data leaked?"),
        AnswerType::Any
    );
}

#[test]
fn how_before_a_gradable_word_asks_for_a_figure() {
    let index = seed_index();
    let kind = |q: &str| analyse(q, None, &index).answer_type;
    assert_eq!(
        kind("How deep was the quake near Sukamaju?"),
        AnswerType::Number
    );
    assert_eq!(
        kind("How high did the price of rice climb?"),
        AnswerType::Number
    );
    assert_eq!(
        kind("How did the bank restore its services?"),
        AnswerType::Manner
    );
}

#[test]
fn chat_shorthand_of_the_superlative_marker_before_a_gradable_word_is_the_marker() {
    let index = crate::nlu::testing::one_article_index(
        "Panen Sukalaras\n\nPanen paling banyak ada di Sukalaras, 12 ton.\n",
    );
    let q = analyse("panen plg bnyk di mana", None, &index);
    assert!(q.words.iter().any(|w| w == "paling"), "{:?}", q.words);
    // A spoken form keeping its vowels is its own word: "trus naik" goes on rising, "tuh" points.
    for (raw, word) in [("panen trus naik", "terus"), ("panen tuh naik", "itu")] {
        let q = analyse(raw, None, &index);
        assert!(q.words.iter().any(|w| w == word), "{:?}", q.words);
    }
}

#[test]
fn a_word_no_article_holds_and_no_dictionary_lists_is_not_what_is_asked() {
    let index = crate::nlu::testing::one_article_index(
        "Tarif bus naik\n\nTarif bus Sukalaras naik jadi Rp 12.000.\n",
    );
    let q = analyse("brp skrgx tarif bus", None, &index);
    assert!(
        q.terms.iter().all(|t| !t.head || t.known()),
        "{:?}",
        q.terms
    );
}

#[test]
fn an_abbreviation_one_article_defines_is_held_by_another_writing_its_long_form() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Mendara berkunjung\n\nMenteri Dagang Raya (Mendara) berkunjung ke pasar.\n",
        "Harga kopi naik\n\nMenteri Dagang Raya Budi menyebut harga kopi naik.\n",
    ]);
    let q = analyse("kata mendara harga kopi naik knp", None, &index);
    let t = q.terms.iter().find(|t| t.word == "mendara").unwrap();
    let coffee = &index.passages[index.docs[12].first_passage];
    assert!(!t.matches.iter().any(|(id, _)| coffee.terms.contains(id)));
    assert!(
        t.in_terms(&coffee.terms),
        "held through its long form's rarest word"
    );
}

#[test]
fn an_english_borrowing_only_the_pivot_dictionary_carries_matches_in_an_indonesian_question() {
    let index = crate::nlu::testing::one_article_index(
        "Tim Lumbung menang\n\nTim Lumbung membalik kedudukan dan menang 4-1.\n",
    );
    let q = analyse("tim lumbung comeback brp", None, &index);
    let t = q.terms.iter().find(|t| t.word == "comeback").unwrap();
    assert!(!t.matches.is_empty(), "{:?}", t.forms);
}

#[test]
fn a_blend_one_report_writes_is_held_by_another_writing_the_title_pair_it_blends() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Cadangan beras turun\n\nNilai cadber Lumbung turun lagi bulan ini.\n",
        "Cadangan beras naik\n\nCadangan beras Lumbung naik jadi 12 ton.\n",
    ]);
    let q = analyse("cadber lumbung brp ton", None, &index);
    let t = q.terms.iter().find(|t| t.word == "cadber").unwrap();
    let second = &index.passages[index.docs[12].first_passage];
    assert!(!t.matches.iter().any(|(id, _)| second.terms.contains(id)));
    assert!(
        t.in_terms(&second.terms),
        "held through the rarer word of the title pair it blends"
    );
}

#[test]
fn a_name_the_slang_map_would_turn_into_a_word_no_article_uses_keeps_the_readers_spelling() {
    // IndoCollex reads "baek" as "baik"; here it is a village the article names.
    let index = crate::nlu::testing::one_article_index(
        "Panen padi Desa Baek\n\nWarga Desa Baek memanen 12 ton padi. Panen di Desa Baek naik.\n",
    );
    let q = analyse("panen di baek brp ton", None, &index);
    assert!(
        q.terms.iter().any(|t| t.word == "baek" && t.salient),
        "{:?}",
        q.terms
    );
}

#[test]
fn a_short_root_with_an_enclitic_is_read_as_the_root_and_a_capitalised_name_is_no_month() {
    let article = crate::nlu::testing::plain_article(
        1,
        "Koperasi Lumbung\n\nKetua Koperasi Lumbung, Jun Sartono, mengatakan isi gudang \
         aman. Rapat anggota dipimpin Jun Sartono, kata Jun Sartono.\n",
    );
    let index = Index::build(&[article], std::iter::empty(), lexicon());
    let q = analyse("gudang koperasi isinya apa?", None, &index);
    assert!(
        q.terms.iter().any(|t| t.word == "isi" && !t.salient),
        "{:?}",
        q.terms
    );
    let q = analyse(
        "Waktu ketuanya Jun Sartono, gudang koperasi isinya apa?",
        None,
        &index,
    );
    assert!(q.terms.iter().any(|t| t.word == "jun"), "{:?}", q.terms);
    assert!(!q.terms.iter().any(|t| t.word == "juni"), "{:?}", q.terms);
}
