//! Indonesian number format: reading `1.546.000` / `-0,03%` and writing numbers back the same way,
//! plus the serde helper that prints integral ticker numbers without a fraction.

use serde::Serializer;

/// Reads a number written the Indonesian way: `.` groups thousands, `,` marks decimals.
///
/// Accepts a leading `+`, `-` or `−` (U+2212) and a trailing `%`. A `.` that does not group
/// three digits (`1.5`) is read as a decimal point, because some pages mix formats.
/// Returns `None` for anything that is not a number (`IDX30`, `USD/IDR`, empty).
pub fn parse_id_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = text.strip_suffix('%').unwrap_or(text).trim_end();
    let (negative, digits) = match text.chars().next()? {
        '-' | '−' => (true, &text[text.chars().next()?.len_utf8()..]),
        '+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty()
        || !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (int_part, frac_part) = match digits.split_once(',') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    if let Some(frac) = frac_part
        && (frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let groups: Vec<&str> = int_part.split('.').collect();
    let grouped_in_thousands = groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    let canonical = if groups.len() == 1 || grouped_in_thousands {
        let mut s = groups.concat();
        if let Some(frac) = frac_part {
            s.push('.');
            s.push_str(frac);
        }
        s
    } else if groups.len() == 2 && frac_part.is_none() && !groups[1].is_empty() {
        // `1.5`: a decimal point written the English way.
        format!("{}.{}", groups[0], groups[1])
    } else {
        return None;
    };
    let value: f64 = canonical.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// Writes a number the Indonesian way: `1546000.0` → `1.546.000`, `-0.03` → `-0,03`.
///
/// Integral values get no decimals; others get two (`0.5` → `0,50`), as tickers print them.
/// Use [`format_id_number_with`] to choose the number of decimals.
pub fn format_id_number(value: f64) -> String {
    let decimals = if value.fract() == 0.0 { 0 } else { 2 };
    format_id_number_with(value, decimals)
}

/// Writes a number the Indonesian way with exactly `decimals` decimals: (`-5.0`, 2) → `-5,00`.
pub fn format_id_number_with(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (fixed.as_str(), None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3 + 4);
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    if let Some(frac) = frac_part {
        grouped.push(',');
        grouped.push_str(frac);
    }
    // No `-0` / `-0,00`: a value that rounds to zero has no sign.
    let rounds_to_zero = grouped.chars().all(|c| c == '0' || c == '.' || c == ',');
    if value < 0.0 && !rounds_to_zero {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Largest integer an f64 holds exactly (2^53); beyond it an integral f64 is printed as a float.
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// serde `serialize_with` helper: integral values print as integers (`1546000`, `-5`), the rest as
/// floats (`0.32`), so JSON matches how people write the ticker. Deserialising needs no helper:
/// serde reads both `5` and `5.0` into an `f64`.
pub fn serialize_compact<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_finite() && value.fract() == 0.0 && value.abs() <= MAX_EXACT_INTEGER {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_and_decimal_commas_are_read() {
        assert_eq!(parse_id_number("1.546.000"), Some(1_546_000.0));
        assert_eq!(parse_id_number("7.065"), Some(7065.0));
        assert_eq!(parse_id_number("-5,00"), Some(-5.0));
        assert_eq!(parse_id_number("0,32%"), Some(0.32));
        assert_eq!(parse_id_number("-0,03%"), Some(-0.03));
        assert_eq!(parse_id_number("+1,5"), Some(1.5));
        assert_eq!(parse_id_number("−2,25"), Some(-2.25));
        assert_eq!(parse_id_number("1.234,56"), Some(1234.56));
        assert_eq!(parse_id_number("821"), Some(821.0));
    }

    #[test]
    fn words_and_malformed_numbers_are_not_numbers() {
        for text in [
            "", "-", "%", "IDX30", "USD/IDR", "EMAS", "1,2,3", "1..2", ".5", "1,", "12.34.5",
            "1.2.3,",
        ] {
            assert_eq!(parse_id_number(text), None, "{text:?}");
        }
    }

    #[test]
    fn numbers_are_written_back_as_the_page_writes_them() {
        assert_eq!(format_id_number(1_546_000.0), "1.546.000");
        assert_eq!(format_id_number(-0.03), "-0,03");
        assert_eq!(format_id_number(0.32), "0,32");
        assert_eq!(format_id_number(-5.0), "-5");
        assert_eq!(format_id_number(123.0), "123");
        assert_eq!(format_id_number(-15.76), "-15,76");
        assert_eq!(format_id_number_with(-5.0, 2), "-5,00");
        assert_eq!(format_id_number_with(1234.5, 2), "1.234,50");
        assert_eq!(format_id_number_with(-0.001, 2), "0,00");
    }

    #[test]
    fn written_numbers_read_back_to_the_same_value() {
        for value in [
            0.0,
            1.0,
            -5.0,
            0.32,
            -0.03,
            16205.0,
            1_546_000.0,
            -15.76,
            1234.56,
        ] {
            assert_eq!(parse_id_number(&format_id_number(value)), Some(value));
        }
    }
}
