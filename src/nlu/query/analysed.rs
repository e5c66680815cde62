//! What the analysis of a question gives: its content terms (each with the index terms it may
//! match and what it tells), its answer type and its conditions on a figure.

use crate::nlu::index::TermId;
use crate::nlu::lang::Lang;

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
    /// For an abbreviation an article defines ("Mendag"), the index term of its long form's
    /// rarest word ("perdagangan"): a passage or title holding it holds the abbreviation, though
    /// it scores nothing (a report writing both forms ranks as it did).
    pub long_form: Vec<TermId>,
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
    /// In a clause placing the question or in a leading segment that asks nothing ("Banjir yang
    /// merendam pasar lama, berapa …?"): evidence for the report that holds it, weighed at the
    /// article (`decide`), while only `context` words leave the choice of paragraph.
    pub placing: bool,
    /// What the question asks about: the specific noun right after its question word ("siapa
    /// pemilik …", "berapa utang …").
    pub head: bool,
    /// In the noun phrase the question opens with, right after its question word and before any
    /// function word ("berapa jumlah penumpang kereta api pada …": "jumlah" to "api"): the words
    /// after the noun narrow what is asked, "penumpang kereta api" is no count of air passengers.
    pub phrase: bool,
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
            .map(|(id, _)| id)
            .chain(&self.long_form)
            .any(|id| terms.binary_search(id).is_ok())
    }
}

#[derive(Debug, Clone)]
pub struct Query {
    /// Every word after the slang map, function words included (for small talk and the ticker).
    pub words: Vec<String>,
    /// Per word of `words`: in a segment that asks nothing before one that asks
    /// ([`before_asking`](super::clauses::before_asking)), which names the report rather than asks.
    pub placed: Vec<bool>,
    /// Per word of `words`: in a clause placing the question ("saat panen disebut terbesar
    /// sejak 2009"), as its terms' `context` says.
    pub placing_words: Vec<bool>,
    /// The question opens with a segment that only says which report ("Banjir yang merendam 44
    /// desa, …"; see [`lead_names_report`](super::clauses::lead_names_report)): its words choose
    /// the article, not the paragraph.
    pub lead_names_report: bool,
    pub terms: Vec<Term>,
    pub answer_type: AnswerType,
    pub lang: Lang,
    /// Conditions on a figure that pick the report ("di atas 4,35 persen"; [`condition`](crate::nlu::condition)).
    pub conditions: Vec<crate::nlu::condition::Condition>,
}

#[cfg(test)]
impl Query {
    /// The term read from `word`: tests name the term they check.
    pub(crate) fn term_of(&self, word: &str) -> &Term {
        self.terms
            .iter()
            .find(|t| t.word == word)
            .expect("a term of that word")
    }
}

impl Query {
    /// Whether the term says which report rather than what its answering paragraph holds: in a
    /// clause placing the question, or in a leading segment that only names the report.
    pub fn placed_elsewhere(&self, t: &Term) -> bool {
        t.context || (self.lead_names_report && t.placing)
    }

    /// The question with only the terms `keep` holds, in their order: a copy of the others is
    /// never made (a term's words and ids are a good share of a copy's allocations).
    pub fn keeping(&self, keep: impl Fn(&Term) -> bool) -> Query {
        Query {
            words: self.words.clone(),
            placed: self.placed.clone(),
            placing_words: self.placing_words.clone(),
            lead_names_report: self.lead_names_report,
            terms: self.terms.iter().filter(|t| keep(t)).cloned().collect(),
            answer_type: self.answer_type,
            lang: self.lang,
            conditions: self.conditions.clone(),
        }
    }

    /// The question without the terms of a clause placing it, for choosing among one article's
    /// paragraphs (the clause chose the article); the question itself when it has no such clause
    /// or nothing else.
    pub fn without_context(&self) -> std::borrow::Cow<'_, Query> {
        let out = |t: &Term| self.placed_elsewhere(t);
        if self.terms.iter().any(out) && self.terms.iter().any(|t| !out(t)) {
            std::borrow::Cow::Owned(self.keeping(|t| !out(t)))
        } else {
            std::borrow::Cow::Borrowed(self)
        }
    }

    /// Every term's index ids as (id, term position, factor), sorted by id (a term's matches,
    /// then, given a factor, its abbreviation's long form): a passage's or a sentence's words are
    /// looked up in it once each instead of compared with every term's every id.
    pub fn ids_by_term(&self, long_form: Option<f32>) -> Vec<(TermId, u32, f32)> {
        let long_forms = |t: &Term| long_form.map_or(0, |_| t.long_form.len());
        let n = self
            .terms
            .iter()
            .map(|t| t.matches.len() + long_forms(t))
            .sum();
        let mut ids: Vec<(TermId, u32, f32)> = Vec::with_capacity(n);
        for (k, t) in self.terms.iter().enumerate() {
            let k = k as u32;
            ids.extend(t.matches.iter().map(|&(id, f)| (id, k, f)));
            if let Some(factor) = long_form {
                ids.extend(t.long_form.iter().map(|&id| (id, k, factor)));
            }
        }
        ids.sort_by_key(|&(id, k, _)| (id, k));
        ids
    }

    /// The words of the part that asks: `words` without those of a segment naming the report
    /// before it ("Gempa yang puncaknya …, berapa …?": that peak says which quake, it asks for no
    /// extreme).
    pub fn asking_words(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .enumerate()
            .filter(|(k, _)| !self.placed.get(*k).copied().unwrap_or(false))
            .map(|(_, w)| w.as_str())
    }
}
