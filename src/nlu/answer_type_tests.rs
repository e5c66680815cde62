//! Tests of [`super`]: words, and which values answer which question (the sentence split and the
//! marked sentence in `answer_type_text_tests.rs`).

use super::*;

/// What a question asks, read over `index` (the analysed question, which it borrows, is leaked:
/// a test reads a handful).
fn asked_of(raw: &str, index: &crate::nlu::index::Index, lx: &Lexicon) -> Asked<'static> {
    let q = Box::leak(Box::new(super::super::query::analyse(raw, None, index)));
    Asked::of(q, lx)
}

fn strongest(wanted: AnswerType, question: &[&str], sentence: &str) -> f32 {
    let lx = Lexicon::builtin();
    let asked = Asked {
        wanted,
        words: question.iter().copied().collect(),
        digits: question
            .iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .copied()
            .collect(),
        counted: HashSet::default(),
        scaled: false,
        time: false,
        name: false,
        kind: HashSet::default(),
        measure: asked_measure(
            &question.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            &lx,
        ),
        labelled: asks_label(
            &question.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            &lx,
        ),
    };
    values(&tokens(sentence), &asked, &lx)
        .into_iter()
        .map(|(_, s)| s)
        .fold(0.0, f32::max)
}

#[test]
fn a_day_counted_from_an_occasion_is_one_word_and_answers_when_not_how_many() {
    let words: Vec<String> = tokens("Puncak arus terjadi pada H-3, yakni 1.200 orang.")
        .into_iter()
        .map(|t| t.lower)
        .collect();
    assert_eq!(words[4], "h-3");
    let when = strongest(
        AnswerType::Date,
        &[],
        "Puncak arus diperkirakan H-3 Lebaran.",
    );
    assert!(when > 0.0, "{when}");
    assert_eq!(
        strongest(
            AnswerType::Number,
            &[],
            "Puncak arus diperkirakan H-3 Lebaran."
        ),
        0.0
    );
}

#[test]
fn a_year_alone_is_no_amount_but_a_figure_is_and_a_cue_gives_a_reason() {
    let n = AnswerType::Number;
    assert_eq!(strongest(n, &[], "Pada 2019 harga naik."), 0.0);
    assert_eq!(strongest(n, &[], "Tarif naik mulai 2-27 Juli 2015."), 0.5);
    assert_eq!(strongest(n, &[], "Harga naik 3,5% menjadi Rp 10.000."), 1.0);
    assert_eq!(strongest(n, &[], "Korban tercatat 272 orang."), 1.0);
    assert_eq!(
        strongest(AnswerType::Reason, &[], "Kenaikan itu dipicu harga minyak."),
        1.0
    );
}

#[test]
fn a_figure_the_question_quotes_is_no_answer_and_the_asked_unit_wins() {
    let n = AnswerType::Number;
    assert_eq!(
        strongest(
            n,
            &["indeks", "1", "234", "56"],
            "Indeks ditutup di 1.234,56."
        ),
        0.0
    );
    assert_eq!(
        strongest(n, &["turun", "persen"], "Turun 60,8 persen."),
        1.0
    );
    // A figure in another measure (vehicles, not percent) is a weak answer.
    assert_eq!(
        strongest(n, &["turun", "persen"], "Turun 32.760 kendaraan."),
        0.3
    );
    // A number after "Nomor" names a regulation; it counts nothing.
    assert_eq!(strongest(n, &[], "Diatur dalam PP Nomor 49."), 0.0);
}

#[test]
fn a_new_name_answers_who_but_a_name_after_a_place_word_answers_where() {
    let who = AnswerType::Person;
    assert_eq!(
        strongest(who, &["korban"], "Korban itu bernama Mugiono."),
        1.0
    );
    assert_eq!(
        strongest(who, &["korban", "blitar"], "Korban di Blitar."),
        0.0
    );
    assert_eq!(
        strongest(AnswerType::Place, &[], "Ia berkunjung ke Kota Bandung."),
        1.0
    );
    // A body or a title ("Badan", an acronym) is a person's weaker stand-in, and a name no
    // title or speech word places is weaker than one that is.
    assert_eq!(strongest(who, &[], "Tim dari BPBD setempat."), 0.4);
    assert_eq!(strongest(who, &[], "Rapat itu dihadiri Sukardiman."), 0.7);
    assert_eq!(
        strongest(who, &[], "Gubernur Jawa Tengah Sukardiman membukanya."),
        1.0
    );
    assert_eq!(strongest(who, &[], "Hal itu, kata Sukardiman, wajar."), 1.0);
}

#[test]
fn a_first_word_with_an_age_in_brackets_is_a_persons_name() {
    let who = AnswerType::Person;
    // Every sentence capitalises its first word; an age after it makes it a name.
    assert_eq!(
        strongest(who, &[], "Sukardiman (41), petani di desa itu, mengeluh."),
        1.0
    );
    assert_eq!(strongest(who, &[], "Sukardiman pergi ke pasar."), 0.0);
    // A year or a count in brackets is no age.
    assert_eq!(strongest(who, &[], "Sukardiman (2031) terbit lagi."), 0.0);
}

#[test]
fn saham_apa_wants_a_name_of_any_kind() {
    let lx = Lexicon::builtin();
    let asked = Asked {
        wanted: AnswerType::Any,
        words: ["saham", "apa", "menguat"].into_iter().collect(),
        digits: HashSet::default(),
        measure: None,
        counted: HashSet::default(),
        scaled: false,
        time: false,
        name: true,
        kind: HashSet::default(),
        labelled: false,
    };
    let strength = |s: &str| {
        values(&tokens(s), &asked, &lx)
            .into_iter()
            .map(|(_, v)| v)
            .fold(0.0, f32::max)
    };
    assert_eq!(
        strength("Saham yang menguat dipimpin Karyasehat (MIKA)."),
        1.0
    );
    assert_eq!(strength("Saham yang menguat naik tipis."), 0.0);
}

#[test]
fn the_word_after_the_noun_a_which_word_asks_about_names_one_of_that_kind() {
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Kebun Sukamaju ramai\n\nPengunjung memadati kandang rusa dan kolam ikan.\n",
    );
    let asked = asked_of("Kandang apa yang dipadati pengunjung?", &index, &lx);
    let at = |s: &str| values(&tokens(s), &asked, &lx);
    // "rusa" after "kandang": one of the kind asked, though written in lowercase.
    assert_eq!(
        at("Pengunjung memadati kandang rusa dan kolam ikan."),
        vec![(3, 0.7)]
    );
    assert!(at("Pengunjung memadati kolam ikan.").is_empty());
    // A function word after the noun names nothing.
    assert!(at("Pengunjung memadati kandang di pojok.").is_empty());
}

#[test]
fn every_noun_of_the_phrase_a_which_word_asks_about_names_the_kind() {
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Pasar Sukamaju ramai\n\nPembeli memadati toko mangga dan kios ikan.\n",
    );
    // The report writes "toko mangga", not "buah mangga".
    let asked = asked_of("Toko buah apa yang dipadati pembeli?", &index, &lx);
    let at = |s: &str| values(&tokens(s), &asked, &lx);
    assert_eq!(
        at("Pembeli memadati toko mangga dan kios ikan."),
        vec![(3, 0.7)]
    );
    // A verb before the noun is outside the phrase.
    let asked = asked_of("Dipadati buah apa toko itu?", &index, &lx);
    assert!(values(&tokens("Pembeli memadati toko mangga."), &asked, &lx).is_empty());
}

#[test]
fn pukul_berapa_wants_a_time_of_day_and_no_date_answers_it() {
    let lx = Lexicon::builtin();
    let asked = Asked {
        wanted: AnswerType::Date,
        words: HashSet::default(),
        digits: HashSet::default(),
        measure: None,
        counted: HashSet::default(),
        scaled: false,
        time: true,
        name: false,
        kind: HashSet::default(),
        labelled: false,
    };
    let strength = |s: &str| {
        values(&tokens(s), &asked, &lx)
            .into_iter()
            .map(|(_, v)| v)
            .fold(0.0, f32::max)
    };
    assert_eq!(strength("Ditutup pukul 17.00 WIB."), 1.0);
    // A date gives no time of day.
    assert_eq!(strength("Ditutup pada Rabu 4 Oktober 2023."), 0.0);
}

#[test]
fn an_english_which_before_a_place_or_person_noun_asks_for_that_kind_of_name() {
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Banjir di Sukamaju\n\nBanjir merendam Desa Sukamaju. Menteri Bagas Wiratama datang.\n",
    );
    let wanted = |raw: &str| asked_of(raw, &index, &lx).wanted;
    assert_eq!(wanted("Which village was flooded?"), AnswerType::Place);
    assert_eq!(
        wanted("Which minister came to the flood?"),
        AnswerType::Person
    );
    assert_eq!(wanted("Which flood was the worst?"), AnswerType::Any);
    // An airport is named after its noun as a village is ("Bandara Juanda").
    assert_eq!(wanted("Which airport was closed?"), AnswerType::Place);
    // A name narrowing the noun stands between ("which Sukamaju minister").
    assert_eq!(
        wanted("Which Sukamaju minister came to the flood?"),
        AnswerType::Person
    );
    assert_eq!(
        wanted("Which Sukamaju trader sold rice?"),
        AnswerType::Person
    );
}

#[test]
fn a_time_the_question_quotes_places_it_and_asks_no_hour() {
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Pasar Sukamaju ramai\n\nSampai pukul 10.30 tercatat 7.000 pembeli. Pasar tutup pukul 17.00.\n",
    );
    let wanted = |raw: &str| asked_of(raw, &index, &lx).wanted;
    assert_eq!(
        wanted("Pasar Sukamaju tutup pukul berapa?"),
        AnswerType::Date
    );
    assert_eq!(
        wanted("Saat pasar ramai sampai pukul 10.30, berapa pembelinya?"),
        AnswerType::Number
    );
}

#[test]
fn a_part_of_the_day_naming_an_event_asks_its_date_not_the_hour() {
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Pesta Lumbung ditutup\n\nMalam penutupan Pesta Lumbung berlangsung 12 Maret. Penontonnya 4.000 orang.\n",
    );
    let asked = asked_of(
        "Kapan malam penutupan Pesta Lumbung berlangsung?",
        &index,
        &lx,
    );
    assert_eq!(asked.wanted, AnswerType::Date);
    let toks = tokens("Malam penutupan Pesta Lumbung berlangsung 12 Maret.");
    let answers: Vec<&str> = values(&toks, &asked, &lx)
        .into_iter()
        .map(|(i, _)| toks[i].lower.as_str())
        .collect();
    assert!(answers.contains(&"maret"), "{answers:?}");
    // Nor is a count asked at that part of the day a time.
    assert_eq!(
        asked_of(
            "Berapa penonton malam penutupan Pesta Lumbung?",
            &index,
            &lx
        )
        .wanted,
        AnswerType::Number
    );
}

#[test]
fn a_year_the_question_quotes_names_the_edition_and_answers_no_when() {
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Lomba Perahu Lumbung 2031\n\nLomba Perahu Lumbung 2031 diikuti 40 regu. Lombanya dimulai 12 Maret 2031.\n",
    );
    let asked = asked_of("Kapan Lomba Perahu Lumbung 2031 dimulai?", &index, &lx);
    assert!(
        values(
            &tokens("Lomba Perahu Lumbung 2031 diikuti 40 regu."),
            &asked,
            &lx
        )
        .is_empty()
    );
    assert!(!values(&tokens("Lombanya dimulai 12 Maret 2031."), &asked, &lx).is_empty());
}

#[test]
fn an_english_what_question_naming_a_measure_only_in_its_translation_asks_an_amount() {
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Laba Bank Sukamaju turun\n\nLaba bersih Bank Sukamaju turun menjadi Rp 10 triliun. Suku bunga dan tarif naik.\n",
    );
    let asked = |raw: &str| asked_of(raw, &index, &lx);
    // "Profit" is no English measure noun, but its translations "laba" and "keuntungan" are
    // Indonesian ones of money.
    let profit = asked("What was the bank's net profit?");
    assert_eq!(profit.wanted, AnswerType::Number);
    assert_eq!(profit.measure, Some(Measure::Money));
    // "Rate" translates to measures that disagree ("bunga" a percent, "tarif" money): none.
    assert_eq!(asked("What was the rate?").measure, None);
    // A measure noun of a later clause is not what is asked.
    assert_eq!(
        asked("At what time did the bank's profit figures come out?").measure,
        None
    );
}

#[test]
fn a_duration_answers_how_long_but_reads_as_a_date_otherwise() {
    let n = AnswerType::Number;
    let s = "Warga diminta mengungsi dalam waktu 48 jam.";
    assert_eq!(strongest(n, &["berapa", "lama"], s), 1.0);
    assert_eq!(strongest(n, &["how", "long"], s), 1.0);
    assert_eq!(strongest(n, &["berapa", "jam"], s), 1.0);
    // Without a duration asked, a figure before a clock word is part of a time.
    assert_eq!(strongest(n, &["berapa"], s), 0.0);
    // A calendar word away from the question word asks no duration.
    let lx = Lexicon::builtin();
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    assert_eq!(
        asked_measure(&words(&["antrean", "hari", "ini", "berapa"]), &lx),
        None
    );
    assert_eq!(
        asked_measure(&words(&["berapa", "hari"]), &lx),
        Some(Measure::Duration)
    );
}

#[test]
fn a_money_word_after_berapa_asks_a_sum() {
    let lx = Lexicon::builtin();
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    assert_eq!(
        asked_measure(&words(&["tebusan", "berapa", "uang"]), &lx),
        Some(Measure::Money)
    );
    let s = "Pelaku meminta 3 hari dan Rp 40 juta.";
    let money = strongest(AnswerType::Number, &["tebusan", "berapa", "uang"], s);
    assert_eq!(money, 1.0);
}

#[test]
fn a_figure_before_the_counted_noun_answers_how_many() {
    let lx = Lexicon::builtin();
    let asked = |counted: &[&'static str]| Asked {
        wanted: AnswerType::Number,
        words: ["berapa", "perahu"].into_iter().collect(),
        digits: HashSet::default(),
        counted: counted.iter().copied().collect(),
        scaled: counted.iter().any(|w| lx.is_scale(w)),
        time: false,
        name: false,
        kind: HashSet::default(),
        labelled: false,
        measure: None,
    };
    let s = "Sebanyak 40 perahu disiapkan, naik dari 35.";
    let best = |a: &Asked| {
        values(&tokens(s), a, &lx)
            .into_iter()
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(i, w)| (tokens(s)[i].lower.clone(), w))
    };
    assert_eq!(best(&asked(&["perahu"])), Some(("40".to_string(), 1.0)));
    assert_eq!(best(&asked(&[])).map(|(_, w)| w), Some(0.5));
    // "Berapa juta": the figure in millions answers, past the scale to its noun; one in no
    // scale is a weaker answer however well its unit fits.
    let s = "Sebanyak 4,5 orang per keluarga, total 2,5 juta orang.";
    let strengths: Vec<(String, f32)> = values(&tokens(s), &asked(&["juta"]), &lx)
        .into_iter()
        .map(|(i, w)| (tokens(s)[i].lower.clone(), w))
        .filter(|(w, _)| w.contains(','))
        .collect();
    assert_eq!(
        strengths,
        vec![("4,5".to_string(), 0.5), ("2,5".to_string(), 1.0)]
    );
}

#[test]
fn a_depth_asks_a_distance_not_a_magnitude() {
    let lx = Lexicon::builtin();
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    assert_eq!(
        asked_measure(&words(&["berapa", "kedalaman", "gempa"]), &lx),
        Some(Measure::Distance)
    );
    assert_eq!(
        asked_measure(&words(&["how", "deep", "was", "the", "quake"]), &lx),
        Some(Measure::Distance)
    );
    // Made-up figures: asked a depth, only a distance answers fully (a magnitude is a level).
    let n = AnswerType::Number;
    let depth = ["berapa", "kedalaman"];
    assert_eq!(
        strongest(n, &depth, "Gempa terjadi di kedalaman 40 km."),
        1.0
    );
    assert_eq!(
        strongest(n, &depth, "Gempa magnitudo 7,3 mengguncang."),
        0.3
    );
}

#[test]
fn a_question_asking_a_number_by_its_label_wants_the_labelled_number() {
    let n = AnswerType::Number;
    let s = "Penetapan itu mengacu pada PP Nomor 7 Tahun 2031 tentang Pengupahan.";
    assert_eq!(strongest(n, &["pp", "nomor", "berapa"], s), 1.0);
    // Without the label asked, a labelled number counts nothing.
    assert_eq!(strongest(n, &["berapa"], s), 0.0);
    // Asking the label, a plain figure is no answer.
    let plain = "Upah naik menjadi Rp 5.000.000 per bulan.";
    assert_eq!(strongest(n, &["pp", "nomor", "berapa"], plain), 0.0);
}

#[test]
fn a_land_area_asks_an_area_in_either_language() {
    let lx = Lexicon::builtin();
    let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    assert_eq!(
        asked_measure(&words(&["berapa", "hektar", "lahan", "terbakar"]), &lx),
        Some(Measure::Area)
    );
    assert_eq!(
        asked_measure(&words(&["how", "many", "hectares", "burned"]), &lx),
        Some(Measure::Area)
    );
}
