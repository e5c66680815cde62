//! The chosen passage measured for the decision: the paragraphs it quotes and the [`Features`]
//! the decision model weighs.

use super::holding::{clause_held, doc_holds};
use super::relation::Definition;
use super::{Features, Inputs, compound, evidence, period, quote_after, region, siblings, speaker};
use crate::nlu::answer_type::Asked;
use crate::nlu::article::{self, Decision, Refusal, Scored};
use crate::nlu::dates;
use crate::nlu::index::{Index, Passage};
use crate::nlu::intents::Thresholds;
use crate::nlu::lang::Lang;
use crate::nlu::passage::SentenceFit;
use crate::nlu::query::{AnswerType, Term};

/// The passage chosen to answer, heading the ranking the checks read.
pub(super) struct Chosen {
    pub(super) doc: usize,
    /// The chosen passage's paragraph in its article.
    pub(super) paragraph: usize,
    pub(super) fit: Option<SentenceFit>,
    /// The chosen passage first, then the others in their order.
    pub(super) ranked: Vec<Scored>,
}

impl Chosen {
    /// `chosen` of article `doc` put ahead of the sorted `ranked`.
    pub(super) fn heading(
        mut chosen: Scored,
        fit: Option<SentenceFit>,
        doc: usize,
        ranked: Vec<Scored>,
        index: &Index,
    ) -> Chosen {
        let top_score = ranked[0].score;
        // The article's standing against the others is its best passage's.
        chosen.score = top_score;
        let paragraph = index.passages[chosen.passage].paragraph as usize;
        let mut ranked_for_checks = vec![chosen.clone()];
        ranked_for_checks.extend(
            ranked
                .iter()
                .filter(|s| s.passage != chosen.passage)
                .cloned(),
        );
        Chosen {
            doc,
            paragraph,
            fit,
            ranked: ranked_for_checks,
        }
    }

    /// How far the chosen article's score is ahead of the best other article's, as a share of it.
    fn margin(&self, index: &Index) -> f32 {
        let best = &self.ranked[0];
        let rival = self
            .ranked
            .iter()
            .find(|s| index.passages[s.passage].doc as usize != self.doc);
        rival.map_or(1.0, |r| {
            ((best.score - r.score) / best.score.abs().max(1e-6)).clamp(-1.0, 1.0)
        })
    }
}

impl Inputs<'_> {
    /// The word-level checks ([`article::decide`]) over the ranking the chosen passage heads,
    /// failing too when a figure the question quotes is not whole in the article; and whether
    /// such a figure, or a number among the salient terms, is absent from it (1.0) or not.
    pub(super) fn checks(
        &self,
        chosen: &Chosen,
        th: &Thresholds,
    ) -> (Result<Decision, Refusal>, f32) {
        let (q, qd, index, dix, doc) = (self.q, self.qd, self.index, self.dix, chosen.doc);
        let figures = siblings::figures_quoted(qd, dix, doc);
        let figure_absent = f32::from(u8::from(
            figures.is_err() || evidence::number_absent(&self.salient, index, dix, doc),
        ));
        let checks =
            article::decide(q, index, &chosen.ranked, th).and_then(|d| figures.map(|()| d));
        (checks, figure_absent)
    }

    /// The paragraphs to quote: the checks' when they hold the chosen one, else the chosen one;
    /// with the paragraph naming who speaks, and the statement opening the one after it.
    pub(super) fn quoted(
        &self,
        asked: &Asked,
        chosen: &Chosen,
        checks: &Result<Decision, Refusal>,
    ) -> Vec<usize> {
        let (q, index, doc, paragraph) = (self.q, self.index, chosen.doc, chosen.paragraph);
        let mut paragraphs = match checks {
            Ok(d) if d.doc == doc && d.paragraphs.contains(&paragraph) => d.paragraphs.clone(),
            _ => vec![paragraph],
        };
        // Only a "siapa" (or "which official", an Any the asked type refines) can ask a person.
        if matches!(q.answer_type, AnswerType::Person | AnswerType::Any)
            && let Some(k) = speaker::named_before(asked, &index.detail(doc), paragraph)
        {
            paragraphs.push(k);
            paragraphs.sort_unstable();
            paragraphs.dedup();
        }
        // A paragraph naming who speaks, the statement opening the next one.
        if let Some(k) = quote_after::opened_after(
            asked,
            chosen.fit.as_ref().map_or(0.0, |f| f.typed),
            &index.detail(doc),
            &index.docs[doc].paragraphs,
            paragraph,
        ) {
            paragraphs.push(k);
            paragraphs.sort_unstable();
            paragraphs.dedup();
        }
        paragraphs
    }

    /// How many of the salient terms the chosen paragraph and its neighbours do not hold.
    fn salient_missing(&self, chosen: &Chosen) -> usize {
        let (q, index, doc, paragraph) = (self.q, self.index, chosen.doc, chosen.paragraph);
        let near: Vec<&Passage> = [
            paragraph.checked_sub(1),
            Some(paragraph),
            Some(paragraph + 1),
        ]
        .into_iter()
        .flatten()
        .filter_map(|i| index.passage_of(doc, i))
        .collect();
        // A clause placing the question need not be near the answer, but one paragraph must say it:
        // its names and figures scattered over the article ("5" here, "000" there) place nothing.
        let clause_met = clause_held(q, &self.salient, index, doc);
        let near_text: Vec<&str> = near
            .iter()
            .map(|p| index.docs[doc].paragraphs[p.paragraph as usize].as_str())
            .collect();
        // A name the neighbourhood writes only as part of another's compound ("the Foo-Bar plate"
        // for a question on Bar) is not near: it matches a word, not the thing asked about.
        self.salient
            .iter()
            .filter(|t| {
                if q.placed_elsewhere(t) {
                    !clause_met
                } else {
                    article::term_coverage(t, index, &near) == 0.0
                        || compound::only_in_compounds(t, &q.words, &near_text, index)
                }
            })
            .count()
    }

    /// What the decision model weighs of the chosen passage. `checks` and `figure_absent` are
    /// [`Self::checks`]'; `date_absent` whether a year the question names is in no candidate.
    pub(super) fn features(
        &self,
        chosen: &Chosen,
        checks: &Result<Decision, Refusal>,
        figure_absent: f32,
        date_absent: bool,
        definition: &Definition,
    ) -> Features {
        let (q, qd, index, dix, lx) = (self.q, self.qd, self.index, self.dix, self.lx);
        let (doc, salient, fit) = (chosen.doc, &self.salient, chosen.fit.as_ref());
        let best = &chosen.ranked[0];
        let date = if qd.dates.is_empty() {
            0.0
        } else {
            dix.agreement(doc, &qd.dates, self.by_publication)
        };
        let missing = self.salient_missing(chosen);
        Features {
            score: best.score,
            margin: chosen.margin(index),
            coverage: best.coverage,
            salient_missing: if salient.is_empty() {
                0.0
            } else {
                missing as f32 / salient.len() as f32
            },
            salient_absent: evidence::salient_absent(salient, qd, index, dix, doc),
            rare_absent: {
                // With "terbaru" a prefixed verb ("diumumkan") is each report's own wording of what
                // happened, no detail the newest must hold (as for `siblings::same_topic`'s topic).
                let latest_verb = |t: &Term| qd.latest && lx.is_prefixed_verb(&t.word);
                let rare: Vec<&Term> = q
                    .terms
                    .iter()
                    .filter(|t| t.rare && !latest_verb(t))
                    .collect();
                if rare.is_empty() {
                    0.0
                } else {
                    rare.iter().filter(|t| !doc_holds(t, index, doc)).count() as f32
                        / rare.len() as f32
                }
            },
            // An English word the bridge lacks is a gap of the dictionary, not an unknown subject.
            unknown: q
                .terms
                .iter()
                .filter(|t| !t.known() && !t.untranslated)
                .count() as f32
                / q.terms.len() as f32,
            type_match: match q.answer_type {
                // Manner cues ("dengan", "melalui") are too common to count as evidence either way.
                AnswerType::Any | AnswerType::YesNo | AnswerType::Manner => 1.0,
                _ => fit.map_or(0.0, |f| f.typed),
            },
            sentence_share: fit.map_or(0.0, |f| f.share),
            date,
            date_absent: f32::from(u8::from(date_absent)),
            date_conflict: {
                let rivals: Vec<usize> = chosen
                    .ranked
                    .iter()
                    .map(|s| index.passages[s.passage].doc as usize)
                    .collect();
                let quoted = |year: i32| {
                    let text = &index.docs[doc].paragraphs[chosen.paragraph];
                    dates::of_text(text, None, self.lx)
                        .iter()
                        .any(|w| w.year == Some(year))
                };
                dix.conflict(doc, &qd.dates, self.by_publication, &rivals, quoted)
            },
            english: f32::from(u8::from(q.lang == Lang::En)),
            checks: f32::from(u8::from(checks.is_ok())),
            absent: evidence::absent_share(q, index, doc),
            failed_coverage: evidence::failed_on_coverage(checks),
            figure_absent,
            period_absent: {
                let d = &index.docs[doc];
                period::period_absent_in(
                    &q.words,
                    &self.parts,
                    || index.article_words(doc),
                    period::published_year(d),
                    lx,
                )
            },
            definition_unmet: f32::from(u8::from(*definition == Definition::Nowhere)),
            // A region the report never names ("Lumbung Tengah" of a report on Lumbung Timur) is a
            // narrowing word absent as well.
            phrase_absent: evidence::phrase_absent(q, index, doc, lx).max(region::region_absent(
                &self.regions,
                index,
                doc,
            )),
            untranslated: evidence::untranslated_share(q),
        }
    }
}
