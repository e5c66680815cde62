//! Answers the desk builds from the articles themselves, where the engine has no passage to pick:
//! "what is this article about?" (the title and lead of the conversation's article, or of the
//! newest one) and a short follow-up the engine could not place ("kapan?" after a yes/no answer),
//! answered with the paragraph the conversation is on and the article's date.

use crate::content::Article;
use crate::nlu::{Answer, Intent, Lang, Source, Topic, format};

use super::texts::Text;

/// Follow-ups of at most this many words may be answered from the conversation's paragraph.
pub const MAX_FOLLOW_UP_WORDS: usize = 2;

/// The title and lead of `article_id` (or, with none or an unknown one, the newest of `articles`,
/// which come newest first). `None` with no articles at all.
pub fn about(articles: &[Article], article_id: Option<i64>, lang: Lang) -> Option<Answer> {
    let article = article_id
        .and_then(|id| articles.iter().find(|a| a.id == id))
        .or_else(|| articles.first())?;
    let lead = article.parsed.paragraphs.first()?;
    let text = Text::About {
        title: &article.parsed.title,
        date: date_of(article, lang).as_deref(),
        lead: &format::quote(lead),
        paragraphs: article.parsed.paragraphs.len(),
    }
    .render(lang);
    Some(answer(article, 0, Intent::About, 0.9, text, lang))
}

/// The paragraph the conversation is on, with the article's date, for a short follow-up.
pub fn follow_up(articles: &[Article], topic: &Topic, lang: Lang) -> Option<Answer> {
    let Topic::Article {
        article_id,
        paragraph,
    } = topic
    else {
        return None;
    };
    let article = articles.iter().find(|a| a.id == *article_id)?;
    let text = article.parsed.paragraphs.get(*paragraph)?;
    let rendered = Text::FollowUp {
        title: &article.parsed.title,
        date: date_of(article, lang).as_deref(),
        quote: &format::quote(text),
    }
    .render(lang);
    Some(answer(
        article,
        *paragraph,
        Intent::Article,
        0.5,
        rendered,
        lang,
    ))
}

/// Whether a question is short enough to be a follow-up ("kapan?", "siapa dia?").
pub fn is_short(question: &str) -> bool {
    question.split_whitespace().count() <= MAX_FOLLOW_UP_WORDS
}

fn date_of(article: &Article, lang: Lang) -> Option<String> {
    article
        .parsed
        .published_at
        .map(|at| format::date_time(&at, lang))
}

fn answer(
    article: &Article,
    paragraph: usize,
    intent: Intent,
    confidence: f32,
    text: String,
    lang: Lang,
) -> Answer {
    Answer {
        intent,
        confidence,
        answered: true,
        text,
        sources: vec![Source {
            article_id: article.id,
            title: article.parsed.title.clone(),
            paragraph,
            url: article.parsed.url.clone(),
        }],
        lang,
        topic: Some(Topic::Article {
            article_id: article.id,
            paragraph,
        }),
    }
}
