//! Evidence for the answer-or-refuse model beyond the word-level checks' verdict: how much of
//! the question's specific wording, weighed by how few articles use each word, the chosen article
//! never uses, and whether the checks failed only on coverage (a passage short of words is
//! weaker evidence against answering than one lacking a name the question asks about).

use crate::nlu::article::Refusal;
use crate::nlu::index::Index;
use crate::nlu::query::Query;

/// The share of the question's ordinary specific words (known to the archive, not generic, not
/// a name, figure or rare word: those have `salient_absent` and `rare_absent`) that the article
/// holds in no paragraph and not in its title, each weighed by how telling it is that an article
/// holds it (`ln(articles / articles holding it)`: a word most articles hold missing says
/// little). It weighs the noun a reader asks about (a ferry's "captain") or the place written in
/// lower case ("ke lembah hijau") that a report on the same event never mentions.
pub(super) fn absent_share(q: &Query, index: &Index, doc: usize) -> f32 {
    let (mut all, mut absent) = (0.0f32, 0.0f32);
    for t in q
        .terms
        .iter()
        .filter(|t| !t.generic && t.known() && !t.salient && !t.rare)
    {
        let weight = t
            .matches
            .iter()
            .map(|&(id, factor)| index.doc_idf(id) * factor)
            .fold(0.0f32, f32::max);
        all += weight;
        if !super::doc_holds(t, index, doc) {
            absent += weight;
        }
    }
    if all > 0.0 { absent / all } else { 0.0 }
}

/// 1 when the word-level checks failed on the passage's share of the question's words or its
/// score alone, 0 when they hold or failed on something else: a passage short of words (a reader
/// asking at length, in chat or through a clause) is weaker evidence against answering than one
/// lacking a name the question asks about, or the kind of value.
pub(super) fn failed_on_coverage<T>(checks: &Result<T, Refusal>) -> f32 {
    f32::from(u8::from(matches!(
        checks,
        Err(Refusal::LowCoverage | Refusal::LowScore)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{lexicon, plain_article};

    #[test]
    fn a_specific_word_the_article_never_uses_counts_by_its_weight() {
        // Two articles: how telling a word is needs more than one to count in.
        let articles = [
            plain_article(
                1,
                "Pasar Kembang Raya\n\nPedagang Pasar Kembang Raya menjual beras.\n\nHarga beras naik.\n",
            ),
            plain_article(2, "Dermaga Baru\n\nPenjaga dermaga baru mencatat kapal.\n"),
        ];
        let index = Index::build(&articles, std::iter::empty(), lexicon());
        let held = analyse("siapa pedagang pasar kembang raya?", None, &index);
        assert_eq!(absent_share(&held, &index, 0), 0.0);
        let asked = analyse("siapa penjaga pasar kembang raya?", None, &index);
        let share = absent_share(&asked, &index, 0);
        assert!(share > 0.0 && share < 1.0, "{share}");
    }

    #[test]
    fn only_a_check_failed_on_coverage_or_score_is_told_apart() {
        assert_eq!(failed_on_coverage::<()>(&Ok(())), 0.0);
        assert_eq!(failed_on_coverage::<()>(&Err(Refusal::LowCoverage)), 1.0);
        assert_eq!(failed_on_coverage::<()>(&Err(Refusal::LowScore)), 1.0);
        let name = Refusal::MissingName("lembah".into());
        assert_eq!(failed_on_coverage::<()>(&Err(name)), 0.0);
    }
}
