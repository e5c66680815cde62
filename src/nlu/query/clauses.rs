//! How a question's words group: a clause that places the question, and English phrases the
//! bridge reads as one token.

use crate::nlu::text::{self, Token};

/// The question's segments between commas, tokenised (their tokens together are `tokens`, the
/// whole question's). A comma between digits is a decimal comma ("4,72"), not a segment's end;
/// a question without such a comma is one segment, read from `tokens` rather than tokenised
/// again.
pub(super) fn comma_segments(raw: &str, tokens: &[Token]) -> Vec<Vec<Token>> {
    // Most questions hold no comma: one segment, the tokens as they are.
    if !raw.contains(',') {
        return vec![tokens.to_vec()];
    }
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
    if segments.len() == 1 {
        return vec![tokens.to_vec()];
    }
    segments.iter().map(|s| text::tokenize(s)).collect()
}

/// Per token of `raw` (as [`text::tokenize`] splits it): whether it is in a clause that places the
/// question. Two shapes: one opened by a context word ("saat", "ketika", after the slang map) in
/// its first two words and ended by a comma before the rest of the question; and one that follows
/// what is asked ("Berapa harga kopi menurut Dinas saat panen gagal?"), from a later context word
/// to the next comma or the question's end. `segments` are the question's
/// ([`comma_segments`]).
pub(super) fn context_clause(
    segments: &[Vec<Token>],
    lx: &crate::nlu::lexicon::Lexicon,
) -> Vec<bool> {
    let last = segments.len() - 1;
    let mut out = Vec::new();
    let mut asked_before = false;
    for (i, words) in segments.iter().enumerate() {
        let opens = i < last && words.iter().take(2).any(|t| opens_clause(t, lx));
        // "Dalam rapat …, berapa …?": a setting opening the question, asking nothing itself.
        let setting = i == 0
            && i < last
            && words
                .first()
                .is_some_and(|t| lx.is_setting_word(formal(t, lx)))
            && !words.iter().any(|t| asks(formal(t, lx), lx));
        let opens = opens || setting;
        if opens {
            out.extend(std::iter::repeat_n(true, words.len()));
        } else {
            let (from, end) = trailing_clause(words, asked_before, lx).unwrap_or((0, 0));
            out.extend((0..words.len()).map(|k| (from..end).contains(&k)));
        }
        asked_before |= words.iter().any(|t| asks(formal(t, lx), lx));
    }
    out
}

/// Per token of `raw` (as [`text::tokenize`] splits it): whether it is in a leading segment that
/// asks nothing, before a comma and a segment that asks ("Banjir yang merendam pasar lama, berapa
/// desa …?", "Pertandingan di stadion baru, siapa …?"). Such a segment names which event — a
/// detail, a place, an edition — so it is evidence for the report holding it; unlike a context
/// clause it may hold the answer's own words ("… yang membuat 4.500 warga mengungsi, desa apa?"),
/// so the paragraph is still chosen by the whole question. A segment asking for the newest
/// report ("Menurut laporan terbaru, …") names it by its date, not by a detail: its other words
/// say what kind of report, which every report on the topic is, so it places nothing.
pub(super) fn leading_segment(
    segments: &[Vec<Token>],
    lx: &crate::nlu::lexicon::Lexicon,
) -> Vec<bool> {
    let asking = |words: &[Token]| words.iter().any(|t| asks(formal(t, lx), lx));
    let latest = |words: &[Token]| {
        words
            .iter()
            .any(|t| lx.relative_date(formal(t, lx)) == Some(crate::nlu::dates::Relative::Latest))
    };
    let leads = segments.len() > 1
        && !asking(&segments[0])
        && !latest(&segments[0])
        && segments[1..].iter().any(|s| asking(s));
    let mut out = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        out.extend(std::iter::repeat_n(leads && i == 0, segment.len()));
    }
    out
}

/// Whether a leading segment ([`leading_segment`], `leading` per token) only says which report:
/// its paragraph is then not the answer's. Not when it names whom the question quotes ("Menurut
/// X, …?": the source speaks in the answering paragraph), nor when it describes the very thing
/// asked ("… mengungsi di satu desa, desa apa itu?": the noun beside the asking word is in it).
pub(super) fn lead_names_report(
    segments: &[Vec<Token>],
    leading: &[bool],
    lx: &crate::nlu::lexicon::Lexicon,
) -> bool {
    if leading.first() != Some(&true) || segments.len() < 2 {
        return false;
    }
    let lead: Vec<String> = segments[0]
        .iter()
        .map(|t| formal(t, lx).to_string())
        .collect();
    // An English question's "According to X" says it with the bridge's word for "menurut".
    let speech = |w: &str| lx.is_cue(w, crate::nlu::lexicon::Cue::Speech);
    let bridged = |w: &str| {
        lx.english_of(w)
            .is_some_and(|t| t.iter().any(|t| speech(t)))
    };
    let opening_phrase = match lead.as_slice() {
        [first, second, ..] => lx.english_phrase(first, second),
        _ => None,
    };
    if lead.first().is_some_and(|w| speech(w) || bridged(w))
        || opening_phrase.is_some_and(|p| bridged(&p))
    {
        return false;
    }
    let lead_stems: Vec<String> = lead.iter().map(|l| lx.stem(l)).collect();
    let in_lead = |w: &str| lead.iter().any(|l| *l == w) || lead_stems.contains(&lx.stem(w));
    let describes_asked = segments[1..].iter().any(|segment| {
        let words: Vec<String> = segment.iter().map(|t| formal(t, lx).to_string()).collect();
        words.iter().enumerate().any(|(i, w)| {
            asks(w, lx) && {
                let beside = [i.checked_sub(1), Some(i + 1)];
                beside
                    .into_iter()
                    .flatten()
                    .filter_map(|k| words.get(k))
                    .any(|n| !lx.is_function(n) && !asks(n, lx) && in_lead(n))
            }
        })
    });
    !describes_asked
}

/// Per token of `raw` (as [`text::tokenize`] splits it): whether it is in a segment that asks
/// nothing, before a comma and a later segment that asks ("Gempa yang puncaknya menjelang tahun
/// baru, berapa …?", "Saat inflasi tertinggi ada di Bandung, berapa …?"). Such a segment says
/// which event before the question is put, so an extreme it names is a fact identifying the report,
/// not one asked for. A clause after the asked part ("Berapa inflasi saat BPS menyebutnya
/// tertinggi?") is not one: it may describe the very figure asked.
pub(super) fn before_asking(
    segments: &[Vec<Token>],
    lx: &crate::nlu::lexicon::Lexicon,
) -> Vec<bool> {
    let asking: Vec<bool> = segments
        .iter()
        .map(|words| words.iter().any(|t| asks(formal(t, lx), lx)))
        .collect();
    let mut out = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let names = !asking[i] && asking[i + 1..].contains(&true);
        out.extend(std::iter::repeat_n(names, segment.len()));
    }
    out
}

/// Per token of `raw` (as [`text::tokenize`] splits it): whether it is a digit group of a figure
/// the question quotes with a separator ("… yang naik 1,23 persen", see
/// [`figures`](crate::nlu::figures)). `tokens` are `raw`'s.
pub(super) fn quoted_figures(raw: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    for figure in crate::nlu::figures::of_text(raw) {
        let groups: Vec<&str> = figure.split('_').collect();
        for start in 0..tokens.len().saturating_sub(groups.len() - 1) {
            if groups
                .iter()
                .zip(&tokens[start..])
                .all(|(g, t)| *g == t.word)
            {
                out[start..start + groups.len()].fill(true);
            }
        }
    }
    out
}

/// Words a trailing clause must hold after its context word: fewer is a word of the asked part
/// ("… sejak kapan?", "… waktu itu?"), not a clause placing it.
const TRAILING_CLAUSE_WORDS: usize = 2;

/// The Indonesian relative pronoun: after a noun it opens a clause qualifying it.
pub(super) const RELATIVE: &str = "yang";

/// Where a clause placing the question begins and ends (exclusive) when it follows the asked
/// part: from the first context word after a question word ("berapa", "siapa", "apa"), in this
/// segment or one before it, with no question word after it, to the segment's end ("Siapa
/// pemiliknya ketika harga naik jadi Rp 1.234?"); or, asked last in a reader's order ("CAR bank
/// itu waktu bagi dividen 40 persen berapa?"), from a context word after the first word up to
/// the question word, which stays asking.
fn trailing_clause(
    words: &[Token],
    asked_before: bool,
    lx: &crate::nlu::lexicon::Lexicon,
) -> Option<(usize, usize)> {
    let formal: Vec<&str> = words.iter().map(|t| formal(t, lx)).collect();
    // In the same segment, at least one word between the question word and the clause: what is
    // asked about. A gradable word right after the question word ("berapa lama", "berapa
    // banyak") only shapes the question, so the noun after it is the one asked about: "berapa
    // lama waktu perjalanan" asks for a time, it places nothing.
    // "Status gunung itu waktu awan panasnya meluncur ke hulu sungai apa?": asked last, after the
    // clause, in a reader's order; the clause runs to the question word and the words before the
    // context word are what is asked.
    let asked_last = !asked_before
        && formal.len() > 1
        && formal.iter().position(|w| asks(w, lx)) == Some(formal.len() - 1);
    let end = if asked_last {
        formal.len() - 1
    } else {
        formal.len()
    };
    let start = if asked_before {
        0
    } else if asked_last {
        1
    } else {
        let q = formal.iter().position(|w| asks(w, lx))?;
        let shaped = formal.get(q + 1).is_some_and(|w| lx.is_gradable(w));
        q + if shaped { 3 } else { 2 }
    };
    // A context word a relative clause qualifies is a noun ("berapa lama waktu yang diberikan
    // …": the time given), not a conjunction, which no "yang" ever follows.
    // The question word itself said again asks again ("from when to when"), placing nothing.
    let asking = formal.iter().find(|w| asks(w, lx));
    let from = (start..end).find(|&k| {
        ((opens_clause(&words[k], lx) || lx.is_source_word(formal[k]))
            && formal.get(k + 1).copied() != Some(RELATIVE)
            && Some(&formal[k]) != asking)
            || opens_time_clause(words, k, lx)
    })?;
    let rest = &formal[from + 1..end];
    let content = rest.iter().filter(|w| !lx.is_function(w)).count();
    (content >= TRAILING_CLAUSE_WORDS && !rest.iter().any(|w| asks(w, lx))).then_some((from, end))
}

/// A word as the slang map reads it (its first word). A word capitalised mid-sentence is a name
/// or an acronym ("GT Lumbung", a toll gate), not chat shorthand ("gt" for "begitu").
pub(super) fn formal<'a>(t: &'a Token, lx: &'a crate::nlu::lexicon::Lexicon) -> &'a str {
    if t.capitalised {
        return &t.word;
    }
    lx.first_formal(&t.word).unwrap_or(t.word.as_str())
}

/// Whether a word opens a placing clause: a context word, or chat's shorthand of one ("pas",
/// "wkt"). Two letters are too few to read as one: "gt" is chat's "begitu" mostly as a filler,
/// and a toll gate's "GT" lowercased.
fn opens_clause(t: &Token, lx: &crate::nlu::lexicon::Lexicon) -> bool {
    lx.is_context_word(&t.word) || (t.word.chars().count() > 2 && lx.is_context_word(formal(t, lx)))
}

/// Whether word `k` is a noun of time opening a clause after an article ("… on the day the index
/// fell 2%", "the night Lumbung won"): followed by the clause's subject, not a preposition, a
/// digit or a month ("the day after", "the year 2023").
fn opens_time_clause(words: &[Token], k: usize, lx: &crate::nlu::lexicon::Lexicon) -> bool {
    let subject = |t: &Token| {
        !text::has_digit(&t.word)
            && !lx.is_calendar_word(&t.word)
            && (!lx.is_function(&t.word) || lx.is_article(&t.word))
    };
    k > 0
        && lx.is_article(&words[k - 1].word)
        && lx.is_clause_noun(&words[k].word)
        && words.get(k + 1).is_some_and(subject)
}

/// Whether a word asks: a question word ("berapa", "siapa") or a which-word ("apa").
fn asks(w: &str, lx: &crate::nlu::lexicon::Lexicon) -> bool {
    lx.is_which_word(w) || (lx.answer_type(w).is_some() && lx.is_function(w))
}

/// Two English words the bridge lists as one phrase ("turn into") become one token, so that
/// neither is matched (or left unknown) on its own. With each token, where its first word stood:
/// a per-token flag list (`context`, see [`context_clause`]) is merged by [`merged_flags`].
pub(super) fn merge_english_phrases(
    tokens: Vec<Token>,
    lx: &crate::nlu::lexicon::Lexicon,
) -> (Vec<Token>, Vec<usize>) {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut starts: Vec<usize> = Vec::with_capacity(tokens.len());
    let mut iter = tokens.into_iter().peekable();
    let mut k = 0;
    while let Some(t) = iter.next() {
        starts.push(k);
        k += 1;
        // A capitalised word is a name and passes through ("Mount Lumbung" is no "mount"),
        // unless the bridge lists the whole name ("United States"): that is its translation. A
        // region named by a compass word ("West Lumbung") stays two words, which the region
        // check reads apart.
        if let Some(next) = iter.peek()
            && t.capitalised == next.capitalised
            && !(t.capitalised && lx.english_compass(&t.word).is_some())
            && let Some(phrase) = lx.english_phrase(&t.word, &next.word)
        {
            let capitalised = t.capitalised;
            iter.next();
            k += 1;
            out.push(Token {
                word: phrase,
                capitalised,
            });
            continue;
        }
        out.push(t);
    }
    (out, starts)
}

/// A per-word flag list read over [`merge_english_phrases`]' tokens: each takes its first word's.
pub(super) fn merged_flags(flags: &[bool], starts: &[usize]) -> Vec<bool> {
    starts
        .iter()
        .map(|&k| flags.get(k).copied().unwrap_or(false))
        .collect()
}

#[cfg(test)]
#[path = "clauses_tests.rs"]
mod tests;
