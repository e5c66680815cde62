//! Button labels, toasts, and the suggested questions offered as buttons.

use super::Text;
use crate::nlu::Lang;

/// Renders the buttons texts; [`Text::render`] routes only these variants here.
pub(super) fn render(text: &Text, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |id: &str, english: &str| super::pick(lang, id, english);
    match text {
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
        Text::SuggestLatestAbout => pick(
            "Artikel terbaru tentang apa?",
            "What is the latest article about?",
        ),
        Text::SuggestLatestAuthor => pick(
            "Siapa penulis artikel terbaru?",
            "Who wrote the latest article?",
        ),
        Text::SuggestLatestWhen => pick(
            "Kapan artikel terbaru terbit?",
            "When was the latest article published?",
        ),
        _ => unreachable!("Text::render routes only the buttons texts here"),
    }
}
