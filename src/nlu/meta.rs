//! Questions about an article rather than its content: who wrote or edited it, when it was
//! published, its title, its source.

use super::index::Index;
use super::intents::{Intents, ReplyKey, fill};
use super::lang::Lang;
use super::lexicon::{Lexicon, MetaWord};
use super::query::Query;
use super::{Answer, Intent, Source, Topic, format};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Author,
    Date,
    Title,
    Source,
}

/// Whether the word is any meta word ("penulis", "judul", "berita", "kapan").
fn is_meta_word(lx: &Lexicon, w: &str) -> bool {
    use MetaWord::*;
    [Author, Published, Title, Source, Article, When]
        .iter()
        .any(|&kind| lx.is_meta_word(w, kind))
}

/// The meta field a question asks about, when every content word fits a meta question.
pub fn field(q: &Query, index: &Index) -> Option<(Field, Option<usize>)> {
    let lx = &*index.lx;
    let has = |kind: MetaWord| q.words.iter().any(|w| lx.is_meta_word(w, kind));
    let article_ref = has(MetaWord::Article);
    let field = if has(MetaWord::Author) {
        Field::Author
    } else if has(MetaWord::Title) {
        Field::Title
    } else if has(MetaWord::Published) || (article_ref && has(MetaWord::When)) {
        Field::Date
    } else if has(MetaWord::Source) && article_ref {
        Field::Source
    } else {
        return None;
    };
    // Which article: the one whose title holds the question's other words.
    let mut best: Option<(usize, usize)> = None;
    for (d, doc) in index.docs.iter().enumerate() {
        // Meta words ("penulis") and general ones do not name an article.
        let hits = q
            .terms
            .iter()
            .filter(|t| !t.generic && !is_meta_word(lx, &t.word))
            .filter(|t| t.in_terms(&doc.title_terms))
            .count();
        if hits > 0 && best.is_none_or(|(_, h)| hits > h) {
            best = Some((d, hits));
        }
    }
    let title_hits = best.map_or(0, |(_, h)| h);
    let other_content = q
        .terms
        .iter()
        .filter(|t| {
            let w = t.word.as_str();
            !(is_meta_word(lx, w)
                || lx.is_generic(w)
                // The term may be a reduced form of a meta word ("reporternya" → "report").
                || q.words.iter().any(|m| is_meta_word(lx, m) && m.starts_with(w))
                || t.forms.iter().any(|f| {
                    lx.is_meta_word(f, MetaWord::Article) || lx.is_meta_word(f, MetaWord::When)
                }))
        })
        .count();
    // "Siapa yang menulis bahwa WhatsApp membantah?" asks about content: too much else in it.
    if other_content > title_hits.max(if article_ref { 1 } else { 0 }) {
        return None;
    }
    Some((field, best.map(|(d, _)| d)))
}

/// Most articles a list answer names; more would bury the answer.
const LIST_MAX: usize = 5;

/// The field for every article, newest first (up to [`LIST_MAX`]), one line each — for a meta
/// question that names no article when there are several and no conversation says which.
pub fn answer_all(
    field: Field,
    docs: &[usize],
    index: &Index,
    intents: &Intents,
    lang: Lang,
) -> Answer {
    let text = |key: ReplyKey| intents.text(key, lang).to_string();
    let unknown = text(ReplyKey::MetaUnknown);
    let line_key = match field {
        Field::Author => ReplyKey::MetaLineAuthor,
        Field::Date => ReplyKey::MetaLineDate,
        Field::Title => ReplyKey::MetaLineTitle,
        Field::Source => ReplyKey::MetaLineSource,
    };
    let shown = &docs[..docs.len().min(LIST_MAX)];
    let lines: Vec<String> = shown
        .iter()
        .map(|&d| {
            let doc = &index.docs[d];
            let date = doc
                .published_at
                .map(|at| match field {
                    Field::Date => format::published(&at, lang),
                    _ => format::date(&at, lang),
                })
                .unwrap_or_else(|| unknown.clone());
            fill(
                &text(line_key),
                &[
                    ("title", &doc.title),
                    ("date", &date),
                    ("reporter", doc.reporter.as_deref().unwrap_or(&unknown)),
                    ("editor", doc.editor.as_deref().unwrap_or(&unknown)),
                    ("source", doc.source.as_deref().unwrap_or(&unknown)),
                ],
            )
        })
        .collect();
    // A word of the newest title shows how to name one article.
    let lx = &index.lx;
    let example = shown
        .first()
        .and_then(|&d| {
            super::text::words(&index.docs[d].title)
                .into_iter()
                .find(|w| w.chars().count() >= 5 && !lx.is_function(w) && !lx.is_generic(w))
        })
        .unwrap_or_default();
    let count = docs.len().to_string();
    let reply = fill(
        &text(ReplyKey::MetaList),
        &[
            ("count", &count),
            ("lines", &lines.join("\n")),
            ("example", &example),
        ],
    );
    Answer {
        intent: Intent::Meta,
        confidence: 0.8,
        answered: true,
        text: reply,
        sources: shown
            .iter()
            .map(|&d| Source {
                article_id: index.docs[d].id,
                title: index.docs[d].title.clone(),
                paragraph: 0,
                url: None,
            })
            .collect(),
        lang,
        // No one article is the topic yet.
        topic: None,
    }
}

/// The reply for one article's field.
pub fn answer(field: Field, doc_no: usize, index: &Index, intents: &Intents, lang: Lang) -> Answer {
    let doc = &index.docs[doc_no];
    let text = |key: ReplyKey| intents.text(key, lang).to_string();
    let unknown = text(ReplyKey::MetaUnknown);
    let date = doc
        .published_at
        .map(|at| format::date(&at, lang))
        .unwrap_or_else(|| unknown.clone());
    let date_time = doc
        .published_at
        .map(|at| format::published(&at, lang))
        .unwrap_or_else(|| unknown.clone());
    let (key, when) = match field {
        Field::Author => (ReplyKey::MetaAuthor, date),
        Field::Date => (ReplyKey::MetaDate, date_time),
        Field::Title => (ReplyKey::MetaTitle, date),
        Field::Source => (ReplyKey::MetaSource, date),
    };
    let reply = fill(
        &text(key),
        &[
            ("title", &doc.title),
            ("date", &when),
            ("reporter", doc.reporter.as_deref().unwrap_or(&unknown)),
            ("editor", doc.editor.as_deref().unwrap_or(&unknown)),
            ("source", doc.source.as_deref().unwrap_or(&unknown)),
        ],
    );
    Answer {
        intent: Intent::Meta,
        confidence: 0.9,
        answered: true,
        text: reply,
        sources: vec![Source {
            article_id: doc.id,
            title: doc.title.clone(),
            paragraph: 0,
            url: None,
        }],
        lang,
        topic: Some(Topic::Article {
            article_id: doc.id,
            paragraph: 0,
        }),
    }
}
