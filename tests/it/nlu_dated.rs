//! Same-topic reports in one archive (issue 8): the date, the figure or "terbaru" a reader writes
//! picks the report, and a time no report covers is refused. The articles are written for the test
//! (a made-up town), so nothing here can be a rule fitted to the archive's own articles. Also: a
//! process noun asked about ("penurunan") is met by its root in the report ("turun").

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use newsdesk::content::{self, Article};
use newsdesk::nlu::{Answer, Engine, Intents, Lexicon, Question};

fn article(id: i64, text: &str) -> Article {
    Article {
        id,
        imported_at: Utc.with_ymd_and_hms(2024, 9, 1, 0, 0, id as u32).unwrap(),
        content_hash: content::content_hash(text.as_bytes()),
        parsed: content::parse(text.as_bytes()).unwrap(),
    }
}

const OLDER: &str = "Harga Solar di Kota Lumbung Naik Jadi Rp5.000 per Liter

Tanggal: Rabu, 10 Maret 2021 / 09:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Pemerintah Kota Lumbung menaikkan harga solar menjadi Rp5.000 per liter mulai Rabu (10/3/2021), naik 10 persen dari harga sebelumnya.

Wali Kota Lumbung Sari Wulandari mengatakan kenaikan itu mengikuti biaya angkut dari pelabuhan.

Antrean kendaraan sempat terlihat di sejumlah SPBU sebelum harga baru berlaku.
";

const NEWER: &str = "Harga Solar di Kota Lumbung Naik Lagi Jadi Rp6.500 per Liter

Tanggal: Rabu, 14 Juni 2023 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Pemerintah Kota Lumbung kembali menaikkan harga solar menjadi Rp6.500 per liter mulai Rabu (14/6/2023), naik 30 persen dari harga sebelumnya.

Wali Kota Lumbung Sari Wulandari mengatakan kenaikan itu mengikuti harga minyak dunia.

Nelayan meminta subsidi agar biaya melaut tidak ikut melonjak.
";

const OTHER: &str = "Pasar Malam Kota Lumbung Dibuka Lagi

Tanggal: Jumat, 1 September 2023 / 19:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Pasar malam di alun-alun Kota Lumbung dibuka lagi setelah tiga tahun, dengan 120 pedagang.

Pengunjung memadati alun-alun sejak sore, kata petugas parkir.
";

fn engine() -> Engine {
    engine_of(&[article(1, OLDER), article(2, NEWER), article(3, OTHER)])
}

/// An engine over `articles` with the built-in intents and lexicon.
fn engine_of(articles: &[Article]) -> Engine {
    Engine::build(
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        articles,
    )
}

fn ask(e: &Engine, q: &str) -> Answer {
    e.answer(&Question::new(q))
}

#[test]
fn terbaru_quotes_the_newest_report_on_the_topic() {
    let a = ask(&engine(), "Berapa harga solar di Kota Lumbung terbaru?");
    assert!(a.answered && a.sources[0].article_id == 2, "{a:?}");
    assert!(a.text.contains("Rp6.500"));
}

#[test]
fn a_month_and_year_pick_the_report_of_that_time() {
    let a = ask(
        &engine(),
        "Berapa harga solar di Kota Lumbung pada Maret 2021?",
    );
    assert!(a.answered && a.sources[0].article_id == 1, "{a:?}");
    assert!(a.text.contains("Rp5.000"));
}

#[test]
fn a_figure_the_reader_quotes_picks_the_report_that_holds_it() {
    let a = ask(
        &engine(),
        "Harga solar Kota Lumbung yang naik 30 persen jadi berapa?",
    );
    assert!(a.answered && a.sources[0].article_id == 2, "{a:?}");
}

#[test]
fn a_year_no_report_covers_is_refused() {
    let a = ask(
        &engine(),
        "Berapa harga solar di Kota Lumbung pada Januari 2019?",
    );
    assert!(!a.answered, "{a:?}");
}

const YEAR_REVIEW: &str = "Inflasi Kota Lumbung Sepanjang 2023 Capai 4 Persen

Tanggal: Selasa, 2 Januari 2024 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Badan statistik Kota Lumbung mencatat inflasi Kota Lumbung sepanjang 2023 mencapai 4 persen, didorong harga beras.

Kepala badan statistik Kota Lumbung Dewi Lestari mengatakan harga cabai ikut naik.
";

const MID_YEAR: &str = "Inflasi Kota Lumbung Bulan Juni Capai 3 Persen

Tanggal: Jumat, 14 Juli 2023 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Badan statistik Kota Lumbung mencatat inflasi Kota Lumbung bulan Juni mencapai 3 persen, didorong harga beras.

Kepala badan statistik Kota Lumbung Dewi Lestari mengatakan harga bawang ikut naik.
";

#[test]
fn a_year_the_title_names_picks_that_report_over_one_merely_published_then() {
    let e = engine_of(&[article(4, MID_YEAR), article(5, YEAR_REVIEW)]);
    let a = ask(&e, "Berapa inflasi Kota Lumbung 2023?");
    assert!(a.answered && a.sources[0].article_id == 5, "{a:?}");
}

const NINE_MONTHS: &str = "Laba Koperasi Lumbung Naik 12 Persen

Tanggal: Kamis, 16 Oktober 2031 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Koperasi Lumbung membukukan laba Rp 2,4 miliar hingga September 2031, naik 12 persen dari periode yang sama tahun lalu.

Ketua Koperasi Lumbung Jun Sartono mengatakan penjualan kopi anggota ikut naik.
";

const WHOLE_YEAR: &str = "Koperasi Lumbung Siapkan Pembagian Sisa Hasil Usaha

Tanggal: Rabu, 28 Januari 2032 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Koperasi Lumbung membukukan laba Rp 3,1 miliar sepanjang 2031 dan menyiapkan pembagian sisa hasil usaha kepada anggota.

Ketua Koperasi Lumbung Jun Sartono mengatakan rapat anggota digelar Maret.
";

#[test]
fn a_year_asked_alone_picks_the_report_on_the_whole_year_over_one_from_within_it() {
    // Neither title names the year: the report out the next January on the year's total is
    // about the year asked; the one from October gives part of it.
    let e = engine_of(&[article(6, NINE_MONTHS), article(7, WHOLE_YEAR)]);
    let a = ask(&e, "Berapa laba Koperasi Lumbung 2031?");
    assert!(a.answered && a.sources[0].article_id == 7, "{a:?}");
    assert!(a.text.contains("Rp 3,1 miliar"));
}

const VILLAGE: &str = "Harga Solar di Desa Karangtengah Naik Jadi Rp5.500 per Liter

Tanggal: Senin, 7 Februari 2022 / 09:00 WIB
Reporter: Redaksi Uji

KARANGTENGAH - Pengecer di Desa Karangtengah menaikkan harga solar menjadi Rp5.500 per liter mulai Senin (7/2/2022).

Kepala Desa Karangtengah Bagas Wiratama mengatakan pasokan dari kota terlambat sepekan.
";

#[test]
fn terbaru_with_a_place_only_an_older_report_names_quotes_that_report() {
    // The newest report on the topic is another town's: "terbaru" asks for the newest report
    // holding what the question names, not for one that never mentions the place.
    let e = engine_of(&[article(1, OLDER), article(2, NEWER), article(4, VILLAGE)]);
    let a = ask(&e, "Berapa harga solar terbaru di Karangtengah?");
    assert!(a.answered && a.sources[0].article_id == 4, "{a:?}");
    let a = ask(&e, "Berapa harga solar di Kota Lumbung terbaru?");
    assert!(a.answered && a.sources[0].article_id == 2, "{a:?}");
}

const PARKING: &str = "Tarif Parkir Mobil di Kota Lumbung Turun

Tanggal: Senin, 5 Agustus 2024 / 09:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Pemerintah Kota Lumbung memangkas tarif parkir mobil di alun-alun mulai Senin (5/8/2024).

Tarif parkir mobil turun 20 persen menjadi Rp4.000 sekali parkir, kata Kepala Dinas Perhubungan Kota Lumbung Rudi Hartono.
";

#[test]
fn a_process_noun_asked_about_is_met_by_its_root_the_report_writes() {
    // "penurunan" is what "turun" names: the stemmer leaves it at another stem ("urun"), but the
    // report that says the tariff "turun" speaks of the decrease asked about.
    let e = engine_of(&[article(1, OLDER), article(5, PARKING)]);
    let a = ask(
        &e,
        "Berapa persen penurunan tarif parkir mobil di Kota Lumbung?",
    );
    assert!(a.answered && a.sources[0].article_id == 5, "{a:?}");
    assert!(a.text.contains("20 persen"), "{a:?}");
}

const MARCH_RELEASE: &str = "Indeks Kopi Lumbung Maret 2031 Naik 1,5 Persen

Tanggal: Selasa, 1 April 2031 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Indeks kopi Kota Lumbung pada Maret 2031 naik 1,5 persen dibanding bulan sebelumnya.

Angka itu diumumkan Kepala Dinas Pangan Kota Lumbung Rina Paramitha di balai kota.
";

fn march_release_only() -> Engine {
    engine_of(&[article(1, MARCH_RELEASE)])
}

#[test]
fn a_monthly_figure_is_dated_by_its_reference_month_but_who_said_it_by_the_day_it_came_out() {
    // Out on 1 April about March: April's figure is not in it, but the official who spoke in April is.
    let e = march_release_only();
    let person = ask(&e, "Siapa kepala dinas pangan Lumbung pada April 2031?");
    assert!(
        person.answered && person.sources[0].article_id == 1,
        "{person:?}"
    );
}

const STALLS_OLD: &str = "Survei Pasar: Tarif Los Lumbung di Awal 2029 Naik

Tanggal: Senin, 14 Mei 2029 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Dinas Pasar Kota Lumbung mencatat sewa kios di pasar induk naik 2,4 persen pada awal 2029.

Kenaikan sewa kios terjadi pada semua blok pasar, kata Kepala Dinas Pasar Rina Astuti.
";

const STALLS_NEW: &str = "Tarif Los Lumbung Tumbuh 3,6 Persen pada Triwulan III/2031

Tanggal: Selasa, 15 November 2031 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Dinas Pasar Kota Lumbung mencatat sewa kios di pasar induk naik 3,6 persen pada triwulan III 2031.

Kenaikan sewa kios tertinggi terjadi di blok timur, kata Kepala Dinas Pasar Rina Astuti.
";

const FEE_NEWEST: &str = "Iuran Sampah Kota Lumbung Naik Jadi Rp20.000

Tanggal: Rabu, 2 Januari 2032 / 09:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Iuran sampah rumah tangga di Kota Lumbung naik menjadi Rp20.000 per bulan, dan sewa kios di pasar induk ikut dikenai iuran baru.

Warga meminta pengangkutan sampah lebih sering.
";

#[test]
fn terbaru_takes_no_topic_from_how_a_headline_says_a_figure_moved() {
    // The oldest report's headline says "naik" and names nothing else the question asks: a
    // gradable word names no topic, so the newest report saying "naik" of another figure is not
    // the newest on the question's topic.
    let e = engine_of(&[
        article(1, STALLS_OLD),
        article(2, STALLS_NEW),
        article(3, FEE_NEWEST),
    ]);
    let a = ask(&e, "sewa kios yang terbaru naik berapa persen?");
    assert!(a.answered && a.sources[0].article_id == 2, "{a:?}");
    assert!(a.text.contains("3,6 persen"), "{a:?}");
}

const RUPIAH: &str = "Rupiah Ditutup Melemah ke Rp20.150 per Dolar AS

Tanggal: Senin, 3 Maret 2031 / 16:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Kurs rupiah terhadap dolar AS ditutup melemah 0,4 persen ke level Rp20.150 per dolar AS pada Senin (3/3/2031).

Analis Bank Lumbung Jun Sartono mengatakan pelemahan dipicu harga kopi dunia.
";

#[test]
fn an_indicator_no_ticker_holds_is_answered_from_a_report_on_it() {
    // The archive's pages carry no ticker: the report on the rupiah's close answers, rather
    // than a reply that no indicator is held.
    let e = engine_of(&[article(8, RUPIAH), article(3, OTHER)]);
    for q in [
        "Kurs rupiah terhadap dolar terbaru berapa?",
        "What's the latest rupiah exchange rate against the dollar?",
    ] {
        let a = ask(&e, q);
        assert!(a.answered && a.sources[0].article_id == 8, "{q}: {a:?}");
        assert!(a.text.contains("Rp20.150"), "{q}: {}", a.text);
    }
}

const COOPERATIVE_OLDER: &str = "Harga Solar di Kota Lumbung Ditetapkan Rp5.000 per Liter

Tanggal: Rabu, 10 Maret 2021 / 09:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Pemerintah Kota Lumbung menetapkan harga solar Rp5.000 per liter mulai Rabu (10/3/2021).

Penetapan harga itu melibatkan langsung Ketua Koperasi Nelayan Lumbung Dimas Pratama.
";

const COOPERATIVE_NEWER: &str = "Harga Solar di Kota Lumbung Ditetapkan Rp6.500 per Liter

Tanggal: Rabu, 14 Juni 2023 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Pemerintah Kota Lumbung menetapkan harga solar Rp6.500 per liter mulai Rabu (14/6/2023).

Nelayan di pelabuhan meminta subsidi agar biaya melaut tidak ikut melonjak.
";

#[test]
fn with_no_date_the_newest_report_never_speaking_of_what_is_asked_does_not_win_the_tie() {
    // Only the older report speaks of the cooperative's head; the newest report on the topic
    // would win a near tie on recency alone.
    let e = engine_of(&[article(1, COOPERATIVE_OLDER), article(2, COOPERATIVE_NEWER)]);
    let a = ask(
        &e,
        "siapa ketua yang ikut menetapkan harga solar di Lumbung?",
    );
    assert!(a.answered && a.sources[0].article_id == 1, "{a:?}");
}

const DAM_OLDER: &str = "Bendungan Sukamaju Masih Siaga

Tanggal: Rabu, 4 Maret 2026 / 09:00 WIB
Reporter: Redaksi Uji

SUKAMAJU - Bendungan Sukamaju masih berstatus siaga, kata petugas jaga, Rabu (4/3/2026).

Berdasarkan pengukuran 1 Maret 2026, tinggi muka air waduk sudah mencapai 41,7 meter.
";

const DAM_NEWER: &str = "Pintu Air Bendungan Sukamaju Dibuka

Tanggal: Senin, 6 April 2026 / 10:00 WIB
Reporter: Redaksi Uji

SUKAMAJU - Petugas membuka dua pintu air Bendungan Sukamaju pada Senin (6/4/2026).

Warga di hilir bendungan diminta menjauhi bantaran sungai, kata petugas jaga.
";

#[test]
fn the_last_of_a_series_the_newest_report_never_speaks_of_is_read_in_an_older_one() {
    // "Pengukuran terakhir" is the last measurement, not the newest report: only the older
    // report speaks of the reservoir's water level. (Ten articles or more, for rarity to be read.)
    let fillers: Vec<String> = (1..=6)
        .map(|i| format!("Kerja Bakti Warga Lumbung Pekan {i}\n\nWarga Kota Lumbung menggelar kerja bakti membersihkan selokan untuk pekan ke-{i}.\n"))
        .collect();
    let mut articles = vec![
        article(1, DAM_OLDER),
        article(2, DAM_NEWER),
        article(3, OTHER),
        article(4, OLDER),
        article(5, NEWER),
        article(6, PARKING),
    ];
    articles.extend((7..).zip(&fillers).map(|(id, text)| article(id, text)));
    let e = engine_of(&articles);
    let a = ask(
        &e,
        "Berapa tinggi muka air waduk Sukamaju menurut pengukuran terakhir?",
    );
    assert!(a.answered && a.sources[0].article_id == 1, "{a:?}");
}

const PORT: &str = "Penumpang Pelabuhan Lumbung Capai 40.000 Orang hingga H+4 Lebaran

Tanggal: Senin, 15 April 2024 / 14:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Jumlah penumpang kapal di Pelabuhan Lumbung hingga H+4 Lebaran mencapai 40.000 orang, kata Kepala Pelabuhan Lumbung Dedi Kusuma, Senin (15/4/2024).

Pada H+1 penumpang tercatat 8.100 orang. Pada H+2 jumlahnya naik menjadi 9.700 orang, sedangkan pada H+3 mencapai 11.400 orang.

Dedi mengatakan kapal tambahan disiapkan hingga akhir pekan agar antrean tidak menumpuk di dermaga.
";

#[test]
fn a_day_counted_from_the_holiday_marks_the_sentence_of_that_day() {
    let e = engine_of(&[article(1, PORT)]);
    let a = ask(&e, "penumpang pelabuhan lumbung H+3 brp org?");
    let marked = a.text.split("**").nth(1).unwrap_or_default();
    assert!(a.answered && marked.contains("11.400"), "{a:?}");
}

const BUS: &str = "Trans Lumbung Angkut 12,5 Juta Penumpang pada Semester I/2031

Tanggal: Kamis, 10 Juli 2031 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Bus Trans Lumbung mengangkut 12,5 juta penumpang sepanjang semester I/2031, kata Direktur Utama Trans Lumbung Rina Prameswari.

Rata-rata penumpang harian Trans Lumbung pada paruh pertama 2031 mencapai 68.400 orang per hari.

Rina menuturkan, pada 2026 penumpang bus baru 41.000 orang per hari, sebelum jalur baru dibuka.

Rina berharap jalur baru menambah minat warga naik bus.
";

#[test]
fn a_year_other_than_the_reports_own_picks_the_paragraph_that_names_it() {
    let e = engine_of(&[article(1, BUS)]);
    let a = ask(
        &e,
        "Di laporan semester I/2031, penumpang harian Trans Lumbung pada 2026 berapa?",
    );
    assert!(a.answered && a.text.contains("41.000"), "{a:?}");
}

const WEEK_REPORT: &str = "Flu Merebak, 80 Warga Lumbung Dirawat sampai Pekan ke-10 2032

Tanggal: Jumat, 12 Maret 2032 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Sebanyak 80 warga Kota Lumbung dirawat karena flu sampai pekan ke-10 tahun 2032, menurut catatan Dinas Kesehatan.

Cuaca yang berubah-ubah disebut sebagai pemicunya, kata Kepala Dinas Kesehatan Andi Pratama.

Sebagai pembanding, Andi mengungkapkan total kasus flu sepanjang 2031 sebanyak 1.234 kasus.
";

const QUARTER_REPORT: &str = "Dinkes Catat 300 Kasus Flu di Kota Lumbung

Tanggal: Rabu, 14 April 2032 / 09:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Dinas Kesehatan Kota Lumbung mencatat 300 kasus flu sejak Januari.

Angka itu naik dari total 210 kasus flu pada periode yang sama tahun 2031.
";

#[test]
fn a_whole_year_asked_is_quoted_from_the_report_writing_that_years_whole_figure() {
    let e = engine_of(&[article(1, WEEK_REPORT), article(2, QUARTER_REPORT)]);
    let a = ask(&e, "Berapa total kasus flu di Kota Lumbung sepanjang 2031?");
    assert!(a.answered && a.sources[0].article_id == 1, "{a:?}");
    assert!(a.text.contains("1.234"), "{}", a.text);
}
