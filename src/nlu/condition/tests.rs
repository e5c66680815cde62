//! Conditions read from made-up questions and judged against made-up reports.

use super::{Item, Kind, Verdict, judge, scan, value_of};
use crate::nlu::query::analyse;
use crate::nlu::testing::seed_archive_index;

#[test]
fn a_figure_reads_its_groups_as_thousands_or_decimals() {
    let v = |g: &[&str]| value_of(&g.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(v(&["23", "650"]), Some(23650.0));
    assert_eq!(v(&["6", "27"]), Some(6.27));
    assert_eq!(v(&["8", "314", "6"]), Some(8314.6));
    assert_eq!(v(&["12"]), Some(12.0));
}

#[test]
fn a_slashed_date_and_a_year_are_no_figures() {
    let figures: Vec<f64> = scan("Kamis (21/6/2031) naik 3,15% pada 2031")
        .iter()
        .filter_map(|i| match i {
            Item::Figure(v) => Some(*v),
            Item::Word(_) => None,
        })
        .collect();
    assert_eq!(figures, vec![3.15]);
}

/// Three made-up reports on one made-up measure, each stating its own value first.
const REPORTS: [&str; 3] = [
    "Harga kopi Lembah Hijau naik\n\nHarga kopi Lembah Hijau naik menjadi Rp 43.250 per kg, naik Rp 1.270 dari pekan lalu.\n",
    "Harga kopi Lembah Hijau melonjak\n\nHarga kopi Lembah Hijau melonjak ke Rp 58.750 per kg. Pedagang menyebut pasokan seret.\n",
    "Harga kopi Lembah Hijau turun\n\nHarga kopi Lembah Hijau turun ke Rp 31.450 per kg, turun 3,15 persen.\n",
];

fn verdicts(question: &str) -> (Vec<Verdict>, Vec<super::Condition>) {
    let index = seed_archive_index(&REPORTS);
    let q = analyse(question, None, &index);
    let docs = index.docs.len();
    let v = (docs - 3..docs)
        .map(|d| judge(&q.conditions, &q.terms, &index, d))
        .collect();
    (v, q.conditions)
}

#[test]
fn a_condition_picks_the_report_whose_value_lies_on_the_asked_side() {
    let (v, c) = verdicts("Waktu harga kopi di atas Rp52.650 per kg, kenapa naik?");
    assert_eq!(c.len(), 1);
    assert!(c[0].above && c[0].value == 52_650.0 && c[0].kind == Kind::Money);
    assert_eq!(v, vec![Verdict::Fails, Verdict::Meets, Verdict::Fails]);
    let (v, _) = verdicts("When the coffee price was below Rp32,150, what did traders say?");
    assert_eq!(v[2], Verdict::Meets);
    // Between two figures: both conditions must hold.
    let (v, c) =
        verdicts("Waktu harga kopi lebih dari Rp36.150 tapi kurang dari Rp47.350, naik berapa?");
    assert_eq!(c.len(), 2);
    assert_eq!(v, vec![Verdict::Meets, Verdict::Fails, Verdict::Fails]);
    // A range's unit, written once, is both figures'.
    let (_, c) =
        verdicts("When the coffee price rose more than 2.15 but less than 4.85 percent, why?");
    assert!(c.iter().all(|c| c.kind == Kind::Percent));
}

#[test]
fn a_condition_no_report_meets_fails_everywhere_and_a_stated_figure_is_none() {
    let (v, _) = verdicts("Waktu harga kopi di atas Rp91.750, pasokannya gimana?");
    assert!(v.iter().all(|v| *v == Verdict::Fails));
    let (_, c) = verdicts("Waktu harga kopi naik ke Rp43.250, naik berapa?");
    assert!(c.is_empty());
}

#[test]
fn a_bound_the_report_itself_words_is_met_though_its_first_figure_equals_it() {
    // The title states the figure, a quote later words it as a bound: the reader quoted that.
    let index = seed_archive_index(&[
        "Transaksi pameran kopi Rp 7,5 miliar\n\nTransaksi pameran kopi Lumbung tercatat Rp 7,5 miliar.\n\n\"Transaksi pameran kopi mencapai lebih dari Rp 7,5 miliar,\" kata panitia.\n",
    ]);
    let q = analyse(
        "Waktu transaksi pameran kopi lebih dari Rp7,5 miliar, siapa yang membuka?",
        None,
        &index,
    );
    assert_eq!(q.conditions.len(), 1);
    let doc = index.docs.len() - 1;
    assert_eq!(judge(&q.conditions, &q.terms, &index, doc), Verdict::Meets);
}
