//! Tests of one question word's reading: affixes, names, the English bridge, chat spellings.

use super::super::analyse;

#[test]
fn a_bare_root_verb_matches_the_nasal_form_the_article_writes() {
    // Snowball stems "mengumpulkan" to "umpul": the reader's "kumpulkan" is that word.
    let index = crate::nlu::testing::one_article_index(
        "Beras untuk lumbung desa\n\nWarga Sukalaras mengumpulkan 12 karung beras.\n",
    );
    let q = analyse("brp karung beras yg warga kumpulkan", None, &index);
    assert!(
        q.terms
            .iter()
            .any(|t| t.word.ends_with("umpul") && t.known()),
        "{:?}",
        q.terms
    );
}

#[test]
fn a_colloquial_verb_matches_the_root_the_article_writes_with_other_affixes() {
    let index = crate::nlu::testing::one_article_index(
        "Polisi kirimkan surat\n\nPolisi mengirimkan 12 surat kepada Koperasi Sukalaras.\n",
    );
    let q = analyse("brp surat yg dikirimin polisi", None, &index);
    let verb = q.terms.iter().find(|t| t.word == "dikirimkan").unwrap();
    assert!(verb.known(), "its root is the article's mengirimkan");
}

#[test]
fn a_word_the_articles_write_as_a_name_is_one_when_the_reader_types_it_in_lowercase() {
    let index = crate::nlu::testing::one_article_index(
        "Panen garam di Pengasinan\n\nPetani di Pengasinan memanen 12 ton garam. \
         Garam dari Pengasinan dijual ke pasar.\n\nHarga garam asin turun.\n",
    );
    let q = analyse("brp ton garam dr pengasinan", None, &index);
    let t = q.term_of("pengasinan");
    assert!(t.salient, "the articles always capitalise it: a name");
    let q = analyse("brp ton garam yg asin", None, &index);
    assert!(!q.term_of("asin").salient, "written in lowercase: a word");
}

#[test]
fn an_abbreviation_the_slang_list_spells_out_is_a_name_where_the_articles_write_it_so() {
    let index = crate::nlu::testing::one_article_index(
        "Panen di Kalbar\n\nPetani di Kalbar memanen 12 ton padi. Harga padi di Kalbar \
         turun, kata warga Kalimantan Barat.\n",
    );
    let q = analyse("brp ton padi di kalbar", None, &index);
    assert!(
        q.terms.iter().any(|t| t.salient && t.word == "kalimantan"),
        "{:?}",
        q.terms
    );
}

#[test]
fn an_unknown_lowercase_word_spelt_like_a_word_is_taken_for_a_name() {
    let index = crate::nlu::testing::one_article_index(
        "Polisi kirimkan surat\n\nPolisi mengirimkan 12 surat kepada Koperasi Sukalaras.\n",
    );
    let q = analyse("brp surat yg dikirimkan koperasi mekarsari", None, &index);
    assert!(
        q.term_of("mekarsari").salient,
        "every normalisation failed on it"
    );
    let q = analyse("brp surat yg dikirimkan skrgx", None, &index);
    assert!(
        !q.term_of("skrgx").salient,
        "too few vowels: shorthand, not a name"
    );
}

#[test]
fn an_english_word_the_articles_seldom_use_also_matches_its_indonesian_and_is_no_name() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Peretas serang server Sukamaju\n\nPeretas meminta tebusan Rp12 miliar.\n\n\
         Kelompok hacker itu belum dikenal.\n\nPolisi memburu peretas tersebut.\n",
    ]);
    let q = analyse("hacker minta tebusan brp", None, &index);
    let t = q.term_of("hacker");
    assert!(t.forms.iter().any(|f| f == "peretas"));
    assert!(!t.salient, "a translated word is an ordinary one");
}

#[test]
fn a_rare_chat_spelling_of_a_wider_written_word_is_read_as_that_word() {
    let index = crate::nlu::testing::seed_archive_index(&[
        "Harga sambal naik\n\nHarga sambal di Sukalaras naik 12 persen.\n",
        "Warung sambel ramai\n\nWarung sambel dan sambal ikan di Mekarsari ramai.\n",
    ]);
    let q = analyse("sambel naik brp persen", None, &index);
    let t = q.term_of("sambal");
    assert!(t.forms.iter().any(|f| f == "sambal"));
    assert!(t.in_terms(&index.passages[index.docs[11].first_passage].terms));
    assert!(!t.salient, "an ordinary word, however the reader spelt it");
}

#[test]
fn shorthand_is_corrected_only_into_a_word_holding_all_its_letters() {
    let index = crate::nlu::testing::one_article_index(
        "Kata warga Sukamaju\n\nKata warga Sukamaju, harga pupuk naik 12 persen.\n",
    );
    let q = analyse("krta sukamaju", None, &index);
    assert!(
        q.terms.iter().all(|t| t.word != "kata"),
        "krta left out vowels; kata has no r"
    );
    let q = analyse("hrga pupk sukamaju", None, &index);
    assert!(q.terms.iter().any(|t| t.word == "pupuk"));
}

#[test]
fn a_word_with_affixes_around_a_dictionary_root_is_never_corrected_into_another() {
    let index = crate::nlu::testing::one_article_index(
        "Warga menanam padi\n\nWarga Desa Sukalaras menanam padi di lahan baru.\n",
    );
    let q = analyse("siapa yg menanak nasi", None, &index);
    assert!(
        q.terms.iter().any(|t| t.word == "menanak"),
        "me-tanak is a word of its own, not a typo of menanam"
    );
}

#[test]
fn a_negated_auxiliary_is_no_topic_word() {
    // "Won't" splits into "won" and "t": "won" is then grammar, not the past of "win".
    let index = crate::nlu::testing::one_article_index(
        "Tarif parkir tetap\n\nTarif parkir di Sukalaras tidak naik tahun ini.\n",
    );
    let q = analyse("Why won't parking fares go up this year?", None, &index);
    assert!(q.terms.iter().all(|t| t.word != "won" && t.word != "t"));
    assert!(q.terms.iter().any(|t| t.word == "parking"));
}

#[test]
fn an_english_singular_matches_the_plural_a_report_borrows_whole() {
    let index = crate::nlu::testing::one_article_index(
        "Kopi Sukalaras\n\nKoperasi Sukalaras menjual 12 bonds kopi.\n",
    );
    let q = analyse("How many coffee bond did Sukalaras sell?", None, &index);
    let term = q.terms.iter().find(|t| t.word == "bond").unwrap();
    assert!(term.known(), "{term:?}");
}

#[test]
fn an_english_loan_in_an_indonesian_question_matches_the_plural_the_article_writes() {
    let index = crate::nlu::testing::one_article_index(
        "Tagar Sukalaras ramai\n\nTagar Sukalaras sudah mencapai 12 ribu posts pada Senin.\n",
    );
    let q = analyse("tagar sukalaras udh dapet brp post", None, &index);
    let post = q.terms.iter().find(|t| t.word == "post").expect("post");
    assert!(
        post.forms.contains(&"posts".to_string()),
        "{:?}",
        post.forms
    );
}

#[test]
fn chat_spelling_kept_as_a_name_still_matches_the_ordinary_word() {
    // "Ijo" is part of a (made-up) name in one report, "hijau" an ordinary word in another.
    let index = crate::nlu::testing::seed_archive_index(&[
        "Klub Sukalaras\n\nJulukan klub itu Kancil Ijo. Kancil Ijo menang. Suporter Kancil Ijo senang.\n",
        "Harga sayur\n\nHarga cabai hijau di Pasar Sukalaras naik menjadi Rp 12 ribu per kg.\n",
    ]);
    let q = analyse("cabe ijo di pasar sukalaras brp", None, &index);
    let t = q.terms.iter().find(|t| t.word == "ijo").expect("ijo");
    assert!(t.forms.contains(&"hijau".to_string()), "{:?}", t.forms);
}

#[test]
fn an_enclitic_on_a_word_the_archive_writes_bare_is_read_as_that_word_not_as_a_rare_one() {
    // "naiknya" is written once, "naik" often: the reader's clitic says nothing of its own.
    let index = crate::nlu::testing::seed_archive_index(&[
        "Upah Kota Lumbung naik\n\nUpah minimum Kota Lumbung naik 5 persen. Harga beras naik.\n",
        "Tarif parkir naik\n\nTarif parkir di Kota Lumbung naik menjadi Rp3.000. Naiknya tarif dikeluhkan.\n",
        "Harga cabai naik\n\nHarga cabai di pasar Lumbung naik tajam.\n",
    ]);
    let q = analyse("upah lumbung sekarang naiknya berapa persen?", None, &index);
    let t = q
        .terms
        .iter()
        .find(|t| t.word == "naik")
        .expect("read as its base");
    assert!(!t.rare && !t.salient, "{t:?}");
    assert!(!q.terms.iter().any(|t| t.word == "naiknya"));
}

#[test]
fn a_prefix_on_a_three_letter_root_is_a_word_of_the_dictionary_not_a_name() {
    // "diisi" (di- + "isi"): the stemmer leaves the short root whole and no article writes the
    // form, yet it is no name a report must hold.
    let index = crate::nlu::testing::one_article_index(
        "Pasar malam Lumbung\n\nPenutupan pasar malam Lumbung dimeriahkan grup musik kopi.\n",
    );
    let q = analyse(
        "pasar malam lumbung yg penutupannya diisi grup musik, ada brp stan?",
        None,
        &index,
    );
    let t = q.terms.iter().find(|t| t.word == "diisi").expect("diisi");
    assert!(!t.salient && !t.rare, "{t:?}");
}

#[test]
fn the_decimals_of_a_sum_rounded_before_a_scale_word_are_not_a_salient_word() {
    let index = crate::nlu::testing::one_article_index(
        "Biaya haji Kota Lumbung\n\nBiaya haji yang dibayar jemaah Rp27.460.518 per orang.\n",
    );
    let q = analyse(
        "Waktu biaya haji Rp 27,46 juta, jemaahnya berapa?",
        None,
        &index,
    );
    let decimals = q
        .terms
        .iter()
        .find(|t| t.word == "46")
        .expect("still a term");
    assert!(!decimals.salient, "{decimals:?}");
    let q = analyse("Berapa biaya haji di pos 27,46?", None, &index);
    let digits = q.terms.iter().find(|t| t.word == "46").expect("a term");
    assert!(
        digits.salient,
        "no scale word after it: the reader quotes it as written"
    );
}

#[test]
fn a_unit_of_measure_no_dictionary_lists_is_no_name_a_report_must_write() {
    // "hektar" is the readers' spelling of "hektare"; the report may write either, or "ha".
    let index = crate::nlu::testing::one_article_index(
        "Lahan Sukamaju terbakar\n\nSeluas 120 hektare lahan di Desa Sukamaju terbakar pada Senin.\n",
    );
    let q = analyse("brp hektar lahan sukamaju yg terbakar?", None, &index);
    let unit = q.terms.iter().find(|t| t.word == "hektar").unwrap();
    assert!(!unit.salient);
    assert!(
        unit.forms.iter().any(|f| f == "hektare") || unit.known(),
        "{unit:?}"
    );
}

#[test]
fn a_place_in_a_ranking_typed_as_a_digit_matches_the_ordinal_a_report_spells() {
    let index = crate::nlu::testing::one_article_index(
        "Lomba Perahu Sukamaju\n\nPerahu Lumbung Jaya hanya puas di posisi kedua.\n",
    );
    let forms = |raw: &str| {
        let q = analyse(raw, None, &index);
        q.terms
            .iter()
            .find(|t| t.word == "2")
            .map(|t| t.forms.clone())
            .unwrap_or_default()
    };
    assert!(forms("lomba perahu sukamaju juara 2 siapa").contains(&"kedua".to_string()));
    // A count is no place: "2 perahu" is two boats.
    assert!(!forms("lomba perahu sukamaju 2 perahu siapa").contains(&"kedua".to_string()));
}
