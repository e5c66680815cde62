//! `WebServer`: a local news site for the web tests (axum on 127.0.0.1:0) — the saved pages of
//! `tests/fixtures/web/`, an RSS 2.0 and an Atom feed whose items the test sets (with ETag and
//! Last-Modified, answering 304 to a matching conditional request), a malformed feed, redirects,
//! a page over 5 MiB streamed without a length, a PNG, a slow page, and a page the test can change.
//! Every request is recorded (path and headers) so tests can assert what the fetcher sent.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::repo_path;

/// One item of the served feeds.
#[derive(Debug, Clone)]
pub struct Item {
    pub title: String,
    /// Path on this server (`/page/…`) or an absolute URL.
    pub link: String,
    pub published: String,
    pub description: String,
}

impl Item {
    /// An item linking to a fixture page under `/page/`.
    pub fn page(file: &str, title: &str) -> Item {
        Item {
            title: title.to_string(),
            link: format!("/page/{file}"),
            published: "Mon, 05 Aug 2024 09:10:00 +0700".to_string(),
            description: format!("<p>{title}.</p>"),
        }
    }
}

/// A request the server got.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

#[derive(Default)]
struct Site {
    items: Vec<Item>,
    /// Changes with every `set_items`, so the ETag does.
    version: u64,
    mutable_page: String,
    requests: Vec<Request>,
}

type Shared = Arc<Mutex<Site>>;

pub struct WebServer {
    addr: SocketAddr,
    site: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl WebServer {
    pub async fn start() -> WebServer {
        let site: Shared = Arc::default();
        let app = Router::new()
            .route("/page/{file}", get(page))
            .route("/rss.xml", get(rss))
            .route("/atom.xml", get(atom))
            .route("/broken.xml", get(broken))
            .route("/redirect", get(redirect))
            .route("/loop/{n}", get(redirect_loop))
            .route("/huge", get(huge))
            .route("/image.png", get(image))
            .route("/slow", get(slow))
            .route("/mutable", get(mutable))
            .route("/menus-only", get(menus_only))
            .with_state(site.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        WebServer { addr, site, task }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The same address by name (`localhost`), so the resolver's check is exercised.
    pub fn url_by_name(&self, path: &str) -> String {
        format!("http://localhost:{}{path}", self.addr.port())
    }

    /// Replaces the items of `/rss.xml` and `/atom.xml` (and so their ETag).
    pub fn set_items(&self, items: Vec<Item>) {
        let mut site = self.site.lock().unwrap();
        site.items = items;
        site.version += 1;
    }

    /// What `/mutable` serves.
    pub fn set_mutable_page(&self, html: &str) {
        self.site.lock().unwrap().mutable_page = html.to_string();
    }

    pub fn requests(&self) -> Vec<Request> {
        self.site.lock().unwrap().requests.clone()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
}

impl Drop for WebServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn record(site: &Shared, path: &str, headers: &HeaderMap) {
    let headers = headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                v.to_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    site.lock().unwrap().requests.push(Request {
        path: path.to_string(),
        headers,
    });
}

async fn page(
    State(site): State<Shared>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    record(&site, &format!("/page/{file}"), &headers);
    let Ok(bytes) = std::fs::read(repo_path(&format!("tests/fixtures/web/{file}"))) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kind = if file.contains("windows-1252") {
        "text/html; charset=windows-1252"
    } else {
        "text/html; charset=utf-8"
    };
    ([(header::CONTENT_TYPE, kind)], bytes).into_response()
}

fn absolute(host: &HeaderMap, link: &str) -> String {
    if link.starts_with("http") {
        return link.to_string();
    }
    let host = host
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}{link}")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Answers 304 when the request carries this version's ETag, else the feed with its validators.
fn conditional(site: &Shared, headers: &HeaderMap, kind: &str, body: String) -> Response {
    let version = site.lock().unwrap().version;
    let etag = format!("\"v{version}\"");
    let last_modified = "Mon, 05 Aug 2024 02:10:00 GMT";
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str())
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::ETAG, etag),
            (header::LAST_MODIFIED, last_modified.to_string()),
        ],
        body,
    )
        .into_response()
}

async fn rss(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/rss.xml", &headers);
    let items: String = site
        .lock()
        .unwrap()
        .items
        .iter()
        .map(|i| {
            format!(
                "<item><title>{}</title><link>{}</link><guid>{}</guid><pubDate>{}</pubDate>\
                 <description>{}</description></item>",
                escape(&i.title),
                escape(&absolute(&headers, &i.link)),
                escape(&absolute(&headers, &i.link)),
                i.published,
                escape(&i.description)
            )
        })
        .collect();
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
         <title>Warta Lokal</title><link>http://127.0.0.1/</link><description>Berita</description>\
         {items}</channel></rss>"
    );
    conditional(&site, &headers, "application/rss+xml; charset=utf-8", body)
}

async fn atom(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/atom.xml", &headers);
    let entries: String = site
        .lock()
        .unwrap()
        .items
        .iter()
        .map(|i| {
            format!(
                "<entry><title>{}</title><link rel=\"alternate\" href=\"{}\"/><id>{}</id>\
                 <updated>2024-08-05T09:10:00+07:00</updated><summary type=\"html\">{}</summary></entry>",
                escape(&i.title),
                escape(&absolute(&headers, &i.link)),
                escape(&absolute(&headers, &i.link)),
                escape(&i.description)
            )
        })
        .collect();
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Warta Atom</title><id>urn:warta</id><updated>2024-08-05T09:10:00+07:00</updated>\
         {entries}</feed>"
    );
    conditional(&site, &headers, "application/atom+xml", body)
}

async fn broken(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/broken.xml", &headers);
    (
        [(header::CONTENT_TYPE, "application/rss+xml")],
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Rusak</title><item><title>Tanpa",
    )
        .into_response()
}

async fn redirect(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/redirect", &headers);
    (
        StatusCode::FOUND,
        [(header::LOCATION, "/page/detik-tarif-krl.html")],
    )
        .into_response()
}

async fn redirect_loop(
    State(site): State<Shared>,
    Path(n): Path<u32>,
    headers: HeaderMap,
) -> Response {
    record(&site, &format!("/loop/{n}"), &headers);
    (
        StatusCode::FOUND,
        [(header::LOCATION, format!("/loop/{}", n + 1))],
    )
        .into_response()
}

/// 6 MiB of HTML in 64 KiB chunks, with no Content-Length: only counting what is read stops it.
async fn huge(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/huge", &headers);
    let chunk = format!(
        "<p>{}</p>\n",
        "Paragraf panjang tentang harga. ".repeat(2040)
    );
    let chunks = (0..96).map(move |_| Ok::<_, std::io::Error>(chunk.clone()));
    Response::builder()
        .header(header::CONTENT_TYPE, "text/html")
        .body(Body::from_stream(futures_util::stream::iter(chunks)))
        .unwrap()
}

async fn image(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/image.png", &headers);
    (
        [(header::CONTENT_TYPE, "image/png")],
        vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0],
    )
        .into_response()
}

async fn slow(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/slow", &headers);
    tokio::time::sleep(Duration::from_secs(5)).await;
    ([(header::CONTENT_TYPE, "text/html")], "<p>terlambat</p>").into_response()
}

async fn mutable(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/mutable", &headers);
    let page = site.lock().unwrap().mutable_page.clone();
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

async fn menus_only(State(site): State<Shared>, headers: HeaderMap) -> Response {
    record(&site, "/menus-only", &headers);
    (
        [(header::CONTENT_TYPE, "text/html")],
        "<html><head><title>Indeks Berita</title></head><body><nav><ul><li><a>Nasional</a></li>\
         <li><a>Ekonomi</a></li></ul></nav><div class=\"ads\"><p>Advertisement</p></div></body></html>",
    )
        .into_response()
}
