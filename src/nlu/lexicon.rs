//! The word lists of the pipeline: slang map, function words, synonyms, the English→Indonesian
//! bridge and known names. Data files live in `data/slang/` and are compiled in with `include_str!`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const INDOCOLLEX: &str = include_str!("../../lexicon/indocollex-filtered.tsv");
const DOMAIN: &str = include_str!("../../lexicon/domain.tsv");
const SYNONYMS: &str = include_str!("../../lexicon/synonyms.tsv");
const ENGLISH: &str = include_str!("../../lexicon/english.tsv");

/// Indonesian function words: never content, never stemmed. Question words are here too.
const ID_FUNCTION: &[&str] = &[
    "yang",
    "di",
    "ke",
    "dari",
    "dan",
    "atau",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "pada",
    "dalam",
    "oleh",
    "akan",
    "sudah",
    "telah",
    "belum",
    "sedang",
    "masih",
    "juga",
    "saja",
    "hanya",
    "lagi",
    "pun",
    "lah",
    "kah",
    "tah",
    "sih",
    "dong",
    "deh",
    "nih",
    "tuh",
    "kok",
    "ya",
    "yah",
    "iya",
    "kan",
    "loh",
    "lho",
    "nya",
    "aja",
    "apa",
    "apakah",
    "siapa",
    "siapakah",
    "kapan",
    "kapankah",
    "berapa",
    "berapakah",
    "bagaimana",
    "bagaimanakah",
    "mengapa",
    "kenapa",
    "dimana",
    "kemana",
    "mana",
    "manakah",
    "adakah",
    "benarkah",
    "betulkah",
    "bisakah",
    "apa",
    "saya",
    "kamu",
    "anda",
    "kami",
    "kita",
    "mereka",
    "dia",
    "ia",
    "beliau",
    "tidak",
    "bukan",
    "ada",
    "adalah",
    "ialah",
    "merupakan",
    "bisa",
    "dapat",
    "boleh",
    "harus",
    "mau",
    "ingin",
    "tolong",
    "mohon",
    "coba",
    "sama",
    "tentang",
    "soal",
    "terkait",
    "mengenai",
    "seperti",
    "sebagai",
    "kalau",
    "jika",
    "kalo",
    "apabila",
    "bila",
    "maka",
    "lalu",
    "terus",
    "kemudian",
    "tapi",
    "tetapi",
    "namun",
    "karena",
    "sebab",
    "jadi",
    "agar",
    "supaya",
    "bahwa",
    "para",
    "si",
    "sang",
    "se",
    "tersebut",
    "begitu",
    "gitu",
    "sini",
    "situ",
    "sana",
    "pula",
    "ayo",
    "yuk",
    "kak",
    "gan",
    "bro",
    "sis",
    "om",
    "pak",
    "bu",
    "mas",
    "mbak",
    "bang",
    "kah",
    "banget",
    "sekali",
    "sangat",
    "paling",
    "lebih",
    "semua",
    "setiap",
    "tiap",
    "beberapa",
    "banyak",
    "sedikit",
    "pernah",
    "nah",
    "wah",
    "eh",
    "oh",
    "hmm",
    "ok",
    "oke",
    "sebenarnya",
    "sebetulnya",
    "emang",
    "memang",
    "tahu",
    "tau",
    "bener",
    "benar",
    "betul",
    "gak",
    "nggak",
    "tak",
    "jangan",
    "buat",
    "antara",
    "sebelum",
    "sesudah",
    "setelah",
    "sejak",
    "hingga",
    "sampai",
    "tadi",
    "nanti",
    "punya",
    "milik",
    "kepada",
    "daripada",
    "terhadap",
    "ngapain",
    "apaan",
    "bagaimanapun",
    "apapun",
    "siapapun",
    "dll",
    "dst",
    "saat",
    "ketika",
    "waktu",
];

/// English function words (also used to recognise English questions).
const EN_FUNCTION: &[&str] = &[
    "s",
    "t",
    "ll",
    "re",
    "ve",
    "d",
    "m",
    "the",
    "a",
    "an",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "do",
    "does",
    "did",
    "what",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "which",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "about",
    "from",
    "into",
    "and",
    "or",
    "but",
    "not",
    "no",
    "yes",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "i",
    "me",
    "my",
    "you",
    "your",
    "we",
    "our",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "them",
    "can",
    "could",
    "will",
    "would",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "there",
    "here",
    "any",
    "some",
    "all",
    "so",
    "if",
    "then",
    "than",
    "too",
    "very",
    "just",
    "also",
    "please",
    "tell",
    "know",
    "get",
    "got",
    "really",
    "true",
    "doing",
    "going",
    "now",
    "did",
    "done",
    "much",
    "many",
    "anything",
    "something",
    "does",
    "still",
];

/// Function words that mark a question's expected answer type.
pub const DATE_WORDS: &[&str] = &[
    "kapan", "kapankah", "when", "tanggal", "tahun", "date", "year", "jam",
];
pub const NUMBER_WORDS: &[&str] = &["berapa", "berapakah", "much", "many"];
/// They ask for a cause and name nothing the answer must contain ("apa alasan …?"), so they are
/// not matched as content words.
pub const REASON_WORDS: &[&str] = &[
    "kenapa",
    "mengapa",
    "why",
    "alasan",
    "alasannya",
    "sebab",
    "sebabnya",
    "penyebab",
    "penyebabnya",
    "knp",
];
pub const PERSON_WORDS: &[&str] = &["siapa", "siapakah", "who", "whom"];
/// Words that open a yes/no question ("apakah", "is") or close one ("…, ga?").
pub const YES_NO_OPENERS: &[&str] = &[
    "apakah", "benarkah", "betulkah", "bisakah", "bolehkah", "adakah", "haruskah", "masihkah",
    "is", "are", "does", "do", "did", "can", "could", "will", "was", "were", "has", "have",
];
pub const YES_NO_CLOSERS: &[&str] = &[
    "tidak", "bukan", "belum", "kah", "enggak", "nggak", "benar", "beneran",
];
/// Words that make a sentence without a question word a yes/no question wherever they stand
/// ("wa emg mau bagi data ke fb?").
pub const YES_NO_MARKERS: &[&str] = &["memang", "beneran", "betul", "benarkah", "masa"];
/// Chat particles that end a sentence without meaning ("…, ga sih?").
pub const PARTICLES: &[&str] = &[
    "sih", "dong", "ya", "yah", "kah", "deh", "nih", "tuh", "kan", "kok", "lho", "loh", "min",
    "kak", "admin",
];

/// Nouns that measure something ("harga", "bunga", "price"): the word they govern names what is
/// measured ("harga *tiket*", "bunga *KPR*") and must be in the passage that answers.
pub const MEASURE_HEADS: &[&str] = &[
    "harga", "nilai", "kurs", "bunga", "jumlah", "biaya", "tarif", "pajak", "ongkos", "denda",
    "gaji", "price", "cost", "rate", "value", "amount", "number", "fee", "tax", "interest", "fine",
];

/// Content words too general to ground an answer on their own ("harga tiket pesawat" shares only
/// "harga" with a passage about an acquisition price).
const GENERIC: &[&str] = &[
    "harga",
    "nilai",
    "hari",
    "sekarang",
    "berita",
    "artikel",
    "info",
    "informasi",
    "hal",
    "orang",
    "tanggal",
    "tahun",
    "jam",
    "cara",
    "baru",
    "bot",
    "admin",
    "news",
    "article",
    "today",
    "kabar",
    "jelas",
    "kata",
    "tulis",
    "bilang",
    "sebut",
    "isu",
    "terbaru",
    "update",
    "pengguna",
    "data",
];

/// Names (companies, products, people, currencies, commodities) that readers ask about. A question
/// naming one is answered only from a passage that names it too.
const NAMES: &[&str] = &[
    "instagram",
    "twitter",
    "tiktok",
    "youtube",
    "google",
    "apple",
    "iphone",
    "android",
    "microsoft",
    "amazon",
    "tesla",
    "netflix",
    "shopee",
    "tokopedia",
    "gojek",
    "grab",
    "line",
    "snapchat",
    "zoom",
    "meta",
    "elon",
    "musk",
    "zuckerberg",
    "jokowi",
    "bitcoin",
    "btc",
    "ethereum",
    "kripto",
    "crypto",
    "euro",
    "eur",
    "yen",
    "jpy",
    "yuan",
    "ringgit",
    "pound",
    "sgd",
    "won",
    "minyak",
    "oil",
    "brent",
    "perak",
    "silver",
    "nikel",
    "batubara",
    "bali",
    "jakarta",
    "telegram",
    "signal",
    "whatsapp",
    "facebook",
    "kominfo",
    "x",
    "threads",
    "messenger",
    "wechat",
    "discord",
    "skype",
    "samsung",
    "xiaomi",
    "huawei",
    "piala",
    "dunia",
    "covid",
    "vaksin",
];

pub struct Lexicon {
    pub slang: HashMap<String, Vec<String>>,
    pub synonyms: HashMap<String, Vec<String>>,
    pub english: HashMap<String, Vec<String>>,
    id_function: HashSet<&'static str>,
    en_function: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    names: HashSet<&'static str>,
    real_words: HashSet<String>,
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    fn load() -> Lexicon {
        let mut slang = HashMap::new();
        // Domain words come second so they override IndoCollex rows.
        for (informal, formal) in tsv_pairs(INDOCOLLEX).chain(tsv_pairs(DOMAIN)) {
            let formal: Vec<String> = formal.split_whitespace().map(str::to_string).collect();
            if formal.len() == 1 && formal[0] == informal {
                slang.remove(informal);
                continue;
            }
            slang.insert(informal.to_string(), formal);
        }
        let mut synonyms: HashMap<String, Vec<String>> = HashMap::new();
        for line in SYNONYMS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let group: Vec<&str> = line.split_whitespace().collect();
            for w in &group {
                let entry = synonyms.entry(w.to_string()).or_default();
                entry.extend(group.iter().filter(|o| *o != w).map(|o| o.to_string()));
            }
        }
        let mut english: HashMap<String, Vec<String>> = HashMap::new();
        for (en, id) in tsv_pairs(ENGLISH) {
            english
                .entry(en.to_string())
                .or_default()
                .extend(id.split_whitespace().map(str::to_string));
        }
        let real_words = slang
            .values()
            .flatten()
            .chain(synonyms.keys())
            .chain(english.values().flatten())
            .cloned()
            .collect();
        Lexicon {
            real_words,
            slang,
            synonyms,
            english,
            id_function: ID_FUNCTION.iter().copied().collect(),
            en_function: EN_FUNCTION.iter().copied().collect(),
            generic: GENERIC.iter().copied().collect(),
            names: NAMES.iter().copied().collect(),
        }
    }

    pub fn is_id_function(&self, w: &str) -> bool {
        self.id_function.contains(w)
    }

    pub fn is_en_function(&self, w: &str) -> bool {
        self.en_function.contains(w)
    }

    pub fn is_function(&self, w: &str) -> bool {
        self.is_id_function(w) || self.is_en_function(w)
    }

    /// Gradable words ("tinggi", "gede", "naik") that describe a measure rather than name it.
    pub fn is_adjective(&self, w: &str) -> bool {
        const ADJECTIVES: &[&str] = &[
            "besar",
            "gede",
            "kecil",
            "tinggi",
            "rendah",
            "mahal",
            "murah",
            "naik",
            "turun",
            "baru",
            "lama",
            "banyak",
            "sedikit",
            "terbaru",
            "terkini",
            "sekarang",
            "high",
            "low",
            "big",
            "small",
            "new",
            "current",
            "latest",
            "cheap",
            "expensive",
            "terendah",
            "tertinggi",
            "termurah",
            "termahal",
        ];
        ADJECTIVES.contains(&w)
            || self
                .slang
                .get(w)
                .is_some_and(|f| f.iter().any(|x| ADJECTIVES.contains(&x.as_str())))
    }

    /// A real word (formal Indonesian from the slang map's right side, the synonym groups, the
    /// bridge's Indonesian side): never "corrected" into another word.
    pub fn is_real_word(&self, w: &str) -> bool {
        self.real_words.contains(w)
    }

    pub fn is_generic(&self, w: &str) -> bool {
        self.generic.contains(w)
    }

    pub fn is_name(&self, w: &str) -> bool {
        self.names.contains(w)
    }

    /// The bridge's Indonesian words for an English word, trying its base form when the inflected
    /// one is not listed ("becoming" → "become", "stores" → "store", "buried" → "bury").
    pub fn english_of(&self, w: &str) -> Option<&Vec<String>> {
        if let Some(t) = self.english.get(w) {
            return Some(t);
        }
        english_bases(w).iter().find_map(|b| self.english.get(b))
    }

    /// The bridge's key for two English words that mean more together ("turn into", "turned
    /// into", "hands over"), when it lists them as a phrase.
    pub fn english_phrase(&self, first: &str, second: &str) -> Option<String> {
        std::iter::once(first.to_string())
            .chain(english_bases(first))
            .map(|f| format!("{f} {second}"))
            .find(|p| self.english.contains_key(p))
    }

    /// Whole-token slang replacement: one informal word may become several formal ones.
    pub fn deslang<'a>(&'a self, word: &'a str) -> Vec<&'a str> {
        match self.slang.get(word) {
            Some(formal) => formal.iter().map(String::as_str).collect(),
            None => vec![word],
        }
    }
}

fn tsv_pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
}

/// Base forms of an inflected English word ("becoming" → "become", "stores" → "store").
fn english_bases(w: &str) -> Vec<String> {
    let mut bases: Vec<String> = Vec::new();
    for (suffix, replacements) in [
        ("ies", &["y"][..]),
        ("ied", &["y"][..]),
        ("ing", &["", "e"][..]),
        ("ed", &["", "e"][..]),
        ("es", &["", "e"][..]),
        ("s", &[""][..]),
    ] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.len() >= 3
        {
            bases.extend(replacements.iter().map(|r| format!("{stem}{r}")));
            // "stopping" → "stop"
            let b = stem.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                bases.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    bases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_collisions_are_not_in_the_slang_map() {
        let lx = Lexicon::get();
        for w in [
            "in", "is", "it", "me", "my", "go", "if", "or", "at", "by", "of", "held",
        ] {
            assert!(!lx.slang.contains_key(w), "{w} must not be rewritten");
        }
        assert!(!lx.slang.contains_key("bang") && !lx.slang.contains_key("kppn"));
    }

    #[test]
    fn domain_words_override_and_extend_indocollex() {
        let lx = Lexicon::get();
        assert_eq!(lx.deslang("wa"), vec!["whatsapp"]);
        assert_eq!(lx.deslang("gw"), vec!["saya"]);
        assert_eq!(lx.deslang("brp"), vec!["berapa"]);
        assert_eq!(lx.deslang("dolar"), vec!["dollar"]);
        assert_eq!(lx.deslang("makasih"), vec!["terima", "kasih"]);
        assert_eq!(lx.deslang("whatsapp"), vec!["whatsapp"]);
    }

    #[test]
    fn synonyms_are_symmetric_and_english_maps_to_indonesian() {
        let lx = Lexicon::get();
        assert!(lx.synonyms["intip"].contains(&"lihat".to_string()));
        assert!(lx.synonyms["lihat"].contains(&"intip".to_string()));
        assert!(lx.english["acquired"].contains(&"akuisisi".to_string()));
    }
}
