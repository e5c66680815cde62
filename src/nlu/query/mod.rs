//! Question analysis: normalised tokens → slang map → English bridge → typo correction → stems,
//! giving the content terms to score with (each with the term ids it may match) and the question's
//! expected answer type.
//!
//! Split by feature: this file owns the analysis of the whole question (its terms and answer
//! type); `term` reads one content word; `clauses` groups the words (a clause placing the question,
//! English phrases); `affixes` strips and swaps Indonesian affixes; `shorthand` spells out a
//! reader's abbreviations no word list knows.

mod affixes;
mod clauses;
mod shorthand;
mod term;

use super::index::{Index, TermId};
use super::lang::Lang;
use super::lexicon::YesNo;
use super::text::{self, Token};

use self::clauses::{context_clause, merge_english_phrases, quoted_figures};
use self::shorthand::spell_out;
use self::term::term;

/// What kind of detail the question asks for, read from its question words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerType {
    Date,
    Number,
    Person,
    /// "Kenapa …?": a passage giving a cause ("karena", "beralasan") answers best.
    Reason,
    /// "Apakah …?", "… ga?": answered by a passage that confirms or denies.
    YesNo,
    /// "Di mana …?": a named place.
    Place,
    /// "Bagaimana …?": a manner or means ("dengan", "melalui").
    Manner,
    Any,
}

/// One content word of the question.
#[derive(Debug, Clone)]
pub struct Term {
    /// The word after slang, translation and typo correction.
    pub word: String,
    pub stem: String,
    /// Index terms this word matches, with a factor (1.0 itself, less for a synonym).
    pub matches: Vec<(TermId, f32)>,
    /// Indonesian words (for 3-grams): the word, or its translations for an English word.
    pub forms: Vec<String>,
    /// What the question is about, by evidence from the question and the corpus: a number, a
    /// word the writer capitalised mid-sentence, or a word few articles hold (never a list of
    /// names). A passage must hold it.
    pub salient: bool,
    /// An ordinary word (one of the dictionary) that few articles hold: not a name, so no article
    /// must hold it, but one that does not is less likely to answer (a soft feature).
    pub rare: bool,
    /// Too general to ground an answer alone ("harga", "berita").
    pub generic: bool,
    /// An English word that neither the bridge nor the articles know, and no name or number: a
    /// gap of the dictionary more often than a sign the articles lack what is asked, so it counts
    /// for little either way.
    pub untranslated: bool,
    /// In a clause that places the question ("Saat rupiah ditutup di Rp12.345, …"): it tells
    /// which article, not what the answering paragraph holds.
    pub context: bool,
    /// What the question asks about: the specific noun right after its question word ("siapa
    /// pemilik …", "berapa utang …").
    pub head: bool,
}

impl Term {
    pub fn known(&self) -> bool {
        !self.matches.is_empty()
    }

    /// Whether any index term this word matches is among `terms` (a sorted list: a passage's or a
    /// title's terms).
    pub fn in_terms(&self, terms: &[TermId]) -> bool {
        self.matches
            .iter()
            .any(|(id, _)| terms.binary_search(id).is_ok())
    }
}

#[derive(Debug, Clone)]
pub struct Query {
    /// Every word after the slang map, function words included (for small talk and the ticker).
    pub words: Vec<String>,
    pub terms: Vec<Term>,
    pub answer_type: AnswerType,
    pub lang: Lang,
}

impl Query {
    /// The question without the terms of a clause placing it, for choosing among one article's
    /// paragraphs (the clause chose the article); the question itself when it has no such clause
    /// or nothing else.
    pub fn without_context(&self) -> std::borrow::Cow<'_, Query> {
        if self.terms.iter().any(|t| t.context) && self.terms.iter().any(|t| !t.context) {
            let mut q = self.clone();
            q.terms.retain(|t| !t.context);
            std::borrow::Cow::Owned(q)
        } else {
            std::borrow::Cow::Borrowed(self)
        }
    }
}

/// Analyses a question against the index vocabulary, with the lexicon the index was built with.
pub fn analyse(raw: &str, forced: Option<Lang>, index: &Index) -> Query {
    let lx = &*index.lx;
    let mut tokens: Vec<Token> = Vec::new();
    let placing = context_clause(raw, lx);
    let figures = quoted_figures(raw);
    let mut context: Vec<bool> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    // The word as the reader wrote it, where the slang map replaced it: an abbreviation the
    // articles may use verbatim ("Dirut", "Kadis") as well as spelt out.
    let mut written: Vec<Option<String>> = Vec::new();
    let detected = super::lang::detect(raw, lx);
    let english = detected == Some(Lang::En);
    for (k, t) in text::tokenize(raw).into_iter().enumerate() {
        let spelled = (!english)
            .then(|| spell_out(&t.word, t.capitalised, index))
            .flatten();
        // A spelled-out blend is two words ("batik pesisir").
        let written_as: Vec<&str> = match &spelled {
            Some(s) => s.split_whitespace().collect(),
            None => vec![t.word.as_str()],
        };
        let formal = written_as.iter().flat_map(|w| lx.deslang(w));
        for (i, w) in formal.enumerate() {
            written.push((i == 0 && w != t.word).then(|| t.word.clone()));
            tokens.push(Token {
                word: w.to_string(),
                capitalised: t.capitalised && i == 0,
            });
            context.push(placing.get(k).copied().unwrap_or(false));
            quoted.push(figures.get(k).copied().unwrap_or(false));
        }
    }
    let lang = forced.or(detected).unwrap_or(Lang::Id);
    // Small talk and the ticker read the words as written; terms read English phrases as one.
    let words: Vec<String> = tokens.iter().map(|t| t.word.clone()).collect();
    if english {
        (tokens, context) = merge_english_phrases(tokens, context, lx);
        written.clear();
    }
    let mut answer_type = AnswerType::Any;
    let mut terms: Vec<Term> = Vec::new();
    // The content word just before, to find what a measure noun governs ("harga tiket").
    let mut previous: Option<usize> = None;
    let mut asked_next = false;
    let mut quoting: Vec<usize> = Vec::new();
    // Where the first question word and the last content word stand, for a question asked last.
    let mut asked_at: Option<usize> = None;
    let mut last_term_at: Option<usize> = None;
    for (k, t) in tokens.iter().enumerate() {
        let w = t.word.as_str();
        let placing = context.get(k).copied().unwrap_or(false);
        // English opens a question with its question word ("how much", "in which year",
        // "what year"); one after a content word opens a clause ("… when BI raised rates") or
        // is a noun of the topic ("year-on-year inflation").
        let opening = !english || tokens[..k].iter().all(|t| lx.is_function(&t.word));
        // A date noun before a figure names the date ("tahun 2022", "tanggal 5"); it is not asked.
        let names_date = lx.answer_type(w) == Some(AnswerType::Date)
            && !lx.is_function(w)
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.word.chars().any(|c| c.is_ascii_digit()));
        let asks = lx.answer_type(w).filter(|_| opening && !names_date);
        // "How many": a later, more specific question word outranks a manner word.
        if matches!(
            answer_type,
            AnswerType::Any | AnswerType::YesNo | AnswerType::Manner
        ) && let Some(t) = asks
        {
            answer_type = t;
        }
        if asks.is_some() && asked_at.is_none() {
            asked_at = Some(k);
        }
        // "How deep", "how long": a manner word before a gradable one asks for its measure, a
        // figure, as "berapa" does.
        if english
            && answer_type == AnswerType::Manner
            && lx.is_gradable(w)
            && k > 0
            && lx.answer_type(&tokens[k - 1].word) == Some(AnswerType::Manner)
        {
            answer_type = AnswerType::Number;
        }
        // The gradable word is then part of the question, not of its topic: a passage need not
        // write "panjang" to say how long something lasted ("selama empat hari").
        if english
            && k > 0
            && lx.is_gradable(w)
            && lx.answer_type(&tokens[k - 1].word) == Some(AnswerType::Manner)
        {
            previous = None;
            continue;
        }
        if lx.is_function(w) || asks == Some(AnswerType::Reason) {
            if asks.is_some() && !terms.iter().any(|t| t.head) {
                asked_next = true;
            }
            previous = None;
            continue;
        }
        if let Some(existing) = terms.iter().position(|x| x.word == w) {
            // A word the question itself also asks with is no mere context.
            terms[existing].context &= placing;
            previous = Some(existing);
            continue;
        }
        let mut new = term(t, written.get(k).and_then(Option::as_deref), english, index);
        new.context = placing;
        // Only the word right after the question word, and a noun: a name there says about
        // whom, and a verb ("dimiliki") is worded by the reader as often as by the article.
        if std::mem::take(&mut asked_next) && may_head(&new, lx) {
            new.head = true;
        }
        if asks.is_none() {
            last_term_at = Some(k);
        }
        // A question word kept as a term ("jam berapa") says what is asked, not what about.
        if asks.is_some() {
            new.salient = false;
            new.rare = false;
        }
        if let Some(prev) = previous {
            let is_head =
                |term: &Term| lx.is_measure_head(&term.word) || lx.is_measure_head(&term.stem);
            if is_head(&terms[prev]) && !is_head(&new) && !new.generic && !lx.is_gradable(&new.word)
            {
                new.salient = true;
            } else if english && is_head(&new) && !is_head(&terms[prev]) && !terms[prev].generic {
                // English puts the measured thing first: "ticket price".
                terms[prev].salient = true;
            }
        }
        if !english && quoted.get(k).copied().unwrap_or(false) {
            quoting.push(terms.len());
        }
        terms.push(new);
        previous = Some(terms.len() - 1);
    }
    // A figure quoted in a question asking who, where or which ("Siapa … yang naik 1,23
    // persen?") can only tell which report: the answer is a name, usually in another paragraph.
    // One asking for a figure may qualify what is asked ("harga emas 0,5 gram"), so it stays.
    if !matches!(answer_type, AnswerType::Number | AnswerType::Date) {
        for &i in &quoting {
            terms[i].context = true;
        }
    }
    // Chat puts the question word last ("harga sewa brp?"): what is asked is then the first
    // noun, as it is the one right after a question word that opens the question.
    if !english
        && !terms.iter().any(|t| t.head)
        && asked_at.is_some_and(|a| last_term_at.is_none_or(|l| a > l))
        && let Some(first) = terms.iter_mut().find(|t| !t.context)
        && may_head(first, lx)
    {
        first.head = true;
    }
    let first = tokens.first().map(|t| t.word.as_str()).unwrap_or("");
    let last = tokens
        .iter()
        .rev()
        .map(|t| t.word.as_str())
        .find(|w| !lx.is_particle(w))
        .unwrap_or("");
    if answer_type == AnswerType::Any
        && (lx.is_yes_no(first, YesNo::Opener)
            || (tokens.len() > 2 && lx.is_yes_no(last, YesNo::Closer))
            || tokens.iter().any(|t| lx.is_yes_no(&t.word, YesNo::Marker)))
    {
        answer_type = AnswerType::YesNo;
    }
    // "berapa ... tahun" asks for a year, not an amount: a date noun (not a date question word
    // such as "kapan", which is a function word) outranks "berapa".
    // A date noun that names its year ("UMP tahun 2024") says which, not what is asked.
    // Only beside the question word ("tahun berapa", "jam berapa"): elsewhere the noun is the
    // topic's ("berapa inflasi tahun ke tahun", "berapa UMP tahun lalu").
    let asks_number = |i: Option<usize>| {
        i.and_then(|i| tokens.get(i))
            .is_some_and(|t| lx.answer_type(&t.word) == Some(AnswerType::Number))
    };
    if answer_type == AnswerType::Number
        && tokens.iter().enumerate().any(|(i, t)| {
            lx.answer_type(&t.word) == Some(AnswerType::Date)
                && !lx.is_function(&t.word)
                && (asks_number(Some(i + 1)) || asks_number(i.checked_sub(1)))
                && !tokens
                    .get(i + 1)
                    .is_some_and(|n| n.word.chars().any(|c| c.is_ascii_digit()))
        })
    {
        answer_type = AnswerType::Date;
    }
    Query {
        words,
        terms,
        answer_type,
        lang,
    }
}
/// Whether a term may be what the question asks about: a noun, neither general nor a name (a
/// name says about whom), nor a verb ("dimiliki": worded by the reader as often as by the article).
fn may_head(term: &Term, lx: &super::lexicon::Lexicon) -> bool {
    !term.generic
        && !term.context
        && !term.salient
        && !lx.is_prefixed_verb(&term.word)
        // "Berapa lama …": a gradable word describes the measure asked for, names no thing.
        && !lx.is_gradable(&term.word)
        // "Berapa jumlah …": a measure noun says what kind of figure is asked; the word it
        // governs (salient already) says of what.
        && !lx.is_measure_head(&term.word)
        // "… di mana Januari 2025": a month says when, not what is asked.
        && !lx.is_calendar_word(&term.word)
        // "Berapa persen …", "brp liter": a unit says in what the figure is given, not of what.
        && lx.measure(&term.word, super::lexicon::MeasureRole::Unit).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::testing::{archive_with_one_quake, lexicon, seed_article};

    fn seed_index() -> Index {
        Index::build(&[seed_article(1)], std::iter::empty(), lexicon())
    }

    #[test]
    fn a_clause_placing_the_question_marks_its_words_as_context() {
        let index = seed_index();
        let q = analyse("Pas rupiah melemah, berapa harga emas?", None, &index);
        let context = |w: &str| q.terms.iter().find(|t| t.word == w).map(|t| t.context);
        assert_eq!(context("rupiah"), Some(true));
        assert_eq!(context("emas"), Some(false));
        // A decimal comma ends no clause, and a question without one has no context.
        let q = analyse("Saat naik 4,72 persen berapa harga emas?", None, &index);
        assert!(q.terms.iter().all(|t| !t.context));
    }

    #[test]
    fn a_figure_quoted_in_a_question_asking_who_places_it_but_one_asking_how_much_is_asked() {
        let index = seed_index();
        let context = |raw: &str, w: &str| {
            let q = analyse(raw, None, &index);
            q.terms.iter().find(|t| t.word == w).map(|t| t.context)
        };
        let who = "Siapa pemilik pasar yang omzetnya naik 12,75 persen?";
        assert_eq!(context(who, "75"), Some(true));
        assert_eq!(context(who, "pemilik"), Some(false));
        assert_eq!(context("Berapa harga emas 0,75 gram?", "75"), Some(false));
    }

    #[test]
    fn the_word_after_the_question_word_is_what_is_asked() {
        let q = analyse("siapa pemilik pasar itu?", None, &seed_index());
        let heads: Vec<&str> = q
            .terms
            .iter()
            .filter(|t| t.head)
            .map(|t| t.word.as_str())
            .collect();
        assert_eq!(heads, vec!["pemilik"]);
        let q = analyse("pemilik pasar itu siapa?", None, &seed_index());
        assert!(
            q.terms.iter().any(|t| t.head && t.word == "pemilik"),
            "a question word asked last asks about the first noun"
        );
        let q = analyse(
            "berapa persen kenaikan sewa pasar itu?",
            None,
            &seed_index(),
        );
        assert!(
            q.terms.iter().all(|t| !(t.head && t.word == "persen")),
            "a unit says in what the figure is given, not of what"
        );
        let q = analyse("berapa lama antrean di pasar itu?", None, &seed_index());
        assert!(
            q.terms.iter().all(|t| !t.head),
            "a gradable word describes the measure asked for"
        );
        let q = analyse("berapa jumlah pedagang pasar itu?", None, &seed_index());
        assert!(
            q.terms.iter().all(|t| !(t.head && t.word == "jumlah")),
            "a measure noun says what kind of figure, not of what"
        );
    }

    #[test]
    fn slang_and_function_words_leave_the_content_terms() {
        let q = analyse("wa kasih data ke facebook ga?", None, &seed_index());
        let words: Vec<&str> = q.terms.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, vec!["whatsapp", "kasih", "data", "facebook"]);
        assert!(
            q.terms[1].known(),
            "kasih matches bagi through the synonym list"
        );
    }

    #[test]
    fn an_abbreviation_the_slang_map_spells_out_still_matches_the_article_writing_it() {
        let article = crate::nlu::testing::plain_article(
            1,
            "Dirut PT Sumber Makmur dilantik\n\nDirut PT Sumber Makmur, Budi Santika, dilantik Senin.\n",
        );
        let index = Index::build(&[article], std::iter::empty(), lexicon());
        let q = analyse("siapa dirut pt sumber makmur?", None, &index);
        let first = &q.terms[0];
        assert_eq!(
            first.word, "direktur",
            "the slang map spells the abbreviation out"
        );
        assert!(first.known(), "the reader's own spelling is the article's");
    }

    #[test]
    fn a_months_abbreviation_is_read_as_the_month_and_is_never_what_is_asked() {
        let q = analyse("pasar paling rame dmn okt 2024", None, &seed_index());
        let month = q.terms.iter().find(|t| t.word == "oktober").unwrap();
        assert!(!month.head, "a month says when, not what is asked");
    }

    #[test]
    fn english_words_are_bridged_to_indonesian_terms() {
        let index = seed_index();
        let q = analyse("What year was WhatsApp acquired?", None, &index);
        assert_eq!(q.lang, Lang::En);
        assert_eq!(q.answer_type, AnswerType::Date);
        let acquired = q.terms.iter().find(|t| t.word == "acquired").unwrap();
        assert!(
            acquired
                .matches
                .iter()
                .any(|(id, _)| Some(*id) == index.term("akuisisi"))
        );
    }

    #[test]
    fn misspelt_words_are_corrected_and_names_are_salient() {
        let q = analyse("Kapan Instagram beli whatsaap?", None, &seed_index());
        let words: Vec<&str> = q.terms.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, vec!["instagram", "beli", "whatsapp"]);
        assert!(q.terms[0].salient && !q.terms[0].known());
    }

    #[test]
    fn salience_comes_from_the_corpus_and_the_writer_not_from_a_list() {
        let index = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
        let q = analyse("berapa kekuatan gempa di sukamakmur", None, &index);
        let salient = |w: &str| q.terms.iter().find(|t| t.word == w).unwrap().salient;
        assert!(salient("sukamakmur"), "one article in twelve holds it");
        let q = analyse("apa kata whatsapp soal facebook", None, &index);
        assert!(
            q.terms.iter().all(|t| !t.salient),
            "every article holds them and nobody capitalised them"
        );
        let q = analyse("Apa kata Telegram soal data 2021?", None, &index);
        assert!(q.terms.iter().filter(|t| t.salient).count() == 2);
    }

    #[test]
    fn an_ordinary_word_few_articles_hold_is_rare_but_no_name() {
        let index = Index::build(&archive_with_one_quake(), std::iter::empty(), lexicon());
        let q = analyse("berapa kekuatan gempa di sukamakmur", None, &index);
        let term = |w: &str| q.terms.iter().find(|t| t.word == w).unwrap();
        assert!(
            !term("gempa").salient && term("gempa").rare,
            "a dictionary word is weighed softly, not demanded like a name"
        );
        assert!(term("sukamakmur").salient && !term("sukamakmur").rare);
    }

    #[test]
    fn an_english_phrase_of_the_bridge_is_one_term() {
        let index = seed_index();
        let q = analyse("Will WhatsApp turn into a marketplace?", None, &index);
        let turn = q.terms.iter().find(|t| t.word == "turn into").unwrap();
        assert!(turn.known(), "turn into bridges to menjadi/jelma");
        assert!(!q.terms.iter().any(|t| t.word == "turn"));
    }

    #[test]
    fn a_root_that_lost_its_first_letter_to_the_prefix_is_found_through_synonyms() {
        let q = analyse("Kenapa orang meninggalkan WhatsApp?", None, &seed_index());
        assert!(q.terms.iter().any(|t| t.word == "tinggal" && t.known()));
        assert_eq!(q.answer_type, AnswerType::Reason);
    }

    #[test]
    fn a_statement_with_memang_is_a_yes_no_question() {
        let q = analyse("wa emg mau bagi2 data ke fb?", None, &seed_index());
        assert_eq!(q.answer_type, AnswerType::YesNo);
    }

    #[test]
    fn question_words_give_the_answer_type() {
        let index = seed_index();
        assert_eq!(
            analyse("Tahun berapa dibeli?", None, &index).answer_type,
            AnswerType::Date
        );
        assert_eq!(
            analyse("siapa yang bilang", None, &index).answer_type,
            AnswerType::Person
        );
        assert_eq!(
            analyse("berapa harganya", None, &index).answer_type,
            AnswerType::Number
        );
        let kind = |q: &str| analyse(q, None, &index).answer_type;
        assert_eq!(kind("kenapa viral"), AnswerType::Reason);
        assert_eq!(kind("wa bagi data beneran ga sih"), AnswerType::YesNo);
        assert_eq!(kind("Apakah harga data murah?"), AnswerType::YesNo);
        // A date noun asks for a date only beside "berapa"; elsewhere it names the topic.
        assert_eq!(kind("Berapa harga paket tahun lalu?"), AnswerType::Number);
        // English asks with its opening words; a "when" clause later does not.
        assert_eq!(kind("In which year was it bought?"), AnswerType::Date);
        assert_eq!(
            kind("What price did the seller expect when the data leaked?"),
            AnswerType::Any
        );
    }

    #[test]
    fn a_later_dictionary_sense_counts_only_where_the_articles_write_it() {
        let text = "Layanan Bank Sukamaju pulih\n\nLayanan Bank Sukamaju kembali normal pada Rabu setelah terganggu dua hari.\n";
        let index = Index::build(
            &[crate::nlu::testing::plain_article(1, text)],
            std::iter::empty(),
            lexicon(),
        );
        let q = analyse("When were the bank's services restored?", None, &index);
        let services = q.terms.iter().find(|t| t.word == "services").unwrap();
        assert!(
            services.forms.iter().any(|f| f == "layanan"),
            "{:?}",
            services.forms
        );
        // An archive that never writes the sense does not get it.
        let other = "Bank Sukamaju pulih\n\nBank Sukamaju kembali normal pada Rabu setelah terganggu dua hari.\n";
        let index = Index::build(
            &[crate::nlu::testing::plain_article(1, other)],
            std::iter::empty(),
            lexicon(),
        );
        let q = analyse("When were the bank's services restored?", None, &index);
        let services = q.terms.iter().find(|t| t.word == "services").unwrap();
        assert!(
            !services.forms.iter().any(|f| f == "layanan"),
            "{:?}",
            services.forms
        );
    }

    #[test]
    fn a_real_english_word_the_bridge_lacks_is_not_corrected_into_another_bridge_word() {
        let q = analyse("What did the employers propose?", None, &seed_index());
        let words: Vec<&str> = q.terms.iter().map(|t| t.word.as_str()).collect();
        assert!(words.contains(&"employers"), "{words:?}");
    }

    #[test]
    fn how_before_a_gradable_word_asks_for_a_figure() {
        let index = seed_index();
        let kind = |q: &str| analyse(q, None, &index).answer_type;
        assert_eq!(
            kind("How deep was the quake near Sukamaju?"),
            AnswerType::Number
        );
        assert_eq!(
            kind("How high did the price of rice climb?"),
            AnswerType::Number
        );
        assert_eq!(
            kind("How did the bank restore its services?"),
            AnswerType::Manner
        );
    }
}
