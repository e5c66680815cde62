//! Which article answers: the steps re-weighing the word ranking ([`article::rank`]) by what the
//! question quotes (its salient terms, a clause placing it, its figures, a condition on a figure)
//! and by when it asks about (its dates, or with none the newest report on its topic).
//!
//! [`article::rank`]: crate::nlu::article::rank

use super::Inputs;
use super::holding::doc_holds;
use super::ledger::ArticleEvidence;
use super::period;
use super::siblings::{self, clause_share, clause_terms, same_topic};
use crate::nlu::article::{self, Scored};
use crate::nlu::condition::{self, Verdict};
use crate::nlu::index::Index;
use crate::nlu::query::Query;

impl Inputs<'_> {
    /// Salient evidence: each candidate article gains by the share of the question's salient
    /// terms it holds. The shares, by article (empty when the question has no salient term).
    pub(super) fn weigh_salient(&self, ranked: &mut [Scored]) -> Vec<(usize, f32)> {
        let (qd, index, dix, salient) = (self.qd, self.index, self.dix, &self.salient);
        if salient.is_empty() {
            return Vec::new();
        }
        self.weigh_by_article(
            ranked,
            self.w.salient,
            |d, e| e.salient = d,
            |doc| {
                let n = salient
                    .iter()
                    .filter(|t| doc_holds(t, index, doc) && siblings::whole(t, qd, dix, doc))
                    .count();
                n as f32 / salient.len() as f32
            },
        )
    }

    /// A clause placing the question names a detail of one report; its answer is in another
    /// paragraph of that report, so the passage scores alone cannot tell it from a sibling's.
    /// The clause's shares, by article (empty without a clause).
    pub(super) fn weigh_clause(&self, ranked: &mut [Scored]) -> Vec<(usize, f32)> {
        let clause = clause_terms(self.q);
        if clause.is_empty() {
            return Vec::new();
        }
        self.weigh_by_article(
            ranked,
            self.w.clause,
            |d, e| e.clause = d,
            |doc| clause_share(&clause, self.index, doc),
        )
    }

    /// Adds `weight` times each candidate's article's `share` to its score, the share measured
    /// once per article; the shares, by article.
    fn weigh_by_article(
        &self,
        ranked: &mut [Scored],
        weight: f32,
        note: impl Fn(f32, &mut ArticleEvidence),
        share_of: impl Fn(usize) -> f32,
    ) -> Vec<(usize, f32)> {
        let mut shares: Vec<(usize, f32)> = Vec::new();
        for s in ranked.iter_mut() {
            let doc = self.index.passages[s.passage].doc as usize;
            let share = match shares.iter().find(|(d, _)| *d == doc) {
                Some(&(_, share)) => share,
                None => {
                    let share = share_of(doc);
                    shares.push((doc, share));
                    self.ledger.note(doc, |e| note(share, e));
                    share
                }
            };
            s.score += weight * share;
        }
        shares
    }

    /// The figures and whole numbers the question quotes speak for the articles quoting them.
    pub(super) fn weigh_figures(&self, ranked: &mut [Scored]) {
        let (qd, index, dix) = (self.qd, self.index, self.dix);
        if !qd.figures.is_empty() || !qd.numbers.is_empty() {
            for s in ranked.iter_mut() {
                let doc = index.passages[s.passage].doc as usize;
                let (figures, numbers) = (
                    dix.figures_held(doc, &qd.figures),
                    dix.figures_held(doc, &qd.numbers),
                );
                s.score += self.w.figures * figures + self.w.numbers * numbers;
                self.ledger
                    .note(doc, |e| (e.figures, e.numbers) = (figures, numbers));
            }
        }
    }

    /// A condition on a figure ("di atas 4,35 persen") picks the report whose value of the measure
    /// lies on the asked side. Judged once per candidate article; the verdicts, by article.
    pub(super) fn weigh_conditions(&self, ranked: &mut [Scored]) -> Vec<(usize, Verdict)> {
        let index = self.index;
        let verdicts = condition_verdicts(self.q, index, ranked);
        for s in ranked.iter_mut() {
            let doc = index.passages[s.passage].doc as usize;
            let sign = verdict_of(&verdicts, doc).sign();
            s.score += self.w.condition * sign;
            self.ledger.note(doc, |e| e.condition = sign);
        }
        verdicts
    }

    /// Dates: the article's agreement with the question's dates.
    pub(super) fn weigh_dates(&self, ranked: &mut [Scored]) {
        let (q, qd, index, dix) = (self.q, self.qd, self.index, self.dix);
        if !qd.dates.is_empty() {
            // Only among reports on the question's topic: another topic's title naming the year
            // ("upah kota lain 2031") says nothing about which report of this one.
            let topic = same_topic(q, qd, ranked, index);
            // "Laba sembilan bulan 2031" asks a part of the year, not the whole.
            let whole_year = !q.words.iter().any(|w| self.lx.is_year_part(w));
            // "Sepanjang 2031" asks the whole year's figure: a later report on the topic writing
            // that very phrase gives it, where another gives only a part ("periode yang sama
            // tahun 2031").
            let asked_whole = period::whole_years(&q.words, self.lx);
            let writers: Vec<usize> = if asked_whole.is_empty() {
                Vec::new()
            } else {
                topic
                    .iter()
                    .copied()
                    .filter(|&doc| period::writes_whole_year(index, doc, &asked_whole, self.lx))
                    .collect()
            };
            for s in ranked.iter_mut() {
                let doc = index.passages[s.passage].doc as usize;
                let writes = writers.contains(&doc);
                // Writing the year's whole figure, the report agrees with the year however its
                // title dates it ("… di 2032" looking back on 2031).
                let agreement = if writes {
                    1.0
                } else {
                    dix.agreement(doc, &qd.dates, self.by_publication)
                };
                s.score += self.w.date * agreement;
                let titled = topic.contains(&doc) && dix.titled(doc, &qd.dates);
                if titled {
                    s.score += self.w.title_date;
                }
                let whole = writes
                    || (whole_year
                        && topic.contains(&doc)
                        && dix.reports_whole_year(doc, &qd.dates));
                if whole {
                    s.score += self.w.whole_year;
                }
                self.ledger.note(doc, |e| {
                    e.date = agreement;
                    e.title_date = f32::from(u8::from(titled));
                    e.whole_year = f32::from(u8::from(whole));
                });
            }
        }
    }

    /// Recency, for a question naming no date: among articles on the same topic, the newest.
    /// `held` and `placed` are the salient and clause shares of [`Self::weigh_salient`] and
    /// [`Self::weigh_clause`].
    pub(super) fn weigh_recency(
        &self,
        ranked: &mut [Scored],
        held: &[(usize, f32)],
        placed: &[(usize, f32)],
    ) {
        let (q, qd, index, dix) = (self.q, self.qd, self.index, self.dix);
        if qd.dates.is_empty() {
            let topic = same_topic(q, qd, ranked, index);
            let newest = topic
                .iter()
                .filter_map(|&doc| dix.published_day[doc].map(|d| (d, doc)))
                .max();
            // What the question quotes (a name, a figure, a clause's detail) speaks for the reports
            // holding it: with no "terbaru", the newest wins a near tie only if it holds as much.
            let evidence = |doc: usize| {
                let of =
                    |v: &[(usize, f32)]| v.iter().find(|(d, _)| *d == doc).map_or(0.0, |p| p.1);
                of(held) + of(placed)
            };
            let most = topic.iter().map(|&d| evidence(d)).fold(0.0f32, f32::max);
            // With no "terbaru", what the question asks about ("siapa gubernur …") a report never
            // speaks of tells against it, however new: an older report naming it wins the near
            // tie. (A reader asking for the newest report is answered from it or refused.)
            let spoken = |doc: usize| qd.latest || article::unspoken_head(q, index, doc).is_none();
            let any_spoken = topic.iter().any(|&d| spoken(d));
            let holds_most =
                |doc: usize| evidence(doc) + 1e-3 >= most && (spoken(doc) || !any_spoken);
            // The question's rare words ("kubah lava") a report holds. Asked with a word that
            // also says "the last of a series" ("pengukuran terakhir"), the newest report that
            // speaks of fewer of them than another is on another aspect of the topic.
            let rare_held = |doc: usize| {
                q.terms
                    .iter()
                    .filter(|t| t.rare && !t.context && article::in_doc(t, index, doc))
                    .count()
            };
            let series_end = !qd.relative_words.is_empty()
                && qd.relative_words.iter().all(|w| self.lx.is_series_end(w));
            let most_rare = if series_end {
                topic.iter().map(|&d| rare_held(d)).max().unwrap_or(0)
            } else {
                0
            };
            // With "terbaru" the newest report holding what the question quotes: "harga terbaru di
            // <a town one older report covers>" asks for that town's newest report, not the
            // topic's newest, which never names the town.
            let newest = if qd.latest {
                topic
                    .iter()
                    .filter(|&&doc| holds_most(doc) && (!series_end || rare_held(doc) >= most_rare))
                    .filter_map(|&doc| dix.published_day[doc].map(|d| (d, doc)))
                    .max()
            } else {
                newest.filter(|&(_, doc)| holds_most(doc))
            };
            if let Some((_, doc)) = newest {
                let bonus = if qd.latest {
                    let top = ranked.iter().map(|s| s.score).fold(f32::MIN, f32::max);
                    let own = ranked
                        .iter()
                        .filter(|s| index.passages[s.passage].doc as usize == doc)
                        .map(|s| s.score)
                        .fold(f32::MIN, f32::max);
                    (top - own).max(0.0) + self.w.latest
                } else {
                    self.w.recency_tie
                };
                let latest = qd.latest;
                self.ledger.note(doc, |e| {
                    if latest {
                        e.latest = 1.0;
                    } else {
                        e.recency_tie = 1.0;
                    }
                });
                for s in ranked.iter_mut() {
                    if index.passages[s.passage].doc as usize == doc {
                        s.score += bonus;
                    }
                }
            }
        }
    }

    /// Whether a year the question names is in none of the candidate articles.
    pub(super) fn date_absent(&self, ranked: &[Scored]) -> bool {
        let (index, dix) = (self.index, self.dix);
        self.qd.dates.iter().filter_map(|w| w.year).any(|y| {
            !ranked
                .iter()
                .any(|s| dix.has_year(index.passages[s.passage].doc as usize, y))
        })
    }
}

/// Each candidate article's verdict on the question's conditions (none without conditions).
fn condition_verdicts(q: &Query, index: &Index, ranked: &[Scored]) -> Vec<(usize, Verdict)> {
    let mut out: Vec<(usize, Verdict)> = Vec::new();
    if q.conditions.is_empty() {
        return out;
    }
    for s in ranked {
        let doc = index.passages[s.passage].doc as usize;
        if !out.iter().any(|(d, _)| *d == doc) {
            out.push((doc, condition::judge(&q.conditions, &q.terms, index, doc)));
        }
    }
    out
}

pub(super) fn verdict_of(verdicts: &[(usize, Verdict)], doc: usize) -> Verdict {
    verdicts
        .iter()
        .find(|(d, _)| *d == doc)
        .map_or(Verdict::Silent, |v| v.1)
}
