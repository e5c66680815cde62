//! The engine: built once over the articles and the intents, immutable, answering any number of
//! questions concurrently. When content changes the caller builds a new one and swaps an `Arc`.
//!
//! Split by feature: this file owns building the engine and routing a question to what answers it;
//! `follow_up` answers short questions from the conversation's topic and "more"; `replies` builds the
//! answers (quotes, small talk, refusals); `explain` holds the tuning views (`explain`, `features`).

mod explain;
mod follow_up;
mod replies;

use std::borrow::Cow;
use std::sync::Arc;

pub use explain::ParagraphDump;

use super::article::Decision;
use super::dates::{self, QuestionDates};
use super::decide::{self, DateIndex};
use super::index::Index;
use super::intents::{Intents, ReplyKey, fill};
use super::lang::{self, Lang};
use super::lexicon::Lexicon;
use super::meta;
use super::query::{self, Query};
use super::smalltalk::SmallTalkMatcher;
use super::ticker::{self, TickerMatcher};
use super::{Answer, Question, Topic};
use crate::content::Article;

/// Longer questions are answered from their start: nobody asks 2,000 characters of question.
const MAX_QUESTION_CHARS: usize = 1000;

/// The question as analysed: at most [`MAX_QUESTION_CHARS`], with an English ordinal day written
/// as its number ("October 21st" → "October 21"), as the articles and the date reader write days.
pub(crate) fn question_text(text: &str, index: &Index) -> String {
    let lx = &*index.lx;
    // A text of no more bytes than the limit has no more characters either: copied whole, not
    // character by character.
    let raw: String = if text.len() <= MAX_QUESTION_CHARS {
        text.to_owned()
    } else {
        text.chars().take(MAX_QUESTION_CHARS).collect()
    };
    // Most questions hold no numeral, so no ordinal and no glued figure: nothing to rewrite.
    if !raw.bytes().any(|b| b.is_ascii_digit()) {
        return raw;
    }
    let raw = crate::nlu::text::plain_ordinals(&raw, |s| lx.is_ordinal_suffix(s));
    // A figure glued to its scale ("13rb") is parted here, so that every later reading of the
    // question (terms, dates, quoted figures) sees "13 ribu". English reads "1.5M" as a million,
    // not the Indonesian "2M" miliar: the chat scales are Indonesian shorthand. (The language is
    // read only when something was parted: most figures are glued to nothing.)
    let parted = match query::part_glued_figures(&raw, index) {
        std::borrow::Cow::Borrowed(_) => return raw,
        std::borrow::Cow::Owned(parted) => parted,
    };
    if lang::detect(&raw, lx) == Some(Lang::En) {
        raw
    } else {
        parted
    }
}

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
    /// The indicators a report newer than the ticker's snapshot headlines (see
    /// [`ticker::newer_reports`]): found once here, not for every ticker question.
    newer_reports: Vec<String>,
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
            newer_reports: Vec::new(),
        };
        engine.newer_reports = ticker::newer_reports(&engine.ticker, &engine.index);
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
        let raw = question_text(q.text, &self.index);
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
        if let Some(a) = self.structural(&query, &raw, q.context) {
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
        // The question is read no more here: handed over, so dropping its date words changes it
        // in place instead of copying it.
        self.answer_from_articles(Cow::Owned(query), &raw, q.context)
    }

    /// Questions recognised by their shape: the ticker's figures, an article's byline or date.
    fn structural(&self, query: &Query, raw: &str, context: Option<&Topic>) -> Option<Answer> {
        let lang = query.lang;
        let mention = self.ticker.mention(&query.words, &self.index);
        if mention.only_ticker && !mention.unknown.is_empty() {
            let what = mention.unknown.join(", ");
            return Some(self.reports_or_unknown(query, raw, context, &what));
        }
        if mention.only_ticker && !mention.known.is_empty() {
            // A report published after the snapshot that is about the indicator holds a newer
            // figure than the ticker: the reader asking for "the" figure wants that one, and the
            // snapshot answers only when no report does.
            if mention.known.iter().any(|n| self.newer_reports.contains(n)) {
                let from_reports = self.answer_from_articles(Cow::Borrowed(query), raw, context);
                if from_reports.answered {
                    return Some(from_reports);
                }
            }
            return Some(
                match ticker::answer(&mention.known, &self.index, &self.intents, lang) {
                    Ok(a) => a,
                    Err(missing) => self.reports_or_unknown(query, raw, context, &missing),
                },
            );
        }
        let context_doc = self.context_doc(context);
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
    /// An indicator no ticker snapshot holds may still be the subject of a report ("kurs rupiah
    /// terbaru" over an archive of rupiah reports, whose pages carry no ticker): the reports
    /// answer first, and only when none does is the reader told no figure is held.
    fn reports_or_unknown(
        &self,
        query: &Query,
        raw: &str,
        context: Option<&Topic>,
        what: &str,
    ) -> Answer {
        let from_reports = self.answer_from_articles(Cow::Borrowed(query), raw, context);
        if from_reports.answered {
            from_reports
        } else {
            self.ticker_unknown(what, query.lang, context)
        }
    }

    fn answer_from_articles(
        &self,
        query: Cow<'_, Query>,
        raw: &str,
        context: Option<&Topic>,
    ) -> Answer {
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

    fn choose(
        &self,
        query: Cow<'_, Query>,
        raw: &str,
        context: Option<&Topic>,
    ) -> Option<decide::Choice> {
        let (q, qd) = self.dated(query, raw);
        decide::choose(
            &q,
            &qd,
            &self.index,
            &self.dates,
            self.context_doc(context),
            &self.intents.thresholds,
            &self.intents.decision,
            &self.intents.article,
            &self.intents.passage,
            self.lexicon(),
        )
    }

    /// The archive's number of the article the conversation is on, if any.
    fn context_doc(&self, context: Option<&Topic>) -> Option<usize> {
        match context {
            Some(Topic::Article { article_id, .. }) => self.index.doc_by_id(*article_id),
            _ => None,
        }
    }

    /// The question's dates, and the question without the words that wrote them: dates are
    /// matched as dates, not as words.
    fn dated<'q>(&self, query: Cow<'q, Query>, raw: &str) -> (Cow<'q, Query>, QuestionDates) {
        let qd = dates::of_question(raw, self.lexicon());
        (decide::without_date_words(query, &qd), qd)
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
