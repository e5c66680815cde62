//! The SQLite store through a real, freshly migrated database file per test: import outcomes,
//! removal, connection settings, persistence, default content at start, and chat state.

use crate::common;

use chrono::{TimeZone, Utc};
use common::{TestApp, plain_article, repo_path, seed_page};
use newsdesk::content::{self, ParsedArticle};
use newsdesk::nlu::Lang;
use newsdesk::store::{ImportOutcome, MIGRATOR, NewUpdate, Store};

fn parsed(raw: &[u8]) -> ParsedArticle {
    content::parse(raw).expect("test article parses")
}

async fn import(store: &Store, raw: &[u8]) -> ImportOutcome {
    store
        .import(&content::content_hash(raw), &parsed(raw))
        .await
        .expect("import")
}

#[tokio::test]
async fn importing_a_new_page_creates_an_article_with_everything_it_holds() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    assert_eq!(store.count_articles().await.unwrap(), 0);

    let outcome = import(store, &seed_page()).await;
    let ImportOutcome::Created { id } = outcome else {
        panic!("expected Created, got {outcome:?}")
    };

    let article = store.article(id).await.unwrap().expect("stored");
    assert_eq!(article.parsed, parsed(&seed_page()));
    assert_eq!(article.content_hash, content::content_hash(&seed_page()));
    assert_eq!(
        article.parsed.published_at.unwrap().to_rfc3339(),
        "2021-01-13T18:35:00+07:00",
        "the page's own offset is kept"
    );
    assert_eq!(store.articles().await.unwrap(), vec![article]);
}

#[tokio::test]
async fn importing_the_same_page_twice_keeps_one_article() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let first = import(store, &seed_page()).await;
    let second = import(store, &seed_page()).await;
    assert_eq!(second, ImportOutcome::Unchanged { id: first.id() });
    assert_eq!(store.count_articles().await.unwrap(), 1);
}

#[tokio::test]
async fn the_same_text_with_other_line_endings_is_the_same_article() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let first = import(store, &seed_page()).await;
    let crlf = String::from_utf8(seed_page())
        .unwrap()
        .replace('\n', "\r\n");
    assert_eq!(
        import(store, crlf.as_bytes()).await,
        ImportOutcome::Unchanged { id: first.id() }
    );
}

#[tokio::test]
async fn a_changed_version_of_an_article_replaces_the_earlier_one() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let old_id = import(store, &seed_page()).await.id();

    let changed = String::from_utf8(seed_page())
        .unwrap()
        .replace("marketplace raksasa", "marketplace terbesar");
    let outcome = import(store, changed.as_bytes()).await;
    let ImportOutcome::Replaced {
        old_id: replaced,
        new_id,
    } = outcome
    else {
        panic!("expected Replaced, got {outcome:?}")
    };
    assert_eq!(replaced, old_id);
    assert_ne!(new_id, old_id, "the new version gets its own id");

    assert_eq!(store.count_articles().await.unwrap(), 1);
    assert!(store.article(old_id).await.unwrap().is_none());
    assert_eq!(store.rows_of_article(old_id).await.unwrap(), (0, 0));
    let now = store.article(new_id).await.unwrap().unwrap();
    assert!(
        now.parsed
            .paragraphs
            .last()
            .unwrap()
            .contains("marketplace terbesar")
    );
}

#[tokio::test]
async fn different_articles_are_kept_side_by_side_in_import_order() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let a = import(
        store,
        plain_article("Harga cabai naik", "Harga cabai naik tajam.").as_bytes(),
    )
    .await;
    let b = import(
        store,
        plain_article("Harga beras turun", "Harga beras turun.").as_bytes(),
    )
    .await;
    let c = import(store, &seed_page()).await;
    assert!(matches!(a, ImportOutcome::Created { .. }));
    assert!(matches!(b, ImportOutcome::Created { .. }));

    let titles: Vec<String> = store
        .articles()
        .await
        .unwrap()
        .into_iter()
        .map(|x| x.parsed.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Harga cabai naik",
            "Harga beras turun",
            "Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp"
        ]
    );
    assert!(a.id() < b.id() && b.id() < c.id());
}

#[tokio::test]
async fn an_article_without_ticker_date_or_byline_round_trips() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let raw = "Judul saja\n\nSatu paragraf isi berita ini.\n";
    let id = import(store, raw.as_bytes()).await.id();
    let article = store.article(id).await.unwrap().unwrap();
    assert_eq!(article.parsed, parsed(raw.as_bytes()));
    assert!(article.parsed.ticker.is_empty());
    assert_eq!(article.parsed.published_at, None);
}

#[tokio::test]
async fn removing_an_article_removes_its_paragraphs_and_ticker() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let id = import(store, &seed_page()).await.id();
    assert_eq!(store.rows_of_article(id).await.unwrap(), (9, 11));

    assert!(store.remove(id).await.unwrap());
    assert_eq!(store.rows_of_article(id).await.unwrap(), (0, 0));
    assert!(store.article(id).await.unwrap().is_none());
    assert!(
        !store.remove(id).await.unwrap(),
        "a second removal finds nothing"
    );
}

#[tokio::test]
async fn a_removed_article_can_be_imported_again_under_a_new_id() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let id = import(store, &seed_page()).await.id();
    store.remove(id).await.unwrap();
    let again = import(store, &seed_page()).await;
    assert!(
        matches!(again, ImportOutcome::Created { id: new } if new > id),
        "{again:?}"
    );
}

#[tokio::test]
async fn a_fresh_database_file_is_created_with_every_migration_applied() {
    let t = TestApp::spawn().await;
    assert!(t.database_path().is_file(), "folder and file are created");
    let health = t.app.store.health().await.unwrap();
    let shipped: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
    assert!(!shipped.is_empty());
    assert_eq!(health.applied_migrations, shipped);
}

#[tokio::test]
async fn the_database_runs_in_wal_mode_with_foreign_keys_enforced() {
    let t = TestApp::spawn().await;
    let health = t.app.store.health().await.unwrap();
    assert_eq!(health.journal_mode, "wal");
    assert!(health.foreign_keys);
}

#[tokio::test]
async fn the_wal_is_copied_into_the_database_file_while_the_store_stays_open() {
    // Commits do not checkpoint (`wal_autocheckpoint = 0`, so none of them holds the writers up
    // with two fsyncs): the store's own task does, beside them. Without it the database file
    // would not grow until the last connection closed.
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    let size = || std::fs::metadata(t.database_path()).unwrap().len();
    let before = size();
    let raw = "x".repeat(4000);
    let updates: Vec<NewUpdate> = (0..500)
        .map(|i| NewUpdate {
            update_id: i,
            content_key: format!("m:1:{i}"),
            chat_id: 1,
            raw: raw.clone(),
        })
        .collect();
    for chunk in updates.chunks(50) {
        store.accept_updates(chunk, Utc::now()).await.unwrap();
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while size() < before + 1_000_000 {
        assert!(
            std::time::Instant::now() < deadline,
            "the database file stayed at {} bytes (was {before})",
            size()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn articles_and_chats_survive_reopening_the_same_file() {
    let t = TestApp::spawn().await;
    let id = import(&t.app.store, &seed_page()).await.id();
    t.app
        .store
        .set_chat_language(-100, Some(Lang::En))
        .await
        .unwrap();
    t.app.store.close().await;

    let reopened = t.restart().await;
    let article = reopened
        .store
        .article(id)
        .await
        .unwrap()
        .expect("still there");
    assert_eq!(article.parsed, parsed(&seed_page()));
    let chat = reopened.store.chat(-100).await.unwrap().expect("chat kept");
    assert_eq!(chat.language, Some(Lang::En));
    // Opening an up-to-date database applies nothing twice.
    let shipped: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
    assert_eq!(
        reopened.store.health().await.unwrap().applied_migrations,
        shipped
    );
}

#[tokio::test]
async fn a_fresh_database_imports_the_content_folder_at_start_and_not_again() {
    let t = TestApp::builder().seed_content().build().await;
    let articles = t.app.store.articles().await.unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].parsed, parsed(&seed_page()));

    let again = t.restart().await;
    assert_eq!(again.store.count_articles().await.unwrap(), 1);
    assert_eq!(again.store.articles().await.unwrap(), articles);
}

#[tokio::test]
async fn unreadable_files_in_the_content_folder_are_skipped_and_the_rest_imported() {
    let t = TestApp::builder()
        .content_file("a-binary.bin", vec![0u8, 159, 146, 150])
        .content_file("b-empty.txt", "")
        .content_file("c-seed.txt", seed_page())
        .content_file(
            "d-plain.txt",
            plain_article("Harga cabai naik", "Harga cabai naik tajam."),
        )
        .content_file(
            ".hidden.txt",
            plain_article("Tersembunyi", "Tidak diimpor."),
        )
        .build()
        .await;
    let titles: Vec<String> = t
        .app
        .store
        .articles()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.parsed.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp",
            "Harga cabai naik"
        ],
        "files in name order; bad and hidden ones skipped"
    );
}

#[tokio::test]
async fn a_missing_content_folder_starts_an_empty_database() {
    let t = TestApp::builder()
        .content_dir("/nonexistent/newsdesk/content")
        .build()
        .await;
    assert_eq!(t.app.store.count_articles().await.unwrap(), 0);
}

#[tokio::test]
async fn the_parser_fixtures_import_as_distinct_articles() {
    let t = TestApp::builder()
        .content_dir(repo_path("tests/fixtures"))
        .build()
        .await;
    let count = t.app.store.count_articles().await.unwrap();
    let files = std::fs::read_dir(repo_path("tests/fixtures"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_file())
        .filter(|e| {
            let raw = std::fs::read(e.as_ref().unwrap().path()).unwrap();
            content::parse(&raw).is_ok()
        })
        .count() as i64;
    assert!(count >= 2, "at least two fixture articles, got {count}");
    assert_eq!(count, files);
}

#[tokio::test]
async fn an_in_memory_database_works_for_the_whole_session() {
    let store = Store::open("sqlite::memory:").await.unwrap();
    let id = import(&store, &seed_page()).await.id();
    assert_eq!(store.count_articles().await.unwrap(), 1);
    assert_eq!(
        store.article(id).await.unwrap().unwrap().parsed,
        parsed(&seed_page())
    );
    assert!(store.health().await.unwrap().foreign_keys);
}

#[tokio::test]
async fn a_chat_is_created_on_first_sight_and_its_last_activity_updated() {
    let t = TestApp::spawn().await;
    let store = &t.app.store;
    assert!(store.chat(42).await.unwrap().is_none());

    let first = Utc.with_ymd_and_hms(2024, 8, 5, 9, 0, 0).unwrap();
    let later = Utc.with_ymd_and_hms(2024, 8, 6, 10, 30, 0).unwrap();
    store.touch_chat(42, first).await.unwrap();
    store.touch_chat(42, later).await.unwrap();
    let chat = store.chat(42).await.unwrap().unwrap();
    assert_eq!((chat.first_seen, chat.last_seen), (first, later));
    assert_eq!(chat.language, None);

    store.set_chat_language(42, Some(Lang::En)).await.unwrap();
    assert_eq!(
        store.chat(42).await.unwrap().unwrap().language,
        Some(Lang::En)
    );
    store.set_chat_language(42, None).await.unwrap();
    assert_eq!(store.chat(42).await.unwrap().unwrap().language, None);
    assert_eq!(store.chat(42).await.unwrap().unwrap().first_seen, first);
}

#[tokio::test]
async fn concurrent_imports_of_the_same_page_store_it_once() {
    let t = TestApp::spawn().await;
    let page = seed_page();
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let store = t.app.store.clone();
            let page = page.clone();
            tokio::spawn(async move { import(&store, &page).await })
        })
        .collect();
    let mut created = 0;
    for task in tasks {
        if matches!(task.await.unwrap(), ImportOutcome::Created { .. }) {
            created += 1;
        }
    }
    assert_eq!(created, 1);
    assert_eq!(t.app.store.count_articles().await.unwrap(), 1);
}
