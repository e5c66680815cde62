//! The senses an English word gains from the archive itself (its later senses, loans, region and
//! wordnet lemmas the articles write), and the abbreviations the articles define for a long form
//! the question names.

use super::Term;
use crate::nlu::index::{Index, TermId};
use crate::nlu::lexicon::Lexicon;

/// An English question word's senses past the bridge's first ones (`translations`): the later
/// senses and loan spellings the articles write, a capitalised compass word's region word, and
/// the wordnet lemmas the articles write; the last apart, as they weigh as synonyms beside a
/// bridge word the articles use.
pub(super) fn english_senses(
    word: &str,
    capitalised: bool,
    mut translations: Vec<String>,
    index: &Index,
) -> (Vec<String>, Vec<String>) {
    let lx = &*index.lx;
    let in_index =
        |w: &str| index.term(w).is_some() || lx.with_stem(w, |s| index.term(s)).is_some();
    // A dictionary lists a word's senses most common first in general use, not in news: a later
    // sense ("layanan" for "service") counts where the archive writes it, so the senses chosen
    // are the ones these articles use.
    translations.extend(
        lx.english_later_of(word)
            .into_iter()
            .filter(|c| in_index(c)),
    );
    // An English word the bridge cannot carry into the articles may be one Indonesian borrowed:
    // its loan spellings the articles use ("evacuation" → "evakuasi").
    // It may be one even where the bridge has a sense the articles write: a dictionary's senses
    // are general, the loan is often the news word ("toll" is "korban" in a death toll, "tol" on
    // a toll road). Never a name the articles capitalise ("city" is no "Siti"), nor a translation
    // already found.
    let carried = translations.iter().any(|t| in_index(t));
    let loans: Vec<String> = lx
        .english_loans(word)
        .into_iter()
        .filter(|c| {
            index.term(c).is_some() && !translations.contains(c) && (!carried || !index.is_name(c))
        })
        .collect();
    translations.extend(loans);
    // A compass word the reader capitalised names a region ("Central Lumbung" = "Lumbung Tengah"):
    // the word the articles write after the place's name, which a general dictionary's senses
    // of the adjective ("pusat", "sentral") miss.
    if capitalised && let Some(compass) = lx.english_compass(word) {
        for c in compass {
            if !translations.contains(c) {
                translations.push(c.clone());
            }
        }
    }
    // A name the reader capitalised or the articles write as one is no common noun of the
    // wordnet ("Bandung" is no "kota").
    let wordnet = if !capitalised && !index.is_name(word) {
        wordnet_words(word, &translations, index)
    } else {
        Vec::new()
    };
    (translations, wordnet)
}

/// The Indonesian lemmas of an English word's most frequent wordnet sense that the articles write
/// and the bridge's `translations` lack. A wordnet lemma the articles write is a sense this
/// archive uses, whether the bridge lists it late or lacks it ("household" → "rumah tangga",
/// "peak" → "puncak"); a lemma of several words is a phrase, written where the articles write
/// its words side by side.
fn wordnet_words(word: &str, translations: &[String], index: &Index) -> Vec<String> {
    let lx = &*index.lx;
    let in_index =
        |w: &str| index.term(w).is_some() || lx.with_stem(w, |s| index.term(s)).is_some();
    let mut out: Vec<String> = Vec::new();
    for lemma in lx.english_wordnet_of(word) {
        if in_index(lemma) && !translations.contains(lemma) && !out.contains(lemma) {
            out.push(lemma.clone());
        }
    }
    out
}

/// A question that names most of a long form an article defines ("flu sukamaju raya (FSR)",
/// "upah minimum kota (UMK)": two thirds of its words, two at least) also asks about its
/// abbreviation, which the report's later paragraphs write alone: the term holding the long
/// form's rarest word matches the short form too. A single word shared with a long form ("price"
/// in "Harga Beras Medium (HBM)") names nothing.
pub(super) fn add_short_forms(terms: &mut [Term], index: &Index) {
    let lx = &*index.lx;
    let ids = |w: &str| -> Vec<TermId> {
        [index.term(w), lx.with_stem(w, |s| index.term(s))]
            .into_iter()
            .flatten()
            .collect()
    };
    // A term translating into a phrase ("minimum wage": "upah minimum") holds its words.
    let holder = |terms: &[Term], w: &str| {
        let want = ids(w);
        terms.iter().position(|t| {
            t.matches.iter().any(|(id, _)| want.contains(id))
                || t.forms
                    .iter()
                    .any(|f| Lexicon::is_phrase(f) && f.split(' ').any(|p| p == w))
        })
    };
    let mut adds: Vec<(usize, TermId, String)> = Vec::new();
    // Only a definition whose long form holds one of the question's words can have two.
    let phrase_words: Vec<TermId> = terms
        .iter()
        .flat_map(|t| &t.forms)
        .filter(|f| Lexicon::is_phrase(f))
        .flat_map(|f| f.split(' ').flat_map(ids))
        .collect();
    let named = index.definitions_naming(
        terms
            .iter()
            .flat_map(|t| t.matches.iter().map(|m| m.0))
            .chain(phrase_words),
    );
    for (short, long) in named {
        let Some(short_id) = index.term(short) else {
            continue;
        };
        // (Written in a clause placing the question, the short form only places it: the long
        // form outside the clause still asks about it.)
        if terms
            .iter()
            .any(|t| !t.context && t.matches.iter().any(|(id, _)| *id == short_id))
        {
            continue;
        }
        let content: Vec<&String> = long.iter().filter(|w| !lx.is_function(w)).collect();
        // The long form's words the question holds, with how many articles hold each.
        let held: Vec<(usize, u32)> = content
            .iter()
            .filter_map(|w| {
                let at = holder(terms, w)?;
                let df = index.term(w).map_or(u32::MAX, |id| index.doc_freq(id));
                Some((at, df))
            })
            .collect();
        if held.len() < 2 || held.len() * 3 < content.len() * 2 {
            continue;
        }
        if let Some(&(at, _)) = held.iter().min_by_key(|&&(_, df)| df) {
            adds.push((at, short_id, short.to_string()));
        }
    }
    for (at, id, short) in adds {
        terms[at].matches.push((id, 1.0));
        terms[at].forms.push(short);
    }
}

/// Two names side by side whose long form the slang lists shorten ("Jawa Barat", "West Java":
/// "Jabar") are held by a report writing only the short form: both terms match it. Reports
/// shorten provinces and agencies as often as they spell them out. Only a pair holding a name
/// (a salient word), and only a short form the articles write.
pub(super) fn add_shortened_pairs(terms: &mut [Term], index: &Index) {
    let lx = &*index.lx;
    let mut adds: Vec<(usize, TermId, String)> = Vec::new();
    for i in 1..terms.len() {
        let (a, b) = (&terms[i - 1], &terms[i]);
        if !a.salient && !b.salient {
            continue;
        }
        // Either order: Indonesian writes the place first ("jawa barat"), English the compass
        // word ("West Java"). One look-up per spelling, none per pair of spellings.
        for (first, second) in [(a, b), (b, a)] {
            // A term's forms begin with its word.
            for spelling in &first.forms {
                for (_, short) in lx
                    .shortened
                    .get(spelling.as_str())
                    .into_iter()
                    .flatten()
                    .filter(|(s, _)| second.forms.contains(s))
                {
                    let Some(id) = index.term(short) else {
                        continue;
                    };
                    if !adds.iter().any(|(_, added, _)| *added == id) {
                        adds.push((i - 1, id, short.clone()));
                        adds.push((i, id, short.clone()));
                    }
                }
            }
        }
    }
    for (at, id, short) in adds {
        if !terms[at].matches.iter().any(|(m, _)| *m == id) {
            terms[at].matches.push((id, 1.0));
            terms[at].forms.push(short);
        }
    }
}
