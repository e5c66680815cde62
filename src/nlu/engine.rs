//! The engine: built once over the articles and the intents, immutable, answering any number of
//! questions concurrently. When content changes the caller builds a new one and swaps an `Arc`.

use std::sync::Arc;

use super::article::{self, Decision};
use super::index::Index;
use super::intents::{Intents, fill};
use super::lang::{self, Lang};
use super::lexicon::Lexicon;
use super::meta;
use super::query::{self, AnswerType, Query};
use super::smalltalk::SmallTalkMatcher;
use super::ticker::{self, TickerMatcher};
use super::{Answer, Question, Source, Topic, format};
use crate::content::Article;

/// Longer questions are answered from their start: nobody asks 2,000 characters of question.
const MAX_QUESTION_CHARS: usize = 1000;

pub struct Engine {
    intents: Arc<Intents>,
    /// Each article's web address, for the sources of answers drawn from it.
    urls: std::collections::HashMap<i64, String>,
    index: Index,
    smalltalk: SmallTalkMatcher,
    ticker: TickerMatcher,
}

impl Engine {
    pub fn build(intents: Arc<Intents>, articles: &[Article]) -> Engine {
        let smalltalk = SmallTalkMatcher::new(&intents);
        let ticker = TickerMatcher::new(&intents);
        let lx = Lexicon::get();
        let extra: Vec<&str> = smalltalk
            .words()
            .chain(ticker.words())
            .chain(lx.english.keys().map(String::as_str))
            .collect();
        let index = Index::build(articles, extra.into_iter());
        let urls = articles
            .iter()
            .filter_map(|a| Some((a.id, a.parsed.url.clone()?)))
            .collect();
        Engine {
            intents,
            urls,
            index,
            smalltalk,
            ticker,
        }
    }

    /// Function-word based language guess; `None` when unsure.
    pub fn detect_lang(text: &str) -> Option<Lang> {
        lang::detect(text)
    }

    /// A configured text (`fallback`, `help`, …) in the given language; empty for an unknown key.
    pub fn reply_text(&self, key: &str, lang: Lang) -> String {
        let text = self.intents.text(key, lang).unwrap_or_default();
        fill(text, &[("articles", &self.article_list())])
    }

    pub fn answer(&self, q: &Question) -> Answer {
        self.with_urls(self.answer_sources(q))
    }

    /// Fills in each source's article URL (the passes that build answers know only ids).
    fn with_urls(&self, mut answer: Answer) -> Answer {
        for source in &mut answer.sources {
            source.url = self.urls.get(&source.article_id).cloned();
        }
        answer
    }

    fn answer_sources(&self, q: &Question) -> Answer {
        let raw: String = q.text.chars().take(MAX_QUESTION_CHARS).collect();
        let query = query::analyse(&raw, q.lang, &self.index);
        let lang = query.lang;
        if query.words.is_empty() {
            return self.refusal(lang, "empty", q.context, 1.0);
        }
        let small = self.smalltalk.best(&query.words);
        if let Some(m) = &small
            && m.complete
        {
            return self.small_talk(&m.intent, m.coverage, lang, q.context);
        }
        if let Some(a) = self.structural(&query, q.context) {
            return a;
        }
        // Mostly small talk, and nothing specific left over ("terima kasih atas infonya").
        if let Some(m) = &small
            && m.coverage >= self.intents.thresholds.smalltalk
            && query
                .terms
                .iter()
                .filter(|t| !self.smalltalk.explains(&m.intent, &t.word))
                .all(|t| t.generic || !t.known())
        {
            return self.small_talk(&m.intent, m.coverage, lang, q.context);
        }
        if let Some(context) = q.context
            && query.terms.len() <= 2
            && !query.terms.iter().any(|t| t.salient)
            && let Some(a) = self.follow_up(&query, context)
        {
            return a;
        }
        self.answer_from_articles(&query, q.context)
    }

    /// A human-readable trace of how a question was analysed and scored (for tuning and tests).
    pub fn explain(&self, q: &Question) -> String {
        use std::fmt::Write;
        let query = query::analyse(q.text, q.lang, &self.index);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "lang={:?} type={:?} words={:?}",
            query.lang, query.answer_type, query.words
        );
        for t in &query.terms {
            let _ = writeln!(
                out,
                "  term {:?} stem={:?} forms={:?} matches={} salient={} generic={}",
                t.word,
                t.stem,
                t.forms,
                t.matches.len(),
                t.salient,
                t.generic
            );
        }
        let context_doc = match q.context {
            Some(Topic::Article { article_id, .. }) => self.index.doc_by_id(*article_id),
            _ => None,
        };
        let ranked = article::rank(&query, &self.index, None, context_doc);
        for s in ranked.iter().take(4) {
            let p = &self.index.passages[s.passage];
            let _ = writeln!(
                out,
                "  doc {} para {} score {:.3} coverage {:.3}",
                p.doc, p.paragraph, s.score, s.coverage
            );
        }
        let _ = writeln!(
            out,
            "  decision: {:?}",
            article::decide(&query, &self.index, &ranked, &self.intents.thresholds)
                .map(|d| (d.paragraphs, d.confidence))
        );
        out
    }

    /// "More from this article": the paragraph after `after_paragraph`.
    pub fn more(&self, article_id: i64, after_paragraph: usize, lang: Lang) -> Option<Answer> {
        self.more_sources(article_id, after_paragraph, lang)
            .map(|a| self.with_urls(a))
    }

    fn more_sources(&self, article_id: i64, after_paragraph: usize, lang: Lang) -> Option<Answer> {
        let doc_no = self.index.doc_by_id(article_id)?;
        let doc = &self.index.docs[doc_no];
        let next = after_paragraph + 1;
        if next >= doc.paragraphs.len() {
            let text = fill(
                self.intents.text("more_end", lang).unwrap_or_default(),
                &[("title", &doc.title)],
            );
            return Some(Answer {
                intent: "article".into(),
                confidence: 1.0,
                answered: true,
                text,
                sources: Vec::new(),
                lang,
                topic: Some(Topic::Article {
                    article_id,
                    paragraph: after_paragraph,
                }),
            });
        }
        Some(self.quote(
            &Decision {
                doc: doc_no,
                paragraphs: vec![next],
                confidence: 1.0,
            },
            lang,
        ))
    }

    /// Questions recognised by their shape: the ticker's figures, an article's byline or date.
    fn structural(&self, query: &Query, context: Option<&Topic>) -> Option<Answer> {
        let lang = query.lang;
        let mention = self.ticker.mention(&query.words, &self.index);
        if mention.only_ticker && !mention.unknown.is_empty() {
            return Some(self.ticker_unknown(&mention.unknown.join(", "), lang, context));
        }
        if mention.only_ticker && !mention.known.is_empty() {
            return Some(
                match ticker::answer(&mention.known, &self.index, &self.intents, lang) {
                    Ok(a) => a,
                    Err(missing) => self.ticker_unknown(&missing, lang, context),
                },
            );
        }
        let context_doc = match context {
            Some(Topic::Article { article_id, .. }) => self.index.doc_by_id(*article_id),
            _ => None,
        };
        if let Some((field, doc)) = meta::field(query, &self.index) {
            if doc.is_none() && context_doc.is_none() && self.index.docs.len() > 1 {
                // "Siapa penulis berita ini?" with nothing saying which: every article, briefly.
                let docs = self.docs_newest_first();
                return Some(meta::answer_all(
                    field,
                    &docs,
                    &self.index,
                    &self.intents,
                    lang,
                ));
            }
            let doc = doc.or(context_doc).or_else(|| self.newest_doc());
            if let Some(doc) = doc {
                return Some(meta::answer(field, doc, &self.index, &self.intents, lang));
            }
        }
        None
    }

    /// The best passage of any article, or a refusal.
    fn answer_from_articles(&self, query: &Query, context: Option<&Topic>) -> Answer {
        let lang = query.lang;
        let context_doc = match context {
            Some(Topic::Article { article_id, .. }) => self.index.doc_by_id(*article_id),
            _ => None,
        };
        let ranked = article::rank(query, &self.index, None, context_doc);
        match article::decide(query, &self.index, &ranked, &self.intents.thresholds) {
            Ok(decision) => self.quote(&decision, lang),
            Err(_) => {
                let confidence = 1.0 - ranked.first().map_or(0.0, |s| s.coverage * 0.5);
                self.refusal(lang, "fallback", context, confidence)
            }
        }
    }

    /// A short question with no topic of its own, resolved against the conversation's topic.
    fn follow_up(&self, query: &Query, context: &Topic) -> Option<Answer> {
        if query.terms.iter().any(|t| t.salient) || query.terms.len() > 2 {
            return None;
        }
        match context {
            Topic::Indicator { name } => {
                let mention = self.ticker.mention(&query.words, &self.index);
                if !mention.only_ticker {
                    return None;
                }
                ticker::answer(
                    std::slice::from_ref(name),
                    &self.index,
                    &self.intents,
                    query.lang,
                )
                .ok()
            }
            Topic::Article {
                article_id,
                paragraph,
            } => {
                let doc = self.index.doc_by_id(*article_id)?;
                let n = self.index.docs[doc].paragraphs.len();
                let at = (*paragraph).min(n.saturating_sub(1));
                if query.terms.is_empty() && query.answer_type == AnswerType::Any {
                    // "terus?", "lalu?": the story goes on.
                    return self.more(*article_id, at, query.lang);
                }
                // The context paragraph or a neighbour holding what was asked for.
                let candidates = [Some(at), at.checked_sub(1), Some(at + 1)];
                let pick = candidates.into_iter().flatten().find(|&i| {
                    self.index
                        .passage_of(doc, i)
                        .is_some_and(|p| match query.answer_type {
                            AnswerType::Date => {
                                p.flags.has_year
                                    || mentions_date(&self.index.docs[doc].paragraphs[i])
                            }
                            AnswerType::Number => p.flags.has_number,
                            AnswerType::Person => {
                                attributes_speech(&self.index.docs[doc].paragraphs[i])
                            }
                            AnswerType::Any | AnswerType::YesNo | AnswerType::Reason => {
                                query.terms.is_empty()
                                    || article::coverage(query, &self.index, &[p]) > 0.0
                            }
                        })
                })?;
                let mut a = self.quote(
                    &Decision {
                        doc,
                        paragraphs: vec![pick],
                        confidence: 0.7,
                    },
                    query.lang,
                );
                a.confidence = 0.7;
                Some(a)
            }
        }
    }

    fn quote(&self, d: &Decision, lang: Lang) -> Answer {
        let doc = &self.index.docs[d.doc];
        let quote = d
            .paragraphs
            .iter()
            .map(|&i| format!("“{}”", doc.paragraphs[i].trim()))
            .collect::<Vec<_>>()
            .join("\n\n");
        let date = doc
            .published_at
            .map(|at| format::date(&at, lang))
            .unwrap_or_else(|| {
                self.intents
                    .text("meta_unknown", lang)
                    .unwrap_or_default()
                    .to_string()
            });
        let text = fill(
            self.intents.text("article", lang).unwrap_or_default(),
            &[("title", &doc.title), ("date", &date), ("quote", &quote)],
        );
        Answer {
            intent: "article".into(),
            confidence: d.confidence,
            answered: true,
            text,
            sources: d
                .paragraphs
                .iter()
                .map(|&paragraph| Source {
                    article_id: doc.id,
                    title: doc.title.clone(),
                    paragraph,
                    url: None,
                })
                .collect(),
            lang,
            topic: Some(Topic::Article {
                article_id: doc.id,
                paragraph: *d.paragraphs.last().unwrap_or(&0),
            }),
        }
    }

    fn small_talk(
        &self,
        intent: &str,
        coverage: f32,
        lang: Lang,
        context: Option<&Topic>,
    ) -> Answer {
        Answer {
            intent: intent.to_string(),
            confidence: coverage.clamp(0.0, 1.0),
            answered: true,
            text: self.reply_text(intent, lang),
            sources: Vec::new(),
            lang,
            topic: context.cloned(),
        }
    }

    fn ticker_unknown(&self, what: &str, lang: Lang, context: Option<&Topic>) -> Answer {
        let text = fill(
            self.intents
                .text("ticker_unknown", lang)
                .unwrap_or_default(),
            &[
                ("what", what),
                ("available", &ticker::available(&self.index)),
            ],
        );
        Answer {
            intent: "fallback".into(),
            confidence: 0.9,
            answered: false,
            text,
            sources: Vec::new(),
            lang,
            topic: context.cloned(),
        }
    }

    fn refusal(&self, lang: Lang, key: &str, context: Option<&Topic>, confidence: f32) -> Answer {
        Answer {
            intent: "fallback".into(),
            confidence: confidence.clamp(0.0, 1.0),
            answered: false,
            text: self.reply_text(key, lang),
            sources: Vec::new(),
            lang,
            topic: context.cloned(),
        }
    }

    fn newest_doc(&self) -> Option<usize> {
        (0..self.index.docs.len())
            .max_by_key(|&d| (self.index.docs[d].imported_at, self.index.docs[d].id))
    }

    fn docs_newest_first(&self) -> Vec<usize> {
        let mut docs: Vec<usize> = (0..self.index.docs.len()).collect();
        docs.sort_by_key(|&d| {
            let doc = &self.index.docs[d];
            std::cmp::Reverse((doc.published_at, doc.imported_at, doc.id))
        });
        docs
    }

    /// Up to three titles, newest first, for the fallback text.
    fn article_list(&self) -> String {
        let mut docs: Vec<_> = self.index.docs.iter().collect();
        docs.sort_by_key(|d| std::cmp::Reverse((d.imported_at, d.id)));
        let mut list: Vec<String> = docs
            .iter()
            .take(3)
            .map(|d| format!("\"{}\"", d.title))
            .collect();
        if docs.len() > 3 {
            list.push(format!("+{}", docs.len() - 3));
        }
        list.join(", ")
    }
}

fn mentions_date(text: &str) -> bool {
    super::text::words(text)
        .iter()
        .any(|w| super::index::CALENDAR_WORDS.contains(&w.as_str()))
}

fn attributes_speech(text: &str) -> bool {
    const SAYS: &[&str] = &[
        "kata",
        "ujar",
        "tulis",
        "jelas",
        "ungkap",
        "menurut",
        "sebut",
        "bilang",
        "tutur",
        "terang",
        "menjelaskan",
        "mengatakan",
        "membantah",
        "keterangan",
    ];
    let lower = text.to_lowercase();
    super::text::words(&lower)
        .iter()
        .any(|w| SAYS.contains(&w.as_str()))
}
