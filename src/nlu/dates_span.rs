//! How a question places its date within a period: the words placing it in its month or year
//! ("akhir Agustus", "awal tahun 2031") and a year-to-date range ("Januari-September 2031").

use super::{Tok, When, is_duration};
use crate::nlu::lexicon::Lexicon;

/// The dates (by index) that open a year-to-date range ("Januari" of "Januari-September 2031",
/// "Januari sampai Mei"): the figures asked are the cumulative ones a report gives as of the
/// range's last month, and it need not write January, so only the last month dates the question.
/// Its words still only spelled a date. A range word of `date-ranges.txt` or nothing (a hyphen)
/// between the two months. Once per question.
pub(super) fn year_to_date(toks: &[Tok], dated: &[(When, Vec<usize>)], lx: &Lexicon) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, pair) in dated.windows(2).enumerate() {
        let ((a, a_used), (b, b_used)) = (&pair[0], &pair[1]);
        let months = a.month == Some(1) && a.day.is_none() && b.day.is_none();
        let later = b.month.is_some_and(|m| m > 1) && (a.year.is_none() || a.year == b.year);
        let end = a_used.iter().copied().max().unwrap_or(0) + 1;
        let next = b_used.iter().copied().min().unwrap_or(0);
        let between = next.saturating_sub(end);
        let joined = between == 0 || (between == 1 && lx.is_date_range_word(&toks[end].text));
        if months && later && joined {
            out.push(k);
        }
    }
    out
}

/// The words placing a date within its month or year ("akhir" of "akhir Agustus 2031", "awal"
/// of "awal tahun 2031", "end" of "the end of 2031"): right before a date's first word, a unit
/// ("tahun") or a function word ("of", "the") between. They say when, like "terbaru", so they
/// are no content a report must repeat. Once per question date.
pub(super) fn positions(toks: &[Tok], starts: &[usize], lx: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    for &start in starts {
        let mut j = start;
        while j > 0 {
            j -= 1;
            let w = toks[j].text.as_str();
            if lx.is_date_position(w) {
                out.push(w.to_string());
                break;
            }
            if !(is_duration(w, lx) || lx.is_function(w)) || start - j > 2 {
                break;
            }
        }
    }
    out
}
