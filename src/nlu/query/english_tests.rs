//! Tests of the English bridge in question analysis: bridged words and phrases, dictionary
//! senses, English months and question forms, on made-up questions over small fixture indexes.

use super::tests::seed_index;
use super::*;
use crate::nlu::testing::lexicon;

#[test]
fn english_words_are_bridged_to_indonesian_terms() {
    let index = seed_index();
    let q = analyse("What year was WhatsApp acquired?", None, &index);
    assert_eq!(q.lang, Lang::En);
    assert_eq!(q.answer_type, AnswerType::Date);
    let acquired = q.terms.iter().find(|t| t.word == "acquired").unwrap();
    assert!(
        acquired
            .matches
            .iter()
            .any(|(id, _)| Some(*id) == index.term("akuisisi"))
    );
}

#[test]
fn an_english_phrase_of_the_bridge_is_one_term() {
    let index = seed_index();
    let q = analyse("Will WhatsApp turn into a marketplace?", None, &index);
    let turn = q.terms.iter().find(|t| t.word == "turn into").unwrap();
    assert!(turn.known(), "turn into bridges to menjadi/jelma");
    assert!(!q.terms.iter().any(|t| t.word == "turn"));
}

#[test]
fn a_capitalised_name_the_bridge_lists_whole_is_one_term_but_a_compass_region_is_two() {
    let index = seed_index();
    let q = analyse(
        "Did WhatsApp share data with the United States?",
        None,
        &index,
    );
    let name = q.terms.iter().find(|t| t.word == "united states").unwrap();
    assert!(
        name.forms.iter().any(|f| f == "amerika"),
        "{:?}",
        name.forms
    );
    assert!(!q.terms.iter().any(|t| t.word == "united"));
    let q = analyse("What is the minimum wage in West Java?", None, &index);
    assert!(q.terms.iter().any(|t| t.word == "west"));
    assert!(q.terms.iter().any(|t| t.word == "java"));
}

#[test]
fn a_later_dictionary_sense_counts_only_where_the_articles_write_it() {
    // FreeDict's "keep" lists "simpan" fourth, after three senses of guarding.
    let text =
        "Beras Sukamaju disimpan\n\nPetani Sukamaju menyimpan beras di lumbung desa sejak Rabu.\n";
    let index = Index::build(
        &[crate::nlu::testing::plain_article(1, text)],
        std::iter::empty(),
        lexicon(),
    );
    let q = analyse("Where do the farmers keep the rice?", None, &index);
    let keep = q.terms.iter().find(|t| t.word == "keep").unwrap();
    assert!(keep.forms.iter().any(|f| f == "simpan"), "{:?}", keep.forms);
    // An archive that never writes the sense does not get it.
    let other =
        "Beras Sukamaju dijual\n\nPetani Sukamaju menjual beras di pasar desa sejak Rabu.\n";
    let index = Index::build(
        &[crate::nlu::testing::plain_article(1, other)],
        std::iter::empty(),
        lexicon(),
    );
    let q = analyse("Where do the farmers keep the rice?", None, &index);
    let keep = q.terms.iter().find(|t| t.word == "keep").unwrap();
    assert!(
        !keep.forms.iter().any(|f| f == "simpan"),
        "{:?}",
        keep.forms
    );
}

#[test]
fn a_real_english_word_the_bridge_lacks_is_not_corrected_into_another_bridge_word() {
    let q = analyse("What did the employers propose?", None, &seed_index());
    let words: Vec<&str> = q.terms.iter().map(|t| t.word.as_str()).collect();
    assert!(words.contains(&"employers"), "{words:?}");
}

#[test]
fn an_english_question_asking_where_a_market_closed_asks_a_figure_not_a_place() {
    let index = seed_index();
    let q = analyse(
        "Where did the Sukamaju index close on Friday?",
        None,
        &index,
    );
    assert_eq!(q.answer_type, AnswerType::Number);
    let q = analyse("Where did the Sukamaju team play on Friday?", None, &index);
    assert_eq!(q.answer_type, AnswerType::Place);
}

#[test]
fn an_english_month_abbreviation_is_read_as_the_month() {
    let index = Index::build(
        &[crate::nlu::testing::plain_article(
            1,
            "Harga kopi naik\n\nHarga kopi naik jadi Rp 50.000 pada 21 Oktober 2031.\n",
        )],
        std::iter::empty(),
        lexicon(),
    );
    let q = analyse("What did coffee cost on 21 Oct 2031?", None, &index);
    let month = q.terms.iter().find(|t| t.word == "oktober");
    assert!(month.is_some_and(Term::known), "{:?}", q.terms);
}

#[test]
fn an_indonesian_question_naming_a_defined_long_form_also_matches_its_abbreviation() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Wabah sukamaju\n\nKasus flu sukamaju raya (FSR) naik.\n\nKasus FSR tahun lalu 40.\n",
    ]);
    let q = analyse("Berapa kasus flu sukamaju raya tahun lalu?", None, &index);
    assert!(
        q.terms.iter().any(|t| t.forms.iter().any(|f| f == "fsr")),
        "{:?}",
        q.terms
    );
}

#[test]
fn an_english_question_naming_a_defined_long_form_also_matches_its_abbreviation() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Wabah sukamaju\n\nKasus flu sukamaju raya (FSR) naik.\n\nKasus FSR tahun lalu 40.\n",
    ]);
    let q = analyse(
        "How many sukamaju raya flu cases were there last year?",
        None,
        &index,
    );
    assert!(
        q.terms.iter().any(|t| t.forms.iter().any(|f| f == "fsr")),
        "{:?}",
        q.terms
    );
    // One word of the long form names nothing.
    let q = analyse("How many flu cases were there last year?", None, &index);
    assert!(!q.terms.iter().any(|t| t.forms.iter().any(|f| f == "fsr")));
}

#[test]
fn an_english_question_keeps_a_name_the_articles_write_though_the_slang_list_respells_it() {
    // IndoCollex respells "baek" as "baik"; the article writes "Baek" as a village's name.
    let index = crate::nlu::testing::seed_archive_index(&[
        "Panen padi naik\n\nPanen padi di Desa Baek naik. Petani Desa Baek senang.\n",
    ]);
    let q = analyse(
        "How big was the rice harvest in Baek village?",
        None,
        &index,
    );
    assert!(q.terms.iter().any(|t| t.word == "baek"), "{:?}", q.terms);
}

#[test]
fn an_english_word_is_not_stemmed_by_indonesian_affixes() {
    let index = seed_index();
    let q = analyse("How many people use WhatsApp?", None, &index);
    let people = q.terms.iter().find(|t| t.word == "people").unwrap();
    assert_eq!(people.stem, "people");
}

#[test]
fn a_word_right_after_an_english_measure_head_is_its_compound_not_the_thing_measured() {
    let index = crate::nlu::testing::one_article_index(
        "Harga beras Kota Lumbung\n\nHarga beras medium di Kota Lumbung Rp12.000 per kilogram.\n",
    );
    let q = analyse("What is the rice price cap in Lumbung?", None, &index);
    let cap = q.terms.iter().find(|t| t.word == "cap").expect("a term");
    assert!(!cap.salient, "'price cap' is a kind of price: {cap:?}");
    // Indonesian puts the thing measured right after the head: still salient there.
    let q = analyse("Berapa harga beras medium di Lumbung?", None, &index);
    let rice = q.terms.iter().find(|t| t.word == "beras").expect("a term");
    assert!(rice.salient, "'harga beras' is the price of rice: {rice:?}");
}

#[test]
fn the_word_right_after_an_opening_which_is_what_the_question_asks_about() {
    let index = seed_index();
    let heads = |raw: &str| -> Vec<String> {
        analyse(raw, None, &index)
            .terms
            .iter()
            .filter(|t| t.head)
            .map(|t| t.word.clone())
            .collect()
    };
    assert_eq!(heads("Which policy changed?"), vec!["policy"]);
    assert_eq!(
        heads("In which messages is encryption kept?"),
        vec!["messages"]
    );
    // A "which" after the topic opens a clause: it names no head.
    assert!(heads("Did WhatsApp say which policy changed?").is_empty());
}

#[test]
fn an_english_word_the_bridge_knows_is_not_read_through_the_indonesian_chat_list() {
    // The chat list spells "eid" out as "idul"; the bridge carries the English holiday to the
    // word the reports use.
    let index = crate::nlu::testing::one_article_index(
        "Pasar Sukamaju ramai jelang Lebaran\n\nPasar Sukamaju dipadati 5.000 pembeli sehari sebelum Lebaran.\n",
    );
    let q = analyse(
        "How many shoppers came to Sukamaju market before Eid?",
        None,
        &index,
    );
    let eid = q.terms.iter().find(|t| t.word == "eid").unwrap();
    assert!(eid.forms.iter().any(|f| f == "lebaran"), "{:?}", eid.forms);
    assert!(!q.terms.iter().any(|t| t.word == "idul"));
}

#[test]
fn a_prefix_parted_at_a_hyphen_is_no_term_of_its_own() {
    let index = seed_index();
    let q = analyse("What was the pre-tax profit of WhatsApp?", None, &index);
    assert!(!q.terms.iter().any(|t| t.word == "pre"), "{:?}", q.words);
    assert!(q.terms.iter().any(|t| t.word == "tax"));
}

#[test]
fn a_province_a_report_writes_only_shortened_is_held_in_either_language() {
    // A made-up report writing the slang lists' short form of a province, never its long form.
    let index = crate::nlu::testing::one_article_index(
        "Panen kopi Sukamaju\n\nPanen kopi di Sukamaju, Sulut, mencapai 800 ton pada Maret.\n",
    );
    for question in [
        "How much coffee did Sukamaju in North Sulawesi harvest?",
        "Berapa ton panen kopi Sukamaju di Sulawesi Utara?",
    ] {
        let q = analyse(question, None, &index);
        let sulut = index.term("sulut").unwrap();
        for word in [["north", "sulawesi"], ["sulawesi", "utara"]]
            .iter()
            .flatten()
        {
            if let Some(t) = q.terms.iter().find(|t| t.word == *word) {
                assert!(
                    t.matches.iter().any(|(id, _)| *id == sulut),
                    "{question}: {t:?}"
                );
            }
        }
        assert!(q.terms.iter().any(|t| t.forms.iter().any(|f| f == "sulut")));
    }
}

#[test]
fn the_bridge_keeps_an_indonesian_translation_spelt_like_an_english_function_word() {
    let index = crate::nlu::testing::one_article_index(
        "Dolar AS menguat\n\nDolar AS menguat setelah data ekonomi AS dirilis pada Jumat.\n",
    );
    let q = analyse("Which US data lifted the dollar?", None, &index);
    let us = q.terms.iter().find(|t| t.word == "us").unwrap();
    assert!(us.forms.iter().any(|f| f == "as"), "{:?}", us.forms);
}

#[test]
fn an_agency_is_a_badan_as_indonesian_names_it() {
    let index = crate::nlu::testing::one_article_index(
        "Badan Cuaca Sukamaju\n\nKepala Badan Cuaca Sukamaju meninjau lokasi pada Senin.\n",
    );
    let q = analyse(
        "When did the head of the Sukamaju Weather Agency visit?",
        None,
        &index,
    );
    let agency = q.terms.iter().find(|t| t.word == "agency").unwrap();
    assert!(
        agency.forms.iter().any(|f| f == "badan"),
        "{:?}",
        agency.forms
    );
}

#[test]
fn an_english_word_the_articles_write_as_a_loan_is_not_corrected_into_a_neighbouring_name() {
    let index = Index::build(
        &[
            crate::nlu::testing::plain_article(
                1,
                "Harga kopra naik\n\nHarga kopra di Sukamaju naik jadi Rp 9.000 per kilogram.\n",
            ),
            crate::nlu::testing::plain_article(
                2,
                "Tim Cobra juara\n\nTim Cobra dari Sukamaju juara lomba lari.\n",
            ),
        ],
        std::iter::empty(),
        lexicon(),
    );
    let q = analyse("What is the copra price in Sukamaju?", None, &index);
    let copra = q.terms.iter().find(|t| t.word == "copra");
    assert!(
        copra.is_some_and(|t| t.forms.iter().any(|f| f == "kopra")),
        "{:?}",
        q.terms
    );
}

#[test]
fn an_english_loan_the_articles_write_is_no_chat_spelling_of_a_commoner_word() {
    // "rate" is rare in this archive and "rata" common; chat's "rame" for "ramai" is the rule
    // that would read one as the other.
    let index = crate::nlu::testing::seed_archive_index(&[
        "BI rate ditahan\n\nBank Indonesia menahan BI rate di 6 persen.\n",
        "Rata-rata harga\n\nHarga rata-rata naik.\n",
        "Rata-rata upah\n\nUpah rata-rata turun.\n",
    ]);
    let q = analyse("bi rate brp", None, &index);
    assert!(q.terms.iter().any(|t| t.word == "rate"));
    assert!(q.terms.iter().all(|t| t.word != "rata"));
}

#[test]
fn an_english_word_with_the_indonesian_clitic_is_the_english_word() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Laba bank naik\n\nProfit bank naik 5 persen.\n",
    ]);
    let q = analyse("laba bank profitnya brp", None, &index);
    assert!(q.terms.iter().any(|t| t.word == "profit"));
    assert!(q.terms.iter().all(|t| t.word != "profitnya"));
}

#[test]
fn a_capitalised_english_compass_word_matches_the_word_reports_write_after_the_place() {
    let article = crate::nlu::testing::plain_article(
        1,
        "Panen Kopi\n\nPanen kopi di Lumbung Tengah naik jadi 1.200 ton.\n",
    );
    let index = Index::build(&[article], std::iter::empty(), lexicon());
    let forms = |raw: &str| {
        let q = analyse(raw, None, &index);
        q.terms
            .iter()
            .find(|t| t.word == "central")
            .map(|t| t.forms.clone())
            .unwrap_or_default()
    };
    assert!(forms("How much coffee did Central Lumbung harvest?").contains(&"tengah".to_string()));
    // Lowercase, it is the adjective ("central bank"), read by the dictionary alone.
    assert!(!forms("How much did the central bank raise rates?").contains(&"tengah".to_string()));
}
