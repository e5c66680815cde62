//! What a question asks about (its head term): the noun right after its question word, or in
//! English the one after an opening "which", when it may be one at all.

use super::Term;
use super::affixes::is_dictionary_form;
use crate::nlu::lexicon::{Cue, Lexicon, MeasureRole, MetaWord};
use crate::nlu::text::Token;

/// English names the kind of thing asked right after an opening "which" ("which village had
/// …", "in which city …"), as Indonesian does before "mana": that word is what the question asks
/// about (its head), unless another word already is. The first word, as after "berapa": without
/// word classes, the phrase's end is unknown ("which commodities drove inflation").
pub(super) fn which_head(terms: &mut [Term], tokens: &[Token], lx: &Lexicon) {
    if terms.iter().any(|t| t.head) {
        return;
    }
    let Some(at) = tokens.iter().position(|t| lx.is_which_word(&t.word)) else {
        return;
    };
    if !tokens[..at].iter().all(|t| lx.is_function(&t.word)) {
        return;
    }
    let first = tokens
        .get(at + 1)
        .filter(|t| !lx.is_function(&t.word))
        .and_then(|t| terms.iter().position(|term| term.word == t.word));
    if let Some(k) = first
        && may_head(&terms[k], lx)
    {
        terms[k].head = true;
    }
}

/// Whether a term may be what the question asks about: a noun, neither general nor a name (a
/// name says about whom), nor a verb ("dimiliki": worded by the reader as often as by the article).
pub(super) fn may_head(term: &Term, lx: &Lexicon) -> bool {
    !term.generic
        && !term.context
        && !term.salient
        && !lx.is_prefixed_verb(&term.word)
        // A word no article holds and no dictionary lists ("brp abis naik": chat's filler or an
        // unknown spelling) cannot say what is asked: an article lacking it is no sign it lacks
        // the answer.
        && (term.known() || is_dictionary_form(&term.word, lx) || lx.is_real_word(&term.stem))
        // "Yg ngomong … siapa": a verb of speech asks who spoke (the report writes "kata",
        // "ujar"), it names no thing the report must hold.
        && !lx.is_cue(&term.word, Cue::Speech)
        // "Berapa lama …": a gradable word describes the measure asked for, names no thing.
        && !lx.is_gradable(&term.word)
        // "Berapa jumlah …": a measure noun says what kind of figure is asked; the word it
        // governs (salient already) says of what.
        && !lx.is_measure_head(&term.word)
        // … with its clitic too ("jumlahnya", "siapa namanya").
        && !lx.is_measure_head(&term.stem)
        // "… di mana Januari 2025": a month says when, not what is asked.
        && !lx.is_calendar_word(&term.word)
        // "Berapa persen …", "brp liter": a unit says in what the figure is given, not of what.
        && lx.measure(&term.word, MeasureRole::Unit).is_none()
        // "Brp sehari": a rate's denominator says per what, not of what.
        && lx.measure(&term.word, MeasureRole::Rate).is_none()
        // "Brp rebu", "brp t": a scale says how large the figure is, which the report may write
        // in digits ("Rp5.000"), not of what.
        && !lx.is_scale(&term.word)
        // "Laporan … edisi Selasa: berapa …": a word pointing at the report itself says which
        // report, not what is asked; the report need not write it.
        && !lx.is_meta_word(&term.word, MetaWord::Article)
}
