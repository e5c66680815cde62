//! Admins keep the content current from the chat: publish through a preview (document or `/add`),
//! subscribers notified, `/remove` with confirmation, `/stats`, `/unanswered`; everyone else —
//! including an anonymous group admin — is refused with nothing changed.

use crate::common;
use crate::desk_kit;

use common::TestApp;
use common::{DEPOSIT_QUESTION, deposit_page};
use desk_kit::{DeskApp, member, only_to, reader, sent, sent_to, toast};
use newsdesk::desk::{Event, Reply};

const ADMIN: i64 = 4242;

#[tokio::test]
async fn an_admin_publishes_a_page_sent_as_a_document_and_it_is_answered_right_after() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("id"));
    let ani = reader(801, "Ani", Some("id"));
    let john = reader(802, "John", Some("en"));
    app.handle(ani.command("subscribe", "")).await;
    app.handle(john.command("lang", "en")).await;
    app.handle(john.command("subscribe", "")).await;

    let before = only_to(&app.handle(ani.text(DEPOSIT_QUESTION)).await, ani.chat_id());
    assert!(!before.text.contains("2 miliar"), "{}", before.text);

    let preview = only_to(&app.handle(admin.document(&deposit_page())).await, ADMIN);
    for expected in [
        "Bunga deposito bank digital masih tinggi",
        "5 Agustus 2024",
        "Rina Astuti Wibowo",
        "Paragraf: ",
        "EMAS",
        "artikel baru",
    ] {
        assert!(
            preview.text.contains(expected),
            "{expected:?} in {}",
            preview.text
        );
    }
    assert_eq!(
        preview
            .buttons
            .iter()
            .map(|b| b.label.as_str())
            .collect::<Vec<_>>(),
        ["Terbitkan", "Batal"]
    );
    assert_eq!(
        app.test.app.store.count_articles().await.unwrap(),
        1,
        "not yet"
    );

    let replies = app
        .handle(admin.press(&preview.button("Terbitkan"), 40))
        .await;
    toast(&replies);
    assert!(replies.contains(&Reply::ClearButtons {
        chat_id: ADMIN,
        message_id: 40
    }));
    let confirmation = &sent_to(&replies, ADMIN)[0];
    assert!(confirmation.text.contains("#2"), "{}", confirmation.text);
    assert!(
        confirmation.text.contains("2 pelanggan"),
        "{}",
        confirmation.text
    );
    let notice = &sent_to(&replies, ani.chat_id())[0];
    assert!(
        notice.text.contains("Artikel baru: Bunga deposito"),
        "{}",
        notice.text
    );
    let notice = &sent_to(&replies, john.chat_id())[0];
    assert!(
        notice.text.contains("New article: Bunga deposito"),
        "{}",
        notice.text
    );

    let after = only_to(&app.handle(ani.text(DEPOSIT_QUESTION)).await, ani.chat_id());
    assert!(after.text.contains("2 miliar"), "{}", after.text);
}

#[tokio::test]
async fn an_admin_can_publish_with_add_and_the_preview_is_in_the_admins_language() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("en"));
    let page = "Tarif ojek daring naik mulai September\n\nTanggal: 2024-08-05\n\n\
                Kementerian Perhubungan menaikkan tarif ojek daring sebesar 10 persen mulai September.\n\n\
                Kenaikan berlaku untuk semua zona.";

    let preview = only_to(&app.handle(admin.command("add", page)).await, ADMIN);
    assert!(preview.text.starts_with("Preview:"), "{}", preview.text);
    assert!(
        preview.text.contains("This is a new article."),
        "{}",
        preview.text
    );
    let replies = app
        .handle(admin.press(&preview.button("Publish"), 41))
        .await;
    assert!(
        sent_to(&replies, ADMIN)[0].text.contains("Published"),
        "{replies:#?}"
    );

    let answer = only_to(
        &app.handle(admin.text("Berapa kenaikan tarif ojek daring?"))
            .await,
        ADMIN,
    );
    assert!(answer.text.contains("10 persen"), "{}", answer.text);
}

#[tokio::test]
async fn cancel_on_the_preview_stores_nothing_and_the_buttons_then_are_stale() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("id"));

    let preview = only_to(&app.handle(admin.document(&deposit_page())).await, ADMIN);
    let replies = app.handle(admin.press(&preview.button("Batal"), 42)).await;
    assert!(only_to(&replies, ADMIN).text.contains("Dibatalkan"));
    let replies = app
        .handle(admin.press(&preview.button("Terbitkan"), 42))
        .await;
    assert_eq!(toast(&replies), "Tombol ini sudah tidak berlaku.");
    assert_eq!(app.test.app.store.count_articles().await.unwrap(), 1);
}

#[tokio::test]
async fn a_page_that_replaces_an_article_says_so_in_the_preview() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("id"));
    let seed = String::from_utf8(common::seed_page()).unwrap();
    let changed = seed.replace(
        "Harga akuisisi US$ 19 miliar.",
        "Harga akuisisi US$ 19 miliar (revisi).",
    );
    assert_ne!(seed, changed);

    let preview = only_to(&app.handle(admin.document(changed.as_bytes())).await, ADMIN);
    assert!(
        preview.text.contains("menggantikan artikel #1"),
        "{}",
        preview.text
    );

    let same = only_to(
        &app.handle(admin.document(&common::seed_page())).await,
        ADMIN,
    );
    assert!(
        same.text.contains("sudah ada sebagai artikel #1"),
        "{}",
        same.text
    );
    assert!(same.buttons.is_empty());
}

#[tokio::test]
async fn a_bad_page_gets_the_parsers_error_and_nothing_is_stored() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("id"));

    for bad in [&b"\0\x01binary"[..], b"   \n  ", b"Judul saja"] {
        let reply = only_to(&app.handle(admin.document(bad)).await, ADMIN);
        assert!(reply.text.contains("tidak bisa dibaca"), "{}", reply.text);
        assert!(
            reply.text.contains("Tidak ada yang disimpan"),
            "{}",
            reply.text
        );
        assert!(reply.buttons.is_empty());
    }
    let mut tx = app.test.app.store.begin_read().await.unwrap();
    assert_eq!(tx.draft_count().await.unwrap(), 0);
}

#[tokio::test]
async fn a_document_over_one_mebibyte_is_refused_clearly() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("id"));

    let not_downloaded = admin.input(Event::Document {
        file_name: Some("huge.txt".into()),
        bytes: None,
        size: 5 * 1024 * 1024,
    });
    let reply = only_to(&app.handle(not_downloaded).await, ADMIN);
    assert!(reply.text.contains("1 MiB"), "{}", reply.text);

    let big = vec![b'a'; 1024 * 1024 + 1];
    let reply = only_to(&app.handle(admin.document(&big)).await, ADMIN);
    assert!(reply.text.contains("1 MiB"), "{}", reply.text);
}

#[tokio::test]
async fn non_admins_are_refused_admin_actions_and_nothing_changes() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let ani = reader(803, "Ani", Some("id"));
    let admin = reader(ADMIN, "Admin", Some("id"));
    let preview = only_to(&app.handle(admin.document(&deposit_page())).await, ADMIN);

    for (name, args) in [
        ("add", "Judul\n\nIsi paragraf."),
        ("remove", "1"),
        ("stats", ""),
        ("unanswered", ""),
    ] {
        let reply = only_to(&app.handle(ani.command(name, args)).await, ani.chat_id());
        assert!(
            reply.text.contains("hanya untuk admin"),
            "/{name}: {}",
            reply.text
        );
    }
    let reply = only_to(
        &app.handle(ani.document(&deposit_page())).await,
        ani.chat_id(),
    );
    assert!(
        reply.text.contains("tidak menerima dokumen"),
        "{}",
        reply.text
    );
    for data in [preview.button("Terbitkan"), "rm:1".to_string()] {
        let replies = app.handle(ani.press(&data, 9)).await;
        assert_eq!(toast(&replies), "Hanya untuk admin.");
        assert_eq!(replies.len(), 1);
    }
    assert_eq!(app.test.app.store.count_articles().await.unwrap(), 1);
    let mut tx = app.test.app.store.begin_read().await.unwrap();
    assert_eq!(
        tx.draft_count().await.unwrap(),
        1,
        "the admin's draft is untouched"
    );
}

#[tokio::test]
async fn an_anonymous_group_admin_is_not_an_admin_but_a_listed_id_in_a_group_is() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let group = -100777;
    let mut anonymous = member(ADMIN, "Group", group, None);
    anonymous.sender.is_anonymous = true;
    let listed = member(ADMIN, "Admin", group, None);

    let reply = only_to(&app.handle(anonymous.command("stats", "")).await, group);
    assert!(reply.text.contains("hanya untuk admin"), "{}", reply.text);
    let reply = only_to(&app.handle(listed.command("stats", "")).await, group);
    assert!(reply.text.contains("Statistik"), "{}", reply.text);
}

#[tokio::test]
async fn remove_asks_to_confirm_and_a_removed_article_is_no_longer_used_for_answers() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("id"));
    let ani = reader(804, "Ani", Some("id"));

    let reply = only_to(&app.handle(admin.command("remove", "99")).await, ADMIN);
    assert!(
        reply.text.contains("Tidak ada artikel #99"),
        "{}",
        reply.text
    );
    let reply = only_to(&app.handle(admin.command("remove", "")).await, ADMIN);
    assert!(reply.text.contains("/remove ID"), "{}", reply.text);

    let confirm = only_to(&app.handle(admin.command("remove", "1")).await, ADMIN);
    assert!(
        confirm.text.contains("Hapus artikel #1"),
        "{}",
        confirm.text
    );
    let keep = app
        .handle(admin.press(&confirm.button("Jangan hapus"), 50))
        .await;
    assert!(sent(&keep)[0].text.contains("tidak dihapus"));
    assert_eq!(app.test.app.store.count_articles().await.unwrap(), 1);

    let replies = app.handle(admin.press(&confirm.button("Hapus"), 50)).await;
    toast(&replies);
    assert!(only_to(&replies, ADMIN).text.contains("dihapus"));
    assert_eq!(app.test.app.store.count_articles().await.unwrap(), 0);

    let answer = only_to(
        &app.handle(ani.text("Tahun berapa WhatsApp diakuisisi Facebook?"))
            .await,
        ani.chat_id(),
    );
    assert!(!answer.text.contains("2014"), "{}", answer.text);
    let again = app.handle(admin.press(&confirm.button("Hapus"), 50)).await;
    assert_eq!(toast(&again), "Tombol ini sudah tidak berlaku.");
}

#[tokio::test]
async fn stats_count_questions_answers_intents_and_periods() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("en"));
    let ani = reader(805, "Ani", Some("id"));

    app.handle(ani.text("Tahun berapa WhatsApp diakuisisi Facebook?"))
        .await;
    app.handle(ani.text("harga emas sekarang")).await;
    app.handle(ani.text("resep nasi goreng enak")).await;
    app.handle(ani.text("hai")).await;

    let stats = only_to(&app.handle(admin.command("stats", "")).await, ADMIN);
    for expected in [
        "Last day",
        "Last week",
        "All time",
        "Questions: 4 — answered 3 (75%)",
        "fallback 1",
        "ticker 1",
        "greeting 1",
        "Open tickets: 0",
    ] {
        assert!(
            stats.text.contains(expected),
            "{expected:?} in {}",
            stats.text
        );
    }
}

#[tokio::test]
async fn unanswered_lists_refused_questions_with_similar_ones_grouped() {
    let app = DeskApp::start(TestApp::builder().admins(&[ADMIN])).await;
    let admin = reader(ADMIN, "Admin", Some("id"));
    let ani = reader(806, "Ani", Some("id"));
    let budi = reader(807, "Budi", Some("id"));

    app.handle(ani.text("Berapa kurs yen hari ini?")).await;
    app.handle(budi.text("kurs yen berapa?")).await;
    app.handle(ani.text("resep nasi goreng enak")).await;
    app.handle(ani.text("Tahun berapa WhatsApp diakuisisi Facebook?"))
        .await;

    let list = only_to(&app.handle(admin.command("unanswered", "")).await, ADMIN);
    assert!(
        list.text.contains("resep nasi goreng enak ×1"),
        "{}",
        list.text
    );
    assert!(list.text.contains("kurs yen berapa? ×2"), "{}", list.text);
    assert!(
        list.text.contains("~ Berapa kurs yen hari ini?"),
        "{}",
        list.text
    );
    assert!(
        !list.text.contains("WhatsApp"),
        "answered questions are not listed: {}",
        list.text
    );
}
