//! The question's terms weighed within one candidate article, once per question and article:
//! by rarity among its paragraphs, as focus, as quoted figures, and the date and extreme the
//! question asks for, for [`super::sentence`] to measure each sentence against.

use super::super::answer_type::{self, Asked};
use super::super::article;
use super::super::dates::{QuestionDates, When};
use super::super::index::{Index, TermId};
use super::super::lang::Lang;
use super::super::lexicon::{Lexicon, MeasureRole};
use super::super::paragraphs::Detail;
use super::super::query::{AnswerType, Query, Term};
use super::super::text;
use super::sentence::{names_date, superlative};

/// The question's date counts as one more term, at this share of a term's weight (more
/// let a paragraph that only names the day outrank the one holding the figure).
const DATE_WEIGHT: f32 = 0.25;
/// A date the question asks about other than the report's own counts at this share.
const FOREIGN_DATE_WEIGHT: f32 = 1.0;
/// An extreme the question asks for ("paling", "strongest") counts as one more term, at this share
/// of a term's weight.
const SUPERLATIVE_WEIGHT: f32 = 0.5;
/// Even a word every paragraph holds keeps this much of its weight.
const RARITY_FLOOR: f32 = 0.05;
/// The question's terms' weights: `local` by rarity within the article, `plain` as the sentence
/// share has always counted them.
pub(super) struct Weights {
    /// The question's dates (only those other than the report's own, when it asks any), and
    /// their weight as one more term: a sentence that names the day asked about is more likely
    /// the one that answers.
    pub(super) dates: Vec<When>,
    pub(super) date_weight: f32,
    /// The question's month or year a figure may be labelled by ([`super::labelled`]).
    pub(super) labels: Vec<When>,
    /// The question asks for an extreme ("paling dalam", "strongest"): a sentence marking one
    /// ("tertinggi", "rekor") counts as holding one more term, of this weight.
    pub(super) superlative_weight: f32,
    /// Every question term's index ids as (id, term position, factor), sorted by id: a
    /// sentence's word is looked up by binary search once per word (built once per question and
    /// article), not compared with every term's every id.
    pub(super) ids: Vec<(TermId, u32, f32)>,
    /// How many question terms `ids` covers (the length of a sentence's places).
    pub(super) terms: usize,
    /// `local`, less the figures the question quotes: the weights of nearness to a value.
    pub(super) near: Vec<f32>,
    pub(super) generic: Vec<bool>,
    pub(super) local: Vec<f32>,
    pub(super) plain: Vec<f32>,
    /// `near` of the question's rarest word in the article only (the term of the highest `near`
    /// weight), zero elsewhere.
    pub(super) rare: Vec<f32>,
    /// `local` of the focus terms only, zero elsewhere.
    pub(super) focus: Vec<f32>,
    /// 1 for a figure the question quotes, 0 elsewhere.
    pub(super) figures: Vec<f32>,
    /// Whether `rare` and `focus_near` are measured (else 0): only the fitting dump needs them
    /// while their weights are 0.
    pub(super) extras: bool,
    /// Each of the weight lists above summed: the same for every sentence measured.
    pub(super) totals: Totals,
    /// No paragraph holds a question word the title lacks: the words the question shares with
    /// the article all name the story (which the lead restates), so they tell its paragraphs
    /// apart only by how much of that topic each repeats.
    pub(super) untitled: bool,
}

impl Weights {
    pub(super) fn of(
        q: &Query,
        asked: &Asked,
        qd: &QuestionDates,
        index: &Index,
        doc: usize,
        detail: &Detail,
    ) -> Weights {
        let d = &index.docs[doc];
        let lx = &*index.lx;
        let n = d.paragraphs.len() as f32 + 1.0;
        let top = ((n + 1.0) / 1.5).ln().max(1e-6);
        let floor = RARITY_FLOOR;
        let rarity = |paragraphs: usize, df: f32| {
            if paragraphs == 0 {
                // A word no paragraph holds tells none apart.
                0.0
            } else {
                floor + (1.0 - floor) * (((n + 1.0) / (df + 0.5)).ln() / top).clamp(0.0, 1.0)
            }
        };
        // The question's date may only have chosen the report: when the article's publication
        // covers it and its text names no other day, every paragraph is about that day, and the
        // one repeating it ("kata X, Senin (3/2)") is no likelier to answer. An article that
        // also speaks of other days (the day before, a week's close) is told apart by it.
        let published = d.published_at.map(|at| When::day(at.date_naive()));
        let only_that_day = published.as_ref().is_some_and(|p| {
            qd.dates.iter().all(|w| w.day.is_some() && w.covered_by(p))
                && detail
                    .paragraphs
                    .iter()
                    .flat_map(|x| &x.dates)
                    .all(|t| t.day.is_none() || t == p)
        });
        let dates: &[When] = if only_that_day { &[] } else { &qd.dates };
        // A date other than the report's own ("2019" asked of a 2024 report, which neither its
        // date nor its lead names) cannot have chosen the report: it tells its paragraphs
        // apart, as a rare word does.
        let lead_dates = detail.paragraphs.first().map_or(&[][..], |l| &l.dates[..]);
        let foreign: Vec<When> = dates
            .iter()
            .filter(|w| {
                published
                    .as_ref()
                    .is_some_and(|p| !w.covered_by(p) && !p.covered_by(w))
                    && !names_date(lead_dates, std::slice::from_ref(*w))
                    && !only_placing(q, w, lx)
            })
            .cloned()
            .collect();
        let (dates, date_share): (&[When], f32) = if foreign.is_empty() {
            (dates, DATE_WEIGHT)
        } else {
            (&foreign, FOREIGN_DATE_WEIGHT)
        };
        // A weekday the question names with the day the report came out ("Rabu (3/6)")
        // spells that day; when the lead names it as the report's dateline, the weekday only
        // points at the lead (the date's numbers are no terms already; the weekday is a word).
        let day_published = published.as_ref().is_some_and(|p| {
            !qd.dates.is_empty() && qd.dates.iter().all(|w| w.day.is_some() && w.covered_by(p))
        }) && detail
            .paragraphs
            .first()
            .is_some_and(|lead| names_date(&lead.dates, &qd.dates));
        let dated = if dates.is_empty() {
            0
        } else {
            detail
                .paragraphs
                .iter()
                .filter(|p| names_date(&p.dates, dates))
                .count()
        };
        // Only a question asking an amount names its measure: a "siapa" question naming an
        // office whose initials spell a unit ("bps") asks no basis points.
        let measure_word = (asked.wanted == AnswerType::Number)
            .then(|| answer_type::measure_word(q, lx))
            .flatten();
        let mut out = Weights {
            dates: dates.to_vec(),
            labels: super::labelled::labels(&qd.dates, published, detail.paragraphs.first(), lx),
            date_weight: date_share * rarity(dated, dated as f32),
            superlative_weight: if asks_extreme(q.asking_words(), qd, lx) {
                let marked = detail
                    .paragraphs
                    .iter()
                    .filter(|p| p.sentences.iter().any(|s| superlative(s, lx)))
                    .count();
                SUPERLATIVE_WEIGHT * rarity(marked, marked as f32)
            } else {
                0.0
            },
            ids: q.ids_by_term(None),
            terms: q.terms.len(),
            near: Vec::with_capacity(q.terms.len()),
            generic: Vec::with_capacity(q.terms.len()),
            local: Vec::with_capacity(q.terms.len()),
            plain: Vec::with_capacity(q.terms.len()),
            rare: Vec::new(),
            focus: Vec::new(),
            figures: Vec::with_capacity(q.terms.len()),
            extras: true,
            totals: Totals::default(),
            untitled: true,
        };
        let english = q.lang == Lang::En;
        for t in &q.terms {
            let holding = (0..d.paragraphs.len()).filter(|&i| {
                index
                    .passage_of(doc, i)
                    .is_some_and(|p| article::found(t, p) > 0.0)
            });
            let (paragraphs, lead) =
                holding.fold((0, false), |(n, lead), i| (n + 1, lead || i == 0));
            let in_title = t.in_terms(&d.title_terms);
            // An English word only the lead holds (of three paragraphs or more) is mostly the
            // story's frame, the country or office the lead names once and later paragraphs
            // imply: its rarity would hand the lead the choice whatever is asked, so it counts
            // as held by every paragraph. Indonesian words are the article's own and keep it.
            // Once per question term and candidate article, from the count already made.
            let framing = english && paragraphs == 1 && lead && d.paragraphs.len() > 2;
            let df = if framing {
                n
            } else {
                paragraphs as f32 + f32::from(u8::from(in_title))
            };
            let rarity = rarity(paragraphs, df);
            // Generic words, and cue words ("menurut", "kata"), which say how the article puts
            // things rather than what it is about, tell paragraphs apart little — an English
            // word bridged to one ("according to") as much as the Indonesian word itself.
            // The word that named the measure ("level berapa") is the answer's type, not a word
            // to find near it.
            let base = if measure_word.as_deref() == Some(t.word.as_str())
                || t.context
                || (day_published && lx.weekday(&t.word).is_some())
            {
                0.0
            } else if t.generic || is_cue(t, lx) {
                0.3
            } else {
                1.0
            };
            // (A word of no weight, one no paragraph holds or the measure asked, tells nothing.)
            out.untitled &= in_title || base * rarity <= 0.0;
            out.generic.push(t.generic);
            out.local.push(base * rarity);
            // A figure the question quotes, and its unit, place the question ("ketika bank
            // menaikkan bunga menjadi 9,75 persen"); the answer is not beside them.
            let unit = lx.measure(&t.word, MeasureRole::Unit).is_some() || lx.is_scale(&t.word);
            let figure = text::has_digit(&t.word) && !text::is_day_offset(&t.word);
            let quoted = figure
                || (unit
                    && q.words
                        .iter()
                        .enumerate()
                        .any(|(i, w)| *w == t.word && i > 0 && text::has_digit(&q.words[i - 1])));
            out.near.push(if quoted { 0.0 } else { base * rarity });
            out.figures.push(if figure { 1.0 } else { 0.0 });
            out.plain.push(if t.salient {
                2.0
            } else if t.generic {
                0.5
            } else {
                1.0
            });
        }
        let rarest = (0..out.near.len())
            .filter(|&k| out.near[k] > 0.0)
            .max_by(|&a, &b| out.near[a].total_cmp(&out.near[b]));
        out.rare = (0..out.near.len())
            .map(|k| if Some(k) == rarest { out.near[k] } else { 0.0 })
            .collect();
        // The focus: the head term and the one after it ("harga *tiket*"), unless that one only
        // places the question.
        let head = q
            .terms
            .iter()
            .position(|t| t.head)
            .or_else(|| measured_thing(q, lx));
        out.focus = (0..out.local.len())
            .map(|k| {
                let focus = head.is_some_and(|h| k == h || (k == h + 1 && !q.terms[k].context));
                if focus { out.local[k] } else { 0.0 }
            })
            .collect();
        out.totals = Totals {
            near: out.near.iter().sum(),
            local: out.local.iter().sum(),
            plain: out.plain.iter().sum(),
            rare: out.rare.iter().sum(),
            focus: out.focus.iter().sum(),
            figures: out.figures.iter().sum(),
        };
        out
    }
}

/// The sums of a [`Weights`]' lists, by the list's name.
#[derive(Default)]
pub(super) struct Totals {
    pub(super) near: f32,
    pub(super) local: f32,
    pub(super) plain: f32,
    pub(super) rare: f32,
    pub(super) focus: f32,
    pub(super) figures: f32,
}

/// Without a head, what the phrase opening the question counts or prices: its first word that
/// is neither a measure ("berapa jumlah *transaksi*", "berapa harga *tiket*") nor too general
/// ("berapa orang *meninggal*"). The figure that answers stands beside it ("168 juta transaksi").
fn measured_thing(q: &Query, lx: &Lexicon) -> Option<usize> {
    q.terms.iter().position(|t| {
        t.phrase
            && !t.generic
            && !t.context
            && !lx.is_measure_head(&t.word)
            && !lx.is_measure_head(&t.stem)
            && !t.word.chars().any(|c| c.is_ascii_digit())
    })
}

/// Whether a question word is a cue word ([`Lexicon::cues_of`]): itself, or for an English word
/// its bridge's main sense (the first translation) or most of its senses. One cue among several
/// senses is a guess ("beat": "hajar", "hantam", "ketok", "pukul", the last an hour's cue), and
/// the word keeps its weight. Once per question term, not per paragraph.
pub(super) fn is_cue(t: &Term, lx: &Lexicon) -> bool {
    let cue = |w: &String| !lx.cues_of(w).is_empty();
    // `forms` holds the word, then its translations and wordnet senses (none for Indonesian).
    let senses = t.forms.get(1..).unwrap_or_default();
    cue(&t.word)
        || senses.first().is_some_and(cue)
        || (!senses.is_empty() && senses.iter().filter(|w| cue(w)).count() * 2 >= senses.len())
}

/// Whether a question asks for an extreme ("paling tinggi"). "Paling" of a recency phrase
/// ("paling baru", `dates-relative.tsv`) asks for the newest report, a date matter, not a degree.
/// `words` are those of the part that asks ([`Query::asking_words`]).
pub(super) fn asks_extreme<'a>(
    words: impl IntoIterator<Item = &'a str>,
    qd: &QuestionDates,
    lx: &Lexicon,
) -> bool {
    words
        .into_iter()
        .any(|w| lx.is_superlative(w) && !qd.relative_words.iter().any(|r| r == w))
}

/// Whether a date is written only in the clause placing the question ("saat … terbesar sejak
/// 2009", "waktu ekspor Januari-Juni turun"): it names the report's words, not the time asked
/// about. Its year's words, or without a year its month's.
fn only_placing(q: &Query, w: &When, lx: &Lexicon) -> bool {
    let year = w.year.map(|y| y.to_string());
    let spells = |x: &str| match (&year, w.month) {
        (Some(y), _) => x == y,
        (None, Some(m)) => lx.month(x) == Some(m),
        (None, None) => false,
    };
    let mut at = q
        .words
        .iter()
        .enumerate()
        .filter(|(_, x)| spells(x))
        .peekable();
    at.peek().is_some() && at.all(|(i, _)| q.placing_words.get(i).copied().unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_only_the_placing_clause_writes_is_no_time_asked_about() {
        let lx = Lexicon::builtin();
        let index = crate::nlu::testing::one_article_index(
            "Panen Sukamaju\n\nPanen Sukamaju 2031 terbesar sejak 2009.\n",
        );
        let q = |raw: &str| crate::nlu::query::analyse(raw, None, &index);
        let year = When {
            year: Some(2009),
            month: None,
            day: None,
        };
        let placing = q("Berapa panen Sukamaju saat disebut terbesar sejak 2009?");
        assert!(only_placing(&placing, &year, &lx));
        assert!(!only_placing(
            &q("Berapa panen Sukamaju pada 2009?"),
            &year,
            &lx
        ));
    }
}
