//! Raw text as the words dates are read from: lowercase, with what touches each word (a
//! separator of a number, a slash, a hyphen or an apostrophe) noted.

/// One word of raw text: lowercase, with digits joined by `/` kept together ("13/5/2025"), and
/// whether a decimal or thousands separator touches it ("1.234,56" is no year), and whether a
/// slash after a word runs into it (the year of a document code, "12/MEM/2031", is no date), and
/// what joins it to the text before: a hyphen or a dot right after a digit (the parts of
/// "2031-06-05", "5-6-2031", "05.06.2031") or an apostrophe (a short year, "Juni '31").
#[derive(Debug)]
pub(in crate::nlu) struct Tok {
    pub text: String,
    pub in_number: bool,
    pub after_slash: bool,
    pub joined: Option<char>,
}

pub(in crate::nlu) fn toks(text: &str) -> Vec<Tok> {
    // An ASCII text (most questions and paragraphs) is read as its bytes, each its character:
    // no copy of it into characters first.
    if text.is_ascii() {
        return toks_of(text.as_bytes());
    }
    // Sized once (a text has no more characters than bytes): collected from the iterator's low
    // estimate, the list was copied several times over for every paragraph of the archive.
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    toks_of(&chars)
}

/// [`toks`] of a text's characters (or of an ASCII text's bytes).
fn toks_of<C: Copy + Into<char>>(text: &[C]) -> Vec<Tok> {
    let ch = |c: C| -> char { c.into() };
    let at = |i: usize| text.get(i).map(|&c| ch(c));
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !ch(text[i]).is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len()
            && (ch(text[i]).is_alphanumeric()
                || (ch(text[i]) == '/'
                    && i > start
                    && ch(text[i - 1]).is_ascii_digit()
                    && at(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
        let sep = |c: Option<char>| c.is_some_and(|c| c == '.' || c == ',');
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let in_number = (start >= 2 && sep(at(start - 1)) && digit(at(start - 2)))
            || (sep(at(i)) && digit(at(i + 1)));
        let word = &text[start..i];
        let after_slash = start >= 1 && ch(text[start - 1]) == '/';
        let joined = match start.checked_sub(1).map(|j| ch(text[j])) {
            Some(c @ ('-' | '.')) if start >= 2 && ch(text[start - 2]).is_ascii_digit() => Some(c),
            Some('\'' | '\u{2019}') => Some('\''),
            _ => None,
        };
        out.push(Tok {
            // Plain ASCII (most words) lowercases letter by letter, without a second copy.
            // (Sized at once: one byte per ASCII letter.)
            text: if word.iter().all(|&c| ch(c).is_ascii()) {
                let mut lower = String::with_capacity(word.len());
                lower.extend(word.iter().map(|&c| ch(c).to_ascii_lowercase()));
                lower
            } else {
                word.iter()
                    .map(|&c| ch(c))
                    .collect::<String>()
                    .to_lowercase()
            },
            in_number,
            after_slash,
            joined,
        });
    }
    out
}
