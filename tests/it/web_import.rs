//! Importing from the web, against the local news site: a URL becomes an article with its canonical
//! URL (same page again: unchanged; changed page: replaced), a page without article text is refused,
//! and the fetcher is polite and safe — its User-Agent, redirects followed but not forever, 5 MiB
//! read at most, web pages and feeds only, a slow server given up on, windows-1252 decoded, and
//! private addresses refused unless `fetch.allow_private` is on.

use std::process::Command;

use newsdesk::app::ImportError;
use newsdesk::store::ImportOutcome;

use crate::common::TestApp;
use crate::common::web_server::WebServer;

const KOMPAS: &str = "/page/kompas-cabai-rawit.html";
const KOMPAS_CANONICAL: &str = "https://money.kompas.com/read/2024/08/05/091000726/harga-cabai-rawit-di-pasar-induk-kramat-jati-tembus-rp-95000-per-kilogram";

/// A newsdesk that may fetch from 127.0.0.1 (the test site) and gives up on a server after 2 s.
pub async fn web_app() -> TestApp {
    TestApp::builder()
        .env("NEWSDESK_FETCH_ALLOW_PRIVATE", "1")
        .local_toml("[fetch]\ntimeout_secs = 2\n")
        .build()
        .await
}

fn page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<html><head><title>{title}</title><link rel=\"canonical\" href=\"https://warta.example/berita/1\">\
         <meta property=\"article:published_time\" content=\"2024-08-05T09:10:00+07:00\"></head>\
         <body><h1>{title}</h1><div class=\"article-content\">{body}</div></body></html>"
    )
}

#[tokio::test]
async fn a_url_is_imported_with_its_canonical_address_and_the_same_page_again_changes_nothing() {
    let site = WebServer::start().await;
    let t = web_app().await;
    let first = t.app.import_url(&site.url(KOMPAS)).await.unwrap();
    let ImportOutcome::Created { id } = first.outcome else {
        panic!("{first:?}")
    };
    let article = t.app.store.article(id).await.unwrap().unwrap();
    assert_eq!(article.parsed.url.as_deref(), Some(KOMPAS_CANONICAL));
    assert_eq!(article.parsed.reporter.as_deref(), Some("Ani Lestari"));
    assert_eq!(article.parsed.paragraphs.len(), 5);
    assert!(
        article
            .parsed
            .paragraphs
            .iter()
            .all(|p| !p.contains("Baca juga") && !p.contains("Advertisement")),
        "{:#?}",
        article.parsed.paragraphs
    );

    let again = t.app.import_url(&site.url(KOMPAS)).await.unwrap();
    assert_eq!(again.outcome, ImportOutcome::Unchanged { id });
    assert_eq!(t.app.store.count_articles().await.unwrap(), 1);
}

#[tokio::test]
async fn a_changed_page_at_the_same_address_replaces_its_article() {
    let site = WebServer::start().await;
    let t = web_app().await;
    site.set_mutable_page(&page(
        "Harga gula naik",
        &["Harga gula pasir naik menjadi Rp 18.000 per kilogram di pasar tradisional Jakarta."],
    ));
    let first = t.app.import_url(&site.url("/mutable")).await.unwrap();
    // The headline was corrected and a paragraph added: same URL, new text.
    site.set_mutable_page(&page(
        "Harga gula pasir naik lagi",
        &[
            "Harga gula pasir naik menjadi Rp 18.500 per kilogram di pasar tradisional Jakarta.",
            "Pedagang menyebut pasokan dari pabrik gula di Jawa Timur berkurang sejak pekan lalu.",
        ],
    ));
    let second = t.app.import_url(&site.url("/mutable")).await.unwrap();
    assert_eq!(
        second.outcome,
        ImportOutcome::Replaced {
            old_id: first.outcome.id(),
            new_id: second.outcome.id()
        }
    );
    let articles = t.app.store.articles().await.unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].parsed.title, "Harga gula pasir naik lagi");
    assert_eq!(
        articles[0].parsed.url.as_deref(),
        Some("https://warta.example/berita/1")
    );
}

#[tokio::test]
async fn a_page_without_article_text_is_refused_with_its_address_and_nothing_is_stored() {
    let site = WebServer::start().await;
    let t = web_app().await;
    let url = site.url("/menus-only");
    let error = t.app.import_url(&url).await.unwrap_err();
    assert_eq!(error.to_string(), format!("no article text found at {url}"));
    assert_eq!(t.app.store.count_articles().await.unwrap(), 0);
}

#[tokio::test]
async fn the_fetcher_names_newsdesk_follows_a_redirect_and_keeps_the_final_address() {
    let site = WebServer::start().await;
    let t = web_app().await;
    let done = t.app.import_url(&site.url("/redirect")).await.unwrap();
    assert!(done.title.starts_with("Tarif KRL Jabodetabek"), "{done:?}");
    let request = &site.requests_to("/page/detik-tarif-krl.html")[0];
    let agent = &request.headers["user-agent"];
    assert!(
        agent.starts_with(&format!("newsdesk/{} (", env!("CARGO_PKG_VERSION"))),
        "{agent}"
    );
}

#[tokio::test]
async fn endless_redirects_big_pages_images_and_slow_servers_are_refused_with_reasons() {
    let site = WebServer::start().await;
    let t = web_app().await;
    let reason = |e: ImportError| e.to_string();
    let cases = [
        ("/loop/0", "more than 5 redirects"),
        ("/huge", "larger than 5 MiB"),
        ("/image.png", "image/png, not a web page or a feed"),
        ("/slow", "did not answer in time"),
        ("/page/missing.html", "HTTP 404"),
    ];
    for (path, expected) in cases {
        let error = reason(t.app.import_url(&site.url(path)).await.unwrap_err());
        assert!(error.contains(expected), "{path}: {error}");
    }
    // The loop was cut after 5 redirects: 6 requests in all.
    let hops = site
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/loop/"))
        .count();
    assert_eq!(hops, 6);
    assert_eq!(t.app.store.count_articles().await.unwrap(), 0);
}

#[tokio::test]
async fn a_windows_1252_page_is_stored_with_its_dashes_and_quotes_intact() {
    let site = WebServer::start().await;
    let t = web_app().await;
    let done = t
        .app
        .import_url(&site.url("/page/daerah-kopi-gayo-windows-1252.html"))
        .await
        .unwrap();
    let article = t
        .app
        .store
        .article(done.outcome.id())
        .await
        .unwrap()
        .unwrap();
    let body = article.parsed.paragraphs.join("\n");
    assert!(body.contains("gabah – naik 15%"), "{body}");
    assert!(body.contains("“Kami ingin petani"), "{body}");
}

#[tokio::test]
async fn private_addresses_are_refused_by_number_and_by_name_when_not_allowed() {
    let site = WebServer::start().await;
    let t = TestApp::spawn().await;
    assert!(!t.app.settings.fetch.allow_private);
    for url in [site.url(KOMPAS), site.url_by_name(KOMPAS)] {
        let error = t.app.import_url(&url).await.unwrap_err().to_string();
        assert!(error.starts_with("refused:"), "{url}: {error}");
        assert!(error.contains("private"), "{url}: {error}");
    }
    assert!(
        site.requests().is_empty(),
        "the site must not have been reached: {:?}",
        site.requests()
    );
    // The cloud metadata service is link-local: refused before any connection is tried.
    let error = t
        .app
        .import_url("http://169.254.169.254/latest/meta-data/")
        .await
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("refused:"), "{error}");
}

#[tokio::test]
async fn the_cli_imports_a_url_and_a_saved_page_and_lists_their_addresses() {
    let site = WebServer::start().await;
    let t = web_app().await;
    let bin = env!("CARGO_BIN_EXE_newsdesk");
    let saved = crate::common::repo_path("tests/fixtures/web/antaranews-beras-bulog.html");
    let url = site.url(KOMPAS);
    // The blocking binary runs off the async runtime so the site can answer it.
    let envs = t.env.clone();
    let config = t.config_dir();
    let run = move |args: Vec<String>| {
        let envs = envs.clone();
        let dir = config.parent().unwrap().to_path_buf();
        tokio::task::spawn_blocking(move || {
            Command::new(bin)
                .args(args)
                .envs(envs)
                .env("RUST_LOG", "warn")
                .current_dir(dir)
                .output()
                .unwrap()
        })
    };
    let out = run(vec![
        "import".into(),
        url.clone(),
        saved.display().to_string(),
    ])
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("imported #1 \"Harga Cabai Rawit"),
        "{stdout}"
    );
    assert!(stdout.contains("imported #2 \"Bulog salurkan"), "{stdout}");

    let out = run(vec!["articles".into(), "--json".into()]).await.unwrap();
    let articles: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles[0]["url"], KOMPAS_CANONICAL);
    assert_eq!(
        articles[1]["url"],
        "https://www.antaranews.com/berita/4290001/bulog-salurkan-12-juta-ton-beras-sphp-hingga-agustus"
    );

    let out = run(vec![
        "ask".into(),
        "--json".into(),
        "Berapa stok beras Bulog?".into(),
    ])
    .await
    .unwrap();
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["answered"], true, "{answer}");
    assert_eq!(answer["sources"][0]["url"], articles[1]["url"], "{answer}");

    let out = run(vec!["import".into(), site.url("/menus-only")])
        .await
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no article text found at http://"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
