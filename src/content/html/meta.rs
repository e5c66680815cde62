//! The page's head and its visible byline: OpenGraph (`og:title`, `og:url`, `og:site_name`),
//! `article:published_time` and the other date and author meta tags Indonesian sites use,
//! `<link rel="canonical">`, `<title>`, `<h1>`, and — last — the date and author lines shown
//! above the article.
//!
//! Which meta tags, `class`/`id` words and elements say so is data (`lexicon/markup/`, see
//! [`crate::content::lexicon`]).

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use crate::content::fields::{Field, parse_fields};
use crate::content::lexicon::PageLexicon;

/// What the head and the byline say.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    /// `og:title` (or `twitter:title`): the headline without the site's name.
    pub og_title: Option<String>,
    /// `<title>`, usually with the site's name after it.
    pub doc_title: Option<String>,
    pub h1: Option<String>,
    pub published: Vec<String>,
    pub author: Option<String>,
    /// A `Reporter: …` / `Penulis: …` line outside the article's paragraphs.
    pub labelled_author: Option<String>,
    pub site_name: Option<String>,
    pub canonical: Option<String>,
}

fn select<'a>(doc: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("valid selector");
    doc.select(&selector).collect()
}

/// The text of an element, whitespace squeezed; `None` when blank.
pub fn element_text(element: ElementRef<'_>) -> Option<String> {
    let text = super::squeeze(&element.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

/// Whether a child node is text-level markup (so its parent still holds one line of text).
fn is_inline(node: NodeRef<'_, Node>) -> bool {
    let lx = PageLexicon::builtin();
    node.value().as_element().is_some_and(|e| {
        lx.inline_tags.contains(e.name()) || lx.empty_inline_tags.contains(e.name())
    })
}

/// Reads the head and the visible byline of `doc`.
pub fn read(doc: &Html) -> PageMeta {
    let lx = PageLexicon::builtin();
    let mut metas: Vec<(String, String)> = Vec::new();
    for meta in select(doc, "meta[content]") {
        let key = meta
            .value()
            .attr("property")
            .or_else(|| meta.value().attr("name"))
            .or_else(|| meta.value().attr("itemprop"));
        if let (Some(key), Some(content)) = (key, meta.value().attr("content")) {
            let content = super::squeeze(content);
            if !content.is_empty() {
                metas.push((key.to_ascii_lowercase(), content));
            }
        }
    }
    let meta = |key: &str| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());

    let mut published: Vec<String> = lx.date_metas.iter().filter_map(|key| meta(key)).collect();
    published.extend(
        select(doc, "time[datetime]")
            .into_iter()
            .filter_map(|t| t.value().attr("datetime").map(super::squeeze)),
    );
    // The byline's date as shown, e.g. `Rabu, 13 Januari 2021 18:35 WIB` or
    // `Kompas.com - 13/01/2021, 18:35 WIB`.
    let date_selector = lx
        .date_classes
        .iter()
        .map(|class| format!("[class*={class}], "))
        .collect::<String>()
        + "time";
    published.extend(
        select(doc, &date_selector)
            .into_iter()
            .filter_map(element_text)
            .filter(|t| t.chars().count() <= 80),
    );

    // Last, any short line that reads as a date (`Senin, 21 Oktober 2024 / 08:45 WIB` in a
    // `<div class="font-gray">`): the byline comes before the body, so the first one wins.
    let short_lines: Vec<String> = select(doc, "body div, body span, body p, body li")
        .into_iter()
        .filter(|e| {
            !e.children()
                .any(|c| c.value().is_element() && !is_inline(c))
        })
        .filter_map(element_text)
        .filter(|t| t.chars().count() <= 80)
        .collect();
    published.extend(short_lines.iter().cloned());

    let author_selector = std::iter::once("[rel=author]".to_string())
        .chain(lx.author_classes.iter().map(|c| format!("[class*={c}]")))
        .chain(lx.author_classes.iter().map(|c| format!("[id*={c}]")))
        .collect::<Vec<_>>()
        .join(", ");
    let author = lx
        .author_metas
        .iter()
        .filter_map(|key| meta(key))
        // `article:author` is often a profile URL, not a name.
        .find(|a| !a.starts_with("http"))
        .or_else(|| {
            select(doc, &author_selector)
                .into_iter()
                .filter_map(element_text)
                .find(|t| t.chars().count() <= 80)
        });
    // A labelled byline anywhere: `Reporter: X | Editor: Y`.
    let labelled_author = short_lines.iter().find_map(|line| {
        parse_fields(line)?.into_iter().find_map(|f| match f {
            Field::Reporter(name) => Some(name),
            _ => None,
        })
    });

    PageMeta {
        og_title: meta("og:title").or_else(|| meta("twitter:title")),
        doc_title: select(doc, "title").into_iter().find_map(element_text),
        h1: select(doc, "h1").into_iter().find_map(element_text),
        published,
        author,
        labelled_author,
        site_name: meta("og:site_name"),
        canonical: select(doc, "link[rel=canonical][href]")
            .into_iter()
            .find_map(|l| l.value().attr("href").map(str::trim).map(str::to_string))
            .or_else(|| meta("og:url")),
    }
}
