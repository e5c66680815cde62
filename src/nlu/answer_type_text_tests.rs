//! Tests of [`super`]'s sentence split (stops, abbreviations, initials, figures) and of marking the
//! sentence that answers.

use super::*;

#[test]
fn sentences_end_at_a_stop_before_a_capital_not_inside_figures() {
    let p =
        "Indeks ditutup di 1.234,56. Sebanyak 200 saham naik. PT Sumber Makmur Tbk. (SMKR) turun.";
    let s: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
    assert_eq!(
        s,
        vec![
            "Indeks ditutup di 1.234,56.",
            "Sebanyak 200 saham naik.",
            "PT Sumber Makmur Tbk. (SMKR) turun."
        ]
    );
}

#[test]
fn a_title_case_abbreviation_before_a_figure_ends_no_sentence() {
    let p = "Aturan itu tertuang dalam Permen No. 12/2031. Harga Rp. 5.000 berlaku. Naik di AS. 3 bank ikut.";
    let s: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
    assert_eq!(
        s,
        vec![
            "Aturan itu tertuang dalam Permen No. 12/2031.",
            "Harga Rp. 5.000 berlaku.",
            "Naik di AS.",
            "3 bank ikut."
        ]
    );
}

#[test]
fn a_name_initial_ends_no_sentence_but_a_roman_numeral_may() {
    let p = "Ketua koperasi, Wirya S. Halim, hadir. Laba naik di kuartal I. Harga turun di golongan B. Pasar tutup.";
    let s: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
    assert_eq!(
        s,
        vec![
            "Ketua koperasi, Wirya S. Halim, hadir.",
            "Laba naik di kuartal I.",
            "Harga turun di golongan B.",
            "Pasar tutup."
        ]
    );
}

#[test]
fn the_marked_sentence_is_wrapped_and_the_rest_kept() {
    let p = "Satu dua. Tiga empat. Lima.";
    let r = sentences(p)[1].clone();
    assert_eq!(mark(p, &r), "Satu dua. **Tiga empat.** Lima.");
    let whole = sentences("Satu saja.")[0].clone();
    assert_eq!(mark("Satu saja.", &whole), "Satu saja.");
}
