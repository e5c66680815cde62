//! Black-box tests of the page parser: the seed page, a second page of the same form, the plain-text
//! form, every refused input, and the JSON shape of ticker numbers.

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

#[test]
fn an_unreadable_date_line_is_refused_with_an_example_of_a_good_one() {
    let err = parse("Judul\nTanggal: kemarin sore\n\nIsi berita.".as_bytes()).unwrap_err();
    assert_eq!(
        err,
        ParseError::BadDate {
            written: "kemarin sore".into()
        }
    );
    assert!(err.to_string().contains("Tanggal: Senin, 5 Agustus 2024"));
}

#[test]
fn empty_and_whitespace_only_input_is_refused() {
    for raw in ["", " ", "\n\n\t \r\n", "\u{a0}\u{a0}\n", "\u{feff}"] {
        assert_eq!(parse(raw.as_bytes()), Err(ParseError::Empty), "{raw:?}");
    }
    assert!(
        ParseError::Empty
            .to_string()
            .contains("title on the first line")
    );
}

#[test]
fn binary_input_with_nul_bytes_is_refused() {
    let err = parse(b"Judul\n\nIsi\0berita").unwrap_err();
    assert_eq!(err, ParseError::Binary { offset: 10 });
    assert!(err.to_string().contains("UTF-8 text"));
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ];
    assert!(matches!(parse(&png), Err(ParseError::Binary { .. })));
}

#[test]
fn invalid_utf8_is_refused() {
    let latin1 = b"Judul\n\nBerita tentang caf\xe9 di Jakarta.";
    let err = parse(latin1).unwrap_err();
    assert_eq!(err, ParseError::NotUtf8 { offset: 25 });
    assert!(err.to_string().contains("UTF-8"));
}

#[test]
fn input_over_one_mebibyte_is_refused_before_parsing() {
    let mut huge = b"Judul\n\n".to_vec();
    huge.resize(MAX_INPUT_BYTES + 1, b'a');
    assert_eq!(
        parse(&huge),
        Err(ParseError::TooLarge {
            size: MAX_INPUT_BYTES + 1,
            max: MAX_INPUT_BYTES
        })
    );
    // The size check comes first: even a huge binary file gets the size message.
    let huge_binary = vec![0u8; MAX_INPUT_BYTES + 1];
    assert!(matches!(
        parse(&huge_binary),
        Err(ParseError::TooLarge { .. })
    ));
}

#[test]
fn input_of_exactly_one_mebibyte_is_accepted() {
    let mut text = "Judul\n\n".to_string();
    let sentence = "Kalimat berita yang cukup panjang. ";
    while text.len() + sentence.len() <= MAX_INPUT_BYTES {
        text.push_str(sentence);
    }
    text.push_str(&"x".repeat(MAX_INPUT_BYTES - text.len()));
    assert_eq!(text.len(), MAX_INPUT_BYTES);
    let article = parse(text.as_bytes()).unwrap();
    assert_eq!(article.paragraphs.len(), 1);
}

#[test]
fn a_page_of_only_boilerplate_and_ticker_has_no_body() {
    let seed = std::str::from_utf8(SEED).unwrap();
    let furniture: String = seed
        .lines()
        .filter(|line| !line.contains("Heboh") && !line.starts_with("KONTAN") && line.len() < 100)
        .filter(|line| {
            !line.starts_with("Rabu")
                && !line.starts_with("ILUSTRASI")
                && !line.starts_with("Reporter")
        })
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(furniture.contains("INDIKATOR") && furniture.contains("TERBARU"));
    assert_eq!(parse(furniture.as_bytes()), Err(ParseError::NoBody));
    assert!(
        ParseError::NoBody
            .to_string()
            .contains("paragraphs separated by blank lines")
    );
}

#[test]
fn a_kontan_page_with_a_headline_but_no_paragraphs_has_no_body() {
    let seed = std::str::from_utf8(SEED).unwrap();
    let cut = seed.find("KONTAN.CO.ID - JAKARTA").unwrap();
    let trailer = seed.find("Cek Berita").unwrap();
    let headless = format!("{}{}", &seed[..cut], &seed[trailer..]);
    assert_eq!(parse(headless.as_bytes()), Err(ParseError::NoBody));
}

#[test]
fn a_title_alone_or_emoji_alone_has_no_body() {
    for raw in [
        "Hanya judul tanpa isi",
        "Judul\n\n\n",
        "😀😀😀",
        "😀\n\n🎉🎉\n\n👍",
        "Judul\n\n🎉🎉🎉\n\n---",
        "[X]\n×\nTERBARU",
    ] {
        assert_eq!(parse(raw.as_bytes()), Err(ParseError::NoBody), "{raw:?}");
    }
}

#[test]
fn one_huge_line_does_not_panic_and_is_refused_as_bodiless() {
    let line = "kata ".repeat(200_000);
    assert_eq!(parse(line.as_bytes()), Err(ParseError::NoBody));
}

#[test]
fn a_kontan_page_of_many_thousand_short_lines_is_read() {
    // Near the size limit with ~65k lines: every per-line step must stay linear.
    let mut page = String::from("| : WIB | INDIKATOR |\nJudul yang panjang\n\n");
    while page.len() < MAX_INPUT_BYTES - 20 {
        page.push_str("Kalimat pendek.\n");
    }
    let article = parsed(page.as_bytes());
    assert_eq!(article.title, "Judul yang panjang");
    assert_eq!(article.paragraphs.len(), 1);
}

#[test]
fn a_kontan_page_without_dateline_or_byline_starts_its_body_after_the_time_line() {
    let page = "| : WIB | INDIKATOR |\n\u{2022} EMAS 1.000.000 \u{a0} 2.000 \u{a0} 0,20%\n\n\
                Judul berita\nSenin, 5 Agt 2024 09.10 WIB\nJudul berita\n\n\
                Paragraf pertama.\n\nParagraf kedua.\n\nTERBARU\nPromo apa saja\n";
    let article = parsed(page.as_bytes());
    assert_eq!(article.title, "Judul berita");
    assert_eq!(
        article.published_at.unwrap().to_rfc3339(),
        "2024-08-05T09:10:00+07:00"
    );
    assert_eq!(article.paragraphs, ["Paragraf pertama.", "Paragraf kedua."]);
    assert_eq!((article.reporter, article.source), (None, None));
    assert_eq!(article.ticker.len(), 1);
}

#[test]
fn odd_inputs_never_panic() {
    let inputs: Vec<Vec<u8>> = vec![
        b"\xef\xbb\xbf".to_vec(),
        "•".into(),
        "• EMAS".into(),
        "• EMAS 1.546.000 5.000 0,32%".into(),
        "KONTAN.CO.ID -".into(),
        "KONTAN.CO.ID - JAKARTA.".into(),
        "Reporter: | Editor:".into(),
        "ILUSTRASI.".into(),
        "Rabu, 13 Januari 2021 / 18:35 WIB".into(),
        "Tanggal:".into(),
        "\r\r\r".into(),
        "İstanbul\n\nK\u{212a}elvin ILUSTRASI ½ ² ٣".into(),
        "-\n\n-".into(),
        "a|b|c:d\n\n|||".into(),
    ];
    for raw in inputs {
        let _ = parse(&raw);
        let _ = content_hash(&raw);
    }
}

#[test]
fn crlf_line_endings_and_a_bom_parse_like_the_original() {
    let seed = std::str::from_utf8(SEED).unwrap();
    let crlf = format!("\u{feff}{}", seed.replace('\n', "\r\n"));
    assert_eq!(parsed(crlf.as_bytes()), parsed(SEED));
    let plain = std::str::from_utf8(PAKET_DATA).unwrap();
    let crlf = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    assert_eq!(parsed(crlf.as_bytes()), parsed(PAKET_DATA));
}

#[test]
fn the_same_text_hashes_the_same_whatever_its_line_endings() {
    let seed = std::str::from_utf8(SEED).unwrap();
    let hash = content_hash(SEED);
    assert_eq!(hash.len(), 64);
    assert!(
        hash.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    assert_eq!(content_hash(SEED), hash);
    assert_eq!(content_hash(seed.replace('\n', "\r\n").as_bytes()), hash);
    assert_eq!(
        content_hash(format!("\u{feff}\n\n{seed}\n\n").as_bytes()),
        hash
    );
    assert_ne!(content_hash(DEPOSITO), hash);
    let edited = seed.replace("Beberapa hari terakhir", "Beberapa pekan terakhir");
    assert_ne!(content_hash(edited.as_bytes()), hash);
}

#[test]
fn a_known_text_has_its_known_sha256() {
    // sha256("Judul\n\nIsi") computed independently (`printf 'Judul\n\nIsi' | sha256sum`).
    assert_eq!(
        content_hash(b"Judul\r\n\r\nIsi\r\n"),
        "88ec67d0dd1ba0b3529f0e7ce06f77a02b634d81b595a8127224db20d0d6a47b"
    );
}
