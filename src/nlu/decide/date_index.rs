//! Each article's dates (publication, text, title) and the figures it quotes, computed once with
//! the index, and how far they agree with a question's.

use crate::content::Article;
use crate::nlu::dates::{self, When};
use crate::nlu::figures;
use crate::nlu::lexicon::Lexicon;

/// Dates of every article and passage, computed once with the index.
pub struct DateIndex {
    published: Vec<Option<When>>,
    /// Dates written in each article's text (title included).
    doc_text: Vec<Vec<When>>,
    pub(super) published_day: Vec<Option<chrono::NaiveDate>>,
    /// Years each article's title names ("Upah Minimum Kota 2031", "Piala Kota 2029"): the
    /// year the report is about.
    title_years: Vec<Vec<i32>>,
    /// Dates each article's title names, a year without one read in the publication's.
    title_dates: Vec<Vec<When>>,
    /// Figures with a separator and whole numbers each article quotes (title included), sorted:
    /// "50" (a whole number) and "3_50" (a figure) never collide.
    figures: Vec<Vec<String>>,
}

/// The most a bare year in the question ("upah 2030") agrees with an article whose title is about
/// another year, however its publication date or text agree: the year names the subject.
const OTHER_TITLE_YEAR_CAP: f32 = 0.3;

impl DateIndex {
    /// From the articles themselves (in the index's order), so that it can be read on another
    /// thread while the index is built.
    pub fn build(articles: &[Article], lx: &Lexicon) -> DateIndex {
        let mut out = DateIndex {
            published: Vec::with_capacity(articles.len()),
            doc_text: Vec::with_capacity(articles.len()),
            published_day: Vec::with_capacity(articles.len()),
            title_years: Vec::with_capacity(articles.len()),
            title_dates: Vec::with_capacity(articles.len()),
            figures: Vec::with_capacity(articles.len()),
        };
        for doc in articles.iter().map(|a| &a.parsed) {
            let day = doc.published_at.map(|at| at.date_naive());
            let mut all = dates::of_text(&doc.title, day, lx);
            out.title_dates.push(all.clone());
            out.title_years.push(
                dates::of_text(&doc.title, None, lx)
                    .iter()
                    .filter_map(|w| w.year)
                    .collect(),
            );
            let mut figures = figures::of_text(&doc.title);
            figures.extend(figures::whole_of_text(&doc.title, lx));
            for p in &doc.paragraphs {
                all.extend(dates::of_text(p, day, lx));
                figures.extend(figures::of_text(p));
                figures.extend(figures::whole_of_text(p, lx));
            }
            figures.sort_unstable();
            figures.dedup();
            out.figures.push(figures);
            all.dedup();
            out.published.push(day.map(When::day));
            out.published_day.push(day);
            out.doc_text.push(all);
        }
        out
    }

    /// The share of the question's figures the article quotes.
    pub(super) fn figures_held(&self, doc: usize, q: &[String]) -> f32 {
        if q.is_empty() {
            return 0.0;
        }
        let held = q
            .iter()
            .filter(|f| self.figures[doc].binary_search(f).is_ok() || self.rounded(doc, f))
            .count();
        held as f32 / q.len() as f32
    }

    /// Whether the article quotes the figure (`figures::of_text` form), or one it begins
    /// ("6_653" of "6_653_84": a reader drops the decimals more often than a writer).
    pub(super) fn quotes(&self, doc: usize, figure: &str) -> bool {
        let f = &self.figures[doc];
        let at = f.partition_point(|x| x.as_str() < figure);
        f.get(at).is_some_and(|x| {
            x == figure || (x.starts_with(figure) && x[figure.len()..].starts_with('_'))
        }) || self.rounded(doc, figure)
    }

    /// Whether the article writes out in full a sum the reader quotes rounded ("12,3 juta" of
    /// "12.345.678", [`figures::rounds_to`]): only its figures sharing the leading group are
    /// read, found by one binary search, once per candidate article and quoted figure.
    fn rounded(&self, doc: usize, quoted: &str) -> bool {
        let Some((lead, _)) = quoted.split_once('_') else {
            return false;
        };
        let f = &self.figures[doc];
        let prefix = format!("{lead}_");
        let at = f.partition_point(|x| x.as_str() < prefix.as_str());
        f[at..]
            .iter()
            .take_while(|x| x.starts_with(&prefix))
            .any(|x| figures::rounds_to(x, quoted))
    }

    pub(super) fn has_year(&self, doc: usize, year: i32) -> bool {
        self.published[doc]
            .iter()
            .chain(&self.doc_text[doc])
            .any(|w| w.year == Some(year))
    }

    /// Whether the article's title names one of the question's dates (to its month or year).
    pub(super) fn titled(&self, doc: usize, q: &[When]) -> bool {
        q.iter()
            .filter(|w| w.day.is_none())
            .any(|w| self.title_dates[doc].iter().any(|t| w.covered_by(t)))
    }

    /// [`dates::conflict`], and a bare year the text names only looking back, two or more years
    /// before the report, while its title names another year: "Piala Kota 2029" against a report
    /// titled "Piala Kota 2031" that recalls a 2029 win is a question about another edition. Once
    /// per question and candidate article.
    pub(super) fn conflict(&self, doc: usize, q: &[When]) -> f32 {
        let base = dates::conflict(q, self.published[doc].as_ref(), &self.doc_text[doc]);
        let dated = q.iter().filter(|w| dates::is_dated(w)).count();
        let titled = &self.title_years[doc];
        let Some(published) = self.published[doc].and_then(|p| p.year) else {
            return base;
        };
        if dated == 0 || titled.is_empty() {
            return base;
        }
        let looked_back = q
            .iter()
            .filter(|w| w.month.is_none() && w.day.is_none())
            .filter_map(|w| w.year)
            .filter(|&y| {
                !titled.contains(&y) && (published - y).abs() >= 2 && self.has_year(doc, y)
            })
            .count();
        (base + looked_back as f32 / dated as f32).min(1.0)
    }

    pub(super) fn agreement(&self, doc: usize, q: &[When]) -> f32 {
        let titled = &self.title_years[doc];
        let agreement =
            dates::agreement(q, self.published[doc].as_ref(), &self.doc_text[doc], titled);
        let bare_years: Vec<i32> = q
            .iter()
            .filter(|w| w.month.is_none() && w.day.is_none())
            .filter_map(|w| w.year)
            .collect();
        if !titled.is_empty()
            && !bare_years.is_empty()
            && !bare_years.iter().any(|y| titled.contains(y))
        {
            agreement.min(OTHER_TITLE_YEAR_CAP)
        } else {
            agreement
        }
    }
}
