//! The answer type's last refinements, read from the whole question once its words are known:
//! a yes/no question, "where did the index close" asking a figure, "tahun berapa" asking a date.

use super::AnswerType;
use super::clauses::{RELATIVE, formal};
use crate::nlu::lexicon::{Lexicon, YesNo};
use crate::nlu::text::Token;

/// The answer type the question words gave, refined by the question as a whole.
pub(super) fn refined(
    mut answer_type: AnswerType,
    tokens: &[Token],
    english: bool,
    lx: &Lexicon,
) -> AnswerType {
    let first = tokens.first().map(|t| t.word.as_str()).unwrap_or("");
    let last = tokens
        .iter()
        .rev()
        .map(|t| t.word.as_str())
        .find(|w| !lx.is_particle(w))
        .unwrap_or("");
    // "Where did the index close": English asks a market's level with "where" and a verb of
    // closing or ending; the answer is a figure, not a place.
    if english
        && answer_type == AnswerType::Place
        && tokens.iter().any(|t| lx.is_level_verb(&t.word))
    {
        answer_type = AnswerType::Number;
    }
    if answer_type == AnswerType::Any
        && (lx.is_yes_no(first, YesNo::Opener)
            || (tokens.len() > 2 && lx.is_yes_no(last, YesNo::Closer))
            || tokens.iter().any(|t| lx.is_yes_no(&t.word, YesNo::Marker)))
    {
        answer_type = AnswerType::YesNo;
    }
    // "berapa ... tahun" asks for a year, not an amount: a date noun (not a date question word
    // such as "kapan", which is a function word) outranks "berapa".
    // A date noun that names its year ("UMP tahun 2024") says which, not what is asked.
    // Only right before the question word ("tahun berapa", "jam berapa"): elsewhere the noun is
    // the topic's ("berapa inflasi tahun ke tahun", "berapa UMP tahun lalu"), and right after it
    // the noun is what is counted ("berapa jam", "brp hari": a duration, a figure).
    let asks_number = |i: Option<usize>| {
        i.and_then(|i| tokens.get(i))
            .is_some_and(|t| lx.answer_type(&t.word) == Some(AnswerType::Number))
    };
    if answer_type == AnswerType::Number
        && tokens.iter().enumerate().any(|(i, t)| {
            lx.answer_type(&t.word) == Some(AnswerType::Date)
                && !lx.is_function(&t.word)
                && asks_number(Some(i + 1))
                && !tokens
                    .get(i + 1)
                    .is_some_and(|n| n.word.chars().any(|c| c.is_ascii_digit()))
        })
    {
        answer_type = AnswerType::Date;
    }
    answer_type
}

/// A date noun away from the question's own question word names part of the topic ("tahun
/// buku 2023 brp per lembar", "jam kerja … berapa"): it asks a date only beside one ("tahun
/// berapa", "jam brp") or where no other word asks anything.
pub(super) fn topic_date_noun(tokens: &[Token], k: usize, lx: &Lexicon) -> bool {
    let asking = |t: &Token| lx.answer_type(&t.word).is_some();
    let beside = (k > 0 && asking(&tokens[k - 1])) || tokens.get(k + 1).is_some_and(asking);
    !beside
        && tokens.iter().enumerate().any(|(j, t)| {
            j != k
                && lx
                    .answer_type(&t.word)
                    .is_some_and(|a| a != AnswerType::Date)
        })
}

/// Whether a comma segment of the question opens "apa (yang) <verb of causing>" ("Menurut X,
/// apa yang menyebabkan harga anjlok?"): it asks why. After a noun, "apa" asks which one ("data
/// apa yang bikin dolar menguat"), so only a segment opening with it counts.
pub(super) fn asks_cause(segments: &[Vec<Token>], lx: &Lexicon) -> bool {
    segments.iter().any(|s| {
        // As the slang map reads them: chat's "yg" is the relative pronoun.
        let mut words = s.iter().map(|t| formal(t, lx));
        if !words.next().is_some_and(|w| lx.is_which_word(w)) {
            return false;
        }
        let next = words.next();
        let verb = if next == Some(RELATIVE) {
            words.next()
        } else {
            next
        };
        verb.is_some_and(|v| lx.is_cause_verb(v))
    })
}
