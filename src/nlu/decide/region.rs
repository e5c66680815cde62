//! A region the question names by a place and a compass word ("Lumbung Tengah", "Central
//! Lumbung") that the chosen report never writes as one: a report on "Lumbung Timur" holds
//! "Lumbung" and, in another sentence, "tengah", and every other word of a question on the wage
//! of Lumbung Tengah. Compass words are data (`lexicon/<lang>/compass-words.*`).

use crate::nlu::index::Index;
use crate::nlu::lang::Lang;
use crate::nlu::lexicon::Lexicon;
use crate::nlu::query::Query;
use crate::nlu::text;

/// One region: the spellings of its place (an English name and the bridge's Indonesian one) and
/// the compass words the articles write after it ("tengah", or "pusat" for "Central …").
#[derive(Debug, PartialEq)]
pub(super) struct Region {
    place: Vec<String>,
    /// The words of a longer name between the place and the compass word ("tenggara" of
    /// "Lumbung Tenggara Timur"; "West Lumbung Tenggara" puts the whole name after the compass word).
    middle: Vec<String>,
    compass: Vec<String>,
    /// The initials of the name around the pair, of three words or more ("lrt" of "Lumbung Raya
    /// Tengah", which the slang lists may spell out of a reader's "LRT"): from each name word
    /// before the pair to each after it, as a salient word beside the name ("stunting Lumbung
    /// Raya Tengah", "… Tengah Bagas Wiratama") may be no part of it.
    initials: Vec<String>,
}

/// The regions the question names: Indonesian writes the compass word after a name ("Lumbung
/// Tengah"), English before it ("Central Lumbung"). The place must be one of the question's names
/// (a salient term), so "harga naik di wilayah timur" names no region.
pub(super) fn regions(q: &Query, lx: &Lexicon) -> Vec<Region> {
    let place = |w: &str| {
        q.terms.iter().find(|t| t.word == w && t.salient).map(|t| {
            let mut forms = t.forms.clone();
            forms.push(t.word.clone());
            forms
        })
    };
    // A word of a longer name: a name or a compass word of the question.
    let in_name = |w: &String| {
        lx.is_compass_word(w)
            || lx.english_compass(w).is_some()
            || q.terms.iter().any(|t| t.word == *w && t.salient)
    };
    let initials = |i: usize| -> Vec<String> {
        let Some(first) = (0..=i).rev().take_while(|&k| in_name(&q.words[k])).last() else {
            return Vec::new();
        };
        let Some(end) = (i..q.words.len())
            .take_while(|&k| in_name(&q.words[k]))
            .last()
        else {
            return Vec::new();
        };
        (first..=i)
            .flat_map(|start| (i + 1..=end).map(move |last| (start, last)))
            .filter(|&(start, last)| last - start >= 2)
            .map(|(start, last)| {
                q.words[start..=last]
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .collect()
            })
            .collect()
    };
    let mut out = Vec::new();
    for (i, pair) in q.words.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        // An English question keeps an Indonesian region's name as written ("Lumbung Timur").
        let region = match q.lang {
            _ if lx.is_compass_word(b) => place(a)
                .map(|place| (place, Vec::new()))
                .or_else(|| {
                    // Two compass words after a place ("Lumbung Tenggara Timur"): the first is part
                    // of the name, and only the pair tells the region from its neighbour.
                    let before = i.checked_sub(1).map(|k| &q.words[k])?;
                    lx.is_compass_word(a)
                        .then(|| place(before))
                        .flatten()
                        .map(|place| (place, vec![a.clone()]))
                })
                .map(|(place, middle)| Region {
                    place,
                    middle,
                    compass: vec![b.clone()],
                    initials: initials(i),
                }),
            Lang::En => lx.english_compass(a).and_then(|compass| {
                place(b).map(|place| Region {
                    place,
                    middle: middle_after(q, i + 2, lx),
                    compass: compass.to_vec(),
                    initials: initials(i),
                })
            }),
            _ => None,
        };
        out.extend(region);
    }
    out
}

/// The name words an English question writes after a region's place ("tenggara" of "West
/// Lumbung Tenggara"), which Indonesian writes between the place and the compass word: the Indonesian
/// compass words kept as written, as a general word after a place ("West Lumbung province") is
/// no part of its name.
fn middle_after(q: &Query, from: usize, lx: &Lexicon) -> Vec<String> {
    q.words
        .iter()
        .skip(from)
        .take_while(|w| lx.is_compass_word(w))
        .cloned()
        .collect()
}

/// Whether the words write the region: the place right before its compass word, or the blend
/// newsrooms write for a province or regency ("Lumteng" for "Lumbung Tengah": the start of the
/// place and the start of the compass word).
fn held(region: &Region, words: &[String]) -> bool {
    let blend = |w: &str| {
        (2..w.len().saturating_sub(1)).any(|k| {
            w.is_char_boundary(k)
                && region.place.iter().any(|p| p.starts_with(&w[..k]))
                && region.compass.iter().any(|c| c.starts_with(&w[k..]))
        })
    };
    let after = region.middle.len() + 1;
    words.iter().enumerate().any(|(i, w)| {
        region.initials.contains(w)
            || (region.place.contains(w)
                && words[i + 1..].starts_with(&region.middle)
                && words
                    .get(i + after)
                    .is_some_and(|n| region.compass.contains(n)))
            || (region.middle.is_empty() && blend(w))
    })
}

/// 1 when the question names a region (`wanted`, its [`regions`], found once per question) the
/// article (title included) never writes.
pub(super) fn region_absent(wanted: &[Region], index: &Index, doc: usize) -> f32 {
    if wanted.is_empty() {
        return 0.0;
    }
    let d = &index.docs[doc];
    let texts: Vec<Vec<String>> = std::iter::once(&d.title)
        .chain(&d.paragraphs)
        .map(|t| text::words(t))
        .collect();
    let absent = wanted
        .iter()
        .any(|r| !texts.iter().any(|words| held(r, words)));
    f32::from(u8::from(absent))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::query::analyse;
    use crate::nlu::testing::{lexicon, plain_article};

    fn index() -> Index {
        let articles = [
            plain_article(
                1,
                "Upah Lumbung Timur naik\n\nUpah minimum Lumbung Timur naik jadi Rp 3 juta. \
                 Di tengah kenaikan itu, buruh Lumbung menolak.\n",
            ),
            plain_article(
                2,
                "Upah Lumteng naik\n\nUpah minimum provinsi Lumteng naik 5 persen.\n",
            ),
        ];
        Index::build(&articles, std::iter::empty(), lexicon())
    }

    #[test]
    fn a_region_written_only_apart_is_absent_and_its_blend_is_held() {
        let index = index();
        let lx = lexicon();
        let q = analyse("Berapa upah minimum Lumbung Tengah?", None, &index);
        assert_eq!(regions(&q, &lx).len(), 1);
        assert_eq!(region_absent(&regions(&q, &lx), &index, 0), 1.0);
        assert_eq!(
            region_absent(&regions(&q, &lx), &index, 1),
            0.0,
            "\"Lumteng\" blends it"
        );
        let east = analyse("Berapa upah minimum Lumbung Timur?", None, &index);
        assert_eq!(region_absent(&regions(&east, &lx), &index, 0), 0.0);
    }

    #[test]
    fn english_puts_the_compass_word_before_the_place() {
        let index = index();
        let lx = lexicon();
        let q = analyse("What is the minimum wage in East Lumbung?", None, &index);
        assert_eq!(region_absent(&regions(&q, &lx), &index, 0), 0.0);
        let central = analyse("What is the minimum wage in Central Lumbung?", None, &index);
        assert_eq!(region_absent(&regions(&central, &lx), &index, 0), 1.0);
        // An Indonesian name kept as written in English is a region as well.
        let kept = analyse("What is the minimum wage in Lumbung Tengah?", None, &index);
        assert_eq!(region_absent(&regions(&kept, &lx), &index, 0), 1.0);
        let east = analyse("What is the minimum wage in Lumbung Timur?", None, &index);
        assert_eq!(region_absent(&regions(&east, &lx), &index, 0), 0.0);
        // A longer name's initials hold it ("Lumbung Raya Tengah" as "LRT").
        let long = analyse("Berapa upah Lumbung Raya Tengah?", None, &index);
        let holding = ["lrt".to_string(), "naik".to_string()];
        let named = regions(&long, &lx);
        assert!(!named.is_empty() && named.iter().all(|r| held(r, &holding)));
        // A salient word beside the name is no part of it: its initials still hold it.
        let after = analyse(
            "Berapa upah Lumteng Lumbung Raya Tengah Lumteng?",
            None,
            &index,
        );
        let named = regions(&after, &lx);
        assert!(!named.is_empty() && named.iter().all(|r| held(r, &holding)));
        // A compass word before no name names no region.
        let plain = analyse("Did wages rise in the east?", None, &index);
        assert!(regions(&plain, &lx).is_empty());
    }

    #[test]
    fn a_name_of_two_compass_words_is_held_only_with_both() {
        let articles = [
            plain_article(
                1,
                "Upah Sukamaju Tenggara Barat naik\n\nUpah minimum Sukamaju Tenggara Barat naik \
                 jadi Rp 3 juta.\n",
            ),
            plain_article(2, "Harga beras naik\n\nHarga beras di pasar naik.\n"),
        ];
        let index = Index::build(&articles, std::iter::empty(), lexicon());
        let lx = lexicon();
        let absent =
            |raw: &str| region_absent(&regions(&analyse(raw, None, &index), &lx), &index, 0);
        assert_eq!(absent("Berapa upah minimum Sukamaju Tenggara Timur?"), 1.0);
        assert_eq!(absent("Berapa upah minimum Sukamaju Tenggara Barat?"), 0.0);
        assert_eq!(
            absent("What is the minimum wage in West Sukamaju Tenggara?"),
            0.0
        );
        assert_eq!(
            absent("What is the minimum wage in East Sukamaju Tenggara?"),
            1.0
        );
    }
}
