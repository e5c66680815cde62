//! The engine's tuning views: a trace of how a question was analysed and scored, and the decision
//! features of its best passage.

use std::borrow::Cow;

use super::{Engine, question_text};
use crate::nlu::PassageFeatures;
use crate::nlu::article::{self, Decision};
use crate::nlu::decide::{self, Features};
use crate::nlu::passage;
use crate::nlu::query;
use crate::nlu::{Intent, Question};

impl Engine {
    /// A human-readable trace of how a question was analysed and scored (for tuning and tests).
    pub fn explain(&self, q: &Question) -> String {
        use std::fmt::Write;
        let raw = question_text(q.text, &self.index);
        let query = query::analyse(&raw, q.lang, &self.index);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "lang={:?} type={:?} words={:?}",
            query.lang, query.answer_type, query.words
        );
        for t in &query.terms {
            let _ = writeln!(
                out,
                "  term {:?} stem={:?} forms={:?} matches={} salient={} generic={} context={} head={}",
                t.word,
                t.stem,
                t.forms,
                t.matches.len(),
                t.salient,
                t.generic,
                t.context,
                t.head
            );
        }
        let ranked = article::rank(&query, &self.index, None, self.context_doc(q.context));
        for s in ranked.iter().take(4) {
            let p = &self.index.passages[s.passage];
            let _ = writeln!(
                out,
                "  doc {} para {} score {:.3} coverage {:.3} ({})",
                p.doc,
                p.paragraph,
                s.score,
                s.coverage,
                short_title(&self.index.docs[p.doc as usize].title)
            );
        }
        // The decision the reader would get: the fitted model's, on the question without the
        // words that only spelled its dates (as `answer` decides), not the bare ranking's.
        match self.choose(Cow::Borrowed(&query), &raw, q.context) {
            Some(c) => {
                let _ = writeln!(
                    out,
                    "  decision: doc {} paragraphs {:?} probability {:.3} answer {} ({})",
                    c.doc,
                    c.paragraphs,
                    c.probability,
                    c.answer,
                    short_title(&self.index.docs[c.doc].title)
                );
                let _ = writeln!(out, "  features: {:?}", c.features);
                if let Some(r) = &c.refusal {
                    let _ = writeln!(out, "  failed check: {r:?}");
                }
            }
            None => {
                let _ = writeln!(out, "  decision: none (nothing ranked)");
            }
        }
        out
    }

    /// The question as read, and the article decision it reaches; `None` when it never reaches
    /// one (small talk, ticker, an empty question). Shared by the fitting dumps below.
    fn article_choice(&self, q: &Question) -> Option<(String, query::Query, decide::Choice)> {
        let raw = question_text(q.text, &self.index);
        let query = query::analyse(&raw, q.lang, &self.index);
        if query.words.is_empty() {
            return None;
        }
        let answered = self.answer(q);
        if !matches!(answered.intent, Intent::Article | Intent::Fallback) {
            return None;
        }
        let c = self.choose(Cow::Borrowed(&query), &raw, q.context)?;
        Some((raw, query, c))
    }

    /// The decision features of a question's best passage and the reply it would get if answered
    /// (for fitting the decision model: `ask --features`). `None` when the question never reaches
    /// the article decision (small talk, ticker, an empty question).
    pub fn features(&self, q: &Question) -> Option<(Features, String)> {
        let (_, query, c) = self.article_choice(q)?;
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

    /// The paragraphs of the article a question would be answered from, each with the features
    /// the paragraph ranker weighs, for fitting it (`ask --paragraphs`): the article's title, the
    /// kind of answer asked, and per candidate its number, text and features. `None` when the
    /// question never reaches the article decision.
    pub fn paragraph_features(&self, q: &Question) -> Option<ParagraphDump> {
        let (raw, query, c) = self.article_choice(q)?;
        let (bare, qd) = self.dated(Cow::Borrowed(&query), &raw);
        let lead = article::rank(&bare, &self.index, Some(c.doc), None)
            .into_iter()
            .next()?;
        let doc = &self.index.docs[c.doc];
        let candidates = passage::candidates(&bare, &qd, &self.index, c.doc, &lead, self.lexicon())
            .into_iter()
            .map(|p| {
                let text = doc.paragraphs.get(p.paragraph).cloned().unwrap_or_default();
                (p.paragraph, text, p.features)
            })
            .collect();
        Some(ParagraphDump {
            title: doc.title.clone(),
            answer_type: format!("{:?}", bare.answer_type),
            candidates,
        })
    }

    /// The candidate articles of a question with the evidence the article choice weighs, for
    /// fitting its weights (`ask --articles`). `None` when the question never reaches the
    /// article decision.
    pub fn article_rows(&self, q: &Question) -> Option<Vec<decide::DocRow>> {
        let (raw, query, _) = self.article_choice(q)?;
        let (bare, qd) = self.dated(Cow::Borrowed(&query), &raw);
        Some(decide::article_rows(
            &bare,
            &qd,
            &self.index,
            &self.dates,
            self.context_doc(q.context),
            &self.intents.article,
            self.lexicon(),
        ))
    }
}

/// What [`Engine::paragraph_features`] measures for one question.
#[derive(Debug, Clone)]
pub struct ParagraphDump {
    pub title: String,
    pub answer_type: String,
    /// (paragraph number, its text, its features), best words first.
    pub candidates: Vec<(usize, String, PassageFeatures)>,
}

/// The first words of a title, enough to tell same-topic articles apart in an explanation.
fn short_title(title: &str) -> String {
    title.chars().take(48).collect()
}
