//! Text normalisation shared by both page forms: line endings, BOM, no-break and zero-width spaces.

/// Characters that take no room and carry no meaning in an article.
const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}',
];

/// The text with a leading BOM dropped and every line ending (`\r\n`, lone `\r`) made `\n`.
pub fn unify_line_endings(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A line as it should be read: no-break spaces and tabs become spaces, runs of whitespace become
/// one space, invisible characters go, ends are trimmed. Words and punctuation are kept as written.
pub fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars().filter(|c| !INVISIBLE.contains(c)) {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The form of the text that [`super::content_hash`] hashes: line endings unified, trailing
/// whitespace (no-break spaces too) dropped from each line, blank lines at both ends dropped.
pub fn normalise_for_hash(text: &str) -> String {
    let unified = unify_line_endings(text);
    let lines: Vec<&str> = unified.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// Groups lines into blocks separated by blank lines (a line that cleans to nothing is blank).
/// Each block keeps its lines' indices so callers can tell where a block sits in the page.
pub fn blocks(lines: &[String]) -> Vec<Vec<usize>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(i);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// Whether a paragraph says anything: it has at least one letter or digit (emoji-only does not).
pub fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_spaces_and_runs_of_spaces_become_one_space() {
        assert_eq!(
            clean_line("KONTAN.CO.ID - JAKARTA.\u{a0}\u{a0} Beberapa  hari\tterakhir.\u{a0}"),
            "KONTAN.CO.ID - JAKARTA. Beberapa hari terakhir."
        );
        assert_eq!(
            clean_line("\u{feff}\u{200b} “Kutipan,” \u{a0}"),
            "“Kutipan,”"
        );
    }

    #[test]
    fn crlf_lone_cr_and_bom_are_unified() {
        assert_eq!(unify_line_endings("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn hashing_form_ignores_line_endings_and_trailing_space() {
        assert_eq!(
            normalise_for_hash("\u{feff}A \u{a0}\r\n\r\nB\r\n\r\n"),
            normalise_for_hash("A\n\nB")
        );
    }
}
