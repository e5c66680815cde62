//! The kinds a row of a word list can name (a cue, a measure, a meta word, a colloquial rule, a
//! yes/no part): the types the pipeline matches on instead of comparing strings.

/// What a paragraph word shows about the detail the paragraph holds (`cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    When,
    Condition,
    Cause,
    Stance,
    Hearsay,
    Speech,
    /// A place noun ("kota", "desa") or "di" before a name: can answer "di mana?".
    Place,
    /// A means or manner ("dengan", "melalui"): can answer "bagaimana?".
    Manner,
    /// A unit of an amount ("persen", "juta", "orang"): a figure with one answers "berapa?".
    Unit,
    /// A time of day or weekday ("pukul", "WIB", "Kamis"): can answer "kapan?".
    Time,
    /// A title or word that introduces a person's name ("gubernur", "bernama"): the name after it
    /// answers "siapa?".
    Person,
    /// A word naming a person only as holding some office ("pejabat", "petugas"): any title a
    /// report writes meets it.
    Official,
}

/// What a figure measures (`measures.tsv`): "berapa harga …" wants a sum of money, "turun berapa
/// persen" a percentage, "berapa korban" a number of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Money,
    Percent,
    People,
    Count,
    Mass,
    Volume,
    Points,
    Level,
    /// How long something lasts: "72 jam", "tiga pekan".
    Duration,
    /// How far or how deep: "10 kilometer", "25 km".
    Distance,
    /// How large a piece of land: "543 hektare", "12 ha".
    Area,
}

/// How a word of `measures.tsv` shows its measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeasureRole {
    /// Written after a figure: "3,5 persen".
    Unit,
    /// Written before it: "Rp 10.000", "magnitudo 4,8".
    Prefix,
    /// A question noun whose answer is in the measure: "harga".
    Noun,
    /// "One unit" as a rate's denominator ("sehari", "sekilo"): says per what a figure is given,
    /// never what is asked about.
    Rate,
}

/// What a word of a question about the article itself points at (`meta-words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaWord {
    Author,
    Published,
    Title,
    Source,
    Article,
    When,
}

/// The kind of a colloquial affix rule (`colloquial.tsv`, first column): where on the word it
/// applies, and so which stage of `colloquial.rs` tries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColloquialKind {
    /// A nasal prefix and the root letters it replaced (`nasal`).
    Nasal,
    /// A word's opening that chat drops a letter of (`initial`).
    Initial,
    /// A passive prefix (`passive`).
    Passive,
    /// A suffix (`suffix`).
    Suffix,
    /// A final vowel after a consonant (`ending`).
    Ending,
    /// The last vowel before final consonants (`last-vowel`).
    LastVowel,
}

/// A word's part in a yes/no question (`yes-no.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YesNo {
    Opener,
    Closer,
    Marker,
}
