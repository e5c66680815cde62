//! A numbered part of a series the question names ("kuartal III", "pekan ke-9", "lomba
//! kesebelas") that the chosen report never writes: a report on another quarter, week or tariff
//! class of the same topic holds every other word of the question and still cannot answer.

use crate::nlu::article::Scored;
use crate::nlu::index::Index;
use crate::nlu::lexicon::{Cue, Lexicon};
use crate::nlu::text;

/// How much an article not writing the numbered part the question names ("triwulan IV" for
/// "kuartal IV") loses against one that does: enough to outweigh a sibling on another quarter
/// of the same year, whose title agrees with the question's year (date and title bonuses).
const PERIOD_DOC_WEIGHT: f32 = 0.25;

/// One numbered part the question names: the noun of the series when it has one, the number,
/// and the year the question writes right after it ("kuartal IV 2031").
#[derive(Debug, PartialEq)]
pub(crate) struct Part {
    noun: Option<String>,
    n: u32,
    year: Option<i32>,
}

impl Part {
    /// Whether the part is a row of a list, named with its noun ("Zona II", "golongan IV"), and no
    /// part of a year ("kuartal III", "pekan ke-15"), which a report names again and again.
    pub(crate) fn is_row(&self, lx: &Lexicon) -> bool {
        self.noun.as_ref().is_some_and(|n| !lx.is_year_part(n))
    }
}

/// The year written right after a part, directly or past a unit or function word ("kuartal IV
/// 2031", "kuartal IV/2031", "triwulan I tahun 2031", "fourth quarter of 2031").
fn year_after(words: &[String], k: usize, lx: &Lexicon) -> Option<i32> {
    let year = |w: &String| text::is_year(w).then(|| w.parse().ok()).flatten();
    let w = words.get(k)?;
    year(w).or_else(|| {
        let joins = lx.is_function(w) || crate::nlu::dates::is_duration_word(w, lx);
        joins.then(|| words.get(k + 1).and_then(year)).flatten()
    })
}

/// A small number written in digits (a year is a date, which the date features weigh).
fn small(w: &str) -> Option<u32> {
    (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// An ordinal at `words[i]`: a spelled one ("kesebelas"); after a noun of a series also "ke 9"
/// (as the tokenizer splits "ke-9"), a roman numeral or a bare number. Alone, "ke 9" is as
/// often a level reached ("naik ke 8.123"), so it counts only after such a noun.
fn ordinal_at(words: &[String], i: usize, lx: &Lexicon, after_noun: bool) -> Option<u32> {
    let w = words.get(i)?;
    if let Some(n) = lx.ordinal_word(w) {
        // "pertama" alone is "pertama kali", the first time, no part of a series; before a
        // month ("minggu ketiga Maret") it is a time within that month, which the dates weigh.
        let in_month = words.get(i + 1).is_some_and(|x| lx.month(x).is_some());
        // Before a unit of counting ("kedua kalinya") it counts the times, as "pertama kali".
        let counting = !after_noun
            && words.get(i + 1).is_some_and(|x| {
                lx.is_cue(x, Cue::Unit)
                    || lx
                        .without_enclitic(x)
                        .is_some_and(|b| lx.is_cue(b, Cue::Unit))
            });
        return ((after_noun || n > 1) && !in_month && !counting).then_some(n);
    }
    if !after_noun {
        return None;
    }
    let (n, next) = if w == "ke" {
        (words.get(i + 1).and_then(|n| small(n))?, i + 2)
    } else {
        (small(w).or_else(|| text::roman_value(w))?, i + 1)
    };
    // A number before another short group of digits or a month is a figure, a range or a date
    // ("pekan 11-15 Maret", "hari 5 Januari"), which the date and figure features weigh; a year
    // after it is the part's own ("kuartal II 2031").
    let figure = words.get(next).is_some_and(|x| {
        (x.len() <= 3 && x.bytes().all(|b| b.is_ascii_digit())) || lx.month(x).is_some()
    });
    (!figure).then_some(n)
}

/// The part a subdivision belongs to ("IIA", "2b" of "golongan II"): its number with a letter.
fn subdivision(w: &str) -> Option<u32> {
    let head = w.strip_suffix(['a', 'b', 'c'])?;
    if head.is_empty() {
        return None;
    }
    small(head).or_else(|| text::roman_value(head))
}

/// The numbered parts the question names.
pub(crate) fn parts(words: &[String], lx: &Lexicon) -> Vec<Part> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // English puts the ordinal first ("fourth quarter", "4th quarter").
        if let Some(noun) = words.get(i + 1)
            && let Some(n) = lx.ordinal_before(&words[i], noun)
        {
            out.push(Part {
                noun: Some(noun.clone()),
                n,
                year: year_after(words, i + 2, lx),
            });
            i += 2;
            continue;
        }
        // "Hari pertama", "bulan pertama": the first day or month of an event, a time the report
        // may give as a date, not a numbered part it must write.
        let first_time = |n: u32| {
            n == 1
                && lx.is_year_part(&words[i])
                && words
                    .get(i + 1)
                    .is_some_and(|w| lx.ordinal_word(w).is_some())
        };
        if lx.is_period_word(&words[i])
            && let Some(n) = ordinal_at(words, i + 1, lx, true).filter(|&n| !first_time(n))
        {
            out.push(Part {
                noun: Some(words[i].clone()),
                n,
                year: year_after(words, i + 2, lx),
            });
            i += 2;
            continue;
        }
        // After a superlative ("terendah kedua", "second lowest" read as "kedua terendah") the
        // ordinal is a place in a ranking, which a report gives by its order, not a part of a
        // series it must write.
        let ranked = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_some_and(|w| lx.is_superlative(w))
        };
        if let Some(n) = ordinal_at(words, i, lx, false)
            .filter(|_| !ranked(i.checked_sub(1)) && !ranked(Some(i + 1)))
        {
            out.push(Part {
                noun: None,
                n,
                year: None,
            });
            i += 1;
            continue;
        }
        i += 1;
    }
    out
}

/// The word the question writes a numbered part's number with after its noun ("1" of "kuartal
/// 1", "iii" of "triwulan III"): the part's number, which [`period_absent_in`] finds in any form
/// ("kuartal I", "triwulan pertama"), not a figure or name the report must quote. Once per
/// question.
pub(super) fn part_digits(question: &[String], lx: &Lexicon) -> Vec<String> {
    (1..question.len())
        .filter(|&i| lx.is_period_word(&question[i - 1]))
        .filter(|&i| ordinal_at(question, i, lx, true).is_some())
        .map(|i| question[i].clone())
        .collect()
}

/// Whether the article's words hold the part: its noun (or one naming the same part, "triwulan"
/// for "kuartal") followed by the number in any of the ways [`ordinal_at`] reads, or (without a
/// noun) the ordinal anywhere.
///
/// A part the question dates ("kuartal IV 2031") is held where the report writes it with that
/// year, or bare in a report published that year or early the next (a quarter's figures come out
/// after it ends): "kuartal IV/2030" in a report on 2031's first quarter is last year's part.
fn held(part: &Part, words: &[String], published: Option<i32>, lx: &Lexicon) -> bool {
    // Only a part of a year has a year of its own; a tariff class ("golongan I 2031") is the
    // year's tariff, announced the year before.
    let dated = part
        .year
        .filter(|_| part.noun.as_ref().is_some_and(|n| lx.is_year_part(n)));
    let same_year = |k: usize| match (dated, year_after(words, k, lx)) {
        (None, _) => true,
        (Some(y), Some(written)) => written == y,
        (Some(y), None) => published.is_some_and(|p| p == y || p == y + 1),
    };
    (0..words.len()).any(|i| match &part.noun {
        Some(noun) => {
            lx.same_period_word(&words[i], noun)
                && (ordinal_at(words, i + 1, lx, true) == Some(part.n)
                    || words.get(i + 1).and_then(|w| subdivision(w)) == Some(part.n))
                && same_year(i + 2)
        }
        // A report writes the ordinal in digits too ("ke-8" for "kedelapan").
        None => {
            ordinal_at(words, i, lx, false) == Some(part.n)
                || (words[i] == "ke" && words.get(i + 1).and_then(|n| small(n)) == Some(part.n))
        }
    })
}

/// Whether one paragraph's words give another row of the list a part the question names with its
/// noun belongs to ("Zona III" for the question's "Zona I", "golongan IV" for its "golongan
/// II") and never the part itself: that paragraph gives the other row's figures. Never a part
/// of a year ("kuartal III", "pekan ke-15"), nor one the paragraph merely leaves out: a report
/// on a quarter or a stage names it once and compares it with others in paragraph after
/// paragraph.
pub(crate) fn paragraph_gives_another(part: &Part, words: &[String], lx: &Lexicon) -> bool {
    let Some(noun) = part.noun.as_ref().filter(|_| part.is_row(lx)) else {
        return false;
    };
    let bare = Part {
        noun: Some(noun.clone()),
        n: part.n,
        year: None,
    };
    let other = (0..words.len()).any(|i| {
        lx.same_period_word(&words[i], noun)
            && ordinal_at(words, i + 1, lx, true).is_some_and(|n| n != part.n)
    });
    other && !held(&bare, words, None, lx)
}

/// Whether the article's words (title and paragraphs, [`Index::article_words`]) write every one of
/// `wanted`. Once per candidate article, and only when the question names such a part.
fn holds_all(wanted: &[&Part], words: &[String], published: Option<i32>, lx: &Lexicon) -> bool {
    wanted.iter().all(|p| held(p, words, published, lx))
}

/// A numbered part the question names ("kuartal IV 2031", "semester I") picks the reports
/// writing it: a sibling on another quarter agrees on the year and every other word, and
/// [`period_absent_in`] would refuse it. Only when the best article lacks the part are the articles
/// lacking it pushed down (the holders keep their own scores, which the answer model reads).
/// Read once per candidate article near the best score, and only then. `parts` are the question's
/// ([`parts`], read once per question); the ones named with their noun ("kuartal IV", "golongan
/// II") count, as a report writes them in the same form.
pub(super) fn push_down_absent(parts: &[Part], index: &Index, ranked: &mut [Scored], lx: &Lexicon) {
    let wanted: Vec<&Part> = parts.iter().filter(|p| p.noun.is_some()).collect();
    if wanted.is_empty() {
        return;
    }
    let holds = |doc: usize| {
        let d = &index.docs[doc];
        holds_all(&wanted, &index.article_words(doc), published_year(d), lx)
    };
    let Some(best) = ranked.iter().max_by(|a, b| a.score.total_cmp(&b.score)) else {
        return;
    };
    if holds(index.passages[best.passage].doc as usize) {
        return;
    }
    let floor = super::TOPIC_FLOOR * best.score;
    let mut held: Vec<(usize, bool)> = Vec::new();
    for s in ranked.iter_mut().filter(|s| s.score >= floor) {
        let doc = index.passages[s.passage].doc as usize;
        let h = match held.iter().find(|(d, _)| *d == doc) {
            Some(&(_, h)) => h,
            None => {
                let h = holds(doc);
                held.push((doc, h));
                h
            }
        };
        if !h {
            s.score -= PERIOD_DOC_WEIGHT;
        }
    }
}

/// [`period_absent_in`] of an article given by its title and paragraphs.
#[cfg(test)]
fn period_absent(
    question: &[String],
    title: &str,
    paragraphs: &[String],
    published: Option<i32>,
    lx: &Lexicon,
) -> f32 {
    let words = || {
        let mut words = text::words(title);
        for p in paragraphs {
            words.extend(text::tokenize(p).into_iter().map(|t| t.word));
        }
        std::sync::Arc::new(words)
    };
    period_absent_in(question, &parts(question, lx), words, published, lx)
}

/// 1 when the question names a numbered part of a series the article (title and paragraphs)
/// never writes. Computed once per question and chosen article, and only when the question
/// names such a part (most do not): the article's words (`words`, [`Index::article_words`]) are
/// read then, not per paragraph × term. `wanted` are the question's [`parts`].
pub(super) fn period_absent_in(
    question: &[String],
    wanted: &[Part],
    words: impl FnOnce() -> std::sync::Arc<Vec<String>>,
    published: Option<i32>,
    lx: &Lexicon,
) -> f32 {
    let whole = whole_years(question, lx);
    if wanted.is_empty() && whole.is_empty() {
        return 0.0;
    }
    let words = words();
    let part_absent = wanted.iter().any(|p| !held(p, &words, published, lx));
    // A report out before the year ends gives no figure for the whole of it; one counting so
    // far writes the phrase itself ("OTT ketiga sepanjang 2031").
    let year_absent = whole
        .iter()
        .any(|&y| published.is_some_and(|p| p <= y) && !whole_years(&words, lx).contains(&y));
    f32::from(u8::from(part_absent || year_absent))
}

/// The years the words say a figure covers whole ("sepanjang 2031", "selama tahun 2031", "the
/// whole of 2031", "full-year 2031"): a word of `whole-period.txt` and the year, a unit of time
/// or a function word between.
pub(super) fn whole_years(words: &[String], lx: &Lexicon) -> Vec<i32> {
    (0..words.len())
        .filter(|&i| lx.is_whole_period(&words[i]))
        .filter_map(|i| year_after(words, i + 1, lx))
        .collect()
}

/// Whether article `doc` writes one of `years` as a whole year itself ("sepanjang 2031"): read
/// only for a question asking a whole year, once per report on its topic.
pub(super) fn writes_whole_year(index: &Index, doc: usize, years: &[i32], lx: &Lexicon) -> bool {
    whole_years(&index.article_words(doc), lx)
        .iter()
        .any(|y| years.contains(y))
}

/// The year an article was published in, which dates the parts it writes bare.
pub(super) fn published_year(doc: &crate::nlu::index::Doc) -> Option<i32> {
    use chrono::Datelike;
    doc.published_at.map(|at| at.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        text::words(s)
    }

    #[test]
    fn a_part_the_report_never_writes_is_absent_and_one_it_writes_in_another_form_is_held() {
        let lx = Lexicon::builtin();
        let q = w("Berapa laba bersih Contoh pada kuartal IV-2031?");
        assert_eq!(
            parts(&q, &lx),
            vec![Part {
                noun: Some("kuartal".into()),
                n: 4,
                year: Some(2031),
            }]
        );
        let other = ["Laba kuartal I-2031 naik 5 persen.".to_string()];
        let same = ["Laba triwulan keempat 2031 naik.".to_string()];
        assert_eq!(period_absent(&q, "Laba Contoh", &other, None, &lx), 1.0);
        assert_eq!(period_absent(&q, "Laba Contoh", &same, None, &lx), 0.0);
    }

    #[test]
    fn an_ordinal_alone_counts_but_not_the_first_time() {
        let lx = Lexicon::builtin();
        assert!(parts(&w("Indeks turun ke 7 persen"), &lx).is_empty());
        assert!(parts(&w("Harga pekan 11-15 Maret"), &lx).is_empty());
        let q = w("Kapan lomba kedelapan digelar?");
        let text = ["Lomba ke-8 digelar Sabtu.".to_string()];
        assert_eq!(period_absent(&q, "Lomba", &text, None, &lx), 0.0);
        assert_eq!(
            period_absent(&q, "Lomba", &["Lomba digelar.".to_string()], None, &lx),
            1.0
        );
        assert_eq!(
            part_digits(&w("PDB kuartal 1 2031 berapa?"), &lx),
            vec!["1"]
        );
        assert!(part_digits(&w("Harga pekan 11-15 Maret"), &lx).is_empty());
        let first = w("Kapan lomba pertama kali digelar?");
        assert!(parts(&first, &lx).is_empty());
        assert!(parts(&w("Upah tahun 2031 berapa?"), &lx).is_empty());
        // The first day of an event is a time, not a part: the second is a numbered one.
        assert!(parts(&w("Banjir hari pertama, jalan apa yang putus?"), &lx).is_empty());
        assert_eq!(parts(&w("Banjir hari kedua, jalan apa?"), &lx).len(), 1);
        // Nor is the number of times ("kedua kalinya").
        assert!(parts(&w("Kenaikan yang kedua kalinya, berapa?"), &lx).is_empty());
        // A class holds its subclasses ("golongan IIA" of "golongan II").
        let q = w("Cukai golongan II naik berapa?");
        let text = ["Cukai golongan IIA naik 12,4%.".to_string()];
        assert_eq!(period_absent(&q, "Cukai", &text, None, &lx), 0.0);
        let text = ["Cukai golongan I naik 13,9%.".to_string()];
        assert_eq!(period_absent(&q, "Cukai", &text, None, &lx), 1.0);
        let text = ["Cukai golongan é naik.".to_string()];
        assert_eq!(period_absent(&q, "Cukai", &text, None, &lx), 1.0);
        // A place in a ranking is no part of a series.
        assert!(parts(&w("Harga terendah kedua di provinsi mana?"), &lx).is_empty());
        assert_eq!(parts(&w("Lomba kedua terendah?"), &lx).len(), 0);
        assert_eq!(parts(&w("Lomba kedua digelar di mana?"), &lx).len(), 1);
    }

    #[test]
    fn a_dated_part_is_held_only_with_its_year_or_bare_in_a_report_of_that_year() {
        let lx = Lexicon::builtin();
        let q = w("Berapa pertumbuhan ekonomi kuartal IV 2031?");
        let last_year = ["Pada kuartal IV/2030 ekonomi tumbuh 5 persen.".to_string()];
        let written = ["Pada kuartal IV 2031 ekonomi tumbuh 5 persen.".to_string()];
        let bare = ["Pada kuartal IV ekonomi tumbuh 5 persen.".to_string()];
        assert_eq!(period_absent(&q, "PDB", &last_year, Some(2031), &lx), 1.0);
        assert_eq!(period_absent(&q, "PDB", &written, Some(2031), &lx), 0.0);
        // A quarter's figures come out after it ends, early the next year.
        assert_eq!(period_absent(&q, "PDB", &bare, Some(2032), &lx), 0.0);
        assert_eq!(period_absent(&q, "PDB", &bare, Some(2029), &lx), 1.0);
        let q = w("How much did the economy grow in the fourth quarter of 2031?");
        assert_eq!(period_absent(&q, "PDB", &last_year, Some(2031), &lx), 1.0);
        // A tariff class names no part of a year: next year's tariff is announced this year.
        let q = w("Cukai golongan I tahun 2031 berapa?");
        let text = ["Cukai golongan I naik 12 persen.".to_string()];
        assert_eq!(period_absent(&q, "Cukai", &text, Some(2030), &lx), 0.0);
    }

    #[test]
    fn a_whole_year_is_absent_from_a_report_out_before_it_ends_unless_it_counts_so_far() {
        let lx = Lexicon::builtin();
        let q = w("Berapa laba bersih Contoh sepanjang tahun 2031?");
        let half = ["Laba semester I-2031 naik 5 persen.".to_string()];
        assert_eq!(
            period_absent(&q, "Laba Contoh", &half, Some(2031), &lx),
            1.0
        );
        assert_eq!(
            period_absent(&q, "Laba Contoh", &half, Some(2032), &lx),
            0.0
        );
        let so_far = ["Ini OTT ketiga sepanjang 2031.".to_string()];
        assert_eq!(period_absent(&q, "OTT", &so_far, Some(2031), &lx), 0.0);
        let q = w("How much did Contoh earn over the whole of 2031?");
        assert_eq!(
            period_absent(&q, "Laba Contoh", &half, Some(2031), &lx),
            1.0
        );
        // A bare year is no whole year: a price "in 2031" is any day's.
        let q = w("Berapa harga emas pada 2031?");
        assert_eq!(period_absent(&q, "Emas", &half, Some(2031), &lx), 0.0);
    }

    #[test]
    fn an_english_ordinal_before_its_noun_names_the_part_an_indonesian_report_writes() {
        let lx = Lexicon::builtin();
        let q = w("How much did profit grow in the fourth quarter of 2031?");
        let other = ["Laba kuartal I-2031 naik 5 persen.".to_string()];
        let same = ["Laba triwulan IV 2031 naik.".to_string()];
        assert_eq!(period_absent(&q, "Laba Contoh", &other, None, &lx), 1.0);
        assert_eq!(period_absent(&q, "Laba Contoh", &same, None, &lx), 0.0);
        // Digits are no ordinal before the noun ("4th" reaches the question as "4").
        assert!(parts(&w("Liga 1 season 2031"), &lx).is_empty());
        // A length in quarters, or a rank, names no part.
        assert!(parts(&w("growth over three quarters"), &lx).is_empty());
        assert!(parts(&w("growth in the 4 quarter"), &lx).is_empty());
        assert!(parts(&w("the second largest bank"), &lx).is_empty());
    }
}
