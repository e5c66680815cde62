//! Which paragraph of the chosen article answers, and which of its sentences the reply marks.
//!
//! Inside one article every paragraph repeats its topic ("longsor", "Sukamaju"), so the words that
//! tell paragraphs apart are the question's words that few of the article's paragraphs hold:
//! each question word is weighed by its rarity within the article (the title counted as one more
//! paragraph). The paragraph that answers has a sentence holding those words and, close to them,
//! a value of the kind asked for ([`super::answer_type::values`]: a figure in the unit asked, a date, a
//! new name, a cause) that the question does not already quote.
//!
//! Each candidate paragraph is measured ([`Features`], in `sentence`, with the question's terms
//! weighed once per article in `weights`) and the one whose weighted sum of them ([`Model`]; it
//! and [`Features`] are in `model`) is highest answers. The weights are fitted on the tuning sets by
//! `scripts/fit_passage.py` (the gold paragraph against the others of its article) and kept in
//! `config/default.toml`'s `[passage]` section. With `[passage] trees` (shipped on), boosted trees
//! over the features and that sum rank instead (`trees`, fitted by `scripts/fit_passage_trees.py`).

mod labelled;
mod model;
mod places;
mod sentence;
mod trees;
mod weights;

use super::answer_type::Asked;
use super::article::{self, Scored};
use super::dates::QuestionDates;
use super::decide::period::{self, Part};
use super::index::Index;
use super::lexicon::Lexicon;
use super::paragraphs::Paragraph;
use super::query::{AnswerType, Query};
use sentence::{CARRY, best_sentence, names_date, superlative};
use weights::Weights;

pub use model::{Features, Model};
pub use sentence::SentenceFit;

/// A paragraph continues the one before when a pointing-back word is among its first words.
const OPENING_WORDS: usize = 3;

/// One paragraph that may answer, measured.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub scored: Scored,
    /// The paragraph's number in its article.
    pub paragraph: usize,
    pub fit: Option<SentenceFit>,
    pub features: Features,
}

/// The paragraph of `doc` that answers, with its best sentence. `lead` is the article's best
/// passage by words alone: a yes/no or manner question has no value to look for, so the word
/// ranking (with its hearsay and predicate checks) keeps it. `asked` is [`Asked::of`] the
/// question, worked out once by the caller, which reads it again after the choice; `parts` is
/// [`period::parts`] of its words, which the caller has found already.
#[allow(clippy::too_many_arguments)]
pub fn choose(
    q: &Query,
    asked: &Asked,
    parts: &[Part],
    qd: &QuestionDates,
    index: &Index,
    doc: usize,
    lead: &Scored,
    lx: &Lexicon,
    model: &Model,
) -> Option<(Scored, Option<SentenceFit>)> {
    let trees = model.trees.as_deref().filter(|t| t.ranks(q.answer_type));
    // Answering measures only what the model weighs: the features at weight 0 are for the
    // fitting dump (`candidates`), and two of them cost a pass over each sentence's values. The
    // trees read them all.
    let extras = trees.is_some() || model.weights.rare != 0.0 || model.weights.focus_near != 0.0;
    let mut candidates = measured(q, asked, parts, qd, index, doc, lead, lx, extras);
    let chosen = match trees {
        Some(trees) if candidates.len() > 1 => {
            let keyed: Vec<(Features, f32, usize)> = candidates
                .iter()
                .map(|c| (c.features, model.key(&c.features), c.paragraph))
                .collect();
            trees.best(q.answer_type, &keyed)
        }
        _ => {
            let mut best: Option<(f32, usize)> = None;
            for (i, c) in candidates.iter().enumerate() {
                let key = model.key(&c.features);
                // The first of equals wins: candidates come best words first.
                if best.is_none_or(|(k, _)| key > k) {
                    best = Some((key, i));
                }
            }
            best.map(|(_, i)| i)
        }
    }?;
    let c = candidates.swap_remove(chosen);
    Some((c.scored, c.fit))
}

/// The paragraphs of `doc` that may answer, best words first, each measured.
pub fn candidates(
    q: &Query,
    qd: &QuestionDates,
    index: &Index,
    doc: usize,
    lead: &Scored,
    lx: &Lexicon,
) -> Vec<Candidate> {
    let parts = period::parts(&q.words, lx);
    measured(q, &Asked::of(q, lx), &parts, qd, index, doc, lead, lx, true)
}

/// [`candidates`]; without `extras`, the features `rare` and `focus_near` are left at 0.
#[allow(clippy::too_many_arguments)]
fn measured(
    q: &Query,
    asked: &Asked,
    parts: &[Part],
    qd: &QuestionDates,
    index: &Index,
    doc: usize,
    lead: &Scored,
    lx: &Lexicon,
    extras: bool,
) -> Vec<Candidate> {
    let detail = index.detail(doc);
    let mut weights = Weights::of(q, asked, qd, index, doc, &detail);
    weights.extras = extras;
    let mut scored = if matches!(q.answer_type, AnswerType::YesNo | AnswerType::Manner) {
        vec![lead.clone()]
    } else {
        // A clause placing the question chose the article; the paragraph is the one holding
        // what is asked.
        article::rank(&q.without_context(), index, Some(doc), None)
    };
    // A paragraph opening by pointing back ("Kondisi ini dipicu …") is about what the one before
    // says, in words it does not repeat: a cause is often given so.
    let continues = |k: usize| {
        k > 0
            && detail
                .paragraphs
                .get(k)
                .and_then(|p| p.sentences.first())
                .is_some_and(|s| {
                    s.toks
                        .iter()
                        .take(OPENING_WORDS)
                        .any(|t| lx.is_demonstrative(&t.lower))
                })
    };
    let carries = asked.wanted == AnswerType::Reason;
    if carries {
        let first = index.docs[doc].first_passage;
        let mut by_paragraph: Vec<Option<Scored>> = vec![None; detail.paragraphs.len()];
        for c in &scored {
            by_paragraph[index.passages[c.passage].paragraph as usize] = Some(c.clone());
        }
        for k in 1..by_paragraph.len() {
            if !continues(k) {
                continue;
            }
            let Some(before) = by_paragraph[k - 1].clone() else {
                continue;
            };
            let inherited = before.score * CARRY;
            match &mut by_paragraph[k] {
                Some(own) => own.score = own.score.max(inherited),
                slot => {
                    *slot = Some(Scored {
                        passage: first + k,
                        score: inherited,
                        coverage: before.coverage,
                    })
                }
            }
        }
        scored = by_paragraph.into_iter().flatten().collect();
    }
    let top_word = scored.iter().map(|s| s.score).fold(0.0f32, f32::max);
    let echo_asked = asked_sizes(q, parts, lx);
    let last = detail.paragraphs.len().saturating_sub(1).max(1) as f32;
    let mut out = Vec::with_capacity(scored.len());
    for s in scored {
        let k = index.passages[s.passage].paragraph as usize;
        let paragraph = &detail.paragraphs[k];
        let carried = carries && continues(k);
        let before = carried.then(|| &detail.paragraphs[k - 1]);
        let fit = best_sentence(paragraph, before, asked, &weights, lx);
        let (local, near) = fit.as_ref().map_or((0.0, 0.0), |f| (f.local, f.near));
        let unexplained = asked.wanted == AnswerType::Reason && fit.is_some() && near <= 0.0;
        let features = Features {
            word: s.score,
            word_share: if top_word > 0.0 {
                s.score / top_word
            } else {
                0.0
            },
            local,
            near,
            both: local * near,
            unexplained: if unexplained { local } else { 0.0 },
            date: flag(names_date(&paragraph.dates, &qd.dates)),
            extreme: flag(
                weights.superlative_weight > 0.0
                    && paragraph.sentences.iter().any(|x| superlative(x, lx)),
            ),
            carried: flag(carried),
            lead: flag(k == 0),
            position: k as f32 / last,
            typed: fit.as_ref().map_or(0.0, |f| f.typed),
            share: fit.as_ref().map_or(0.0, |f| f.share),
            rare: fit.as_ref().map_or(0.0, |f| f.rare),
            // Naming what is asked answers only beside a value of the kind asked: a paragraph
            // saying the index fell holds "indeks" but not the close the question asks for.
            focus: fit.as_ref().map_or(0.0, |f| {
                let valued = matches!(
                    asked.wanted,
                    AnswerType::Number | AnswerType::Date | AnswerType::Person | AnswerType::Place
                );
                if valued && f.typed <= 0.0 {
                    0.0
                } else {
                    f.focus
                }
            }),
            focus_near: fit.as_ref().map_or(0.0, |f| f.focus_near),
            echo: fit.as_ref().map_or(0.0, |f| f.echo),
            echo_before: 0.0,
            tight: fit.as_ref().map_or(0.0, |f| f.tight),
            untitled_typed: if weights.untitled {
                fit.as_ref().map_or(0.0, |f| f.typed)
            } else {
                0.0
            },
            cause: if asked.wanted == AnswerType::Reason {
                fit.as_ref().map_or(0.0, |f| f.typed)
            } else {
                0.0
            },
            labelled: fit.as_ref().map_or(0.0, |f| f.labelled),
            echo_asked: echo_asked(paragraph),
        };
        out.push(Candidate {
            scored: s,
            paragraph: k,
            fit,
            features,
        });
    }
    echo_before(&mut out, detail.paragraphs.len());
    out
}

/// The share of the sizes the question quotes with their unit outside a placing clause ("yang
/// 5 gram") a paragraph writes so, figure and unit side by side, and of the numbered rows it
/// names ("Zona II") a paragraph does not contradict; 0 for every paragraph when it quotes none.
fn asked_sizes<'a>(
    q: &'a Query,
    parts: &'a [Part],
    lx: &'a Lexicon,
) -> impl Fn(&Paragraph) -> f32 + 'a {
    use super::lexicon::{Measure, MeasureRole};
    // A size or an age, not a year or a rate: what is asked is that size's row ("umur 7
    // tahun"). A span ending in a year ("pekan ke-15 tahun 2024", "Nomor 299 Tahun 2025") is a
    // date or a label's year, no row.
    let sized = |w: &[String], i: usize| match lx.measure(&w[i + 1], MeasureRole::Unit) {
        Some(
            Measure::Mass | Measure::Volume | Measure::Distance | Measure::Area | Measure::Count,
        ) => true,
        Some(Measure::Duration) => {
            !w.get(i + 2).is_some_and(|y| super::text::is_year(y))
                && !i
                    .checked_sub(1)
                    .is_some_and(|p| lx.is_label(&w[p]) || w[p] == "ke")
        }
        _ => false,
    };
    let placed = |w: &str| q.terms.iter().any(|t| t.word == w && q.placed_elsewhere(t));
    let w = &q.words;
    let sizes: Vec<(String, String)> = (0..w.len().saturating_sub(1))
        .filter(|&i| super::text::has_digit(&w[i]) && sized(w, i) && !placed(&w[i]))
        .map(|i| (w[i].clone(), w[i + 1].clone()))
        .collect();
    // A numbered part of a list the question names with its noun ("Zona II", "golongan IV")
    // picks its row too: a paragraph giving only another row's figures holds it not.
    let parts: Vec<&Part> = parts.iter().filter(|p| p.is_row(lx)).collect();
    move |paragraph: &Paragraph| {
        if sizes.is_empty() && parts.is_empty() {
            return 0.0;
        }
        let held = sizes
            .iter()
            .filter(|(n, u)| {
                paragraph.sentences.iter().any(|s| {
                    s.toks
                        .windows(2)
                        .any(|w| w[0].lower == *n && w[1].lower == *u)
                })
            })
            .count();
        let parts_held = if parts.is_empty() {
            0
        } else {
            let words: Vec<String> = paragraph
                .sentences
                .iter()
                .flat_map(|s| s.toks.iter().map(|t| t.lower.clone()))
                .collect();
            parts
                .iter()
                .filter(|p| !period::paragraph_gives_another(p, &words, lx))
                .count()
        };
        (held + parts_held) as f32 / (sizes.len() + parts.len()) as f32
    }
}

/// Each candidate's `echo_before` (a paragraph that is no candidate holds none of the question's
/// words, so none of its figures).
fn echo_before(out: &mut [Candidate], paragraphs: usize) {
    let mut echo = vec![0.0f32; paragraphs];
    for c in out.iter() {
        echo[c.paragraph] = c.features.echo;
    }
    for c in out.iter_mut() {
        if c.paragraph > 0 && c.features.echo <= 0.0 {
            c.features.echo_before = echo[c.paragraph - 1];
        }
    }
}

fn flag(b: bool) -> f32 {
    f32::from(u8::from(b))
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod model_tests;

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates of a one-article index for a question, by paragraph number.
    pub(super) fn measured_of(body: &str, raw: &str) -> Vec<(usize, Features)> {
        use crate::nlu::query::analyse;
        use crate::nlu::testing::{lexicon, one_article_index};
        let lx = lexicon();
        let text =
            format!("Harga Kopi Naik\n\nTanggal: Senin, 3 Februari 2031 / 10:00 WIB\n\n{body}");
        let index = one_article_index(&text);
        let qd = super::super::dates::of_question(raw, &lx);
        let q = analyse(raw, None, &index);
        let lead = article::rank(&q, &index, Some(0), None)[0].clone();
        let mut out: Vec<_> = candidates(&q, &qd, &index, 0, &lead, &lx)
            .into_iter()
            .map(|c| (c.paragraph, c.features))
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }

    /// One feature of paragraph `k` among [`measured_of`]'s candidates (0 when it is none).
    fn feature(c: &[(usize, Features)], k: usize, of: impl Fn(&Features) -> f32) -> f32 {
        c.iter().find(|(p, _)| *p == k).map_or(0.0, |(_, f)| of(f))
    }

    #[test]
    fn a_terse_paragraph_giving_the_figure_is_tighter_than_one_restating_the_question() {
        let body = "Pedagang di Pasar Lama memastikan stok kopi gayo tersedia.\n\n\
                    Kopi gayo dijual Rp 50.000 per kilogram.\n";
        let c = measured_of(body, "Berapa harga kopi gayo di Pasar Lama?");
        let tight = |k: usize| feature(&c, k, |f| f.tight);
        assert!(tight(1) > tight(0), "{c:?}");
    }

    #[test]
    fn the_paragraph_after_the_one_holding_the_quoted_figure_is_marked() {
        let body = "Stok kopi gayo mencapai 40 ton pekan ini.\n\n\
                    Harga kopi gayo Rp 50.000 per kilogram.\n";
        let c = measured_of(body, "Saat stok kopi gayo 40 ton, berapa harga kopi gayo?");
        let after = c
            .iter()
            .find(|(p, _)| *p == 1)
            .expect("the second paragraph is a candidate");
        assert!(after.1.echo_before > 0.0, "{c:?}");
        assert!(
            c.iter().all(|(p, f)| *p == 1 || f.echo_before == 0.0),
            "{c:?}"
        );
    }

    #[test]
    fn a_value_counts_apart_when_the_question_only_names_the_story_the_title_names() {
        // Every word of the question is in the title "Harga Kopi Naik": the lead restating it
        // holds them all, the paragraph giving the price fewer.
        let body = "Harga kopi di pasar terus naik pekan ini.\n\n\
                    Kopi kini Rp 50.000 per kilogram.\n";
        let c = measured_of(body, "Harga kopi naik jadi berapa?");
        let of = |k: usize| c.iter().find(|(p, _)| *p == k).map(|(_, f)| *f);
        let (lead, next) = (of(0).expect("lead"), of(1).expect("second"));
        assert!(
            next.untitled_typed > 0.0 && lead.untitled_typed == 0.0,
            "{c:?}"
        );
        // A word the title lacks ("stok") tells the paragraphs apart by itself.
        let body = "Harga kopi di pasar terus naik pekan ini.\n\n\
                    Stok kopi tinggal 40 ton, harganya Rp 50.000 per kilogram.\n";
        let c = measured_of(body, "Stok kopi berapa ton?");
        assert!(c.iter().all(|(_, f)| f.untitled_typed == 0.0), "{c:?}");
    }

    #[test]
    fn an_english_word_only_the_lead_holds_does_not_hand_it_the_choice() {
        // A made-up town frames the story in the lead; the price is two paragraphs on.
        let body = "Pedagang di Sukamaju mengeluhkan pasokan yang seret.\n\n\
                    Pembeli tetap ramai di pasar.\n\n\
                    Kopi kini dijual Rp 50.000 per kilogram.\n";
        let c = measured_of(body, "How much is coffee in Sukamaju?");
        let local = |k: usize| feature(&c, k, |f| f.local);
        assert!(local(2) > local(0), "{c:?}");
    }

    #[test]
    fn the_weekday_of_the_day_the_report_came_out_weighs_nothing() {
        // The lead names the publication day; the weekday the reader adds spells that day, so
        // the paragraphs measure as if the question named the date alone.
        let body = "Harga kopi gayo ditutup naik pada Senin (3/2/2031).\n\n\
                    Stok kopi gayo di gudang tinggal 40 ton.\n";
        let with = measured_of(body, "Senin (3/2), stok kopi gayo berapa ton?");
        let without = measured_of(body, "(3/2), stok kopi gayo berapa ton?");
        // (The word score, BM25 over the article, still counts it: only the sentence features
        // weigh the question's terms themselves.)
        let sentence = |c: &[(usize, Features)]| {
            c.iter()
                .map(|(k, f)| (*k, f.local, f.near, f.tight))
                .collect::<Vec<_>>()
        };
        assert_eq!(sentence(&with), sentence(&without));
    }

    #[test]
    fn the_focus_counts_only_beside_a_value_of_the_kind_asked() {
        let body = "Stok kopi gayo di gudang terus menipis.\n\n\
                    Stok kopi gayo tinggal 40 ton.\n";
        let c = measured_of(body, "Berapa stok kopi gayo?");
        let focus = |k: usize| feature(&c, k, |f| f.focus);
        assert!(focus(1) > 0.0 && focus(0) == 0.0, "{c:?}");
    }

    #[test]
    fn a_size_the_question_asks_with_its_unit_marks_the_row_of_the_list_that_gives_it() {
        let body = "Harga kopi gayo naik Rp 5.000 per kilogram pekan ini.\n\n\
                    Daftar harga: 1 kilogram Rp 50.000; 5 kilogram Rp 240.000.\n";
        let c = measured_of(body, "Kopi gayo yang 5 kilogram harganya berapa?");
        let asked = |k: usize| feature(&c, k, |f| f.echo_asked);
        assert!(asked(1) > 0.0 && asked(0) == 0.0, "{c:?}");
        // A figure placing the question in a clause names the report, not the row.
        let c = measured_of(
            body,
            "Waktu kopi gayo 5 kilogram Rp 240.000, siapa yang menjual?",
        );
        assert!(c.iter().all(|(_, f)| f.echo_asked == 0.0), "{c:?}");
    }

    #[test]
    fn a_paragraph_giving_only_another_row_of_a_numbered_list_loses_the_row_the_question_names() {
        let body = "Di pasar Zona I pedagang kopi membayar sewa lapak Rp 5.000 sehari.\n\n\
                    Pedagang kopi di pasar Zona III membayar sewa lapak Rp 3.500 sehari.\n";
        let c = measured_of(body, "Berapa sewa lapak pedagang kopi Zona I?");
        let asked = |k: usize| feature(&c, k, |f| f.echo_asked);
        assert!(asked(0) > asked(1), "{c:?}");
        let c = measured_of(body, "sewa lapak kopi zona 3 brp?");
        let asked = |k: usize| feature(&c, k, |f| f.echo_asked);
        assert!(asked(1) > asked(0), "{c:?}");
        // A part of a year is named again and again: leaving it out tells no row.
        let body = "Kuartal I: penjualan kopi naik 5 persen.\n\n\
                    Kuartal III: penjualan kopi naik 7 persen.\n";
        let c = measured_of(body, "Berapa kenaikan penjualan kopi kuartal I?");
        assert!(c.iter().all(|(_, f)| f.echo_asked == 0.0), "{c:?}");
    }

    #[test]
    fn an_age_the_question_asks_with_its_unit_marks_its_row_but_a_week_of_a_year_does_not() {
        let body = "Harga kopi gayo naik Rp 5.000 per kilogram pada periode 11-17 Maret.\n\n\
                    Daftar harga: pohon umur 4 tahun Rp 50.000; umur 17 tahun Rp 40.000.\n";
        let c = measured_of(body, "Kopi gayo dari pohon umur 17 tahun harganya berapa?");
        let asked = |k: usize| feature(&c, k, |f| f.echo_asked);
        assert!(asked(1) > 0.0 && asked(0) == 0.0, "{c:?}");
        let c = measured_of(body, "Harga kopi gayo pekan ke-17 tahun 2031 berapa?");
        assert!(c.iter().all(|(_, f)| f.echo_asked == 0.0), "{c:?}");
    }

    #[test]
    fn the_shipped_model_weighs_every_feature_it_names() {
        let m = Model::builtin();
        let f = Features {
            word: 1.0,
            ..Features::default()
        };
        assert_eq!(m.key(&f), m.weights.word);
        assert_eq!(m.key(&Features::default()), 0.0);
    }
}
