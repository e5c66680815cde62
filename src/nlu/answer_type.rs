//! What kind of value a question wants (a number, a date, a person, a place, a reason, a manner)
//! and which sentence of a passage holds one near the question's words: the sentence the reply
//! marks, and the evidence that a passage answers rather than merely shares words.
//!
//! Question words and cue words are data (`lexicon/<lang>/question-words.tsv`, `cues.tsv`).

use rustc_hash::FxHashSet as HashSet;

pub use super::answer_measure::measure_word;
use super::answer_measure::{
    asked_measure, asks_label, counted, figure_measure, translated_measure,
};
use super::lexicon::{Cue, Lexicon, Measure};
use super::query::{AnswerType, Query};
pub use super::sentences::{Tok, mark, sentences, tokens};
use super::text;

/// How many words after an English "which" its noun phrase may take ("which Central Java toll").
const NOUN_PHRASE: usize = 3;

/// What the question already says, so that a passage's value is news to the reader: its words,
/// the digits of the figures it quotes, and the unit it asks in ("berapa persen"). The words are
/// the question's own, borrowed: copying each word and form cost more than looking them up.
pub struct Asked<'q> {
    pub wanted: AnswerType,
    words: HashSet<&'q str>,
    digits: HashSet<&'q str>,
    /// What the answer measures, when the question says: "turun berapa persen", "berapa harga".
    measure: Option<Measure>,
    /// What the question counts ("berapa desa": "desa"; see [`counted`]).
    counted: HashSet<&'q str>,
    /// The question asks for a time of day ("jam berapa", "pukul berapa").
    time: bool,
    /// What it counts is a scale ("berapa juta"): the answer is a figure in that scale.
    scaled: bool,
    /// "Saham apa", "apa nama …", "which commodity": the answer is a name of any kind.
    name: bool,
    /// The forms of the noun a which-word asks about ("kandang" of "kandang apa"): the word a
    /// sentence writes after it names one ("kandang rusa"), capitalised or not.
    kind: HashSet<&'q str>,
    /// "Nomor berapa", "PP no brp": the question asks the number a label word names ("Nomor 7").
    labelled: bool,
}

impl<'q> Asked<'q> {
    /// Whether the question holds the word (lower-case).
    pub fn holds(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    pub fn of(q: &'q Query, lx: &Lexicon) -> Asked<'q> {
        // Sized once for every word and form (grown from nothing, the set was rebuilt and its
        // words hashed again three or four times per question).
        let forms: usize = q.terms.iter().map(|t| t.forms.len()).sum();
        let mut words: HashSet<&str> =
            HashSet::with_capacity_and_hasher(q.words.len() + forms, Default::default());
        words.extend(q.words.iter().map(String::as_str));
        words.extend(
            q.terms
                .iter()
                .flat_map(|t| t.forms.iter().map(String::as_str)),
        );
        let digits = q
            .words
            .iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .map(String::as_str)
            .collect();
        // The hour is asked where a time word stands right before "berapa" ("pukul berapa",
        // "jam brp"). A time word elsewhere places the question: before a figure it quotes a
        // time ("sampai pukul 10.30, berapa pembeli …"), before a noun it names a part of the
        // day an event is held in ("kapan malam penutupan …" asks the date).
        let time = q.words.iter().enumerate().any(|(i, w)| {
            lx.is_cue(w, Cue::Time)
                && !lx.is_day(w)
                && q.words
                    .get(i + 1)
                    .is_some_and(|n| lx.answer_type(n) == Some(AnswerType::Number))
        });
        // "Pukul berapa" asks for a time, which is no amount; "saham apa" and "which commodity"
        // ask for a name (Indonesian puts the noun first, English after; a verb there, as in
        // "dijadikan apa", asks something else).
        let noun = |i: Option<usize>| {
            i.and_then(|i| q.words.get(i)).is_some_and(|w| {
                !lx.is_function(w)
                    && !lx.is_prefixed_verb(w)
                    && q.terms.iter().any(|t| t.word == *w)
            })
        };
        let which_noun = q.words.iter().enumerate().find_map(|(i, w)| {
            let at = match q.lang {
                super::lang::Lang::Id => i.checked_sub(1),
                super::lang::Lang::En => Some(i + 1),
            };
            (lx.is_which_word(w) && noun(at)).then_some(at).flatten()
        });
        let which = which_noun.is_some();
        let measure = asked_measure(&q.words, lx).or_else(|| {
            (q.lang == super::lang::Lang::En)
                .then(|| translated_measure(q, lx))
                .flatten()
        });
        let labelled = asks_label(&q.words, lx);
        // "Which village", "which minister": English names the kind of name it asks right after
        // its question word; a noun whose Indonesian sense stands before a place or a person in
        // the articles ("desa", "menteri": place and person cues) asks for that kind.
        let kind = (q.lang == super::lang::Lang::En)
            .then(|| {
                q.words.iter().enumerate().find_map(|(i, w)| {
                    if !lx.is_which_word(w) {
                        return None;
                    }
                    // The noun may follow a name narrowing it ("which Klaten trader", "which
                    // BPS official"): the words of the noun phrase, up to a function word.
                    q.words
                        .iter()
                        .skip(i + 1)
                        .take(NOUN_PHRASE)
                        .map_while(|w| q.terms.iter().find(|t| t.word == *w))
                        .find_map(|term| {
                            // A phrase's noun is its first word, Indonesian putting the
                            // head first ("bandar udara").
                            let cue = |c: Cue| {
                                term.forms
                                    .iter()
                                    .filter_map(|f| f.split(' ').next())
                                    .any(|f| lx.is_cue(f, c))
                            };
                            if cue(Cue::Place) {
                                Some(AnswerType::Place)
                            } else if cue(Cue::Person) {
                                Some(AnswerType::Person)
                            } else {
                                None
                            }
                        })
                })
            })
            .flatten();
        let asked_type = match (q.answer_type, kind) {
            (AnswerType::Any, Some(k)) => k,
            (t, _) => t,
        };
        let wanted = match asked_type {
            // "Berapa jam" asks how long, not at what time.
            AnswerType::Number if time && measure != Some(Measure::Duration) => AnswerType::Date,
            // "Berapa inflasi tahun ke tahun": a measure named after "berapa" asks an amount,
            // whatever date noun follows.
            AnswerType::Date
                if measure.is_some()
                    && q.words
                        .iter()
                        .any(|w| lx.answer_type(w) == Some(AnswerType::Number)) =>
            {
                AnswerType::Number
            }
            // "What was the inflation …", "what is the price of …": English asks for an amount
            // with "what" and a measure noun where Indonesian says "berapa".
            AnswerType::Any
                if q.lang == super::lang::Lang::En
                    && !which
                    && measure.is_some()
                    && q.words.first().is_some_and(|w| lx.is_function(w)) =>
            {
                AnswerType::Number
            }
            t => t,
        };
        let counted = counted(q, lx);
        let name = which && wanted == AnswerType::Any;
        // The whole noun phrase names the kind ("toko buah apa": a report writes "toko mangga"
        // as often as "buah mangga"): Indonesian's words before the noun, English's
        // after it, up to a function word or a verb.
        let phrase = |i: usize| -> Vec<usize> {
            match q.lang {
                super::lang::Lang::Id => (i.saturating_sub(NOUN_PHRASE - 1)..=i).rev().collect(),
                super::lang::Lang::En => (i..(i + NOUN_PHRASE).min(q.words.len())).collect(),
            }
        };
        let kind = which_noun
            .filter(|_| name)
            .map(|i| {
                phrase(i)
                    .into_iter()
                    .map(|j| &q.words[j])
                    .take_while(|w| {
                        !lx.is_function(w) && !lx.is_prefixed_verb(w) && lx.answer_type(w).is_none()
                    })
                    .map_while(|w| q.terms.iter().find(|t| t.word == *w))
                    .flat_map(|t| t.forms.iter().map(String::as_str))
                    .collect()
            })
            .unwrap_or_default();
        Asked {
            wanted,
            name,
            kind,
            time,
            scaled: counted.iter().any(|w| lx.is_scale(w)),
            counted,
            words,
            digits,
            measure,
            labelled,
        }
    }

    /// A figure whose every digit run the question holds: the question quotes it.
    fn quotes(&self, t: &Tok) -> bool {
        // Most questions quote no figure: no word's digits need splitting out then.
        if self.digits.is_empty() {
            return false;
        }
        let mut runs = t.digit_runs().peekable();
        runs.peek().is_some() && runs.all(|r| self.digits.contains(r))
    }
}

/// What a sentence word is as far as the lexicon tells without the question: worked out once per
/// article ([`super::paragraphs`]) so that [`values_of`] asks the lexicon nothing per question.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    bits: u16,
    /// What the word measures when it is a number ([`figure_measure`]).
    measure: Option<Measure>,
}

impl Facts {
    /// In a run of capitalised words a title or a speech word places as a person's name, and
    /// no dictionary word: the sentence's first word too ("Bagas menjelaskan, …", but not "Ia
    /// mengatakan"), which [`values_of`] passes over.
    pub fn placed_as_person(&self) -> bool {
        self.bits & PERSON != 0 && self.bits & BODY == 0
    }
}

/// Digits or a number word ("tiga", "miliar").
const NUMBER: u16 = 1 << 0;
/// Digits.
const DIGITS: u16 = 1 << 1;
/// After a word that names rather than counts ("Nomor 49").
const LABELLED: u16 = 1 << 2;
/// Reads as part of a date (a slash, a year, beside a day, month or time word).
const DATEY: u16 = 1 << 3;
/// Holds a decimal or thousands separator.
const SEPARATED: u16 = 1 << 4;
/// A time of day, or a number beside a time word.
const TIME: u16 = 1 << 5;
/// A date, a day, a month or a when-word.
const DATE: u16 = 1 << 6;
/// Capitalised mid-sentence and no number, month, day or time word: a name unless the question
/// holds it.
const NAME: u16 = 1 << 7;
/// Within two words after a place word.
const AFTER_PLACE: u16 = 1 << 8;
/// An acronym or a dictionary word: a body or a title more often than a person.
const BODY: u16 = 1 << 9;
const CAUSE: u16 = 1 << 10;
const MANNER: u16 = 1 << 11;
/// In a run of capitalised words that a title or a speech word places as a person's name
/// ("Gubernur … Bagas Wiratama", "kata Bagas", "Bagas Wiratama, mengatakan").
const PERSON: u16 = 1 << 12;
/// A function word ("di", "yang"): no name of anything.
const FUNCTION: u16 = 1 << 13;

/// The [`Facts`] of each word of a sentence.
pub fn facts(toks: &[Tok], lx: &Lexicon) -> Vec<Facts> {
    let word = |i: Option<usize>| i.and_then(|i| toks.get(i)).map(|t| t.lower.as_str());
    let person = person_names(toks, lx);
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            let w = t.lower.as_str();
            let digits = t.is_number();
            let number = digits || lx.is_number_word(w);
            let datey = t.lower.contains('/')
                || text::is_day_offset(w)
                || (w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y)))
                || word(i.checked_sub(1)).is_some_and(|p| lx.is_cue(p, Cue::Time) || lx.is_day(p))
                || word(Some(i + 1))
                    .is_some_and(|n| lx.month(n).is_some() || lx.is_cue(n, Cue::Time));
            let time = lx.is_cue(w, Cue::Time)
                || (digits
                    && (word(i.checked_sub(1)).is_some_and(|p| lx.is_cue(p, Cue::Time))
                        || word(Some(i + 1)).is_some_and(|n| lx.is_cue(n, Cue::Time))));
            let date = (digits && datey)
                || lx.month(w).is_some()
                || lx.is_day(w)
                || lx.is_cue(w, Cue::When);
            // The first word is capitalised in every sentence; an age after it ("Bagas (40),
            // pedagang …") marks it a name all the same.
            let name = (i > 0 || aged(toks, i + 1))
                && t.capitalised
                && !digits
                && !lx.is_cue(w, Cue::Time)
                && !lx.is_day(w)
                && lx.month(w).is_none();
            let after_place = [i.checked_sub(1), i.checked_sub(2)]
                .into_iter()
                .any(|j| word(j).is_some_and(|p| lx.is_cue(p, Cue::Place)));
            let flags = [
                (NUMBER, number),
                (DIGITS, digits),
                (
                    LABELLED,
                    word(i.checked_sub(1)).is_some_and(|p| lx.is_label(p)),
                ),
                (DATEY, datey),
                (SEPARATED, w.contains(['.', ','])),
                (TIME, time),
                (DATE, date),
                (NAME, name),
                (AFTER_PLACE, after_place),
                (BODY, t.acronym || lx.is_real_word(w)),
                (CAUSE, lx.is_cue(w, Cue::Cause)),
                (MANNER, lx.is_cue(w, Cue::Manner)),
                (PERSON, person[i]),
                (FUNCTION, lx.is_function(w)),
            ];
            Facts {
                bits: flags
                    .into_iter()
                    .filter(|&(_, on)| on)
                    .fold(0, |bits, (bit, _)| bits | bit),
                measure: if number {
                    figure_measure(toks, i, lx)
                } else {
                    None
                },
            }
        })
        .collect()
}

/// The word at `i` is a person's age in brackets ("Bagas (40)"): two digits alone in brackets.
fn aged(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.bracketed && t.lower.len() == 2 && t.lower.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Which words are a person's name by where they stand: in a run of capitalised words after a
/// title inside the run ("Gubernur Jawa Barat Bagas Wiratama"), or a run right after a title or a
/// speech word ("kata Bagas", "bernama Bagas"), or right before a speech word ("Bagas Wiratama,
/// mengatakan") or an age in brackets ("Bagas Wiratama (40)").
fn person_names(toks: &[Tok], lx: &Lexicon) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let introduces = |w: &str| lx.is_cue(w, Cue::Person) || lx.is_cue(w, Cue::Speech);
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].capitalised || toks[i].is_number() {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && toks[i].capitalised && !toks[i].is_number() {
            i += 1;
        }
        let end = i;
        // A title inside the run: the name follows it.
        let title = (start..end)
            .rev()
            .find(|&k| lx.is_cue(&toks[k].lower, Cue::Person));
        let from = match title {
            Some(k) => Some(k + 1),
            None if start > 0 && introduces(&toks[start - 1].lower) => Some(start),
            None if toks
                .get(end)
                .is_some_and(|t| lx.is_cue(&t.lower, Cue::Speech)) =>
            {
                Some(start)
            }
            None if aged(toks, end) => Some(start),
            None => None,
        };
        if let Some(from) = from {
            for flag in &mut out[from..end] {
                *flag = true;
            }
        }
    }
    out
}

/// The strength of a word naming one of the kind asked ("kandang *rusa*" for "kandang apa"):
/// less than a name's, as the word after a noun may only qualify it.
const KIND_NAMED: f32 = 0.7;

/// The values of the wanted kind in a sentence: (word position, strength 0..1). For "berapa" a
/// figure in the measure asked for (1.0) beats one in another (0.3) and a bare number; with no
/// measure asked, a figure with a unit or separators (1.0) beats a bare number (0.5); a figure the
/// question quotes is no answer to it. For "siapa" a new name (capitalised, not in the question);
/// for "kapan" a date, a day, a month or a time (only a time for "jam berapa"); for "di mana" a
/// name after a place word; for "kenapa" a cause word.
#[cfg(test)]
pub fn values(toks: &[Tok], asked: &Asked, lx: &Lexicon) -> Vec<(usize, f32)> {
    values_of(toks, &facts(toks, lx), asked)
}

/// [`values`] from the words' [`facts`].
pub fn values_of(toks: &[Tok], facts: &[Facts], asked: &Asked) -> Vec<(usize, f32)> {
    let mut out = Vec::new();
    for (i, (t, f)) in toks.iter().zip(facts).enumerate() {
        let is = |bit: u16| f.bits & bit != 0;
        // A capitalised word the question does not hold, not a month, day or time word, and not
        // the sentence's first word (which every sentence capitalises).
        let new_name = || is(NAME) && !asked.words.contains(t.lower.as_str());
        let strength = match asked.wanted {
            // Asking a label's number ("nomor berapa"), only a labelled number answers, whatever
            // date-like form it has ("Nomor 7 Tahun 2031", "No. 12/2031").
            AnswerType::Number if asked.labelled => match is(NUMBER) && is(LABELLED) {
                true if !asked.quotes(t) => 1.0,
                _ => continue,
            },
            AnswerType::Number => {
                // A figure with a duration unit ("48 jam", "3 bulan") reads as part of a date or
                // a clock time unless the question asks how long; then it is the answer.
                let duration = asked.measure == Some(Measure::Duration);
                let measure = f.measure.filter(|&m| m != Measure::Duration || duration);
                let lasts = duration && measure == Some(Measure::Duration);
                if !is(NUMBER) || is(LABELLED) || (is(DATEY) && !lasts) || asked.quotes(t) {
                    continue;
                }
                // "12 desa" answers "berapa desa": the figure counts what was asked; "2,5 juta
                // orang" answers "berapa juta" by its scale, a number word before the noun.
                let mut counts = false;
                for (n, f) in toks[i + 1..].iter().zip(&facts[i + 1..]).take(2) {
                    counts |= asked.counted.contains(n.lower.as_str());
                    if counts || f.bits & NUMBER == 0 {
                        break;
                    }
                }
                match (asked.measure, measure) {
                    _ if counts => 1.0,
                    // "Berapa juta" asks a figure in millions: one in another scale or none is
                    // a weaker answer however well its unit fits.
                    (None, _) if asked.scaled => 0.5,
                    (Some(a), Some(m)) if a == m => 1.0,
                    (Some(_), Some(_)) => 0.3,
                    (Some(_), None) if is(SEPARATED) => 0.5,
                    (Some(_), None) => 0.35,
                    (None, Some(_)) => 1.0,
                    (None, None) if is(SEPARATED) => 1.0,
                    (None, None) => 0.5,
                }
            }
            AnswerType::Date => {
                let time = is(TIME);
                // A year the question quotes ("Lomba … 2031") names the edition, not the day
                // asked for; a date holding other figures ("24/2/2019") still answers.
                if !(time || is(DATE))
                    || asked.quotes(t)
                    || (!is(DIGITS) && asked.words.contains(t.lower.as_str()))
                {
                    continue;
                }
                // "Jam berapa" asks a time of day, which no date gives.
                if asked.time && !time {
                    continue;
                }
                1.0
            }
            AnswerType::Person | AnswerType::Place => {
                if !new_name() {
                    continue;
                }
                match (asked.wanted, is(AFTER_PLACE)) {
                    (AnswerType::Place, true) => 1.0,
                    (AnswerType::Place, false) => continue,
                    _ if is(PERSON) => 1.0,
                    (_, true) => 0.3,
                    // "BPBD", "Badan … Daerah", "Kepala": a body or a title more often than a
                    // person, whose names are mostly no dictionary word.
                    _ if is(BODY) => 0.4,
                    _ => 0.7,
                }
            }
            AnswerType::Any if asked.name => {
                if new_name() {
                    1.0
                } else if i > 0
                    && asked.kind.contains(toks[i - 1].lower.as_str())
                    && !asked.words.contains(t.lower.as_str())
                    && !is(FUNCTION)
                    && t.lower.chars().all(char::is_alphabetic)
                {
                    KIND_NAMED
                } else {
                    continue;
                }
            }
            AnswerType::Reason if is(CAUSE) => 1.0,
            AnswerType::Manner if is(MANNER) => 1.0,
            _ => continue,
        };
        out.push((i, strength));
    }
    out
}

#[cfg(test)]
#[path = "answer_type_tests.rs"]
mod tests;
#[cfg(test)]
#[path = "answer_type_text_tests.rs"]
mod text_tests;
