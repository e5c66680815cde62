//! Suggested questions for `/start` and new-article notices, derived from whatever content is
//! held: a question about each recent article's subject, its author and date, and the first
//! ticker indicator. Only questions the engine really answers are offered.

use crate::content::Article;
use crate::nlu::{Engine, Intent, Intents, Lang, Question};

use super::texts::Text;

/// How many suggestions `/start` offers at most.
pub const MAX_SUGGESTIONS: usize = 4;

/// Up to [`MAX_SUGGESTIONS`] questions the engine answers, for `articles` given newest first.
/// English readers get questions wholly in English: about "the latest article" rather than an
/// Indonesian headline, and indicators by their English names.
pub fn suggestions(
    engine: &Engine,
    intents: &Intents,
    articles: &[Article],
    lang: Lang,
) -> Vec<String> {
    let mut candidates = Vec::new();
    if lang == Lang::En {
        if articles.is_empty() {
            return Vec::new();
        }
        candidates.push(Text::SuggestLatestAbout.render(lang));
        if let Some(item) = newest_ticker_item(articles) {
            // "gold", not "emas": the English name the intents file gives, else the page's.
            let name = intents
                .indicators
                .iter()
                .find(|i| i.name.eq_ignore_ascii_case(item))
                .and_then(|i| i.en.clone())
                .unwrap_or_else(|| item.to_lowercase());
            candidates.push(Text::SuggestIndicator { name: &name }.render(lang));
        }
        candidates.push(Text::SuggestLatestAuthor.render(lang));
        candidates.push(Text::SuggestLatestWhen.render(lang));
        return answerable(engine, candidates, lang, MAX_SUGGESTIONS);
    }
    for (i, article) in articles.iter().take(3).enumerate() {
        let subject = subject_of(&article.parsed.title);
        candidates.push(Text::SuggestAbout { subject: &subject }.render(lang));
        if i == 0 {
            if let Some(item) = newest_ticker_item(articles) {
                let name = item.to_lowercase();
                candidates.push(Text::SuggestIndicator { name: &name }.render(lang));
            }
            candidates.push(Text::SuggestAuthor { subject: &subject }.render(lang));
            candidates.push(Text::SuggestWhen { subject: &subject }.render(lang));
        }
    }
    answerable(engine, candidates, lang, MAX_SUGGESTIONS)
}

/// One question about `article` the engine answers from it, for a new-article notice.
pub fn hint_for(engine: &Engine, article: &Article, lang: Lang) -> Option<String> {
    let subject = subject_of(&article.parsed.title);
    let candidates = vec![
        Text::SuggestAbout { subject: &subject }.render(lang),
        Text::SuggestWhen { subject: &subject }.render(lang),
    ];
    engine_answers_from(engine, candidates, lang, article.id)
}

fn answerable(engine: &Engine, candidates: Vec<String>, lang: Lang, max: usize) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for question in candidates {
        if chosen.len() == max {
            break;
        }
        if chosen.contains(&question) {
            continue;
        }
        let answer = engine.answer(&Question {
            text: &question,
            lang: Some(lang),
            context: None,
        });
        if answer.answered && answer.intent != Intent::Fallback {
            chosen.push(question);
        }
    }
    chosen
}

fn engine_answers_from(
    engine: &Engine,
    candidates: Vec<String>,
    lang: Lang,
    article_id: i64,
) -> Option<String> {
    candidates.into_iter().find(|question| {
        let answer = engine.answer(&Question {
            text: question,
            lang: Some(lang),
            context: None,
        });
        answer.answered && answer.sources.iter().any(|s| s.article_id == article_id)
    })
}

/// The first indicator of the newest ticker snapshot (by import time).
fn newest_ticker_item(articles: &[Article]) -> Option<&str> {
    articles
        .iter()
        .filter(|a| !a.parsed.ticker.is_empty())
        .max_by_key(|a| a.imported_at)
        .map(|a| a.parsed.ticker[0].name.as_str())
}

/// A short subject from a headline: the clause before the first comma, colon or dash, at most
/// six words, starting lower-case unless it is an acronym or a name.
pub fn subject_of(title: &str) -> String {
    let clause = title
        .split([',', ':', '|', '?', '!'])
        .next()
        .unwrap_or(title)
        .split(" - ")
        .next()
        .unwrap_or(title);
    let words: Vec<&str> = clause.split_whitespace().take(6).collect();
    let mut subject = words.join(" ");
    // "Heboh sebar data" reads better mid-sentence as "heboh sebar data"; "WhatsApp" stays.
    let first = words.first().copied().unwrap_or("");
    let capital_then_lower = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(|c| !c.is_uppercase());
    if capital_then_lower && !first.is_empty() {
        let mut chars = subject.chars();
        if let Some(c) = chars.next() {
            subject = c.to_lowercase().chain(chars).collect();
        }
    }
    subject
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_is_the_first_clause_of_the_headline() {
        assert_eq!(
            subject_of("Heboh sebar data pengguna ke Facebook, ini penjelasan resmi WhatsApp"),
            "heboh sebar data pengguna ke Facebook"
        );
    }

    #[test]
    fn a_subject_keeps_names_and_acronyms_capitalised() {
        assert_eq!(subject_of("OJK: bunga deposito turun"), "OJK");
        assert_eq!(subject_of("WhatsApp membantah"), "WhatsApp membantah");
    }

    #[test]
    fn a_subject_has_at_most_six_words() {
        assert_eq!(
            subject_of("satu dua tiga empat lima enam tujuh"),
            "satu dua tiga empat lima enam"
        );
    }
}
