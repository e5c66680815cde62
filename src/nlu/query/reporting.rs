//! Who-questions framed by a reporting verb ("siapa yang menyampaikan …", "who announced …"):
//! the verb only says that someone spoke, and a report attributes the words with whichever
//! reporting verb its writer chose ("ujar", "kata", "menjelaskan"), so any of them meets it.

use super::{AnswerType, Term};
use crate::nlu::index::{Index, TermId};
use crate::nlu::lexicon::Cue;

/// How much a passage holding another reporting verb holds the question's: as a synonym does.
const REPORTING_FACTOR: f32 = 0.8;

/// For a who-question, each term that is a reporting verb (`speech` in `cues.tsv`, by its word,
/// its stem or a translation) also matches every reporting verb the articles write.
pub(super) fn add_reporting_verbs(terms: &mut [Term], answer_type: AnswerType, index: &Index) {
    if answer_type != AnswerType::Person {
        return;
    }
    let lx = &*index.lx;
    let reporting =
        |w: &str| lx.is_cue(w, Cue::Speech) || lx.with_stem(w, |s| lx.is_cue(s, Cue::Speech));
    let mut verbs: Option<Vec<TermId>> = None;
    for t in terms.iter_mut() {
        if t.salient || t.generic || !(reporting(&t.word) || t.forms.iter().any(|f| reporting(f))) {
            continue;
        }
        let verbs = verbs.get_or_insert_with(|| {
            let mut ids: Vec<TermId> = lx
                .words_of_cue(Cue::Speech)
                .flat_map(|w| [index.term(w), lx.with_stem(w, |s| index.term(s))])
                .flatten()
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        });
        for &id in verbs.iter() {
            if !t.matches.iter().any(|(m, _)| *m == id) {
                t.matches.push((id, REPORTING_FACTOR));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::nlu::query::analyse;
    use crate::nlu::testing::one_article_index;

    const ARTICLE: &str = "Panen Kopi Lumbung Naik\n\nKetua Koperasi Lumbung, Andi Wibowo, \
        mengatakan panen kopi tahun ini naik.\n";

    #[test]
    fn a_who_question_s_reporting_verb_is_met_by_the_one_the_report_chose() {
        let index = one_article_index(ARTICLE);
        let q = analyse("Siapa yang menyampaikan panen kopi naik?", None, &index);
        let verb = q
            .terms
            .iter()
            .find(|t| t.word == "menyampaikan")
            .expect("a term");
        assert!(verb.in_terms(&index.passages[0].terms), "{verb:?}");
        let q = analyse("Who announced that the coffee harvest rose?", None, &index);
        let verb = q
            .terms
            .iter()
            .find(|t| t.word == "announced")
            .expect("a term");
        assert!(verb.in_terms(&index.passages[0].terms), "{verb:?}");
    }

    #[test]
    fn a_reporting_verb_in_a_question_asking_anything_else_keeps_its_own_word() {
        let index = one_article_index(ARTICLE);
        let q = analyse("Berapa panen kopi yang disampaikan koperasi?", None, &index);
        let verb = q
            .terms
            .iter()
            .find(|t| t.word == "disampaikan")
            .expect("a term");
        assert!(!verb.in_terms(&index.passages[0].terms), "{verb:?}");
    }
}
