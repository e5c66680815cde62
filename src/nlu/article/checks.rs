//! Deciding whether the best passage really answers: the score, the lead over other articles, the
//! share of the question's words found, a specific keyword, and every name or number it mentions.

use crate::nlu::index::{Index, Passage};
use crate::nlu::intents::Thresholds;
use crate::nlu::query::{AnswerType, Query, Term};

use super::{
    Decision, Refusal, Scored, coverage, elsewhere_in_doc, found, found_in_title, in_doc,
    type_match,
};

/// Answer or refuse, from the ranking.
pub fn decide(
    q: &Query,
    index: &Index,
    ranked: &[Scored],
    th: &Thresholds,
) -> Result<Decision, Refusal> {
    if q.terms.is_empty() {
        return Err(Refusal::NoContent);
    }
    let best = ranked.first().ok_or(Refusal::NoMatch)?;
    // A yes/no question asserts a relation, so its predicate must be where its names are: a
    // runner-up passage that holds it all answers instead, or the question is refused.
    if q.answer_type == AnswerType::YesNo
        && let Some(t) = predicate_gap(q, index, &index.passages[best.passage])
    {
        let next = ranked
            .iter()
            .take(4)
            .position(|s| predicate_gap(q, index, &index.passages[s.passage]).is_none());
        return match next {
            Some(pos) => decide(q, index, &ranked[pos..], th),
            None => Err(Refusal::MissingWord(t.word.clone())),
        };
    }
    // "Siapa pendiri Telegram?": a who-question whose predicate the article never uses asks about
    // something else, however well the name matches.
    if q.answer_type == AnswerType::Person
        && let Some(t) = foreign_predicate(q, index)
    {
        return Err(Refusal::MissingWord(t.word.clone()));
    }
    let passage = &index.passages[best.passage];
    let doc = passage.doc as usize;
    // What the question asks about must be something the article speaks of.
    if let Some(t) = unspoken_head(q, index, doc).filter(|_| !told_by_predicate(q, index, doc)) {
        return Err(Refusal::MissingWord(t.word.clone()));
    }
    // Neighbours may complete the answer; names and numbers may sit there or in the title.
    let neighbours: Vec<&Passage> = [
        (passage.paragraph as usize).checked_sub(1),
        Some(passage.paragraph as usize + 1),
    ]
    .into_iter()
    .flatten()
    .filter_map(|i| index.passage_of(doc, i))
    .collect();
    for t in q.terms.iter().filter(|t| t.salient) {
        let near = std::iter::once(passage)
            .chain(neighbours.iter().copied())
            .any(|p| found(t, p) > 0.0);
        if !near && !found_in_title(t, index, passage) && !elsewhere_in_doc(t, index, passage) {
            return Err(Refusal::MissingName(t.word.clone()));
        }
    }
    if best.score < th.min_score {
        return Err(Refusal::LowScore);
    }
    let mut paragraphs = vec![passage.paragraph as usize];
    let mut cov = best.coverage;
    // A neighbour completes an answer; it does not make one out of two weak halves.
    if cov < th.min_coverage {
        return Err(Refusal::LowCoverage);
    }
    for n in &neighbours {
        let joined = if n.paragraph < passage.paragraph {
            [*n, passage]
        } else {
            [passage, *n]
        };
        let c = coverage(q, index, &joined);
        if c > cov + 0.1 {
            cov = c;
            paragraphs = joined.iter().map(|p| p.paragraph as usize).collect();
        }
    }
    if cov < th.min_coverage {
        return Err(Refusal::LowCoverage);
    }
    // Numbers and times must be in what is quoted; a neighbour that has one and shares the
    // question's words completes the answer.
    if matches!(q.answer_type, AnswerType::Date | AnswerType::Number) {
        // "Kapan …?" may be answered by a condition ("jika …") when the passage is plainly about
        // what was asked; otherwise it needs a real date.
        let clear = best.coverage >= 0.8;
        let holds = |i: usize| {
            index.passage_of(doc, i).is_some_and(|p| {
                type_match(q.answer_type, p).unwrap_or(false)
                    || (q.answer_type == AnswerType::Date && clear && p.flags.has_condition)
            })
        };
        if !paragraphs.iter().any(|&i| holds(i)) {
            let helper = neighbours.iter().find(|n| {
                holds(n.paragraph as usize)
                    && q.terms.iter().any(|t| !t.generic && found(t, n) > 0.0)
            });
            match helper {
                Some(n) => {
                    paragraphs.push(n.paragraph as usize);
                    paragraphs.sort_unstable();
                    paragraphs.dedup();
                }
                None => return Err(Refusal::WrongType),
            }
        }
    }
    // "Kenapa …?" answered by a passage restating the fact: its neighbour may give the cause.
    if q.answer_type == AnswerType::Reason
        && !passage.flags.has_cause
        && let Some(n) = neighbours
            .iter()
            .find(|n| n.flags.has_cause && q.terms.iter().any(|t| !t.generic && found(t, n) > 0.0))
    {
        paragraphs.push(n.paragraph as usize);
        paragraphs.sort_unstable();
        paragraphs.dedup();
    }
    let specific = q.terms.iter().any(|t| {
        !t.generic
            && paragraphs
                .iter()
                .any(|&i| index.passage_of(doc, i).is_some_and(|p| found(t, p) > 0.0))
    });
    if !specific {
        return Err(Refusal::OnlyGenericWords);
    }
    let rival = ranked
        .iter()
        .find(|s| index.passages[s.passage].doc as usize != doc);
    let margin = match rival {
        Some(r) => (best.score - r.score) / best.score.max(1e-6),
        None => 1.0,
    };
    if let Some(r) = rival
        && margin < th.min_margin
        && r.coverage >= best.coverage
    {
        return Err(Refusal::Ambiguous);
    }
    let confidence =
        (0.45 * cov + 0.35 * (best.score / 0.6).min(1.0) + 0.2 * margin.clamp(0.0, 1.0))
            .clamp(0.0, 1.0);
    Ok(Decision {
        doc,
        paragraphs,
        confidence,
    })
}
/// The question word a yes/no answer from this passage would leave out: a specific word this
/// article uses, but only in other paragraphs ("Apakah Telegram membeli Signal?": the names are in
/// the paragraph about switching, "beli" only in the one about Facebook buying WhatsApp), or a
/// prefixed verb this article does not use ("Apakah Kominfo memblokir WhatsApp?", "Apakah OJK
/// mengakuisisi bank digital?"). Gradable words
/// ("naik", "aman") are left to coverage: a passage may answer them in other words.
fn predicate_gap<'q>(q: &'q Query, index: &Index, passage: &Passage) -> Option<&'q Term> {
    let lx = &index.lx;
    q.terms.iter().find(|t| {
        if t.salient {
            // Names too: a neighbour may complete an answer, not supply one side of the relation.
            return t.known() && found(t, passage) == 0.0 && !found_in_title(t, index, passage);
        }
        !t.generic
            && !lx.is_gradable(&t.word)
            && if t.known() {
                found(t, passage) == 0.0
                    && !found_in_title(t, index, passage)
                    && (elsewhere_in_doc(t, index, passage)
                        || (q.lang == crate::nlu::lang::Lang::Id && lx.is_prefixed_verb(&t.word)))
            } else {
                q.lang == crate::nlu::lang::Lang::Id && lx.is_prefixed_verb(&t.word)
            }
    })
}

/// A word of a who-question that no article uses and that carries its predicate: an Indonesian
/// prefixed verb or agent noun, or any unknown English content word ("founded"). Not a word of
/// a clause placing the question ("Saat pedagang kopi menjerit, …"): that is the reader's
/// telling of the event, which the report may tell in other words.
fn foreign_predicate<'q>(q: &'q Query, index: &Index) -> Option<&'q Term> {
    let lx = &index.lx;
    q.terms.iter().find(|t| {
        !t.known()
            && !q.placed_elsewhere(t)
            && !t.salient
            && !t.generic
            && !lx.is_gradable(&t.word)
            && match q.lang {
                crate::nlu::lang::Lang::Id => {
                    lx.is_prefixed_verb(&t.word) || lx.is_agent_noun(&t.word)
                }
                crate::nlu::lang::Lang::En => true,
            }
    })
}

/// The term naming what an Indonesian question asks about ("siapa pemilik …", "berapa utang …")
/// that the article speaks of nowhere, in no paragraph and not in its title. An English
/// question's word crossed a dictionary, which may miss the article's word: left to the model. A
/// place noun asked with "mana" ("provinsi mana", "kota mana") names the kind of answer, whose name
/// a report writes without the noun ("terbanyak di Contoh Barat"), not a topic it must speak of.
pub(crate) fn unspoken_head<'q>(q: &'q Query, index: &Index, doc: usize) -> Option<&'q Term> {
    if q.lang != crate::nlu::lang::Lang::Id {
        return None;
    }
    let kind_of_place = |t: &Term| {
        q.answer_type == AnswerType::Place
            && index.lx.is_cue(&t.word, crate::nlu::lexicon::Cue::Place)
    };
    let title = &index.docs[doc].title_terms;
    q.terms.iter().find(|t| {
        t.head
            && !kind_of_place(t)
            && !t.untranslated
            && !in_doc(t, index, doc)
            && !t.in_terms(title)
            && !root_in_doc(&t.word, index, doc)
            && !derived_in_doc(&t.word, index, doc)
            && !said_otherwise(&t.word, index, doc)
    })
}

/// Whether the article writes the asked noun as a root under affixes ("berapa target …": the
/// report writes only the verb, "menargetkan"): it speaks of the thing in a verb of it. The
/// stemmer does not always reach the root (a nasal prefix before a vowel is read as replacing a
/// letter), so the article's words are split by the lexicon's affix rules. Read only when a
/// question is about to be refused.
fn derived_in_doc(word: &str, index: &Index, doc: usize) -> bool {
    let lx = &index.lx;
    if !lx.is_real_word(word) {
        return false;
    }
    // A nasal prefix may replace the root's first letter ("menargetkan"): the rest must be there.
    let rest = &word[word.chars().next().map_or(0, char::len_utf8)..];
    let words = index.article_words(doc);
    let mut seen = rustc_hash::FxHashSet::default();
    words.iter().any(|w| {
        w.len() > word.len()
            && w.contains(rest)
            && seen.insert(w.as_str())
            && crate::nlu::query::strip_affixes(w, lx)
                .iter()
                .any(|r| r == word)
    })
}

/// "Siapa kiper X yang menggagalkan penalti?": a who-question's prefixed verb, outside a clause
/// placing it, that the article writes tells who is asked, so the role noun the report leaves out
/// (it names the person without it as often as with it) is no reason to refuse. Among sibling
/// reports the one speaking of the role still wins a near tie on it (`unspoken_head`).
fn told_by_predicate(q: &Query, index: &Index, doc: usize) -> bool {
    q.answer_type == AnswerType::Person
        && q.terms.iter().any(|t| {
            !t.head
                && !t.generic
                && !q.placed_elsewhere(t)
                && index.lx.is_prefixed_verb(&t.word)
                && in_doc(t, index, doc)
        })
}

/// Whether the article writes a thesaurus word for the question's word ("wisatawan" for "turis",
/// "perkiraan" for "proyeksi"): it speaks of what is asked in its own word.
pub(crate) fn said_otherwise(word: &str, index: &Index, doc: usize) -> bool {
    let lx = &index.lx;
    let ids: Vec<_> = lx
        .thesaurus_of(word)
        .iter()
        .chain(lx.thesaurus_of(&lx.stem(word)))
        .filter_map(|w| index.term(w).or_else(|| lx.with_stem(w, |s| index.term(s))))
        .collect();
    paragraph_holds_any(&ids, index, doc)
}

/// Whether the article writes the root of a process noun asked about ("berapa persen
/// penurunan …": the article says the tariff "turun"). Snowball leaves such a noun at a stem its
/// root does not share when the prefix replaced the root's first letter (penurunan → "urun",
/// turun → "turun"). Only a noun in -an (peN-…-an names the process): an agent noun
/// ("pemilik") is another thing than its root's verb, so the article must speak of it.
fn root_in_doc(word: &str, index: &Index, doc: usize) -> bool {
    let lx = &index.lx;
    if !word.ends_with("an") {
        return false;
    }
    let ids: Vec<_> = crate::nlu::query::strip_affixes(word, lx)
        .into_iter()
        .filter(|r| lx.is_real_word(r))
        .filter_map(|r| {
            index
                .term(&r)
                .or_else(|| lx.with_stem(&r, |s| index.term(s)))
        })
        .collect();
    paragraph_holds_any(&ids, index, doc)
}

/// Whether a paragraph of the article holds one of the terms.
fn paragraph_holds_any(ids: &[crate::nlu::index::TermId], index: &Index, doc: usize) -> bool {
    !ids.is_empty()
        && (0..index.docs[doc].paragraphs.len())
            .filter_map(|i| index.passage_of(doc, i))
            .any(|p| ids.iter().any(|id| p.terms.binary_search(id).is_ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_writing_a_thesaurus_word_for_the_asked_one_speaks_of_it() {
        let index = crate::nlu::testing::one_article_index(
            "Kunjungan ke Lumbung\n\nWisatawan asing ke Lumbung naik jadi 1.200 orang.\n",
        );
        assert!(said_otherwise("turis", &index, 0));
        assert!(!said_otherwise("petani", &index, 0));
    }

    #[test]
    fn a_role_noun_the_report_leaves_out_is_forgiven_when_the_question_names_what_the_person_did() {
        let index = crate::nlu::testing::one_article_index(
            "Lumbung FC Menang\n\nAndi menggagalkan penalti Sukamaju FC pada menit ke-80.\n",
        );
        let refusal = |raw: &str| {
            let q = crate::nlu::query::analyse(raw, None, &index);
            let ranked = super::super::rank(&q, &index, None, None);
            // No thresholds: only the word checks can refuse.
            let th = Thresholds {
                min_score: 0.0,
                min_coverage: 0.0,
                min_margin: 0.0,
                smalltalk: 0.0,
            };
            decide(&q, &index, &ranked, &th).err()
        };
        assert!(!matches!(
            refusal("Siapa kiper Lumbung FC yang menggagalkan penalti?"),
            Some(Refusal::MissingWord(_))
        ));
        // With nothing but the role and the team, the role is what is asked.
        assert_eq!(
            refusal("Siapa kiper Lumbung FC?"),
            Some(Refusal::MissingWord("kiper".into()))
        );
    }

    #[test]
    fn a_verb_no_article_uses_is_a_foreign_predicate_only_where_it_asks() {
        let index = crate::nlu::testing::one_article_index(
            "Harga Kopi Naik\n\nPedagang kopi di Lumbung, Sari, mengeluh harga naik.\n",
        );
        let foreign = |raw: &str| {
            let q = crate::nlu::query::analyse(raw, None, &index);
            foreign_predicate(&q, &index).map(|t| t.word.clone())
        };
        assert_eq!(
            foreign("Siapa yang menggoreng kopi di Lumbung?").as_deref(),
            Some("menggoreng")
        );
        // The reader's telling of the event placing the question is no predicate.
        assert_eq!(
            foreign("Saat pedagang kopi menjerit, siapa pedagang di Lumbung?"),
            None
        );
    }

    #[test]
    fn an_asked_noun_the_report_writes_only_as_its_verb_or_a_dimension_asked_is_spoken_of() {
        let index = crate::nlu::testing::one_article_index(
            "Bibit Kopi Lumbung\n\nKepala desa Andi menargetkan 1.200 bibit kopi tertanam \
             tahun ini. Gudang bibit berada 12 kilometer dari Sukamaju.\n",
        );
        let head = |raw: &str| {
            let q = crate::nlu::query::analyse(raw, None, &index);
            unspoken_head(&q, &index, 0).map(|t| t.word.clone())
        };
        assert_eq!(head("Berapa target bibit kopi Lumbung?"), None);
        assert_eq!(head("Berapa jauh gudang bibit dari Sukamaju?"), None);
        // A noun the report writes in no form is still missing.
        assert_eq!(
            head("Berapa tunggakan bibit kopi Lumbung?").as_deref(),
            Some("tunggakan")
        );
    }
}
