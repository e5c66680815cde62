//! The rough edges a newcomer hit (issue 11): the greeting without a name, follow-ups after a
//! yes/no answer, "what is the article about?", English labels and suggestions, numbers no button
//! has, no person offered without a support chat, admin-only reports, quotes within quotes, the
//! ticker's date, an empty archive.

use crate::common;
use crate::desk_kit;

use common::TestApp;
use desk_kit::{DeskApp, only_to, reader};
use newsdesk::desk::{ChatKind, Event, Input, Place, Sender};

const SEED_TITLE: &str = "Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp";
const SEED_LEAD: &str = "Beberapa hari terakhir pengguna WhatsApp heboh";

fn nameless(user_id: i64, lang: &str) -> Input {
    Input {
        update_id: Some(desk_kit::next_update()),
        place: Place {
            chat_id: user_id,
            kind: ChatKind::Private,
            thread_id: None,
            message_id: Some(1),
        },
        sender: Some(Sender {
            user_id,
            first_name: String::new(),
            username: None,
            language_code: Some(lang.to_string()),
            is_anonymous: false,
        }),
        replying_to: None,
        event: Event::Command {
            name: "start".into(),
            args: String::new(),
        },
    }
}

#[tokio::test]
async fn the_greeting_without_a_name_is_just_hello() {
    let app = DeskApp::start(TestApp::builder()).await;
    for (user, lang, hello) in [(601, "id", "Halo!"), (602, "en", "Hello!")] {
        let replies = app.handle(nameless(user, lang)).await;
        let start = only_to(&replies, user);
        assert!(start.text.starts_with(hello), "{}", start.text);
        assert!(!start.text.contains("you!"), "{}", start.text);
    }
}

#[tokio::test]
async fn a_short_follow_up_after_a_yes_no_answer_is_answered_from_the_same_article() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(611, "Ani", Some("id"));
    let first = only_to(&app.handle(ani.text("wa bagi2 data ke fb ya?")).await, 611);
    assert!(first.text.contains(SEED_TITLE), "{}", first.text);

    let when = only_to(&app.handle(ani.text("kapan?")).await, 611);
    assert!(
        when.text.contains("13 Januari 2021"),
        "the follow-up is answered with the article's date: {}",
        when.text
    );
    assert!(
        when.has_button("👍"),
        "an answer, with votes: {}",
        when.text
    );
}

#[tokio::test]
async fn what_the_article_is_about_is_answered_with_its_title_and_lead_in_both_languages() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(621, "Ani", Some("id"));
    for question in ["artikel ini tentang apa?", "ringkasan beritanya dong"] {
        let about = only_to(&app.handle(ani.text(question)).await, 621);
        assert!(
            about.text.contains(SEED_TITLE),
            "{question}: {}",
            about.text
        );
        assert!(about.text.contains(SEED_LEAD), "{question}: {}", about.text);
    }
    let bob = reader(622, "Bob", Some("en"));
    let about = only_to(
        &app.handle(bob.text("what is the article about?")).await,
        622,
    );
    assert!(about.text.contains(SEED_TITLE), "{}", about.text);
    assert!(about.text.contains("opens with"), "{}", about.text);
}

#[tokio::test]
async fn what_the_article_is_about_follows_the_conversation_s_article_else_the_newest() {
    let app = DeskApp::start(TestApp::builder()).await;
    let draft = app
        .test
        .app
        .import_bytes(&common::deposit_page())
        .await
        .expect("deposit page imports");
    app.desk.reload_content().await.unwrap();
    let deposit_title = draft.title;

    let ani = reader(623, "Ani", Some("id"));
    let newest = only_to(&app.handle(ani.text("artikel ini tentang apa?")).await, 623);
    assert!(newest.text.contains(&deposit_title), "{}", newest.text);

    let _ = app.handle(ani.text(common::ACQUISITION)).await;
    let topic = only_to(&app.handle(ani.text("artikel ini tentang apa?")).await, 623);
    assert!(topic.text.contains(SEED_TITLE), "{}", topic.text);
}

#[tokio::test]
async fn english_readers_get_english_indicator_names_and_english_suggestions() {
    let app = DeskApp::start(TestApp::builder()).await;
    let bob = reader(631, "Bob", Some("en"));
    let gold = only_to(&app.handle(bob.text("What is the gold price?")).await, 631);
    assert!(
        gold.text.starts_with("Gold (EMAS): 1,546,000"),
        "{}",
        gold.text
    );
    let bitcoin = only_to(
        &app.handle(bob.text("What is the bitcoin price?")).await,
        631,
    );
    assert!(
        bitcoin.text.contains("Gold (EMAS), US dollar"),
        "{}",
        bitcoin.text
    );

    let start = only_to(&app.handle(bob.command("start", "")).await, 631);
    assert!(!start.buttons.is_empty());
    for button in &start.buttons {
        for word in ["emas", "heboh", "sebar", "pengguna", "…"] {
            assert!(
                !button.label.to_lowercase().contains(word),
                "{:?} is not wholly English",
                button.label
            );
        }
    }
    assert!(
        start
            .buttons
            .iter()
            .any(|b| b.label == "What is the gold price?"),
        "{:?}",
        start.buttons
    );
}

#[tokio::test]
async fn a_number_no_button_has_is_a_miss_press_not_a_question() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(641, "Ani", Some("id"));
    let note = only_to(&app.handle(ani.text("2")).await, 641);
    assert!(note.text.contains("Tidak ada tombol 2"), "{}", note.text);
    let state = app.test.app.store.chat_state(641).await.unwrap().unwrap();
    assert_eq!(state.questions, 0, "not counted as a question");
}

#[tokio::test]
async fn without_a_support_chat_no_person_is_offered() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(651, "Ani", Some("id"));
    for question in [
        "resep rendang padang?",
        "jadwal kereta ke bandung?",
        "cuaca besok?",
    ] {
        let refusal = only_to(&app.handle(ani.text(question)).await, 651);
        assert!(!refusal.text.contains("/human"), "{}", refusal.text);
        assert!(!refusal.text.contains("petugas"), "{}", refusal.text);
        assert!(
            !refusal.has_button("petugas"),
            "{question}: {:?}",
            refusal.buttons
        );
    }
    let help = only_to(&app.handle(ani.command("help", "")).await, 651);
    assert!(!help.text.contains("/human"), "{}", help.text);
}

#[tokio::test]
async fn with_a_support_chat_a_refusal_says_how_to_reach_a_person_and_offers_one_after_two() {
    let app = DeskApp::start(TestApp::builder().support_chat_id(-100555)).await;
    let ani = reader(652, "Ani", Some("id"));
    let first = only_to(&app.handle(ani.text("resep rendang padang?")).await, 652);
    assert!(first.text.contains("/human"), "{}", first.text);
    let second = only_to(
        &app.handle(ani.text("jadwal kereta ke bandung?")).await,
        652,
    );
    assert!(second.has_button("petugas"), "{:?}", second.buttons);
}

#[tokio::test]
async fn a_report_command_from_a_reader_says_it_is_for_admins_and_not_that_nothing_changed() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(661, "Ani", Some("id"));
    for command in ["stats", "unanswered"] {
        let refusal = only_to(&app.handle(ani.command(command, "")).await, 661);
        assert!(
            refusal.text.contains("hanya untuk admin"),
            "{}",
            refusal.text
        );
        assert!(
            !refusal.text.contains("diubah"),
            "/{command}: {}",
            refusal.text
        );
    }
    let refusal = only_to(&app.handle(ani.command("remove", "1")).await, 661);
    assert!(
        refusal.text.contains("Tidak ada yang diubah"),
        "{}",
        refusal.text
    );
}

#[tokio::test]
async fn a_quoted_paragraph_never_shows_a_doubled_quotation_mark() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(671, "Ani", Some("id"));
    let answer = only_to(
        &app.handle(ani.text("apakah whatsapp bisa melihat pesan pribadi?"))
            .await,
        671,
    );
    assert!(
        answer.text.contains("tidak dapat melihat pesan"),
        "{}",
        answer.text
    );
    assert!(!answer.text.contains("“”"), "{}", answer.text);
}

#[tokio::test]
async fn the_ticker_without_a_time_of_its_own_is_dated_as_of_the_article() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(681, "Ani", Some("id"));
    let answer = only_to(&app.handle(ani.text("harga emas?")).await, 681);
    assert!(
        answer.text.contains("per terbitnya artikel"),
        "{}",
        answer.text
    );
}

#[tokio::test]
async fn an_empty_archive_answers_without_empty_brackets_or_lists() {
    let test = TestApp::spawn().await;
    let desk = desk_kit::desk_for(&test.app).await;
    let ani = reader(691, "Ani", Some("id"));
    for question in [
        "kapan facebook beli whatsapp?",
        "harga emas?",
        "siapa penulisnya?",
    ] {
        let replies = desk.handle(ani.text(question)).await.unwrap();
        let reply = only_to(&replies, 691);
        assert!(!reply.text.contains("()"), "{}", reply.text);
        assert!(!reply.text.contains(": ."), "{}", reply.text);
        assert!(reply.text.contains("belum punya artikel"), "{}", reply.text);
    }
}
