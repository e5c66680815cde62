//! schema.org JSON-LD (`<script type="application/ld+json">`): the `NewsArticle` / `Article` a news
//! page describes itself with — the most trusted source of title, date, author and sometimes body.
//! Which schema.org types count as an article is data (`lexicon/markup/article-types.txt`).

use scraper::{Html, Selector};
use serde_json::Value;

use crate::content::lexicon::PageLexicon;

/// What a page's JSON-LD says about its article. Every field is optional: sites fill in what they
/// like.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    pub body: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// The first article object in the page's JSON-LD blocks (looking inside arrays and `@graph`).
/// Blocks that are not valid JSON are skipped: sites ship broken ones.
pub fn find(doc: &Html) -> Option<LdArticle> {
    let selector =
        Selector::parse(r#"script[type="application/ld+json"]"#).expect("valid selector");
    doc.select(&selector).find_map(|script| {
        let text: String = script.text().collect();
        let value: Value = serde_json::from_str(text.trim()).ok()?;
        find_article(&value).map(read_article)
    })
}

fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            if is_article(map.get("@type")) {
                return Some(value);
            }
            map.get("@graph").and_then(find_article)
        }
        _ => None,
    }
}

fn is_article(kind: Option<&Value>) -> bool {
    let types = &PageLexicon::builtin().article_types;
    let matches = |v: &Value| {
        v.as_str()
            .is_some_and(|t| types.contains(t.to_ascii_lowercase().as_str()))
    };
    match kind {
        Some(Value::Array(kinds)) => kinds.iter().any(matches),
        Some(kind) => matches(kind),
        None => false,
    }
}

fn read_article(value: &Value) -> LdArticle {
    LdArticle {
        headline: text_of(value.get("headline")).or_else(|| text_of(value.get("name"))),
        date_published: text_of(value.get("datePublished"))
            .or_else(|| text_of(value.get("dateCreated"))),
        authors: names(value.get("author")),
        editors: names(value.get("editor")),
        body: text_of(value.get("articleBody")),
        publisher: names(value.get("publisher")).into_iter().next(),
        url: text_of(value.get("url")).or_else(|| match value.get("mainEntityOfPage") {
            Some(Value::Object(page)) => {
                text_of(page.get("@id")).or_else(|| text_of(page.get("url")))
            }
            other => text_of(other),
        }),
    }
}

/// A non-empty string, trimmed.
fn text_of(value: Option<&Value>) -> Option<String> {
    let text = value?.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// People or organisations: a string, an object with `name`, or an array of either.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        Some(Value::Object(map)) => text_of(map.get("name")).into_iter().collect(),
        Some(v) => text_of(Some(v)).into_iter().collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_article_inside_a_graph_is_found_and_a_broken_block_skipped() {
        let html = r#"<script type="application/ld+json">{ broken </script>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Situs"},
              {"@type":["NewsArticle"],"headline":" Judul ","datePublished":"2024-08-05T09:10:00+07:00",
               "author":[{"@type":"Person","name":"Ani"},{"@type":"Person","name":"Budi"}],
               "publisher":{"@type":"Organization","name":"Warta"},
               "mainEntityOfPage":{"@id":"https://warta.example/a/1"}}]}</script>"#;
        let found = find(&Html::parse_document(html)).expect("an article");
        assert_eq!(found.headline.as_deref(), Some("Judul"));
        assert_eq!(found.authors, vec!["Ani", "Budi"]);
        assert_eq!(found.publisher.as_deref(), Some("Warta"));
        assert_eq!(found.url.as_deref(), Some("https://warta.example/a/1"));
        assert_eq!(found.body, None);
    }

    #[test]
    fn a_page_without_an_article_object_has_none() {
        let html = r#"<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>"#;
        assert_eq!(find(&Html::parse_document(html)), None);
    }
}
