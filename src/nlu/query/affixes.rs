//! Indonesian affixes: the roots left after stripping them, a root's other prefixed forms, and
//! whether a word is one of the dictionary's under them.

/// Roots left after taking off common Indonesian prefixes and suffixes, longest first — tried
/// against the index when Snowball's stem is not in it.
pub(crate) fn strip_affixes(word: &str, lx: &crate::nlu::lexicon::Lexicon) -> Vec<String> {
    roots(word, lx, true)
}

/// The roots [`strip_affixes`] finds that may stand for the word in matching: without those of
/// four letters rebuilt from three and a letter a nasal prefix replaced ("penemu" → "temu").
/// Such a root tells that the word is one of the dictionary (not a name the article must hold),
/// but it is too short to take the word's place: the agent noun would match every report
/// writing the root's verbs ("ditemukan"), and an off-topic question ("siapa penemu …") found
/// a report to quote.
pub(crate) fn matching_roots(word: &str, lx: &crate::nlu::lexicon::Lexicon) -> Vec<String> {
    roots(word, lx, false)
}

fn roots(word: &str, lx: &crate::nlu::lexicon::Lexicon, short: bool) -> Vec<String> {
    let mut out = Vec::new();
    splits(word, lx, |root, letter| {
        let long = root.chars().count() >= 4;
        if long {
            out.push(root.to_string());
        }
        // meny-/men-/mem-/meng- replace the root's first letter (s, t, p, k), and "ter-"
        // merges with an r: the root is the letter and the rest, so a root of four letters
        // counts with it ("menari" holds "tari", "teraba" holds "raba").
        if long || (short && root.chars().count() == 3) {
            out.extend(letter.map(|l| format!("{l}{root}")));
        }
        false
    });
    out.sort_by_key(|r| std::cmp::Reverse(r.len()));
    out
}

/// Each way the lexicon's affixes split the word (a prefix, a suffix or both taken off): the
/// root left and the letter the prefix may have replaced, until `f` says to stop. Whether it
/// stopped.
fn splits(
    word: &str,
    lx: &crate::nlu::lexicon::Lexicon,
    mut f: impl FnMut(&str, Option<char>) -> bool,
) -> bool {
    let (prefixes, suffixes) = lx.affixes();
    let bare = prefixes.iter().map(|(p, l)| (p.as_str(), *l));
    // An affix's outer letter is compared first: most affixes differ from the word there, and a
    // comparison of the whole affix is a call (this runs for every question word the dictionary
    // lacks, and twice over for each root it leaves).
    let (first, last) = (word.as_bytes().first(), word.as_bytes().last());
    for (p, letter) in bare.chain(std::iter::once(("", None))) {
        if p.as_bytes().first().is_some_and(|b| first != Some(b)) {
            continue;
        }
        let Some(rest) = word.strip_prefix(p) else {
            continue;
        };
        for s in suffixes
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(""))
        {
            if p.is_empty() && s.is_empty() {
                continue;
            }
            // (The word's last letter is the rest's, whatever prefix was taken, unless the
            // prefix took the whole word: then only the empty suffix can match.)
            if s.as_bytes()
                .last()
                .is_some_and(|b| rest.is_empty() || last != Some(b))
            {
                continue;
            }
            if let Some(root) = rest.strip_suffix(s)
                && f(root, letter)
            {
                return true;
            }
        }
    }
    false
}

/// Whether `f` holds for any root [`strip_affixes`] finds, without collecting them (a check of
/// every root, so their order does not matter).
pub(crate) fn any_stripped(
    word: &str,
    lx: &crate::nlu::lexicon::Lexicon,
    mut f: impl FnMut(&str) -> bool,
) -> bool {
    let mut lettered = String::new();
    splits(word, lx, |root, letter| {
        // As `roots` gives them, short ones included.
        let letters = root.chars().count();
        if letters >= 4 && f(root) {
            return true;
        }
        letters >= 3
            && letter.is_some_and(|l| {
                lettered.clear();
                lettered.push(l);
                lettered.push_str(root);
                f(&lettered)
            })
    })
}

/// The question word's possible roots with each prefix the lexicon lists ("merendam" → "rendam" →
/// "terendam", "direndam"): a prefix that replaced or merged with the root's first letter drops it.
pub(super) fn reaffixed(word: &str, lx: &crate::nlu::lexicon::Lexicon) -> Vec<String> {
    let (prefixes, _) = lx.affixes();
    let mut out = Vec::new();
    // An agent noun ("pendiri") is another word than the root's verbs ("terdiri"): it is not
    // re-affixed, nor is any form turned into one.
    if lx.is_agent_noun(word) {
        return out;
    }
    for root in strip_affixes(word, lx) {
        for (p, letter) in prefixes {
            let form = match letter {
                Some(l) => match root.strip_prefix(*l) {
                    Some(rest) => format!("{p}{rest}"),
                    None => continue,
                },
                None => format!("{p}{root}"),
            };
            if form != word && !lx.is_agent_noun(&form) {
                out.push(form);
            }
        }
    }
    out
}

/// A word of the word lists, or one with affixes around a root of them: Snowball may leave an
/// affix on ("diperbaiki" → "perbaiki"), so the dictionary's root counts after a second layer of
/// affixes too ("di-per-baik-i"). Such a word is never "corrected" into another.
pub(super) fn is_dictionary_form(word: &str, lx: &crate::nlu::lexicon::Lexicon) -> bool {
    lx.is_real_word(word)
        || any_stripped(word, lx, |r| {
            lx.is_real_word(r) || any_stripped(r, lx, |r| lx.is_real_word(r))
        })
        || short_root_prefixed(word, lx)
}

/// A prefix on a root of three letters it leaves whole ("diisi": "isi"): a word of the dictionary,
/// though too short a root for `strip_affixes` to offer it for matching.
fn short_root_prefixed(word: &str, lx: &crate::nlu::lexicon::Lexicon) -> bool {
    let (prefixes, _) = lx.affixes();
    prefixes.iter().any(|(p, letter)| {
        letter.is_none()
            && word
                .strip_prefix(p.as_str())
                .is_some_and(|root| root.chars().count() == 3 && lx.is_real_word(root))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::testing::lexicon;

    #[test]
    fn affixes_snowball_leaves_are_stripped_against_the_index() {
        let lx = lexicon();
        assert!(strip_affixes("menaikkan", &lx).contains(&"naik".to_string()));
        assert!(strip_affixes("penyimpanan", &lx).contains(&"simpan".to_string()));
        // The replaced letter counts towards the root's length.
        assert!(strip_affixes("menari", &lx).contains(&"tari".to_string()));
        assert!(!strip_affixes("menari", &lx).contains(&"ari".to_string()));
        // ...but such a short root does not take the word's place in matching.
        assert!(!matching_roots("menari", &lx).contains(&"tari".to_string()));
        assert!(matching_roots("menaikkan", &lx).contains(&"naik".to_string()));
    }
}
