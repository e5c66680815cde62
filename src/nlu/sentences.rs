//! A paragraph's sentences (as byte ranges) and a sentence's words as written, figures whole: what
//! the answer-type reader scans for values, and the marking of the sentence that answers.

use std::ops::Range;

/// The sentences of a paragraph as byte ranges: a sentence ends at `.`, `!` or `?` followed by a
/// space and a capital letter, a digit or a quote ("Tbk. (SMKR)" and "1.234,56" do not end one).
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
        if next.is_some_and(|n| n.is_ascii_digit()) && introduces_figure(&chars[..k]) {
            continue;
        }
        if c == '.' && is_initial(&chars[..k]) {
            continue;
        }
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

/// Whether the text before a stop is a name's initial: one capital letter standing alone after a
/// capitalised word ("Wirya S. Halim"), which ends no sentence. A roman numeral's letter ("kuartal
/// I.", "golongan V.") may end one, and so may a letter after a lowercase word.
fn is_initial(before: &[(usize, char)]) -> bool {
    let n = before.len();
    let Some(&(_, letter)) = before.last() else {
        return false;
    };
    if !letter.is_uppercase() || "IVX".contains(letter) || n < 3 || before[n - 2].1 != ' ' {
        return false;
    }
    let word: Vec<char> = before[..n - 2]
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .map(|&(_, c)| c)
        .collect();
    word.len() >= 2 && word.last().is_some_and(|c| c.is_uppercase())
}

/// Whether the text before a stop ends in a two-letter abbreviation written in title case ("No.",
/// "Rp."): before a figure it introduces the figure ("Permen No. 47/2031") and ends no sentence.
/// (An all-capital pair, a country or a body, may end one.)
fn introduces_figure(before: &[(usize, char)]) -> bool {
    let word: Vec<char> = before
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .map(|&(_, c)| c)
        .collect();
    let bounded = before
        .len()
        .checked_sub(word.len() + 1)
        .is_none_or(|i| !before[i].1.is_alphanumeric());
    bounded && word.len() == 2 && word[1].is_uppercase() && word[0].is_lowercase()
}

/// One word of a sentence as written: its lowercase form and whether it is capitalised. A figure stays one word ("1.234,56", "Rp12.300", "7/3/2031"); "%" is a word
/// ("persen") of its own.
#[derive(Debug, Clone)]
pub struct Tok {
    pub lower: String,
    pub capitalised: bool,
    /// Written all in capitals ("BPBD", "TBIG"): an acronym, more often a body than a person.
    pub acronym: bool,
    /// Written alone in brackets ("(40)"): after a name, news gives a person's age so.
    pub bracketed: bool,
    /// A comma or semicolon stands between the word before and this one: a list's items and a
    /// sentence's clauses are cut so ("2,54 juta ton pada Februari, dan 2,73 juta ton …").
    pub after_comma: bool,
}

impl Tok {
    pub fn is_number(&self) -> bool {
        self.lower.chars().any(|c| c.is_ascii_digit())
    }

    /// The digit runs of a figure ("1.234,56" → 1, 234, 56): how a question's words hold it.
    pub(super) fn digit_runs(&self) -> impl Iterator<Item = &str> {
        self.lower
            .split(|c: char| !c.is_ascii_digit())
            .filter(|r| !r.is_empty())
    }
}

/// The words of a sentence (see [`Tok`]).
pub fn tokens(sentence: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    let mut comma = false;
    while k < chars.len() {
        let c = chars[k].1;
        if c == '%' {
            out.push(Tok {
                lower: "persen".into(),
                capitalised: false,
                acronym: false,
                bracketed: false,
                after_comma: std::mem::take(&mut comma),
            });
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            comma |= matches!(c, ',' | ';');
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() {
            let c = chars[k].1;
            let at = chars[k].0;
            // "H-3", "H+2": a day counted from an occasion is one word, as the tokenizer reads it.
            let joins = matches!(c, '.' | ',' | '/')
                && chars[k - 1].1.is_ascii_digit()
                && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit())
                || super::text::day_offset(&sentence[chars[start].0..at], &sentence[at..]);
            if !(c.is_alphanumeric() || joins) {
                break;
            }
            k += 1;
        }
        let end = chars.get(k).map_or(sentence.len(), |&(e, _)| e);
        let raw = &sentence[chars[start].0..end];
        out.push(Tok {
            lower: raw.to_lowercase(),
            capitalised: raw.chars().next().is_some_and(char::is_uppercase)
                && raw.chars().count() > 1,
            acronym: raw.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !raw.chars().any(char::is_lowercase),
            bracketed: start > 0
                && chars[start - 1].1 == '('
                && chars.get(k).is_some_and(|&(_, c)| c == ')'),
            after_comma: std::mem::take(&mut comma),
        });
    }
    out
}

/// The paragraph with its sentence `range` marked `**…**`: plain text that reads well on a console
/// and in JSON, which the Telegram adapter renders bold.
pub fn mark(paragraph: &str, range: &Range<usize>) -> String {
    let s = paragraph[range.clone()].trim();
    if s.len() == paragraph.trim().len() {
        return paragraph.trim().to_string();
    }
    // Where the trimmed sentence starts: past the whitespace trimmed off its front, which is
    // where a search for it would find it first (it starts with no whitespace), without a
    // searcher built for a whole sentence as the needle. (An empty one is found at 0.)
    let within = &paragraph[range.clone()];
    let start = range.start
        + if s.is_empty() {
            0
        } else {
            within.len() - within.trim_start().len()
        };
    // Pushed, not `format!`ted: formatting grew the string piece by piece (every answer quotes).
    let mut marked = String::with_capacity(paragraph.len() + 4);
    marked.push_str(&paragraph[..start]);
    marked.push_str("**");
    marked.push_str(s);
    marked.push_str("**");
    marked.push_str(&paragraph[start + s.len()..]);
    // Copied again only when there is space to trim.
    let trimmed = marked.trim();
    if trimmed.len() == marked.len() {
        marked
    } else {
        trimmed.to_string()
    }
}
