//! The command menus' descriptions (`setMyCommands`): what each command does, in a few words.

use super::Text;
use crate::desk::Command;
use crate::nlu::Lang;

/// Renders a command's menu line; [`Text::render`] routes only [`Text::CommandMenu`] here.
pub(super) fn render(text: &Text, lang: Lang) -> String {
    let pick = |id: &str, english: &str| super::pick(lang, id, english);
    let Text::CommandMenu { command } = text else {
        unreachable!("Text::render routes only the menu texts here")
    };
    match command {
        Command::Start => pick(
            "Mulai dan lihat contoh pertanyaan",
            "Start and see example questions",
        ),
        Command::Help => pick("Apa yang bisa saya jawab", "What I can answer"),
        Command::Ask => pick("Ajukan pertanyaan", "Ask a question"),
        Command::Lang => pick("Pilih bahasa (id/en)", "Choose the language (id/en)"),
        Command::Articles => pick("Daftar artikel", "List the articles"),
        Command::Subscribe => pick("Kabari saya artikel baru", "Tell me about new articles"),
        Command::Unsubscribe => pick(
            "Berhenti dikabari artikel baru",
            "Stop telling me about new articles",
        ),
        Command::Human => pick("Bicara dengan petugas", "Talk to a person"),
        Command::Cancel => pick(
            "Tutup percakapan dengan petugas",
            "End the conversation with a person",
        ),
        Command::Add => pick(
            "Terbitkan artikel dari teks",
            "Publish an article from text",
        ),
        Command::Remove => pick("Hapus artikel", "Remove an article"),
        Command::Stats => pick("Statistik pertanyaan", "Question statistics"),
        Command::Unanswered => pick(
            "Pertanyaan yang belum terjawab",
            "Questions left unanswered",
        ),
        Command::Feeds => pick("Daftar feed berita", "List the news feeds"),
        Command::FeedAdd => pick("Tambah feed: /feed_add URL", "Add a feed: /feed_add URL"),
        Command::FeedRemove => pick(
            "Hapus feed: /feed_remove ID",
            "Remove a feed: /feed_remove ID",
        ),
        // The support chat's commands are in no menu: staff learn them from the ticket texts.
        Command::Tickets | Command::Close => {
            unreachable!("/{} is in no command menu", command.name())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::Desk;

    #[test]
    fn both_menus_describe_every_command_in_each_language_in_other_words() {
        for menu in [Desk::commands, Desk::admin_commands] {
            let (id, en) = (menu(Lang::Id), menu(Lang::En));
            assert_eq!(id.len(), en.len());
            for ((name, in_id), (name_en, in_en)) in id.iter().zip(&en) {
                assert_eq!(name, name_en);
                assert!(!in_id.is_empty() && in_id != in_en, "/{name}");
            }
        }
    }
}
