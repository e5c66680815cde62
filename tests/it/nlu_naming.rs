//! How a reader says *which* report they mean (issue 8): the newest report on a market figure
//! rather than an older page's ticker, an event named before the question ("Banjir yang …, …?")
//! that picks the report while the asked part picks the paragraph, and "terbaru" over headlines
//! worded differently. The articles are written for the test (a made-up town).

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use newsdesk::content::{self, Article};
use newsdesk::nlu::{Answer, Engine, Intent, Intents, Lexicon, Question};

const SEED: &[u8] = include_bytes!("../../content/kontan-whatsapp-privasi-2021.txt");

fn article(id: i64, text: &[u8]) -> Article {
    Article {
        id,
        imported_at: Utc.with_ymd_and_hms(2024, 9, 1, 0, 0, id as u32).unwrap(),
        content_hash: content::content_hash(text),
        parsed: content::parse(text).unwrap(),
    }
}

fn engine(texts: &[&str], with_seed: bool) -> Engine {
    let mut articles = Vec::new();
    if with_seed {
        articles.push(article(1, SEED));
    }
    articles.extend(
        (2..)
            .zip(texts)
            .map(|(id, text)| article(id, text.as_bytes())),
    );
    Engine::build(
        Arc::new(Intents::builtin()),
        Arc::new(Lexicon::builtin()),
        &articles,
    )
}

fn ask(e: &Engine, q: &str) -> Answer {
    e.answer(&Question::new(q))
}

const GOLD_2024: &str = "Harga Emas Lumbung Naik ke Rp1.900.000 per Gram

Tanggal: Senin, 2 September 2024 / 09:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Harga emas batangan di Kota Lumbung naik Rp15.000 menjadi Rp1.900.000 per gram pada Senin (2/9/2024).

Pedagang emas di pasar Lumbung mengatakan pembeli ramai sejak pagi.
";

#[test]
fn a_figure_asked_now_comes_from_a_report_newer_than_the_ticker_page() {
    let a = ask(&engine(&[GOLD_2024], true), "harga emas sekarang berapa?");
    assert_eq!(a.intent, Intent::Article, "{a:?}");
    assert_eq!(a.sources[0].article_id, 2, "{a:?}");
    assert!(a.text.contains("Rp1.900.000"), "{}", a.text);
}

#[test]
fn with_no_newer_report_on_the_figure_the_ticker_answers() {
    let a = ask(&engine(&[], true), "harga emas sekarang berapa?");
    assert_eq!(a.intent, Intent::Ticker, "{a:?}");
}

const FLOOD_FEB: &str = "Banjir Rendam 12 Desa di Kota Lumbung

Tanggal: Senin, 5 Februari 2024 / 10:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Banjir merendam 12 desa di Kota Lumbung setelah hujan deras sejak Minggu malam, dan ratusan warga mengungsi ke posko.

Posko pengungsian di balai kota dilengkapi dapur umum dan layanan kesehatan, kata Kepala BPBD Lumbung Sari Wulandari.

Air mulai surut pada Senin sore, menurut petugas.
";

const FLOOD_MAR: &str = "Banjir Kembali Rendam 30 Desa di Kota Lumbung

Tanggal: Sabtu, 16 Maret 2024 / 15:00 WIB
Reporter: Redaksi Uji

LUMBUNG - Banjir kembali merendam 30 desa di Kota Lumbung akibat tanggul sungai jebol, dan ribuan warga mengungsi ke posko.

Posko pengungsian di stadion dilengkapi tenda dan selimut, kata Kepala BPBD Lumbung Sari Wulandari.

Bantuan logistik datang dari provinsi pada Sabtu siang.
";

#[test]
fn an_event_named_before_the_question_picks_the_report_and_the_asked_part_its_paragraph() {
    let e = engine(&[FLOOD_FEB, FLOOD_MAR], false);
    let a = ask(
        &e,
        "Banjir yang merendam 12 desa, posko pengungsiannya dilengkapi apa?",
    );
    assert!(a.answered && a.sources[0].article_id == 2, "{a:?}");
    assert!(a.text.contains("dapur umum"), "{}", a.text);
    let a = ask(
        &e,
        "Banjir yang merendam 30 desa, posko pengungsiannya dilengkapi apa?",
    );
    assert!(a.answered && a.sources[0].article_id == 3, "{a:?}");
    assert!(a.text.contains("tenda dan selimut"), "{}", a.text);
}
