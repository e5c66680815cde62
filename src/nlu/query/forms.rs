//! Index forms a question term matches besides its own word: a series part's number written
//! the other ways reports number it, a figure's thousands as the scale word, and a glued compound.

use crate::nlu::index::Index;
use crate::nlu::lexicon::Lexicon;
use crate::nlu::text;

use super::Term;

/// The number of a series' part written after its noun ("kuartal 3", "triwulan III", "kuartal
/// ketiga") also matches the other ways reports number it: digits, roman numeral, spelled
/// ordinal. A roman "v" or "x" alone is too often something else (an initial, "vs") to count.
/// The words match anywhere in a passage; `period_absent` reads whether the report writes them
/// after the noun.
pub(super) fn match_part_number(term: &mut Term, lx: &Lexicon, index: &Index) {
    let w = term.word.as_str();
    let n = w
        .parse::<u32>()
        .ok()
        .or_else(|| text::roman_value(w))
        .or_else(|| lx.ordinal_word(w))
        .filter(|n| (1..=12).contains(n));
    let Some(n) = n else {
        return;
    };
    let roman = text::ROMAN[n as usize - 1];
    let forms = [n.to_string(), roman.to_string()]
        .into_iter()
        .filter(|f| !matches!(f.as_str(), "v" | "x"))
        // "pertama" is first of everything ("pertama kali", "peringkat pertama"): as a form
        // of "kuartal 1" it would match most reports anywhere.
        .chain(
            lx.ordinal_spellings(n)
                .filter(|_| n > 1)
                .map(str::to_string),
        );
    for form in forms {
        if form != term.word {
            match_form(term, &form, index);
        }
    }
}

/// `form` as one more form the term matches in full, when the index holds it.
fn match_form(term: &mut Term, form: &str, index: &Index) {
    if let Some(id) = index.term(form)
        && !term.matches.iter().any(|(m, _)| *m == id)
    {
        term.matches.push((id, 1.0));
        term.forms.push(form.to_string());
    }
}

/// The thousands of a figure written in digits ("45,000", split into "45" and "000") also match
/// the scale word reports write instead ("Rp45 ribu"). Not the other way: "000" ends most prices
/// of most reports, so as a form of "ribu" it would tell no passage from another.
pub(super) fn match_thousands(term: &mut Term, lx: &Lexicon, index: &Index) {
    const THOUSAND: f64 = 1000.0;
    if term.word != "000" {
        return;
    }
    for form in lx.scale_words(THOUSAND) {
        match_form(term, form, index);
    }
}

/// Whether `word` is a small number whose roman numeral the index cannot hold (a function word
/// such as "i" is never indexed).
pub(super) fn roman_unindexed(word: &str, lx: &Lexicon) -> bool {
    word.parse::<usize>()
        .ok()
        .filter(|n| (1..=12).contains(n))
        .is_some_and(|n| lx.is_function(text::ROMAN[n - 1]))
}

/// `word` (and its stem) as one more form the term matches in full, as a glued compound of the
/// term and its neighbour does.
pub(super) fn match_also(term: &mut Term, word: &str, index: &Index) {
    let mut added = false;
    for form in [word.to_string(), index.lx.stem(word)] {
        if let Some(id) = index.term(&form)
            && !term.matches.iter().any(|(m, _)| *m == id)
        {
            term.matches.push((id, 1.0));
            added = true;
        }
    }
    if added {
        term.forms.push(word.to_string());
    }
}
