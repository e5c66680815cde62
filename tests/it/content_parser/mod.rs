//! Black-box tests of the page parser: the seed page, a second page of the same form, the plain-text
//! form and the JSON shape of ticker numbers; [`edges`] holds every refused input and the odd ones.

mod edges;

use newsdesk::content::{
    MAX_INPUT_BYTES, PageForm, ParseError, ParsedArticle, TickerItem, content_hash, detect_form,
    format_id_number, parse,
};

const SEED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/content/kontan-whatsapp-privasi-2021.txt"
));
const DEPOSITO: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/kontan-deposito-bank-digital-2024.txt"
));
const PAKET_DATA: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/plain-paket-data-internet.txt"
));

/// Words and marks of site furniture that no paragraph may hold (case matters: `terbaru` is a word,
/// `TERBARU` the trailer heading).
const BOILERPLATE: &[&str] = &[
    "KONTAN.CO.ID - ",
    "banner langganan",
    "INDIKATOR",
    "TERBARU",
    "Kontan Academy",
    "Google News",
    "[X]",
    "×",
    "Baca Juga",
    "ILUSTRASI",
    "Reporter:",
    "Editor:",
    "•",
    "\u{a0}",
];

fn parsed(raw: &[u8]) -> ParsedArticle {
    parse(raw).unwrap_or_else(|e| panic!("expected the page to parse, got: {e}"))
}

fn item<'a>(article: &'a ParsedArticle, name: &str) -> &'a TickerItem {
    article
        .ticker
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no ticker item {name}"))
}

fn assert_clean_paragraphs(article: &ParsedArticle) {
    for paragraph in &article.paragraphs {
        assert_ne!(paragraph, &article.title, "the headline became a paragraph");
        assert_eq!(paragraph.trim(), paragraph, "untrimmed: {paragraph:?}");
        assert!(!paragraph.contains("  "), "unsqueezed: {paragraph:?}");
        for word in BOILERPLATE {
            assert!(
                !paragraph.contains(word),
                "{word:?} reached a paragraph: {paragraph:?}"
            );
        }
    }
}

#[test]
fn the_seed_page_gives_every_field() {
    let article = parsed(SEED);
    assert_eq!(
        article.title,
        "Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp"
    );
    assert_eq!(
        article.published_at.unwrap().to_rfc3339(),
        "2021-01-13T18:35:00+07:00"
    );
    assert_eq!(article.reporter.as_deref(), Some("Ahmad Febrian"));
    assert_eq!(article.editor.as_deref(), Some("Ahmad Febrian"));
    assert_eq!(article.source.as_deref(), Some("KONTAN.CO.ID - JAKARTA"));
    assert_eq!(
        article.caption.as_deref(),
        Some("Kebijakan privasi baru WhatsApp")
    );
    assert_eq!(
        detect_form(std::str::from_utf8(SEED).unwrap()),
        PageForm::Kontan
    );
}

#[test]
fn the_seed_page_body_is_nine_clean_paragraphs_without_the_dateline() {
    let article = parsed(SEED);
    assert_eq!(article.paragraphs.len(), 9, "{:#?}", article.paragraphs);
    assert!(
        article.paragraphs[0].starts_with("Beberapa hari terakhir pengguna WhatsApp heboh."),
        "{:?}",
        article.paragraphs[0]
    );
    assert!(article.paragraphs[0].ends_with("data pengguna ke Facebook."));
    assert!(article.paragraphs[8].ends_with("hanya melalui WhatsApp."));
    // Curly quotes and the article's own words stay as written.
    assert!(article.paragraphs[3].contains("“”WhatsApp juga tidak dapat melihat pesan pribadi"));
    assert!(article.paragraphs[5].contains("Terkait hal tersebut WhatsApp ingin"));
    assert_clean_paragraphs(&article);
}

#[test]
fn the_seed_page_ticker_has_eleven_items_in_page_order() {
    let article = parsed(SEED);
    let names: Vec<&str> = article.ticker.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "EMAS",
            "USD/IDR",
            "IDX",
            "KOMPAS100",
            "LQ45",
            "ISSI",
            "IDX30",
            "IDXHIDIV20",
            "IDX80",
            "IDXV30",
            "IDXQ30"
        ]
    );
    let gold = item(&article, "EMAS");
    assert_eq!(
        (gold.value, gold.change, gold.change_pct),
        (1_546_000.0, 5000.0, 0.32)
    );
    let usd = item(&article, "USD/IDR");
    assert_eq!(
        (usd.value, usd.change, usd.change_pct),
        (16205.0, -5.0, -0.03)
    );
    let idx = item(&article, "IDX");
    assert_eq!(
        (idx.value, idx.change, idx.change_pct),
        (7065.0, -15.76, -0.22)
    );
    let q30 = item(&article, "IDXQ30");
    assert_eq!(
        (q30.value, q30.change, q30.change_pct),
        (140.0, -0.22, -0.16)
    );
}

#[test]
fn ticker_numbers_serialise_integral_values_without_a_fraction() {
    let article = parsed(SEED);
    let json = serde_json::to_string(item(&article, "EMAS")).unwrap();
    assert_eq!(
        json,
        r#"{"name":"EMAS","value":1546000,"change":5000,"change_pct":0.32}"#
    );
    let json = serde_json::to_string(item(&article, "USD/IDR")).unwrap();
    assert_eq!(
        json,
        r#"{"name":"USD/IDR","value":16205,"change":-5,"change_pct":-0.03}"#
    );
}

#[test]
fn ticker_items_read_back_from_integer_and_float_json() {
    let from_ints: TickerItem =
        serde_json::from_str(r#"{"name":"EMAS","value":1546000,"change":5000,"change_pct":0.32}"#)
            .unwrap();
    let from_floats: TickerItem = serde_json::from_str(
        r#"{"name":"EMAS","value":1546000.0,"change":5000.0,"change_pct":0.32}"#,
    )
    .unwrap();
    assert_eq!(from_ints, from_floats);
    assert_eq!(from_ints.value, 1_546_000.0);
    let round_trip: ParsedArticle =
        serde_json::from_str(&serde_json::to_string(&parsed(SEED)).unwrap()).unwrap();
    assert_eq!(round_trip, parsed(SEED));
}

#[test]
fn ticker_values_are_quoted_back_as_the_page_wrote_them() {
    let article = parsed(SEED);
    let gold = item(&article, "EMAS");
    assert_eq!(format_id_number(gold.value), "1.546.000");
    assert_eq!(
        (
            gold.value_text(),
            gold.change_text(),
            gold.change_pct_text()
        ),
        (
            "1.546.000".to_string(),
            "5.000".to_string(),
            "0,32%".to_string()
        )
    );
    let usd = item(&article, "USD/IDR");
    assert_eq!(format_id_number(usd.change_pct), "-0,03");
    assert_eq!(
        (usd.value_text(), usd.change_text(), usd.change_pct_text()),
        (
            "16.205".to_string(),
            "-5,00".to_string(),
            "-0,03%".to_string()
        )
    );
}

#[test]
fn a_second_kontan_page_with_other_ticker_people_and_date_is_read() {
    let article = parsed(DEPOSITO);
    assert_eq!(
        article.title,
        "Bunga deposito bank digital masih tinggi, LPS ingatkan batas bunga penjaminan"
    );
    assert_eq!(
        article.published_at.unwrap().to_rfc3339(),
        "2024-08-05T09:10:00+07:00"
    );
    assert_eq!(article.reporter.as_deref(), Some("Rina Astuti Wibowo"));
    assert_eq!(article.editor.as_deref(), Some("Bambang Sulistyo"));
    assert_eq!(article.source.as_deref(), Some("KONTAN.CO.ID - JAKARTA"));
    assert_eq!(
        article.caption.as_deref(),
        Some("Nasabah melakukan transaksi melalui aplikasi bank digital di Jakarta")
    );
    assert_eq!(article.paragraphs.len(), 8, "{:#?}", article.paragraphs);
    assert!(article.paragraphs[0].starts_with("Sejumlah bank digital masih menawarkan"));
    assert!(article.paragraphs[7].ends_with("lebih kecil dari angka yang diiklankan."));
    assert_clean_paragraphs(&article);
    for paragraph in &article.paragraphs {
        assert!(
            !paragraph.contains("Kelas Online"),
            "course promotion leaked: {paragraph:?}"
        );
        assert!(
            !paragraph.contains("Daftar sekarang"),
            "promotion leaked: {paragraph:?}"
        );
    }

    assert_eq!(article.ticker.len(), 9);
    let gold = item(&article, "EMAS");
    assert_eq!(
        (gold.value, gold.change, gold.change_pct),
        (1_392_000.0, -8000.0, -0.57)
    );
    let usd = item(&article, "USD/IDR");
    assert_eq!(
        (usd.value, usd.change, usd.change_pct),
        (16180.0, 42.0, 0.26)
    );
    let idx = item(&article, "IDX");
    assert_eq!(
        (idx.value, idx.change, idx.change_pct),
        (7059.0, -249.73, -3.4)
    );
}

#[test]
fn a_plain_text_article_gives_title_labelled_fields_and_paragraphs() {
    assert_eq!(
        detect_form(std::str::from_utf8(PAKET_DATA).unwrap()),
        PageForm::Plain
    );
    let article = parsed(PAKET_DATA);
    assert_eq!(
        article.title,
        "Operator seluler sesuaikan harga paket data, pelanggan prabayar diminta cek kuota"
    );
    assert_eq!(
        article.published_at.unwrap().to_rfc3339(),
        "2024-03-05T00:00:00+07:00"
    );
    assert_eq!(article.reporter.as_deref(), Some("Yoga Pratama Nugraha"));
    assert_eq!(article.editor.as_deref(), Some("Sri Wahyuningsih"));
    assert_eq!(article.source.as_deref(), Some("Redaksi Newsdesk"));
    assert_eq!(article.caption, None);
    assert!(article.ticker.is_empty());
    assert_eq!(article.paragraphs.len(), 5, "{:#?}", article.paragraphs);
    assert!(article.paragraphs[0].starts_with("Sejumlah operator seluler menyesuaikan"));
    assert!(
        article.paragraphs[3]
            .contains("di situs masing-masing operator. Pelanggan juga disarankan"),
        "lines of one paragraph are joined with a space: {:?}",
        article.paragraphs[3]
    );
    assert_clean_paragraphs(&article);
}

#[test]
fn a_plain_text_date_line_may_be_indonesian_or_english() {
    let indonesian =
        parse("Judul\nTanggal: Senin, 5 Agustus 2024 / 09:10 WIB\n\nIsi berita.".as_bytes())
            .unwrap();
    assert_eq!(
        indonesian.published_at.unwrap().to_rfc3339(),
        "2024-08-05T09:10:00+07:00"
    );
    let english =
        parse("Title\n\nDate: March 5, 2024 14:00 WITA\n\nBody text.".as_bytes()).unwrap();
    assert_eq!(
        english.published_at.unwrap().to_rfc3339(),
        "2024-03-05T14:00:00+08:00"
    );
    assert_eq!(english.paragraphs, ["Body text."]);
    let undated = parse("Title\n\nBody text.".as_bytes()).unwrap();
    assert_eq!(undated.published_at, None);
}
