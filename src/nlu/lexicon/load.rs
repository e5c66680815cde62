//! Reading the data files into a [`Lexicon`]: one parser per list shape (words, typed words,
//! calendar rows, affixes, maps), with a clear error naming the file and row that is malformed.

use std::collections::HashSet;

use super::{
    ColloquialKind, Cue, Lexicon, LexiconError, Measure, MeasureRole, MetaWord, Source, YesNo,
};
use crate::nlu::dates::Relative;
use crate::nlu::lang::Lang;
use crate::nlu::query::AnswerType;

use super::word_facts;

/// The rows of a data file: trimmed, without comments and blank lines.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    pub fn from_sources(sources: &[Source]) -> Result<Lexicon, LexiconError> {
        let mut lx = Lexicon::default();
        for source in sources {
            for &(list, text) in source.files {
                lx.read(source.lang, list, text)?;
            }
        }
        // Indonesian function words carry nothing across ("who" → "yang|siapa"); an English one
        // on the Indonesian side is an Indonesian word ("as" for "US").
        let function_id = lx.function.get(&Lang::Id).cloned().unwrap_or_default();
        for translations in lx.english.values_mut().chain(lx.english_pivot.values_mut()) {
            translations.retain(|w| !function_id.contains(w));
            let mut seen = HashSet::new();
            translations.retain(|w| seen.insert(w.clone()));
        }
        lx.english.retain(|_, t| !t.is_empty());
        for (en, later) in lx.english_later.iter_mut() {
            let first = lx.english.get(en);
            later.retain(|w| {
                !lx.function.values().any(|f| f.contains(w))
                    && !first.is_some_and(|t| t.contains(w))
            });
            let mut seen = HashSet::new();
            later.retain(|w| seen.insert(w.clone()));
        }
        lx.english_later.retain(|_, t| !t.is_empty());
        lx.english_pivot
            .retain(|en, t| !t.is_empty() && !lx.english.contains_key(en));
        // A lemma that is a function word ("dalam" for "late") carries nothing, as in the bridge.
        for lemmas in lx.english_wordnet.values_mut() {
            lemmas.retain(|l| !lx.function.values().any(|f| f.contains(l)));
        }
        lx.english_wordnet.retain(|_, t| !t.is_empty());
        lx.function_any = lx.function.values().flatten().cloned().collect();
        lx.index_phrases();
        lx.index_shortened();
        lx.phrase_ends = lx
            .english
            .keys()
            .filter_map(|k| k.split_once(' ').map(|(_, end)| end.to_string()))
            .collect();
        let formal = lx.slang.values().flatten().chain(lx.synonyms.keys());
        lx.facts.mark(formal.cloned(), word_facts::FORMAL);
        lx.mark_facts();
        Ok(lx)
    }

    fn read(&mut self, lang: Lang, list: &'static str, text: &str) -> Result<(), LexiconError> {
        let bad = |line: &str, reason| LexiconError {
            lang,
            list,
            line: line.to_string(),
            reason,
        };
        let words =
            |set: &mut super::HashSet<String>| set.extend(rows(text).map(str::to_lowercase));
        let mark = |facts: &mut word_facts::WordLists, bits| {
            facts.mark(rows(text).map(str::to_lowercase), bits)
        };
        match list {
            "function-words" => {
                words(self.function.entry(lang).or_default());
                mark(&mut self.facts, word_facts::function(lang));
            }
            "hints" => mark(&mut self.facts, word_facts::hint(lang)),
            "particles" => words(&mut self.particles),
            "measure-heads" => words(&mut self.measure_heads),
            "generic" => words(&mut self.generic),
            "home-words" => words(&mut self.home_words),
            "year-parts" => words(&mut self.year_parts),
            "which-words" => words(&mut self.which_words),
            "rank-words" => words(&mut self.rank_words),
            "source-words" => words(&mut self.source_words),
            "cause-verbs" => words(&mut self.cause_verbs),
            "whole-period" => words(&mut self.whole_period),
            "series-end" => words(&mut self.series_end),
            "previous-report" => words(&mut self.previous_report),
            "gradable" => words(&mut self.gradable),
            "superlatives" => words(&mut self.superlatives),
            "comparisons" => {
                for line in rows(text) {
                    let Some((phrase, side)) = line.split_once('\t') else {
                        return Err(bad(line, "no tab-separated side"));
                    };
                    let above = match side.trim() {
                        "above" => true,
                        "below" => false,
                        _ => return Err(bad(line, "side is neither above nor below")),
                    };
                    self.comparisons.insert(phrase.trim().to_lowercase(), above);
                }
            }
            "phrases" => {
                for line in rows(text) {
                    let Some((phrase, word)) = line.split_once('\t') else {
                        return Err(bad(line, "no tab-separated word"));
                    };
                    self.phrases
                        .push((phrase.trim().to_lowercase(), word.trim().to_lowercase()));
                }
            }
            "demonstratives" => words(&mut self.demonstratives),
            "fillers" => words(&mut self.fillers),
            "context-words" => words(&mut self.context_words),
            "clause-nouns" => words(&mut self.clause_nouns),
            "articles" => words(&mut self.articles),
            "setting-words" => words(&mut self.setting_words),
            "date-positions" => words(&mut self.date_positions),
            "date-ranges" => words(&mut self.date_ranges),
            "level-verbs" => words(&mut self.level_verbs),
            "ordinal-suffixes" => words(&mut self.ordinal_suffixes),
            "number-words" => words(&mut self.number_words),
            "roots" => mark(&mut self.facts, word_facts::ROOT),
            "definition-cues" => words(&mut self.definition_cues),
            "definition-frames" => {
                for line in rows(text) {
                    let line = line.to_lowercase();
                    let (open, close) = line.split_once('~').unwrap_or((&line, ""));
                    let split = |s: &str| s.split_whitespace().map(String::from).collect();
                    self.definition_frames.push((split(open), split(close)));
                }
            }
            // Case tells "2M" (miliar) from "2m" (a metre): the keys keep it.
            "figure-suffixes" => {
                for line in rows(text) {
                    let Some((short, word)) = line.split_once('\t') else {
                        return Err(bad(line, "no tab-separated second column"));
                    };
                    self.figure_suffixes
                        .insert(short.trim().to_string(), word.trim().to_lowercase());
                }
            }
            "digit-words" => {
                for line in rows(text) {
                    let Some((digit, word)) = line.split_once('\t') else {
                        return Err(bad(line, "no tab-separated second column"));
                    };
                    self.digit_words
                        .insert(digit.trim().to_string(), word.trim().to_lowercase());
                }
            }
            "thesaurus" => {
                for line in rows(text) {
                    let Some((word, others)) = line.split_once('\t') else {
                        return Err(bad(line, "no tab-separated second column"));
                    };
                    let others = others.split('|').map(str::to_string).collect();
                    self.thesaurus.insert(word.to_string(), others);
                }
            }
            "compass-words" if lang == Lang::En => {
                for line in rows(text) {
                    let Some((en, id)) = line.split_once('\t') else {
                        return Err(bad(line, "no tab-separated second column"));
                    };
                    let words = id.split('|').map(|w| w.trim().to_lowercase()).collect();
                    self.english_compass.insert(en.trim().to_lowercase(), words);
                }
            }
            "compass-words" => words(&mut self.compass_words),
            "period-words" if lang == Lang::En => {
                // A line's English nouns name the part of its Indonesian head noun's line.
                for line in rows(text) {
                    let mut nouns = line.split_whitespace().map(str::to_lowercase);
                    let head = nouns.next().unwrap_or_default();
                    let Some(&group) = self.period_words.get(&head) else {
                        return Err(bad(line, "the head noun is in no id/period-words.txt line"));
                    };
                    for w in nouns {
                        self.period_words.insert(w.clone(), group);
                        self.ordinal_first_period_words.insert(w);
                    }
                }
            }
            "period-words" => {
                // One line, one part: its words name it alike ("kuartal triwulan").
                // After a `|`, the shorthand of the line's first noun.
                for (group, line) in rows(text).enumerate() {
                    let (nouns, shorthand) = line.split_once('|').unwrap_or((line, ""));
                    for w in nouns.split_whitespace().chain(shorthand.split_whitespace()) {
                        self.period_words.insert(w.to_lowercase(), group);
                    }
                    let noun = nouns.split_whitespace().next().unwrap_or_default();
                    for w in shorthand.split_whitespace() {
                        self.period_shorthand
                            .insert(w.to_lowercase(), noun.to_lowercase());
                    }
                }
            }
            "ordinal-words" => {
                // English ordinals are read only before a series noun (`Lexicon::ordinal_before`).
                let ordinals = match lang {
                    Lang::En => &mut self.ordinal_first_words,
                    Lang::Id => &mut self.ordinal_words,
                };
                for line in rows(text) {
                    let Some((n, word)) = line.split_once('\t') else {
                        return Err(bad(line, "no tab-separated second column"));
                    };
                    let n = n.trim().parse().map_err(|_| bad(line, "no number"))?;
                    ordinals.insert(word.trim().to_lowercase(), n);
                }
            }
            "english-words" => mark(&mut self.facts, word_facts::ENGLISH),
            "synonyms" => {
                // Each line is a group of near-synonyms: every word maps to the others.
                for line in rows(text) {
                    let group: Vec<&str> = line.split_whitespace().collect();
                    for w in &group {
                        let entry = self.synonyms.entry(w.to_string()).or_default();
                        entry.extend(group.iter().filter(|o| *o != w).map(|o| o.to_string()));
                    }
                }
            }
            "bridge" | "bridge-domain" | "bridge-wordnet" | "bridge-pivot" => self
                .read_bridge(list, text)
                .map_err(|line| bad(line, "no tab-separated second column"))?,
            _ => {
                for line in rows(text) {
                    let mut cols = line.split('\t').map(str::trim);
                    let (Some(key), Some(value)) = (cols.next(), cols.next()) else {
                        return Err(bad(line, "no tab-separated second column"));
                    };
                    let third = cols.next();
                    self.read_row(list, key, value, third, lang)
                        .map_err(|reason| bad(line, reason))?;
                }
            }
        }
        Ok(())
    }

    fn read_row(
        &mut self,
        list: &str,
        key: &str,
        value: &str,
        third: Option<&str>,
        lang: Lang,
    ) -> Result<(), &'static str> {
        let key = key.to_lowercase();
        match list {
            "question-words" => {
                let t = answer_type(value).ok_or("unknown answer type")?;
                self.question_words.insert(key, t);
            }
            "yes-no" => {
                let role = match value {
                    "opener" => YesNo::Opener,
                    "closer" => YesNo::Closer,
                    "marker" => YesNo::Marker,
                    _ => return Err("unknown yes/no role"),
                };
                self.yes_no.entry(key).or_default().push(role);
            }
            "cues" => {
                let cue = match value {
                    "when" => Cue::When,
                    "condition" => Cue::Condition,
                    "cause" => Cue::Cause,
                    "stance" => Cue::Stance,
                    "hearsay" => Cue::Hearsay,
                    "speech" => Cue::Speech,
                    "place" => Cue::Place,
                    "manner" => Cue::Manner,
                    "unit" => Cue::Unit,
                    "time" => Cue::Time,
                    "person" => Cue::Person,
                    "official" => Cue::Official,
                    _ => return Err("unknown cue"),
                };
                self.cues.entry(key).or_default().push(cue);
            }
            "measures" => {
                match third {
                    Some("scale") => {
                        let multiplier = value.parse().map_err(|_| "scale without a multiplier")?;
                        self.scales.insert(key, multiplier);
                        return Ok(());
                    }
                    Some("label") => {
                        self.labels.insert(key);
                        return Ok(());
                    }
                    _ => {}
                }
                let measure = match value {
                    "money" => Measure::Money,
                    "percent" => Measure::Percent,
                    "people" => Measure::People,
                    "count" => Measure::Count,
                    "mass" => Measure::Mass,
                    "volume" => Measure::Volume,
                    "points" => Measure::Points,
                    "level" => Measure::Level,
                    "duration" => Measure::Duration,
                    "distance" => Measure::Distance,
                    "area" => Measure::Area,
                    _ => return Err("unknown measure"),
                };
                let role = match third {
                    Some("unit") => MeasureRole::Unit,
                    Some("prefix") => MeasureRole::Prefix,
                    Some("noun") => MeasureRole::Noun,
                    Some("rate") => MeasureRole::Rate,
                    _ => return Err("no or unknown measure role in the third column"),
                };
                self.measures.entry(key).or_default().push((measure, role));
            }
            "dates-relative" => {
                let r = Relative::parse(value).ok_or("unknown relative date")?;
                self.relative_dates.insert(key, r);
            }
            "meta-words" => {
                let kind = match value {
                    "author" => MetaWord::Author,
                    "published" => MetaWord::Published,
                    "title" => MetaWord::Title,
                    "source" => MetaWord::Source,
                    "article" => MetaWord::Article,
                    "when" => MetaWord::When,
                    _ => return Err("unknown meta word kind"),
                };
                self.meta_words.entry(key).or_default().push(kind);
            }
            "months" | "days" => {
                let number: u32 = key.parse().map_err(|_| "not a number")?;
                let names: Vec<&str> = value.split('|').map(str::trim).collect();
                self.calendar.insert(names[0].to_string());
                if list == "months" {
                    let full = self.month_names.entry(lang).or_default();
                    if full.len() + 1 != number as usize {
                        return Err("months out of order");
                    }
                    full.push(names[0].to_string());
                    for n in &names {
                        self.months.insert(n.to_string(), number);
                    }
                } else {
                    self.days
                        .extend(names.iter().map(|n| (n.to_string(), number)));
                }
            }
            "affixes" => match key.as_str() {
                "prefix" => {
                    let letter = third.and_then(|t| t.chars().next());
                    // A letter the prefix ends in merged with the root's ("ter" + "rendah"),
                    // or that its nasal replaced ("mem" + "pilih").
                    if let Some(l) = letter {
                        self.lettered_prefixes.push((value.to_string(), l));
                    }
                    self.prefixes.push((value.to_string(), letter));
                }
                "suffix" => self.suffixes.push(value.to_string()),
                "verb-prefix" => self.verb_prefixes.push(value.to_string()),
                "agent-prefix" => self.agent_prefixes.push(value.to_string()),
                "enclitic" => self.enclitics.push(value.to_string()),
                _ => return Err("unknown affix kind"),
            },
            "colloquial" => {
                let kind = match key.as_str() {
                    "nasal" => ColloquialKind::Nasal,
                    "initial" => ColloquialKind::Initial,
                    "passive" => ColloquialKind::Passive,
                    "suffix" => ColloquialKind::Suffix,
                    "ending" => ColloquialKind::Ending,
                    "last-vowel" => ColloquialKind::LastVowel,
                    _ => return Err("unknown colloquial kind"),
                };
                let formal = third
                    .ok_or("no third column")?
                    .split('|')
                    .map(|f| if f == "-" { "" } else { f }.to_string())
                    .collect();
                self.colloquial.push((kind, value.to_string(), formal));
            }
            "loan-spelling" => {
                let to = third.ok_or("no third column")?;
                match key.as_str() {
                    "end" => self.loan_endings.push((
                        value.to_string(),
                        to.split('|')
                            .map(|r| if r == "-" { "" } else { r }.to_string())
                            .collect(),
                    )),
                    "spell" => self.loan_spelling.push((value.to_string(), to.to_string())),
                    _ => return Err("unknown loan-spelling kind"),
                }
            }
            "irregular" => {
                self.irregular
                    .entry(key)
                    .or_default()
                    .extend(value.split('|').map(|b| b.trim().to_string()));
            }
            "spelling-variants" => self.spelling_variants.push((key, value.to_string())),
            "inflections" | "derivations" => {
                let replacements = value
                    .split('|')
                    .map(|r| {
                        if r == "-" {
                            String::new()
                        } else {
                            r.to_string()
                        }
                    })
                    .collect();
                if list == "derivations" {
                    self.derivations.push((key, replacements));
                } else {
                    self.inflections.push((key, replacements));
                }
            }
            "slang" => {
                // The formal side reads as the question's own words do: the tokenizer squeezes a
                // run of three letters ("haiii") but keeps a roman numeral's ("Triwulan III").
                let formal: Vec<String> = value
                    .split_whitespace()
                    .map(|w| crate::nlu::text::as_token(w.to_string()))
                    .collect();
                // A row mapping a word to itself takes it out of the map (the domain file
                // overrides IndoCollex that way).
                if formal.len() == 1 && formal[0] == key {
                    self.slang.remove(&key);
                } else {
                    self.slang.insert(key, formal);
                }
            }
            _ => return Err("unknown list"),
        }
        Ok(())
    }
}

fn answer_type(name: &str) -> Option<AnswerType> {
    Some(match name {
        "date" => AnswerType::Date,
        "number" => AnswerType::Number,
        "person" => AnswerType::Person,
        "reason" => AnswerType::Reason,
        "place" => AnswerType::Place,
        "manner" => AnswerType::Manner,
        _ => return None,
    })
}
