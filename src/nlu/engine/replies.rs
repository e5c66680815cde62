//! Building the engine's answers: quoted paragraphs (the answering sentence marked), small talk,
//! the ticker's unknown names and refusals.

use super::Engine;
use crate::nlu::answer_type;
use crate::nlu::article::Decision;
use crate::nlu::intents::{ReplyKey, fill};
use crate::nlu::lang::Lang;
use crate::nlu::ticker;
use crate::nlu::{Answer, Intent, Source, Topic, format};

impl Engine {
    pub(super) fn quote(&self, d: &Decision, lang: Lang) -> Answer {
        self.quote_marked(d, None, lang)
    }

    /// Quotes the paragraphs, the answering sentence (paragraph, byte range) marked `**…**`.
    pub(super) fn quote_marked(
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

    pub(super) fn small_talk(
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

    pub(super) fn ticker_unknown(&self, what: &str, lang: Lang, context: Option<&Topic>) -> Answer {
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

    pub(super) fn refusal(
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
}
