//! Jakarta colloquial verb morphology → the formal forms the articles use, so that readers' verbs
//! match without a slang entry per word. The rules are data (`lexicon/id/colloquial.tsv`: the
//! nasal prefixes nge-/ng-/ny-/m-/n-, the passive ke-, the -in suffix, the e-for-a vowel of the
//! last syllable, a dropped first h); this file applies them. It only proposes candidates; the caller keeps the first
//! one the index knows.

use crate::nlu::lexicon::{ColloquialKind, Lexicon};

/// Formal candidates for a colloquial word, most literal first (the word itself is not included).
pub fn candidates(word: &str, lx: &Lexicon) -> Vec<String> {
    if word.chars().count() < 4 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    // Stage 1: the word as written, its root under each colloquial nasal prefix, and its formal
    // passive ("kebawa" → "terbawa").
    let mut stems: Vec<(String, bool)> = vec![(word.to_string(), false)];
    for root in prefix_roots(word, lx) {
        stems.push((root, true));
    }
    // A dropped first letter ("ancur" → "hancur", "ilang" → "hilang"), then the other rules on
    // it ("ilangin" → "hilangkan"). A word of four letters has too many readings to guess at
    // ("abis" is chat's "after" as often as "habis").
    for (colloquial, formal) in lx.colloquial(ColloquialKind::Initial) {
        if let Some(rest) = word.strip_prefix(colloquial)
            && rest.chars().count() >= 4
        {
            stems.extend(formal.iter().map(|f| (format!("{f}{rest}"), false)));
        }
    }
    for (colloquial, formal) in lx.colloquial(ColloquialKind::Passive) {
        if let Some(root) = word.strip_prefix(colloquial)
            && root.chars().count() >= 3
        {
            for f in formal {
                // "ter-" before a root opening with r drops its own ("te-rendam").
                let f = match f.strip_suffix('r') {
                    Some(bare) if root.starts_with('r') => bare,
                    _ => f.as_str(),
                };
                stems.push((format!("{f}{root}"), false));
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    let push = |w: String, out: &mut Vec<String>| {
        if w != word && w.chars().count() >= 3 && !out.contains(&w) {
            out.push(w);
        }
    };
    for (base, nasal) in &stems {
        // Stage 2: a colloquial suffix ("-in") → its formal ones, on the root with its formal
        // vowel too.
        let mut bodies: Vec<String> = vec![base.clone()];
        for (colloquial, formal) in lx.colloquial(ColloquialKind::Suffix) {
            if let Some(root) = base.strip_suffix(colloquial)
                && root.chars().count() >= 3
            {
                for r in std::iter::once(root.to_string()).chain(formal_vowels(root, lx)) {
                    bodies.extend(formal.iter().map(|f| format!("{r}{f}")));
                }
            }
        }
        for body in bodies {
            // Stage 3: the vowel of the last syllable.
            let vowels = formal_vowels(&body, lx);
            for form in std::iter::once(body.clone()).chain(vowels) {
                if *nasal {
                    // The formal verb ("menyimpan") and its bare root ("simpan").
                    push(formal_prefixed(&form), &mut out);
                }
                push(form, &mut out);
            }
        }
    }
    out
}

/// Roots under a colloquial nasal prefix: ngeliat → liat, ngirim → kirim/irim, nyimpen → simpen,
/// makai → pakai, nulis → tulis.
fn prefix_roots(word: &str, lx: &Lexicon) -> Vec<String> {
    let vowel_next = |rest: &str| rest.starts_with(['a', 'e', 'i', 'o', 'u']);
    let ends_in_consonant = |p: &str| !p.ends_with(['a', 'e', 'i', 'o', 'u']);
    let nasals: Vec<(&str, &[String])> = lx.colloquial(ColloquialKind::Nasal).collect();
    let mut out = Vec::new();
    for &(prefix, letters) in &nasals {
        let Some(rest) = word.strip_prefix(prefix) else {
            continue;
        };
        // A prefix ending in a consonant needs a vowel next ("nulis"); one ending in a vowel
        // ("nge-") comes before a consonant, on a root of three letters at least.
        let fits = if ends_in_consonant(prefix) {
            vowel_next(rest)
        } else {
            rest.chars().count() >= 3
        };
        // "ny-"/"ng-" are one nasal, not "n-" before y or g; a formal verb ("menulis") is no
        // colloquial one.
        let longer = nasals.iter().any(|&(other, _)| {
            other.len() > prefix.len()
                && other.starts_with(prefix)
                && ends_in_consonant(other)
                && word.starts_with(other)
        });
        if !fits || longer || lx.is_prefixed_verb(word) {
            continue;
        }
        out.extend(letters.iter().map(|l| format!("{l}{rest}")));
    }
    out
}

/// The formal active verb of a root: me- with the nasal its first letter calls for.
fn formal_prefixed(root: &str) -> String {
    let first = root.chars().next().unwrap_or('a');
    let rest = &root[first.len_utf8()..];
    match first {
        's' => format!("meny{rest}"),
        'k' => format!("meng{rest}"),
        'p' => format!("mem{rest}"),
        't' => format!("men{rest}"),
        'a' | 'e' | 'i' | 'o' | 'u' | 'g' | 'h' => format!("meng{root}"),
        'b' | 'f' | 'v' => format!("mem{root}"),
        'c' | 'd' | 'j' | 'z' => format!("men{root}"),
        _ => format!("me{root}"),
    }
}

/// The formal vowel of the last syllable: "simpen" → "simpan", "pake" → "pakai", "kalo" → "kalau".
fn formal_vowels(word: &str, lx: &Lexicon) -> Vec<String> {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut out = Vec::new();
    // A final vowel after a consonant.
    for (colloquial, formal) in lx.colloquial(ColloquialKind::Ending) {
        if let Some(body) = word.strip_suffix(colloquial)
            && body.chars().count() >= 2
            && !body.ends_with(is_vowel)
        {
            out.extend(formal.iter().map(|f| format!("{body}{f}")));
        }
    }
    // The last vowel, when only consonants follow it and it is not the first letter.
    if let Some(pos) = word.rfind(is_vowel)
        && pos > 0
        && pos + 1 < word.len()
    {
        for (colloquial, formal) in lx.colloquial(ColloquialKind::LastVowel) {
            if word[pos..].starts_with(colloquial) {
                let after = &word[pos + colloquial.len()..];
                out.extend(formal.iter().map(|f| format!("{}{f}{after}", &word[..pos])));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::testing::lexicon;

    fn has(word: &str, formal: &str) -> bool {
        candidates(word, &lexicon()).iter().any(|c| c == formal)
    }

    #[test]
    fn the_e_for_a_vowel_of_the_last_syllable_is_made_formal() {
        assert!(has("disimpen", "disimpan"));
        assert!(has("pake", "pakai"));
        assert!(has("dapet", "dapat"));
        assert!(has("sampe", "sampai"));
    }

    #[test]
    fn the_in_suffix_becomes_kan_or_i() {
        assert!(has("kasihin", "kasihkan"));
        assert!(has("beliin", "belikan"));
        assert!(has("datengin", "datangi"));
    }

    #[test]
    fn nasal_prefixes_give_the_formal_verb_and_its_root() {
        assert!(has("nyimpen", "menyimpan"));
        assert!(has("nyimpen", "simpan"));
        assert!(has("ngirim", "kirim"));
        assert!(has("ngirim", "mengirim"));
        assert!(has("nulis", "tulis"));
        assert!(has("makai", "pakai"));
        assert!(has("ngecek", "cek"));
        assert!(has("nyariin", "carikan"));
    }

    #[test]
    fn the_colloquial_passive_ke_becomes_ter() {
        assert!(has("kebawa", "terbawa"));
        assert!(has("kerendem", "terendam"), "ter- before r drops its own");
    }

    #[test]
    fn a_dropped_first_h_is_restored() {
        assert!(has("ancur", "hancur"));
        assert!(!has("abis", "habis"), "four letters: too many readings");
        assert!(has("ilangin", "hilangkan"));
        assert!(has("itung", "hitung"));
    }

    #[test]
    fn a_final_o_after_a_consonant_may_be_au() {
        assert!(has("pulo", "pulau"));
    }

    #[test]
    fn short_or_unusual_words_get_no_candidates() {
        let lx = lexicon();
        assert!(candidates("wa", &lx).is_empty());
        assert!(candidates("2014", &lx).is_empty());
        assert!(!candidates("disimpen", &lx).contains(&"disimpen".to_string()));
    }
}
