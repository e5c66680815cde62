//! The scraped Kontan page form: site furniture and ticker, the headline (repeated), the time line,
//! the illustration caption, the byline, the body opening with a dateline, and a trailer.
//!
//! The form's words (its site line, caption prefixes, the site-name endings of a dateline) are data
//! in `lexicon/pages/` ([`super::lexicon`]); this module holds the layout.

use std::collections::HashMap;

use super::boilerplate::{is_furniture, is_indicator_header, is_trailer_start};
use super::date::parse_datetime;
use super::fields::parse_fields;
use super::lexicon::PageLexicon;
use super::text::{blocks, has_words};
use super::ticker::parse_ticker_line;
use super::{Metadata, ParseError, ParsedArticle};

/// What a (cleaned) line of the page is.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    Blank,
    Furniture,
    Ticker,
    Time,
    Caption(String),
    Fields,
    Prose,
}

/// Whether cleaned lines carry the markers of the Kontan page form: the ticker or its header, the
/// site line, a `Reporter: … | Editor: …` byline, or a `SITE.CO.ID - CITY.` dateline.
pub fn looks_like_kontan(lines: &[String]) -> bool {
    lines.iter().any(|line| {
        let lower = line.to_lowercase();
        is_indicator_header(&lower)
            || lower == PageLexicon::builtin().kontan_site_line
            || parse_ticker_line(line).is_some()
            || (line.contains('|') && parse_fields(line).is_some_and(|f| f.len() >= 2))
            || split_dateline(line).is_some()
    })
}

/// Parses cleaned lines (see [`super::text::clean_line`]) of a Kontan-form page.
pub fn parse(lines: &[String]) -> Result<ParsedArticle, ParseError> {
    let kinds: Vec<Line> = lines.iter().map(|line| classify(line)).collect();
    let mut meta = Metadata::default();
    for (line, kind) in lines.iter().zip(&kinds) {
        match kind {
            Line::Ticker => meta
                .ticker
                .extend(parse_ticker_line(line).unwrap_or_default()),
            Line::Time if meta.published_at.is_none() => meta.published_at = parse_datetime(line),
            Line::Caption(caption) if meta.caption.is_none() => {
                meta.caption = Some(caption.clone())
            }
            Line::Fields => meta.absorb(parse_fields(line).unwrap_or_default())?,
            _ => {}
        }
    }

    let first = |wanted: fn(&Line) -> bool| kinds.iter().position(wanted);
    let time_at = first(|k| *k == Line::Time);
    let fields_at = first(|k| *k == Line::Fields);
    let dateline_at = lines
        .iter()
        .zip(&kinds)
        .position(|(line, kind)| *kind == Line::Prose && split_dateline(line).is_some());
    let prose_after = |at: usize| kinds[at + 1..].contains(&Line::Prose);
    let body_start = dateline_at
        .or(fields_at.filter(|&at| prose_after(at)).map(|at| at + 1))
        .or(time_at.map(|at| at + 1));

    let (title, body_start) =
        find_title(lines, &kinds, body_start, time_at).ok_or(ParseError::NoBody)?;
    let body_end = (body_start..lines.len())
        .find(|&i| is_trailer_start(&lines[i]))
        .unwrap_or(lines.len());

    let title_lower = title.to_lowercase();
    let mut paragraphs = Vec::new();
    for block in blocks(&lines[body_start..body_end]) {
        let kept: Vec<&str> = block
            .iter()
            .map(|&i| i + body_start)
            .filter(|&i| kinds[i] == Line::Prose && lines[i].to_lowercase() != title_lower)
            .map(|i| lines[i].as_str())
            .collect();
        let mut paragraph = kept.join(" ");
        if paragraphs.is_empty()
            && meta.source.is_none()
            && let Some((source, rest)) = split_dateline(&paragraph)
        {
            meta.source = Some(source);
            paragraph = rest;
        }
        if has_words(&paragraph) {
            paragraphs.push(paragraph);
        }
    }
    meta.into_article(title, paragraphs)
}

fn classify(line: &str) -> Line {
    if line.is_empty() {
        return Line::Blank;
    }
    if parse_ticker_line(line).is_some() {
        return Line::Ticker;
    }
    if is_furniture(line) || is_trailer_start(line) {
        return Line::Furniture;
    }
    if parse_datetime(line).is_some() {
        return Line::Time;
    }
    if let Some(caption) = strip_caption(line) {
        return Line::Caption(caption);
    }
    if parse_fields(line).is_some() {
        return Line::Fields;
    }
    Line::Prose
}

/// `ILUSTRASI. Kebijakan privasi baru WhatsApp` → `Kebijakan privasi baru WhatsApp`.
fn strip_caption(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let prefix = PageLexicon::builtin()
        .caption_prefixes
        .iter()
        .find(|p| lower.starts_with(p.as_str()))?;
    // `Ilustrasinya …` is a sentence; the bare word needs a boundary after it.
    let rest = line.get(prefix.len()..)?;
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let caption =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-'));
    (!caption.is_empty()).then(|| caption.to_string())
}

/// The headline and where the body begins. The headline is the header line the page repeats, else
/// the last header line before the time line, else the first header line; when no marker shows
/// where the body begins, it begins after the headline.
fn find_title(
    lines: &[String],
    kinds: &[Line],
    body_start: Option<usize>,
    time_at: Option<usize>,
) -> Option<(String, usize)> {
    let header_end = body_start.unwrap_or(lines.len());
    let candidates: Vec<usize> = (0..header_end)
        .filter(|&i| kinds[i] == Line::Prose)
        .collect();
    // Counted once up front: a 1 MiB page can have tens of thousands of lines.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, kind) in lines.iter().zip(kinds) {
        if *kind == Line::Prose {
            *seen.entry(line.to_lowercase()).or_default() += 1;
        }
    }
    // Without a marker of where the body begins the whole page is "header", and a sentence the
    // body repeats must not be taken for the headline.
    let repeated = body_start.and_then(|_| {
        candidates
            .iter()
            .copied()
            .find(|&i| seen.get(&lines[i].to_lowercase()).is_some_and(|&n| n > 1))
    });
    let before_time = time_at.and_then(|t| candidates.iter().copied().rev().find(|&i| i < t));
    let chosen = match (
        body_start,
        repeated.or(before_time).or(candidates.first().copied()),
    ) {
        (Some(start), Some(i)) => (i, start),
        (None, Some(i)) => (i, i + 1),
        // The headline sits after the time line: the body starts after the headline.
        (Some(start), None) => {
            let i = (start..lines.len()).find(|&i| kinds[i] == Line::Prose)?;
            (i, i + 1)
        }
        (None, None) => return None,
    };
    Some((lines[chosen.0].clone(), chosen.1))
}

/// Splits a dateline from the start of a paragraph:
/// `KONTAN.CO.ID - JAKARTA. Beberapa hari …` → (`KONTAN.CO.ID - JAKARTA`, `Beberapa hari …`).
/// Without a city (`KONTAN.CO.ID - Pemerintah …`) the source is the site alone.
pub fn split_dateline(paragraph: &str) -> Option<(String, String)> {
    let (dash_at, dash) = paragraph
        .char_indices()
        .take(40)
        .find(|(_, c)| matches!(c, '-' | '–' | '—'))?;
    let site = paragraph[..dash_at].trim();
    let site_lower = site.to_lowercase();
    let is_site = !site.is_empty()
        && !site.contains(char::is_whitespace)
        && site.contains('.')
        && site.chars().any(char::is_alphabetic)
        && (!site.chars().any(char::is_lowercase)
            || PageLexicon::builtin()
                .site_domains
                .iter()
                .any(|tld| site_lower.ends_with(tld.as_str())));
    if !is_site {
        return None;
    }
    let after = paragraph[dash_at + dash.len_utf8()..].trim_start();
    let place_end = after.find(['.', ',']);
    if let Some(end) = place_end {
        let place = after[..end].trim();
        let is_place = !place.is_empty()
            && place.chars().count() <= 40
            && place.chars().any(char::is_alphabetic)
            && !place.chars().any(char::is_lowercase);
        if is_place {
            let rest = after[end + 1..].trim().to_string();
            return Some((format!("{site} - {place}"), rest));
        }
    }
    Some((site.to_string(), after.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dateline_gives_site_and_city_and_leaves_the_sentence() {
        assert_eq!(
            split_dateline("KONTAN.CO.ID - JAKARTA. Beberapa hari terakhir."),
            Some((
                "KONTAN.CO.ID - JAKARTA".into(),
                "Beberapa hari terakhir.".into()
            ))
        );
        assert_eq!(
            split_dateline("KONTAN.CO.ID-SURABAYA, Harga naik."),
            Some(("KONTAN.CO.ID - SURABAYA".into(), "Harga naik.".into()))
        );
        assert_eq!(
            split_dateline("KONTAN.CO.ID - Pemerintah menaikkan tarif."),
            Some(("KONTAN.CO.ID".into(), "Pemerintah menaikkan tarif.".into()))
        );
    }

    #[test]
    fn ordinary_sentences_have_no_dateline() {
        assert_eq!(
            split_dateline("Facebook sendiri telah membeli WhatsApp pada tahun 2014."),
            None
        );
        assert_eq!(split_dateline("Bagi-bagi data itu menjadi viral."), None);
        assert_eq!(split_dateline("-"), None);
    }

    #[test]
    fn captions_lose_their_prefix() {
        assert_eq!(
            strip_caption("ILUSTRASI. Kebijakan privasi baru WhatsApp").as_deref(),
            Some("Kebijakan privasi baru WhatsApp")
        );
        assert_eq!(strip_caption("Ilustrasinya jelas sekali"), None);
        assert_eq!(strip_caption("ILUSTRASI."), None);
    }
}
