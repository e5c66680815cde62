//! Answers from the conversation's topic: "more from this article", and a short question resolved
//! against the article paragraph or indicator the conversation is about.

use super::Engine;
use crate::nlu::article::{self, Decision};
use crate::nlu::intents::{ReplyKey, fill};
use crate::nlu::lang::Lang;
use crate::nlu::lexicon::{Cue, Lexicon};
use crate::nlu::query::{AnswerType, Query};
use crate::nlu::ticker;
use crate::nlu::{Answer, Intent, Topic};

impl Engine {
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

    /// A short question with no topic of its own, resolved against the conversation's topic.
    pub(super) fn follow_up(&self, query: &Query, context: &Topic) -> Option<Answer> {
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
}

fn mentions_date(text: &str, lx: &Lexicon) -> bool {
    crate::nlu::text::words(text)
        .iter()
        .any(|w| lx.is_calendar_word(w))
}

/// Whether the paragraph attributes words to someone ("kata", "ujar", "menurut").
fn attributes_speech(text: &str, lx: &Lexicon) -> bool {
    crate::nlu::text::words(text)
        .iter()
        .any(|w| lx.is_cue(w, Cue::Speech))
}
