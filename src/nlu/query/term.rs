//! One content word of the question: slang, the English bridge, colloquial forms, affixes and typo
//! correction give its word, stem and the index terms it matches.

use crate::nlu::index::{Index, TermId};
use crate::nlu::lexicon::{Lexicon, MeasureRole};
use crate::nlu::text::{self, Token};

use super::Term;
use super::affixes::{is_dictionary_form, matching_roots, reaffixed};
use super::senses::english_senses;

/// How much a passage holding a synonym of the question's word holds the word itself.
pub(super) const SYNONYM_FACTOR: f32 = 0.8;
/// A pivot translation's weight: a guess through two dictionaries, below a synonym's, so that a
/// paragraph with it does not outrank one that holds the question's surer words.
const PIVOT_FACTOR: f32 = 0.25;

pub(super) fn term(token: &Token, written: Option<&str>, english: bool, index: &Index) -> Term {
    let lx = &*index.lx;
    let stem = |w: &str| lx.stem(w);
    let mut word = token.word.clone();
    // A word the articles write as a name (capitalised mid-sentence nearly every time) is that
    // name however the reader typed it: a lowercase "sukalaras" is no dictionary word its affixes
    // resemble, nor a typo, but what the question is about. A headword of the dictionary keeps
    // its ordinary sense (a title before a name, a place named by a common word), so does an
    // English word the bridge translates (chat mixes them in: "rate" in a reader's "xyz rate" is
    // the word as often as part of a name; a bridge entry that only repeats it names it), and a day or
    // month is a date.
    // The reader's own spelling counts too: an abbreviation the slang list spells out may be
    // the name the articles write.
    // (The word lists' three questions are one look-up, asked before the bridge's.)
    let is_name = |w: &str| {
        index.is_name(w)
            && ({
                let f = lx.facts(w);
                !f.is_real_word() && !f.is_calendar_word() && !f.is_month()
            })
            && lx.english_of(w).is_none_or(|t| t.iter().all(|t| t == w))
    };
    let name = !english && !token.capitalised && (is_name(&word) || written.is_some_and(is_name));
    // The slang map may turn a name the articles write into a word they never use (a place spelt
    // as chat spells the common word it resembles), or into one ordinary word (a place named by
    // a regional word for a direction): the reader's spelling, the name, is the word then, never
    // "corrected" into some other word of the index. A name spelt out as several words stays
    // spelt out ("pemprov": both forms match).
    // The ordinary word the slang map gave, where the articles write it too, still matches: chat's
    // spelling of a common word ("ijo" for "hijau") may also be part of a name somewhere, and
    // the reader may mean the word.
    let mut deslanged: Option<String> = None;
    if name
        && !is_name(&word)
        && let Some(w) = written.filter(|w| is_name(w))
        && (index.term(&word).is_none() || lx.deslang(w).len() == 1)
    {
        let formal = std::mem::replace(&mut word, w.to_string());
        deslanged = index.term(&formal).is_some().then_some(formal);
    }
    // A month's abbreviation ("okt", "agst") is the month the articles spell out in full: read
    // as the full name it matches them like a formal question's month does.
    // An English question's abbreviation ("oct") is no bridge headword as the full name is.
    // A capitalised word the articles write as a name ("Jun" before a surname) is that name,
    // not the month it abbreviates.
    let named_person = token.capitalised && index.is_name(&word);
    if (!english || lx.english_of(&word).is_none())
        && !named_person
        && let Some(n) = lx.month(&word)
    {
        word = lx.month_name(n, crate::nlu::Lang::Id).to_lowercase();
    }
    let in_index =
        |w: &str| index.term(w).is_some() || lx.with_stem(w, |s| index.term(s)).is_some();
    // Whether the word as it now stands is in the index, asked once per spelling: the tests below
    // ask it of the same word up to three times (cleared whenever the word changes).
    let mut indexed: Option<bool> = None;
    let word_indexed =
        |word: &str, indexed: &mut Option<bool>| *indexed.get_or_insert_with(|| in_index(word));
    // A short word with an enclitic ("isinya"): the stemmer leaves roots under four letters
    // whole, so the word would stay unknown and look like a rare name; it is the root.
    if !english
        && !word_indexed(&word, &mut indexed)
        && !lx.is_real_word(&word)
        && let Some(base) = lx.without_enclitic(&word).filter(|b| lx.is_real_word(b))
    {
        word = base.to_string();
        indexed = None;
    }
    // An Indonesian question's word is read as English only when it is no Indonesian word.
    let mut pivot = false;
    // (The bridge is asked only when its answer is used: most Indonesian words are in the index.)
    let bridged = if english || (!word_indexed(&word, &mut indexed) && !lx.is_real_word(&word)) {
        lx.english_of(&word)
    } else {
        None
    };
    let translations: Vec<String> = match bridged {
        Some(ids) => ids.clone(),
        // The pivot dictionary is a weaker guess, for English questions only.
        None if english => {
            let t = lx.english_pivot_of(&word).cloned().unwrap_or_default();
            pivot = !t.is_empty();
            if pivot {
                t
            } else {
                // Last, the word a derivational suffix was added to ("provincial" → "province").
                lx.english_derived_of(&word).cloned().unwrap_or_default()
            }
        }
        None => Vec::new(),
    };
    // A word the articles seldom write and the dictionary lacks may be chat's spelling of a
    // dictionary word they write more widely ("sambel" beside "sambal"): read as that word, rare
    // or not by it, and the reader's spelling matches too. An English word the articles write is
    // a loan the reader took from them ("BI rate", "growth"), not chat's spelling of another
    // word ("rate" is no "rata").
    let mut spelt: Option<String> = None;
    if !english
        && !name
        && !token.capitalised
        && translations.is_empty()
        && !lx.is_english_word(&word)
        && let Some(own) = index.term(&word).filter(|&id| index.is_rare(id))
        && !is_dictionary_form(&word, lx)
        && let Some(formal) = crate::nlu::colloquial::candidates(&word, lx)
            .into_iter()
            .find(|c| {
                lx.is_real_word(c)
                    && index
                        .term(c)
                        .is_some_and(|id| index.doc_freq(id) > index.doc_freq(own))
            })
    {
        spelt = Some(std::mem::replace(&mut word, formal));
        indexed = None;
    }
    // An enclitic the reader wrote onto a word ("naiknya", "kenaikannya") asks nothing of its
    // own: the word is its base, rare or common as the archive writes the base. The clitic form
    // is seldom written, so it would look rare and outweigh the question's subject.
    if spelt.is_none()
        && !english
        && !name
        && !token.capitalised
        && !lx.is_real_word(&word)
        && let Some(base) = lx.without_enclitic(&word)
        && let Some(b) = index.term(base)
        && index
            .term(&word)
            .is_none_or(|own| index.doc_freq(b) > index.doc_freq(own))
    {
        word = base.to_string();
        indexed = None;
    }
    // A month's abbreviation ("sept", "agst") spells a date, read as such: never "corrected".
    if translations.is_empty()
        && !word_indexed(&word, &mut indexed)
        && !text::has_digit(&word)
        && lx.month(&word).is_none()
    {
        let colloquial: Vec<String> = crate::nlu::colloquial::candidates(&word, lx)
            .into_iter()
            .flat_map(|c| {
                lx.deslang(&c)
                    .into_iter()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        // A formal form the articles write, else one whose root they write with other affixes
        // ("dikirimin" → "dikirimkan", whose root "kirim" is in "mengirimkan").
        let formal = colloquial
            .iter()
            .find(|c| index.term(c).is_some())
            .or_else(|| {
                colloquial.iter().find(|c| {
                    let st = stem(c);
                    st != **c && st.chars().count() >= 4 && index.term(&st).is_some()
                })
            })
            .cloned();
        if let Some(formal) = formal {
            // Jakarta colloquial morphology: "disimpen" → "disimpan", "nyimpen" → "menyimpan".
            word = formal;
        } else if let Some(root) = matching_roots(&word, lx)
            .into_iter()
            .find(|r| index.term(r).is_some() || lx.synonyms.contains_key(r))
        {
            // Snowball left an affix on ("menaikkan") or took the root's first letter with the
            // prefix ("meninggalkan" → "inggal"): the bare root the index or a synonym holds.
            word = root;
        } else if let Some(form) = reaffixed(&word, lx).into_iter().find(|f| {
            let st = stem(f);
            index.term(f).is_some() || (st != *f && index.term(&st).is_some())
        }) {
            // The articles use the root with another prefix only ("merendam" → "terendam"), or
            // with another suffix too: "kumpulkan" is the "mengumpulkan" they write, whose stem
            // Snowball took the root's first letter from ("umpul"), as it does "mengumpul"'s.
            word = form;
        } else if english && lx.is_english_word(&word) {
            // A real English word the bridge lacks ("employers", "staple") is no typo of a
            // bridge word ("employee", "stable"): kept, and counted as a gap of the dictionary.
        } else if english
            && !index.knows(&word)
            && lx
                .english_loans(&word)
                .iter()
                .any(|c| index.term(c).is_some())
        {
            // An English word the articles write as Indonesian borrowed it ("jatropha" as "jatrofa")
            // is no typo of another index word: kept, for the loan spellings below.
        } else if !index.knows(&word)
            && !token.capitalised
            && let Some(fixed) = super::typo::correct(&word, english, index)
        {
            // A capitalised word is a name: never "corrected" into another word.
            word = fixed;
        }
    }
    let translations: Vec<String> = if translations.is_empty() {
        // Only an English question's word is bridged here (asked for no other).
        if english {
            lx.english_of(&word).cloned().unwrap_or_default()
        } else {
            Vec::new()
        }
    } else {
        translations
    };
    // An English word mixed into an Indonesian question ("hacker") that the articles seldom use
    // but also say in Indonesian: both forms match, and, translated, it is an ordinary word, not
    // a name salient by its rarity. One the articles use often ("year on year") stays as it is.
    // The word is settled from here on: its index id is looked up once for the tests below.
    let own = index.term(&word);
    let seldom = own.is_none_or(|id| index.is_rare(id));
    let translations: Vec<String> = if !english
        && translations.is_empty()
        && seldom
        && !token.capitalised
        && !name
        && !lx.is_real_word(&word)
    {
        // A borrowing FreeDict lacks ("comeback") may still cross through the pivot dictionary.
        lx.english_of(&word)
            .or_else(|| lx.english_pivot_of(&word))
            .into_iter()
            .flatten()
            .filter(|c| index.term(c).is_some())
            .cloned()
            .collect()
    } else {
        translations
    };
    let (translations, wordnet) = if english {
        english_senses(&word, token.capitalised, translations, index)
    } else {
        (translations, Vec::new())
    };
    let carried = translations.iter().any(|t| in_index(t));
    // Indonesian affixes are no English word's ("people" is no "pe-" + "ople").
    let st = if english { word.clone() } else { stem(&word) };
    let mut matches: Vec<(TermId, f32)> = Vec::new();
    // A form's own id, then its stem's, each once.
    let push_ids = |ids: [Option<TermId>; 2], factor: f32, matches: &mut Vec<(TermId, f32)>| {
        for id in ids.into_iter().flatten() {
            if !matches.iter().any(|(m, _)| *m == id) {
                matches.push((id, factor));
            }
        }
    };
    // A phrase ("ibu kota") is held where its words stand side by side (the index's phrase
    // term) or are written as one ("ibukota"), not by its words apart ("kota" alone is no
    // capital); but a word of it that few articles write names the thing alone ("maskapai" of
    // "maskapai penerbangan").
    let push = |w: &str, factor: f32, matches: &mut Vec<(TermId, f32)>| {
        if Lexicon::is_phrase(w) {
            push_ids(
                [index.term(w), index.term(&w.replace(' ', ""))],
                factor,
                matches,
            );
            for part in w.split(' ') {
                let rare = index.term(part).filter(|&id| index.is_rare(id));
                push_ids([rare, None], factor, matches);
            }
        } else {
            push_ids(
                [index.term(w), lx.with_stem(w, |s| index.term(s))],
                factor,
                matches,
            );
        }
    };
    let mut forms = vec![word.clone()];
    // The word's own id is known, and an Indonesian word's stem is `st` (no second stemming).
    let own_stem = if english {
        lx.with_stem(&word, |s| index.term(s))
    } else {
        index.term(&st)
    };
    push_ids([own, own_stem], 1.0, &mut matches);
    if let Some(formal) = deslanged {
        push(&formal, 1.0, &mut matches);
        forms.push(formal);
    }
    // An English word an Indonesian report borrows whole keeps its English plural ("bonds",
    // "vouchers"): the reader's singular is that word, in an English question or mixed into an
    // Indonesian one ("berapa voucher"), where the articles never write it bare. One index lookup
    // per English term.
    // (The slang lists' formal sides may hold it too: "real word" tells no language here.)
    let borrowed = || own.is_none() && lx.is_english_word(&word);
    if (english || borrowed()) && !word.ends_with('s') {
        let plural = format!("{word}s");
        if index.term(&plural).is_some() {
            push(&plural, 1.0, &mut matches);
            forms.push(plural);
        }
    }
    // A small number the reader types as a digit the report spells out ("2 kali": "dua kali").
    // One way only: a word the question spells is no digit of the reports.
    if let Some(spelt) = lx.digit_word(&word) {
        push(spelt, 1.0, &mut matches);
    }
    // Rarity is the word's own (a translation or a synonym is a guess), and an English word
    // counts only when it crosses untranslated (a name the bridge does not know). Month names are dates:
    // salient as such, not by rarity.
    // A word of the dictionary is an ordinary word however few articles use it ("penjahit",
    // "bersandar" are rare in a small archive, not names): only a word the dictionary lacks (a
    // place, an abbreviation) is salient by rarity; a name the reader capitalised still is.
    // The word is settled: what the word lists say of it (and of its stem, asked only of a word
    // that is no name) is looked up once for the tests below.
    let facts = lx.facts(&word);
    let stem_facts = (!name).then(|| if st == word { facts } else { lx.facts(&st) });
    let corpus_rare = translations.is_empty()
        && wordnet.is_empty()
        && !facts.is_calendar_word()
        && matches.iter().any(|&(id, _)| index.is_rare(id));
    // A unit of measure ("hektar", "mdpl") says what kind of figure, never which report.
    // The stem's one look-up first: most question words' stems are dictionary words, and the
    // affix stripping of `is_dictionary_form` is the dearest of the three.
    let ordinary = !name
        && (stem_facts.is_some_and(|f| f.is_real_word())
            || is_dictionary_form(&word, lx)
            || lx.measure(&word, MeasureRole::Unit).is_some());
    let rare = corpus_rare && !ordinary;
    // The reader's own spelling matches too (after rarity: the expansion says what it is).
    if let Some(w) = written {
        push(w, 1.0, &mut matches);
    }
    if let Some(w) = &spelt {
        push(w, 1.0, &mut matches);
    }
    let factor = if pivot { PIVOT_FACTOR } else { 1.0 };
    for tr in &translations {
        push(tr, factor, &mut matches);
        forms.push(tr.clone());
    }
    // A wordnet lemma beside a bridge word the articles write weighs as a synonym does; for a
    // word the bridge cannot carry, it is the translation.
    let wordnet_factor = if carried { SYNONYM_FACTOR } else { 1.0 };
    for w in &wordnet {
        push(w, wordnet_factor, &mut matches);
        forms.push(w.clone());
    }
    let translated: Vec<String> = translations.iter().map(|t| stem(t)).collect();
    let roots = [&st, &word].into_iter().chain(&translated);
    for root in roots {
        if let Some(syns) = lx.synonyms.get(root) {
            for s in syns {
                push(s, SYNONYM_FACTOR, &mut matches);
            }
        }
    }
    // The home country is left unsaid by as many reports as name it (`Lexicon::is_home_word`):
    // no report need hold it, and it says little of which one is meant. Inside a name ("Bank
    // Indonesia") the other words carry the name.
    let home = facts.is_home_word();
    let generic = home
        || facts.is_generic()
        || stem_facts.is_some_and(|f| f.is_generic())
        || (!translations.is_empty() && translations.iter().all(|t| lx.is_generic(t)));
    // Once the slang lists, colloquial forms, affixes, shorthand and typo correction all failed
    // on a lowercase word spelt like a word (vowels enough: "sukalaras", not "skrgg"), it is most
    // likely a name the reader did not capitalise (an agency, a company the articles lack).
    let vowels = word
        .chars()
        .filter(|&c| crate::nlu::text::is_vowel(c))
        .count();
    let unknown_name = !english
        && matches.is_empty()
        && !ordinary
        && word.chars().count() >= 5
        && word.chars().all(|c| c.is_ascii_lowercase())
        && vowels * 2 >= word.chars().count() - vowels
        // A colloquial verb of a dictionary root ("ngerugiin": nge-, rugi, -in) is an ordinary
        // word the articles happen not to use, however its affixes defeat the other lookups.
        && !crate::nlu::colloquial::candidates(&word, lx)
            .iter()
            .any(|c| is_dictionary_form(c, lx));
    let salient =
        !home && (token.capitalised || name || text::has_digit(&word) || rare || unknown_name);
    let untranslated = english && translations.is_empty() && matches.is_empty() && !salient;
    // Still evidence of what the question is about, weighed softly (an article lacking it may
    // say it in other words): see `Term::rare`.
    let rare = corpus_rare && ordinary && !salient && !generic;
    // An abbreviation an article defines ("Menteri Perdagangan (Mendag)") is held by an article
    // that writes the rarest word of its long form: another report may write only that
    // ("Menteri Perdagangan Budi"). Held, not scored: a report writing both forms ranks as before.
    // So is a blend of two words the titles put together ("cadber" of "cadangan beras") that few
    // reports write as such (a rare word): the others write the pair.
    let blended = || {
        (!english
            && !token.capitalised
            && !matches.is_empty()
            && corpus_rare
            && !facts.is_real_word())
        .then(|| index.spell_out_pair(&word))
        .flatten()
        .map(|pair| pair.split(' ').map(str::to_string).collect::<Vec<_>>())
    };
    let long_form = (!english)
        .then(|| {
            index
                .long_form(&word)
                .or_else(|| written.and_then(|w| index.long_form(w)))
                .map(<[String]>::to_vec)
        })
        .flatten()
        .or_else(blended)
        .and_then(|long| {
            long.iter()
                .filter(|w| !lx.is_function(w))
                .filter_map(|w| index.term(w))
                .min_by_key(|&id| index.doc_freq(id))
        })
        .into_iter()
        .collect();
    Term {
        word,
        stem: st,
        matches,
        long_form,
        forms,
        salient,
        rare,
        generic,
        untranslated,
        context: false,
        placing: false,
        head: false,
        phrase: false,
    }
}

/// Whether `full` holds every letter of `short` in the same order.
pub(super) fn holds_in_order(full: &str, short: &str) -> bool {
    let mut rest = full.chars();
    short.chars().all(|c| rest.any(|f| f == c))
}

#[cfg(test)]
#[path = "term_tests.rs"]
mod tests;
