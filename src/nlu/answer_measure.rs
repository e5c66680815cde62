//! The measure a question asks in ("berapa persen", "berapa lama", "how many days") and the one a
//! passage's figure is written in ("Rp17.350", "48 jam"): paragraph choice prefers a figure in the
//! measure asked. Units, prefixes and measure nouns are data (`lexicon/<lang>/measures.tsv`).

use rustc_hash::FxHashSet as HashSet;

use super::answer_type::Tok;
use super::lexicon::{Lexicon, Measure, MeasureRole, first_in_role};
use super::query::{AnswerType, Query};

/// The question word that named the measure asked in ("persen" of "turun berapa persen").
pub fn measure_word(q: &Query, lx: &Lexicon) -> Option<String> {
    let m = asked_measure(&q.words, lx)?;
    q.words
        .iter()
        .find(|w| {
            [MeasureRole::Unit, MeasureRole::Prefix]
                .into_iter()
                .any(|r| lx.measure(w, r) == Some(m))
        })
        .cloned()
}

/// What a question counts: the words right after its question word ("berapa desa", "how many
/// planes"), in every form the question reads them in. A figure written before one of them
/// ("12 desa", "215 pesawat") counts that thing, whatever the lexicon knows of its unit.
pub(super) fn counted<'q>(q: &'q Query, lx: &Lexicon) -> HashSet<&'q str> {
    let mut out = HashSet::default();
    for (a, w) in q.words.iter().enumerate() {
        if lx.answer_type(w) != Some(AnswerType::Number) {
            continue;
        }
        for next in q.words.iter().skip(a + 1).take(2) {
            if lx.is_function(next) || next.chars().any(|c| c.is_ascii_digit()) {
                break;
            }
            if let Some(t) = q.terms.iter().find(|t| t.word == *next) {
                out.extend(t.forms.iter().map(String::as_str));
            }
        }
    }
    out
}

/// The measure a question asks in: a unit of its own ("turun berapa persen"; a unit after a figure
/// the question quotes, "naik 1,27 persen", says which, and one after "per" is a rate's
/// denominator), else a prefix ("level berapa"), else a measure noun ("berapa harga"); a duration
/// unit only right after the question word ("berapa lama", "how many days").
pub(super) fn asked_measure(words: &[String], lx: &Lexicon) -> Option<Measure> {
    let free = |i: usize| {
        i == 0
            || !(words[i - 1].chars().any(|c| c.is_ascii_digit())
                || lx.is_scale(&words[i - 1])
                || words[i - 1] == "per")
    };
    // A unit or prefix says what is asked only beside "berapa" ("turun berapa persen", "level
    // berapa"); elsewhere it may be a name ("menurut BPS").
    let asks: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| lx.answer_type(w) == Some(AnswerType::Number))
        .map(|(i, _)| i)
        .collect();
    let beside = |i: usize| asks.is_empty() || asks.iter().any(|&a| a.abs_diff(i) <= 2);
    // A duration unit is also a calendar or clock word ("harga emas hari ini", "jam berapa"): it
    // asks a duration only right after the question word ("berapa hari", "how long").
    let asks_right_before = |i: usize| {
        i > 0
            && matches!(
                lx.answer_type(&words[i - 1]),
                Some(AnswerType::Number | AnswerType::Manner)
            )
    };
    // The word's measure first: most words have none, and their neighbours need no look-up.
    // The first word giving each role, from one look-up per word (not one per word and role):
    // a unit wins, else a prefix, else a noun.
    let (mut prefix, mut noun) = (None, None);
    for (i, w) in words.iter().enumerate() {
        let listed = lx.measures_of(w);
        if listed.is_empty() {
            continue;
        }
        let pick = |role: MeasureRole| {
            first_in_role(listed, role)
                .filter(|&m| m != Measure::Duration || asks_right_before(i))
                .filter(|_| role == MeasureRole::Noun || (beside(i) && free(i)))
        };
        if let Some(unit) = pick(MeasureRole::Unit) {
            return Some(unit);
        }
        if prefix.is_none() {
            prefix = pick(MeasureRole::Prefix);
        }
        if noun.is_none() {
            noun = pick(MeasureRole::Noun);
        }
    }
    prefix.or(noun)
}

/// The measure an English question's noun names through its translations ("profit" → "laba",
/// "keuntungan": money), when its English words name none: the measure nouns are listed once, in
/// Indonesian. Only the noun phrase the question opens with counts, past its question and
/// function words and the names it is about ("What was BRI's *net profit* …", "the bank's *net
/// profit*"): a noun of a later
/// clause is not what is asked ("At what time did the fuel *prices* change"). Every translation
/// that is a measure noun must agree ("rate" → "bunga", "tarif" names none).
pub(super) fn translated_measure(q: &Query, lx: &Lexicon) -> Option<Measure> {
    let term = |w: &String| q.terms.iter().find(|t| t.word == *w && !t.context);
    let start = q.words.iter().position(|w| {
        !(lx.is_function(w)
            || lx.answer_type(w).is_some()
            || lx.is_gradable(w)
            || term(w).is_some_and(|t| t.salient))
    })?;
    // The possessive clitic the tokenizer splits off ("the bank's net profit") is inside the
    // phrase, as "won't"'s "t" is in the query's reading of negation.
    q.words[start..]
        .iter()
        .take_while(|w| *w == "s" || !lx.is_function(w))
        .filter_map(term)
        .find_map(|t| {
            let mut found = t
                .forms
                .iter()
                .filter(|f| **f != t.word)
                .filter_map(|f| lx.measure(f, MeasureRole::Noun));
            let first = found.next()?;
            found.all(|m| m == first).then_some(first)
        })
}

/// What the figure at `i` measures: by the word before it ("Rp", "magnitudo"), glued to it
/// ("Rp17.350"), or the first unit after it past any scale ("5,4 juta orang").
pub(super) fn figure_measure(toks: &[Tok], i: usize, lx: &Lexicon) -> Option<Measure> {
    let w = toks[i].lower.as_str();
    let glued: String = w.chars().take_while(|c| c.is_alphabetic()).collect();
    if !glued.is_empty()
        && let Some(m) = lx.measure(&glued, MeasureRole::Prefix)
    {
        return Some(m);
    }
    if let Some(m) = i
        .checked_sub(1)
        .and_then(|j| lx.measure(&toks[j].lower, MeasureRole::Prefix))
    {
        return Some(m);
    }
    toks[i + 1..]
        .iter()
        .take(3)
        .find(|t| !lx.is_scale(&t.lower))
        .and_then(|t| lx.measure(&t.lower, MeasureRole::Unit))
}

/// Whether a question asks the number a label word names: the label beside the word asking a
/// number ("nomor berapa", "PP no brp").
pub(super) fn asks_label(words: &[String], lx: &Lexicon) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        lx.answer_type(w) == Some(AnswerType::Number)
            && [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| words.get(j))
                .any(|n| lx.is_label(n))
    })
}
