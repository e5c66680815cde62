//! The page parsers' word lists, read from data: what news pages print around the article
//! (`lexicon/pages/`: furniture, trailer and caption markers, field labels, date words, time zones)
//! and what HTML markup means (`lexicon/markup/`: tags, `class`/`id` words, meta names, schema.org
//! types). Every list is one file, listed once in [`PageLexicon::read`]; the parsers keep only the
//! behaviour.
//!
//! Why a lazily built static rather than a value passed in, as the answering pipeline's
//! [`Lexicon`](crate::nlu::lexicon::Lexicon) is: these lists are compiled in (`include_str!`),
//! never configured and never swapped, and the parsers are pure functions that the store, the web
//! side, the desk, the benchmarks and the tests call with nothing but the page at hand. Parsed once
//! on first use, the files are the data equivalent of the consts they replaced; passing them in
//! would thread one unchanging value through every caller for nothing.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Every list the page parsers use.
#[derive(Debug)]
pub(crate) struct PageLexicon {
    /// `pages/furniture.txt`: lines that are never article text.
    pub furniture: Phrases,
    /// `pages/trailer.txt`: lines from which the rest of the page is trailer.
    pub trailer: Phrases,
    /// `pages/web-furniture.txt`: web pages' own furniture (copyright, video prompts).
    pub web_furniture: Phrases,
    /// `pages/caption-prefixes.txt`, in the order they are tried.
    pub caption_prefixes: Vec<String>,
    /// `pages/field-labels.tsv`: label → the field it gives.
    pub field_labels: HashMap<String, FieldKind>,
    /// `pages/byline-labels.txt`.
    pub byline_labels: Vec<String>,
    /// `pages/date-words.txt`.
    pub date_words: HashSet<String>,
    /// `pages/time-zones.tsv`: abbreviation → hours east of UTC.
    pub time_zones: HashMap<String, i32>,
    /// `pages/site-domains.txt`.
    pub site_domains: Vec<String>,
    /// `pages/kontan-markers.tsv`.
    pub kontan_site_line: String,
    pub kontan_ticker_header: String,
    /// `markup/skipped-tags.txt`.
    pub skipped_tags: HashSet<String>,
    /// `markup/inline-tags.txt`.
    pub inline_tags: HashSet<String>,
    /// `markup/empty-inline-tags.txt`.
    pub empty_inline_tags: HashSet<String>,
    /// `markup/break-tags.txt`.
    pub break_tags: HashSet<String>,
    /// `markup/loose-text-blocks.txt`.
    pub loose_text_blocks: HashSet<String>,
    /// `markup/class-furniture-words.txt`.
    pub class_furniture_words: HashSet<String>,
    /// `markup/class-furniture-fragments.txt`.
    pub class_furniture_fragments: Vec<String>,
    /// `markup/class-article-words.txt`.
    pub class_article_words: HashSet<String>,
    /// `markup/date-metas.txt`, most trusted first.
    pub date_metas: Vec<String>,
    /// `markup/author-metas.txt`, most specific first.
    pub author_metas: Vec<String>,
    /// `markup/date-classes.txt`.
    pub date_classes: Vec<String>,
    /// `markup/author-classes.txt`.
    pub author_classes: Vec<String>,
    /// `markup/article-types.txt`.
    pub article_types: HashSet<String>,
    /// `markup/html-starts.txt`.
    pub html_starts: Vec<String>,
    /// `markup/html-tags.txt`.
    pub html_tags: Vec<String>,
}

/// Which field a metadata label gives (`pages/field-labels.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    Reporter,
    Editor,
    Source,
    Date,
    Url,
}

/// Lines to recognise: whole lines, and line beginnings (rows ending in `*`).
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    lines: HashSet<String>,
    prefixes: Vec<String>,
}

impl Phrases {
    fn read(text: &str) -> Phrases {
        let mut phrases = Phrases::default();
        for row in rows(text) {
            match row.strip_suffix('*') {
                Some(prefix) => phrases.prefixes.push(prefix.to_string()),
                None => _ = phrases.lines.insert(row.to_string()),
            }
        }
        phrases
    }

    /// Whether a lower-case line is one of the whole lines or begins with one of the prefixes.
    pub fn matches(&self, lower: &str) -> bool {
        self.lines.contains(lower) || self.prefixes.iter().any(|p| lower.starts_with(p.as_str()))
    }
}

static BUILTIN: LazyLock<PageLexicon> = LazyLock::new(PageLexicon::read);

impl PageLexicon {
    /// The lists compiled into the binary, parsed on first use. The tests load every file, so a
    /// malformed built-in row is a bug caught there, not an input error.
    pub fn builtin() -> &'static PageLexicon {
        &BUILTIN
    }

    fn read() -> PageLexicon {
        let pairs = |file: &'static str, text: &'static str| {
            rows(text).map(move |row| {
                let (key, value) = row
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("lexicon/{file}: no tab in row {row:?}"));
                (key.trim(), value.trim())
            })
        };
        let kontan: HashMap<&str, &str> = pairs(
            "pages/kontan-markers.tsv",
            include_str!("../../lexicon/pages/kontan-markers.tsv"),
        )
        .collect();
        let kontan_marker = |role: &str| {
            kontan
                .get(role)
                .unwrap_or_else(|| panic!("lexicon/pages/kontan-markers.tsv: no {role} row"))
                .to_string()
        };
        PageLexicon {
            furniture: Phrases::read(include_str!("../../lexicon/pages/furniture.txt")),
            trailer: Phrases::read(include_str!("../../lexicon/pages/trailer.txt")),
            web_furniture: Phrases::read(include_str!("../../lexicon/pages/web-furniture.txt")),
            caption_prefixes: list(include_str!("../../lexicon/pages/caption-prefixes.txt")),
            field_labels: pairs(
                "pages/field-labels.tsv",
                include_str!("../../lexicon/pages/field-labels.tsv"),
            )
            .map(|(label, field)| (label.to_string(), FieldKind::named(field)))
            .collect(),
            byline_labels: list(include_str!("../../lexicon/pages/byline-labels.txt")),
            date_words: set(include_str!("../../lexicon/pages/date-words.txt")),
            time_zones: pairs(
                "pages/time-zones.tsv",
                include_str!("../../lexicon/pages/time-zones.tsv"),
            )
            .map(|(zone, hours)| {
                let hours = hours.parse().unwrap_or_else(|_| {
                    panic!("lexicon/pages/time-zones.tsv: {hours:?} is not whole hours")
                });
                (zone.to_string(), hours)
            })
            .collect(),
            site_domains: list(include_str!("../../lexicon/pages/site-domains.txt")),
            kontan_site_line: kontan_marker("site-line"),
            kontan_ticker_header: kontan_marker("ticker-header"),
            skipped_tags: set(include_str!("../../lexicon/markup/skipped-tags.txt")),
            inline_tags: set(include_str!("../../lexicon/markup/inline-tags.txt")),
            empty_inline_tags: set(include_str!("../../lexicon/markup/empty-inline-tags.txt")),
            break_tags: set(include_str!("../../lexicon/markup/break-tags.txt")),
            loose_text_blocks: set(include_str!("../../lexicon/markup/loose-text-blocks.txt")),
            class_furniture_words: set(include_str!(
                "../../lexicon/markup/class-furniture-words.txt"
            )),
            class_furniture_fragments: list(include_str!(
                "../../lexicon/markup/class-furniture-fragments.txt"
            )),
            class_article_words: set(include_str!("../../lexicon/markup/class-article-words.txt")),
            date_metas: list(include_str!("../../lexicon/markup/date-metas.txt")),
            author_metas: list(include_str!("../../lexicon/markup/author-metas.txt")),
            date_classes: list(include_str!("../../lexicon/markup/date-classes.txt")),
            author_classes: list(include_str!("../../lexicon/markup/author-classes.txt")),
            article_types: set(include_str!("../../lexicon/markup/article-types.txt")),
            html_starts: list(include_str!("../../lexicon/markup/html-starts.txt")),
            html_tags: list(include_str!("../../lexicon/markup/html-tags.txt")),
        }
    }
}

impl FieldKind {
    fn named(name: &str) -> FieldKind {
        match name {
            "reporter" => FieldKind::Reporter,
            "editor" => FieldKind::Editor,
            "source" => FieldKind::Source,
            "date" => FieldKind::Date,
            "url" => FieldKind::Url,
            other => panic!("lexicon/pages/field-labels.tsv: no field named {other:?}"),
        }
    }
}

/// The rows of a data file: trimmed, without `#` comments and blank lines (the same shape as the
/// answering pipeline's files).
fn rows(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn list(text: &str) -> Vec<String> {
    rows(text).map(str::to_string).collect()
}

fn set(text: &str) -> HashSet<String> {
    rows(text).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_list_loads_and_none_is_empty() {
        let lx = PageLexicon::read();
        assert!(lx.furniture.matches("baca juga") && lx.furniture.matches("banner langganan"));
        assert!(!lx.furniture.matches("bannerlangganan"));
        assert!(lx.trailer.matches("tags: bank") && !lx.trailer.matches("terbaru, bank naik"));
        assert!(lx.web_furniture.matches("© 2024 warta"));
        assert_eq!(
            lx.caption_prefixes.first().map(String::as_str),
            Some("ilustrasi.")
        );
        assert_eq!(lx.field_labels.get("pewarta"), Some(&FieldKind::Reporter));
        assert_eq!(lx.time_zones.get("wita"), Some(&8));
        assert_eq!(lx.kontan_site_line, "kontan.co.id");
        assert_eq!(
            lx.date_metas.first().map(String::as_str),
            Some("article:published_time")
        );
        for (name, len) in [
            ("byline labels", lx.byline_labels.len()),
            ("date words", lx.date_words.len()),
            ("site domains", lx.site_domains.len()),
            ("skipped tags", lx.skipped_tags.len()),
            ("inline tags", lx.inline_tags.len()),
            ("empty inline tags", lx.empty_inline_tags.len()),
            ("break tags", lx.break_tags.len()),
            ("loose text blocks", lx.loose_text_blocks.len()),
            ("class furniture words", lx.class_furniture_words.len()),
            (
                "class furniture fragments",
                lx.class_furniture_fragments.len(),
            ),
            ("class article words", lx.class_article_words.len()),
            ("author metas", lx.author_metas.len()),
            ("date classes", lx.date_classes.len()),
            ("author classes", lx.author_classes.len()),
            ("article types", lx.article_types.len()),
            ("html starts", lx.html_starts.len()),
            ("html tags", lx.html_tags.len()),
        ] {
            assert!(len > 0, "{name} is empty");
        }
    }
}
