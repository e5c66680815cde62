//! The plain-text article: the first non-empty line is the title, paragraphs are separated by blank
//! lines, and labelled lines (`Tanggal:`/`Date:`, `Reporter:`, `Editor:`, `Sumber:`/`Source:`) anywhere
//! give the metadata.

use super::boilerplate::{is_furniture, is_trailer_start};
use super::fields::parse_fields;
use super::text::{blocks, has_words};
use super::{Metadata, ParseError, ParsedArticle};

/// Parses cleaned lines (see [`super::text::clean_line`]) of a plain-text article.
pub fn parse(lines: &[String]) -> Result<ParsedArticle, ParseError> {
    let mut meta = Metadata::default();
    let mut title_at = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() || is_furniture(line) {
            continue;
        }
        match parse_fields(line) {
            Some(fields) => meta.absorb(fields)?,
            None => {
                title_at = Some(i);
                break;
            }
        }
    }
    let title_at = title_at.ok_or(ParseError::NoBody)?;
    let title = lines[title_at].clone();
    let title_lower = title.to_lowercase();
    let body_start = title_at + 1;
    let body_end = (body_start..lines.len())
        .find(|&i| is_trailer_start(&lines[i]))
        .unwrap_or(lines.len());

    let mut paragraphs = Vec::new();
    for block in blocks(&lines[body_start..body_end]) {
        let mut kept = Vec::new();
        for line in block.iter().map(|&i| &lines[i + body_start]) {
            if is_furniture(line) || line.to_lowercase() == title_lower {
                continue;
            }
            match parse_fields(line) {
                Some(fields) => meta.absorb(fields)?,
                None => kept.push(line.as_str()),
            }
        }
        let paragraph = kept.join(" ");
        if has_words(&paragraph) {
            paragraphs.push(paragraph);
        }
    }
    meta.into_article(title, paragraphs)
}
