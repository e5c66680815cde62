//! The answer-or-refuse decision over the whole archive: the passages ranked by words
//! ([`article::rank`]) are re-weighed by date evidence ([`dates`](super::dates)) and by whether a sentence holds
//! the kind of value asked for ([`answer_type`]); the best one's measured features go through a
//! logistic model whose weights and threshold are fitted on the tuning set
//! (`scripts/fit_answer.py`) and kept in `config/default.toml`'s `[answer]` section.
//!
//! [`choose`] goes step by step: which article ([`steps`]: the word ranking re-weighed by what the
//! question quotes and when it asks about), which of its paragraphs ([`passage::choose`]), then
//! what the chosen passage quotes and measures for the model ([`measure`]).

use std::borrow::Cow;

use super::article::{self, Scored};
use super::condition::Verdict;
use super::dates::QuestionDates;
use super::index::Index;
use super::intents::Thresholds;
use super::lexicon::Lexicon;
use super::passage;
use super::query::{AnswerType, Query, Term};
use measure::Chosen;
use relation::Definition;
#[cfg(test)]
use siblings::{only_a_unit, same_topic};

mod compound;
mod date_index;
mod evidence;
mod holding;
mod ledger;
mod measure;
mod model;
pub(crate) mod period;
mod previous;
mod quote_after;
mod region;
mod relation;
mod siblings;
mod speaker;
mod steps;

pub use date_index::DateIndex;
#[cfg(test)]
use holding::clause_held;
use holding::{doc_holds, doc_weight};
use ledger::Ledger;
pub use ledger::{ArticleWeights, DocRow};
pub use model::{DecisionModel, Features};

/// An article whose title holds the topic words is on the topic when its best passage scores at
/// least this share of the best.
const TOPIC_FLOOR: f32 = 0.4;

/// The passage chosen to answer, and whether to.
#[derive(Debug, Clone)]
pub struct Choice {
    pub doc: usize,
    /// The paragraphs to quote, in order.
    pub paragraphs: Vec<usize>,
    /// The answering sentence: (paragraph, byte range in it).
    pub sentence: Option<(usize, std::ops::Range<usize>)>,
    pub features: Features,
    /// The first word-level check that failed (what `checks` = 0 stands for), for tuning views.
    pub refusal: Option<article::Refusal>,
    pub probability: f32,
    pub answer: bool,
}

/// The question without the words that only spelled its dates ("21", "november", "2019"):
/// dates are matched as dates, not as words a passage must repeat.
/// A relative time word ("terbaru", "terakhir") stays a term but is neither salient nor more
/// than generic: it says when, not what about, and the report rarely repeats it.
/// A question given owned is changed in place, not copied (the answer's own path hands it over).
pub fn without_date_words<'a>(q: Cow<'a, Query>, qd: &QuestionDates) -> Cow<'a, Query> {
    let dated = |t: &Term| qd.words.contains(&t.word);
    // Most questions spell no date and say no "terbaru": nothing to take out, so no copy of the
    // question (its words and terms are a good share of the allocations per question). One that
    // is all date words stays whole: nothing else would be left to ask.
    if !q
        .terms
        .iter()
        .any(|t| dated(t) || qd.relative_words.contains(&t.word))
        || q.terms.iter().all(dated)
    {
        return q;
    }
    let mut out = match q {
        Cow::Borrowed(q) => q.keeping(|t| !dated(t)),
        Cow::Owned(mut q) => {
            q.terms.retain(|t| !dated(t));
            q
        }
    };
    for t in out.terms.iter_mut() {
        if qd.relative_words.contains(&t.word) {
            t.salient = false;
            t.rare = false;
            t.generic = true;
            t.head = false;
        }
    }
    Cow::Owned(out)
}

/// What every step of the choice reads: the question, its dates, the archive, and what is worked
/// out of them once.
struct Inputs<'a> {
    q: &'a Query,
    qd: &'a QuestionDates,
    index: &'a Index,
    dix: &'a DateIndex,
    lx: &'a Lexicon,
    /// How much each step's evidence moves an article.
    w: &'a ArticleWeights,
    /// The evidence noted per article, when tracing for the fitting dump.
    ledger: Ledger,
    /// A release's reference month dates its figures; who spoke, where and when something
    /// happened are dated by the day the report came out, as when the question names the release.
    by_publication: bool,
    /// The question's salient terms, the evidence of which report it is about. A numbered part's
    /// digits ("kuartal 1") are weighed by `period_absent`, in any form.
    salient: Vec<&'a Term>,
    /// The regions the question names by a place and a compass word ("Lumbung Tengah").
    regions: Vec<region::Region>,
    /// The numbered parts the question names ("kuartal IV", [`period::parts`]), read by the
    /// ranking's push-down and by `period_absent` alike.
    parts: Vec<period::Part>,
}

impl<'a> Inputs<'a> {
    /// Which article: the word ranking re-weighed by what the question quotes, then by when it
    /// asks about. The conditions' verdicts, by article.
    fn reweigh(&self, ranked: &mut [Scored]) -> Vec<(usize, Verdict)> {
        let held = self.weigh_salient(ranked);
        let placed = self.weigh_clause(ranked);
        self.weigh_figures(ranked);
        let verdicts = self.weigh_conditions(ranked);
        self.weigh_dates(ranked);
        self.weigh_recency(ranked, &held, &placed);
        // A numbered part the question names ("kuartal IV 2031") the best article lacks: the
        // articles lacking it step down (see [`period::push_down_absent`]).
        period::push_down_absent(&self.parts, self.index, ranked, self.lx);
        verdicts
    }

    fn new(
        q: &'a Query,
        qd: &'a QuestionDates,
        index: &'a Index,
        dix: &'a DateIndex,
        lx: &'a Lexicon,
        w: &'a ArticleWeights,
    ) -> Self {
        let part_digits = period::part_digits(&q.words, lx);
        let by_publication = qd.names_release
            || matches!(
                q.answer_type,
                AnswerType::Person | AnswerType::Place | AnswerType::Date
            );
        let salient: Vec<&Term> = q
            .terms
            .iter()
            .filter(|t| t.salient && !part_digits.contains(&t.word))
            .collect();
        Inputs {
            q,
            qd,
            index,
            dix,
            lx,
            w,
            ledger: Ledger::default(),
            by_publication,
            salient,
            regions: region::regions(q, lx),
            parts: period::parts(&q.words, lx),
        }
    }

    /// Whether to answer: the model's probability reaches its threshold and no veto holds.
    fn answers(
        &self,
        model: &DecisionModel,
        probability: f32,
        features: &Features,
        verdict: Verdict,
    ) -> bool {
        let q = self.q;
        probability >= model.threshold
            && features.period_absent == 0.0
            // A condition on a figure the chosen report does not meet (or whose measure it does
            // not state) asks for a report the archive does not hold: the nearest is no answer.
            && (q.conditions.is_empty() || verdict == Verdict::Meets)
            // A question asking what a thing is, of an article that never defines it, is a
            // general-knowledge question sharing the thing's words ("koperasi itu telah …").
            && features.definition_unmet == 0.0
            // Generic words alone ("berapa harganya?") name no subject to answer about, however
            // well a passage holds them.
            && q.terms.iter().any(|t| !t.generic)
    }
}

/// Ranks, re-weighs and decides. `None` when nothing in the archive shares a word.
///
/// Two steps: which article (words, then its dates and recency), then which of its paragraphs
/// (words, plus the sentence holding the kind of value asked for near the question's words) —
/// in a multi-article archive most wrong answers are the right article and the wrong paragraph.
#[allow(clippy::too_many_arguments)]
pub fn choose(
    q: &Query,
    qd: &QuestionDates,
    index: &Index,
    dix: &DateIndex,
    context_doc: Option<usize>,
    th: &Thresholds,
    model: &DecisionModel,
    weights: &ArticleWeights,
    passage_model: &passage::Model,
    lx: &Lexicon,
) -> Option<Choice> {
    let mut ranked = article::rank(q, index, None, context_doc);
    if ranked.is_empty() {
        return None;
    }
    let inputs = Inputs::new(q, qd, index, dix, lx, weights);
    let verdicts = inputs.reweigh(&mut ranked);
    let date_absent = inputs.date_absent(&ranked);
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    // "Sebelum yang …": the words found the report described; the answer is the one before it,
    // asked without that report's words (see [`previous`]).
    let reduced = previous::anchor_words(q, lx)
        .filter(|_| {
            let by_words = article::rank(q, index, None, context_doc);
            previous::lift_previous(q, qd, &mut ranked, &by_words, index)
        })
        .map(|anchor| previous::without_anchor(q, qd, &anchor));
    let (q, qd, inputs) = match &reduced {
        Some((rq, rqd)) => (
            rq.as_ref(),
            rqd,
            Inputs::new(rq.as_ref(), rqd, index, dix, lx, weights),
        ),
        None => (q, qd, inputs),
    };
    let doc = index.passages[ranked[0].passage].doc as usize;
    // The paragraph: the one of that article holding what was asked (see [`passage`]).
    // What the question asks, worked out once for the paragraph choice and the speaker check.
    let asked = super::answer_type::Asked::of(q, lx);
    let (passage, fit) = passage::choose(
        q,
        &asked,
        &inputs.parts,
        qd,
        index,
        doc,
        &ranked[0],
        lx,
        passage_model,
    )?;
    let chosen = Chosen::heading(passage, fit, doc, ranked, index);
    let (checks, figure_absent) = inputs.checks(&chosen, th);
    let mut paragraphs = inputs.quoted(&asked, &chosen, &checks);
    // A question asking what a thing is quotes the paragraph defining it, when the article has
    // one and the words chose another ("… (SCB) …" in passing, its long form in the lead).
    let definition = relation::definition(q, index, doc, chosen.paragraph, lx);
    let mut defining = None;
    if let Definition::Elsewhere(p, range) = &definition {
        paragraphs = vec![*p];
        defining = Some((*p, range.clone()));
    }
    let features = inputs.features(&chosen, &checks, figure_absent, date_absent, &definition);
    let probability = model.probability(&features);
    let answer = inputs.answers(
        model,
        probability,
        &features,
        steps::verdict_of(&verdicts, doc),
    );
    let sentence = defining.or_else(|| {
        chosen
            .fit
            .filter(|f| !f.range.is_empty())
            .map(|f| (chosen.paragraph, f.range))
    });
    Some(Choice {
        doc,
        paragraphs,
        sentence,
        features,
        refusal: checks.err(),
        probability,
        answer,
    })
}

/// The candidate articles of a question with what each step measured of them, for fitting
/// [`ArticleWeights`] (`ask --articles`): the steps of [`choose`] without the answer.
pub fn article_rows(
    q: &Query,
    qd: &QuestionDates,
    index: &Index,
    dix: &DateIndex,
    context_doc: Option<usize>,
    weights: &ArticleWeights,
    lx: &Lexicon,
) -> Vec<DocRow> {
    let mut ranked = article::rank(q, index, None, context_doc);
    let best_by_doc = |ranked: &[Scored]| {
        let mut best: Vec<(usize, f32)> = Vec::new();
        for s in ranked {
            let doc = index.passages[s.passage].doc as usize;
            match best.iter_mut().find(|(d, _)| *d == doc) {
                Some((_, b)) => *b = b.max(s.score),
                None => best.push((doc, s.score)),
            }
        }
        best
    };
    let base = best_by_doc(&ranked);
    let mut inputs = Inputs::new(q, qd, index, dix, lx, weights);
    inputs.ledger = Ledger::tracing();
    inputs.reweigh(&mut ranked);
    let after = best_by_doc(&ranked);
    base.into_iter()
        .map(|(doc, base)| {
            let evidence = inputs.ledger.of(doc);
            let final_ = after.iter().find(|(d, _)| *d == doc).map_or(base, |p| p.1);
            let weighed = weights.weighed(&evidence);
            DocRow {
                doc,
                title: index.docs[doc].title.clone(),
                base,
                evidence,
                other: if evidence.latest > 0.0 {
                    0.0
                } else {
                    final_ - base - weighed
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod relation_tests;
#[cfg(test)]
mod tests;
