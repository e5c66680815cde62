//! Tests of the shipped paragraph ranker's weights on made-up reports.

use super::tests::measured_of;
use super::*;

/// The paragraph number the model ranks first among a one-article index's candidates.
fn first(body: &str, raw: &str, model: &Model) -> usize {
    let mut best: Option<(f32, usize)> = None;
    for (paragraph, features) in measured_of(body, raw) {
        let key = model.key(&features);
        if best.is_none_or(|(k, _)| key > k) {
            best = Some((key, paragraph));
        }
    }
    best.expect("a candidate").1
}

#[test]
fn a_question_asking_the_highest_goes_to_the_paragraph_marking_it_over_the_lead() {
    // The lead restates the question's words and names a province; the ranking comes later.
    let body = "Harga kopi di pasar modern provinsi Jawa Barat naik menjadi Rp 50.000 per kilogram \
                pada Januari 2031.\n\n\
                Pedagang menyebut pasokan dari petani berkurang.\n\n\
                Berdasarkan wilayah, harga tertinggi pada Januari 2031 tercatat di Gorontalo \
                sebesar Rp 61.000 per kilogram.\n";
    let raw = "Provinsi mana yang harga kopinya paling tinggi pada Januari 2031?";
    let shipped = Model::builtin();
    let mut blind = shipped.clone();
    blind.weights.extreme = 0.0;
    assert_eq!(first(body, raw, &shipped), 2);
    assert_eq!(
        first(body, raw, &blind),
        0,
        "without the extreme the lead wins"
    );
}

#[test]
fn a_why_question_measures_no_focus_beside_a_cause() {
    let focus_near = |body: &str, raw: &str| {
        measured_of(body, raw)
            .iter()
            .map(|(_, f)| f.focus_near)
            .fold(0.0f32, f32::max)
    };
    let body = "Petani kopi gayo protes karena harga pupuk naik.\n";
    assert_eq!(focus_near(body, "Kenapa petani kopi protes?"), 0.0);
    // A figure beside the focus still counts.
    let body = "Petani kopi gayo protes, 40 petani berkumpul di balai desa.\n";
    assert!(focus_near(body, "Berapa petani kopi yang protes?") > 0.0);
}

#[test]
fn a_count_of_a_measured_thing_focuses_on_the_thing_not_on_the_measure() {
    // "jumlah" measures; what is counted is "transaksi", and the figure beside it answers.
    let body = "Sepanjang 2031, Lumbung membekukan 3.935 rekening senilai Rp 1 miliar.\n\n\
                Perputaran dana Lumbung mencapai Rp 3 triliun dalam 168 juta transaksi.\n";
    let raw = "Berapa jumlah transaksi Lumbung sepanjang 2031?";
    let focus = |paragraph: usize| {
        measured_of(body, raw)
            .into_iter()
            .find(|(p, _)| *p == paragraph)
            .map(|(_, f)| f.focus)
            .expect("a candidate")
    };
    // (The word after the focus, "Lumbung", counts with it, as "harga *tiket*" does.)
    assert!(focus(1) > focus(0), "the counted thing is the focus");
}

#[test]
fn with_trees_the_paragraph_they_rank_first_answers_whatever_the_weighted_sum_prefers() {
    use crate::nlu::dates::of_question;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{lexicon, one_article_index};
    let lx = lexicon();
    let text = "Harga Kopi Naik\n\nTanggal: Senin, 3 Februari 2031 / 10:00 WIB\n\n\
                Harga kopi sukamaju di Pasar Lama naik menjadi Rp 50.000 per kilogram.\n\n\
                Pedagang kopi di Pasar Lama menyebut pasokan dari petani berkurang.\n";
    let index = one_article_index(text);
    let raw = "Berapa harga kopi sukamaju di Pasar Lama?";
    let qd = of_question(raw, &lx);
    let q = analyse(raw, None, &index);
    let asked = Asked::of(&q, &lx);
    let lead = article::rank(&q, &index, Some(0), None)[0].clone();
    let parts = crate::nlu::decide::period::parts(&q.words, &lx);
    let chosen = |model: &Model| {
        let (s, _) = choose(&q, &asked, &parts, &qd, &index, 0, &lead, &lx, model)
            .expect("a paragraph answers");
        index.passages[s.passage].paragraph
    };
    let weighted = Model {
        trees: None,
        ..Model::builtin()
    };
    assert_eq!(chosen(&weighted), 0);
    // Made-up trees preferring the later paragraph of a number question.
    let later = r#"{"inputs":["paragraph","type_Number"],
        "trees":[{"split":[[1,0.5,-1,1],[0,0.5,-2,-3]],"leaf":[0.0,0.0,1.0]}]}"#;
    let trees = Model {
        trees: Some(std::sync::Arc::new(
            super::trees::Trees::from_json(later).unwrap(),
        )),
        ..Model::builtin()
    };
    assert_eq!(chosen(&trees), 1);
}
