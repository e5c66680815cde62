//! Site furniture that must never reach an article's paragraphs: banners, the ticker header, share and
//! follow prompts, and the trailer (latest news, course promotions) that ends every page.
//!
//! Driven by lists rather than by this or that page: pages of the same site vary their promo text,
//! so everything from a trailer marker to the end of the page is dropped whatever it says.

/// Whole lines that are site furniture, compared case-insensitively after whitespace is squeezed.
const FURNITURE_LINES: &[&str] = &[
    "kontan.co.id",
    "ilustrasi",
    "ilustrasi.",
    "[x]",
    "x",
    "×",
    "close",
    "tutup",
    "advertisement",
    "iklan",
    "scroll to continue with content",
    "scroll untuk melanjutkan",
    "baca juga",
    "bagikan",
    "share",
    "google news",
    "terbaru",
    "terpopuler",
    "populer",
    "kontan academy",
    "berita terkait",
    "artikel terkait",
    "pilihan redaksi",
    "load more",
    "muat lainnya",
];

/// Line beginnings that mark furniture: banners, cross-links, follow and app prompts.
const FURNITURE_PREFIXES: &[&str] = &[
    "banner ",
    "baca juga:",
    "baca juga :",
    "lihat juga:",
    "simak juga:",
    "baca selengkapnya",
    "cek berita dan artikel",
    "dapatkan update",
    "dapatkan informasi",
    "ikuti kami",
    "ikuti berita",
    "follow kami",
    "download aplikasi",
    "unduh aplikasi",
    "klik di sini",
    "klik disini",
    "advertisement",
];

/// Whole lines after which the rest of the page is trailer, never article.
const TRAILER_LINES: &[&str] = &[
    "terbaru",
    "kontan academy",
    "berita terkait",
    "artikel terkait",
    "terpopuler",
    "pilihan redaksi",
    "baca berita lainnya",
];

/// Line beginnings after which the rest of the page is trailer.
const TRAILER_PREFIXES: &[&str] = &["cek berita dan artikel", "tag:", "tags:", "topik:"];

/// Whether a cleaned line (whitespace squeezed, trimmed) is site furniture.
pub fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    FURNITURE_LINES.contains(&lower.as_str())
        || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || is_indicator_header(&lower)
        || !line.chars().any(char::is_alphanumeric)
}

/// Whether a cleaned line starts the page's trailer (everything from it on is dropped).
/// Whole-line markers only match whole lines, so `Terbaru, bank menaikkan …` stays article.
pub fn is_trailer_start(line: &str) -> bool {
    let lower = line.to_lowercase();
    TRAILER_LINES.contains(&lower.as_str()) || TRAILER_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// The ticker's header row, `| 09:10 WIB | INDIKATOR |` (time often missing: `| : WIB |`).
pub fn is_indicator_header(lower: &str) -> bool {
    lower.contains("indikator") && lower.contains('|')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_pages_furniture_is_recognised() {
        for line in [
            "kontan.co.id",
            "banner langganan top",
            "| : WIB | INDIKATOR |",
            "TERBARU",
            "Kontan Academy",
            "Cek Berita dan Artikel yang lain di Google News",
            "[X]",
            "×",
            "Baca Juga: Harga Emas Antam Hari Ini Naik",
        ] {
            assert!(is_furniture(line), "{line:?}");
        }
    }

    #[test]
    fn article_sentences_are_not_furniture() {
        for line in [
            "Beberapa hari terakhir pengguna WhatsApp heboh.",
            "Terbaru, bank menaikkan bunga deposito.",
            "Kontan Academy bukan bagian dari berita ini, kata dia.",
        ] {
            assert!(!is_furniture(line), "{line:?}");
        }
    }

    #[test]
    fn trailer_markers_match_whole_lines_or_their_own_prefixes() {
        assert!(is_trailer_start("TERBARU"));
        assert!(is_trailer_start(
            "Cek Berita dan Artikel yang lain di Google News"
        ));
        assert!(is_trailer_start("Tags: bank, deposito"));
        assert!(!is_trailer_start("Terbaru, bank menaikkan bunga deposito."));
    }
}
