//! Evidence for the answer-or-refuse model beyond the word-level checks' verdict: how much of
//! the question's specific wording, weighed by how few articles use each word, the chosen article
//! never uses, which of its names and numbers it never writes, and whether the checks failed
//! only on coverage (a passage short of words is weaker evidence against answering than one
//! lacking a name the question asks about).

use super::DateIndex;
use crate::nlu::article::Refusal;
use crate::nlu::dates::QuestionDates;
use crate::nlu::index::Index;
use crate::nlu::lexicon::{Lexicon, MeasureRole};
use crate::nlu::query::{AnswerType, Query, Term};

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
        let weight = super::doc_weight(t, index);
        all += weight;
        if !super::doc_holds(t, index, doc) {
            absent += weight;
        }
    }
    if all > 0.0 { absent / all } else { 0.0 }
}

/// The share of the question's terms that are English words neither the bridge nor the articles
/// know, no name or number ([`Term::untranslated`]: "reset", "iphone"). `unknown` leaves them out
/// as a dictionary's gap, and coverage counts only the words left: a question most of whose
/// words cross no dictionary ("how do I reset my iPhone password") then looked answered by the
/// one word that did.
pub(super) fn untranslated_share(q: &Query) -> f32 {
    if q.terms.is_empty() {
        return 0.0;
    }
    q.terms.iter().filter(|t| t.untranslated).count() as f32 / q.terms.len() as f32
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

/// The share of the question's salient terms the archive knows that the article holds nowhere
/// (a figure also whole, [`super::siblings::whole`]). A term no article holds ("ceiling" the bridge
/// lacks, a typo) is absent from every report alike and already counts in `unknown`, and an
/// English word made salient by its place ("average price") crossed a dictionary: counted here
/// they made a missing name look like a dictionary gap, so the fit trusted it less.
pub(super) fn salient_absent(
    salient: &[&Term],
    qd: &QuestionDates,
    index: &Index,
    dix: &DateIndex,
    doc: usize,
) -> f32 {
    // An English word the bridge translated ("average" as "biasa") is no name: the article may
    // say it otherwise, so its absence tells little.
    let known: Vec<&&Term> = salient
        .iter()
        .filter(|t| t.known() && t.forms.iter().all(|f| *f == t.word))
        .collect();
    if known.is_empty() {
        return 0.0;
    }
    let absent = known
        .iter()
        .filter(|t| !(super::doc_holds(t, index, doc) && super::siblings::whole(t, qd, dix, doc)))
        .count();
    absent as f32 / known.len() as f32
}

/// Whether a number the question quotes (a salient term of digits alone, its date's words
/// left out already: "daya 650 VA") is nowhere in the article, in any of the ways
/// [`number_held`] accepts.
pub(super) fn number_absent(salient: &[&Term], index: &Index, dix: &DateIndex, doc: usize) -> bool {
    salient.iter().any(|t| {
        !t.word.is_empty()
            && t.word.bytes().all(|b| b.is_ascii_digit())
            && !number_held(&t.word, t, index, dix, doc)
    })
}

/// Whether the article writes the number the question quotes: as a word of its index, as a
/// whole run of digits in its text ("Rp918 triliun" is one word of the index, "rp918"), or
/// with thousands separators ("3300" as "3.300").
fn number_held(n: &str, t: &Term, index: &Index, dix: &DateIndex, doc: usize) -> bool {
    if super::doc_holds(t, index, doc) {
        return true;
    }
    let grouped = {
        let mut groups: Vec<&str> = Vec::new();
        let mut end = n.len();
        while end > 3 {
            groups.push(&n[end - 3..end]);
            end -= 3;
        }
        groups.push(&n[..end]);
        groups.reverse();
        groups.join("_")
    };
    if n.len() > 3 && dix.quotes(doc, &grouped) {
        return true;
    }
    let d = &index.docs[doc];
    std::iter::once(&d.title).chain(&d.paragraphs).any(|text| {
        text.match_indices(n).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + n.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
        })
    })
}

/// 1 when a word narrowing the noun a figure's question opens with ([`Term::phrase`]: "penumpang
/// *kereta api*", "harga telur *bebek*", "kuota haji *khusus*") is nowhere in the article, title
/// included: a report on the same measure of another thing (air passengers, chicken eggs) holds
/// every other word. The noun itself is the reader's word for the measure as often as the
/// report's ("porsi", "total"), so only the words after it count; names and figures have their
/// own features, and a verb is the reader's wording as often as the report's.
pub(super) fn phrase_absent(q: &Query, index: &Index, doc: usize, lx: &Lexicon) -> f32 {
    // Only a figure's question names a thing of the report's own words ("berapa harga telur
    // bebek"); after "siapa" a role ("pejabat", "Plt Kepala") is the reader's category for a
    // name the report writes with its own title.
    if q.answer_type != AnswerType::Number {
        return 0.0;
    }
    // What says which figure ("harga", "persen", "berapa lama") rather than of what.
    let measures = |t: &Term| {
        t.generic
            || lx.is_measure_head(&t.word)
            || lx.is_measure_head(&t.stem)
            || lx.is_gradable(&t.word)
            || lx.is_calendar_word(&t.word)
            || lx.measure(&t.word, MeasureRole::Unit).is_some()
            || lx.measure(&t.word, MeasureRole::Rate).is_some()
    };
    let mut phrase = q
        .terms
        .iter()
        .filter(|t| t.phrase)
        .skip_while(|t| measures(t));
    // The noun: the first word after the measure's.
    phrase.next();
    let absent = phrase
        .filter(|t| {
            // A dictionary word no article holds ("telur bebek") is absent too; an unknown
            // spelling is chat's filler or a typo as often.
            (t.known() || lx.is_real_word(&t.word))
                && !t.salient
                && !t.context
                && !measures(t)
                && !lx.is_prefixed_verb(&t.word)
        })
        .any(|t| {
            !super::doc_holds(t, index, doc)
                && !crate::nlu::article::said_otherwise(&t.word, index, doc)
        });
    f32::from(u8::from(absent))
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
    fn a_quoted_number_is_held_glued_to_a_currency_or_with_separators() {
        let lx = lexicon();
        let article = plain_article(
            1,
            "Tarif Listrik\n\nTarif daya 3.300 VA Rp 1.234,56 per kWh, subsidi Rp918 triliun.\n",
        );
        let index = Index::build(
            std::slice::from_ref(&article),
            std::iter::empty(),
            lx.clone(),
        );
        let dix = DateIndex::build(&[article], &lx);
        let absent = |question: &str| {
            let q = analyse(question, None, &index);
            let salient: Vec<&Term> = q.terms.iter().filter(|t| t.salient).collect();
            number_absent(&salient, &index, &dix, 0)
        };
        assert!(!absent("tarif listrik 3300 VA berapa?"));
        assert!(!absent("subsidi 918 triliun untuk apa?"));
        assert!(absent("tarif listrik 650 VA berapa?"));
    }

    #[test]
    fn english_words_no_dictionary_knows_count_as_untranslated_and_weigh_against_answering() {
        let index = crate::nlu::testing::one_article_index(
            "Kata Sandi Bocor\n\nKata sandi pengguna bocor ke peretas.\n",
        );
        let q = analyse("How do I reset my iPhone password?", None, &index);
        let share = untranslated_share(&q);
        assert!(share > 0.5, "{share}");
        let asked = analyse("berapa pengguna yang kata sandinya bocor?", None, &index);
        assert_eq!(untranslated_share(&asked), 0.0);
        assert!(super::super::DecisionModel::builtin().weights.untranslated < 0.0);
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
