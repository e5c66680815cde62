//! Extraction accuracy on saved pages that copy the markup of real Indonesian news sites
//! (`tests/fixtures/web/`, see its README): title, publication time, author, canonical URL and body
//! paragraphs, measured against `expected.json` and printed as a table (`--nocapture` shows it).

use newsdesk::content::html;
use serde_json::Value;

use crate::common::repo_path;

struct Score {
    title: usize,
    date: usize,
    author: usize,
    url: usize,
    /// Expected paragraphs found exactly / extracted paragraphs that were expected.
    found: usize,
    expected: usize,
    extracted: usize,
    pages: usize,
}

/// What the extractor is given of each page.
#[derive(Clone, Copy)]
enum Strip {
    /// The page as saved.
    Nothing,
    /// Without its JSON-LD: the meta tags and the visible page must do.
    JsonLd,
    /// Without JSON-LD and `<meta>` tags: only the visible page (and `<title>`, canonical link).
    JsonLdAndMeta,
}

fn strip(page: &str, what: Strip) -> String {
    let mut out = page.to_string();
    let mut cut = |open: &str, close: &str| {
        while let Some(start) = out.find(open) {
            let end = out[start..]
                .find(close)
                .map_or(out.len(), |e| start + e + close.len());
            out.replace_range(start..end, "");
        }
    };
    if matches!(what, Strip::JsonLd | Strip::JsonLdAndMeta) {
        cut("<script type=\"application/ld+json\">", "</script>");
    }
    if matches!(what, Strip::JsonLdAndMeta) {
        cut("<meta ", ">");
    }
    out
}

fn measure() -> (Score, Vec<String>) {
    measure_with(Strip::Nothing)
}

fn measure_with(what: Strip) -> (Score, Vec<String>) {
    let expected: Value = serde_json::from_slice(
        &std::fs::read(repo_path("tests/fixtures/web/expected.json")).unwrap(),
    )
    .unwrap();
    let mut score = Score {
        title: 0,
        date: 0,
        author: 0,
        url: 0,
        found: 0,
        expected: 0,
        extracted: 0,
        pages: 0,
    };
    let mut lines = Vec::new();
    for (file, want) in expected.as_object().unwrap() {
        let bytes = std::fs::read(repo_path(&format!("tests/fixtures/web/{file}"))).unwrap();
        let page = strip(&html::decode(&bytes, None), what);
        let got = html::extract(&page, None).unwrap_or_else(|e| panic!("{file}: {e}"));
        let want_paragraphs: Vec<&str> = want["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let found = want_paragraphs
            .iter()
            .filter(|p| got.paragraphs.iter().any(|g| g == *p))
            .count();
        let title = got.title == want["title"].as_str().unwrap();
        // To the minute, offset included: a byline shows no seconds, and readers ask for days.
        let minute = |at: chrono::DateTime<chrono::FixedOffset>| {
            (
                at.format("%Y-%m-%dT%H:%M").to_string(),
                at.offset().local_minus_utc(),
            )
        };
        let date = got.published_at.map(minute)
            == want["published_at"]
                .as_str()
                .and_then(|w| chrono::DateTime::parse_from_rfc3339(w).ok())
                .map(minute);
        let author = got.reporter.as_deref() == want["author"].as_str();
        let url = got.url.as_deref() == want["url"].as_str();
        score.pages += 1;
        score.title += usize::from(title);
        score.date += usize::from(date);
        score.author += usize::from(author);
        score.url += usize::from(url);
        score.found += found;
        score.expected += want_paragraphs.len();
        score.extracted += got.paragraphs.len();
        let mark = |ok: bool| if ok { "ok" } else { "WRONG" };
        lines.push(format!(
            "{file:<40} title {:<5} date {:<5} author {:<5} url {:<5} paragraphs {found}/{} (extracted {})",
            mark(title),
            mark(date),
            mark(author),
            mark(url),
            want_paragraphs.len(),
            got.paragraphs.len()
        ));
        if !(title && date && author && url && found == got.paragraphs.len()) {
            lines.push(format!("    got: {got:#?}"));
        }
    }
    (score, lines)
}

#[test]
fn extraction_from_six_news_page_layouts_gets_every_field_and_paragraph_right() {
    let (s, lines) = measure();
    let report = lines.join("\n");
    let precision = s.found as f64 / s.extracted.max(1) as f64;
    let recall = s.found as f64 / s.expected.max(1) as f64;
    println!(
        "{report}\n\ntitle {}/{n}, date {}/{n}, author {}/{n}, url {}/{n}, paragraphs precision {precision:.3} recall {recall:.3}",
        s.title,
        s.date,
        s.author,
        s.url,
        n = s.pages
    );
    assert!(s.pages >= 6, "{report}");
    assert_eq!(
        (s.title, s.date, s.author, s.url),
        (s.pages, s.pages, s.pages, s.pages),
        "{report}"
    );
    assert!(precision >= 0.95 && recall >= 0.95, "{report}");
}

#[test]
fn a_windows_1252_page_comes_out_as_the_same_text_as_its_utf8_twin() {
    let bytes = std::fs::read(repo_path(
        "tests/fixtures/web/daerah-kopi-gayo-windows-1252.html",
    ))
    .unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let text = html::decode(&bytes, Some("text/html; charset=windows-1252"));
    assert!(text.contains("gabah – naik 15%"), "{text}");
    assert!(text.contains("“Kami ingin"), "{text}");
}

#[test]
fn without_json_ld_and_meta_tags_the_visible_page_still_gives_the_article() {
    let mut summary = Vec::new();
    for (name, what) in [
        ("no JSON-LD", Strip::JsonLd),
        ("no JSON-LD, no meta", Strip::JsonLdAndMeta),
    ] {
        let (s, lines) = measure_with(what);
        let precision = s.found as f64 / s.extracted.max(1) as f64;
        let recall = s.found as f64 / s.expected.max(1) as f64;
        summary.push(format!(
            "{name}: title {}/{n}, date {}/{n}, author {}/{n}, url {}/{n}, paragraphs precision {precision:.3} recall {recall:.3}\n{}",
            s.title,
            s.date,
            s.author,
            s.url,
            lines.join("\n"),
            n = s.pages
        ));
        // The body never depends on the head.
        assert!(
            precision >= 0.95 && recall >= 0.95,
            "{}",
            summary.join("\n")
        );
    }
    println!("{}", summary.join("\n\n"));
}
