//! Which value of a sentence the question's month or year labels: reports list a figure per
//! period ("2,4 juta ton pada Januari 2020, … 2,73 juta ton pada Maret 2020") and compare with
//! the period before ("turun … menjadi 2,65 juta ton dibandingkan Maret"), so a sentence naming
//! the month asked is not yet the one giving its figure: the figure is the one whose nearest
//! date is that month, written with its year.

use super::super::dates::When;
use super::super::lang::Lang;
use super::super::lexicon::Lexicon;
use super::super::paragraphs::Paragraph;
use super::super::sentences::Tok;

/// A value this many words from the date labelling it counts half as labelled as one beside it.
const HALF_DISTANCE: f32 = 3.0;
/// A comma between a value and a date sets them this many words farther apart: a list's items
/// are cut so, and each item's period stands inside it.
const COMMA_GAP: usize = 6;
/// The words of a figure's unit and of what it counts ("juta orang", "juta ton").
const UNIT_WORDS: usize = 2;

/// A date the sentence spells, over words `start..=end`; its year is `None` when only understood
/// ("Maret"), not written ("Maret 2020", "2023", "1/11/2023").
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    when: When,
}

/// The question's periods worth labelling a value by: a month of a year or a year, as a reader
/// names the period of a figure ("ekspor Maret 2020", "UMP 2023"), when neither the article's
/// lead writes it nor the report came out in it. A day names a report; a period the lead writes
/// or the report came out in is the report's own, which labels most of its figures, whichever
/// one is asked ("inflasi Agustus 2018" in the August report: its core, food and yearly figures
/// alike).
pub(super) fn labels(
    dates: &[When],
    published: Option<When>,
    lead: Option<&Paragraph>,
    lx: &Lexicon,
) -> Vec<When> {
    let periods = dates.iter().filter(|w| w.year.is_some() && w.day.is_none());
    if periods.clone().next().is_none() {
        return Vec::new();
    }
    let own: Vec<When> = lead
        .into_iter()
        .flat_map(|p| &p.sentences)
        .flat_map(|s| mentions(&s.toks, lx))
        .map(|m| m.when)
        .chain(published)
        .collect();
    periods
        .filter(|w| !own.iter().any(|m| asks(w, m)))
        .copied()
        .collect()
}

/// Whether a date written with its year is the period `label` asks about.
fn asks(label: &When, written: &When) -> bool {
    label.year == written.year && (label.month.is_none() || label.month == written.month)
}

/// The strength of the value (`values`: its word and strength) whose nearest date in the
/// sentence is one of `labels` written with its year, less the farther that date stands; 0 when
/// no value is so labelled.
pub(super) fn labelled(
    toks: &[Tok],
    values: &[(usize, f32)],
    labels: &[When],
    lx: &Lexicon,
) -> f32 {
    if labels.is_empty() || values.is_empty() {
        return 0.0;
    }
    let mentions = mentions(toks, lx);
    if mentions.is_empty() {
        return 0.0;
    }
    values
        .iter()
        .filter(|(v, _)| !mentions.iter().any(|m| (m.start..=m.end).contains(v)))
        .filter_map(|&(v, strength)| {
            let words = |m: &Mention| {
                if v < m.start {
                    v + 1..m.start + 1
                } else {
                    m.end + 1..v + 1
                }
            };
            // A figure's unit and what it counts stand between it and a date after it ("15,54
            // juta orang pada September 2018"), and that date labels it before one as near
            // ahead of it ("… pada Maret 2018 menjadi 15,54 juta orang …").
            let span = |m: &Mention| {
                let after = v < m.start;
                let unit = if after { UNIT_WORDS } else { 0 };
                words(m).len().saturating_sub(unit).max(1)
            };
            let gap = |m: &Mention| {
                let cut = toks[words(m)].iter().any(|t| t.after_comma);
                (span(m) + if cut { COMMA_GAP } else { 0 }, m.start < v)
            };
            let nearest = mentions.iter().min_by_key(|m| gap(m))?;
            let asked = labels.iter().any(|l| asks(l, &nearest.when));
            // The comma only decides which date is nearest: "Tahun 2023, sebesar Rp2,04 juta"
            // labels the figure as closely as "Rp2,04 juta pada 2023".
            let far = span(nearest) - 1;
            asked.then(|| strength / (1.0 + far as f32 / HALF_DISTANCE))
        })
        .fold(0.0, f32::max)
}

/// The dates a sentence spells, with their words: a month with the year after it, a year alone,
/// a slashed day ("1/11/2023"), and a month alone (its year unwritten, so labelling nothing
/// asked, but the nearest date of the figures beside it).
fn mentions(toks: &[Tok], lx: &Lexicon) -> Vec<Mention> {
    let year = |t: Option<&Tok>| {
        t.and_then(|t| t.lower.parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].lower.as_str();
        let month = lx.month(w).filter(|&m| {
            year(toks.get(i + 1)).is_some()
                || [Lang::Id, Lang::En]
                    .into_iter()
                    .any(|lang| lx.month_name(m, lang).eq_ignore_ascii_case(w))
        });
        if let Some(m) = month {
            let y = year(toks.get(i + 1));
            let end = if y.is_some() { i + 1 } else { i };
            out.push(Mention {
                start: i,
                end,
                when: When {
                    year: y,
                    month: Some(m),
                    day: None,
                },
            });
            i = end + 1;
            continue;
        }
        // Three parts exactly, read off the split without collecting it (every word of every
        // sentence measured comes through here).
        let mut parts = w.split('/');
        let slashed = (parts.next(), parts.next(), parts.next(), parts.next());
        let when = if let (Some(d), Some(m), Some(y), None) = slashed {
            match (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) {
                (Ok(_), Ok(m), Ok(y)) if (1..=12).contains(&m) && y >= 1900 => Some(When {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                }),
                _ => None,
            }
        } else {
            year(Some(&toks[i])).map(|y| When {
                year: Some(y),
                month: None,
                day: None,
            })
        };
        if let Some(when) = when {
            out.push(Mention {
                start: i,
                end: i,
                when,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::answer_type::{self, Asked};
    use super::super::super::dates::of_question;
    use super::super::super::query::analyse;
    use super::super::super::sentences::tokens;
    use super::super::super::testing::{lexicon, one_article_index};
    use super::*;

    /// How strongly the question's period labels a value of `sentence`, with the values the
    /// question asks for read as answering does.
    fn labelled_in(question: &str, sentence: &str) -> f32 {
        let lx = lexicon();
        let index = one_article_index(
            "Ekspor Kopi\n\nTanggal: Selasa, 9 Juni 2031 / 10:00 WIB\n\nEkspor kopi turun.\n",
        );
        let q = analyse(question, None, &index);
        let asked = Asked::of(&q, &lx);
        let toks = tokens(sentence);
        let facts = answer_type::facts(&toks, &lx);
        let values = answer_type::values_of(&toks, &facts, &asked);
        labelled(
            &toks,
            &values,
            &labels(&of_question(question, &lx).dates, None, None, &lx),
            &lx,
        )
    }

    #[test]
    fn the_figure_of_the_month_asked_is_the_one_whose_nearest_date_is_that_month() {
        let q = "Ekspor kopi Maret 2030 berapa?";
        // Each item of a list carries its own month, past the comma before the next item.
        let listed = "Ekspor tumbuh, 2,4 juta ton pada Januari 2030, kemudian 2,54 juta ton pada \
                      Februari, dan 2,73 juta ton pada Maret 2030.";
        assert!(labelled_in(q, listed) > 0.0);
        // A comparison with the month asked, its year unwritten, labels no figure of it.
        let compared = "Ekspor pada April 2030 turun 77.000 ton menjadi 2,65 juta ton \
                        dibandingkan Maret.";
        assert_eq!(labelled_in(q, compared), 0.0);
        // The year alone labels the figure a reader asks by its year.
        assert!(
            labelled_in(
                "Ekspor kopi 2029 berapa?",
                "Ekspor sebelumnya, tahun 2029, sebesar 2,1 juta ton."
            ) > 0.0
        );
        // "From X in one month to Y in the next": Y is the later month's.
        let moved = "Jumlahnya turun dari 15,81 juta orang pada Maret 2029 menjadi 15,54 juta \
                     orang pada September 2029.";
        assert!(labelled_in("Jumlah orang September 2029 berapa?", moved) > 0.0);
        assert!(labelled_in("Jumlah orang Maret 2029 berapa?", moved) > 0.0);
        // A question naming a day names a report, not a figure's period.
        assert_eq!(
            labelled_in("Ekspor kopi 30 Maret 2030 berapa?", listed),
            0.0
        );
    }

    #[test]
    fn a_period_the_lead_writes_is_the_reports_own_and_labels_nothing() {
        let lx = lexicon();
        let head = "Ekspor Kopi\n\nTanggal: Selasa, 9 Juni 2031 / 10:00 WIB\n\n";
        let asked = of_question("Ekspor kopi Maret 2030 berapa?", &lx).dates;
        for (lead, labels_it) in [
            ("Ekspor kopi April 2030 turun dibandingkan Maret.", true),
            ("Ekspor kopi Maret 2030 turun 7 persen.", false),
        ] {
            let index = one_article_index(&format!("{head}{lead}\n\nEkspor naik.\n"));
            let detail = index.detail(0);
            let got = labels(&asked, None, detail.paragraphs.first(), &lx);
            assert_eq!(!got.is_empty(), labels_it, "{lead}");
        }
    }

    #[test]
    fn a_month_asked_in_a_later_report_is_answered_by_its_own_figure_not_the_comparison() {
        use super::super::super::article;
        use super::super::{Model, choose};
        let lx = lexicon();
        let text = "Ekspor Kopi Turun\n\nTanggal: Selasa, 9 Juni 2031 / 10:00 WIB\n\n\
                    Gabungan eksportir melaporkan ekspor kopi pada April 2031 turun 77.000 ton \
                    menjadi 2,65 juta ton dibandingkan Maret.\n\n\
                    Sebelumnya ekspor kopi terus tumbuh, yakni 2,4 juta ton pada Januari 2031, \
                    kemudian 2,54 juta ton pada Februari, dan 2,73 juta ton pada Maret 2031.\n";
        let index = one_article_index(text);
        let raw = "Ekspor kopi Maret 2031 berapa?";
        let qd = of_question(raw, &lx);
        let q = analyse(raw, None, &index);
        let asked = Asked::of(&q, &lx);
        let lead = article::rank(&q, &index, Some(0), None)[0].clone();
        let parts = crate::nlu::decide::period::parts(&q.words, &lx);
        let (chosen, _) = choose(
            &q,
            &asked,
            &parts,
            &qd,
            &index,
            0,
            &lead,
            &lx,
            &Model::builtin(),
        )
        .expect("a paragraph answers");
        assert_eq!(index.passages[chosen.passage].paragraph, 1);
    }
}
