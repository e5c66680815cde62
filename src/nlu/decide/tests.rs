//! Tests of the article decision: relative time words, a title's figure units, placing clauses and
//! the topic of a "terbaru" question.

use super::*;
use crate::nlu::dates;
use crate::nlu::query::analyse;
use crate::nlu::testing::{lexicon, seed_article};

#[test]
fn a_relative_time_word_is_kept_but_weighs_as_a_generic_word() {
    let lx = lexicon();
    let index = Index::build(&[seed_article(1)], std::iter::empty(), lx.clone());
    let raw = "harga paket data terakhir berapa?";
    let qd = dates::of_question(raw, &lx);
    let asked = analyse(raw, None, &index);
    let q = without_date_words(std::borrow::Cow::Borrowed(&asked), &qd);
    let t = q.terms.iter().find(|t| t.word == "terakhir").unwrap();
    assert!(t.generic && !t.salient && !t.rare && !t.head);
    assert!(qd.latest, "it asks for the newest report");
}

#[test]
fn a_title_word_that_only_follows_a_figure_is_its_unit_and_names_no_topic() {
    let index = crate::nlu::testing::one_article_index(
        "Harga Kopi Naik 3%\n\nHarga kopi naik 3 persen pekan ini.\n",
    );
    let q = analyse("harga kopi naik berapa persen?", None, &index);
    let term = |w: &str| q.terms.iter().find(|t| t.word == w).unwrap();
    let title = |t: &str| crate::nlu::text::words(t);
    assert!(only_a_unit(term("persen"), &title("Harga Kopi Naik 3%")));
    assert!(!only_a_unit(
        term("persen"),
        &title("Persen Kenaikan Harga Kopi 3%")
    ));
    assert!(!only_a_unit(term("kopi"), &title("Harga Kopi Naik 3%")));
}

#[test]
fn a_clause_placing_the_question_is_met_only_by_one_paragraph_holding_all_its_words() {
    let together = "Kopi Lembah Hijau\n\nHarga kopi naik saat panen gagal di Lembah Hijau.\n\nHarga kopi kini Rp 88.000.\n";
    let scattered = "Kopi Lembah Hijau\n\nHarga kopi naik saat panen di Lembah Hijau.\n\nHarga kopi kini Rp 88.000 meski tidak gagal.\n";
    for (text, held) in [(together, true), (scattered, false)] {
        let index = crate::nlu::testing::one_article_index(text);
        let mut q = analyse("Berapa harga kopi saat panen gagal?", None, &index);
        for t in q.terms.iter_mut().filter(|t| t.context) {
            t.salient = true;
        }
        let salient: Vec<&Term> = q.terms.iter().filter(|t| t.salient).collect();
        assert!(salient.iter().any(|t| t.context), "the clause was read");
        assert_eq!(clause_held(&q, &salient, &index, 0), held, "{text}");
    }
}

#[test]
fn a_quoted_figure_is_held_only_whole_and_a_rate_slash_is_no_date() {
    use crate::nlu::testing::plain_article;
    let lx = lexicon();
    let a = plain_article(
        1,
        "Kopi Lembah Hijau\n\nHarga kopi naik 3,75 persen ke Rp12.345/kg, 25 bps; indeks 6.653,84.\n",
    );
    let dix = DateIndex::build(&[a], &lx);
    let held = |raw: &str| siblings::figures_quoted(&dates::of_question(raw, &lx), &dix, 0);
    assert!(held("Waktu kopi naik ke Rp12.345, berapa persen naiknya?").is_ok());
    assert!(
        held("Waktu indeks di 6.653, berapa harga kopi?").is_ok(),
        "decimals dropped"
    );
    assert!(
        held("Waktu kopi naik 75 bps, berapa harganya?").is_err(),
        "only a group of 3,75"
    );
    assert!(held("Waktu kopi naik 5,75 persen, berapa harganya?").is_err());
}

#[test]
fn a_clause_speaks_for_the_report_holding_its_words() {
    use crate::nlu::testing::plain_article;
    let lx = lexicon();
    let index = Index::build(
        &[
            plain_article(
                1,
                "Harga Kopi Naik\n\nHarga kopi naik saat pasar lama tutup.\n\nHarga kopi Rp 50.000.\n",
            ),
            plain_article(
                2,
                "Harga Kopi Turun\n\nHarga kopi turun saat panen raya.\n\nHarga kopi Rp 40.000.\n",
            ),
        ],
        std::iter::empty(),
        lx,
    );
    let q = analyse("Waktu pasar lama tutup, berapa harga kopi?", None, &index);
    let clause = siblings::clause_terms(&q);
    assert!(!clause.is_empty());
    let share = |doc| siblings::clause_share(&clause, &index, doc);
    assert!(share(0) > share(1), "{} vs {}", share(0), share(1));
}

#[test]
fn a_year_the_text_only_recalls_conflicts_when_the_title_names_another() {
    use crate::nlu::testing::plain_article;
    let lx = lexicon();
    let a = plain_article(
        1,
        "Final Piala Kota 2031\n\nTanggal: Minggu, 7 Desember 2031 / 10:00 WIB\n\nTim Hijau juara Piala Kota 2031, setelah juara pada 2029.\n",
    );
    let b = plain_article(
        2,
        "Final Piala Kota 2029\n\nTanggal: Minggu, 2 Desember 2029 / 10:00 WIB\n\nTim Hijau juara Piala Kota 2029.\n",
    );
    let dix = DateIndex::build(&[a, b], &lx);
    let conflict = |raw: &str, rivals: &[usize]| {
        dix.conflict(
            0,
            &dates::of_question(raw, &lx).dates,
            false,
            rivals,
            |_| true,
        )
    };
    assert_eq!(conflict("Siapa juara Piala Kota 2031?", &[0, 1]), 0.0);
    assert_eq!(
        conflict("Siapa juara Piala Kota 2029?", &[0, 1]),
        1.0,
        "recalled only, and the 2029 report is a candidate"
    );
    assert_eq!(
        conflict("Siapa juara Piala Kota 2030?", &[0, 1]),
        1.0,
        "never named"
    );
}

#[test]
fn a_recalled_year_the_quoted_paragraph_names_agrees_when_no_report_of_it_is_a_candidate() {
    use crate::nlu::testing::plain_article;
    let lx = lexicon();
    let a = plain_article(
        1,
        "Flu di Lumbung Mereda pada 2031\n\nTanggal: Selasa, 10 Februari 2032 / 10:00 WIB\n\nDinas mencatat 1.200 kasus flu pada 2029, 1.500 kasus pada 2030 dan 900 kasus pada 2031.\n",
    );
    let dix = DateIndex::build(&[a], &lx);
    let q = dates::of_question("Berapa kasus flu di Lumbung pada tahun 2029?", &lx).dates;
    assert_eq!(
        dix.conflict(0, &q, false, &[0], |y| y == 2029),
        0.0,
        "the series names it"
    );
    assert_eq!(
        dix.conflict(0, &q, false, &[0], |_| false),
        1.0,
        "another paragraph quoted"
    );
}

#[test]
fn a_monthly_release_is_about_its_reference_month_not_its_publication_month() {
    use crate::nlu::testing::plain_article;
    let lx = lexicon();
    let a = plain_article(
        1,
        "Indeks Kopi Maret 2031 Naik 1,5 Persen\n\nTanggal: Selasa, 1 April 2031 / 10:00 WIB\n\nIndeks kopi pada Maret 2031 naik 1,5 persen, lebih tinggi dari bulan sebelumnya, yakni 1,2 persen, kata kepala dinas, Selasa (1/4).\n",
    );
    let dix = DateIndex::build(&[a], &lx);
    let q = |raw: &str| dates::of_question(raw, &lx);
    let conflict = |raw: &str| {
        let qd = q(raw);
        dix.conflict(0, &qd.dates, qd.names_release, &[0], |_| false)
    };
    let agreement = |raw: &str| {
        let qd = q(raw);
        dix.agreement(0, &qd.dates, qd.names_release)
    };
    assert_eq!(conflict("Indeks kopi Maret 2031 berapa?"), 0.0);
    assert_eq!(agreement("Indeks kopi Maret 2031 berapa?"), 1.0);
    // Published in April, about March: an April question is about a report it is not.
    assert_eq!(conflict("Indeks kopi April 2031 berapa?"), 1.0);
    assert!(agreement("Indeks kopi April 2031 berapa?") < 0.0);
    // Unless it names the release, or the day.
    assert_eq!(
        conflict("Pada laporan indeks kopi April 2031, berapa indeksnya?"),
        0.0
    );
    assert_eq!(
        conflict("Indeks kopi yang diumumkan 1 April 2031 berapa?"),
        0.0
    );
    // "Bulan sebelumnya" in a release on March is February.
    assert_eq!(conflict("Indeks kopi Februari 2031 berapa?"), 0.0);
    assert_eq!(conflict("Indeks kopi Januari 2031 berapa?"), 1.0);
    // Named only to compare, February agrees less than with the release on February.
    let february = agreement("Indeks kopi Februari 2031 berapa?");
    assert!(february > 0.0 && february < 1.0, "{february}");
}

#[test]
fn a_full_year_report_is_about_its_reference_year_not_its_publication_year() {
    use crate::nlu::testing::plain_article;
    let lx = lexicon();
    let a = plain_article(
        1,
        "Laba Koperasi Contoh 2031 Turun 12 Persen\n\nTanggal: Kamis, 29 Januari 2032 / 10:00 WIB\n\nKoperasi Contoh membukukan laba Rp 3,1 miliar sepanjang 2031, turun dari tahun sebelumnya yang Rp 3,5 miliar.\n",
    );
    let dix = DateIndex::build(&[a], &lx);
    let conflict = |raw: &str| {
        let qd = dates::of_question(raw, &lx);
        dix.conflict(0, &qd.dates, qd.names_release, &[0], |_| false)
    };
    assert_eq!(conflict("Laba Koperasi Contoh 2031 berapa?"), 0.0);
    // "Tahun sebelumnya" in the report on 2031 is 2030.
    assert_eq!(conflict("Laba Koperasi Contoh 2030 berapa?"), 0.0);
    // Published in 2032, about 2031: a question on 2032 is about a report it is not.
    assert_eq!(conflict("Laba Koperasi Contoh sepanjang 2032 berapa?"), 1.0);
}

#[test]
fn a_figure_question_narrowing_its_noun_with_a_word_the_report_never_writes_is_about_another_thing()
{
    let lx = lexicon();
    let index = crate::nlu::testing::one_article_index(
        "Penumpang Pesawat Naik\n\nJumlah penumpang pesawat domestik bulan ini 8,1 juta orang.\n",
    );
    let absent = |raw: &str| evidence::phrase_absent(&analyse(raw, None, &index), &index, 0, &lx);
    assert_eq!(absent("Berapa jumlah penumpang kereta api bulan ini?"), 1.0);
    assert_eq!(absent("Berapa jumlah penumpang pesawat domestik?"), 0.0);
    // The noun itself is the reader's word for the measure as often as the report's.
    assert_eq!(absent("Berapa total penumpang pesawat?"), 0.0);
    // Words after a question word met late are an afterthought, not the phrase asked about.
    assert_eq!(absent("penumpang naik brp sih kereta api"), 0.0);
    // Only a figure's question: after "siapa" a role is the reader's category for a name.
    assert_eq!(absent("Siapa pejabat kereta api yang bicara?"), 0.0);
}

#[test]
fn a_narrowing_word_the_report_writes_in_a_thesaurus_word_is_not_absent() {
    let lx = lexicon();
    let index = crate::nlu::testing::one_article_index(
        "Harga Telur Naik\n\nHarga telur bebek di Lumbung naik jadi Rp 3.000 per butir.\n",
    );
    let absent = |raw: &str| evidence::phrase_absent(&analyse(raw, None, &index), &index, 0, &lx);
    // mythes-id gives "bebek" for "itik".
    assert_eq!(absent("Berapa harga telur itik di Lumbung?"), 0.0);
    assert_eq!(absent("Berapa harga telur puyuh di Lumbung?"), 1.0);
}

/// The topic [`same_topic`] gives a "terbaru" question over `texts` (ids 11, 12, … in the index).
fn latest_topic(texts: &[&str], raw: &str) -> Vec<usize> {
    let lx = lexicon();
    let index = crate::nlu::testing::seed_archive_index(texts);
    let qd = dates::of_question(raw, &lx);
    assert!(qd.latest);
    let asked = analyse(raw, None, &index);
    let q = without_date_words(std::borrow::Cow::Borrowed(&asked), &qd);
    let ranked = article::rank(&q, &index, None, None);
    same_topic(&q, &qd, &ranked, &index)
}

#[test]
fn for_the_newest_report_a_headline_sharing_only_a_modifier_of_what_is_counted_is_another_subject()
{
    let topic = latest_topic(
        &[
            // Best by words (its later paragraph echoes the question), headlined on fares.
            "Begini Cara Menahan Lonjakan Harga Tiket Kapal\n\nPemerintah menyiapkan insentif agar harga tiket kapal tidak melonjak saat libur.\n\nPenumpang kapal domestik saat libur diperkirakan 3 juta, penumpang kapal domestik terbanyak.\n",
            "Penumpang Kapal Domestik Capai 2 Juta\n\nJumlah penumpang kapal domestik pada Mei 2031 mencapai 2 juta orang.\n",
        ],
        "penumpang kapal domestik yang terbaru berapa?",
    );
    assert!(topic.contains(&12), "{topic:?}");
    assert!(!topic.contains(&11), "{topic:?}");
}

#[test]
fn for_the_newest_report_one_headlined_in_other_words_whose_lead_holds_most_of_the_subject_is_on_it()
 {
    let topic = latest_topic(
        &[
            "Koperasi Sejahtera Tunggu Izin Pembagian Dividen Interim\n\nKoperasi Sejahtera menargetkan laba Rp 5 miliar dan membagi dividen interim akhir tahun.\n\nTerkait dividen interim, Koperasi Sejahtera membagikan dividen interim Rp 50 per saham.\n",
            "Bos Koperasi Sejahtera Beri Bocoran Dividen Jumbo\n\nKoperasi Sejahtera memberi kisi-kisi soal pembagian dividen kepada pemegang saham.\n\nSebagai catatan, koperasi telah membagikan dividen interim Rp 84 per saham.\n",
        ],
        "dividen interim Koperasi Sejahtera yang terbaru berapa per saham?",
    );
    assert!(topic.contains(&11) && topic.contains(&12), "{topic:?}");
}

#[test]
fn for_the_newest_report_a_headline_naming_what_is_asked_only_through_an_abbreviation_is_another_subject()
 {
    let topic = latest_topic(
        &[
            "Harga Garam Lumbung Turun\n\nHarga garam di Lumbung turun. Pembeli kini menilai mutu garam halus dengan uji 3 tahap.\n",
            "Gula Sukamaju Naik, MGH Kelas Satu Rp 9.000\n\nGula Sukamaju dijual menurut mutu gula halus (MGH). Gula MGH kelas satu naik jadi Rp 9.000.\n",
        ],
        "Berapa mutu halus garam Lumbung yang terbaru?",
    );
    assert!(topic.contains(&11), "{topic:?}");
    assert!(!topic.contains(&12), "{topic:?}");
}

#[test]
fn the_article_weights_decide_how_much_a_date_the_question_names_counts() {
    use crate::nlu::intents::Intents;
    use crate::nlu::testing::plain_article;
    let lx = lexicon();
    let articles = [
        plain_article(
            1,
            "Harga Kopi Sukamaju Naik\n\nTanggal: Senin, 3 Maret 2031 / 10:00 WIB\n\nHarga kopi naik menjadi Rp 50.000 per kilogram.\n",
        ),
        plain_article(
            2,
            "Harga Kopi Sukamaju Naik Lagi\n\nTanggal: Senin, 1 Maret 2032 / 10:00 WIB\n\nHarga kopi Sukamaju naik lagi menjadi Rp 60.000 per kilogram, harga kopi Sukamaju tertinggi.\n",
        ),
    ];
    let index = Index::build(&articles, std::iter::empty(), lx.clone());
    let dix = DateIndex::build(&articles, &lx);
    let raw = "Berapa harga kopi Sukamaju pada Maret 2031?";
    let qd = dates::of_question(raw, &lx);
    let asked = analyse(raw, None, &index);
    let q = without_date_words(std::borrow::Cow::Borrowed(&asked), &qd);
    let intents = Intents::builtin();
    let shipped = ArticleWeights::builtin();
    let rows = article_rows(&q, &qd, &index, &dix, None, &shipped, &lx);
    let row = |doc: usize| rows.iter().find(|r| r.doc == doc).unwrap();
    assert!(
        row(1).base > row(0).base,
        "the words favour the newer report"
    );
    assert!(row(0).evidence.date > row(1).evidence.date, "{rows:?}");
    let doc_with = |w: &ArticleWeights| {
        choose(
            &q,
            &qd,
            &index,
            &dix,
            None,
            &intents.thresholds,
            &intents.decision,
            w,
            &intents.passage,
            &lx,
        )
        .unwrap()
        .doc
    };
    assert_eq!(
        doc_with(&shipped),
        0,
        "the date the question names picks its report"
    );
    let dateless = ArticleWeights {
        date: 0.0,
        title_date: 0.0,
        whole_year: 0.0,
        ..shipped
    };
    assert_eq!(
        doc_with(&dateless),
        1,
        "without the date's weight the words decide"
    );
}
