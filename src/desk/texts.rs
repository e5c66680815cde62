//! The one catalogue of everything the desk says, in Indonesian and English.
//!
//! Handlers never write user-facing words themselves: they pick a [`Text`] and render it in the
//! chat's language, so a wording change or a new language touches only this file. (Answers to
//! questions come from the answering engine and its configured intents, not from here.)
//! The catalogue is long by nature; it is kept whole so every phrase can be reviewed side by side.

use chrono::{DateTime, Datelike, FixedOffset};

use super::insights::UnansweredGroup;
use crate::content::Article;
use crate::nlu::Lang;
use crate::store::{Stats, StatsWindow, TicketSummary};

/// A reader's question and what the bot answered, as shown to staff when a ticket opens.
pub struct Exchange<'a> {
    pub question: &'a str,
    pub answer: &'a str,
    pub answered: bool,
}

/// Everything the desk can say (besides answers).
pub enum Text<'a> {
    // --- reader: commands -------------------------------------------------------------------
    Start {
        name: &'a str,
        articles: &'a [Article],
        has_suggestions: bool,
    },
    Help {
        admin: bool,
    },
    LangChoose,
    LangSet,
    LangUnknown {
        given: &'a str,
    },
    Articles {
        articles: &'a [Article],
        with_ids: bool,
    },
    Subscribed,
    AlreadySubscribed,
    Unsubscribed,
    WasNotSubscribed,
    AskWhat,
    UnknownCommand {
        name: &'a str,
    },
    // --- reader: awkward input --------------------------------------------------------------
    Unsupported {
        what: &'a str,
    },
    TooLong {
        limit: usize,
    },
    NothingToAnswer,
    DocumentFromReader,
    OfferHuman,
    // --- groups -----------------------------------------------------------------------------
    GroupGreeting,
    GroupOnlyPrivate,
    // --- buttons and toasts -----------------------------------------------------------------
    ButtonMore,
    ButtonHuman,
    ButtonLangId,
    ButtonLangEn,
    ButtonPublish,
    ButtonCancel,
    ButtonRemove,
    ButtonKeep,
    ToastThanks,
    ToastStale,
    ToastUnknownButton,
    ToastNoMore,
    ToastLangSet,
    ToastNotAdmin,
    // --- suggested questions (asked on the reader's behalf, so phrased as a reader would) ---
    SuggestIndicator {
        name: &'a str,
    },
    SuggestAbout {
        subject: &'a str,
    },
    SuggestAuthor {
        subject: &'a str,
    },
    SuggestWhen {
        subject: &'a str,
    },
    // --- handoff ----------------------------------------------------------------------------
    TicketOpened {
        id: i64,
    },
    TicketAlreadyOpen {
        id: i64,
    },
    NoSupport,
    TicketForStaff {
        id: i64,
        name: &'a str,
        username: Option<&'a str>,
        reader_lang: Lang,
        history: &'a [Exchange<'a>],
    },
    RelayToStaff {
        id: i64,
        text: &'a str,
    },
    StaffToReader {
        text: &'a str,
    },
    ClosedByStaffForReader {
        id: i64,
    },
    ClosedByStaffForStaff {
        id: i64,
    },
    ClosedByReaderForReader {
        id: i64,
    },
    ClosedByReaderForStaff {
        id: i64,
    },
    NothingToCancel,
    NotATicketMessage,
    TicketAlreadyClosed {
        id: i64,
    },
    OpenTickets {
        tickets: &'a [TicketSummary],
    },
    ReaderUnreachable {
        id: i64,
    },
    StaffUnreachable {
        id: i64,
    },
    // --- admin ------------------------------------------------------------------------------
    NotAdmin,
    DocumentTooBig {
        size: u64,
        limit: usize,
    },
    DocumentMissing,
    AddWhat,
    PageRefused {
        reason: &'a str,
    },
    Preview {
        article: &'a crate::content::ParsedArticle,
        replaces: Option<&'a Article>,
    },
    Published {
        id: i64,
        title: &'a str,
        subscribers: usize,
    },
    PublishedUnchanged {
        id: i64,
    },
    DraftCancelled,
    RemoveWhat,
    RemoveConfirm {
        id: i64,
        title: &'a str,
    },
    Removed {
        id: i64,
        title: &'a str,
    },
    RemoveKept,
    ArticleNotFound {
        id: i64,
    },
    Stats {
        stats: &'a Stats,
    },
    Unanswered {
        groups: &'a [UnansweredGroup],
    },
    NewArticle {
        title: &'a str,
        hint: Option<&'a str>,
    },
}

impl Text<'_> {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        // Picks the wording for the language; both are always written together so neither lags.
        let pick = |id: &str, english: &str| {
            if en {
                english.to_string()
            } else {
                id.to_string()
            }
        };
        match self {
            Text::Start {
                name,
                articles,
                has_suggestions,
            } => {
                let mut s = if en {
                    format!(
                        "Hello {name}! I am newsdesk. I answer questions about the news articles I hold, quoting them, and I say so when I don't know."
                    )
                } else {
                    format!(
                        "Halo {name}! Saya newsdesk. Saya menjawab pertanyaan tentang artikel berita yang saya simpan, dengan kutipan dari artikelnya, dan terus terang bila tidak tahu."
                    )
                };
                if articles.is_empty() {
                    s.push_str(&pick(
                        "\n\nSaat ini belum ada artikel.",
                        "\n\nThere are no articles yet.",
                    ));
                } else {
                    s.push_str(&pick(
                        "\n\nArtikel yang saya punya:",
                        "\n\nArticles I hold:",
                    ));
                    for a in articles.iter() {
                        s.push_str(&format!("\n• {}", article_line(a, lang)));
                    }
                }
                if *has_suggestions {
                    s.push_str(&pick(
                        "\n\nTulis pertanyaan Anda, atau coba salah satu ini:",
                        "\n\nWrite your question, or try one of these:",
                    ));
                } else {
                    s.push_str(&pick(
                        "\n\nTulis saja pertanyaan Anda.",
                        "\n\nJust write your question.",
                    ));
                }
                s
            }
            Text::Help { admin } => {
                let mut s = pick(
                    "Tulis pertanyaan tentang berita yang saya simpan, dalam bahasa sehari-hari pun boleh. Di grup: /ask pertanyaan, sebut nama saya, atau balas pesan saya.\n\n\
                     /ask — bertanya\n/articles — daftar artikel\n/lang — pilih bahasa (id/en)\n/subscribe — kabari saya artikel baru\n/unsubscribe — berhenti dikabari\n/human — bicara dengan petugas\n/cancel — tutup percakapan dengan petugas",
                    "Write a question about the news I hold; everyday language is fine. In groups: /ask question, mention me, or reply to my message.\n\n\
                     /ask — ask a question\n/articles — list the articles\n/lang — choose the language (id/en)\n/subscribe — tell me about new articles\n/unsubscribe — stop telling me\n/human — talk to a person\n/cancel — end the conversation with a person",
                );
                if *admin {
                    s.push_str(&pick(
                        "\n\nAdmin: kirim halaman sebagai dokumen .txt atau /add + teksnya untuk menerbitkan; /remove ID; /stats; /unanswered.",
                        "\n\nAdmin: send a page as a .txt document or /add + its text to publish; /remove ID; /stats; /unanswered.",
                    ));
                }
                s
            }
            Text::LangChoose => pick("Pilih bahasa:", "Choose a language:"),
            Text::LangSet => pick(
                "Baik, mulai sekarang saya menjawab dalam bahasa Indonesia.",
                "OK, from now on I will reply in English.",
            ),
            Text::LangUnknown { given } => {
                if en {
                    format!("I don't know the language \"{given}\". Choose id or en:")
                } else {
                    format!("Bahasa \"{given}\" tidak tersedia. Pilih id atau en:")
                }
            }
            Text::Articles { articles, with_ids } => {
                if articles.is_empty() {
                    return pick("Belum ada artikel.", "There are no articles yet.");
                }
                let mut s = pick("Artikel yang saya punya:", "Articles I hold:");
                for a in articles.iter() {
                    if *with_ids {
                        s.push_str(&format!("\n#{} {}", a.id, article_line(a, lang)));
                    } else {
                        s.push_str(&format!("\n• {}", article_line(a, lang)));
                    }
                }
                s
            }
            Text::Subscribed => pick(
                "Siap, saya akan mengabari Anda bila ada artikel baru. /unsubscribe untuk berhenti.",
                "Done: I will tell you when a new article arrives. /unsubscribe to stop.",
            ),
            Text::AlreadySubscribed => pick(
                "Anda sudah berlangganan kabar artikel baru.",
                "You are already subscribed to new articles.",
            ),
            Text::Unsubscribed => pick(
                "Baik, saya tidak akan mengabari artikel baru lagi.",
                "OK, I will no longer tell you about new articles.",
            ),
            Text::WasNotSubscribed => pick(
                "Anda memang tidak berlangganan. /subscribe untuk mulai.",
                "You were not subscribed. /subscribe to start.",
            ),
            Text::AskWhat => pick(
                "Tulis pertanyaannya setelah /ask, misalnya: /ask apa isi beritanya?",
                "Write the question after /ask, for example: /ask what is the news about?",
            ),
            Text::UnknownCommand { name } => {
                if en {
                    format!("I don't know the command /{name}. /help lists what I can do.")
                } else {
                    format!(
                        "Saya tidak mengenal perintah /{name}. /help berisi apa yang bisa saya lakukan."
                    )
                }
            }
            Text::Unsupported { what } => {
                if en {
                    format!(
                        "Sorry, I can't read a {} yet. Please write your question as text.",
                        what_en(what)
                    )
                } else {
                    format!(
                        "Maaf, saya belum bisa membaca {}. Silakan tulis pertanyaan Anda sebagai teks.",
                        what_id(what)
                    )
                }
            }
            Text::TooLong { limit } => {
                if en {
                    format!(
                        "(Your message is very long; I answered from its first {limit} characters.)"
                    )
                } else {
                    format!(
                        "(Pesan Anda panjang sekali; saya menjawab dari {limit} karakter pertamanya.)"
                    )
                }
            }
            Text::NothingToAnswer => pick(
                "Saya hanya bisa menjawab pertanyaan yang ditulis dengan kata-kata. Coba tanyakan sesuatu tentang berita, atau ketik /help.",
                "I can only answer questions written in words. Try asking something about the news, or type /help.",
            ),
            Text::DocumentFromReader => pick(
                "Maaf, saya tidak menerima dokumen. Silakan tulis pertanyaan Anda sebagai teks.",
                "Sorry, I don't accept documents. Please write your question as text.",
            ),
            Text::OfferHuman => pick(
                "Sepertinya saya belum bisa membantu soal ini. Mau bicara dengan petugas?",
                "It seems I can't help with this. Would you like to talk to a person?",
            ),
            Text::GroupGreeting => pick(
                "Halo semua! Saya menjawab pertanyaan tentang berita. Tanya dengan /ask pertanyaan, sebut nama saya, atau balas pesan saya.",
                "Hello everyone! I answer questions about the news. Ask with /ask question, mention me, or reply to my message.",
            ),
            Text::GroupOnlyPrivate => pick(
                "Perintah ini hanya bisa dipakai di chat pribadi dengan saya.",
                "This command works only in a private chat with me.",
            ),
            Text::ButtonMore => pick("Lanjutannya ➡️", "More from this article ➡️"),
            Text::ButtonHuman => pick("Bicara dengan petugas 🙋", "Talk to a person 🙋"),
            Text::ButtonLangId => "Bahasa Indonesia".to_string(),
            Text::ButtonLangEn => "English".to_string(),
            Text::ButtonPublish => pick("Terbitkan", "Publish"),
            Text::ButtonCancel => pick("Batal", "Cancel"),
            Text::ButtonRemove => pick("Hapus", "Remove"),
            Text::ButtonKeep => pick("Jangan hapus", "Keep it"),
            Text::ToastThanks => pick("Terima kasih atas masukannya!", "Thanks for the feedback!"),
            Text::ToastStale => pick(
                "Tombol ini sudah tidak berlaku.",
                "This button no longer applies.",
            ),
            Text::ToastUnknownButton => pick(
                "Maaf, tombol ini tidak saya kenali.",
                "Sorry, I don't recognise this button.",
            ),
            Text::ToastNoMore => pick(
                "Tidak ada paragraf lagi di artikel ini.",
                "There are no more paragraphs in this article.",
            ),
            Text::ToastLangSet => pick("Bahasa Indonesia dipilih.", "English chosen."),
            Text::ToastNotAdmin => pick("Hanya untuk admin.", "Admins only."),
            Text::SuggestIndicator { name } => {
                if en {
                    format!("What is the {name} price?")
                } else {
                    format!("Berapa harga {name}?")
                }
            }
            Text::SuggestAbout { subject } => {
                if en {
                    format!("What about {subject}?")
                } else {
                    format!("Bagaimana soal {subject}?")
                }
            }
            Text::SuggestAuthor { subject } => {
                if en {
                    format!("Who wrote the article about {subject}?")
                } else {
                    format!("Siapa penulis berita {subject}?")
                }
            }
            Text::SuggestWhen { subject } => {
                if en {
                    format!("When was the news about {subject} published?")
                } else {
                    format!("Kapan berita {subject} terbit?")
                }
            }
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
                let reader_lang = match reader_lang {
                    Lang::Id => "id",
                    Lang::En => "en",
                };
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
            Text::NotAdmin => pick(
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
                    None => {
                        s.push_str(&pick("\n\nIni artikel baru.", "\n\nThis is a new article."))
                    }
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
                    format!(
                        "Remove article #{id} \"{title}\"? It will no longer be used for answers."
                    )
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
                    format!(
                        "Tidak ada artikel #{id}. /articles menampilkan daftar dengan nomornya."
                    )
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
            Text::NewArticle { title, hint } => {
                let mut s = if en {
                    format!("📰 New article: {title}")
                } else {
                    format!("📰 Artikel baru: {title}")
                };
                if let Some(hint) = hint {
                    s.push_str(&if en {
                        format!("\nAsk me, for example: {hint}")
                    } else {
                        format!("\nTanyakan saja, misalnya: {hint}")
                    });
                }
                s
            }
        }
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

/// `Title (13 Januari 2021)`, or the title alone when the page had no date.
fn article_line(article: &Article, lang: Lang) -> String {
    match &article.parsed.published_at {
        Some(d) => format!("{} ({})", article.parsed.title, date(lang, d)),
        None => article.parsed.title.clone(),
    }
}

/// A calendar date written out: `13 Januari 2021` / `13 January 2021`.
pub fn date(lang: Lang, at: &DateTime<FixedOffset>) -> String {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = at.month0() as usize;
    let name = if lang == Lang::En {
        EN[month]
    } else {
        ID[month]
    };
    format!("{} {name} {}", at.day(), at.year())
}

/// At most `max` characters, cut on a character boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn what_id(what: &str) -> &str {
    match what {
        "sticker" => "stiker",
        "photo" => "foto",
        "voice" => "pesan suara",
        "video" => "video",
        "video_note" => "pesan video",
        "audio" => "audio",
        "animation" => "GIF",
        "location" => "lokasi",
        "contact" => "kontak",
        "poll" => "polling",
        "document" => "dokumen",
        _ => "pesan jenis ini",
    }
}

fn what_en(what: &str) -> &str {
    match what {
        "sticker" | "photo" | "video" | "poll" | "contact" | "location" | "document" => what,
        "voice" => "voice message",
        "video_note" => "video message",
        "audio" => "audio file",
        "animation" => "GIF",
        _ => "message of this kind",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_each_language() {
        let d = DateTime::parse_from_rfc3339("2021-01-13T18:35:00+07:00").unwrap();
        assert_eq!(date(Lang::Id, &d), "13 Januari 2021");
        assert_eq!(date(Lang::En, &d), "13 January 2021");
    }

    #[test]
    fn shortening_keeps_whole_characters() {
        assert_eq!(shorten("héllo wörld", 6), "héllo…");
        assert_eq!(shorten("short", 10), "short");
    }

    #[test]
    fn the_two_languages_differ_for_every_simple_text() {
        for text in [
            Text::LangSet,
            Text::NoSupport,
            Text::NotAdmin,
            Text::OfferHuman,
            Text::NothingToAnswer,
            Text::ButtonPublish,
            Text::ButtonCancel,
            Text::ToastStale,
        ] {
            assert_ne!(text.render(Lang::Id), text.render(Lang::En));
        }
    }

    #[test]
    fn publish_buttons_carry_the_required_labels() {
        assert_eq!(Text::ButtonPublish.render(Lang::Id), "Terbitkan");
        assert_eq!(Text::ButtonPublish.render(Lang::En), "Publish");
        assert_eq!(Text::ButtonCancel.render(Lang::Id), "Batal");
        assert_eq!(Text::ButtonCancel.render(Lang::En), "Cancel");
    }
}
