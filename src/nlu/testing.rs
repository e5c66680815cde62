//! Test helpers for the nlu unit tests: the seed article as the store would hold it.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};

use crate::content::{Article, ParsedArticle, TickerItem};

const SEED: &str = include_str!("../../content/kontan-whatsapp-privasi-2021.txt");

/// The seed page as an [`Article`]. Until the real parser lands this cuts the body out by hand.
pub fn seed_article(id: i64) -> Article {
    let body = SEED.split("KONTAN.CO.ID - JAKARTA.").nth(1).unwrap();
    let body = body.split("Cek Berita").next().unwrap();
    let paragraphs = body
        .split("\n\n")
        .map(|p| p.trim().replace("  ", " "))
        .filter(|p| !p.is_empty())
        .collect();
    let tick = |name: &str, value, change, change_pct| TickerItem {
        name: name.into(),
        value,
        change,
        change_pct,
    };
    let published: DateTime<FixedOffset> = FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2021, 1, 13, 18, 35, 0)
        .unwrap();
    Article {
        id,
        imported_at: Utc.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap(),
        content_hash: String::new(),
        parsed: ParsedArticle {
            title: "Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp".into(),
            published_at: Some(published),
            reporter: Some("Ahmad Febrian".into()),
            editor: Some("Ahmad Febrian".into()),
            source: Some("KONTAN.CO.ID - JAKARTA".into()),
            caption: Some("ILUSTRASI. Kebijakan privasi baru WhatsApp".into()),
            paragraphs,
            ticker: vec![
                tick("EMAS", 1_546_000.0, 5000.0, 0.32),
                tick("USD/IDR", 16205.0, -5.0, -0.03),
                tick("IDX", 7065.0, -15.76, -0.22),
                tick("LQ45", 821.0, -0.42, -0.05),
            ],
        },
    }
}
