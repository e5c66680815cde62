//! The built-in data loads and says what the pipeline relies on.

use super::*;

#[test]
fn english_collisions_are_not_in_the_slang_map() {
    let lx = Lexicon::builtin();
    for w in [
        "in", "is", "it", "me", "my", "go", "if", "or", "at", "by", "of", "held",
    ] {
        assert!(!lx.slang.contains_key(w), "{w} must not be rewritten");
    }
    assert!(!lx.slang.contains_key("bang") && !lx.slang.contains_key("kppn"));
}

#[test]
fn domain_words_override_and_extend_indocollex() {
    let lx = Lexicon::builtin();
    assert_eq!(lx.deslang("wa"), vec!["whatsapp"]);
    assert_eq!(lx.deslang("gw"), vec!["saya"]);
    assert_eq!(lx.deslang("brp"), vec!["berapa"]);
    assert_eq!(lx.deslang("usd"), vec!["dolar"]);
    // IndoCollex reads "katanya" as "saya dengar"; the domain list keeps the hearsay word.
    assert_eq!(lx.deslang("katanya"), vec!["katanya"]);
    assert_eq!(lx.deslang("makasih"), vec!["terima", "kasih"]);
    // The formal side is read as question text is: "kuartal iii" meets the reports' "Triwulan
    // III", which the tokenizer keeps whole.
    assert_eq!(lx.deslang("q3"), vec!["kuartal", "iii"]);
    assert_eq!(lx.deslang("whatsapp"), vec!["whatsapp"]);
}

#[test]
fn synonyms_are_symmetric_and_english_maps_to_indonesian() {
    let lx = Lexicon::builtin();
    assert!(lx.synonyms["intip"].contains(&"lihat".to_string()));
    assert!(lx.synonyms["lihat"].contains(&"intip".to_string()));
    assert!(lx.english["acquired"].contains(&"akuisisi".to_string()));
}

#[test]
fn a_sports_division_named_putra_or_putri_meets_the_reports_pria_or_wanita() {
    let lx = Lexicon::builtin();
    assert!(lx.synonyms["putra"].contains(&"pria".to_string()));
    assert!(lx.synonyms["wanita"].contains(&"putri".to_string()));
}

#[test]
fn ridership_and_a_health_centre_cross_the_bridge_as_the_reports_words() {
    let lx = Lexicon::builtin();
    // FreeDict has neither: a transport report counts "penumpang", a health one "puskesmas".
    assert_eq!(
        lx.english_of("ridership"),
        Some(&vec!["penumpang".to_string()])
    );
    for plural in ["centres", "centers"] {
        let phrase = lx.english_phrase("health", plural).unwrap();
        assert_eq!(lx.english_of(&phrase), Some(&vec!["puskesmas".to_string()]));
    }
}

#[test]
fn a_price_crash_and_a_hijri_year_cross_the_bridge_as_the_reports_words() {
    let lx = Lexicon::builtin();
    // FreeDict has neither: a market report writes a crash as "anjlok", a year of the Islamic
    // calendar as "Hijriah".
    assert!(
        lx.english_of("crash")
            .is_some_and(|t| t.iter().any(|w| w == "anjlok"))
    );
    assert_eq!(lx.english_of("hijri"), Some(&vec!["hijriah".to_string()]));
}

#[test]
fn a_race_stage_crosses_the_bridge_and_names_the_same_part_as_tahap() {
    let lx = Lexicon::builtin();
    // FreeDict gives "stage" only its theatre and phase senses; a race report writes "etape".
    assert!(
        lx.english_of("stage")
            .unwrap()
            .contains(&"etape".to_string())
    );
    assert!(
        lx.english_of("standings")
            .unwrap()
            .contains(&"klasemen".to_string())
    );
    // A regional government's "office" is its "dinas" ("Dinas Kesehatan", the health office).
    assert!(
        lx.english_of("office")
            .unwrap()
            .contains(&"dinas".to_string())
    );
    // "Stage 8" is the report's "etape 8": no other part of the series.
    assert!(lx.same_period_word("etape", "tahap"));
    assert!(lx.same_period_word("etape", "stage"));
}

#[test]
fn news_senses_of_general_english_words_cross_the_bridge() {
    let lx = Lexicon::builtin();
    let has = |w: &str, id: &str| lx.english_of(w).is_some_and(|t| t.iter().any(|x| x == id));
    // Prices and pressures "ease" (FreeDict: only the noun's "fasilitas"); trade "talks" are
    // negotiations; "latest" is the newest, never the "almarhum" of "the late".
    assert!(has("ease", "reda") && !has("ease", "fasilitas"));
    assert!(has("talks", "perundingan"));
    assert!(has("latest", "terbaru") && !has("latest", "almarhum"));
    // "Planes" are aircraft, not the plans its stripped plural would give.
    assert!(has("planes", "pesawat") && !has("planes", "rencana"));
    // An event is "held" (digelar); "services" are no "jawa", land "burned" is not "recorded"
    // (merekam), a "rated" hotel no rat (tikus).
    assert!(has("held", "digelar"));
    assert!(has("services", "layanan") && !has("services", "jawa"));
    assert!(has("burned", "terbakar") && !has("burned", "merekam"));
    assert!(has("rated", "peringkat") && !has("rated", "tikus"));
    // Selection "applicants" are "pendaftar"; a disease "outbreak" is a "wabah", no eruption only.
    assert!(has("applicants", "pendaftar"));
    assert!(has("outbreak", "wabah"));
    // Figures are "presented" (dipaparkan), no gift (hadiah).
    assert!(has("presented", "paparkan") && !has("presented", "hadiah"));
    // Chat's "kt" before a speaker is "kata" (said), not "kita".
    assert_eq!(lx.deslang("kt"), vec!["kata"]);
    assert_eq!(lx.deslang("dikit"), vec!["sedikit"]);
}

#[test]
fn function_words_are_kept_per_language() {
    let lx = Lexicon::builtin();
    assert!(lx.is_function_in(Lang::Id, "yang") && !lx.is_function_in(Lang::En, "yang"));
    assert!(lx.is_function_in(Lang::En, "the") && lx.is_function("the"));
}

#[test]
fn typed_lists_read_their_second_column() {
    let lx = Lexicon::builtin();
    assert_eq!(lx.answer_type("kapan"), Some(AnswerType::Date));
    assert_eq!(lx.answer_type("who"), Some(AnswerType::Person));
    assert!(lx.is_yes_no("apakah", YesNo::Opener) && lx.is_yes_no("beneran", YesNo::Marker));
    assert!(lx.is_cue("karena", Cue::Cause) && !lx.is_cue("karena", Cue::Stance));
    assert!(lx.is_meta_word("penulis", MetaWord::Author));
    assert!(
        lx.is_cue("gubernur", Cue::Person) && lx.answer_type("name") == Some(AnswerType::Person)
    );
}

#[test]
fn superlatives_are_read_in_both_languages_but_the_newest_is_no_degree() {
    let lx = Lexicon::builtin();
    assert!(lx.is_superlative("tertinggi") && lx.is_superlative("strongest"));
    assert!(!lx.is_superlative("terbaru") && !lx.is_superlative("tinggi"));
    assert!(lx.is_demonstrative("tersebut") && lx.is_cue("dimaksudkan", Cue::Cause));
}

#[test]
fn months_are_read_in_both_languages_with_their_abbreviations() {
    let lx = Lexicon::builtin();
    assert_eq!(lx.month("agt"), Some(8));
    assert_eq!(lx.month("december"), Some(12));
    assert_eq!(lx.month_name(1, Lang::Id), "Januari");
    assert_eq!(lx.month_name(5, Lang::En), "May");
    assert!(lx.is_calendar_word("kamis") && !lx.is_calendar_word("kam"));
    assert!(lx.is_day("jum'at"));
}

#[test]
fn english_inflections_find_the_headword() {
    let lx = Lexicon::builtin();
    assert!(lx.english_bases("stopping").contains(&"stop".to_string()));
    assert!(lx.english_bases("buried").contains(&"bury".to_string()));
    assert!(lx.english_bases("users").contains(&"user".to_string()));
    assert!(lx.english_bases("biggest").contains(&"big".to_string()));
    assert!(lx.english_bases("heavily").contains(&"heavy".to_string()));
    assert!(lx.english_bases("wrote").contains(&"write".to_string()));
}

#[test]
fn british_spellings_plural_agents_and_derivations_find_the_headword() {
    let lx = Lexicon::builtin();
    let ids = |w: &str| lx.english_of(w).cloned().unwrap_or_default();
    // British spelling → American headword, through a plural too.
    assert!(!ids("color").is_empty());
    assert_eq!(ids("colour"), ids("color"));
    assert_eq!(ids("colours"), ids("color"));
    // Two layers: plural, then agent noun.
    assert!(lx.english_bases("gamblers").contains(&"gamble".to_string()));
    // A derivation is a last resort: the adjective's noun when nothing lists the word.
    assert!(
        lx.english_derived_of("provincial")
            .is_some_and(|t| t.iter().any(|w| w == "provinsi"))
    );
    assert!(
        lx.english_derived_of("province").is_none(),
        "a headword itself"
    );
}

#[test]
fn a_domain_row_keeps_the_senses_it_replaced_as_later_ones() {
    let lx = Lexicon::builtin();
    assert!(lx.english_later_of("traffic").iter().any(|w| w == "lintas"));
}

#[test]
fn english_words_are_spelt_as_indonesian_borrows_them() {
    let lx = Lexicon::builtin();
    let has = |w: &str, id: &str| lx.english_loans(w).iter().any(|x| x == id);
    assert!(has("evacuations", "evakuasi"));
    assert!(has("economist", "ekonom"));
    assert!(has("temporary", "temporer"));
    assert!(has("technology", "teknologi"));
    assert!(has("commuter", "komuter"));
    assert!(has("quality", "kualitas"));
    assert!(has("respondents", "responden"));
    assert!(has("consultant", "konsultan"));
}

#[test]
fn an_adjective_of_place_finds_the_place_the_articles_name() {
    let lx = Lexicon::builtin();
    let derived = |w: &str, id: &str| {
        lx.english_derived_of(w)
            .is_some_and(|t| t.iter().any(|x| x == id))
    };
    assert!(derived("european", "eropa"));
    assert!(derived("australian", "australia"));
    assert!(derived("mexican", "meksiko"));
}

#[test]
fn a_malformed_row_names_its_file_and_line() {
    let bad = Source {
        lang: Lang::Id,
        files: &[("cues", "karena\tbecause-ish\n")],
    };
    let err = Lexicon::from_sources(&[bad])
        .err()
        .expect("an unknown cue is refused");
    assert!(err.to_string().contains("lexicon/id/cues"), "{err}");
}

#[test]
fn the_english_bridge_finds_base_forms_and_prefers_the_news_sense() {
    let lx = Lexicon::builtin();
    let has = |w: &str, id: &str| lx.english_of(w).is_some_and(|t| t.iter().any(|x| x == id));
    assert!(has("earthquakes", "gempa"), "plural → domain headword");
    assert!(has("dies", "meninggal"), "inflected → FreeDict headword");
    assert!(has("weakened", "melemah"));
    assert!(
        has("match", "pertandingan") && !has("match", "korek"),
        "domain replaces FreeDict"
    );
    assert!(
        lx.english
            .get("who")
            .is_none_or(|t| !t.iter().any(|x| x == "yang")),
        "Indonesian function words are not translations"
    );
}

#[test]
fn news_senses_of_start_fewer_and_financial_year_reach_the_articles_words() {
    let lx = Lexicon::builtin();
    let has = |w: &str, id: &str| lx.english_of(w).is_some_and(|t| t.iter().any(|x| x == id));
    // "The start of the year" is its "awal"; FreeDict's first sense is the verb's.
    assert!(has("start", "awal"));
    // "Fewer passengers": the reports write a fall, not "segelintir" (a handful).
    assert!(has("fewer", "turun"));
    // A phrase is kept whole, as the articles write it.
    assert!(has("financial year", "tahun buku"));
}

#[test]
fn a_phrase_sense_that_spells_out_a_one_word_sense_adds_no_words() {
    let src = Source {
        lang: Lang::En,
        files: &[(
            "bridge",
            "envoy\tduta|duta besar\nmoped\tsepeda kecil|motor\n",
        )],
    };
    let lx = Lexicon::from_sources(&[src]).expect("valid rows");
    assert_eq!(lx.english["envoy"], vec!["duta".to_string()]);
    // A phrase that spells out no one-word sense is kept, whole.
    assert!(lx.english["moped"].contains(&"sepeda kecil".to_string()));
}

#[test]
fn the_pivot_dictionary_fills_only_words_the_bridge_lacks() {
    let lx = Lexicon::builtin();
    // "receive" has no FreeDict eng-ind row; the pivot carries it, and its inflections.
    assert!(lx.english_of("receive").is_none());
    assert!(
        lx.english_pivot_of("receives")
            .is_some_and(|t| !t.is_empty())
    );
    // A word the bridge has is never read through the pivot.
    assert!(lx.english_of("earthquake").is_some());
    assert!(lx.english_pivot_of("earthquake").is_none());
}

#[test]
fn a_pivot_row_never_shadows_a_bridge_row() {
    let src = Source {
        lang: Lang::En,
        files: &[
            ("bridge-pivot", "glimmer\tkilau\nsparkle\tpercik\n"),
            ("bridge", "glimmer\tkerlip\n"),
        ],
    };
    let lx = Lexicon::from_sources(&[src]).expect("well-formed");
    assert_eq!(lx.english_of("glimmer"), Some(&vec!["kerlip".to_string()]));
    assert!(lx.english_pivot_of("glimmer").is_none());
    assert_eq!(
        lx.english_pivot_of("sparkle"),
        Some(&vec!["percik".to_string()])
    );
}

#[test]
fn a_wordnet_row_gives_its_lemmas_to_the_word_and_its_inflections_less_function_words() {
    let src = Source {
        lang: Lang::En,
        files: &[
            ("function-words", "dalam\n"),
            ("bridge-wordnet", "summit\tpuncak|dalam|rumah tangga\n"),
        ],
    };
    let lx = Lexicon::from_sources(&[src]).expect("well-formed");
    let want = vec!["puncak".to_string(), "rumah tangga".to_string()];
    assert_eq!(lx.english_wordnet_of("summit"), want.as_slice());
    assert!(lx.english_wordnet_of("valley").is_empty());
}

#[test]
fn a_letter_restoring_rule_leaves_no_doubled_consonant_to_undo() {
    let src = Source {
        lang: Lang::En,
        files: &[
            ("inflections", "ied\ty\ned\t-|e\n"),
            ("bridge", "burr\tduri\nhop\tlompat\n"),
        ],
    };
    let lx = Lexicon::from_sources(&[src]).expect("well-formed");
    // "burried" is "burry" (ied → y), never "burr" through a doubled "rr".
    assert!(lx.english_of("burried").is_none());
    // A bare suffix still undoes a doubled consonant ("hopped" → "hop").
    assert_eq!(lx.english_of("hopped"), Some(&vec!["lompat".to_string()]));
}

#[test]
fn a_hyphenated_lemma_is_read_as_the_words_the_articles_are_parted_into() {
    let lx = Lexicon::builtin();
    // The tokenizer reads "laki-laki" in a paragraph as "laki" twice: the lemma must say "laki".
    let male = &lx.english["male"];
    assert!(male.contains(&"laki".to_string()));
    assert!(!male.iter().any(|w| w.contains('-')));
    assert!(
        lx.english_wordnet
            .values()
            .flatten()
            .all(|lemma| !lemma.contains('-'))
    );
}

#[test]
fn a_spelt_out_phrase_is_read_as_the_word_reports_also_write() {
    let lx = Lexicon::builtin();
    assert_eq!(
        lx.rewrite_phrases("Berapa inflasi Tahun ke Tahun pada Agustus 2031?"),
        "Berapa inflasi yoy pada Agustus 2031?"
    );
    assert_eq!(
        lx.rewrite_phrases("naik brp bulan ke bulan"),
        "naik brp mtm"
    );
    // Only whole words: "setahun ke tahun" is no such phrase.
    assert_eq!(
        lx.rewrite_phrases("dari setahun ke tahun"),
        "dari setahun ke tahun"
    );
    // A part-word occurrence is passed over, and the whole one after it still read.
    assert_eq!(
        lx.rewrite_phrases("setahun ke tahun, lalu tahun ke tahun"),
        "setahun ke tahun, lalu yoy"
    );
    assert!(matches!(
        lx.rewrite_phrases("Berapa harga kopi Sukamaju?"),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn spending_and_an_adjusted_figure_cross_the_bridge_as_the_reports_words() {
    let lx = Lexicon::builtin();
    // FreeDict gives expenditure as "biaya" and "belanja" only, and nothing for "adjusted": a
    // statistics report writes "pengeluaran … yang disesuaikan".
    for word in ["expenditure", "spending"] {
        assert!(
            lx.english_of(word)
                .is_some_and(|t| t.iter().any(|w| w == "pengeluaran")),
            "{word}"
        );
    }
    assert_eq!(lx.english_of("adjusted"), Some(&vec!["sesuai".to_string()]));
}

#[test]
fn a_zone_of_a_tariff_is_a_numbered_part() {
    assert!(Lexicon::builtin().is_period_word("zona"));
}

#[test]
fn chat_s_n_is_dan_and_dulu_is_no_content_word() {
    let lx = Lexicon::builtin();
    assert_eq!(lx.slang.get("n"), Some(&vec!["dan".to_string()]));
    // "dulu kan Rp 17 ribu": a time the reader recalls, as "tadi", never a word the report
    // must write.
    assert!(lx.is_function("dulu") && lx.is_function("dahulu"));
}
