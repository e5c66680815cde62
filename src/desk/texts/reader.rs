//! What the desk says to readers: the reader commands (/start, /help, /lang, /articles, /subscribe…), awkward input and the group greetings.

use super::{Text, article_line};
use crate::desk::Media;
use crate::nlu::Lang;

/// Renders the reader texts; [`Text::render`] routes only these variants here.
pub(super) fn render(text: &Text, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |id: &str, english: &str| super::pick(lang, id, english);
    match text {
        Text::Start {
            name,
            articles,
            has_suggestions,
        } => {
            // Without a name the greeting is just "Hello!", never "Hello you!".
            let name = if name.trim().is_empty() {
                String::new()
            } else {
                format!(" {}", name.trim())
            };
            let mut s = if en {
                format!(
                    "Hello{name}! I am newsdesk. I answer questions about the news articles I hold, quoting them, and I say so when I don't know."
                )
            } else {
                format!(
                    "Halo{name}! Saya newsdesk. Saya menjawab pertanyaan tentang artikel berita yang saya simpan, dengan kutipan dari artikelnya, dan terus terang bila tidak tahu."
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
        Text::Help { admin, human } => {
            let mut s = pick(
                "Tulis pertanyaan tentang berita yang saya simpan, dalam bahasa sehari-hari pun boleh. Di grup: /ask pertanyaan, sebut nama saya, atau balas pesan saya.\n\n\
                 /ask — bertanya\n/articles — daftar artikel\n/lang — pilih bahasa (id/en)\n/subscribe — kabari saya artikel baru\n/unsubscribe — berhenti dikabari",
                "Write a question about the news I hold; everyday language is fine. In groups: /ask question, mention me, or reply to my message.\n\n\
                 /ask — ask a question\n/articles — list the articles\n/lang — choose the language (id/en)\n/subscribe — tell me about new articles\n/unsubscribe — stop telling me",
            );
            if *human {
                s.push_str(&pick(
                    "\n/human — bicara dengan petugas\n/cancel — tutup percakapan dengan petugas",
                    "\n/human — talk to a person\n/cancel — end the conversation with a person",
                ));
            }
            if *admin {
                s.push_str(&pick(
                    "\n\nAdmin: kirim halaman sebagai dokumen .txt, /add + teksnya, atau alamat (URL) halamannya untuk menerbitkan; /remove ID; /stats; /unanswered; /feeds, /feed_add URL, /feed_remove ID.",
                    "\n\nAdmin: send a page as a .txt document, /add + its text, or the page's address (URL) to publish; /remove ID; /stats; /unanswered; /feeds, /feed_add URL, /feed_remove ID.",
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
                    what_en(*what)
                )
            } else {
                format!(
                    "Maaf, saya belum bisa membaca {}. Silakan tulis pertanyaan Anda sebagai teks.",
                    what_id(*what)
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
        Text::SlowDown => pick(
            "Pelan-pelan ya 🙂 Anda mengirim banyak pesan sekaligus. Saya menjawab yang pertama; sisanya saya catat tetapi tidak saya jawab satu per satu. Kirim lagi pertanyaan Anda sebentar lagi.",
            "Slow down a little, please 🙂 You sent many messages at once. I answered the first ones; the rest are noted but won't each get an answer. Send your question again in a moment.",
        ),
        Text::Trouble => pick(
            "Maaf, ada gangguan di sistem kami. Silakan coba lagi sebentar lagi.",
            "Sorry, something went wrong on our side. Please try again in a moment.",
        ),
        Text::OfferHuman => pick(
            "Sepertinya saya belum bisa membantu soal ini. Mau bicara dengan petugas?",
            "It seems I can't help with this. Would you like to talk to a person?",
        ),
        Text::HumanHint => pick(
            "Ketik /human untuk bertanya kepada petugas.",
            "Type /human to ask a person.",
        ),
        Text::NoSuchButton { number } => {
            if en {
                format!(
                    "There is no button {number} here. Press one of the buttons under my last message, or write your question in words."
                )
            } else {
                format!(
                    "Tidak ada tombol {number} di sini. Tekan salah satu tombol di bawah pesan saya, atau tulis pertanyaan Anda dengan kata-kata."
                )
            }
        }
        Text::NoArticles => pick(
            "Saya belum punya artikel untuk menjawab. Admin bisa menerbitkan artikel dengan mengirim halamannya kepada saya.",
            "I hold no articles yet, so I cannot answer from the news. An admin can publish one by sending me the page.",
        ),
        Text::About {
            title,
            date,
            lead,
            paragraphs,
        } => {
            let when = date.map(|d| format!(" ({d})")).unwrap_or_default();
            if en {
                format!(
                    "The article \"{title}\"{when}, in its original Indonesian, opens with:\n\n{lead}\n\nIt has {paragraphs} paragraphs; ask me about any detail."
                )
            } else {
                format!(
                    "Artikel \"{title}\"{when} dibuka dengan:\n\n{lead}\n\nArtikelnya {paragraphs} paragraf; tanyakan saja detailnya."
                )
            }
        }
        Text::FollowUp { title, date, quote } => {
            let when = date
                .map(|d| pick(&format!(" (terbit {d})"), &format!(" (published {d})")))
                .unwrap_or_default();
            if en {
                format!(
                    "The article \"{title}\"{when} says only this about it, in its original Indonesian:\n\n{quote}"
                )
            } else {
                format!("Artikel \"{title}\"{when} hanya menulis ini soal itu:\n\n{quote}")
            }
        }
        Text::GroupGreeting => pick(
            "Halo semua! Saya menjawab pertanyaan tentang berita. Tanya dengan /ask pertanyaan, sebut nama saya, atau balas pesan saya.",
            "Hello everyone! I answer questions about the news. Ask with /ask question, mention me, or reply to my message.",
        ),
        Text::GroupOnlyPrivate => pick(
            "Perintah ini hanya bisa dipakai di chat pribadi dengan saya.",
            "This command works only in a private chat with me.",
        ),
        _ => unreachable!("Text::render routes only the reader texts here"),
    }
}

fn what_id(what: Media) -> &'static str {
    match what {
        Media::Sticker => "stiker",
        Media::Photo => "foto",
        Media::Voice => "pesan suara",
        Media::Video => "video",
        Media::VideoNote => "pesan video",
        Media::Audio => "audio",
        Media::Animation => "GIF",
        Media::Location => "lokasi",
        Media::Contact => "kontak",
        Media::Poll => "polling",
        Media::Dice | Media::Story | Media::Other => "pesan jenis ini",
    }
}

fn what_en(what: Media) -> &'static str {
    match what {
        Media::Sticker => "sticker",
        Media::Photo => "photo",
        Media::Voice => "voice message",
        Media::Video => "video",
        Media::VideoNote => "video message",
        Media::Audio => "audio file",
        Media::Animation => "GIF",
        Media::Location => "location",
        Media::Contact => "contact",
        Media::Poll => "poll",
        Media::Dice | Media::Story | Media::Other => "message of this kind",
    }
}
