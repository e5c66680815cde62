//! Bytes of a web page → text: the charset the HTTP header names, else a byte-order mark, else the
//! page's own `<meta charset>` / `http-equiv` declaration, else UTF-8 (windows-1252 when the bytes
//! are not valid UTF-8, as old Indonesian CMSes often serve).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for (HTML5 says the first 1024 bytes;
/// real pages put it later, behind long `<head>` scripts).
const META_SCAN_BYTES: usize = 4096;

/// Decodes `bytes` as the page's charset. `content_type` is the HTTP `Content-Type` header, if any.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let encoding = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| Encoding::for_bom(bytes).map(|(encoding, _)| encoding))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                WINDOWS_1252
            }
        });
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// `text/html; charset="windows-1252"` → `windows-1252`.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The charset a page declares in its head: `<meta charset="x">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    // Charset names are ASCII, so reading the head as Latin-1 cannot hide one.
    let head: String = head.iter().map(|&b| b as char).collect::<String>();
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("charset") {
        let at = from + found + "charset".len();
        from = at;
        let rest = lower[at..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let label: String = rest
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(encoding) = Encoding::for_label(label.as_bytes()) {
            // A page that claims UTF-16 in ASCII text is not UTF-16 (the HTML spec says the same).
            return Some(if encoding.is_single_byte() || encoding == UTF_8 {
                encoding
            } else {
                encoding.output_encoding()
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_charset_wins_over_the_page() {
        let bytes = b"<meta charset=\"utf-8\"><p>caf\xe9</p>";
        assert_eq!(
            decode(bytes, Some("text/html; charset=windows-1252")),
            "<meta charset=\"utf-8\"><p>café</p>"
        );
    }

    #[test]
    fn a_meta_charset_is_honoured_without_a_header() {
        let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><p>Rp 5\xa0juta \x96 naik</p>";
        let text = decode(bytes, Some("text/html"));
        assert!(text.contains("Rp 5\u{a0}juta \u{2013} naik"), "{text}");
    }

    #[test]
    fn undeclared_bytes_are_utf8_when_they_can_be_and_windows_1252_otherwise() {
        assert_eq!(decode("Sabtu – Minggu".as_bytes(), None), "Sabtu – Minggu");
        assert_eq!(decode(b"Sabtu \x96 Minggu", None), "Sabtu – Minggu");
    }
}
