//! Tests of date reading and matching: question dates, article dates, in-text forms and how
//! they agree.

use super::*;
use std::sync::LazyLock;

static LX: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fn of_question(text: &str) -> QuestionDates {
    super::of_question(text, &LX)
}

fn of_text(text: &str, published: Option<NaiveDate>) -> Vec<When> {
    super::of_text(text, published, &LX)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn w(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> When {
    When {
        year: y,
        month: m,
        day: d,
    }
}

#[test]
fn numeric_dates_are_read_whole_and_spans_of_years_are_not() {
    let q = of_question("harga kopi gunung per 2031-06-05 brp?");
    assert_eq!(q.dates, vec![w(Some(2031), Some(6), Some(5))]);
    assert!(q.words.contains(&"06".to_string()) && q.words.contains(&"05".to_string()));
    assert_eq!(
        of_question("target 2030-2031 berapa?").dates,
        vec![w(Some(2030), None, None), w(Some(2031), None, None)]
    );
    assert_eq!(
        of_question("musim 2030-31 juara siapa?").dates,
        vec![w(Some(2030), None, None)]
    );
    // Day first, joined by hyphens or dots; a short year after an apostrophe.
    for text in [
        "harga kopi 5-6-2031?",
        "harga kopi 05.06.2031?",
        "harga kopi 5 Juni '31?",
    ] {
        assert_eq!(
            of_question(text).dates,
            vec![w(Some(2031), Some(6), Some(5))],
            "{text}"
        );
    }
    assert!(of_question("harga kopi 05.06.2031?").figures.is_empty());
    // Thousands, a clock time and a range are no dates.
    for text in ["Rp 1.250.000 pukul 10.05", "naik 10-12 persen"] {
        assert!(of_question(text).dates.is_empty(), "{text}");
    }
}

#[test]
fn question_dates_are_read_in_every_common_form() {
    let q = of_question("Indeks kota ditutup pada Kamis, 21 November 2030?");
    assert_eq!(q.dates, vec![w(Some(2030), Some(11), Some(21))]);
    assert!(q.words.contains(&"november".to_string()));
    assert_eq!(
        of_question("harga kopi gunung 13/5/2031 brp?").dates,
        vec![w(Some(2031), Some(5), Some(13))]
    );
    assert_eq!(
        of_question("bank naikin bunga sept 2032?").dates,
        vec![w(Some(2032), Some(9), None)]
    );
    assert_eq!(
        of_question("inflasi des 2032 brp").dates,
        vec![w(Some(2032), Some(12), None)]
    );
    assert_eq!(
        of_question("What was the coffee price in March 2033?").dates,
        vec![w(Some(2033), Some(3), None)]
    );
}

#[test]
fn figures_and_short_words_are_not_dates() {
    assert!(
        of_question("Indeks ditutup di 1.234,56 atau naik 2.031 poin")
            .dates
            .is_empty()
    );
    assert!(of_question("siapa yang mar").dates.is_empty());
}

#[test]
fn latest_words_ask_for_the_newest_report() {
    assert!(of_question("Berapa harga kopi terbaru?").latest);
    assert!(of_question("upah kota sekarang berapa").latest);
    assert!(of_question("what is the current rate").latest);
    assert!(!of_question("Berapa harga kopi pada Maret 2031?").latest);
    // After a length of time the word bounds a period: "the past month", not the newest report.
    assert!(!of_question("Waktu kopi naik, sebulan terakhir harganya berapa?").latest);
    assert!(!of_question("harga kopi dalam 3 tahun terakhir berapa").latest);
    assert!(of_question("harga kopi yang terakhir berapa").latest);
}

#[test]
fn in_text_dates_take_their_year_and_day_from_the_publication() {
    let published = Some(ymd(2034, 1, 5));
    let found = of_text(
        "Indeks ditutup Kamis (5/1) melemah; Rabu (28/12) naik",
        published,
    );
    assert_eq!(found[0], w(Some(2034), Some(1), Some(5)));
    assert_eq!(found[1], w(Some(2033), Some(12), Some(28)));
    let found = of_text(
        "Harga naik sejak kemarin, pekan lalu turun",
        Some(ymd(2024, 3, 1)),
    );
    assert!(found.contains(&w(Some(2024), Some(2), Some(29))));
    assert!(found.contains(&w(Some(2024), Some(2), None)));
    // A report announcing what comes next is about that time too.
    let found = of_text(
        "Tarif tahun depan naik, iuran bulan depan tetap",
        Some(ymd(2031, 12, 10)),
    );
    assert!(found.contains(&w(Some(2032), None, None)));
    assert!(found.contains(&w(Some(2032), Some(1), None)));
}

#[test]
fn agreement_prefers_the_publication_date_and_punishes_another_year() {
    let published = When::day(ymd(2019, 11, 22));
    let text = [w(Some(2019), Some(11), Some(21))];
    let q = [w(Some(2019), Some(11), Some(21))];
    assert_eq!(agreement(&q, Some(&published), &text, &[]), 0.8);
    let q = [w(Some(2019), Some(11), None)];
    assert_eq!(agreement(&q, Some(&published), &text, &[]), 1.0);
    let q = [w(Some(2020), None, None)];
    assert_eq!(agreement(&q, Some(&published), &text, &[]), -1.0);
    assert_eq!(agreement(&[], Some(&published), &text, &[]), 0.0);
}

#[test]
fn a_month_named_far_from_the_publication_agrees_less_than_one_named_near_it() {
    let published = When::day(ymd(2031, 9, 19));
    let text = [
        w(Some(2031), Some(5), Some(14)),
        w(Some(2031), Some(8), None),
    ];
    let may = [w(Some(2031), Some(5), None)];
    let august = [w(Some(2031), Some(8), None)];
    let at_may = agreement(&may, Some(&published), &text, &[]);
    assert!(at_may > 0.0, "the text still names May");
    assert!(at_may < agreement(&august, Some(&published), &text, &[]));
    let in_may = When::day(ymd(2031, 5, 28));
    assert_eq!(agreement(&may, Some(&in_may), &[], &[]), 1.0);
}

#[test]
fn a_year_named_in_a_report_two_years_on_is_a_look_back_unless_its_title_names_it() {
    let published = When::day(ymd(2033, 1, 10));
    let text = [w(Some(2031), None, None), w(Some(2032), None, None)];
    let year = |y| [w(Some(y), None, None)];
    let two_on = agreement(&year(2031), Some(&published), &text, &[]);
    let next = agreement(&year(2032), Some(&published), &text, &[]);
    assert!(0.0 < two_on && two_on < next);
    assert_eq!(next, 1.0, "a January report on the year before is about it");
    assert_eq!(
        agreement(&year(2031), Some(&published), &text, &[2031]),
        1.0
    );
}

#[test]
fn a_question_month_the_article_never_names_is_a_conflict_and_its_day_is_not() {
    let published = When::day(ymd(2025, 10, 21));
    let text = [w(None, Some(3), None), w(Some(2019), None, None)];
    let at = |q: When| conflict(&[q], Some(&published), &text);
    assert_eq!(
        at(w(Some(2019), Some(3), Some(5))),
        1.0,
        "2019 is named, March 2019 not"
    );
    assert_eq!(
        at(w(Some(2025), Some(3), Some(5))),
        0.0,
        "March without a year is 2025's"
    );
    assert_eq!(at(w(Some(2025), Some(10), Some(20))), 0.0);
    assert_eq!(at(w(Some(2019), None, None)), 0.0);
    assert_eq!(
        at(w(None, Some(7), None)),
        1.0,
        "a month alone that none of its dates is in"
    );
    assert_eq!(at(w(None, Some(3), None)), 0.0, "a month alone it names");
    assert_eq!(at(w(None, Some(10), None)), 0.0, "its publication month");
}

#[test]
fn a_cited_rules_year_does_not_date_the_article() {
    // Made-up rules: the year of "Nomor 7 Tahun 2031" and of a "…/MEN/2029" code dates the rule.
    let found = of_text(
        "Upah naik sesuai Peraturan Menteri Nomor 7 Tahun 2031 dan Keputusan 5.K/12/MEN/2029 pada 2033.",
        None,
    );
    assert_eq!(found, vec![w(Some(2033), None, None)]);
    // A reader quoting the rule still names the report by its year.
    let q = of_question("Berapa upah menurut Peraturan Nomor 7 Tahun 2031?");
    assert_eq!(q.dates, vec![w(Some(2031), None, None)]);
}

#[test]
fn a_short_full_month_name_is_a_month_alone_but_not_an_abbreviation_or_may() {
    let q = of_question("Harga kopi bulan Mei berapa?");
    assert_eq!(q.dates, vec![w(None, Some(5), None)]);
    assert!(q.words.contains(&"mei".to_string()));
    assert_eq!(
        of_question("Panen kopi Juli kemarin berapa ton?").dates,
        vec![w(None, Some(7), None)]
    );
    assert!(of_question("bunga des naik?").dates.is_empty());
    assert_eq!(
        of_question("harga kopi bulan agst brp?").dates,
        vec![w(None, Some(8), None)]
    );
    assert!(of_question("May I ask the coffee price?").dates.is_empty());
}

#[test]
fn a_month_alone_conflicts_with_a_report_that_names_no_date_in_it() {
    let published = w(Some(2031), Some(5), Some(13));
    let text = of_text(
        "Harga kopi turun sejak Senin (12/5).",
        Some(ymd(2031, 5, 13)),
    );
    let conflict = |raw: &str| super::conflict(&of_question(raw).dates, Some(&published), &text);
    assert_eq!(conflict("Harga kopi bulan Mei berapa?"), 0.0);
    assert_eq!(conflict("Harga kopi bulan Agustus berapa?"), 1.0);
    assert_eq!(conflict("Harga kopi Mei 2030 berapa?"), 1.0);
    assert_eq!(conflict("Harga kopi terbaru berapa?"), 0.0);
}

#[test]
fn english_ordinal_days_are_days() {
    assert_eq!(
        of_question("price on March 3rd, 2031?").dates,
        vec![w(Some(2031), Some(3), Some(3))]
    );
    assert_eq!(
        of_question("what happened on the 21st of May 2031")
            .dates
            .len(),
        1
    );
    assert_eq!(
        of_question("harga 22nd Juni 2031?").dates,
        vec![w(Some(2031), Some(6), Some(22))]
    );
    // A letter suffix that is no ordinal keeps the token out of dates.
    assert!(of_question("harga 3kg Maret").dates[0].day.is_none());
}

#[test]
fn a_day_name_with_lalu_or_last_is_the_last_such_day() {
    // In a question it is relative to today: the newest report.
    assert!(of_question("harga kopi Selasa lalu berapa?").latest);
    assert!(of_question("what was the price last Tuesday?").latest);
    assert!(!of_question("harga kopi hari Selasa berapa?").latest);
    // "Minggu lalu" is the week before, as before.
    assert_eq!(
        of_text("naik sejak minggu lalu", Some(ymd(2031, 6, 18))),
        vec![w(Some(2031), Some(6), None)]
    );
    // In a report of Thursday 19 June 2031, "Selasa lalu" is the 17th; written on a Tuesday
    // (17 June), it is a week back.
    assert_eq!(
        of_text("harga naik Selasa lalu", Some(ymd(2031, 6, 19))),
        vec![w(Some(2031), Some(6), Some(17))]
    );
    assert_eq!(
        of_text("harga naik Selasa lalu", Some(ymd(2031, 6, 17))),
        vec![w(Some(2031), Some(6), Some(10))]
    );
}

#[test]
fn this_week_month_or_year_is_the_writers_own() {
    assert!(of_question("harga kopi pekan ini berapa?").latest);
    assert!(of_question("what is the coffee price this year?").latest);
    assert_eq!(
        of_text("target tahun ini", Some(ymd(2031, 6, 19))),
        vec![w(Some(2031), None, None)]
    );
}

#[test]
fn a_date_shifted_by_a_phrase_before_it_and_by_whole_months() {
    assert_eq!(
        of_question("Setahun sebelum Maret 2031, harga kopi berapa?").dates,
        vec![w(Some(2030), Some(3), None)]
    );
    assert_eq!(
        of_question("What was the price a month before January 2031?").dates,
        vec![w(Some(2030), Some(12), None)]
    );
    let q = of_question("Harga kopi Maret 2031, bulan sebelumnya berapa?");
    assert_eq!(q.dates, vec![w(Some(2031), Some(3), None)]);
    assert!(!q.latest, "a look back is no ask for the newest report");
    assert_eq!(
        shifted(w(Some(2031), Some(3), Some(31)), -1),
        w(Some(2031), Some(2), None)
    );
    assert_eq!(
        shifted(w(Some(2031), None, None), -12),
        w(Some(2030), None, None)
    );
    assert_eq!(previous_months("naik dari bulan sebelumnya", &LX), vec![-1]);
}

#[test]
fn a_passage_s_yearless_months_take_the_year_it_names() {
    let got = with_passage_years(of_text(
        "Neraca Januari hingga Mei 2031: Januari defisit, Februari surplus.",
        None,
    ));
    assert!(got.iter().all(|d| d.year == Some(2031)), "{got:?}");
    let alone = with_passage_years(of_text("Harga naik pada Februari.", None));
    assert_eq!(alone, vec![w(None, Some(2), None)]);
}

#[test]
fn a_sentence_s_yearless_month_takes_the_year_its_paragraph_gives_it() {
    let paragraph = with_passage_years(of_text(
        "Ekspor pada Agustus 2031 turun. Pada bulan Juli ekspor mencapai 1,8 juta ton.",
        None,
    ));
    let sentence = of_text("Pada bulan Juli ekspor mencapai 1,8 juta ton.", None);
    assert_eq!(sentence, vec![w(None, Some(7), None)]);
    assert_eq!(
        with_paragraph_years(sentence, &paragraph),
        vec![w(Some(2031), Some(7), None)]
    );
    // A paragraph giving the month two years leaves it as it is.
    let two = vec![w(Some(2030), Some(7), None), w(Some(2031), Some(7), None)];
    assert_eq!(
        with_paragraph_years(vec![w(None, Some(7), None)], &two),
        vec![w(None, Some(7), None)]
    );
}

#[test]
fn a_question_naming_a_release_says_so() {
    assert!(of_question("Pada laporan kopi Maret 2031, berapa harganya?").names_release);
    assert!(
        of_question("In the report published in March 2031, what was the price?").names_release
    );
    assert!(!of_question("Harga kopi Maret 2031 berapa?").names_release);
}

#[test]
fn a_year_to_date_range_is_dated_by_its_last_month() {
    let month = |y, m| When {
        year: Some(y),
        month: Some(m),
        day: None,
    };
    let q = of_question("Berapa kunjungan Januari-September 2031?");
    assert_eq!(q.dates, vec![month(2031, 9)]);
    assert!(q.words.contains(&"januari".to_string()));
    assert_eq!(
        of_question("kunjungan januari sampai mei 2031 brp").dates,
        vec![month(2031, 5)]
    );
    // Two months apart, or a range not from January, keep both.
    assert_eq!(of_question("harga Januari dan Maret 2031").dates.len(), 2);
    assert_eq!(of_question("harga Maret-Mei 2031").dates.len(), 2);
}

#[test]
fn a_position_in_the_period_is_no_content_word() {
    let q = of_question("Akhir Agustus 2031 hujan abu sejauh berapa?");
    assert_eq!(q.relative_words, vec!["akhir".to_string()]);
    assert!(!q.latest);
    assert_eq!(
        of_question("harga awal tahun 2031 berapa").relative_words,
        vec!["awal".to_string()]
    );
    // Not before a date: a word like any other.
    assert!(
        of_question("awal mula banjir 2031")
            .relative_words
            .is_empty()
    );
}

#[test]
fn a_report_on_a_period_looks_back_a_year_with_tahun_lalu() {
    assert_eq!(
        previous_months("naik dibanding periode yang sama tahun lalu", &LX),
        vec![-12]
    );
}
