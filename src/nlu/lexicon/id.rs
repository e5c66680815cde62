//! Indonesian's data files (`lexicon/id/`), compiled in so the binary runs from anywhere.

use super::Source;
use crate::nlu::Lang;

pub const SOURCE: Source = Source {
    lang: Lang::Id,
    files: &[
        (
            "function-words",
            include_str!("../../../lexicon/id/function-words.txt"),
        ),
        (
            "question-words",
            include_str!("../../../lexicon/id/question-words.tsv"),
        ),
        ("yes-no", include_str!("../../../lexicon/id/yes-no.tsv")),
        (
            "particles",
            include_str!("../../../lexicon/id/particles.txt"),
        ),
        (
            "measure-heads",
            include_str!("../../../lexicon/id/measure-heads.txt"),
        ),
        ("generic", include_str!("../../../lexicon/id/generic.txt")),
        (
            "year-parts",
            include_str!("../../../lexicon/id/year-parts.txt"),
        ),
        (
            "home-words",
            include_str!("../../../lexicon/id/home-words.txt"),
        ),
        (
            "which-words",
            include_str!("../../../lexicon/id/which-words.txt"),
        ),
        (
            "cause-verbs",
            include_str!("../../../lexicon/id/cause-verbs.txt"),
        ),
        (
            "source-words",
            include_str!("../../../lexicon/id/source-words.txt"),
        ),
        (
            "rank-words",
            include_str!("../../../lexicon/id/rank-words.txt"),
        ),
        (
            "whole-period",
            include_str!("../../../lexicon/id/whole-period.txt"),
        ),
        (
            "series-end",
            include_str!("../../../lexicon/id/series-end.txt"),
        ),
        (
            "previous-report",
            include_str!("../../../lexicon/id/previous-report.txt"),
        ),
        (
            "compass-words",
            include_str!("../../../lexicon/id/compass-words.txt"),
        ),
        ("gradable", include_str!("../../../lexicon/id/gradable.txt")),
        (
            "superlatives",
            include_str!("../../../lexicon/id/superlatives.txt"),
        ),
        (
            "comparisons",
            include_str!("../../../lexicon/id/comparisons.txt"),
        ),
        ("phrases", include_str!("../../../lexicon/id/phrases.tsv")),
        (
            "demonstratives",
            include_str!("../../../lexicon/id/demonstratives.txt"),
        ),
        ("fillers", include_str!("../../../lexicon/id/fillers.txt")),
        (
            "context-words",
            include_str!("../../../lexicon/id/context-words.txt"),
        ),
        (
            "setting-words",
            include_str!("../../../lexicon/id/setting-words.txt"),
        ),
        (
            "date-positions",
            include_str!("../../../lexicon/id/date-positions.txt"),
        ),
        (
            "date-ranges",
            include_str!("../../../lexicon/id/date-ranges.txt"),
        ),
        (
            "period-words",
            include_str!("../../../lexicon/id/period-words.txt"),
        ),
        (
            "ordinal-words",
            include_str!("../../../lexicon/id/ordinal-words.tsv"),
        ),
        ("hints", include_str!("../../../lexicon/id/hints.txt")),
        (
            "definition-frames",
            include_str!("../../../lexicon/id/definition-frames.txt"),
        ),
        (
            "definition-cues",
            include_str!("../../../lexicon/id/definition-cues.txt"),
        ),
        (
            "number-words",
            include_str!("../../../lexicon/id/number-words.txt"),
        ),
        (
            "digit-words",
            include_str!("../../../lexicon/id/digit-words.tsv"),
        ),
        ("cues", include_str!("../../../lexicon/id/cues.tsv")),
        ("measures", include_str!("../../../lexicon/id/measures.tsv")),
        (
            "figure-suffixes",
            include_str!("../../../lexicon/id/figure-suffixes.tsv"),
        ),
        (
            "dates-relative",
            include_str!("../../../lexicon/id/dates-relative.tsv"),
        ),
        (
            "meta-words",
            include_str!("../../../lexicon/id/meta-words.tsv"),
        ),
        ("months", include_str!("../../../lexicon/id/months.tsv")),
        ("days", include_str!("../../../lexicon/id/days.tsv")),
        ("affixes", include_str!("../../../lexicon/id/affixes.tsv")),
        (
            "colloquial",
            include_str!("../../../lexicon/id/colloquial.tsv"),
        ),
        // IndoCollex first, then this product's readers' words, which override it.
        (
            "slang",
            include_str!("../../../lexicon/id/slang-indocollex.tsv"),
        ),
        (
            "slang",
            include_str!("../../../lexicon/id/slang-domain.tsv"),
        ),
        // LGPL-3 (hunspell-id): see lexicon/LICENSES.md.
        (
            "roots",
            include_str!("../../../lexicon/id/wordlist-hunspell.txt"),
        ),
        ("synonyms", include_str!("../../../lexicon/id/synonyms.tsv")),
        // mythes-id (LGPL-2.1, see lexicon/LICENSES.md): read only by the head-word check.
        (
            "thesaurus",
            include_str!("../../../lexicon/id/thesaurus-mythes.tsv"),
        ),
    ],
};
