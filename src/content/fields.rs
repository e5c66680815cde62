//! Labelled metadata lines shared by both forms: `Reporter: X | Editor: Y`, `Tanggal: …`,
//! `Sumber: …`, in Indonesian or English. The labels are data (`lexicon/pages/field-labels.tsv`).

use super::lexicon::{FieldKind, PageLexicon};

/// One labelled value from a metadata line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Reporter(String),
    Editor(String),
    Source(String),
    /// The date as written; the caller reads it (and refuses it when unreadable).
    Date(String),
    /// Where the article lives on the web: only an `http(s)://` value counts.
    Url(String),
}

/// Reads a line made only of labelled fields separated by `|`. `None` when any part is not a known
/// `label: value` pair, so a sentence with a colon stays a paragraph. An empty value is left out.
pub fn parse_fields(line: &str) -> Option<Vec<Field>> {
    let mut fields = Vec::new();
    for part in line.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        let (label, value) = part.split_once(':')?;
        let value = value.trim().to_string();
        let kind = PageLexicon::builtin()
            .field_labels
            .get(label.trim().to_lowercase().as_str())
            .copied()?;
        let make: fn(String) -> Field = match kind {
            FieldKind::Reporter => Field::Reporter,
            FieldKind::Editor => Field::Editor,
            FieldKind::Source => Field::Source,
            FieldKind::Date => Field::Date,
            FieldKind::Url => {
                // `Link: klik di sini` is a sentence, not an address.
                if !(value.starts_with("https://") || value.starts_with("http://"))
                    || value.contains(char::is_whitespace)
                {
                    return None;
                }
                Field::Url
            }
        };
        if !value.is_empty() {
            fields.push(make(value));
        }
    }
    // A line of bare labels (`Reporter: | Editor:`) is still metadata, just empty.
    line.contains(':').then_some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kontan_byline_gives_reporter_and_editor() {
        assert_eq!(
            parse_fields("Reporter: Ahmad Febrian | Editor: Ahmad Febrian"),
            Some(vec![
                Field::Reporter("Ahmad Febrian".into()),
                Field::Editor("Ahmad Febrian".into())
            ])
        );
        assert_eq!(
            parse_fields("Editor: Y"),
            Some(vec![Field::Editor("Y".into())])
        );
        assert_eq!(
            parse_fields("Reporter: | Editor: Y"),
            Some(vec![Field::Editor("Y".into())])
        );
    }

    #[test]
    fn sentences_with_a_colon_are_not_metadata() {
        assert_eq!(
            parse_fields("Artinya: percakapan disimpan di server Facebook"),
            None
        );
        assert_eq!(parse_fields("Sumber masalahnya jelas"), None);
        assert_eq!(parse_fields("Reporter: A | kata dia: tidak"), None);
    }
}
