//! A paragraph that introduces a statement without giving it ("Namun, hasil yang lebih buruk bisa
//! terjadi, seperti disampaikan Bagas, direktur …") is quoted with the quotation that opens the
//! next paragraph, when that quotation holds a value of the kind asked and the chosen sentence
//! none: reports name the speaker, then let them say the figure.

use super::super::answer_type::{Asked, values_of};
use super::super::paragraphs::Detail;

/// The marks a paragraph opens a quotation with.
const OPENING_QUOTES: [char; 2] = ['"', '“'];

/// The paragraph after the `k`th to quote with it: it opens with a quotation holding a value of
/// the asked kind, and `typed` (the strength of the chosen sentence's own value) is 0.
pub(super) fn opened_after(
    asked: &Asked,
    typed: f32,
    detail: &Detail,
    texts: &[String],
    k: usize,
) -> Option<usize> {
    if typed > 0.0 {
        return None;
    }
    let next = k + 1;
    let opens_quote = texts
        .get(next)
        .is_some_and(|t| t.trim_start().starts_with(OPENING_QUOTES));
    if !opens_quote {
        return None;
    }
    detail
        .paragraphs
        .get(next)?
        .sentences
        .iter()
        .any(|s| !values_of(&s.toks, &s.facts, asked).is_empty())
        .then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{lexicon, one_article_index};

    /// `opened_after` for the second paragraph (index 1) of a made-up report.
    fn after_second(body: &str, raw: &str, typed: f32) -> Option<usize> {
        let lx = lexicon();
        let text = format!("Penjualan Kopi Melemah\n\n{body}");
        let index = one_article_index(&text);
        let q = analyse(raw, None, &index);
        let asked = Asked::of(&q, &lx);
        opened_after(
            &asked,
            typed,
            &index.detail(0),
            &index.docs[0].paragraphs,
            1,
        )
    }

    #[test]
    fn the_quotation_after_a_paragraph_naming_its_speaker_is_quoted_too() {
        let body = "Penjualan kopi turun pada April.\n\n\
                    Hasil yang lebih buruk bisa terjadi, seperti disampaikan Bagas Wiratama, \
                    direktur Kopi Lembah.\n\n\
                    \"Prediksi saya penjualan hanya 40 ton tahun ini,\" kata Bagas.\n";
        let raw = "Berapa prediksi penjualan kopi menurut direktur Kopi Lembah?";
        assert_eq!(after_second(body, raw, 0.0), Some(2));
        // The chosen sentence giving a figure of its own answers alone.
        assert_eq!(after_second(body, raw, 1.0), None);
    }

    #[test]
    fn a_next_paragraph_that_is_no_quotation_or_holds_no_value_is_left_out() {
        let raw = "Berapa prediksi penjualan kopi menurut direktur Kopi Lembah?";
        let plain = "Penjualan kopi turun pada April.\n\n\
                     Hasil yang lebih buruk bisa terjadi, kata direktur Kopi Lembah.\n\n\
                     Penjualan hanya 40 ton tahun ini.\n";
        assert_eq!(after_second(plain, raw, 0.0), None);
        let valueless = "Penjualan kopi turun pada April.\n\n\
                         Hasil yang lebih buruk bisa terjadi, kata direktur Kopi Lembah.\n\n\
                         \"Kami tetap optimistis,\" kata Bagas.\n";
        assert_eq!(after_second(valueless, raw, 0.0), None);
    }
}
