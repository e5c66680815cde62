//! How a question's words group: a clause that places the question, and English phrases the
//! bridge reads as one token.

use crate::nlu::text::{self, Token};

/// Per token of `raw` (as [`text::tokenize`] splits it): whether it is in a clause that places the
/// question, one opened by a context word ("saat", "ketika", after the slang map) in its first two
/// words and ended by a comma before the rest of the question. A comma between digits is a decimal
/// comma ("4,72"), not a clause's end.
pub(super) fn context_clause(raw: &str, lx: &crate::nlu::lexicon::Lexicon) -> Vec<bool> {
    let chars: Vec<char> = raw.chars().collect();
    let mut segments: Vec<String> = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        let decimal = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c == ',' && !decimal {
            segments.push(String::new());
        } else if let Some(last) = segments.last_mut() {
            last.push(c);
        }
    }
    let last = segments.len() - 1;
    let mut out = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let words = text::tokenize(segment);
        let opens = i < last
            && words.iter().take(2).any(|t| {
                lx.deslang(&t.word)
                    .first()
                    .is_some_and(|w| lx.is_context_word(w))
            });
        out.extend(std::iter::repeat_n(opens, words.len()));
    }
    out
}

/// Two English words the bridge lists as one phrase ("turn into") become one token, so that
/// neither is matched (or left unknown) on its own.
pub(super) fn merge_english_phrases(
    tokens: Vec<Token>,
    lx: &crate::nlu::lexicon::Lexicon,
) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut iter = tokens.into_iter().peekable();
    while let Some(t) = iter.next() {
        // Capitalised words are names and pass through ("Mount Everest" is no "mount").
        if let Some(next) = iter.peek()
            && !t.capitalised
            && !next.capitalised
            && let Some(phrase) = lx.english_phrase(&t.word, &next.word)
        {
            iter.next();
            out.push(Token {
                word: phrase,
                capitalised: false,
            });
            continue;
        }
        out.push(t);
    }
    out
}
