//! Jakarta colloquial verb morphology → the formal forms the articles use, so that readers' verbs
//! match without a slang entry per word: the nasal prefixes (nge-/ng-/ny-/m-/n-), the -in suffix
//! (→ -kan, -i) and the e-for-a vowel of the last syllable ("simpen" → "simpan", "pake" → "pakai").
//! It only proposes candidates; the caller keeps the first one the index knows.

/// Formal candidates for a colloquial word, most literal first (the word itself is not included).
pub fn candidates(word: &str) -> Vec<String> {
    if word.chars().count() < 4 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    // Stage 1: the word as written, and its root under each colloquial prefix.
    let mut stems: Vec<(String, &str)> = vec![(word.to_string(), "")];
    for (prefix, root) in prefix_roots(word) {
        stems.push((root, prefix));
    }
    let mut out: Vec<String> = Vec::new();
    let push = |w: String, out: &mut Vec<String>| {
        if w != word && w.chars().count() >= 3 && !out.contains(&w) {
            out.push(w);
        }
    };
    for (base, prefix) in &stems {
        // Stage 2: the -in suffix → -kan, -i or nothing, on the root with its formal vowel too.
        let mut bodies: Vec<String> = vec![base.clone()];
        if let Some(root) = base.strip_suffix("in")
            && root.chars().count() >= 3
        {
            for r in std::iter::once(root.to_string()).chain(formal_vowels(root)) {
                bodies.push(format!("{r}kan"));
                bodies.push(format!("{r}i"));
                bodies.push(r);
            }
        }
        for body in bodies {
            // Stage 3: the vowel of the last syllable.
            let vowels = formal_vowels(&body);
            for form in std::iter::once(body.clone()).chain(vowels) {
                if prefix.is_empty() {
                    push(form, &mut out);
                } else {
                    // The formal verb ("menyimpan") and its bare root ("simpan").
                    push(formal_prefixed(&form), &mut out);
                    push(form, &mut out);
                }
            }
        }
    }
    out
}

/// Roots under a colloquial nasal prefix: ngeliat → liat, ngirim → kirim/irim, nyimpen → simpen,
/// makai → pakai, nulis → tulis.
fn prefix_roots(word: &str) -> Vec<(&'static str, String)> {
    let vowel_next = |rest: &str| rest.starts_with(['a', 'e', 'i', 'o', 'u']);
    let mut out = Vec::new();
    if let Some(rest) = word.strip_prefix("nge")
        && rest.chars().count() >= 3
    {
        out.push(("nge", rest.to_string()));
    }
    if let Some(rest) = word.strip_prefix("ny")
        && vowel_next(rest)
    {
        out.push(("ny", format!("s{rest}")));
        out.push(("ny", format!("c{rest}")));
    }
    if let Some(rest) = word.strip_prefix("ng")
        && vowel_next(rest)
    {
        out.push(("ng", format!("k{rest}")));
        out.push(("ng", rest.to_string()));
    }
    if let Some(rest) = word.strip_prefix('m')
        && vowel_next(rest)
        && !word.starts_with("me")
    {
        out.push(("m", format!("p{rest}")));
    }
    if let Some(rest) = word.strip_prefix('n')
        && vowel_next(rest)
        && !word.starts_with("ng")
        && !word.starts_with("ny")
    {
        out.push(("n", format!("t{rest}")));
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

/// The formal vowel of the last syllable: "simpen" → "simpan", "pake" → "pakai", "sampe" → "sampai".
fn formal_vowels(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(body) = word.strip_suffix('e')
        && body.chars().count() >= 2
        && !body.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        out.push(format!("{body}ai"));
        out.push(format!("{body}a"));
    }
    // The last vowel, when it is an e followed by consonants only.
    if let Some(pos) = word.rfind(['a', 'e', 'i', 'o', 'u'])
        && word[pos..].starts_with('e')
        && pos + 1 < word.len()
        && pos > 0
    {
        out.push(format!("{}a{}", &word[..pos], &word[pos + 1..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, formal: &str) -> bool {
        candidates(word).iter().any(|c| c == formal)
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
    fn short_or_unusual_words_get_no_candidates() {
        assert!(candidates("wa").is_empty());
        assert!(candidates("2014").is_empty());
        assert!(!candidates("disimpen").contains(&"disimpen".to_string()));
    }
}
