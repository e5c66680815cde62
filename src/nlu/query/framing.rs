//! Who-questions framed by a reporting verb ("siapa yang memaparkan …", "who announced …"):
//! the verb only says that someone spoke, and a report attributes the words with whichever
//! reporting verb its writer chose ("ujar", "kata", "menjelaskan"), so any of them meets it;
//! likewise "siapa pejabat …" is met by whichever title the report gives ("Ketua", "Direktur").

use super::term::SYNONYM_FACTOR;
use super::{AnswerType, Term};
use crate::nlu::index::{Index, TermId};
use crate::nlu::lexicon::Cue;

/// For a who-question, each term that is a reporting verb (`speech` in `cues.tsv`, by its word,
/// its stem or a translation) also matches every reporting verb the articles write, and each that
/// names a person only by office (`official`: "pejabat", "official") every title (`person`).
pub(super) fn add_framing_words(terms: &mut [Term], answer_type: AnswerType, index: &Index) {
    if answer_type != AnswerType::Person {
        return;
    }
    let lx = &*index.lx;
    let is = |w: &str, cue: Cue| lx.is_cue(w, cue) || lx.with_stem(w, |s| lx.is_cue(s, cue));
    let words_of = |cue: Cue| {
        let mut ids: Vec<TermId> = lx
            .words_of_cue(cue)
            .flat_map(|w| [index.term(w), lx.with_stem(w, |s| index.term(s))])
            .flatten()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let (mut verbs, mut titles): (Option<Vec<TermId>>, Option<Vec<TermId>>) = (None, None);
    for t in terms.iter_mut() {
        if t.salient || t.generic {
            continue;
        }
        let of = |cue: Cue| is(&t.word, cue) || t.forms.iter().any(|f| is(f, cue));
        let kind = if of(Cue::Speech) {
            verbs.get_or_insert_with(|| words_of(Cue::Speech))
        } else if of(Cue::Official) {
            titles.get_or_insert_with(|| words_of(Cue::Person))
        } else {
            continue;
        };
        for &id in kind.iter() {
            if !t.matches.iter().any(|(m, _)| *m == id) {
                // Another word of the kind holds the question's as a synonym does.
                t.matches.push((id, SYNONYM_FACTOR));
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
        let verb = q.term_of("menyampaikan");
        assert!(verb.in_terms(&index.passages[0].terms), "{verb:?}");
        let q = analyse("Who announced that the coffee harvest rose?", None, &index);
        let verb = q.term_of("announced");
        assert!(verb.in_terms(&index.passages[0].terms), "{verb:?}");
    }

    #[test]
    fn a_who_question_naming_a_person_only_by_office_is_met_by_any_title() {
        let index = one_article_index(ARTICLE);
        let q = analyse(
            "Siapa pejabat koperasi yang bicara soal panen kopi?",
            None,
            &index,
        );
        let official = q.term_of("pejabat");
        assert!(official.in_terms(&index.passages[0].terms), "{official:?}");
    }

    #[test]
    fn a_reporting_verb_in_a_question_asking_anything_else_keeps_its_own_word() {
        let index = one_article_index(ARTICLE);
        let q = analyse("Berapa panen kopi yang disampaikan koperasi?", None, &index);
        let verb = q.term_of("disampaikan");
        assert!(!verb.in_terms(&index.passages[0].terms), "{verb:?}");
    }
}
