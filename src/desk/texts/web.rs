//! What the desk says about content from the web: the "Read more" button, the `/feeds` commands
//! and the notice of several new articles at once.

use super::{Text, article_line};
use crate::nlu::Lang;

/// Renders the web texts; [`Text::render`] routes only these variants here.
pub(super) fn render(text: &Text, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |id: &str, english: &str| super::pick(lang, id, english);
    match text {
        Text::ButtonReadMore => pick("Baca selengkapnya", "Read more"),
        Text::FeedsList { feeds: [] } => pick(
            "Belum ada feed. Tambahkan dengan /feed_add URL.",
            "No feeds yet. Add one with /feed_add URL.",
        ),
        Text::FeedsList { feeds } => {
            let mut s = pick("Feed berita:", "News feeds:");
            for feed in *feeds {
                s.push_str(&format!("\n\n#{} {}", feed.id, feed.url));
                if let Some(title) = &feed.title {
                    s.push_str(&format!("\n{title}"));
                }
                let checked = feed.last_checked.map_or_else(
                    || pick("belum pernah", "never"),
                    |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
                );
                s.push_str(&if en {
                    format!(
                        "\nLast checked: {checked} · {} articles imported{}",
                        feed.imported,
                        if feed.review { " · review" } else { "" }
                    )
                } else {
                    format!(
                        "\nTerakhir dicek: {checked} · {} artikel diimpor{}",
                        feed.imported,
                        if feed.review { " · tinjau dulu" } else { "" }
                    )
                });
                if let Some(error) = &feed.last_error {
                    s.push_str(&format!("\n⚠️ {error}"));
                }
            }
            s
        }
        Text::FeedAddWhat => pick(
            "Tulis alamat feed setelah perintahnya, mis. /feed_add https://contoh.id/rss (tambahkan review agar artikel baru ditinjau dulu).",
            "Write the feed's address after the command, e.g. /feed_add https://example.com/rss (add review to check new articles first).",
        ),
        Text::FeedAdded { id, url, review } => {
            let mode = match (en, review) {
                (true, true) => "New articles come to you as previews first.",
                (true, false) => "New articles are published as they come.",
                (false, true) => "Artikel baru dikirim ke Anda sebagai pratinjau dulu.",
                (false, false) => "Artikel baru langsung diterbitkan.",
            };
            if en {
                format!("Feed #{id} added: {url}\n{mode}")
            } else {
                format!("Feed #{id} ditambahkan: {url}\n{mode}")
            }
        }
        Text::FeedAlreadyThere { id, review } => {
            let mode = match (en, review) {
                (true, true) => "review",
                (true, false) => "publish directly",
                (false, true) => "tinjau dulu",
                (false, false) => "langsung terbit",
            };
            if en {
                format!("That feed is already there as #{id} (now: {mode}).")
            } else {
                format!("Feed itu sudah ada sebagai #{id} (sekarang: {mode}).")
            }
        }
        Text::FeedRemoveWhat => pick(
            "Tulis nomor feed, mis. /feed_remove 2. Nomornya ada di /feeds.",
            "Write the feed's number, e.g. /feed_remove 2. /feeds lists them.",
        ),
        Text::FeedRemoved { id, url } => {
            if en {
                format!("Feed #{id} removed: {url}\nIts articles stay.")
            } else {
                format!("Feed #{id} dihapus: {url}\nArtikelnya tetap ada.")
            }
        }
        Text::FeedNotFound { id } => {
            if en {
                format!("There is no feed #{id}. /feeds lists them.")
            } else {
                format!("Tidak ada feed #{id}. Lihat daftarnya di /feeds.")
            }
        }
        Text::NewArticles { articles } => {
            let mut s = if en {
                format!("📰 {} new articles:", articles.len())
            } else {
                format!("📰 {} artikel baru:", articles.len())
            };
            for article in *articles {
                s.push_str(&format!("\n\n• {}", article_line(article, lang)));
                if let Some(url) = &article.parsed.url {
                    s.push_str(&format!("\n{url}"));
                }
            }
            s.push_str(&pick(
                "\n\nTanyakan saja isinya kepada saya.",
                "\n\nAsk me anything about them.",
            ));
            s
        }
        _ => unreachable!("Text::render routes only the web texts here"),
    }
}
