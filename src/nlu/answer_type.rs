//! What kind of value a question wants (a number, a date, a person, a place, a reason, a manner)
//! and which sentence of a passage holds one near the question's words: the sentence the reply
//! marks, and the evidence that a passage answers rather than merely shares words.
//!
//! Question words and cue words are data (`lexicon/<lang>/question-words.tsv`, `cues.tsv`).

// Built for every sentence of every paragraph considered: a fast hasher.
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use super::lexicon::{Cue, Lexicon};
use super::query::{AnswerType, Query};
use super::stem::{stem, with_stem};

/// The sentences of a paragraph as byte ranges: a sentence ends at `.`, `!` or `?` followed by a
/// space and a capital letter, a digit or a quote ("Tbk. (TBIG)" and "5.462,74" do not end one).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let Some(&(_, space)) = chars.get(k + 1) else {
            continue;
        };
        let next = chars.get(k + 2).map(|&(_, n)| n);
        if space == ' '
            && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘'".contains(n))
        {
            let end = i + c.len_utf8();
            out.push(start..end);
            start = end + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out.retain(|r| !text[r.clone()].trim().is_empty());
    out
}

/// How one sentence answers: the share of the question's words it holds and whether it holds a
/// value of the wanted kind.
#[derive(Debug, Clone)]
pub struct SentenceFit {
    pub range: Range<usize>,
    /// Weighted share of the question's terms in the sentence, 0..1.
    pub share: f32,
    /// How clearly the sentence holds a value of the wanted kind, 0..1 (0 for `Any` and yes/no
    /// questions): for "berapa", a figure with a unit or separators (1.0) beats a bare number (0.5).
    pub typed: f32,
}

/// The best sentence of a paragraph for the question (most of its words, then a value of the
/// wanted kind).
pub fn best_sentence(q: &Query, paragraph: &str, lx: &Lexicon) -> Option<SentenceFit> {
    let question_words: HashSet<&str> = q.words.iter().map(String::as_str).collect();
    // Each term's forms stemmed once, not once per sentence.
    let form_stems: Vec<Vec<String>> = q
        .terms
        .iter()
        .map(|t| t.forms.iter().map(|f| stem(f)).collect())
        .collect();
    // Only these stems are ever looked for in a sentence.
    let wanted: HashSet<&str> = form_stems
        .iter()
        .flatten()
        .chain(q.terms.iter().map(|t| &t.stem))
        .map(String::as_str)
        .collect();
    sentences(paragraph)
        .into_iter()
        .map(|range| {
            let s = &paragraph[range.clone()];
            let words = raw_words(s);
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            // The sentence's stems that the question looks for.
            let stems: HashSet<&str> = lower
                .iter()
                .filter_map(|w| with_stem(w, |s| wanted.get(s).copied()))
                .collect();
            let lower_set: HashSet<&str> = lower.iter().map(String::as_str).collect();
            let mut got = 0.0;
            let mut total = 0.0;
            for (t, form_stems) in q.terms.iter().zip(&form_stems) {
                let w = if t.salient {
                    2.0
                } else if t.generic {
                    0.5
                } else {
                    1.0
                };
                total += w;
                let hit =
                    t.forms.iter().zip(form_stems).any(|(f, fs)| {
                        lower_set.contains(f.as_str()) || stems.contains(fs.as_str())
                    }) || stems.contains(t.stem.as_str());
                if hit {
                    got += w;
                }
            }
            let share = if total > 0.0 { got / total } else { 0.0 };
            SentenceFit {
                typed: holds(q.answer_type, s, &words, &lower, &question_words, lx),
                range,
                share,
            }
        })
        .max_by(|a, b| {
            let key = |f: &SentenceFit| f.share + 0.35 * f.typed;
            key(a).total_cmp(&key(b))
        })
}

/// The words of a sentence as written (case kept), with `%` and `$` glued forms split off.
fn raw_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if c == '%' {
                out.push("persen".into());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

fn holds(
    wanted: AnswerType,
    sentence: &str,
    words: &[String],
    lower: &[String],
    question: &HashSet<&str>,
    lx: &Lexicon,
) -> f32 {
    let yes = |b: bool| if b { 1.0 } else { 0.0 };
    let any = |cue: Cue| lower.iter().any(|w| lx.is_cue(w, cue));
    // A capitalised word the question does not already hold: a new name.
    let new_name = words.iter().enumerate().skip(1).any(|(i, w)| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() > 1
            && !question.contains(lower[i].as_str())
            && !lx.is_cue(&lower[i], Cue::Time)
            && !lx.is_day(&lower[i])
            && lx.month(&lower[i]).is_none()
    });
    match wanted {
        AnswerType::Number => figure(sentence, lx),
        AnswerType::Date => yes(!super::dates::of_text(sentence, None, lx).is_empty()
            || any(Cue::Time)
            || lower.iter().any(|w| lx.is_day(w))),
        AnswerType::Person => yes(new_name),
        AnswerType::Place => yes(new_name && any(Cue::Place)),
        AnswerType::Reason => yes(any(Cue::Cause)),
        AnswerType::Manner => yes(any(Cue::Manner)),
        AnswerType::YesNo | AnswerType::Any => 0.0,
    }
}

/// How clearly a sentence holds an amount: 1 for a figure with a unit beside it ("3,5 persen",
/// "Rp 10.000", "272 orang") or written with separators, 0.5 for a bare number ("No. 818"), 0 when
/// its only numbers spell dates ("2-27 Juli 2015" leaves "2") or years.
fn figure(sentence: &str, lx: &Lexicon) -> f32 {
    let toks = super::dates::toks(sentence);
    let in_dates: HashSet<usize> = super::dates::absolute(&toks, lx)
        .into_iter()
        .flat_map(|(_, used)| used)
        .collect();
    let unit = |i: Option<usize>| {
        i.and_then(|i| toks.get(i)).is_some_and(|t| {
            lx.is_cue(&t.text, Cue::Unit) || t.text.starts_with("rp") || t.text.starts_with("us")
        })
    };
    let mut best: f32 = 0.0;
    for (i, t) in toks.iter().enumerate() {
        if in_dates.contains(&i) || !is_number(&t.text) {
            continue;
        }
        let glued_unit = t.text.starts_with("rp") || t.text.ends_with("persen");
        let strength = if t.in_number || glued_unit || unit(i.checked_sub(1)) || unit(Some(i + 1)) {
            1.0
        } else {
            0.5
        };
        best = best.max(strength);
    }
    best
}

/// The paragraph with its sentence `range` marked `**…**`: plain text that reads well on a console
/// and in JSON, which the Telegram adapter renders bold.
pub fn mark(paragraph: &str, range: &Range<usize>) -> String {
    let s = paragraph[range.clone()].trim();
    if s.len() == paragraph.trim().len() {
        return paragraph.trim().to_string();
    }
    let start = range.start + paragraph[range.clone()].find(s).unwrap_or(0);
    format!(
        "{}**{}**{}",
        &paragraph[..start],
        s,
        &paragraph[start + s.len()..]
    )
    .trim()
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_a_stop_before_a_capital_not_inside_figures() {
        let p = "IHSG ditutup di 5.462,74. Sebanyak 200 saham naik. PT Tower Bersama Tbk. (TBIG) turun.";
        let s: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(
            s,
            vec![
                "IHSG ditutup di 5.462,74.",
                "Sebanyak 200 saham naik.",
                "PT Tower Bersama Tbk. (TBIG) turun."
            ]
        );
    }

    #[test]
    fn the_marked_sentence_is_wrapped_and_the_rest_kept() {
        let p = "Satu dua. Tiga empat. Lima.";
        let r = sentences(p)[1].clone();
        assert_eq!(mark(p, &r), "Satu dua. **Tiga empat.** Lima.");
        let whole = sentences("Satu saja.")[0].clone();
        assert_eq!(mark("Satu saja.", &whole), "Satu saja.");
    }

    #[test]
    fn a_year_alone_is_no_amount_but_a_figure_is_and_a_cue_gives_a_reason() {
        let lx = Lexicon::builtin();
        let q = HashSet::default();
        let words = |s: &str| raw_words(s);
        let lower = |s: &str| {
            raw_words(s)
                .iter()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
        };
        let holds = |t: AnswerType, s: &str| holds(t, s, &words(s), &lower(s), &q, &lx);
        assert_eq!(holds(AnswerType::Number, "Pada 2019 harga naik."), 0.0);
        assert_eq!(
            holds(AnswerType::Number, "Tarif naik mulai 2-27 Juli 2015."),
            0.5
        );
        assert_eq!(
            holds(AnswerType::Number, "Harga naik 3,5% menjadi Rp 10.000."),
            1.0
        );
        assert_eq!(holds(AnswerType::Number, "Korban tercatat 272 orang."), 1.0);
        assert_eq!(
            holds(AnswerType::Reason, "Kenaikan itu dipicu harga minyak."),
            1.0
        );
    }
}
