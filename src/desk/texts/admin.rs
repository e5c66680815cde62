//! What the desk says to admins: publishing pages, removing articles, /stats and /unanswered, and the new-article notice.

use super::{Text, date};
use crate::nlu::Lang;
use crate::store::StatsWindow;

/// Renders the admin texts; [`Text::render`] routes only these variants here.
pub(super) fn render(text: &Text, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |id: &str, english: &str| super::pick(lang, id, english);
    match text {
        Text::NotAdmin => pick(
            "Maaf, perintah ini hanya untuk admin.",
            "Sorry, this command is for admins only.",
        ),
        Text::NotAdminUnchanged => pick(
            "Maaf, ini hanya untuk admin. Tidak ada yang diubah.",
            "Sorry, this is for admins only. Nothing was changed.",
        ),
        Text::DocumentTooBig { size, limit } => {
            let kib = |b: u64| b.div_ceil(1024);
            if en {
                format!(
                    "The file is {} KiB, over the limit of {} KiB (1 MiB). Send only the article's text, or split it. Nothing was stored.",
                    kib(*size),
                    kib(*limit as u64)
                )
            } else {
                format!(
                    "Berkasnya {} KiB, melebihi batas {} KiB (1 MiB). Kirim teks artikelnya saja, atau pecah jadi beberapa. Tidak ada yang disimpan.",
                    kib(*size),
                    kib(*limit as u64)
                )
            }
        }
        Text::DocumentMissing => pick(
            "Berkasnya tidak bisa saya unduh. Coba kirim lagi, atau pakai /add diikuti teks artikelnya.",
            "I could not download the file. Try sending it again, or use /add followed by the article's text.",
        ),
        Text::AddWhat => pick(
            "Tulis teks halaman setelah /add dalam pesan yang sama: judul di baris pertama, lalu paragraf dipisah baris kosong. Atau kirim halaman sebagai dokumen .txt.",
            "Write the page text after /add in the same message: the title on the first line, then paragraphs separated by blank lines. Or send the page as a .txt document.",
        ),
        Text::PageRefused { reason } => {
            if en {
                format!("The page could not be read: {reason}\nNothing was stored.")
            } else {
                format!("Halaman tidak bisa dibaca: {reason}\nTidak ada yang disimpan.")
            }
        }
        Text::Preview { article, replaces } => {
            let mut s = pick("Pratinjau:", "Preview:");
            s.push_str(&format!("\n\n{}", article.title));
            s.push_str(&format!(
                "\n{}: {}",
                pick("Tanggal", "Date"),
                article
                    .published_at
                    .map(|d| date(lang, &d))
                    .unwrap_or_else(|| pick("tidak ada", "none"))
            ));
            s.push_str(&format!(
                "\n{}: {}",
                pick("Reporter", "Reporter"),
                article
                    .reporter
                    .clone()
                    .unwrap_or_else(|| pick("tidak ada", "none"))
            ));
            s.push_str(&format!(
                "\n{}: {}",
                pick("Paragraf", "Paragraphs"),
                article.paragraphs.len()
            ));
            if article.ticker.is_empty() {
                s.push_str(&pick("\nTicker: tidak ada", "\nTicker: none"));
            } else {
                let names: Vec<&str> = article.ticker.iter().map(|t| t.name.as_str()).collect();
                s.push_str(&format!(
                    "\nTicker: {} ({})",
                    article.ticker.len(),
                    names.join(", ")
                ));
            }
            match replaces {
                Some(old) => s.push_str(&if en {
                    format!(
                        "\n\nThis replaces article #{} \"{}\".",
                        old.id, old.parsed.title
                    )
                } else {
                    format!(
                        "\n\nIni menggantikan artikel #{} \"{}\".",
                        old.id, old.parsed.title
                    )
                }),
                None => s.push_str(&pick("\n\nIni artikel baru.", "\n\nThis is a new article.")),
            }
            s
        }
        Text::Published {
            id,
            title,
            subscribers,
        } => {
            if en {
                format!(
                    "Published as article #{id}: \"{title}\". It is answerable now; {subscribers} subscriber(s) notified."
                )
            } else {
                format!(
                    "Terbit sebagai artikel #{id}: \"{title}\". Sudah bisa ditanyakan sekarang; {subscribers} pelanggan dikabari."
                )
            }
        }
        Text::PublishedUnchanged { id } => {
            if en {
                format!("This exact page is already article #{id}; nothing changed.")
            } else {
                format!(
                    "Halaman yang persis sama sudah ada sebagai artikel #{id}; tidak ada yang berubah."
                )
            }
        }
        Text::DraftCancelled => pick(
            "Dibatalkan; tidak ada yang disimpan.",
            "Cancelled; nothing was stored.",
        ),
        Text::RemoveWhat => pick(
            "Tulis nomor artikelnya: /remove ID (lihat /articles).",
            "Give the article's number: /remove ID (see /articles).",
        ),
        Text::RemoveConfirm { id, title } => {
            if en {
                format!("Remove article #{id} \"{title}\"? It will no longer be used for answers.")
            } else {
                format!(
                    "Hapus artikel #{id} \"{title}\"? Artikel ini tidak akan dipakai lagi untuk menjawab."
                )
            }
        }
        Text::Removed { id, title } => {
            if en {
                format!("Article #{id} \"{title}\" removed.")
            } else {
                format!("Artikel #{id} \"{title}\" dihapus.")
            }
        }
        Text::RemoveKept => pick("Baik, artikel tidak dihapus.", "OK, the article stays."),
        Text::ArticleNotFound { id } => {
            if en {
                format!("There is no article #{id}. /articles lists them with their numbers.")
            } else {
                format!("Tidak ada artikel #{id}. /articles menampilkan daftar dengan nomornya.")
            }
        }
        Text::Stats { stats } => {
            let mut s = pick("Statistik", "Statistics");
            for (label, w) in [
                (pick("24 jam terakhir", "Last day"), &stats.day),
                (pick("7 hari terakhir", "Last week"), &stats.week),
                (pick("Sepanjang waktu", "All time"), &stats.all),
            ] {
                s.push_str(&format!("\n\n{label}\n{}", stats_window(w, lang)));
            }
            s
        }
        Text::Unanswered { groups } => {
            if groups.is_empty() {
                return pick(
                    "Belum ada pertanyaan yang tak terjawab atau dinilai 👎.",
                    "No refused or 👎 questions yet.",
                );
            }
            let mut s = pick(
                "Pertanyaan yang tak terjawab atau dinilai 👎 (terbaru dulu; yang mirip digabung):",
                "Questions refused or voted 👎 (newest first; similar ones grouped):",
            );
            for g in groups.iter() {
                let mut marks = Vec::new();
                if g.refused > 0 {
                    marks.push(format!("{} {}", g.refused, pick("tak terjawab", "refused")));
                }
                if g.voted_down > 0 {
                    marks.push(format!("{} 👎", g.voted_down));
                }
                if g.escalated > 0 {
                    marks.push(format!(
                        "{} {}",
                        g.escalated,
                        pick("minta petugas", "asked for a person")
                    ));
                }
                s.push_str(&format!(
                    "\n\n• {} ×{} ({})",
                    g.example,
                    g.count,
                    marks.join(", ")
                ));
                for other in g.variants.iter().take(2) {
                    s.push_str(&format!("\n   ~ {other}"));
                }
            }
            s
        }
        Text::NewArticle { title, hint, url } => {
            let mut s = if en {
                format!("📰 New article: {title}")
            } else {
                format!("📰 Artikel baru: {title}")
            };
            // Telegram makes a bare address a link.
            if let Some(url) = url {
                s.push_str(&format!("\n{url}"));
            }
            if let Some(hint) = hint {
                s.push_str(&if en {
                    format!("\nAsk me, for example: {hint}")
                } else {
                    format!("\nTanyakan saja, misalnya: {hint}")
                });
            }
            s
        }
        _ => unreachable!("Text::render routes only the admin texts here"),
    }
}

fn stats_window(w: &StatsWindow, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pct = if w.questions > 0 {
        (w.answered as f64 * 100.0 / w.questions as f64).round() as i64
    } else {
        0
    };
    let mut s = if en {
        format!(
            "Questions: {} — answered {} ({pct}%)\n👍 {} · 👎 {}\nOpen tickets: {}",
            w.questions, w.answered, w.up, w.down, w.open_tickets
        )
    } else {
        format!(
            "Pertanyaan: {} — terjawab {} ({pct}%)\n👍 {} · 👎 {}\nTiket terbuka: {}",
            w.questions, w.answered, w.up, w.down, w.open_tickets
        )
    };
    if !w.by_intent.is_empty() {
        let parts: Vec<String> = w
            .by_intent
            .iter()
            .map(|(intent, n)| format!("{intent} {n}"))
            .collect();
        s.push_str(&format!(
            "\n{}: {}",
            if en { "By intent" } else { "Per intent" },
            parts.join(", ")
        ));
    }
    s
}
