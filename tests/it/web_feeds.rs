//! News feeds against the local news site: `feeds add/list/poll/remove` from the real binary, RSS
//! and Atom, conditional GET answered 304, a malformed feed recorded and backed off without holding
//! up the others, the feed's own text when an item's page is gone, changed items, refused items,
//! retention.

use std::process::{Command, Output};

use chrono::Utc;
use newsdesk::web::poller::{self, Due};
use serde_json::Value;

use crate::common::TestApp;
use crate::common::web_server::{Item, WebServer};
use crate::web_import::web_app;

fn kompas() -> Item {
    Item::page(
        "kompas-cabai-rawit.html",
        "Harga Cabai Rawit di Pasar Induk Kramat Jati Tembus Rp 95.000 per Kilogram",
    )
}

fn detik() -> Item {
    Item::page(
        "detik-tarif-krl.html",
        "Tarif KRL Jabodetabek Naik Jadi Rp 5.000 Mulai Oktober, Ini Rinciannya",
    )
}

async fn cli(t: &TestApp, args: &[&str]) -> Output {
    let envs = t.env.clone();
    let dir = t.dir.path().to_path_buf();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_newsdesk"))
            .args(args)
            .envs(envs)
            .env("RUST_LOG", "warn")
            .current_dir(dir)
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn a_feed_is_added_polled_with_a_conditional_get_listed_and_removed_from_the_cli() {
    let site = WebServer::start().await;
    site.set_items(vec![kompas(), detik()]);
    let t = web_app().await;
    let feed = site.url("/rss.xml");

    let out = cli(&t, &["feeds", "add", &feed]).await;
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        stdout(&out).trim(),
        format!("added feed #1 {feed} \"Warta Lokal\"")
    );
    let out = cli(&t, &["feeds", "list", "--json"]).await;
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed[0]["last_checked"], Value::Null);
    assert_eq!(listed[0]["last_error"], Value::Null);

    let out = cli(&t, &["feeds", "poll"]).await;
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("new #1 \"Harga Cabai Rawit"),
        "{lines:?}"
    );
    assert!(lines[0].ends_with("(feed #1)"), "{lines:?}");
    assert!(
        lines[0].contains("https://money.kompas.com/read/"),
        "{lines:?}"
    );
    assert!(lines[1].starts_with("new #2 \"Tarif KRL"), "{lines:?}");

    // Nothing changed: the feed answers 304 to the validators of the last answer.
    let out = cli(&t, &["feeds", "poll"]).await;
    assert!(out.status.success(), "{out:?}");
    assert_eq!(stdout(&out), "");
    let polls = site.requests_to("/rss.xml");
    let last = polls.last().unwrap();
    assert_eq!(last.headers["if-none-match"], "\"v1\"");
    assert_eq!(
        last.headers["if-modified-since"],
        "Mon, 05 Aug 2024 02:10:00 GMT"
    );

    let out = cli(&t, &["feeds", "list", "--json"]).await;
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        listed,
        serde_json::json!([{
            "id": 1,
            "url": feed,
            "title": "Warta Lokal",
            "review": false,
            "last_checked": listed[0]["last_checked"],
            "last_error": null,
            "articles_imported": 2
        }])
    );
    let checked = listed[0]["last_checked"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(checked).is_ok(),
        "{checked}"
    );

    let out = cli(&t, &["feeds", "remove", "1"]).await;
    assert_eq!(stdout(&out).trim(), format!("removed feed #1 {feed}"));
    let out = cli(&t, &["feeds", "list"]).await;
    assert!(stdout(&out).starts_with("No feeds."), "{}", stdout(&out));
    assert_eq!(
        t.app.store.count_articles().await.unwrap(),
        2,
        "articles stay"
    );
}

#[tokio::test]
async fn a_page_that_is_not_a_feed_is_not_added() {
    let site = WebServer::start().await;
    let t = web_app().await;
    let out = cli(
        &t,
        &["feeds", "add", &site.url("/page/detik-tarif-krl.html")],
    )
    .await;
    assert!(!out.status.success());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("not a readable RSS, Atom or JSON feed"),
        "{error}"
    );
    assert!(t.app.store.feeds().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_atom_feed_is_read_and_a_broken_feed_backs_off_without_stopping_the_others() {
    let site = WebServer::start().await;
    site.set_items(vec![detik()]);
    let t = web_app().await;
    t.app
        .store
        .add_feed(&site.url("/broken.xml"), false)
        .await
        .unwrap();
    t.app
        .store
        .add_feed(&site.url("/atom.xml"), false)
        .await
        .unwrap();

    let reports = poller::poll_round(&t.app, Due::Due).await.unwrap();
    assert_eq!(reports.len(), 2);
    let broken = &reports[0];
    assert!(
        broken
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("not a readable RSS, Atom or JSON feed")),
        "{broken:?}"
    );
    assert_eq!(reports[1].items.len(), 1, "{:?}", reports[1]);
    assert_eq!(t.app.store.count_articles().await.unwrap(), 1);

    let feeds = t.app.store.feeds().await.unwrap();
    assert_eq!(feeds[0].failures, 1);
    assert!(feeds[0].last_error.is_some());
    // One failure: twice the 900 s interval before the next try.
    let wait = feeds[0].next_poll_at.unwrap() - feeds[0].last_checked.unwrap();
    assert_eq!(wait.num_seconds(), 1800);
    assert_eq!(feeds[1].title.as_deref(), Some("Warta Atom"));

    // Not due yet: the next round leaves both alone.
    assert!(
        poller::poll_round(&t.app, Due::Due)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(feeds.iter().all(|f| f.next_poll_at.unwrap() > Utc::now()));
}

#[tokio::test]
async fn an_item_whose_page_is_gone_is_imported_from_the_feeds_own_text() {
    let site = WebServer::start().await;
    site.set_items(vec![Item {
        title: "Pelabuhan Merak padat pemudik".into(),
        link: "/page/hilang.html".into(),
        published: "Tue, 09 Apr 2024 06:00:00 +0700".into(),
        description:
            "<p>Antrean kendaraan di Pelabuhan Merak mencapai 4 kilometer pada Selasa pagi.</p>\
                      <p>ASDP menambah 12 kapal untuk mengurai kepadatan.</p>"
                .into(),
    }]);
    let t = web_app().await;
    t.app
        .store
        .add_feed(&site.url("/rss.xml"), false)
        .await
        .unwrap();
    let reports = poller::poll_round(&t.app, Due::Due).await.unwrap();
    assert_eq!(reports[0].items.len(), 1, "{reports:?}");
    let article = &t.app.store.articles().await.unwrap()[0];
    assert_eq!(article.parsed.title, "Pelabuhan Merak padat pemudik");
    assert_eq!(article.parsed.paragraphs.len(), 2);
    assert_eq!(
        article.parsed.url.as_deref(),
        Some(site.url("/page/hilang.html").as_str())
    );
    assert_eq!(
        article
            .parsed
            .published_at
            .map(|d| d.to_rfc3339())
            .as_deref(),
        Some("2024-04-08T23:00:00+00:00")
    );
}

#[tokio::test]
async fn a_changed_item_replaces_its_article_and_is_reported_as_changed() {
    let site = WebServer::start().await;
    let item = |text: &str| Item {
        title: "Stok beras aman".into(),
        link: "/page/tidak-ada.html".into(),
        published: "Tue, 09 Apr 2024 06:00:00 +0700".into(),
        description: format!("<p>{text}</p>"),
    };
    site.set_items(vec![item(
        "Bulog menyimpan 1,2 juta ton beras di gudangnya.",
    )]);
    let t = web_app().await;
    t.app
        .store
        .add_feed(&site.url("/rss.xml"), false)
        .await
        .unwrap();
    poller::poll_round(&t.app, Due::AllButReview).await.unwrap();
    site.set_items(vec![item(
        "Bulog menyimpan 1,5 juta ton beras di gudangnya.",
    )]);
    let reports = poller::poll_round(&t.app, Due::AllButReview).await.unwrap();
    let line = newsdesk::web::feeds::item_line(1, &reports[0].items[0]);
    assert!(line.starts_with("changed #2 \"Stok beras aman\""), "{line}");
    let articles = t.app.store.articles().await.unwrap();
    assert_eq!(articles.len(), 1);
    assert!(articles[0].parsed.paragraphs[0].contains("1,5 juta"));
    assert_eq!(t.app.store.feeds().await.unwrap()[0].imported, 1);
}

#[tokio::test]
async fn retention_keeps_the_newest_articles_after_a_poll() {
    let site = WebServer::start().await;
    site.set_items(vec![kompas(), detik()]);
    let t = TestApp::builder()
        .env("NEWSDESK_FETCH_ALLOW_PRIVATE", "1")
        .local_toml("[content]\nmax_articles = 1\n")
        .build()
        .await;
    t.app
        .store
        .add_feed(&site.url("/rss.xml"), false)
        .await
        .unwrap();
    let out = cli(&t, &["feeds", "poll"]).await;
    assert!(out.status.success(), "{out:?}");
    let articles = t.app.store.articles().await.unwrap();
    // KRL (12 September 2024) is newer than the chili prices (5 August 2024).
    assert_eq!(articles.len(), 1);
    assert!(articles[0].parsed.title.starts_with("Tarif KRL"));

    let t = TestApp::builder()
        .local_toml("[content]\nmax_age_days = 30\n")
        .content_file(
            "lama.txt",
            crate::common::plain_article("Berita lama", "Isi lama."),
        )
        .build()
        .await;
    assert_eq!(t.app.store.count_articles().await.unwrap(), 1);
    assert_eq!(
        poller::prune(&t.app).await.unwrap().len(),
        1,
        "5 August 2024 is past 30 days"
    );
}

#[tokio::test]
async fn an_item_that_cannot_be_imported_is_reported_once_and_not_fetched_again_until_it_changes() {
    let site = WebServer::start().await;
    // The page is gone and the feed's own title is too long to be a title: no poll can import
    // this version of the item.
    let item = |title: String| Item {
        title,
        link: "/page/judul-panjang.html".into(),
        published: "Tue, 09 Apr 2024 06:00:00 +0700".into(),
        description: "<p>Antrean kendaraan mengular sejak subuh.</p>".into(),
    };
    site.set_items(vec![item("Antrean panjang ".repeat(30))]);
    let t = web_app().await;
    t.app
        .store
        .add_feed(&site.url("/rss.xml"), false)
        .await
        .unwrap();

    let first = poller::poll_round(&t.app, Due::AllButReview).await.unwrap();
    let line = newsdesk::web::feeds::item_line(1, &first[0].items[0]);
    assert!(line.starts_with("refused"), "{line}");
    assert!(line.contains("title"), "the reason is given: {line}");
    let second = poller::poll_round(&t.app, Due::AllButReview).await.unwrap();
    assert!(second[0].items.is_empty(), "{second:?}");
    assert_eq!(
        site.requests_to("/page/judul-panjang.html").len(),
        1,
        "an unchanged refused item is not fetched again"
    );
    assert!(t.app.store.articles().await.unwrap().is_empty());

    // A new version of the item is looked at again.
    site.set_items(vec![item("Antrean panjang di gerbang tol".into())]);
    let third = poller::poll_round(&t.app, Due::AllButReview).await.unwrap();
    assert_eq!(third[0].items.len(), 1, "{third:?}");
    assert_eq!(site.requests_to("/page/judul-panjang.html").len(), 2);
    assert_eq!(t.app.store.articles().await.unwrap().len(), 1);
}
