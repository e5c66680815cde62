//! English's data files (`lexicon/en/`), compiled in so the binary runs from anywhere.

use super::Source;
use crate::nlu::Lang;

pub const SOURCE: Source = Source {
    lang: Lang::En,
    files: &[
        (
            "function-words",
            include_str!("../../../lexicon/en/function-words.txt"),
        ),
        (
            "question-words",
            include_str!("../../../lexicon/en/question-words.tsv"),
        ),
        ("yes-no", include_str!("../../../lexicon/en/yes-no.tsv")),
        (
            "definition-frames",
            include_str!("../../../lexicon/en/definition-frames.txt"),
        ),
        (
            "context-words",
            include_str!("../../../lexicon/en/context-words.txt"),
        ),
        (
            "clause-nouns",
            include_str!("../../../lexicon/en/clause-nouns.txt"),
        ),
        ("articles", include_str!("../../../lexicon/en/articles.txt")),
        (
            "setting-words",
            include_str!("../../../lexicon/en/setting-words.txt"),
        ),
        (
            "date-positions",
            include_str!("../../../lexicon/en/date-positions.txt"),
        ),
        (
            "date-ranges",
            include_str!("../../../lexicon/en/date-ranges.txt"),
        ),
        (
            "measure-heads",
            include_str!("../../../lexicon/en/measure-heads.txt"),
        ),
        (
            "level-verbs",
            include_str!("../../../lexicon/en/level-verbs.txt"),
        ),
        (
            "ordinal-suffixes",
            include_str!("../../../lexicon/en/ordinal-suffixes.txt"),
        ),
        ("generic", include_str!("../../../lexicon/en/generic.txt")),
        (
            "year-parts",
            include_str!("../../../lexicon/en/year-parts.txt"),
        ),
        (
            "home-words",
            include_str!("../../../lexicon/en/home-words.txt"),
        ),
        (
            "which-words",
            include_str!("../../../lexicon/en/which-words.txt"),
        ),
        (
            "whole-period",
            include_str!("../../../lexicon/en/whole-period.txt"),
        ),
        (
            "previous-report",
            include_str!("../../../lexicon/en/previous-report.txt"),
        ),
        (
            "period-words",
            include_str!("../../../lexicon/en/period-words.txt"),
        ),
        (
            "compass-words",
            include_str!("../../../lexicon/en/compass-words.tsv"),
        ),
        (
            "ordinal-words",
            include_str!("../../../lexicon/en/ordinal-words.tsv"),
        ),
        ("measures", include_str!("../../../lexicon/en/measures.tsv")),
        ("gradable", include_str!("../../../lexicon/en/gradable.txt")),
        (
            "superlatives",
            include_str!("../../../lexicon/en/superlatives.txt"),
        ),
        (
            "comparisons",
            include_str!("../../../lexicon/en/comparisons.txt"),
        ),
        ("fillers", include_str!("../../../lexicon/en/fillers.txt")),
        ("hints", include_str!("../../../lexicon/en/hints.txt")),
        (
            "meta-words",
            include_str!("../../../lexicon/en/meta-words.tsv"),
        ),
        (
            "dates-relative",
            include_str!("../../../lexicon/en/dates-relative.tsv"),
        ),
        ("months", include_str!("../../../lexicon/en/months.tsv")),
        ("days", include_str!("../../../lexicon/en/days.tsv")),
        (
            "irregular",
            include_str!("../../../lexicon/en/irregular.tsv"),
        ),
        (
            "loan-spelling",
            include_str!("../../../lexicon/en/loan-spelling.tsv"),
        ),
        (
            "spelling-variants",
            include_str!("../../../lexicon/en/spelling-variants.tsv"),
        ),
        (
            "derivations",
            include_str!("../../../lexicon/en/derivations.tsv"),
        ),
        (
            "inflections",
            include_str!("../../../lexicon/en/inflections.tsv"),
        ),
        // FreeDict eng-ind (CC BY-SA 3.0, see lexicon/LICENSES.md), then this project's news words,
        // whose rows replace FreeDict's; FreeDict through pivot languages for the words both lack.
        // Wordnet Bahasa on Princeton WordNet 3.0 (MIT; WordNet licence): see lexicon/LICENSES.md.
        (
            "bridge-wordnet",
            include_str!("../../../lexicon/en/bilingual-wordnet.tsv"),
        ),
        (
            "bridge-pivot",
            include_str!("../../../lexicon/en/bilingual-pivot.tsv"),
        ),
        (
            "bridge",
            include_str!("../../../lexicon/en/bilingual-freedict.tsv"),
        ),
        (
            "bridge-domain",
            include_str!("../../../lexicon/en/domain.tsv"),
        ),
        // SCOWL (wamerican-small, permissive licence: lexicon/LICENSE-SCOWL).
        (
            "english-words",
            include_str!("../../../lexicon/en/words-scowl.txt"),
        ),
    ],
};
