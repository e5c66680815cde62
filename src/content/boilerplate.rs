//! Site furniture that must never reach an article's paragraphs: banners, the ticker header, share and
//! follow prompts, and the trailer (latest news, course promotions) that ends every page.
//!
//! Driven by lists rather than by this or that page: pages of the same site vary their promo text,
//! so everything from a trailer marker to the end of the page is dropped whatever it says. The lists
//! are data (`lexicon/pages/furniture.txt`, `trailer.txt`, `kontan-markers.tsv`; see
//! [`super::lexicon`]).

use super::lexicon::PageLexicon;

/// Whether a cleaned line (whitespace squeezed, trimmed) is site furniture.
pub fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    PageLexicon::builtin().furniture.matches(&lower)
        || is_indicator_header(&lower)
        || !line.chars().any(char::is_alphanumeric)
}

/// Whether a cleaned line starts the page's trailer (everything from it on is dropped).
/// Whole-line markers only match whole lines, so `Terbaru, bank menaikkan …` stays article.
pub fn is_trailer_start(line: &str) -> bool {
    PageLexicon::builtin().trailer.matches(&line.to_lowercase())
}

/// The ticker's header row, `| 09:10 WIB | INDIKATOR |` (time often missing: `| : WIB |`).
pub fn is_indicator_header(lower: &str) -> bool {
    lower.contains(PageLexicon::builtin().kontan_ticker_header.as_str()) && lower.contains('|')
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
            "Baca Juga: Harga Kopi Gunung Hari Ini Naik",
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
