//! Tests of the shipped paragraph ranker's weights on made-up reports.

use super::*;
use crate::nlu::query::analyse;
use crate::nlu::testing::{lexicon, one_article_index};

/// The paragraph number the model ranks first among a one-article index's candidates.
fn first(body: &str, raw: &str, model: &Model) -> usize {
    let lx = lexicon();
    let text = format!("Harga Kopi Naik\n\nTanggal: Senin, 3 Februari 2031 / 10:00 WIB\n\n{body}");
    let index = one_article_index(&text);
    let qd = super::super::dates::of_question(raw, &lx);
    let q = analyse(raw, None, &index);
    let lead = article::rank(&q, &index, Some(0), None)[0].clone();
    let mut best: Option<(f32, usize)> = None;
    for c in candidates(&q, &qd, &index, 0, &lead, &lx) {
        let key = model.key(&c.features);
        if best.is_none_or(|(k, _)| key > k) {
            best = Some((key, c.paragraph));
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
    let lx = lexicon();
    let focus_near = |body: &str, raw: &str| {
        let text =
            format!("Harga Kopi Naik\n\nTanggal: Senin, 3 Februari 2031 / 10:00 WIB\n\n{body}");
        let index = one_article_index(&text);
        let qd = super::super::dates::of_question(raw, &lx);
        let q = analyse(raw, None, &index);
        let lead = article::rank(&q, &index, Some(0), None)[0].clone();
        candidates(&q, &qd, &index, 0, &lead, &lx)
            .iter()
            .map(|c| c.features.focus_near)
            .fold(0.0f32, f32::max)
    };
    let body = "Petani kopi gayo protes karena harga pupuk naik.\n";
    assert_eq!(focus_near(body, "Kenapa petani kopi protes?"), 0.0);
    // A figure beside the focus still counts.
    let body = "Petani kopi gayo protes, 40 petani berkumpul di balai desa.\n";
    assert!(focus_near(body, "Berapa petani kopi yang protes?") > 0.0);
}
