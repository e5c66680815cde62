//! A region the question writes in full ("Lumbung Tengah") that reports write as a newsroom's
//! blend ("Lumteng": the start of the place and the start of the compass word): the blend the
//! archive holds matches both words, so a report writing only the blend holds the region's name.

use super::analysed::Term;
use crate::nlu::index::Index;
use crate::nlu::lexicon::Lexicon;

/// The shortest blend read: shorter ones ("jate") are ordinary words as often as names.
const MIN_BLEND: usize = 5;

/// For each name followed by a compass word ("lumbung", "tengah"), the archive's words made of a
/// start of the name (two to four letters) and a start of the compass word (two to five) are
/// added to both terms' matches. Only for a pair the question writes, so once per such question.
pub(super) fn add_region_blends(terms: &mut [Term], index: &Index, lx: &Lexicon) {
    for k in 1..terms.len() {
        let (place, compass) = (&terms[k - 1], &terms[k]);
        if !place.salient || !lx.is_compass_word(&compass.word) {
            continue;
        }
        let starts = |w: &str, most: usize| -> Vec<usize> {
            (2..=most.min(w.len()))
                .filter(|&i| w.is_char_boundary(i))
                .collect()
        };
        let mut blends = Vec::new();
        for i in starts(&place.word, 4) {
            for j in starts(&compass.word, 5) {
                let blend = format!("{}{}", &place.word[..i], &compass.word[..j]);
                if blend.len() >= MIN_BLEND
                    && blend != place.word
                    && let Some(id) = index.term(&blend)
                {
                    blends.push(id);
                }
            }
        }
        for t in [k - 1, k] {
            for &id in &blends {
                if !terms[t].matches.iter().any(|(m, _)| *m == id) {
                    terms[t].matches.push((id, 1.0));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::nlu::query::analyse;
    use crate::nlu::testing::one_article_index;

    #[test]
    fn a_region_written_in_full_matches_the_blend_a_report_writes() {
        let index = one_article_index(
            "Upah Sukteng naik\n\nDewan sepakat inflasi Sukteng sebesar 2,65 persen.\n",
        );
        let blend = index.term("sukteng").expect("the report writes the blend");
        let q = analyse("Berapa inflasi Sukamaju Tengah?", None, &index);
        let matches = |w: &str| {
            q.terms
                .iter()
                .find(|t| t.word == w)
                .is_some_and(|t| t.matches.iter().any(|(id, _)| *id == blend))
        };
        assert!(matches("sukamaju"), "{:?}", q.terms);
        assert!(matches("tengah"));
        // No compass word after the name: no blend.
        let q = analyse("Berapa inflasi Sukamaju?", None, &index);
        assert!(
            q.terms
                .iter()
                .all(|t| t.matches.iter().all(|(id, _)| *id != blend))
        );
    }
}
