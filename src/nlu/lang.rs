//! Reply language: from the caller's choice, else from function-word counts in the question.
//! General language detectors are wrong on short chat text (GUIDE §4.7), so this counts words.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use super::lexicon::Lexicon;
use super::text;

/// The two languages the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The language's code as the bot writes it everywhere: database columns, callback data,
    /// `setMyCommands`. [`Lang::from_code`] reads it back.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language whose code ([`Lang::as_str`]) is exactly `code`: for values the bot wrote
    /// itself (stored columns, callback data), where anything else is not one of ours. What a
    /// person or a client writes ("en-US", "english") goes through [`FromStr`] instead.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.as_str() == code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a language code other than `id` or `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language \"{0}\": use \"id\" (Indonesian) or \"en\" (English)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts `id`/`en` and IETF tags such as `en-US` or `id-ID`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        match lower.split(['-', '_']).next().unwrap_or("") {
            "id" | "in" | "indonesian" => Ok(Lang::Id),
            "en" | "english" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// Indonesian or English by counting each language's function words; `None` when it cannot tell.
pub fn detect(text_in: &str, lx: &Lexicon) -> Option<Lang> {
    detect_tokens(&text::tokenize(text_in), lx)
}

/// [`detect`] over the text's tokens, for a caller that has them already (question analysis
/// tokenises the question once for all its readings).
pub fn detect_tokens(tokens: &[text::Token], lx: &Lexicon) -> Option<Lang> {
    let (mut id, mut en) = (0.0f32, 0.0f32);
    for (k, token) in tokens.iter().enumerate() {
        let w = token.word.as_str();
        // A lone letter before a number is a code ("golongan B-3", "K-1", "H-7"), not the
        // pronoun "I" nor chat's "r" for "are"; English "a" does come before numbers ("a 5% rise").
        if w.chars().count() == 1
            && w != "a"
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.word.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        // A capital letter before a capitalised word is an initial of the name ("I Made …",
        // "J Rowling"), not the pronoun: an English "I" is followed by its verb.
        if w.chars().count() == 1
            && token.capitalised
            && tokens.get(k + 1).is_some_and(|n| n.capitalised)
        {
            continue;
        }
        // Each list and map is asked once per word: this runs on every question.
        let facts = lx.facts(w);
        let slang = facts.is_slang().then(|| lx.slang.get(w)).flatten();
        let id_word = facts.function_in(Lang::Id)
            || slang.is_some_and(|f| f.iter().any(|x| lx.is_function_in(Lang::Id, x)))
            || facts.hint_in(Lang::Id);
        let en_word = facts.function_in(Lang::En) || facts.hint_in(Lang::En);
        match (id_word, en_word) {
            (true, false) => id += 1.0,
            (false, true) => en += 1.0,
            // Words both languages use ("di"/"in" do not collide, but "data", "bot" do) count for
            // neither; a content word of one language's dictionary and not the other's counts a
            // little. A bridge headword translated as itself ("nepal") is a name both write.
            _ => {
                let bridged = lx.english.get(w);
                let named_alike = || bridged.is_some_and(|t| t.iter().any(|x| x == w));
                // (`is_english_word` is the word list's or the bridge's.)
                if !id_word
                    && bridged.is_some()
                    && slang.is_none()
                    && !facts.is_real_word()
                    && !named_alike()
                {
                    en += 0.5;
                } else if !en_word
                    && facts.is_real_word()
                    && bridged.is_none()
                    && !facts.is_english_word()
                {
                    id += 0.5;
                }
            }
        }
    }
    if en > id {
        Some(Lang::En)
    } else if id > en {
        Some(Lang::Id)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_and_english_questions_are_told_apart() {
        let lx = Lexicon::builtin();
        let detect = |t: &str| detect(t, &lx);
        assert_eq!(detect("Siapa penulis berita ini?"), Some(Lang::Id));
        assert_eq!(detect("wa kasih data ke facebook ga?"), Some(Lang::Id));
        assert_eq!(detect("What year was WhatsApp acquired?"), Some(Lang::En));
        assert_eq!(detect("thank you"), Some(Lang::En));
        assert_eq!(detect("makasih banyak ya"), Some(Lang::Id));
        // "per" is a preposition of both languages ("per liter", "per 1 Maret"): it tells
        // neither, so a short Indonesian question holding it stays Indonesian.
        assert_eq!(
            detect("Berapa harga kopi per 1 Maret 2031?"),
            Some(Lang::Id)
        );
        assert_eq!(detect("How much was coffee per kilo?"), Some(Lang::En));
        // A Balinese name's initial is no "I", and a place both languages write ("Nepal") is no
        // English: the dictionary words around them are Indonesian.
        assert_eq!(
            detect("Berapa stok pupuk Nepal menurut Kepala Dinas Nepal I Made Sukamaju?"),
            Some(Lang::Id)
        );
        // A class code's letter is no English pronoun.
        assert_eq!(
            detect("Berapa tarif golongan B-3 per 1 September 2031?"),
            Some(Lang::Id)
        );
    }

    #[test]
    fn text_without_function_words_is_undecided() {
        let lx = Lexicon::builtin();
        let detect = |t: &str| detect(t, &lx);
        assert_eq!(detect("zzzzz"), None);
        assert_eq!(detect("😀"), None);
    }

    #[test]
    fn language_codes_parse_with_regions() {
        assert_eq!("en-US".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("id".parse::<Lang>(), Ok(Lang::Id));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn a_written_code_reads_back_as_its_language_and_nothing_else_does() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.as_str()), Some(lang));
        }
        assert_eq!(Lang::from_code("en-US"), None);
        assert_eq!(Lang::from_code("EN"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
