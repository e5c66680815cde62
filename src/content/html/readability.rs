//! The visible article text: readability-style scoring (after Mozilla's Readability) of the blocks
//! that hold paragraphs, then the paragraphs of the best block, with news-site furniture dropped —
//! "Baca juga" boxes, share bars, ads, related-article lists, photo captions, tags.
//!
//! Which tags are skipped, inline or loose-text blocks, and which `class`/`id` words mark furniture
//! or an article body, are data (`lexicon/markup/`, see [`crate::content::lexicon`]); the scoring
//! is here.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use crate::content::boilerplate::{is_furniture, is_trailer_start};
use crate::content::fields::{Field, parse_fields};
use crate::content::lexicon::PageLexicon;

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

/// Loose text (straight inside a `<div>`, lines broken by `<br>`) counts as a paragraph only from
/// this many characters: shorter runs are datelines ("Jakarta -") and labels.
const MIN_LOOSE_CHARS: usize = 40;

/// A paragraph found on the page and the element it votes for.
struct Candidate<'a> {
    parent: ElementRef<'a>,
    text: String,
}

/// Reads the visible article of `doc`.
pub fn visible(doc: &Html) -> Visible {
    let mut fields = Vec::new();
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    // One pass in document order: `<p>` paragraphs and runs of loose text alike.
    for el in doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let name = el.value().name();
        if name == "p" {
            if in_furniture(el) || link_density(el) > MAX_LINK_DENSITY {
                continue;
            }
            let Some(parent) = el.parent().and_then(ElementRef::wrap) else {
                continue;
            };
            match paragraph_text(el) {
                Some(Para::Text(text)) => candidates.push(Candidate { parent, text }),
                Some(Para::Fields(found)) => fields.extend(found),
                None => {}
            }
        } else if PageLexicon::builtin().loose_text_blocks.contains(name) && !in_furniture(el) {
            for line in loose_lines(el) {
                match parse_fields(&line) {
                    Some(found) => fields.extend(found),
                    None => candidates.push(Candidate {
                        parent: el,
                        text: line,
                    }),
                }
            }
        }
    }

    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for candidate in &candidates {
        let text = &candidate.text;
        let chars = text.chars().count();
        if chars < MIN_VOTING_CHARS {
            continue;
        }
        let vote = 1.0 + text.matches(',').count() as f64 + (chars as f64 / 100.0).min(3.0);
        let parent = candidate.parent;
        *scores.entry(parent.id()).or_insert_with(|| weight(parent)) += vote;
        if let Some(grandparent) = parent.parent().and_then(ElementRef::wrap) {
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
    for Candidate { parent, text } in candidates {
        if parent.id() != best && !parent.ancestors().any(|a| a.id() == best) {
            continue;
        }
        if is_trailer_start(&text) {
            break;
        }
        paragraphs.push(text);
    }
    Visible { paragraphs, fields }
}

/// The lines of text lying straight in `el` (not in its `<p>` or other blocks), broken at `<br>`
/// and at blocks; short lines, link lines and furniture are left out.
fn loose_lines(el: ElementRef<'_>) -> Vec<String> {
    let inline_tags = &PageLexicon::builtin().inline_tags;
    // (text, characters inside links)
    let mut runs: Vec<(String, usize)> = vec![(String::new(), 0)];
    for child in el.children() {
        match child.value() {
            Node::Text(t) => runs.last_mut().expect("a run").0.push_str(t),
            Node::Element(e) if e.name() == "br" => runs.push((String::new(), 0)),
            Node::Element(e) if inline_tags.contains(e.name()) => {
                let Some(inline) = ElementRef::wrap(child) else {
                    continue;
                };
                let has_block = inline
                    .descendants()
                    .filter_map(ElementRef::wrap)
                    .any(|d| !inline_tags.contains(d.value().name()) && d.value().name() != "br");
                if has_block || hints(inline) < 0.0 {
                    runs.push((String::new(), 0));
                    continue;
                }
                let text: String = inline.text().collect();
                let linked = if e.name() == "a" {
                    text.trim().chars().count()
                } else {
                    let a = Selector::parse("a").expect("valid selector");
                    inline
                        .select(&a)
                        .map(|l| l.text().map(|t| t.trim().chars().count()).sum::<usize>())
                        .sum()
                };
                let run = runs.last_mut().expect("a run");
                run.0.push_str(&text);
                run.1 += linked;
            }
            Node::Element(_) => runs.push((String::new(), 0)),
            _ => {}
        }
    }
    runs.into_iter()
        .filter_map(|(text, linked)| {
            let text = super::squeeze(&text);
            let chars = text.chars().count();
            let is_line = chars >= MIN_LOOSE_CHARS
                && (linked as f64) <= MAX_LINK_DENSITY * chars as f64
                && !is_furniture(&text)
                && !super::is_page_furniture(&text);
            (is_line || (chars > 0 && parse_fields(&text).is_some())).then_some(text)
        })
        .collect()
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
    let skipped = &PageLexicon::builtin().skipped_tags;
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|a| {
            let name = a.value().name();
            // `<body class="has-video">` says nothing about the paragraphs inside it.
            skipped.contains(name) || (!matches!(name, "html" | "body") && hints(a) < 0.0)
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
    let lx = PageLexicon::builtin();
    if words.iter().any(|w| lx.class_furniture_words.contains(*w))
        || lx
            .class_furniture_fragments
            .iter()
            .any(|f| label.contains(f.as_str()))
    {
        -25.0
    } else if words.iter().any(|w| lx.class_article_words.contains(*w)) {
        25.0
    } else {
        0.0
    }
}
