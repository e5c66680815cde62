//! "Sebelum yang …": a question about the report published before the one it describes
//! ("Kenaikan tarif parkir sebelum yang 10 persen itu besarnya berapa?"). The words after the phrase
//! (the anchor) find the report they describe, as any placing clause does; the answer comes from
//! the report on the same topic published last before it, read without the anchor's words,
//! figures and dates, which are that other report's.

use std::borrow::Cow;

use super::siblings::same_topic;
use crate::nlu::article::Scored;
use crate::nlu::dates::QuestionDates;
use crate::nlu::index::Index;
use crate::nlu::lexicon::Lexicon;
use crate::nlu::query::Query;

/// The words describing the anchor report: after the phrase, to the end of the segment naming
/// the report, a demonstrative closing the relative clause ("yang 10 persen itu") or a question
/// word, whichever comes first. `None` when the question names no previous report.
pub(super) fn anchor_words(q: &Query, lx: &Lexicon) -> Option<Vec<String>> {
    let (at, len) = lx.previous_report_at(&q.words)?;
    let start = at + len;
    let in_segment = q.placed.get(start).copied().unwrap_or(false);
    let words: Vec<String> = q.words[start..]
        .iter()
        .enumerate()
        .take_while(|(k, w)| {
            let i = start + k;
            !lx.is_demonstrative(w)
                && lx.answer_type(w).is_none()
                && (!in_segment || q.placed.get(i).copied().unwrap_or(false))
        })
        .map(|(_, w)| w.clone())
        .collect();
    (!words.is_empty()).then_some(words)
}

/// The question as asked of the earlier report: without the anchor's terms, and its dates,
/// figures and numbers left out (they name the anchor).
pub(super) fn without_anchor<'q>(
    q: &'q Query,
    qd: &QuestionDates,
    anchor: &[String],
) -> (Cow<'q, Query>, QuestionDates) {
    let reduced = q.keeping(|t| !anchor.contains(&t.word));
    if reduced.terms.is_empty() {
        return (Cow::Borrowed(q), qd.clone());
    }
    let dates = QuestionDates {
        dates: Vec::new(),
        figures: Vec::new(),
        numbers: Vec::new(),
        ..qd.clone()
    };
    (Cow::Owned(reduced), dates)
}

/// Puts the report published last before the best-ranked one (the anchor), among those on its
/// topic, at the head of `ranked` (sorted best first). The topic is read from the ranking by
/// words alone (`by_words`): the anchor's dates and figures pushed the earlier reports down.
/// False when there is none.
pub(super) fn lift_previous(
    q: &Query,
    qd: &QuestionDates,
    ranked: &mut [Scored],
    by_words: &[Scored],
    index: &Index,
) -> bool {
    let Some(first) = ranked.first() else {
        return false;
    };
    let anchor = index.passages[first.passage].doc as usize;
    let Some(anchor_date) = index.docs[anchor].published_at else {
        return false;
    };
    let previous = same_topic(q, qd, by_words, index)
        .into_iter()
        .filter(|&d| d != anchor)
        .filter_map(|d| index.docs[d].published_at.map(|p| (d, p)))
        .filter(|&(_, p)| p < anchor_date)
        .max_by_key(|&(_, p)| p)
        .map(|(d, _)| d);
    let Some(previous) = previous else {
        return false;
    };
    let top = first.score;
    let Some(k) = ranked
        .iter()
        .position(|s| index.passages[s.passage].doc as usize == previous)
    else {
        return false;
    };
    ranked[k].score = top + f32::EPSILON.max(top.abs() * 1e-4);
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::article;
    use crate::nlu::query::analyse;

    fn index() -> Index {
        let reports = [
            "Tarif Cukai Kopi Naik 10 Persen\n\nTanggal: Senin, 3 Maret 2031\n\nPemerintah \
             menaikkan tarif cukai kopi sebesar 10 persen mulai April.\n",
            "Tarif Cukai Kopi Naik 15 Persen\n\nTanggal: Senin, 2 Maret 2032\n\nPemerintah \
             menaikkan tarif cukai kopi sebesar 15 persen mulai April.\n",
            "Tarif Cukai Kopi Naik 20 Persen\n\nTanggal: Senin, 3 Maret 2033\n\nPemerintah \
             menaikkan tarif cukai kopi sebesar 20 persen mulai April.\n",
        ];
        crate::nlu::testing::seed_archive_index(&reports)
    }

    #[test]
    fn the_anchor_is_the_description_after_the_phrase_up_to_the_demonstrative() {
        let index = index();
        let q = analyse(
            "Kenaikan cukai kopi sebelum yang 15 persen itu berapa?",
            None,
            &index,
        );
        assert_eq!(
            anchor_words(&q, &index.lx),
            Some(vec!["15".to_string(), "persen".to_string()])
        );
        let q = analyse("Kenaikan cukai kopi yang 15 persen berapa?", None, &index);
        assert_eq!(anchor_words(&q, &index.lx), None);
    }

    #[test]
    fn the_report_published_last_before_the_described_one_heads_the_ranking() {
        let index = index();
        let q = analyse(
            "Kenaikan cukai kopi sebelum yang 15 persen itu berapa?",
            None,
            &index,
        );
        let qd = crate::nlu::dates::QuestionDates::default();
        let by_words = article::rank(&q, &index, None, None);
        let mut ranked = by_words.clone();
        // The anchor (the 15-percent report, 2032) first, as the figure weighs it.
        let anchor = ranked
            .iter()
            .position(|s| {
                index.docs[index.passages[s.passage].doc as usize]
                    .title
                    .contains("15")
            })
            .expect("the anchor is ranked");
        ranked.swap(0, anchor);
        assert!(lift_previous(&q, &qd, &mut ranked, &by_words, &index));
        let head = index.passages[ranked[0].passage].doc as usize;
        assert!(
            index.docs[head].title.contains("10 Persen"),
            "{}",
            index.docs[head].title
        );
    }
}
