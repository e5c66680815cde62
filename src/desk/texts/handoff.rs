//! What the desk says while a reader talks to staff: tickets opening, relaying and closing.

use super::{Text, shorten};
use crate::nlu::Lang;

/// Renders the handoff texts; [`Text::render`] routes only these variants here.
pub(super) fn render(text: &Text, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |id: &str, english: &str| super::pick(lang, id, english);
    match text {
        Text::TicketOpened { id } => {
            if en {
                format!(
                    "I have passed your question to our team (ticket #{id}). A person will answer you in this chat. Write here anything you want to add; /cancel ends the conversation."
                )
            } else {
                format!(
                    "Pertanyaan Anda sudah saya teruskan ke tim kami (tiket #{id}). Petugas akan menjawab di chat ini. Tulis di sini bila ada yang ingin ditambahkan; /cancel untuk mengakhiri."
                )
            }
        }
        Text::TicketAlreadyOpen { id } => {
            if en {
                format!(
                    "Your ticket #{id} is already open: a person will answer in this chat. /cancel ends it."
                )
            } else {
                format!(
                    "Tiket #{id} Anda masih terbuka: petugas akan menjawab di chat ini. /cancel untuk mengakhiri."
                )
            }
        }
        Text::NoSupport => pick(
            "Maaf, saat ini tidak ada petugas yang bisa dihubungi lewat bot ini. Pertanyaan Anda saya catat agar artikelnya bisa dilengkapi. Sementara itu, coba tanyakan dengan kata lain, atau lihat /articles untuk topik yang bisa saya jawab.",
            "Sorry, no person can be reached through this bot right now. I have noted your question so the articles can be improved. Meanwhile, try asking in other words, or see /articles for the topics I can answer.",
        ),
        Text::TicketForStaff {
            id,
            name,
            username,
            reader_lang,
            history,
        } => {
            let handle = username.map(|u| format!(" (@{u})")).unwrap_or_default();
            let reader_lang = reader_lang.as_str();
            let mut s = if en {
                format!(
                    "🎫 Ticket #{id} from {name}{handle}, language: {reader_lang}.\nReply to this message to answer the reader; /close as a reply closes the ticket."
                )
            } else {
                format!(
                    "🎫 Tiket #{id} dari {name}{handle}, bahasa: {reader_lang}.\nBalas pesan ini untuk menjawab pembaca; /close sebagai balasan untuk menutup tiket."
                )
            };
            if history.is_empty() {
                s.push_str(&pick(
                    "\n\nBelum ada pertanyaan sebelumnya.",
                    "\n\nNo earlier questions.",
                ));
            } else {
                s.push_str(&pick("\n\nPertanyaan terakhir:", "\n\nLatest questions:"));
                for e in history.iter() {
                    let mark = if e.answered { "✅" } else { "❌" };
                    s.push_str(&format!(
                        "\n\n❓ {}\n{mark} {}",
                        e.question,
                        shorten(e.answer, 300)
                    ));
                }
            }
            s
        }
        Text::RelayToStaff { id, text } => {
            if en {
                format!("🎫 #{id} reader: {text}")
            } else {
                format!("🎫 #{id} pembaca: {text}")
            }
        }
        Text::StaffToReader { text } => {
            if en {
                format!("👤 Our team: {text}")
            } else {
                format!("👤 Tim kami: {text}")
            }
        }
        Text::ClosedByStaffForReader { id } => {
            if en {
                format!(
                    "Our team has closed ticket #{id}. I will answer your questions again; /human if you need a person."
                )
            } else {
                format!(
                    "Tim kami sudah menutup tiket #{id}. Saya akan menjawab pertanyaan Anda lagi; /human bila perlu petugas."
                )
            }
        }
        Text::ClosedByStaffForStaff { id } => {
            if en {
                format!("Ticket #{id} closed; the reader was told.")
            } else {
                format!("Tiket #{id} ditutup; pembaca sudah diberi tahu.")
            }
        }
        Text::ClosedByReaderForReader { id } => {
            if en {
                format!("Ticket #{id} is closed. I will answer your questions again.")
            } else {
                format!("Tiket #{id} ditutup. Saya akan menjawab pertanyaan Anda lagi.")
            }
        }
        Text::ClosedByReaderForStaff { id } => {
            if en {
                format!("Ticket #{id} was closed by the reader.")
            } else {
                format!("Tiket #{id} ditutup oleh pembaca.")
            }
        }
        Text::NothingToCancel => pick(
            "Tidak ada yang perlu dibatalkan.",
            "There is nothing to cancel.",
        ),
        Text::NotATicketMessage => pick(
            "Pesan itu bukan bagian dari tiket. Balas pesan tiket (🎫) untuk menjawab pembaca.",
            "That message is not part of a ticket. Reply to a ticket message (🎫) to answer a reader.",
        ),
        Text::TicketAlreadyClosed { id } => {
            if en {
                format!("Ticket #{id} is already closed; the reader was not sent anything.")
            } else {
                format!("Tiket #{id} sudah ditutup; tidak ada yang dikirim ke pembaca.")
            }
        }
        Text::OpenTickets { tickets } => {
            if tickets.is_empty() {
                return pick("Tidak ada tiket terbuka.", "No open tickets.");
            }
            let mut s = pick("Tiket terbuka:", "Open tickets:");
            for t in tickets.iter() {
                let handle = t
                    .username
                    .as_deref()
                    .map(|u| format!(" (@{u})"))
                    .unwrap_or_default();
                s.push_str(&format!(
                    "\n🎫 #{} — {}{handle}, {} {}",
                    t.id,
                    t.reader_name,
                    pick("sejak", "since"),
                    t.opened_at.format("%Y-%m-%d %H:%M UTC")
                ));
            }
            s
        }
        Text::ReaderUnreachable { id } => {
            if en {
                format!(
                    "Ticket #{id}: the reader can no longer be reached (they blocked the bot or deleted the chat). The ticket is closed."
                )
            } else {
                format!(
                    "Tiket #{id}: pembaca tidak bisa dihubungi lagi (memblokir bot atau menghapus chat). Tiket ditutup."
                )
            }
        }
        Text::StaffUnreachable { id } => {
            if en {
                format!(
                    "Sorry, our team cannot be reached right now, so ticket #{id} is closed. I will answer your questions again; try /human later."
                )
            } else {
                format!(
                    "Maaf, tim kami sedang tidak bisa dihubungi, jadi tiket #{id} ditutup. Saya akan menjawab pertanyaan Anda lagi; coba /human nanti."
                )
            }
        }
        _ => unreachable!("Text::render routes only the handoff texts here"),
    }
}
