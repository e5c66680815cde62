//! Conditions on a figure that pick a report ("waktu inflasi di atas 4,35 persen", "when the price was
//! below Rp10,350"): a measure named by the words before a comparison (`comparisons.txt`), the side
//! and the figure. Same-topic reports each write the measure's own value, so the report to quote is
//! the one whose value lies on the asked side; one whose values all lie on the other side is not it,
//! and a condition no report meets asks for a report the archive does not hold.
//!
//! Read once per question ([`of_question`]) and judged once per candidate article ([`judge`]),
//! only for a question holding a condition: nothing is computed per paragraph × term.

use super::index::{Index, TermId};
use super::lexicon::{Lexicon, Measure, MeasureRole};
use super::query::Term;

/// What a figure is written in: conditions and report figures compare only within one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Percent,
    Money,
    /// A count or an amount without a currency ("4,2 juta orang", "1.234 kasus").
    Plain,
}

/// A condition on a figure: the asked value lies above (or below) `value`, in `kind`.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub above: bool,
    pub value: f64,
    pub kind: Kind,
    /// The question's words naming the measure, the few content words before the comparison
    /// (slang and English as the question's terms read them: matched against `Term::word`).
    pub subject: Vec<String>,
}

/// What an article's figures of the measure say about a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A value of the measure lies on the asked side.
    Meets,
    /// Every value of the measure it writes lies on the other side.
    Fails,
    /// It writes no value of the measure.
    Silent,
}

impl Verdict {
    /// +1 for a report meeting the conditions, -1 for one failing them.
    pub fn sign(self) -> f32 {
        match self {
            Verdict::Meets => 1.0,
            Verdict::Fails => -1.0,
            Verdict::Silent => 0.0,
        }
    }
}

/// Content words before a comparison read as its measure's name.
const SUBJECT_WORDS: usize = 4;
/// Words a report's figure may follow its measure's name by ("harga kopi di pasar itu kini
/// mencapai Rp 47.350").
const WINDOW: usize = 10;
/// Longest comparison phrase, in words ("lebih tinggi dari").
const COMPARISON_WORDS: usize = 3;

/// One piece of scanned text.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Word(String),
    Figure(f64),
}

/// Lowercase words and figures of a text. A figure's digit groups are read as thousands when every
/// group after the first has three digits ("23.650", "23,650"), else the last group is the decimals
/// ("6,27", "8.314,6", "6.27"). A slashed date's numbers and a bare year are no figures.
fn scan(text: &str) -> Vec<Item> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push(Item::Word(
                chars[start..i].iter().collect::<String>().to_lowercase(),
            ));
        } else if c == '%' {
            out.push(Item::Word("persen".to_string()));
            i += 1;
        } else if c.is_ascii_digit() {
            let slashed = i > 0 && chars[i - 1] == '/';
            let mut groups: Vec<String> = vec![String::new()];
            loop {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    groups.last_mut().unwrap().push(chars[i]);
                    i += 1;
                }
                let sep = chars.get(i).is_some_and(|c| *c == '.' || *c == ',');
                if sep && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                    groups.push(String::new());
                    i += 1;
                } else {
                    break;
                }
            }
            let dated = slashed
                || (chars.get(i) == Some(&'/')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit));
            let g = &groups[0];
            let year =
                groups.len() == 1 && g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
            if !dated
                && !year
                && let Some(v) = value_of(&groups)
            {
                out.push(Item::Figure(v));
            }
        } else {
            i += 1;
        }
    }
    out
}

fn value_of(groups: &[String]) -> Option<f64> {
    let thousands = groups.len() == 1 || groups[1..].iter().all(|g| g.len() == 3);
    let text = if thousands {
        groups.concat()
    } else {
        let (last, whole) = groups.split_last()?;
        format!("{}.{last}", whole.concat())
    };
    text.parse().ok()
}

/// The figure at `at` as (value, kind): a scale word after it multiplies it, a currency before it
/// or a currency or percent unit after it gives its kind. Also the index after its words.
fn figure_at(items: &[Item], at: usize, lx: &Lexicon) -> Option<(f64, Kind, usize)> {
    let Item::Figure(mut value) = items[at] else {
        return None;
    };
    let word = |k: usize| match items.get(k) {
        Some(Item::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let mut kind = Kind::Plain;
    if at > 0
        && let Some(w) = word(at - 1)
        && lx.measure(w, MeasureRole::Prefix) == Some(Measure::Money)
    {
        kind = Kind::Money;
    }
    let mut next = at + 1;
    // A reader's scale glued to the figure ("13rb") reads as its word.
    if let Some(scale) = word(next).and_then(|w| {
        lx.scale_value(w)
            .or_else(|| lx.figure_suffix(w).and_then(|s| lx.scale_value(s)))
    }) {
        value *= scale;
        next += 1;
    }
    match word(next).and_then(|w| lx.measure(w, MeasureRole::Unit)) {
        Some(Measure::Percent) => kind = Kind::Percent,
        Some(Measure::Money) => kind = Kind::Money,
        _ => {}
    }
    Some((value, kind, next))
}

/// The side of a comparison phrase ending right before the figure at `at` (or its currency sign).
fn compared(items: &[Item], at: usize, lx: &Lexicon) -> Option<bool> {
    let prefixed = at > 0
        && matches!(&items[at - 1], Item::Word(w) if lx.measure(w, MeasureRole::Prefix).is_some());
    let end = if prefixed { at - 1 } else { at };
    (1..=COMPARISON_WORDS.min(end)).find_map(|n| {
        let words: Option<Vec<&str>> = items[end - n..end]
            .iter()
            .map(|i| match i {
                Item::Word(w) => Some(w.as_str()),
                Item::Figure(_) => None,
            })
            .collect();
        lx.comparison_above(&words?.join(" "))
    })
}

/// The conditions a question sets on figures, in the order written. A condition whose comparison
/// follows no content word of its own ("lebih dari 1 tapi kurang dari 2") shares the previous
/// one's measure.
pub fn of_question(raw: &str, terms: &[Term], lx: &Lexicon) -> Vec<Condition> {
    let items = scan(raw);
    let mut out: Vec<Condition> = Vec::new();
    for at in 0..items.len() {
        let Some((value, kind, _)) = figure_at(&items, at, lx) else {
            continue;
        };
        // The comparison ends right before the figure, or before its currency sign.
        let Some(above) = compared(&items, at, lx) else {
            continue;
        };
        let prefixed =
            matches!(&items[at - 1], Item::Word(w) if lx.measure(w, MeasureRole::Prefix).is_some());
        let end = if prefixed { at - 1 } else { at };
        // The subject's words end before the comparison's.
        let start = (1..=COMPARISON_WORDS.min(end))
            .find(|&n| {
                let words: Vec<&str> = items[end - n..end]
                    .iter()
                    .filter_map(|i| match i {
                        Item::Word(w) => Some(w.as_str()),
                        Item::Figure(_) => None,
                    })
                    .collect();
                lx.is_comparison(&words.join(" "))
            })
            .map_or(end, |n| end - n);
        let mut subject: Vec<String> = Vec::new();
        for item in items[..start].iter().rev() {
            let Item::Word(w) = item else { break };
            if lx.is_function(w) || lx.is_scale(w) || lx.measure(w, MeasureRole::Prefix).is_some() {
                continue;
            }
            // The question's term for the word (after slang and the English bridge).
            let forms = lx.deslang(w);
            // An English phrase is one term ("interest rate").
            let of = |t: &&Term| {
                t.word == *w
                    || forms.iter().any(|f| *f == t.word)
                    || t.word.split(' ').any(|p| p == w)
            };
            if let Some(t) = terms.iter().find(of)
                && !subject.contains(&t.word)
            {
                subject.push(t.word.clone());
            }
            if subject.len() == SUBJECT_WORDS {
                break;
            }
        }
        if subject.is_empty()
            && let Some(previous) = out.last()
        {
            subject = previous.subject.clone();
        }
        if !subject.is_empty() {
            out.push(Condition {
                above,
                value,
                kind,
                subject,
            });
        }
    }
    // A range writes its unit once, after the second figure ("more than 6 but less than 7
    // percent"): a first figure without one takes the next's.
    for k in 1..out.len() {
        if out[k - 1].kind == Kind::Plain && out[k].subject == out[k - 1].subject {
            out[k - 1].kind = out[k].kind;
        }
    }
    out
}

/// How an article's value of each condition's measure stands: `Fails` if any condition fails,
/// `Meets` if every one is met, else `Silent`. The report's value of a measure is the first figure
/// of the condition's kind (title first, then the paragraphs in order) within a few words after
/// words naming it (two of its words, or its only one): a report states its own value of what it
/// is about first, and the changes, parts and comparisons after it.
pub fn judge(conditions: &[Condition], terms: &[Term], index: &Index, doc: usize) -> Verdict {
    let d = &index.docs[doc];
    let texts: Vec<Vec<Item>> = std::iter::once(&d.title)
        .chain(&d.paragraphs)
        .map(|p| scan(p))
        .collect();
    let mut all_met = true;
    for c in conditions {
        // Index ids of each subject word's term, to find the measure's name in the report.
        let subject: Vec<Vec<TermId>> = c
            .subject
            .iter()
            .filter_map(|w| terms.iter().find(|t| t.word == *w))
            .map(|t| t.matches.iter().map(|&(id, _)| id).collect::<Vec<_>>())
            .filter(|ids: &Vec<TermId>| !ids.is_empty())
            .collect();
        match subject.is_empty() {
            true => all_met = false,
            false => match first_value(&texts, &subject, c.kind, index) {
                // A report's own comparison on the asked side ("di atas Rp 9.135") meets a
                // condition at its figure: the reader often words it after the report.
                Some((v, side)) if side == Some(c.above) && v == c.value => {}
                Some((v, _)) if (c.above && v > c.value) || (!c.above && v < c.value) => {}
                // The report words the reader's bound itself somewhere ("Rp7,5 triliun" in the
                // title, "lebih dari Rp 7,5 triliun" in a quote): the reader quoted it.
                Some(_)
                    if named_values(&texts, &subject, c.kind, index, false)
                        .iter()
                        .any(|&(v, side)| side == Some(c.above) && v == c.value) => {}
                Some(_) => return Verdict::Fails,
                None => all_met = false,
            },
        }
    }
    if all_met {
        Verdict::Meets
    } else {
        Verdict::Silent
    }
}

/// The first figure of `kind` with words naming the measure (two of three or more, else one)
/// among the [`WINDOW`] words before it or as its unit ("1.234 kasus").
/// With the value, the side of a comparison written right before it, if any.
fn first_value(
    texts: &[Vec<Item>],
    subject: &[Vec<TermId>],
    kind: Kind,
    index: &Index,
) -> Option<(f64, Option<bool>)> {
    named_values(texts, subject, kind, index, true)
        .into_iter()
        .next()
}

/// Every value of the kind that words naming the measure stand before (see [`first_value`]), in
/// order, with the comparison written before it; only the first when `first`.
fn named_values(
    texts: &[Vec<Item>],
    subject: &[Vec<TermId>],
    kind: Kind,
    index: &Index,
    first: bool,
) -> Vec<(f64, Option<bool>)> {
    let lx = &*index.lx;
    let mut out = Vec::new();
    // Two of three or more words naming it ("harga kopi robusta"); one of fewer.
    let need = if subject.len() >= 3 { 2 } else { 1 };
    for items in texts {
        // Which subject word each item is, if any.
        let hit: Vec<Option<usize>> = items
            .iter()
            .map(|item| match item {
                Item::Word(w) => {
                    let ids = [index.term(w), lx.with_stem(w, |s| index.term(s))];
                    subject
                        .iter()
                        .position(|set| ids.iter().flatten().any(|id| set.contains(id)))
                }
                Item::Figure(_) => None,
            })
            .collect();
        for k in 0..items.len() {
            let Some((v, of, unit)) = figure_at(items, k, lx) else {
                continue;
            };
            if of != kind {
                continue;
            }
            let mut named: Vec<usize> = hit[k.saturating_sub(WINDOW)..k]
                .iter()
                .chain(hit.get(unit))
                .flatten()
                .copied()
                .collect();
            named.sort_unstable();
            named.dedup();
            if named.len() >= need {
                out.push((v, compared(items, k, lx)));
                if first {
                    return out;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
