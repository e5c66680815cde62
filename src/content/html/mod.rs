//! Articles from web pages, in order of trust: the page's JSON-LD `NewsArticle` ([`jsonld`]), its
//! OpenGraph and `article:*` meta tags ([`meta`]), then the visible page ([`readability`]).
//! [`charset`] turns the fetched bytes into text first.
//!
//! The result is an ordinary [`ParsedArticle`] with its canonical URL. [`to_plain_text`] writes it
//! in the plain-text article form, which is what gets hashed, kept as a draft and imported — so a
//! page imports exactly as its text would, and an unchanged page is an unchanged article.
//!
//! What the markup and the pages' own words mean (tags, meta names, furniture, byline labels) is
//! data under `lexicon/markup/` and `lexicon/pages/` ([`super::lexicon`]).

pub mod charset;
mod jsonld;
mod meta;
mod readability;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::boilerplate::is_furniture;
use super::fields::Field;
use super::lexicon::PageLexicon;
use super::{ParseError, ParsedArticle, parse_datetime};

pub use charset::decode;

/// A body given as one block of text is cut into paragraphs of this many sentences.
const SENTENCES_PER_PARAGRAPH: usize = 3;

/// Extracts the article of a page. `page_url` is where it was fetched from (after redirects), used
/// to resolve a relative canonical link and as the URL when the page names none.
///
/// A page with no article text is refused with [`ParseError::NoArticleText`].
pub fn extract(html: &str, page_url: Option<&str>) -> Result<ParsedArticle, ParseError> {
    let doc = Html::parse_document(html);
    let ld = jsonld::find(&doc).unwrap_or_default();
    let meta = meta::read(&doc);

    let readability::Visible {
        paragraphs: visible,
        fields,
    } = readability::visible(&doc);
    let paragraphs = match ld.body.as_deref().map(str::trim) {
        // A body with its own line breaks keeps the writer's paragraphs: the most trusted form.
        Some(body) if body.contains('\n') => clean_paragraphs(body.split('\n').map(str::to_string)),
        // One block of text loses the paragraphs; the visible page still has them.
        Some(body) if visible.is_empty() => clean_paragraphs(split_sentences(body)),
        _ => visible,
    };
    // A byline inside the article (`Pewarta: … | Editor: …`), the last resort for names.
    let byline = |wanted: fn(&Field) -> Option<&String>| fields.iter().find_map(wanted).cloned();

    let title = ld
        .headline
        .clone()
        .or(meta.og_title.clone())
        .or(meta.h1.clone())
        .or(meta.doc_title.as_deref().map(strip_site_suffix))
        .map(|t| squeeze(&t))
        .filter(|t| !t.is_empty());
    let paragraphs: Vec<String> = dedup(paragraphs)
        .into_iter()
        .filter(|p| Some(p) != title.as_ref())
        .collect();
    if paragraphs.is_empty() {
        return Err(ParseError::NoArticleText);
    }
    let title = title.unwrap_or_else(|| paragraphs[0].chars().take(100).collect());

    let published_at = ld
        .date_published
        .iter()
        .chain(meta.published.iter())
        .find_map(|written| parse_when(written));
    let reporter = if ld.authors.is_empty() {
        meta.author
            .as_deref()
            .and_then(clean_author)
            .or_else(|| {
                byline(|f| match f {
                    Field::Reporter(name) => Some(name),
                    _ => None,
                })
            })
            .or(meta.labelled_author.clone())
    } else {
        Some(ld.authors.join(", "))
    };
    let editor = if ld.editors.is_empty() {
        byline(|f| match f {
            Field::Editor(name) => Some(name),
            _ => None,
        })
    } else {
        Some(ld.editors.join(", "))
    };
    let url = meta
        .canonical
        .iter()
        .chain(ld.url.iter())
        .find_map(|link| absolute_url(link, page_url))
        .or_else(|| page_url.and_then(|u| absolute_url(u, None)));

    Ok(ParsedArticle {
        title,
        published_at,
        reporter,
        editor,
        source: ld.publisher.or(meta.site_name),
        caption: None,
        paragraphs,
        ticker: Vec::new(),
        url,
    })
}

/// The article in the plain-text form `content::parse` reads back to the same article: the title,
/// labelled lines (date, reporter, editor, source, URL), then the paragraphs.
pub fn to_plain_text(article: &ParsedArticle) -> String {
    let mut out = format!("{}\n\n", one_line(&article.title));
    let mut field = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            out += &format!("{label}: {}\n", one_line(&value).replace('|', "/"));
        }
    };
    field("Tanggal", article.published_at.map(|t| t.to_rfc3339()));
    field("Reporter", article.reporter.clone());
    field("Editor", article.editor.clone());
    field("Sumber", article.source.clone());
    field("URL", article.url.clone());
    for paragraph in &article.paragraphs {
        out += &format!("\n{}\n", one_line(paragraph));
    }
    out
}

/// The paragraphs of an HTML fragment (a feed item's `content` or `description`): block elements
/// and `<br>` break paragraphs; furniture is dropped.
pub fn fragment_paragraphs(fragment: &str) -> Vec<String> {
    let doc = Html::parse_fragment(fragment);
    let mut text = String::new();
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => text.push_str(t),
                Node::Element(e) if is_break(e.name()) => text.push('\n'),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value()
                    && is_break(e.name())
                {
                    text.push('\n');
                }
            }
        }
    }
    clean_paragraphs(text.split('\n').map(str::to_string))
}

fn is_break(tag: &str) -> bool {
    PageLexicon::builtin().break_tags.contains(tag)
}

/// Whitespace squeezed, invisible characters dropped, ends trimmed.
pub(crate) fn squeeze(text: &str) -> String {
    super::text::clean_line(text)
}

fn one_line(text: &str) -> String {
    squeeze(text)
}

fn clean_paragraphs(lines: impl IntoIterator<Item = String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| squeeze(&l))
        .filter(|l| !l.is_empty() && !is_furniture(l) && !is_page_furniture(l))
        .collect()
}

/// Web pages' own furniture, beyond what text pages carry: the editors' initials closing an
/// article (`(ara/das)`), copyright lines, video prompts.
pub(crate) fn is_page_furniture(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    let initials = lower
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .is_some_and(|inner| {
            inner.contains('/')
                && inner.len() <= 24
                && inner.split('/').all(|part| {
                    (1..=5).contains(&part.len()) && part.chars().all(char::is_alphabetic)
                })
        });
    initials || PageLexicon::builtin().web_furniture.matches(&lower)
}

fn dedup(paragraphs: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    paragraphs
        .into_iter()
        .filter(|p| seen.insert(p.clone()))
        .collect()
}

/// A body without line breaks, cut after every few sentences (a sentence ends with `.`, `!` or `?`
/// followed by a space and a capital letter or a quote).
fn split_sentences(body: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut sentences = 0;
    let chars: Vec<char> = body.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let ends = matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            && chars
                .get(i + 2)
                .is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“'));
        if ends {
            sentences += 1;
            if sentences == SENTENCES_PER_PARAGRAPH {
                paragraphs.push(std::mem::take(&mut current));
                sentences = 0;
            }
        }
    }
    paragraphs.push(current);
    paragraphs
}

/// `Judul berita - Kompas.com` → `Judul berita` (only for `<title>`, which carries the site name).
fn strip_site_suffix(title: &str) -> String {
    for separator in [" | ", " - ", " – ", " — "] {
        if let Some((head, _)) = title.rsplit_once(separator)
            && head.chars().count() >= 10
        {
            return head.to_string();
        }
    }
    title.to_string()
}

/// A byline as a name: `Penulis: Ani Lestari`, `Oleh Ani Lestari`, `Ani Lestari - detikFinance`.
fn clean_author(byline: &str) -> Option<String> {
    let mut name = squeeze(byline);
    for label in &PageLexicon::builtin().byline_labels {
        let lower = name.to_lowercase();
        if let Some(rest) = lower.strip_prefix(label)
            && rest.starts_with([':', ' '])
        {
            name = name[label.len()..]
                .trim_start_matches([':', ' '])
                .to_string();
            break;
        }
    }
    let cut = [" - ", " | ", ", ", " – "]
        .iter()
        .filter_map(|separator| name.find(separator))
        .min()
        .unwrap_or(name.len());
    let name = name[..cut].trim().to_string();
    (!name.is_empty() && name.chars().any(char::is_alphabetic)).then_some(name)
}

/// A publication time as pages write it: whatever `parse_datetime` reads (Indonesian and English
/// dates, RFC 3339), ISO 8601 without the colon in the offset, or a byline with words around the
/// date (`Kompas.com - 13/01/2021, 18:35 WIB`, `Diperbarui Rabu, 13 Jan 2021 18:35 WIB`).
pub fn parse_when(written: &str) -> Option<DateTime<FixedOffset>> {
    let written = squeeze(written);
    if let Some(at) = parse_datetime(&written) {
        return Some(at);
    }
    for format in ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z"] {
        if let Ok(at) = DateTime::parse_from_str(&written, format) {
            return Some(at);
        }
    }
    if let Ok(naive) = NaiveDateTime::parse_from_str(&written, "%Y-%m-%d %H:%M:%S") {
        return FixedOffset::east_opt(7 * 3600)?
            .from_local_datetime(&naive)
            .single();
    }
    // Words before the date: try every tail that starts at a word.
    let starts = written
        .char_indices()
        .filter(|&(i, c)| i > 0 && (c == ' ' || c == '-'))
        .map(|(i, _)| i + 1);
    for start in starts.take(12) {
        let tail = written[start..].trim_start_matches([' ', '-', ',']);
        if let Some(at) = parse_datetime(tail) {
            return Some(at);
        }
    }
    None
}

/// `link` as an absolute http(s) URL, resolved against `base` when relative.
fn absolute_url(link: &str, base: Option<&str>) -> Option<String> {
    let link = link.trim();
    let parsed = match url::Url::parse(link) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            url::Url::parse(base?).ok()?.join(link).ok()?
        }
        Err(_) => return None,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_words_around_them_and_compact_offsets_are_read() {
        let rfc = |s: &str| parse_when(s).map(|t| t.to_rfc3339());
        assert_eq!(
            rfc("Kompas.com - 13/01/2021, 18:35 WIB").as_deref(),
            Some("2021-01-13T18:35:00+07:00")
        );
        assert_eq!(
            rfc("Rabu, 13 Januari 2021 18:35 WIB").as_deref(),
            Some("2021-01-13T18:35:00+07:00")
        );
        assert_eq!(
            rfc("2021-01-13T18:35:00+0700").as_deref(),
            Some("2021-01-13T18:35:00+07:00")
        );
        assert_eq!(
            rfc("2021-01-13 11:35:00").as_deref(),
            Some("2021-01-13T11:35:00+07:00")
        );
        assert_eq!(rfc("dibaca 1.234 kali"), None);
    }

    #[test]
    fn bylines_become_names() {
        assert_eq!(
            clean_author("Penulis: Ani Lestari").as_deref(),
            Some("Ani Lestari")
        );
        assert_eq!(
            clean_author("Ani Lestari - detikFinance").as_deref(),
            Some("Ani Lestari")
        );
        assert_eq!(clean_author("Oleh Budi").as_deref(), Some("Budi"));
        assert_eq!(clean_author(" - "), None);
    }

    #[test]
    fn a_relative_canonical_link_is_resolved_against_the_page() {
        assert_eq!(
            absolute_url("/read/1", Some("https://warta.example/x?y=1")).as_deref(),
            Some("https://warta.example/read/1")
        );
        assert_eq!(absolute_url("javascript:void(0)", None), None);
    }

    #[test]
    fn the_plain_text_form_reads_back_as_the_same_article() {
        let html = r#"<html><head><title>Harga beras naik lagi - Warta</title>
            <link rel="canonical" href="https://warta.example/beras">
            <meta property="article:published_time" content="2024-08-05T09:10:00+07:00">
            <meta name="author" content="Ani Lestari"></head>
            <body><h1>Harga beras naik lagi</h1><div class="detail-text">
            <p>Harga beras medium naik menjadi Rp 14.000 per kilogram pekan ini, kata pedagang.</p>
            <p>Baca juga: Harga gula turun</p>
            <p>Pemerintah menyiapkan operasi pasar di 30 kota, termasuk Jakarta dan Surabaya.</p>
            </div></body></html>"#;
        let article = extract(html, Some("https://warta.example/beras?utm=x")).unwrap();
        assert_eq!(article.title, "Harga beras naik lagi");
        assert_eq!(article.paragraphs.len(), 2);
        assert_eq!(article.url.as_deref(), Some("https://warta.example/beras"));
        let again = crate::content::parse(to_plain_text(&article).as_bytes()).unwrap();
        assert_eq!(again, article);
    }

    #[test]
    fn a_page_of_menus_has_no_article_text() {
        let html = "<html><body><nav><p>Beranda, Nasional, Ekonomi, Olahraga, Hiburan</p></nav>\
                    <script>var x = 1;</script></body></html>";
        assert_eq!(extract(html, None), Err(ParseError::NoArticleText));
    }

    #[test]
    fn a_feed_items_html_becomes_paragraphs() {
        assert_eq!(
            fragment_paragraphs("<p>Satu <b>dua</b>.</p><p>Tiga.<br/>Empat.</p>"),
            vec!["Satu dua.", "Tiga.", "Empat."]
        );
    }
}
