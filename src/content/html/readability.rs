//! The visible article text: readability-style scoring (after Mozilla's Readability) of the blocks
//! that hold paragraphs, then the paragraphs of the best block, with news-site furniture dropped —
//! "Baca juga" boxes, share bars, ads, related-article lists, photo captions, tags.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use crate::content::boilerplate::{is_furniture, is_trailer_start};
use crate::content::fields::{Field, parse_fields};

/// Elements whose text is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "form",
    "header",
    "iframe",
    "button",
    "select",
    "template",
    "svg",
];

/// `class`/`id` words (whole words) that mark furniture.
const NEGATIVE_WORDS: &[&str] = &[
    "ads",
    "ad",
    "iklan",
    "tag",
    "tags",
    "promo",
    "nav",
    "menu",
    "video",
    "widget",
    "banner",
    "sponsor",
    "caption",
    "share",
    "social",
    "comment",
    "comments",
    "komentar",
    "footer",
    "sidebar",
    "related",
    "terkait",
    "newsletter",
    "popular",
    "populer",
    "terpopuler",
    "breadcrumb",
    "recommendation",
    "rekomendasi",
    "author",
    "byline",
    "credit",
    "foto",
    "photo",
    "gallery",
];

/// `class`/`id` fragments that mark furniture wherever they appear (`bacajuga`, `baca-juga__box`).
const NEGATIVE_FRAGMENTS: &[&str] = &[
    "bacajuga",
    "baca-juga",
    "baca_juga",
    "readalso",
    "read-also",
    "lihatjuga",
    "lihat-juga",
    "related",
    "terkait",
    "share",
    "advert",
    "caption",
    "recommend",
    "newsletter",
];

/// `class`/`id` words that mark the article's own container.
const POSITIVE_WORDS: &[&str] = &[
    "article", "artikel", "content", "body", "detail", "read", "entry", "post", "text", "story",
    "isi", "berita", "main",
];

/// Paragraphs shorter than this (in characters) do not vote for their container.
const MIN_VOTING_CHARS: usize = 25;

/// Paragraphs more than this share of link text are link lists ("Baca juga", related articles).
const MAX_LINK_DENSITY: f64 = 0.5;

/// What the visible page gives: the article's paragraphs in page order (empty when it has none)
/// and the labelled lines among them (`Pewarta: … | Editor: …`), kept apart.
#[derive(Debug, Default)]
pub struct Visible {
    pub paragraphs: Vec<String>,
    pub fields: Vec<Field>,
}

/// Reads the visible article of `doc`.
pub fn visible(doc: &Html) -> Visible {
    let p = Selector::parse("p").expect("valid selector");
    let mut fields = Vec::new();
    let candidates: Vec<(ElementRef<'_>, String)> = doc
        .select(&p)
        .filter(|el| !in_furniture(*el) && link_density(*el) <= MAX_LINK_DENSITY)
        .filter_map(|el| match paragraph_text(el)? {
            Para::Text(text) => Some((el, text)),
            Para::Fields(found) => {
                fields.extend(found);
                None
            }
        })
        .collect();

    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for (el, text) in &candidates {
        let chars = text.chars().count();
        if chars < MIN_VOTING_CHARS {
            continue;
        }
        let vote = 1.0 + text.matches(',').count() as f64 + (chars as f64 / 100.0).min(3.0);
        let mut ancestors = el.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            *scores.entry(parent.id()).or_insert_with(|| weight(parent)) += vote;
        }
        if let Some(grandparent) = ancestors.next() {
            *scores
                .entry(grandparent.id())
                .or_insert_with(|| weight(grandparent)) += vote / 2.0;
        }
    }
    let Some((&best, _)) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
    else {
        return Visible::default();
    };

    let mut paragraphs = Vec::new();
    for (el, text) in candidates {
        if !el.ancestors().any(|a| a.id() == best) {
            continue;
        }
        if is_trailer_start(&text) {
            break;
        }
        paragraphs.push(text);
    }
    Visible { paragraphs, fields }
}

enum Para {
    Text(String),
    /// Every line of the paragraph is a labelled field: metadata, not article.
    Fields(Vec<Field>),
}

/// A paragraph's text (`<br>` is a line break), or `None` when it is furniture ("Baca juga: …",
/// "ADVERTISEMENT", the editors' initials `(ara/das)`).
fn paragraph_text(el: ElementRef<'_>) -> Option<Para> {
    let mut raw = String::new();
    for edge in el.traverse() {
        if let Edge::Open(node) = edge {
            match node.value() {
                Node::Text(t) => raw.push_str(t),
                Node::Element(e) if e.name() == "br" => raw.push('\n'),
                _ => {}
            }
        }
    }
    let lines: Vec<String> = raw
        .split('\n')
        .map(super::squeeze)
        .filter(|l| !l.is_empty())
        .collect();
    let parsed: Option<Vec<Vec<Field>>> = lines.iter().map(|l| parse_fields(l)).collect();
    if let Some(parsed) = parsed.filter(|p| !p.is_empty()) {
        return Some(Para::Fields(parsed.into_iter().flatten().collect()));
    }
    let text = lines.join(" ");
    if text.is_empty() || is_furniture(&text) || super::is_page_furniture(&text) {
        return None;
    }
    Some(Para::Text(text))
}

/// The share of an element's text that sits inside links.
fn link_density(el: ElementRef<'_>) -> f64 {
    let a = Selector::parse("a").expect("valid selector");
    let chars = |e: ElementRef<'_>| e.text().map(|t| t.trim().chars().count()).sum::<usize>();
    let total = chars(el);
    if total == 0 {
        return 0.0;
    }
    let linked: usize = el.select(&a).map(chars).sum();
    linked as f64 / total as f64
}

/// Whether an element sits inside something that is never article text.
fn in_furniture(el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|a| {
            let name = a.value().name();
            // `<body class="has-video">` says nothing about the paragraphs inside it.
            SKIPPED_TAGS.contains(&name) || (!matches!(name, "html" | "body") && hints(a) < 0.0)
        })
}

/// The container's starting score: its `class`/`id` say whether it looks like an article body.
fn weight(el: ElementRef<'_>) -> f64 {
    let mut score = hints(el);
    if el.value().name() == "article" {
        score += 10.0;
    }
    score
}

/// +25 for article-ish `class`/`id`, −25 for furniture-ish ones (which wins).
fn hints(el: ElementRef<'_>) -> f64 {
    let value = el.value();
    let label = format!(
        "{} {}",
        value.attr("class").unwrap_or(""),
        value.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    if label.trim().is_empty() {
        return 0.0;
    }
    let words: Vec<&str> = label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| NEGATIVE_WORDS.contains(w))
        || NEGATIVE_FRAGMENTS.iter().any(|f| label.contains(f))
    {
        -25.0
    } else if words.iter().any(|w| POSITIVE_WORDS.contains(w)) {
        25.0
    } else {
        0.0
    }
}
