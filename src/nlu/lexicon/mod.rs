//! The language knowledge of the pipeline, loaded from data: every word list lives once in a file
//! under `lexicon/<lang>/` (one entry a line, `#` comments, a TSV where a list has two columns),
//! and [`Lexicon::builtin`] reads them all into one value that the engine is built with.
//!
//! A language is one small module ([`id`], [`en`]) naming its files; a list a language lacks is
//! simply empty. Lists are merged over languages where the pipeline does not care which language a
//! word is (generic words, measure nouns), and kept per language where it does (function words,
//! which tell the languages apart).

mod bridge;
pub mod calendar;
mod definition;
mod en;
mod id;
mod key;
mod kinds;
mod load;
mod measures;
mod morphology;
mod parts;
mod phrases;
mod senses;
mod slang;
mod word_facts;

// Every question and paragraph word is looked up in several of these maps: a fast hasher.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lang::Lang;
use super::query::AnswerType;
pub(crate) use key::LexiconKey;
pub use kinds::{ColloquialKind, Cue, Measure, MeasureRole, MetaWord, YesNo};
pub(crate) use load::rows;
pub use measures::first_in_role;
pub use word_facts::WordFacts;

/// One language's data files: (list name, file text). A list may come from several files, read in
/// order (later rows of a map override earlier ones).
pub struct Source {
    pub lang: Lang,
    pub files: &'static [(&'static str, &'static str)],
}

/// Every language the built-in lexicon knows.
const SOURCES: &[Source] = &[id::SOURCE, en::SOURCE];

/// A malformed row of a data file.
#[derive(Debug, thiserror::Error)]
#[error("lexicon/{lang}/{list}: {reason} in line {line:?}")]
pub struct LexiconError {
    lang: Lang,
    list: &'static str,
    line: String,
    reason: &'static str,
}

#[derive(Default)]
pub struct Lexicon {
    function: HashMap<Lang, HashSet<String>>,
    /// Every language's function words in one set: `is_function` is asked of nearly every word
    /// the engine reads (the stemmer's guard among them), one look-up instead of one per language.
    function_any: HashSet<String>,
    /// The plain word lists a word is in, by word: roots, formal words, English words, each
    /// language's function words and hints (see [`Lexicon::facts`]).
    facts: word_facts::WordLists,
    question_words: HashMap<String, AnswerType>,
    yes_no: HashMap<String, Vec<YesNo>>,
    particles: HashSet<String>,
    measure_heads: HashSet<String>,
    generic: HashSet<String>,
    /// Names of the country the archive is written in and for (`home-words.txt`).
    home_words: HashSet<String>,
    /// Words naming a part of a year (`year-parts.txt`: "bulan", "quarter").
    year_parts: HashSet<String>,
    which_words: HashSet<String>,
    /// Nouns of a place in a ranking (`rank-words.txt`: "juara", "peringkat").
    rank_words: HashSet<String>,
    /// Words naming a source after the question word (`source-words.txt`: "menurut").
    source_words: HashSet<String>,
    /// Verbs of causing (`cause-verbs.txt`: "menyebabkan", "bikin").
    cause_verbs: HashSet<String>,
    whole_period: HashSet<String>,
    series_end: HashSet<String>,
    /// Phrases naming the report before the one described next (`previous-report.txt`).
    previous_report: HashSet<String>,
    gradable: HashSet<String>,
    superlatives: HashSet<String>,
    /// Comparison phrases, `true` for "above" (`comparisons.txt`).
    comparisons: HashMap<String, bool>,
    /// Phrases a question spells out and the word the reports also write (`phrases.tsv`).
    phrases: Vec<(String, String)>,
    demonstratives: HashSet<String>,
    fillers: HashSet<String>,
    /// Words opening a clause that places the question (`context-words.txt`: "saat", "ketika").
    context_words: HashSet<String>,
    /// Nouns of time opening such a clause after an article (`en/clause-nouns.txt`: "day").
    clause_nouns: HashSet<String>,
    /// `en/articles.txt`: "the", "a".
    articles: HashSet<String>,
    /// Words opening such a clause only at the question's start (`setting-words.txt`: "dalam",
    /// "menurut").
    setting_words: HashSet<String>,
    /// Words placing a time within the month or year after them (`date-positions.txt`: "awal",
    /// "akhir", "mid").
    date_positions: HashSet<String>,
    /// Words joining the two months of a range (`date-ranges.txt`: "sampai", "through").
    date_ranges: HashSet<String>,
    /// Nouns naming one numbered part of a series (`period-words.txt`: "kuartal", "edisi"), each
    /// with its line: the words of one line name the same part.
    period_words: HashMap<String, usize>,
    /// Readers' shorthand of a period noun, after a line's `|` ("tw" → "kuartal").
    period_shorthand: HashMap<String, String>,
    /// Spelled ordinals and their numbers (`ordinal-words.tsv`: "ketiga" → 3).
    ordinal_words: HashMap<String, u32>,
    /// The mythes-id thesaurus (`id/thesaurus-mythes.tsv`): its rows mix senses, so it only
    /// tells whether an article speaks of what a question asks about in another word, never
    /// expands a query (tried twice, it cost questions).
    thesaurus: HashMap<String, Vec<String>>,
    /// Compass words naming a region after a place's name (`id/compass-words.txt`: "tengah").
    compass_words: HashSet<String>,
    /// English compass words before a place's name and their Indonesian words
    /// (`en/compass-words.tsv`: "central" → "tengah", "pusat").
    english_compass: HashMap<String, Vec<String>>,
    /// Nouns of a series whose ordinal stands before them (`en/period-words.txt`: "quarter").
    ordinal_first_period_words: HashSet<String>,
    /// Ordinals read only before such a noun (`en/ordinal-words.tsv`: "fourth" → 4).
    ordinal_first_words: HashMap<String, u32>,
    level_verbs: HashSet<String>,
    ordinal_suffixes: HashSet<String>,
    number_words: HashSet<String>,
    /// `definition-frames.txt`: the words before and after the thing a question asks the meaning of.
    definition_frames: Vec<(Vec<String>, Vec<String>)>,
    /// `definition-cues.txt`: words with which a report defines a thing ("adalah", "yaitu").
    definition_cues: HashSet<String>,
    /// Digits the reports write in words (`digit-words.tsv`): "2" → "dua".
    digit_words: HashMap<String, String>,
    cues: HashMap<String, Vec<Cue>>,
    measures: HashMap<String, Vec<(Measure, MeasureRole)>>,
    /// Scale words with their multiplier ("juta" → 1e6; `measures.tsv`).
    scales: HashMap<String, f64>,
    /// A scale glued to a figure in chat (`figure-suffixes.tsv`: "rb" → "ribu", "M" → "miliar").
    figure_suffixes: HashMap<String, String>,
    labels: HashSet<String>,
    meta_words: HashMap<String, Vec<MetaWord>>,
    /// Month number (1–12) of every name and abbreviation, and the full names per language.
    months: HashMap<String, u32>,
    month_names: HashMap<Lang, Vec<String>>,
    /// Day names and abbreviations, any language, with their weekday (1 = Monday).
    days: HashMap<String, u32>,
    /// Full month and day names: a paragraph naming one can answer "kapan?".
    calendar: HashSet<String>,
    /// Prefixes with the root letter a nasal one replaced; suffixes.
    prefixes: Vec<(String, Option<char>)>,
    suffixes: Vec<String>,
    verb_prefixes: Vec<String>,
    agent_prefixes: Vec<String>,
    inflections: Vec<(String, Vec<String>)>,
    /// Derivational suffixes (`derivations.tsv`: "provincial" → "province"), a last resort.
    derivations: Vec<(String, Vec<String>)>,
    /// British letters and their American forms (`spelling-variants.tsv`: "our" → "or").
    spelling_variants: Vec<(String, String)>,
    /// Colloquial affix rules (`colloquial.tsv`): kind, colloquial affix, formal alternatives.
    colloquial: Vec<(ColloquialKind, String, Vec<String>)>,
    /// Irregular English forms and their bases ("found" → "find", `irregular.tsv`).
    irregular: HashMap<String, Vec<String>>,
    /// English endings and letters as Indonesian spells a borrowed word (`loan-spelling.tsv`).
    loan_endings: Vec<(String, Vec<String>)>,
    loan_spelling: Vec<(String, String)>,
    pub slang: HashMap<String, Vec<String>>,
    /// The slang lists read backwards for their two-word formal sides, by the first word:
    /// "jawa" → ("barat", "jabar").
    pub shortened: rustc_hash::FxHashMap<String, Vec<(String, String)>>,
    pub synonyms: HashMap<String, Vec<String>>,
    /// The English→Indonesian bridge.
    pub english: HashMap<String, Vec<String>>,
    /// What follows the first word of the bridge's phrases ("into" of "turn into"): a pair of
    /// words whose second is none of these is no phrase, whatever the first word's forms.
    phrase_ends: HashSet<String>,
    /// The bridge's Indonesian lemmas of several words ("ibu kota"), function words left out:
    /// the index reads each where a text writes its words side by side (`phrases`).
    bridge_phrases: phrases::Phrases,
    /// Senses a bridge row lists after its first few: rarer, often off the news ("service" as a
    /// church service comes before the sense a newsroom uses), so matched only where the
    /// articles write them.
    english_later: HashMap<String, Vec<String>>,
    /// English→Indonesian through pivot languages, for the English words the bridge lacks: a
    /// weaker guess, read only in English questions (an Indonesian question's unknown word is
    /// more likely slang than one of these rarer English words).
    english_pivot: HashMap<String, Vec<String>>,
    /// English→Indonesian through shared WordNet synsets (Wordnet Bahasa on Princeton WordNet):
    /// the Indonesian lemmas of each headword's most frequent sense (a lemma of several words
    /// kept whole). Read only in English questions, where the articles write the lemma.
    english_wordnet: HashMap<String, Vec<String>>,
    /// Relative time phrases ("pekan lalu", "terbaru") and what they mean (`dates-relative.tsv`).
    relative_dates: HashMap<String, crate::nlu::dates::Relative>,
    /// Particles and possessives written onto a word, particles first (`affixes.tsv`).
    enclitics: Vec<String>,
    /// Prefixes with the root's first letter they merged with ("ter", 'r') or that their nasal
    /// replaced ("pem", 'p'), from `prefixes`.
    lettered_prefixes: Vec<(String, char)>,
    /// Which lexicon a thread's remembered stems and bridge bases are of.
    key: LexiconKey,
}

impl Lexicon {
    /// The lexicon compiled into the binary. Its data is checked by the tests, so a malformed
    /// built-in file is a bug, not an input error.
    pub fn builtin() -> Lexicon {
        Lexicon::from_sources(SOURCES).expect("the built-in lexicon is well-formed")
    }

    pub fn is_function_in(&self, lang: Lang, w: &str) -> bool {
        self.facts(w).function_in(lang)
    }

    /// Which plain word lists hold the word, from one look-up: for a caller asking several of
    /// them of the same word.
    pub fn facts(&self, w: &str) -> WordFacts {
        self.facts.of(w)
    }

    /// What a relative time phrase ("kemarin", "tahun lalu", "terbaru") means.
    pub fn relative_date(&self, phrase: &str) -> Option<crate::nlu::dates::Relative> {
        self.relative_dates.get(phrase).copied()
    }

    pub fn is_function(&self, w: &str) -> bool {
        self.function_any.contains(w)
    }

    /// Indonesian function and question words: the closed class readers shorten most ("mngkn",
    /// "brapa"), tried first when spelling out an abbreviation.
    pub fn closed_words(&self) -> impl Iterator<Item = &str> {
        self.function
            .get(&Lang::Id)
            .into_iter()
            .flatten()
            .chain(self.question_words.keys())
            .map(String::as_str)
    }

    pub fn is_hint_in(&self, lang: Lang, w: &str) -> bool {
        self.facts(w).hint_in(lang)
    }

    /// The answer type a question word asks for ("kapan" → date).
    pub fn answer_type(&self, w: &str) -> Option<AnswerType> {
        self.question_words.get(w).copied()
    }

    pub fn is_yes_no(&self, w: &str, role: YesNo) -> bool {
        self.yes_no.get(w).is_some_and(|r| r.contains(&role))
    }

    pub fn is_particle(&self, w: &str) -> bool {
        self.particles.contains(w)
    }

    /// The word without an enclitic written onto it ("naiknya" → "naik"), leaving three letters
    /// at least; `None` when it ends in none.
    pub fn without_enclitic<'w>(&self, w: &'w str) -> Option<&'w str> {
        self.enclitics
            .iter()
            .filter_map(|e| w.strip_suffix(e.as_str()))
            .find(|base| base.chars().count() >= 3)
    }

    pub fn is_measure_head(&self, w: &str) -> bool {
        self.measure_heads.contains(w)
    }

    /// "Juara" in "juara 2": the number after it is a place in a ranking, an ordinal.
    pub fn is_rank_word(&self, w: &str) -> bool {
        self.rank_words.contains(w)
    }

    /// "Menurut" in "berapa … menurut X?": opens a clause naming the source.
    pub fn is_source_word(&self, w: &str) -> bool {
        self.source_words.contains(w)
    }

    /// "Menyebabkan" in "apa yang menyebabkan …": the question asks for a cause.
    pub fn is_cause_verb(&self, w: &str) -> bool {
        self.cause_verbs.contains(w)
    }

    /// "Apa" in "saham apa", "which" in "which commodity": asks for a name when beside a noun.
    pub fn is_which_word(&self, w: &str) -> bool {
        self.which_words.contains(w)
    }

    pub fn is_generic(&self, w: &str) -> bool {
        self.facts(w).is_generic()
    }

    /// A name of the country the reports are written in and for: they leave it unsaid as often
    /// as not ("inflasi bulanan" for the country's inflation), so no report need hold it.
    pub fn is_home_word(&self, w: &str) -> bool {
        self.facts(w).is_home_word()
    }

    /// Whether a word opens a clause that places the question ("saat …, berapa …?").
    pub fn is_context_word(&self, w: &str) -> bool {
        self.context_words.contains(w)
    }

    /// Whether a word opens a clause placing the question when it starts the question ("dalam
    /// rapat …, berapa …?").
    pub fn is_setting_word(&self, w: &str) -> bool {
        self.setting_words.contains(w)
    }

    /// Whether a word joins the two months of a range ("Januari sampai Mei").
    pub fn is_date_range_word(&self, w: &str) -> bool {
        self.date_ranges.contains(w)
    }

    /// Whether a word places a time within the month or year named after it ("akhir Agustus").
    pub fn is_date_position(&self, w: &str) -> bool {
        self.date_positions.contains(w)
    }

    /// Whether a noun names one numbered part of a series ("kuartal", "pekan", "golongan").
    pub fn is_period_word(&self, w: &str) -> bool {
        self.period_words.contains_key(w)
    }

    /// The noun a series' shorthand stands for ("tw" → "kuartal", "smstr" → "semester").
    pub fn period_noun(&self, w: &str) -> Option<&str> {
        self.period_shorthand.get(w).map(String::as_str)
    }

    /// Whether two nouns of a series name the same part ("kuartal", "triwulan").
    pub fn same_period_word(&self, a: &str, b: &str) -> bool {
        a == b
            || self
                .period_words
                .get(a)
                .is_some_and(|g| self.period_words.get(b) == Some(g))
    }

    /// The number a spelled ordinal stands for ("ketiga" → 3).
    pub fn ordinal_word(&self, w: &str) -> Option<u32> {
        self.ordinal_words.get(w).copied()
    }

    /// A verb that, after "where", asks a market's level rather than a place ("where did the
    /// index close").
    pub fn is_level_verb(&self, w: &str) -> bool {
        self.level_verbs.contains(w)
    }

    /// A suffix that makes a numeral an ordinal ("21st"), lowercase.
    pub fn is_ordinal_suffix(&self, s: &str) -> bool {
        self.ordinal_suffixes.contains(s)
    }

    pub fn is_filler(&self, w: &str) -> bool {
        self.fillers.contains(w)
    }

    pub fn is_number_word(&self, w: &str) -> bool {
        self.number_words.contains(w)
    }

    /// The word the reports write for a digit ("2" → "dua"), if news style spells it out.
    pub fn digit_word(&self, digit: &str) -> Option<&str> {
        self.digit_words.get(digit).map(String::as_str)
    }

    /// Every cue the word gives (`cues.tsv`), usually none.
    pub fn cues_of(&self, w: &str) -> &[Cue] {
        self.cues.get(w).map_or(&[], Vec::as_slice)
    }

    pub fn is_cue(&self, w: &str, cue: Cue) -> bool {
        self.cues.get(w).is_some_and(|c| c.contains(&cue))
    }

    /// Every word giving the cue (`cues.tsv`), in no particular order.
    pub fn words_of_cue(&self, cue: Cue) -> impl Iterator<Item = &str> {
        self.cues
            .iter()
            .filter(move |(_, c)| c.contains(&cue))
            .map(|(w, _)| w.as_str())
    }

    pub fn is_meta_word(&self, w: &str, kind: MetaWord) -> bool {
        self.meta_words.get(w).is_some_and(|k| k.contains(&kind))
    }

    /// Whether the word is a meta word of any of these kinds (one look-up for them all).
    pub fn is_meta_word_of(&self, w: &str, kinds: &[MetaWord]) -> bool {
        self.meta_words
            .get(w)
            .is_some_and(|k| kinds.iter().any(|kind| k.contains(kind)))
    }

    /// A full month or day name.
    pub fn is_calendar_word(&self, w: &str) -> bool {
        self.facts(w).is_calendar_word()
    }

    /// A month's number from its name or abbreviation, in any language.
    pub fn month(&self, w: &str) -> Option<u32> {
        self.months.get(w).copied()
    }

    pub fn is_day(&self, w: &str) -> bool {
        self.days.contains_key(w)
    }

    /// The weekday a day name stands for (1 = Monday).
    pub fn weekday(&self, w: &str) -> Option<u32> {
        self.days.get(w).copied()
    }

    /// The full month name (1–12), capitalised as replies write it ("Januari", "January").
    pub fn month_name(&self, month: u32, lang: Lang) -> String {
        self.month_names
            .get(&lang)
            .and_then(|m| m.get(month.wrapping_sub(1) as usize))
            .map(|name| calendar::capitalised(name))
            .unwrap_or_else(|| month.to_string())
    }

    /// Gradable words ("tinggi", "gede", "naik") that describe a measure rather than name it.
    /// A word marking the extreme of a measure ("paling", "tertinggi", "highest").
    pub fn is_superlative(&self, w: &str) -> bool {
        self.superlatives.contains(w)
    }

    /// A phrase comparing with the figure after it ("di atas", "less than"), words joined by a space.
    pub fn is_comparison(&self, phrase: &str) -> bool {
        self.comparisons.contains_key(phrase)
    }

    /// For a comparison phrase, whether the asked value lies above the figure after it.
    pub fn comparison_above(&self, phrase: &str) -> Option<bool> {
        self.comparisons.get(phrase).copied()
    }

    /// The words marking the extreme of a measure ("paling", "tertinggi").
    pub fn superlatives(&self) -> impl Iterator<Item = &str> {
        self.superlatives.iter().map(String::as_str)
    }

    /// A word pointing back ("ini", "tersebut"): a paragraph opening with one continues the last.
    pub fn is_demonstrative(&self, w: &str) -> bool {
        self.demonstratives.contains(w)
    }

    pub fn is_gradable(&self, w: &str) -> bool {
        self.gradable.contains(w)
            || self
                .slang
                .get(w)
                .is_some_and(|f| f.iter().any(|x| self.gradable.contains(x)))
    }

    /// A real word (a root of the Indonesian word list, formal Indonesian from the slang map's
    /// right side, the synonym groups): never "corrected" into another word, never taken for a
    /// name. The English bridge's Indonesian side is no source: which rows it keeps must not
    /// change which question words count as Indonesian.
    pub fn is_real_word(&self, w: &str) -> bool {
        self.facts(w).is_real_word()
    }

    /// An English word as spelt (SCOWL's list holds inflected forms too) or a bridge headword.
    pub fn is_english_word(&self, w: &str) -> bool {
        self.facts(w).is_english_word() || self.english.contains_key(w)
    }
}

#[cfg(test)]
mod tests;
