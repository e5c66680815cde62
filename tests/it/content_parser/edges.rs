//! Inputs at the edges: every refused input (empty, binary, invalid UTF-8, too big, bodiless), odd
//! inputs that must not panic, and line endings that must not change the text or its hash.

use super::*;

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
