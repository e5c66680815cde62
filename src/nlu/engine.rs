//! The engine: built once over the articles and the intents, immutable, answering any number of
//! questions concurrently. When content changes the caller builds a new one and swaps an `Arc`.

use std::sync::Arc;

use super::answer_type;
use super::article::{self, Decision};
use super::dates;
use super::decide::{self, DateIndex, Features};
use super::index::Index;
use super::intents::{Intents, ReplyKey, fill};
use super::lang::{self, Lang};
use super::lexicon::{Cue, Lexicon};
use super::meta;
use super::query::{self, AnswerType, Query};
use super::smalltalk::SmallTalkMatcher;
use super::ticker::{self, TickerMatcher};
use super::{Answer, Intent, Question, Source, Topic, format};
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
    dates: DateIndex,
    /// Article numbers, newest publication first, and the fallback text's list of titles: both
    /// sorted once here, not for every refusal or byline question (10,000 articles is a big sort).
    newest_first: Vec<usize>,
    titles: String,
}

impl Engine {
    /// The lexicon is loaded once by the caller (`Lexicon::builtin()`) and shared by every engine
    /// built after a content change.
    pub fn build(intents: Arc<Intents>, lexicon: Arc<Lexicon>, articles: &[Article]) -> Engine {
        let smalltalk = SmallTalkMatcher::new(&intents, lexicon.clone());
        let ticker = TickerMatcher::new(&intents, &lexicon);
        let extra: Vec<&str> = smalltalk
            .words()
            .chain(ticker.words())
            .chain(lexicon.english.keys().map(String::as_str))
            .collect();
        // The dates every paragraph writes are read on a second core while the words are indexed.
        let (index, dates) = std::thread::scope(|s| {
            let dates = s.spawn(|| DateIndex::build(articles, &lexicon));
            let index = Index::build(articles, extra.into_iter(), lexicon.clone());
            (index, dates.join().expect("reading dates does not panic"))
        });
        let urls = articles
            .iter()
            .filter_map(|a| Some((a.id, a.parsed.url.clone()?)))
            .collect();
        let mut engine = Engine {
            intents,
            urls,
            index,
            smalltalk,
            ticker,
            dates,
            newest_first: Vec::new(),
            titles: String::new(),
        };
        engine.newest_first = engine.docs_newest_first();
        engine.titles = engine.article_list();
        engine
    }

    /// Function-word based language guess; `None` when unsure.
    pub fn detect_lang(&self, text: &str) -> Option<Lang> {
        lang::detect(text, &self.index.lx)
    }

    /// The language data this engine was built with.
    pub fn lexicon(&self) -> &Arc<Lexicon> {
        &self.index.lx
    }

    /// A configured text (`fallback`, `help`, …) in the given language; empty for an unknown key.
    pub fn reply_text(&self, key: ReplyKey, lang: Lang) -> String {
        let text = self.intents.text(key, lang);
        fill(text, &[("articles", &self.titles)])
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
            return self.refusal(lang, ReplyKey::Empty, q.context, 1.0);
        }
        let small = self.smalltalk.best(&query.words);
        if let Some(m) = &small
            && m.complete
        {
            return self.small_talk(m.intent, m.coverage, lang, q.context);
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
                .filter(|t| !self.smalltalk.explains(m.intent, &t.word))
                .all(|t| t.generic || !t.known())
        {
            return self.small_talk(m.intent, m.coverage, lang, q.context);
        }
        if let Some(context) = q.context
            && query.terms.len() <= 2
            && !query.terms.iter().any(|t| t.salient)
            && let Some(a) = self.follow_up(&query, context)
        {
            return a;
        }
        self.answer_from_articles(&query, &raw, q.context)
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
                self.intents.text(ReplyKey::MoreEnd, lang),
                &[("title", &doc.title)],
            );
            return Some(Answer {
                intent: Intent::Article,
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
                return Some(meta::answer_all(
                    field,
                    &self.newest_first,
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
    fn answer_from_articles(&self, query: &Query, raw: &str, context: Option<&Topic>) -> Answer {
        let lang = query.lang;
        match self.choose(query, raw, context) {
            Some(c) if c.answer => {
                let mut a = self.quote_marked(
                    &Decision {
                        doc: c.doc,
                        paragraphs: c.paragraphs.clone(),
                        confidence: c.probability,
                    },
                    c.sentence.as_ref(),
                    lang,
                );
                a.confidence = c.probability;
                a
            }
            Some(c) => self.refusal(lang, ReplyKey::Fallback, context, 1.0 - c.probability),
            None => self.refusal(lang, ReplyKey::Fallback, context, 1.0),
        }
    }

    fn choose(&self, query: &Query, raw: &str, context: Option<&Topic>) -> Option<decide::Choice> {
        let context_doc = match context {
            Some(Topic::Article { article_id, .. }) => self.index.doc_by_id(*article_id),
            _ => None,
        };
        let qd = dates::of_question(raw, self.lexicon());
        let q = decide::without_date_words(query, &qd);
        decide::choose(
            &q,
            &qd,
            &self.index,
            &self.dates,
            context_doc,
            &self.intents.thresholds,
            &self.intents.decision,
            self.lexicon(),
        )
    }

    /// The decision features of a question's best passage and the reply it would get if answered
    /// (for fitting the decision model: `ask --features`). `None` when the question never reaches
    /// the article decision (small talk, ticker, an empty question).
    pub fn features(&self, q: &Question) -> Option<(Features, String)> {
        let raw: String = q.text.chars().take(MAX_QUESTION_CHARS).collect();
        let query = query::analyse(&raw, q.lang, &self.index);
        if query.words.is_empty() {
            return None;
        }
        let answered = self.answer(q);
        if !matches!(answered.intent, Intent::Article | Intent::Fallback) {
            return None;
        }
        let c = self.choose(&query, &raw, q.context)?;
        let a = self.quote_marked(
            &Decision {
                doc: c.doc,
                paragraphs: c.paragraphs.clone(),
                confidence: c.probability,
            },
            c.sentence.as_ref(),
            query.lang,
        );
        Some((c.features, a.text))
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
                                    || mentions_date(
                                        &self.index.docs[doc].paragraphs[i],
                                        &self.index.lx,
                                    )
                            }
                            AnswerType::Number => p.flags.has_number,
                            AnswerType::Person => attributes_speech(
                                &self.index.docs[doc].paragraphs[i],
                                &self.index.lx,
                            ),
                            AnswerType::Any
                            | AnswerType::YesNo
                            | AnswerType::Reason
                            | AnswerType::Place
                            | AnswerType::Manner => {
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
        self.quote_marked(d, None, lang)
    }

    /// Quotes the paragraphs, the answering sentence (paragraph, byte range) marked `**…**`.
    fn quote_marked(
        &self,
        d: &Decision,
        sentence: Option<&(usize, std::ops::Range<usize>)>,
        lang: Lang,
    ) -> Answer {
        let doc = &self.index.docs[d.doc];
        let quote = d
            .paragraphs
            .iter()
            .map(|&i| match sentence {
                Some((p, range)) if *p == i => {
                    format::quote(&answer_type::mark(&doc.paragraphs[i], range))
                }
                _ => format::quote(&doc.paragraphs[i]),
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let date = doc
            .published_at
            .map(|at| format::date(&at, lang))
            .unwrap_or_else(|| self.intents.text(ReplyKey::MetaUnknown, lang).to_string());
        let text = fill(
            self.intents.text(ReplyKey::Article, lang),
            &[("title", &doc.title), ("date", &date), ("quote", &quote)],
        );
        Answer {
            intent: Intent::Article,
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
        intent: Intent,
        coverage: f32,
        lang: Lang,
        context: Option<&Topic>,
    ) -> Answer {
        Answer {
            intent,
            confidence: coverage.clamp(0.0, 1.0),
            answered: true,
            text: fill(
                self.intents.small_talk_text(intent, lang),
                &[("articles", &self.titles)],
            ),
            sources: Vec::new(),
            lang,
            topic: context.cloned(),
        }
    }

    fn ticker_unknown(&self, what: &str, lang: Lang, context: Option<&Topic>) -> Answer {
        let available = ticker::available(&self.index, &self.intents, lang);
        // With no ticker in any article there is no list to offer, only the reason.
        let key = if available.is_empty() {
            ReplyKey::TickerNone
        } else {
            ReplyKey::TickerUnknown
        };
        let text = fill(
            self.intents.text(key, lang),
            &[("what", what), ("available", &available)],
        );
        Answer {
            intent: Intent::Fallback,
            confidence: 0.9,
            answered: false,
            text,
            sources: Vec::new(),
            lang,
            topic: context.cloned(),
        }
    }

    fn refusal(
        &self,
        lang: Lang,
        key: ReplyKey,
        context: Option<&Topic>,
        confidence: f32,
    ) -> Answer {
        Answer {
            intent: Intent::Fallback,
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

fn mentions_date(text: &str, lx: &Lexicon) -> bool {
    super::text::words(text)
        .iter()
        .any(|w| lx.is_calendar_word(w))
}

/// Whether the paragraph attributes words to someone ("kata", "ujar", "menurut").
fn attributes_speech(text: &str, lx: &Lexicon) -> bool {
    super::text::words(text)
        .iter()
        .any(|w| lx.is_cue(w, Cue::Speech))
}
