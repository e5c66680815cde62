//! Shared by the benchmarks: deterministic synthetic Indonesian news articles, the seed page, and a
//! mixed question list (topic, slang, English, ticker, meta, small talk, refusals).
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use newsdesk::content::{self, Article, ParsedArticle, TickerItem};

const SUBJECTS: &[&str] = &[
    "Pemerintah",
    "Bank Indonesia",
    "Kementerian Keuangan",
    "Otoritas Jasa Keuangan",
    "PT Telkom",
    "Pertamina",
    "Gubernur DKI",
    "Badan Pusat Statistik",
    "Kementerian Perdagangan",
    "PLN",
    "Garuda Indonesia",
    "Bursa Efek Indonesia",
    "Asosiasi Pengusaha",
    "Kadin",
    "DPR",
    "Kementerian Pertanian",
    "Bulog",
    "Kementerian Perhubungan",
    "Tokopedia",
    "Bank Mandiri",
    "BRI",
    "BNI",
    "Astra",
    "Indofood",
    "Unilever",
];
const VERBS: &[&str] = &[
    "menaikkan",
    "menurunkan",
    "mengumumkan",
    "menyiapkan",
    "meluncurkan",
    "menargetkan",
    "mencatat",
    "menyalurkan",
    "membangun",
    "mengembangkan",
    "memperluas",
    "menunda",
    "membatasi",
    "mewajibkan",
    "mengevaluasi",
    "menawarkan",
    "menjual",
    "membeli",
    "mengimpor",
    "mengekspor",
    "memproyeksikan",
    "menaikan",
    "memangkas",
    "menambah",
    "mempercepat",
    "memperketat",
    "melonggarkan",
    "merevisi",
];
const OBJECTS: &[&str] = &[
    "harga beras",
    "tarif listrik",
    "suku bunga acuan",
    "subsidi energi",
    "kredit usaha rakyat",
    "produksi padi",
    "cadangan devisa",
    "ekspor batubara",
    "impor gula",
    "penjualan mobil",
    "laba bersih",
    "pendapatan negara",
    "belanja modal",
    "jaringan internet",
    "jalan tol",
    "pelabuhan baru",
    "kuota impor",
    "anggaran infrastruktur",
    "dana pensiun",
    "obligasi negara",
    "saham perbankan",
    "harga minyak goreng",
    "tarif ojek online",
    "pajak kendaraan",
    "layanan kesehatan",
    "beasiswa pendidikan",
    "bantuan sosial",
    "inflasi pangan",
    "nilai tukar rupiah",
    "investasi asing",
    "pinjaman daring",
    "tiket pesawat",
    "produksi nikel",
    "harga cabai",
    "pasokan gas",
    "kapasitas pembangkit",
    "rekening nasabah",
];
const PLACES: &[&str] = &[
    "Jakarta",
    "Surabaya",
    "Bandung",
    "Medan",
    "Makassar",
    "Semarang",
    "Denpasar",
    "Balikpapan",
    "Palembang",
    "Yogyakarta",
    "Batam",
    "Manado",
    "Pontianak",
    "Jayapura",
    "Kupang",
];
const CONNECT: &[&str] = &[
    "Menurut",
    "Sementara itu,",
    "Di sisi lain,",
    "Selain itu,",
    "Meski begitu,",
    "Dalam keterangan resmi,",
    "Sebelumnya,",
    "Adapun",
    "Kendati demikian,",
    "Lebih lanjut,",
];
const TAILS: &[&str] = &[
    "untuk menjaga daya beli masyarakat",
    "seiring permintaan yang terus meningkat",
    "agar target pertumbuhan ekonomi tercapai",
    "karena biaya produksi naik",
    "setelah evaluasi kuartal pertama",
    "meski pasar masih bergejolak",
    "demi memperkuat ketahanan pangan",
    "sesuai arahan presiden",
    "dengan melibatkan pelaku usaha daerah",
    "mulai pekan depan",
    "hingga akhir tahun",
    "secara bertahap",
];
const ADJ: &[&str] = &[
    "baru",
    "tinggi",
    "rendah",
    "stabil",
    "besar",
    "terbatas",
    "signifikan",
    "positif",
];

/// A tiny deterministic generator (64-bit LCG), so every run builds the same articles.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() as usize) % list.len()]
    }
}

fn sentence(r: &mut Rng) -> String {
    let n = r.next() % 900 + 10;
    format!(
        "{} {} {} {} sebesar {}% di {} {}, {} {}.",
        r.pick(CONNECT),
        r.pick(SUBJECTS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        n as f64 / 10.0,
        r.pick(PLACES),
        r.pick(TAILS),
        r.pick(&["yang dinilai", "dengan hasil", "dan kondisi"]),
        r.pick(ADJ),
    )
}

/// Article `i` of the synthetic corpus: a title, 8 paragraphs of 3–4 sentences, a byline.
pub fn synthetic(i: u64) -> Article {
    let mut r = Rng::new(i);
    let title = format!(
        "{} {} {} di {}",
        r.pick(SUBJECTS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        r.pick(PLACES)
    );
    let paragraphs = (0..8)
        .map(|_| {
            (0..3 + r.next() % 2)
                .map(|_| sentence(&mut r))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let published = chrono::FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 1 + (i % 12) as u32, 1 + (i % 28) as u32, 9, 0, 0)
        .unwrap();
    Article {
        id: 1000 + i as i64,
        imported_at: Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap()
            + chrono::Duration::seconds(i as i64),
        content_hash: format!("synthetic-{i}"),
        parsed: ParsedArticle {
            title,
            published_at: Some(published),
            reporter: Some(format!("Reporter {}", i % 37)),
            editor: Some(format!("Editor {}", i % 11)),
            source: Some("KONTAN.CO.ID - JAKARTA".into()),
            caption: None,
            url: None,
            paragraphs,
            ticker: if i.is_multiple_of(50) {
                vec![TickerItem {
                    name: "EMAS".into(),
                    value: 1_500_000.0 + i as f64,
                    change: 1000.0,
                    change_pct: 0.07,
                }]
            } else {
                Vec::new()
            },
        },
    }
}

/// The seed page through the real parser, imported after every synthetic article (newest ticker).
pub fn seed() -> Article {
    let raw = include_bytes!("../../content/kontan-whatsapp-privasi-2021.txt");
    Article {
        id: 1,
        imported_at: Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap(),
        content_hash: content::content_hash(raw),
        parsed: content::parse(raw).expect("the seed page parses"),
    }
}

/// The seed page plus `n` synthetic articles.
pub fn corpus(n: u64) -> Vec<Article> {
    let mut articles: Vec<Article> = (0..n).map(synthetic).collect();
    articles.push(seed());
    articles
}

/// Questions in the style readers ask: answered, refused, small talk, ticker, meta.
pub const QUESTIONS: &[&str] = &[
    "Benarkah WhatsApp akan menyerahkan data penggunanya kepada Facebook?",
    "Tahun berapa WhatsApp diakuisisi Facebook?",
    "org2 pada pindah kmn?",
    "pesan pribadi gw bisa diintip fb ga",
    "Is WhatsApp giving my contacts to Facebook?",
    "What year was WhatsApp acquired?",
    "Siapa penulis berita ini?",
    "harga emas sekarang",
    "How is the IDX composite doing?",
    "makasih banyak ya",
    "tolong hubungkan saya dengan petugas",
    "Kapan Instagram dibeli Facebook?",
    "Berapa kurs euro?",
    "harga tiket pesawat ke bali",
    "Apakah percakapan saya dengan teman masih dienkripsi?",
    "resep nasi goreng enak",
    "Pemerintah menaikkan harga beras di Jakarta?",
    "kenapa bank indonesia memangkas suku bunga acuan",
];

/// The 48-article test archive (`tests/archive/articles/`), parsed by the real parser.
pub fn archive() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/archive/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the archive folder")
        .map(|e| e.expect("an archive entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let raw = std::fs::read(path).expect("an archive article");
            Article {
                id: i as i64 + 1,
                imported_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
                    + chrono::Duration::seconds(i as i64),
                content_hash: content::content_hash(&raw),
                parsed: content::parse(&raw).expect("an archive article parses"),
            }
        })
        .collect()
}

/// The questions of the archive's tuning set (never the holdout), in file order.
pub fn archive_questions() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/archive/qa/tune.jsonl");
    std::fs::read_to_string(path)
        .expect("the tuning set")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["q"].as_str().map(str::to_string))
        .collect()
}
