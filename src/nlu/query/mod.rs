//! Question analysis: normalised tokens → slang map → English bridge → typo correction → stems,
//! giving the content terms to score with (each with the term ids it may match) and the question's
//! expected answer type.
//!
//! Split by feature: this file owns the analysis of the whole question; `analysed` holds what it
//! gives (terms, answer type, conditions); `answer_kind` refines the answer type from the whole
//! question; `term` reads one content word; `clauses` groups the words (a clause placing the
//! question, English phrases); `affixes` strips and swaps Indonesian affixes; `shorthand` spells
//! out a reader's abbreviations no word list knows; `glued` parts a figure from its scale ("13rb");
//! `compound` glues and parts words against the index vocabulary; `typo` corrects a misspelt word
//! against the index vocabulary.

mod affixes;
mod analysed;
pub(crate) use affixes::strip_affixes;
pub use analysed::{AnswerType, Query, Term};
mod answer_kind;
mod blend;
mod clauses;
mod compound;
mod forms;
mod framing;
mod glued;
mod head;
mod senses;
mod shorthand;
mod term;
mod typo;

use super::index::Index;
use super::lang::Lang;
use super::text::{self, Token};

use self::clauses::{
    before_asking, comma_segments, context_clause, lead_names_report, leading_segment,
    merge_english_phrases, merged_flags, quoted_figures,
};
pub(crate) use self::glued::part_glued_figures;
use self::shorthand::spell_out;
use self::term::term;

/// Analyses a question against the index vocabulary, with the lexicon the index was built with.
pub fn analyse(raw: &str, forced: Option<Lang>, index: &Index) -> Query {
    let lx = &*index.lx;
    let rewritten = lx.rewrite_phrases(raw);
    let raw = rewritten.as_ref();
    let mut tokens: Vec<Token> = Vec::new();
    // Tokenised once: the language guess, the clauses and the quoted figures read these too.
    let raw_tokens = text::tokenize(raw);
    let segments = comma_segments(raw, &raw_tokens);
    let placing = context_clause(&segments, lx);
    let leading = leading_segment(&segments, lx);
    let before = before_asking(&segments, lx);
    let lead_names_report = lead_names_report(&segments, &leading, lx);
    let figures = quoted_figures(raw, &raw_tokens);
    // The decimals of a sum the reader rounds before a scale word ("Rp 27,46 juta" of the
    // report's "Rp27.460.518") are no word of the report: the figure as a whole is checked
    // (rounding allowed, `figures::rounds_to`), its decimals alone name nothing.
    let rounding: Vec<bool> = (0..raw_tokens.len())
        .map(|k| {
            let digits = |i: usize| {
                raw_tokens
                    .get(i)
                    .is_some_and(|t| t.word.chars().all(|c| c.is_ascii_digit()))
            };
            k > 0
                && digits(k - 1)
                && digits(k)
                && raw_tokens[k].word.len() <= 2
                && figures.get(k - 1) == Some(&true)
                && figures.get(k) == Some(&true)
                && raw_tokens
                    .get(k + 1)
                    .is_some_and(|t| lx.deslang(&t.word).first().is_some_and(|w| lx.is_scale(w)))
        })
        .collect();
    let mut rounded: Vec<bool> = Vec::new();
    // A threshold's digits ("di atas 7,25 persen") stay terms but are neither salient nor a
    // quoted figure: the report picked by it writes another figure.
    let limits = crate::nlu::figures::thresholds(&raw_tokens, lx);
    let mut limit: Vec<bool> = Vec::new();
    let mut context: Vec<bool> = Vec::new();
    let mut lead: Vec<bool> = Vec::new();
    let mut placed: Vec<bool> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    // The word as the reader wrote it, where the slang map replaced it: an abbreviation the
    // articles may use verbatim ("Dirut", "Kadis") as well as spelt out.
    let mut written: Vec<Option<String>> = Vec::new();
    let detected = super::lang::detect_tokens(&raw_tokens, lx);
    let english = detected == Some(Lang::En);
    // A unit's abbreviation right after a figure is that unit ("5 gr", "12 cm"); elsewhere it is
    // chat's word spelt the same ("gr2" for "gara-gara", "cm" for "cuma").
    let mut after_figure = false;
    // A scale's shorthand standing alone right after "berapa" is the scale asked for ("brp t",
    // "brp jt", "brp M"): chat drops the figure it would be glued to, not the scale.
    let mut after_quantity = false;
    let part_number = |w: &str| {
        (w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit())) || text::ROMAN.contains(&w)
    };
    let numbered: Vec<bool> = (0..raw_tokens.len())
        .map(|k| raw_tokens.get(k + 1).is_some_and(|n| part_number(&n.word)))
        .collect();
    for (k, t) in raw_tokens.into_iter().enumerate() {
        let unit = std::mem::replace(&mut after_figure, text::has_digit(&t.word))
            && lx
                .measure(&t.word, super::lexicon::MeasureRole::Unit)
                .is_some();
        let asks_quantity =
            !english && lx.any_formal(&t.word, |w| lx.answer_type(w) == Some(AnswerType::Number));
        let scale = std::mem::replace(&mut after_quantity, asks_quantity)
            .then(|| glued::asked_scale(&t.word, t.capitalised, lx))
            .flatten();
        let parted = (!unit && scale.is_none())
            .then(|| {
                glued::part_word_number(&t.word, index).or_else(|| {
                    (!english)
                        .then(|| {
                            glued::part_english_clitic(&t.word, index)
                                .or_else(|| compound::part_compound(&t.word, index))
                        })
                        .flatten()
                })
            })
            .flatten();
        let spelled = (!english && !unit && parted.is_none() && scale.is_none())
            .then(|| spell_out(&t.word, t.capitalised, index))
            .flatten();
        // A spelled-out blend is two words ("batik pesisir"), so is a word parted from its
        // number ("ke12").
        let written_as: Vec<&str> = match (&parted, &spelled) {
            _ if scale.is_some() => scale.into_iter().collect(),
            (Some(p), _) => p.iter().map(String::as_str).collect(),
            (None, Some(s)) => s.split_whitespace().collect(),
            (None, None) => vec![t.word.as_str()],
        };
        // A capitalised word the articles write as a name ("Gede" of a market's name) is that
        // name, not chat's spelling of a dictionary word the archive never uses ("besar").
        let kept_name = t.capitalised
            && spelled.is_none()
            && index.is_name(&t.word)
            && lx.deslang(&t.word).iter().all(|f| {
                *f != t.word
                    && index.term(f).is_none()
                    && lx.with_stem(f, |s| index.term(s)).is_none()
            });
        // In an English question (whose words as written are not kept), a word the articles
        // write as a name (capitalised nearly every time) is that name, not another spelling of
        // a dictionary word ("Baek" is no "baik"); an abbreviation the slang list spells
        // out in several words is still read so.
        let named = |w: &str| {
            english
                && index.is_name(w)
                && ({
                    let f = lx.facts(w);
                    !f.is_real_word() && !f.is_calendar_word() && !f.is_month()
                })
                && lx.deslang(w).len() == 1
        };
        // A series' shorthand before the part's number is the series' noun ("tw 3", "kw3" →
        // "kuartal"); the slang map reads it as chat's word ("tw" → "tahu").
        let before_part = |i: usize| {
            !english
                && written_as
                    .get(i + 1)
                    .map_or(numbered[k], |n| part_number(n))
        };
        // Each formal word with the reader's spelling it came from: the whole word, or the
        // part of a word parted from its figure ("rp" of "Rp45", which articles write too).
        let is_parted = parted.is_some();
        let formal = written_as.iter().enumerate().flat_map(|(i, w)| {
            let from = if is_parted { *w } else { t.word.as_str() };
            let words = if let Some(noun) = before_part(i).then(|| lx.period_noun(w)).flatten() {
                vec![noun]
            } else if unit || kept_name || named(w) || (english && lx.english_of(w).is_some()) {
                // An English question's word the bridge knows is English, whatever the
                // Indonesian chat list makes of the same letters ("Eid" is no "idul").
                vec![*w]
            } else {
                lx.deslang(w)
            };
            words
                .into_iter()
                .enumerate()
                .map(move |(j, f)| (f, (j == 0 && (is_parted || i == 0)).then_some(from)))
        });
        for (i, (w, from)) in formal.enumerate() {
            written.push(from.filter(|&f| f != w).map(str::to_string));
            tokens.push(Token {
                word: w.to_string(),
                capitalised: t.capitalised && i == 0,
            });
            context.push(placing.get(k).copied().unwrap_or(false));
            lead.push(leading.get(k).copied().unwrap_or(false));
            placed.push(before.get(k).copied().unwrap_or(false));
            let threshold = limits.get(k).copied().unwrap_or(false);
            quoted.push(figures.get(k).copied().unwrap_or(false) && !threshold);
            limit.push(threshold);
            rounded.push(rounding.get(k).copied().unwrap_or(false));
        }
    }
    shorthand::superlative_markers(&mut tokens, &written, index);
    let lang = forced.or(detected).unwrap_or(Lang::Id);
    // Small talk and the ticker read the words as written; terms read English phrases as one.
    let words: Vec<String> = tokens.iter().map(|t| t.word.clone()).collect();
    let placing_words = context.clone();
    if english {
        // The phrases are found once for the three flag lists, not again (on a copy of the
        // tokens) for each.
        let starts;
        (tokens, starts) = merge_english_phrases(tokens, lx);
        lead = merged_flags(&lead, &starts);
        if limit.contains(&true) {
            limit = merged_flags(&limit, &starts);
        }
        context = merged_flags(&context, &starts);
        written.clear();
    }
    let glued = if english {
        Vec::new()
    } else {
        compound::glued_pairs(&tokens, index)
    };
    let mut answer_type = AnswerType::Any;
    let mut terms: Vec<Term> = Vec::new();
    // The content word just before, to find what a measure noun governs ("harga tiket").
    let mut previous: Option<usize> = None;
    let mut asked_next = false;
    let mut quoting: Vec<usize> = Vec::new();
    // Where the first question word and the last content word stand, for a question asked last.
    let mut asked_at: Option<usize> = None;
    let mut last_term_at: Option<usize> = None;
    // Whether every word before the current one is a function word (kept as the words go, not
    // asked again of them all at each word).
    let mut function_words_only = true;
    for (k, t) in tokens.iter().enumerate() {
        let w = t.word.as_str();
        let placing = context.get(k).copied().unwrap_or(false);
        let leads = lead.get(k).copied().unwrap_or(false);
        // English opens a question with its question word ("how much", "in which year",
        // "what year"); one after a content word opens a clause ("… when BI raised rates") or
        // is a noun of the topic ("year-on-year inflation").
        let opening = !english || function_words_only;
        if english && function_words_only {
            function_words_only = lx.is_function(w);
        }
        let question_word = lx.answer_type(w);
        // A date noun before a figure names the date ("tahun 2022", "tanggal 5"), and so does one
        // opening a relative phrase ("tahun lalu"): it is not asked.
        let date_noun = question_word == Some(AnswerType::Date) && !lx.is_function(w);
        let names_date = date_noun
            && (tokens.get(k + 1).is_some_and(|n| {
                n.word.chars().any(|c| c.is_ascii_digit())
                    || lx.relative_date(&format!("{w} {}", n.word)).is_some()
            }) || answer_kind::topic_date_noun(&tokens, k, lx));
        // A clause placing the question asks nothing: its "dalam satu jam" or "tahun itu" is
        // part of the event it names.
        let asks = question_word.filter(|_| opening && !names_date && !placing);
        // "How many": a later, more specific question word outranks a manner word.
        if matches!(
            answer_type,
            AnswerType::Any | AnswerType::YesNo | AnswerType::Manner
        ) && let Some(t) = asks
        {
            answer_type = t;
        }
        if asks.is_some() && asked_at.is_none() {
            asked_at = Some(k);
        }
        // "How deep", "how long": a manner word before a gradable one asks for its measure, a
        // figure, as "berapa" does.
        if english
            && answer_type == AnswerType::Manner
            && lx.is_gradable(w)
            && k > 0
            && lx.answer_type(&tokens[k - 1].word) == Some(AnswerType::Manner)
        {
            answer_type = AnswerType::Number;
        }
        // The gradable word is then part of the question, not of its topic: a passage need not
        // write "panjang" to say how long something lasted ("selama empat hari").
        if english
            && k > 0
            && lx.is_gradable(w)
            && lx.answer_type(&tokens[k - 1].word) == Some(AnswerType::Manner)
        {
            previous = None;
            continue;
        }
        // "Won't", "didn't": the tokenizer splits the clitic off at the apostrophe, and the
        // auxiliary before it is grammar, not topic ("won" would bridge to "menang").
        let negated =
            english && !text::has_digit(w) && tokens.get(k + 1).is_some_and(|n| n.word == "t");
        if lx.is_function(w) || negated || asks == Some(AnswerType::Reason) {
            if asks.is_some() && !terms.iter().any(|t| t.head) {
                asked_next = true;
            }
            // "Siapa yang finis …": after the relative pronoun comes what the one asked for
            // did, a predicate the report may word otherwise, not a noun naming what is asked.
            if w == clauses::RELATIVE {
                asked_next = false;
            }
            previous = None;
            continue;
        }
        if let Some(existing) = terms.iter().position(|x| x.word == w) {
            // A word the question itself also asks with is no mere context.
            terms[existing].context &= placing;
            terms[existing].placing &= placing || leads;
            previous = Some(existing);
            continue;
        }
        let mut new = term(t, written.get(k).and_then(Option::as_deref), english, index);
        // "kuartal 3", "golongan ke-2", "triwulan III", "juara 2": reports number a series' parts
        // and a ranking's places in digits, roman numerals and spelled ordinals alike, so each
        // matches the others. Once per term.
        let numbered = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|p| lx.is_period_word(&p.word) || lx.is_rank_word(&p.word))
        };
        if k > 0 && (numbered(k - 1) || (k > 1 && tokens[k - 1].word == "ke" && numbered(k - 2))) {
            forms::match_part_number(&mut new, lx, index);
            // "kuartal 1": the first part's numeral, "I", is a function word the index never
            // holds, so no passage can show it; whether the report names that part is weighed
            // by the period feature (decide/period.rs, reading the report's own text), not
            // demanded of a passage as a name.
            if forms::roman_unindexed(&new.word, lx) {
                new.salient = false;
                new.rare = false;
            }
        }
        compound::match_written_apart(&mut new, index);
        // A figure's thousands are written as digits or as a word ("Rp45.000", which the
        // tokenizer splits into "45" and "000", or "Rp45 ribu").
        if k > 0 && text::has_digit(&tokens[k - 1].word) {
            forms::match_thousands(&mut new, lx, index);
        }
        // Two words the articles write glued ("kacamata") each match the glued form as well.
        let pairs = [k.checked_sub(1), Some(k)];
        for (g, _) in pairs
            .into_iter()
            .flatten()
            .filter_map(|j| glued.get(j)?.as_ref())
        {
            forms::match_also(&mut new, g, index);
        }
        new.context = placing;
        new.placing = placing || leads;
        // Only the word right after the question word, and a noun: a name there says about
        // whom, and a verb ("dimiliki") is worded by the reader as often as by the article.
        let asked_right_before = std::mem::take(&mut asked_next);
        // The phrase is the words right after a question word that opens the question ("berapa
        // harga …"); after one met later ("… naik brp sih jelang puasa") they are the reader's
        // afterthought.
        let opens_phrase = asked_right_before
            && k > 0
            && lx.answer_type(&tokens[k - 1].word).is_some()
            && tokens[..k - 1].iter().all(|t| lx.is_function(&t.word));
        if asked_right_before && head::may_head(&new, lx) {
            new.head = true;
        }
        // The phrase runs on while the words follow one another, three at most ("harga telur
        // bebek", "kuota haji khusus"): further on a reader's words say more than what is asked.
        new.phrase = !english
            && (opens_phrase
                || previous.is_some_and(|p| {
                    terms[p].phrase && terms.iter().filter(|t| t.phrase).count() < PHRASE_WORDS
                }));
        if asks.is_none() {
            last_term_at = Some(k);
        }
        // A question word kept as a term ("jam berapa") says what is asked, not what about.
        if asks.is_some() {
            new.salient = false;
            new.rare = false;
        }
        if let Some(prev) = previous {
            let is_head =
                |term: &Term| lx.is_measure_head(&term.word) || lx.is_measure_head(&term.stem);
            // English names the measured thing before the head or after "of" ("rice price",
            // "price of rice"): a word right after the head is a compound of it ("price cap",
            // "rate hike"), what kind of figure, not what it is of.
            let compound = english && k > 0 && tokens[k - 1].word == terms[prev].word;
            if is_head(&terms[prev])
                && !is_head(&new)
                && !new.generic
                && !lx.is_gradable(&new.word)
                && !compound
            {
                new.salient = true;
            } else if english && is_head(&new) && !is_head(&terms[prev]) && !terms[prev].generic {
                // English puts the measured thing first: "ticket price".
                terms[prev].salient = true;
            }
        }
        if limit.get(k).copied().unwrap_or(false) || rounded.get(k).copied().unwrap_or(false) {
            new.salient = false;
            new.rare = false;
        }
        if !english && quoted.get(k).copied().unwrap_or(false) {
            quoting.push(terms.len());
        }
        terms.push(new);
        previous = Some(terms.len() - 1);
    }
    senses::add_short_forms(&mut terms, index);
    senses::add_shortened_pairs(&mut terms, index);
    if english {
        head::which_head(&mut terms, &tokens, lx);
    } else {
        blend::add_region_blends(&mut terms, index, lx);
    }
    // A figure quoted in a question asking who, where or which ("Siapa … yang naik 1,23
    // persen?") can only tell which report: the answer is a name, usually in another paragraph.
    // One asking for a figure may qualify what is asked ("harga emas 0,5 gram"), so it stays.
    if !matches!(answer_type, AnswerType::Number | AnswerType::Date) {
        for &i in &quoting {
            terms[i].context = true;
            terms[i].placing = true;
        }
    }
    // Chat puts the question word last ("harga sewa brp?"): what is asked is then the first
    // noun, as it is the one right after a question word that opens the question.
    if !english
        && !terms.iter().any(|t| t.head)
        && asked_at.is_some_and(|a| last_term_at.is_none_or(|l| a > l))
        && let Some(first) = terms.iter_mut().find(|t| !t.context)
        && head::may_head(first, lx)
    {
        first.head = true;
    }
    answer_type = answer_kind::refined(answer_type, &tokens, english, lx);
    // "Apa yang menyebabkan …" asks why, whatever yes/no marker the question also holds.
    if matches!(answer_type, AnswerType::Any | AnswerType::YesNo)
        && !english
        && answer_kind::asks_cause(&segments, lx)
    {
        answer_type = AnswerType::Reason;
    }
    framing::add_framing_words(&mut terms, answer_type, index);
    // Only a question with a comparison phrase can hold one; most hold none.
    let conditions = if limit.contains(&true) {
        super::condition::of_question(raw, &terms, lx)
    } else {
        Vec::new()
    };
    Query {
        words,
        placed,
        placing_words,
        lead_names_report,
        terms,
        answer_type,
        lang,
        conditions,
    }
}

/// How many words after the question word [`Term::phrase`] takes in.
const PHRASE_WORDS: usize = 4;

#[cfg(test)]
mod english_tests;
#[cfg(test)]
mod number_tests;
#[cfg(test)]
mod tests;
