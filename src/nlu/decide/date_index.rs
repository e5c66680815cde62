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
    /// The month a report says its figures are about when that is not its publication month
    /// ("inflasi Januari 2031" out on 1 February, [`reference_month`]), or the year a full-year
    /// report is about ("laba 2031" out in January 2032, [`reference_year`]).
    reference: Vec<Option<When>>,
    /// Each article's text dates without the days of its own week (the press conference's
    /// "Kamis (1/2)"): what still dates it once its publication month is set aside.
    doc_text_ref: Vec<Vec<When>>,
}

/// The most a bare year in the question ("upah 2030") agrees with an article whose title is about
/// another year, however its publication date or text agree: the year names the subject.
const OTHER_TITLE_YEAR_CAP: f32 = 0.3;

/// The most a month the question names agrees with a report declaring another month its period
/// (the March release for "February"), though its text names that month: as a month named two
/// months from a publication date does ([`dates::agreement`]).
const OTHER_MONTH_CAP: f32 = 0.75;

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
            reference: Vec::with_capacity(articles.len()),
            doc_text_ref: Vec::with_capacity(articles.len()),
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
            figures.extend(figures::scaled_of_text(&doc.title, lx));
            for p in &doc.paragraphs {
                all.extend(dates::with_passage_years(dates::of_text(p, day, lx)));
                figures.extend(figures::of_text(p));
                figures.extend(figures::whole_of_text(p, lx));
                figures.extend(figures::scaled_of_text(p, lx));
            }
            figures.sort_unstable();
            figures.dedup();
            out.figures.push(figures);
            all.dedup();
            let reference = day.and_then(|d| {
                reference_month(&doc.title, &doc.paragraphs, d, &all, lx)
                    .or_else(|| reference_year(&doc.title, &doc.paragraphs, d, &all, lx))
            });
            if let Some(r) = reference {
                // "Bulan sebelumnya" in a release on March is February: a month it reports too
                // ("tahun sebelumnya" in a full-year report, the year before that year).
                let back = doc
                    .paragraphs
                    .iter()
                    .flat_map(|p| dates::previous_months(p, lx));
                all.extend(back.map(|n| dates::shifted(r, n)));
            }
            out.doc_text_ref.push(match day {
                Some(d) if reference.is_some() => {
                    all.iter().filter(|w| !near_day(w, d)).copied().collect()
                }
                _ => Vec::new(),
            });
            out.reference.push(reference);
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

    /// Whether the article reports on the whole of one of the question's bare years ("laba
    /// sepanjang 2031" out in January 2032: [`reference_year`]).
    pub(super) fn reports_whole_year(&self, doc: usize, q: &[When]) -> bool {
        self.reference[doc].is_some_and(|r| {
            r.month.is_none()
                && q.iter()
                    .any(|w| w.month.is_none() && w.day.is_none() && w.year == r.year)
        })
    }

    /// Whether the article is a report of that year: published in it or naming it in its title.
    fn of_year(&self, doc: usize, year: i32) -> bool {
        self.title_years[doc].contains(&year)
            || self.published[doc].is_some_and(|p| p.year == Some(year))
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
    /// titled "Piala Kota 2031" that recalls a 2029 win is a question about another edition —
    /// unless the quoted paragraph itself names that year (`quoted`) and none of the other
    /// candidate articles (`rivals`) is a report of it: a yearly series ("pada 2029 tercatat …,
    /// pada 2030 …") in the only report that gives it answers for each of its years. Once per
    /// question and candidate article.
    pub(super) fn conflict(
        &self,
        doc: usize,
        q: &[When],
        release: bool,
        rivals: &[usize],
        quoted: impl Fn(i32) -> bool,
    ) -> f32 {
        let base = self.conflict_of_period(doc, q, release);
        let dated = q.iter().filter(|w| dates::is_dated(w)).count();
        let titled = &self.title_years[doc];
        // A full-year report's "two years back" counts from the year it reports.
        let reported = self.reference[doc].filter(|r| r.month.is_none());
        let Some(published) = reported.or(self.published[doc]).and_then(|p| p.year) else {
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
                !titled.contains(&y)
                    && (published - y).abs() >= 2
                    && self.has_year(doc, y)
                    && (!quoted(y) || rivals.iter().any(|&r| r != doc && self.of_year(r, y)))
            })
            .count();
        (base + looked_back as f32 / dated as f32).min(1.0)
    }

    pub(super) fn agreement(&self, doc: usize, q: &[When], release: bool) -> f32 {
        let titled = &self.title_years[doc];
        let agreement = match self.by_reference(doc, q, release) {
            None => dates::agreement(q, self.published[doc].as_ref(), &self.doc_text[doc], titled),
            Some(reference) => {
                // Each date against its own evidence: a month against the report's reference
                // month and the text outside its own week, anything else as before.
                let sum: f32 = q
                    .iter()
                    .map(|w| {
                        let one = std::slice::from_ref(w);
                        if of_period(w, &reference) {
                            let a = dates::agreement(
                                one,
                                Some(&reference),
                                &self.doc_text_ref[doc],
                                titled,
                            );
                            // A report on its declared month names another only to compare
                            // ("naik dari bulan sebelumnya"): the report on that month agrees
                            // more.
                            if w.covered_by(&reference) {
                                a
                            } else {
                                a.min(OTHER_MONTH_CAP)
                            }
                        } else {
                            dates::agreement(
                                one,
                                self.published[doc].as_ref(),
                                &self.doc_text[doc],
                                titled,
                            )
                        }
                    })
                    .sum();
                sum / q.len() as f32
            }
        };
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

impl DateIndex {
    /// The report's reference period when a month (or, for a full-year report, a year) the
    /// question names is to be read against it rather than the publication date: the report
    /// declares another period, the question names one of its kind (not a day) and no release
    /// ("laporan Februari" may mean the one out then).
    fn by_reference(&self, doc: usize, q: &[When], release: bool) -> Option<When> {
        let reference = self.reference[doc]?;
        if release || !q.iter().any(|w| of_period(w, &reference)) {
            return None;
        }
        Some(reference)
    }

    /// [`dates::conflict`], a month the question names matched against the report's reference
    /// month and its text outside its own week (see [`by_reference`](Self::by_reference)).
    fn conflict_of_period(&self, doc: usize, q: &[When], release: bool) -> f32 {
        let published = self.published[doc].as_ref();
        let Some(reference) = self.by_reference(doc, q, release) else {
            return dates::conflict(q, published, &self.doc_text[doc]);
        };
        let (months, rest): (Vec<When>, Vec<When>) =
            q.iter().partition(|w| of_period(w, &reference));
        let dated_rest = rest.iter().filter(|w| dates::is_dated(w)).count();
        let unmatched = dates::conflict(&months, Some(&reference), &self.doc_text_ref[doc])
            * months.len() as f32
            + dates::conflict(&rest, published, &self.doc_text[doc]) * dated_rest as f32;
        unmatched / (months.len() + dated_rest) as f32
    }
}

/// A month without a day ("inflasi Maret 2031", "bulan Mei").
fn is_month(w: &When) -> bool {
    w.month.is_some() && w.day.is_none()
}

/// A year alone ("laba 2031").
fn is_year(w: &When) -> bool {
    w.year.is_some() && w.month.is_none() && w.day.is_none()
}

/// Whether the question's date names a period of the reference's kind: a month against a
/// reference month, a year alone against a reference year.
fn of_period(w: &When, reference: &When) -> bool {
    if reference.month.is_some() {
        is_month(w)
    } else {
        is_year(w)
    }
}

/// A day of the report's own week: its press conference or release, another form of its
/// publication date.
fn near_day(w: &When, published: chrono::NaiveDate) -> bool {
    let (Some(y), Some(m), Some(d)) = (w.year, w.month, w.day) else {
        return false;
    };
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .is_some_and(|day| (day - published).num_days().abs() <= 7)
}

/// The most months a release is published after the period it reports.
const MAX_RELEASE_LAG: i32 = 6;

/// The month a report says its figures are about, when that is not its publication month: the
/// first month (without a day) its title names, else its lead paragraph's, a
/// month without a year read as the latest one at or before publication ("Desember" out in
/// January is last year's). A monthly release is published after its month ("inflasi Januari"
/// on 1 February), so its publication month is not what it reports; `None` when the first
/// month named is not one to six months before publication or the text names the publication
/// month as a period anywhere. Once per article, at build time.
fn reference_month(
    title: &str,
    paragraphs: &[String],
    published: chrono::NaiveDate,
    all: &[When],
    lx: &Lexicon,
) -> Option<When> {
    use chrono::Datelike;
    // Months as written: "bulan lalu" is the writer's look back, not the period reported.
    // A year-to-date range ("Januari-Oktober 2031") reports as of its last month.
    let first = |text: &str| {
        let months: Vec<When> = dates::of_text(text, None, lx)
            .into_iter()
            .filter(is_month)
            .collect();
        let opens = |a: &When, b: &When| {
            a.month == Some(1)
                && b.month.is_some_and(|m| m > 1)
                && a.year.is_none_or(|y| b.year == Some(y))
        };
        match months.as_slice() {
            [a, b, ..] if opens(a, b) => Some(*b),
            [a, ..] => Some(*a),
            [] => None,
        }
    };
    let found = first(title).or_else(|| paragraphs.first().and_then(|p| first(p)))?;
    let month = found.month?;
    let year = found.year.unwrap_or(if month <= published.month() {
        published.year()
    } else {
        published.year() - 1
    });
    let is_published = |w: &When| {
        w.month == Some(published.month()) && w.year.unwrap_or(published.year()) == published.year()
    };
    let reference = When {
        year: Some(year),
        month: Some(month),
        day: None,
    };
    // A release follows its period by a month or a few (a quarter's survey, a half year's
    // accounts); a month further back, or ahead, is a story's look back or forward.
    let lag = (published.year() - year) * 12 + published.month() as i32 - month as i32;
    if !(1..=MAX_RELEASE_LAG).contains(&lag) || all.iter().filter(|w| is_month(w)).any(is_published)
    {
        return None;
    }
    Some(reference)
}

/// The year a full-year report says its figures are about, when it is published early in the
/// next one ("laba 2031" out in January 2032, "sepanjang 2031"): the first year alone its title
/// names, else its lead paragraph's, when that is the year before publication and the report
/// is out within [`MAX_RELEASE_LAG`] months of that year's end. `None` when the text names the
/// publication year as a period anywhere (a story on this year that recalls last year's). A
/// year the question names is then read against it, so a question on the publication year is
/// one on a year the report does not cover. Once per article, at build time.
fn reference_year(
    title: &str,
    paragraphs: &[String],
    published: chrono::NaiveDate,
    all: &[When],
    lx: &Lexicon,
) -> Option<When> {
    use chrono::Datelike;
    if published.month() as i32 > MAX_RELEASE_LAG {
        return None;
    }
    let first = |text: &str| dates::of_text(text, None, lx).into_iter().find(is_year);
    let found = first(title).or_else(|| paragraphs.first().and_then(|p| first(p)))?;
    let year = published.year() - 1;
    if found.year != Some(year)
        || all
            .iter()
            .any(|w| is_year(w) && w.year == Some(published.year()))
    {
        return None;
    }
    Some(found)
}
