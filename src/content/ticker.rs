//! The market ticker at the top of a Kontan page: `• EMAS 1.546.000  5.000  0,32%`, items separated by
//! U+00A0 no-break spaces, numbers in Indonesian format, a rise written without `+`.

use super::TickerItem;
use super::number::{format_id_number, format_id_number_with, parse_id_number};

/// Bullets that start a ticker item.
const BULLETS: &[char] = &['•', '·', '▪', '●'];

/// Reads one line as ticker items. A line may hold one item or several (`• A 1 2 3% • B 4 5 6%`).
/// Returns `None` unless every bulleted segment is a well-formed item, so prose never becomes ticker.
pub fn parse_ticker_line(line: &str) -> Option<Vec<TickerItem>> {
    let line = line.trim();
    if !line.starts_with(BULLETS) {
        return None;
    }
    let items: Vec<TickerItem> = line
        .split(BULLETS)
        .map(str::trim)
        .filter(|segment| !segment.is_empty())
        .map(parse_item)
        .collect::<Option<_>>()?;
    (!items.is_empty()).then_some(items)
}

/// `EMAS 1.546.000 5.000 0,32%`: a name (one or more words that are not numbers), then exactly
/// value, change and percent change, the last with `%`.
fn parse_item(segment: &str) -> Option<TickerItem> {
    let tokens: Vec<&str> = segment
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .collect();
    let first_number = tokens.iter().position(|t| parse_id_number(t).is_some())?;
    let (name_tokens, numbers) = tokens.split_at(first_number);
    if name_tokens.is_empty() || numbers.len() != 3 || !numbers[2].ends_with('%') {
        return None;
    }
    let name = name_tokens.join(" ");
    if name.chars().count() > 40 {
        return None;
    }
    Some(TickerItem {
        name,
        value: parse_id_number(numbers[0])?,
        change: parse_id_number(numbers[1])?,
        change_pct: parse_id_number(numbers[2])?,
    })
}

impl TickerItem {
    /// The value as the page writes it: `1.546.000`, `16.205`.
    pub fn value_text(&self) -> String {
        format_id_number(self.value)
    }

    /// The change as the page writes it: two decimals (`-5,00`, `-15,76`), except for changes of a
    /// thousand or more, which the page writes whole (`5.000`).
    pub fn change_text(&self) -> String {
        if self.change.abs() >= 1000.0 && self.change.fract() == 0.0 {
            format_id_number(self.change)
        } else {
            format_id_number_with(self.change, 2)
        }
    }

    /// The percent change as the page writes it: `0,32%`, `-0,03%`.
    pub fn change_pct_text(&self) -> String {
        format!("{}%", format_id_number_with(self.change_pct, 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulleted_line_with_no_break_spaces_becomes_one_item() {
        let items = parse_ticker_line("  • USD/IDR 16.205 \u{a0} -5,00 \u{a0} -0,03%").unwrap();
        assert_eq!(
            items,
            vec![TickerItem {
                name: "USD/IDR".into(),
                value: 16205.0,
                change: -5.0,
                change_pct: -0.03
            }]
        );
    }

    #[test]
    fn several_items_on_one_line_are_all_read() {
        let items =
            parse_ticker_line("• EMAS 1.546.000 5.000 0,32% • IDX30 422 -0,40 -0,10%").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].name, "IDX30");
    }

    #[test]
    fn bulleted_prose_is_not_ticker() {
        assert!(parse_ticker_line("• Harga emas naik 5.000 hari ini").is_none());
        assert!(parse_ticker_line("• EMAS 1.546.000 5.000").is_none());
        assert!(parse_ticker_line("EMAS 1.546.000 5.000 0,32%").is_none());
        assert!(parse_ticker_line("•").is_none());
    }

    #[test]
    fn items_are_written_back_as_the_page_wrote_them() {
        let gold = TickerItem {
            name: "EMAS".into(),
            value: 1_546_000.0,
            change: 5000.0,
            change_pct: 0.32,
        };
        assert_eq!(
            (
                gold.value_text(),
                gold.change_text(),
                gold.change_pct_text()
            ),
            ("1.546.000".into(), "5.000".into(), "0,32%".into())
        );
        let usd = TickerItem {
            name: "USD/IDR".into(),
            value: 16205.0,
            change: -5.0,
            change_pct: -0.03,
        };
        assert_eq!(
            (usd.value_text(), usd.change_text(), usd.change_pct_text()),
            ("16.205".into(), "-5,00".into(), "-0,03%".into())
        );
    }
}
