//! The desk in private chats: questions and answers with their buttons, follow-ups, `/start`,
//! `/lang` kept across a restart, re-delivered updates, `/articles`, subscriptions, awkward input.

use crate::common;
use crate::desk_kit;

use common::TestApp;
use desk_kit::{DeskApp, only_to, reader, sent, toast};
use newsdesk::desk::{Event, Media, Reply};

#[tokio::test]
async fn a_question_in_a_private_chat_is_answered_from_the_article_with_vote_buttons() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(501, "Ani", Some("id"));

    let replies = app
        .handle(ani.text("Tahun berapa WhatsApp diakuisisi Facebook?"))
        .await;

    let answer = only_to(&replies, ani.chat_id());
    assert!(answer.text.contains("2014"), "{}", answer.text);
    assert_eq!(answer.reply_to, None, "private answers are plain messages");
    let up = answer.button("👍");
    let down = answer.button("👎");
    assert!(
        up.starts_with("fb:+:") && down.starts_with("fb:-:"),
        "{up} {down}"
    );
    assert!(answer.buttons.iter().all(|b| b.data.len() <= 64));

    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((state.questions, state.answered), (1, 1));
}

#[tokio::test]
async fn an_answer_that_quotes_part_of_the_article_offers_the_next_paragraph() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(502, "Ani", Some("id"));

    let replies = app
        .handle(ani.text("Orang-orang beralih ke platform apa?"))
        .await;
    let answer = only_to(&replies, ani.chat_id());
    let more = answer.button("Lanjutannya");
    assert!(more.starts_with("more:"), "{more}");

    let replies = app.handle(ani.press(&more, 10)).await;
    assert_eq!(toast(&replies), "");
    let next = only_to(&replies, ani.chat_id());
    assert!(!next.text.is_empty());
    assert_ne!(
        next.text, answer.text,
        "the next paragraph, not the same one"
    );
}

#[tokio::test]
async fn a_follow_up_question_uses_the_topic_the_chat_is_about() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(503, "Ani", Some("id"));
    let budi = reader(504, "Budi", Some("id"));

    app.handle(ani.text("harga emas sekarang")).await;
    let follow_up = only_to(&app.handle(ani.text("berapa?")).await, ani.chat_id());
    let fresh = only_to(&app.handle(budi.text("berapa?")).await, budi.chat_id());

    assert!(
        follow_up.text.contains("1.546.000") || follow_up.text.contains("5.000"),
        "the follow-up is about gold: {}",
        follow_up.text
    );
    assert_ne!(
        follow_up.text, fresh.text,
        "another chat has no topic, so the same words get another reply"
    );
}

#[tokio::test]
async fn start_greets_lists_the_articles_and_offers_suggested_questions_that_get_answered() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(505, "Ani", Some("id"));

    let start = only_to(&app.handle(ani.command("start", "")).await, ani.chat_id());
    assert!(start.text.contains("Halo Ani"), "{}", start.text);
    assert!(
        start.text.contains("Heboh sebar data pengguna"),
        "{}",
        start.text
    );
    assert!(start.text.contains("13 Januari 2021"), "{}", start.text);
    assert!(
        (3..=4).contains(&start.buttons.len()),
        "3–4 suggestions: {:#?}",
        start.buttons
    );

    for button in &start.buttons {
        let replies = app.handle(ani.press(&button.data, 20)).await;
        toast(&replies);
        let answer = only_to(&replies, ani.chat_id());
        assert!(
            answer.has_button("👍"),
            "suggestion {:?} is answered: {}",
            button.label,
            answer.text
        );
    }
}

#[tokio::test]
async fn start_speaks_english_to_an_english_client() {
    let app = DeskApp::start(TestApp::builder()).await;
    let john = reader(506, "John", Some("en-US"));

    let start = only_to(&app.handle(john.command("start", "")).await, john.chat_id());
    assert!(start.text.starts_with("Hello John"), "{}", start.text);
    assert!(start.text.contains("13 January 2021"), "{}", start.text);
}

#[tokio::test]
async fn the_chosen_language_is_kept_across_a_restart_on_the_same_database() {
    let mut app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(507, "Ani", Some("id"));

    let set = only_to(&app.handle(ani.command("lang", "en")).await, ani.chat_id());
    assert!(set.text.contains("English"), "{}", set.text);

    app.restart().await;
    let help = only_to(&app.handle(ani.command("help", "")).await, ani.chat_id());
    assert!(
        help.text.contains("ask a question"),
        "help in English: {}",
        help.text
    );

    let answer = only_to(
        &app.handle(ani.text("Siapa penulis berita ini?")).await,
        ani.chat_id(),
    );
    assert!(answer.text.contains("Ahmad Febrian"), "{}", answer.text);
    let set = only_to(&app.handle(ani.command("lang", "id")).await, ani.chat_id());
    assert!(set.text.contains("bahasa Indonesia"), "{}", set.text);
}

#[tokio::test]
async fn lang_without_an_argument_offers_buttons_that_switch_the_language() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(508, "Ani", None);

    let choose = only_to(&app.handle(ani.command("lang", "")).await, ani.chat_id());
    let english = choose.button("English");
    let replies = app.handle(ani.press(&english, 30)).await;
    assert_eq!(toast(&replies), "English chosen.");
    assert!(replies.contains(&Reply::ClearButtons {
        chat_id: ani.chat_id(),
        message_id: 30
    }));
    let help = only_to(&app.handle(ani.command("help", "")).await, ani.chat_id());
    assert!(help.text.contains("ask a question"), "{}", help.text);

    let unknown = only_to(&app.handle(ani.command("lang", "fr")).await, ani.chat_id());
    assert!(unknown.text.contains("\"fr\""), "{}", unknown.text);
    assert_eq!(unknown.buttons.len(), 2);
}

#[tokio::test]
async fn an_update_delivered_again_after_a_restart_is_not_answered_twice() {
    let mut app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(509, "Ani", Some("id"));
    let question = ani.text("Tahun berapa WhatsApp diakuisisi Facebook?");

    assert_eq!(sent(&app.handle(question.clone()).await).len(), 1);
    app.restart().await;
    assert!(app.handle(question.clone()).await.is_empty());

    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(state.questions, 1, "the re-delivery was not logged either");
    assert_eq!(state.last_update_id, question.update_id);
}

#[tokio::test]
async fn articles_lists_titles_with_dates_and_ids_only_for_admins() {
    let app = DeskApp::start(TestApp::builder().admins(&[77])).await;
    let ani = reader(510, "Ani", Some("id"));
    let admin = reader(77, "Admin", Some("id"));

    let list = only_to(
        &app.handle(ani.command("articles", "")).await,
        ani.chat_id(),
    );
    assert!(list.text.contains("Heboh sebar data pengguna ke Facebook"));
    assert!(list.text.contains("13 Januari 2021"));
    assert!(!list.text.contains('#'), "{}", list.text);

    let list = only_to(
        &app.handle(admin.command("articles", "")).await,
        admin.chat_id(),
    );
    assert!(list.text.contains("#1 "), "{}", list.text);
}

#[tokio::test]
async fn subscribe_and_unsubscribe_are_stored_per_chat() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(511, "Ani", Some("id"));

    app.handle(ani.command("subscribe", "")).await;
    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert!(state.subscribed);
    let again = only_to(
        &app.handle(ani.command("subscribe", "")).await,
        ani.chat_id(),
    );
    assert!(again.text.contains("sudah"), "{}", again.text);

    app.handle(ani.command("unsubscribe", "")).await;
    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert!(!state.subscribed);
}

#[tokio::test]
async fn ask_with_text_is_a_question_and_without_text_says_how_to_ask() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(512, "Ani", Some("id"));

    let answer = only_to(
        &app.handle(ani.command("ask", "facebook beli whatsapp kapan sih"))
            .await,
        ani.chat_id(),
    );
    assert!(answer.text.contains("2014"), "{}", answer.text);
    let how = only_to(&app.handle(ani.command("ask", "  ")).await, ani.chat_id());
    assert!(how.text.contains("/ask"), "{}", how.text);
}

#[tokio::test]
async fn stickers_photos_and_voice_get_a_polite_reply_saying_what_works() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(513, "Ani", Some("id"));

    for (what, word) in [
        (Media::Sticker, "stiker"),
        (Media::Photo, "foto"),
        (Media::Voice, "pesan suara"),
    ] {
        let reply = only_to(
            &app.handle(ani.input(Event::Unsupported { what })).await,
            ani.chat_id(),
        );
        assert!(reply.text.contains(word), "{what:?}: {}", reply.text);
        assert!(reply.text.contains("teks"), "{}", reply.text);
    }
}

#[tokio::test]
async fn emoji_only_and_blank_messages_get_a_polite_reply() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(514, "Ani", Some("id"));

    for text in ["😀😀🙏", "   ", "?!"] {
        let reply = only_to(&app.handle(ani.text(text)).await, ani.chat_id());
        assert!(reply.text.contains("kata-kata"), "{text:?}: {}", reply.text);
    }
    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(state.questions, 0);
}

#[tokio::test]
async fn a_message_over_4000_characters_is_answered_from_its_start_and_says_so() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(515, "Ani", Some("id"));
    let long = format!(
        "Tahun berapa WhatsApp diakuisisi Facebook? {}",
        "bla ".repeat(2000)
    );

    let reply = only_to(&app.handle(ani.text(&long)).await, ani.chat_id());
    assert!(
        reply.text.contains("4000 karakter pertama"),
        "{}",
        reply.text
    );
}

#[tokio::test]
async fn a_document_from_a_reader_is_refused_politely() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(516, "Ani", Some("id"));

    let reply = only_to(
        &app.handle(ani.document(b"judul\n\nisi")).await,
        ani.chat_id(),
    );
    assert!(reply.text.contains("dokumen"), "{}", reply.text);
    assert_eq!(app.test.app.store.count_articles().await.unwrap(), 1);
}

#[tokio::test]
async fn an_edited_question_in_a_private_chat_is_answered_again() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(517, "Ani", Some("id"));

    app.handle(ani.text("Tahun berapa WA dibeli?")).await;
    let again = only_to(
        &app.handle(ani.edited("Tahun berapa WhatsApp diakuisisi Facebook?"))
            .await,
        ani.chat_id(),
    );
    assert!(again.text.contains("2014"), "{}", again.text);
}

#[tokio::test]
async fn an_english_question_is_answered_in_english_even_from_an_indonesian_client() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(518, "Ani", Some("id"));

    let reply = only_to(
        &app.handle(ani.text("Who is the author of the article?"))
            .await,
        ani.chat_id(),
    );
    assert!(reply.text.contains("Ahmad Febrian"), "{}", reply.text);
    let state = app
        .test
        .app
        .store
        .chat_state(ani.chat_id())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(state.language, None, "detection does not store a choice");
}

#[tokio::test]
async fn an_unknown_command_in_a_private_chat_points_to_help() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(519, "Ani", Some("id"));

    let reply = only_to(
        &app.handle(ani.command("frobnicate", "")).await,
        ani.chat_id(),
    );
    assert!(reply.text.contains("/help"), "{}", reply.text);
}

#[tokio::test]
async fn ask_for_a_chat_uses_and_keeps_that_chats_conversation() {
    let mut app = DeskApp::start(TestApp::builder()).await;

    let first = app.desk.ask(42, "harga emas sekarang", None).await.unwrap();
    assert_eq!(first.intent.as_str(), "ticker");
    app.restart().await;
    let follow_up = app.desk.ask(42, "berapa?", None).await.unwrap();
    assert!(follow_up.text.contains("1.546.000"), "{}", follow_up.text);
    let elsewhere = app.desk.ask(43, "berapa?", None).await.unwrap();
    assert!(!elsewhere.answered, "{}", elsewhere.text);

    let state = app.test.app.store.chat_state(42).await.unwrap().unwrap();
    assert_eq!((state.questions, state.answered), (2, 2));
    let english = app
        .desk
        .ask(42, "berapa?", Some(newsdesk::nlu::Lang::En))
        .await
        .unwrap();
    assert!(english.text.contains("1,546,000"), "{}", english.text);
}

#[tokio::test]
async fn a_ticker_answer_has_votes_but_no_more_button() {
    let app = DeskApp::start(TestApp::builder()).await;
    let ani = reader(520, "Ani", Some("id"));

    let answer = only_to(
        &app.handle(ani.text("harga emas sekarang")).await,
        ani.chat_id(),
    );
    assert!(answer.text.contains("1.546.000"), "{}", answer.text);
    assert!(answer.has_button("👍"));
    assert!(!answer.has_button("Lanjutannya"), "{:#?}", answer.buttons);
}
