//! Tests of sentence reading and weighing: figures as one word, extremes, date weights and
//! nearness, on made-up text.

use super::super::weights::{Weights, asks_extreme, is_cue};
use super::*;

/// The words of a sentence, for tests.
fn words(s: &str) -> Vec<String> {
    answer_type::tokens(s)
        .into_iter()
        .map(|t| t.lower)
        .collect()
}

#[test]
fn a_figure_stays_one_word_and_a_percent_sign_is_a_unit() {
    assert_eq!(
        words("Indeks ditutup di 1.234,56, naik 3,5% ke Rp12.300 (7/3/2031)."),
        vec![
            "indeks", "ditutup", "di", "1.234,56", "naik", "3,5", "persen", "ke", "rp12.300",
            "7/3/2031"
        ]
    );
}

#[test]
fn paling_of_a_recency_phrase_asks_no_extreme_but_of_a_measure_does() {
    let lx = Lexicon::builtin();
    let asks = |q: &str| {
        let qd = super::super::super::dates::of_question(q, &lx);
        asks_extreme(words(q).iter().map(String::as_str), &qd, &lx)
    };
    assert!(!asks("skor laga kota hujan yang paling baru berapa?"));
    assert!(asks("sungai mana yang paling dalam di kota hujan?"));
    assert!(asks("harga tertinggi kopi gunung berapa?"));
}

#[test]
fn a_superlative_in_a_segment_naming_the_event_before_the_question_asks_no_extreme() {
    use crate::nlu::query::analyse;
    let lx = Lexicon::builtin();
    let index = crate::nlu::testing::one_article_index(
        "Gempa Kota Hujan\n\nTanggal: Senin, 3 Februari 2031 / 10:00 WIB\n\nGempa merusak 12 rumah.\n",
    );
    let asks = |raw: &str| {
        let qd = super::super::super::dates::of_question(raw, &lx);
        asks_extreme(analyse(raw, None, &index).asking_words(), &qd, &lx)
    };
    // The peak says which quake; the question asks a count.
    assert!(!asks(
        "Gempa yang puncaknya menjelang tahun baru, berapa rumah yang rusak?"
    ));
    assert!(!asks(
        "Saat gempa terkuat mengguncang kota, berapa rumah yang rusak?"
    ));
    // Asked for in the question's own segment, or after the asked part, it still asks.
    assert!(asks(
        "Di kota hujan, desa mana yang rumah rusaknya paling banyak?"
    ));
    assert!(asks(
        "Berapa rumah rusak saat gempa disebut terkuat sejak 2014?"
    ));
}

#[test]
fn a_date_naming_only_the_reports_own_day_weighs_no_paragraph() {
    use crate::nlu::query::analyse;
    use crate::nlu::testing::lexicon;
    let head = "Harga Kopi Naik\n\nTanggal: Senin, 3 Februari 2031 / 10:00 WIB\n\n";
    let one_day =
        "Harga kopi naik jadi Rp 50.000.\n\nStok cukup, kata pedagang, Senin (3/2/2031).\n";
    let two_days =
        "Harga kopi naik jadi Rp 50.000 dari Minggu (2/2/2031).\n\nStok cukup, Senin (3/2/2031).\n";
    for (body, weighs) in [(one_day, false), (two_days, true)] {
        let lx = lexicon();
        let text = format!("{head}{body}");
        let index = crate::nlu::testing::one_article_index(&text);
        let raw = "Berapa harga kopi pada 3 Februari 2031?";
        let qd = super::super::super::dates::of_question(raw, &lx);
        let q = analyse(raw, None, &index);
        let asked = Asked::of(&q, &lx);
        let w = Weights::of(&q, &asked, &qd, &index, 0, &index.detail(0));
        assert_eq!(w.date_weight > 0.0, weighs, "{body}");
    }
}

#[test]
fn nearness_falls_with_distance() {
    let at = vec![vec![(1, 1.0)], vec![(9, 1.0)]];
    let w = [1.0, 1.0];
    let beside = nearness(2, &at, &w, 2.0);
    let far = nearness(20, &at, &w, 2.0);
    assert!(beside > far, "{beside} > {far}");
    assert_eq!(nearness(2, &[vec![], vec![]], &w, 2.0), 0.0);
}

#[test]
fn an_english_word_is_a_cue_by_its_main_sense_or_most_senses_not_by_one_of_many() {
    let index = crate::nlu::testing::one_article_index(
        "Garam naik\n\nHarga garam di Pasar Sukaluyu naik, menurut pedagang. Petinju itu memukul lawannya.\n",
    );
    let q = crate::nlu::query::analyse(
        "According to the traders, which market did the boxer beat?",
        None,
        &index,
    );
    let cue = |w: &str| {
        let t = q.terms.iter().find(|t| t.word == w);
        t.map(|t| is_cue(t, &index.lx))
    };
    // "according to": "turut", "menurut"; half its senses say how the article puts things.
    assert_eq!(cue("according to"), Some(true));
    // "market": "pasar" first, a place's cue word.
    assert_eq!(cue("market"), Some(true));
    // "beat": an hour's cue ("pukul") only among other senses.
    assert_eq!(cue("beat"), Some(false));
}
