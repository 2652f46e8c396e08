//! Number formats: which cells are percentages, dates or times, from
//! `xl/styles.xml`, and such a cell's number written as Excel shows it.
//!
//! A cell's `s` attribute indexes `<cellXfs>`; each `<xf>` names a number
//! format by id, either built in (9 is "0%", 14 a date, ...) or defined in
//! `<numFmts>` by its format code. Only percentages, dates and times change
//! how a number reads; every other format leaves it as a General number.

use std::collections::HashMap;

use crate::xml::{Node, XmlReader, attribute, local};

use super::PartError;

/// Most entries read from `<numFmts>` and from `<cellXfs>`; Excel allows
/// about 64,000 cell formats.
const MAX_FORMATS: usize = 65_536;
/// The last day Excel shows: 9999-12-31 in the 1900 date system.
const LAST_SERIAL: f64 = 2_958_465.0;
/// Decimals a percentage is written with at most.
const MAX_DECIMALS: u8 = 30;

/// How a number cell reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Format {
    #[default]
    General,
    /// × 100 and "%": `decimals` places, up to `optional` more without trailing zeros ('#').
    Percent { decimals: u8, optional: u8 },
    /// "YYYY-MM-DD"; when `time` is Some, " HH:MM" (":SS" if true) for a serial with a fraction.
    Date { time: Option<bool> },
    /// "HH:MM" or "HH:MM:SS": the time of day, or the whole duration if `elapsed` ("[h]:mm").
    Time { seconds: bool, elapsed: bool },
}

/// The formats of a workbook's cells and its date system.
#[derive(Debug, Default)]
pub(super) struct CellFormats {
    /// By `<cellXfs>` index, the cell's `s`.
    pub formats: Vec<Format>,
    /// Serials count days from 1904-01-01 (old Mac workbooks), not 1900-01-00.
    pub date1904: bool,
}

impl CellFormats {
    /// The format of a cell with style index `style` (none: the first, as
    /// Excel does); an index the part lacks is General.
    pub fn of(&self, style: Option<&str>) -> NumberFormat {
        let index = style.map_or(Some(0), |s| s.trim().parse::<usize>().ok());
        let format = index.and_then(|i| self.formats.get(i)).copied().unwrap_or_default();
        NumberFormat { format, date1904: self.date1904 }
    }
}

/// One cell's format, with the workbook's date system.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumberFormat {
    format: Format,
    date1904: bool,
}

impl NumberFormat {
    /// A number cell's text in this format, or None where it reads as General
    /// (the format is General, the text is no number, a serial is no day).
    pub fn show(self, raw: &str) -> Option<String> {
        if self.format == Format::General {
            return None;
        }
        let value: f64 = raw.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
        match self.format {
            Format::General => None,
            Format::Percent { decimals, optional } => Some(percent(value, decimals, optional)),
            Format::Date { time } => date_time(value, self.date1904, time),
            Format::Time { seconds, elapsed } => time_of(value, seconds, elapsed),
        }
    }
}

/// The cell formats of a styles part: `<numFmts>` and `<cellXfs>`, both
/// children of the root (`<dxfs>` and `<cellStyleXfs>` hold others).
pub(super) fn cell_formats(reader: &mut XmlReader<'_>) -> Result<Vec<Format>, PartError> {
    let mut codes: HashMap<u32, Format> = HashMap::new();
    let mut ids: Vec<Option<u32>> = Vec::new();
    let mut depth = 0usize;
    loop {
        match reader.next()? {
            Node::Open { element, .. } if depth == 1 && local(element.name()) == "numFmts" => {
                for (element, offset) in children(reader, "numFmt")? {
                    let id = attribute(&element, "numFmtId", offset)?.and_then(|id| id.trim().parse().ok());
                    let code = attribute(&element, "formatCode", offset)?.unwrap_or_default();
                    if let Some(id) = id {
                        codes.insert(id, classify(&code));
                    }
                }
                if codes.len() > MAX_FORMATS {
                    return Err(PartError::Other(format!("more than {MAX_FORMATS} number formats")));
                }
            }
            Node::Open { element, .. } if depth == 1 && local(element.name()) == "cellXfs" => {
                for (element, offset) in children(reader, "xf")? {
                    ids.push(attribute(&element, "numFmtId", offset)?.and_then(|id| id.trim().parse().ok()));
                }
                if ids.len() > MAX_FORMATS {
                    return Err(PartError::Other(format!("more than {MAX_FORMATS} cell formats")));
                }
            }
            Node::Open { .. } => depth += 1,
            Node::Close => depth = depth.saturating_sub(1),
            Node::Text(_) => {}
            Node::Eof => break,
        }
    }
    // A format defined in the part wins over the built-in one of its id.
    Ok(ids
        .into_iter()
        .map(|id| id.map_or(Format::General, |id| codes.get(&id).copied().unwrap_or(built_in(id))))
        .collect())
}

/// The children named `name` of the element just opened, read to its end.
fn children<'a>(
    reader: &mut XmlReader<'a>,
    name: &str,
) -> Result<Vec<(quick_xml::events::BytesStart<'a>, usize)>, PartError> {
    let mut found = Vec::new();
    let mut open = 1usize;
    loop {
        match reader.next()? {
            Node::Open { element, offset } => {
                if open == 1 && local(element.name()) == name {
                    if found.len() == MAX_FORMATS {
                        return Err(PartError::Other(format!("more than {MAX_FORMATS} <{name}> elements")));
                    }
                    found.push((element, offset));
                }
                open += 1;
            }
            Node::Close => {
                open -= 1;
                if open == 0 {
                    return Ok(found);
                }
            }
            Node::Text(_) => {}
            Node::Eof => return Ok(found),
        }
    }
}

/// Excel's built-in formats that change how a number reads.
fn built_in(id: u32) -> Format {
    match id {
        9 => Format::Percent { decimals: 0, optional: 0 },
        10 => Format::Percent { decimals: 2, optional: 0 },
        14..=17 => Format::Date { time: None },
        18 | 20 => Format::Time { seconds: false, elapsed: false },
        19 | 21 | 45 | 47 => Format::Time { seconds: true, elapsed: false },
        22 => Format::Date { time: Some(false) },
        46 => Format::Time { seconds: true, elapsed: true },
        _ => Format::General,
    }
}

/// What a format code shows, from its first section (positive numbers),
/// outside quoted text, escaped characters and brackets (colours, locales,
/// conditions; only `[h]`, `[mm]`, `[ss]` count, as elapsed time).
pub(super) fn classify(code: &str) -> Format {
    let mut percent = false;
    let mut after_point = false;
    let (mut zeros, mut optional) = (0u8, 0u8);
    let mut elapsed = false;
    // Date and time letters, a run of the same letter once: "yyyy-mm-dd" is y, m, d.
    let mut parts: Vec<char> = Vec::new();
    let mut previous = None;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        let letter = c.to_ascii_lowercase();
        match letter {
            ';' => break,
            '"' => chars.by_ref().take_while(|&c| c != '"').for_each(drop),
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&c| c != ']').collect::<String>().to_lowercase();
                if !inside.is_empty() && inside.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    elapsed = true;
                    parts.extend(inside.chars().next());
                }
            }
            '%' => percent = true,
            '.' => after_point = true,
            '0' if after_point => zeros = zeros.saturating_add(1),
            '#' | '?' if after_point => optional = optional.saturating_add(1),
            'a' => {
                // AM/PM and A/P say the clock is 12-hour; their M and P are no parts.
                let rest: String = chars.clone().take(4).collect::<String>().to_lowercase();
                let skip = if rest.starts_with("m/pm") {
                    4
                } else if rest.starts_with("/p") {
                    2
                } else {
                    0
                };
                chars.by_ref().take(skip).for_each(drop);
            }
            'd' | 'y' | 'm' | 'h' | 's' if previous != Some(letter) => parts.push(letter),
            _ => {}
        }
        previous = Some(letter);
    }
    // m is minutes right after h or right before s, else the month.
    let minute = |i: usize| (i > 0 && parts[i - 1] == 'h') || parts.get(i + 1) == Some(&'s');
    let mut date = false;
    let mut time = false;
    for (i, &part) in parts.iter().enumerate() {
        match part {
            'd' | 'y' => date = true,
            'm' if !minute(i) => date = true,
            _ => time = true,
        }
    }
    let seconds = parts.contains(&'s');
    if date {
        Format::Date { time: time.then_some(seconds) }
    } else if percent {
        let decimals = zeros.min(MAX_DECIMALS);
        Format::Percent { decimals, optional: optional.min(MAX_DECIMALS - decimals) }
    } else if time {
        Format::Time { seconds, elapsed }
    } else {
        Format::General
    }
}

/// `value` × 100 with its decimals, and "%".
fn percent(value: f64, decimals: u8, optional: u8) -> String {
    let mut text = decimal(value, 2, usize::from(decimals + optional));
    if optional > 0 {
        let keep = text.len() - usize::from(optional);
        let trimmed = text[keep..].trim_end_matches('0').len();
        text.truncate(keep + trimmed);
        if text.ends_with('.') {
            text.pop();
        }
    }
    text.push('%');
    text
}

/// `value` × 10^`shift` written with `decimals` places, rounded half away
/// from zero in decimal on its 15 significant digits (as Excel shows it),
/// so the binary value's noise never shows: 0.07 × 100 is "7".
fn decimal(value: f64, shift: i32, decimals: usize) -> String {
    let text = format!("{:.14e}", value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    // The value is 0.d1d2…d15 × 10^point; keep the digits down to the last decimal.
    let point = exponent + 1 + shift;
    let keep = i64::from(point) + decimals as i64;
    let mut kept: Vec<u8> = Vec::new();
    if let Ok(keep) = usize::try_from(keep) {
        kept = digits.iter().copied().chain(std::iter::repeat(0)).take(keep).collect();
        if digits.get(keep).is_some_and(|&d| d >= 5) {
            let mut carry = true;
            for digit in kept.iter_mut().rev() {
                *digit += 1;
                carry = *digit == 10;
                if !carry {
                    break;
                }
                *digit = 0;
            }
            if carry {
                kept.insert(0, 1);
            }
        }
    }
    // `kept` is the result × 10^decimals.
    let mut text: String = kept.iter().map(|d| char::from(b'0' + d)).skip_while(|&c| c == '0').collect();
    if text.len() <= decimals {
        text = format!("{}{text}", "0".repeat(decimals + 1 - text.len()));
    }
    let zero = text.bytes().all(|b| b == b'0');
    if decimals > 0 {
        text.insert(text.len() - decimals, '.');
    }
    if value < 0.0 && !zero {
        text.insert(0, '-');
    }
    text
}

/// Seconds in a day.
const DAY: i64 = 86_400;

/// A serial's whole seconds, or None if it is no day Excel shows.
fn serial_seconds(serial: f64) -> Option<i64> {
    if !(0.0..LAST_SERIAL + 1.0).contains(&serial) {
        return None;
    }
    // Seconds are rounded; 2958466 days of them fit an i64 many times over.
    Some((serial * DAY as f64).round() as i64)
}

/// A serial as "YYYY-MM-DD", with " HH:MM" (":SS") when `time` and it has a fraction.
fn date_time(serial: f64, date1904: bool, time: Option<bool>) -> Option<String> {
    let total = serial_seconds(serial)?;
    let (day, second) = (total / DAY, total % DAY);
    // Days since 1970-01-01. In the 1900 system Excel counts 1900-02-29
    // (serial 60), which never was, so later serials are a day ahead.
    let unix_day = match (date1904, day) {
        (true, day) => day - 24_107,
        (false, 1..=59) => day - 25_568,
        (false, 61..) => day - 25_569,
        // Serial 0 is "1900-01-00" and 60 is 1900-02-29: no such days.
        (false, _) => return None,
    };
    let (year, month, day) = civil_from_days(unix_day);
    if year > 9999 {
        return None;
    }
    let mut text = format!("{year:04}-{month:02}-{day:02}");
    if let Some(seconds) = time.filter(|_| second != 0) {
        text.push(' ');
        text.push_str(&clock(second / 3600, second, seconds));
    }
    Some(text)
}

/// A serial as a time of day, or as a duration if `elapsed`.
fn time_of(serial: f64, seconds: bool, elapsed: bool) -> Option<String> {
    let total = serial_seconds(serial)?;
    let hours = if elapsed { total / 3600 } else { total % DAY / 3600 };
    Some(clock(hours, total, seconds))
}

/// "HH:MM" or "HH:MM:SS": `hours`, then the minutes and seconds of `total` seconds.
fn clock(hours: i64, total: i64, seconds: bool) -> String {
    let (minute, second) = (total % 3600 / 60, total % 60);
    if seconds { format!("{hours:02}:{minute:02}:{second:02}") } else { format!("{hours:02}:{minute:02}") }
}

/// The proleptic Gregorian date of a day counted from 1970-01-01
/// (Howard Hinnant's civil_from_days).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_in_decimal() {
        assert_eq!(percent(0.95, 0, 0), "95%");
        assert_eq!(percent(0.07, 0, 0), "7%");
        assert_eq!(percent(0.285, 0, 0), "29%", "0.285 is 0.28499999999999998 in binary; Excel shows 29%");
        assert_eq!(percent(0.999, 1, 0), "99.9%");
        assert_eq!(percent(0.1234, 2, 0), "12.34%");
        assert_eq!(percent(0.00125, 2, 0), "0.13%", "half away from zero, not to even");
        assert_eq!(percent(0.9999, 0, 0), "100%");
        assert_eq!(percent(0.9996, 1, 0), "100.0%");
        assert_eq!(percent(-0.5, 0, 0), "-50%");
        assert_eq!(percent(-0.001, 0, 0), "0%");
        assert_eq!(percent(0.0, 2, 0), "0.00%");
        assert_eq!(percent(1e-20, 1, 0), "0.0%");
        assert_eq!(percent(0.004, 0, 0), "0%");
        assert_eq!(percent(0.005, 0, 0), "1%");
        assert_eq!(percent(12.5, 0, 0), "1250%");
        assert_eq!(percent(0.125, 0, 2), "12.5%", "'#' places drop trailing zeros");
        assert_eq!(percent(0.12, 0, 2), "12%");
    }

    #[test]
    fn format_codes_are_read_outside_quotes_and_brackets() {
        let date = Format::Date { time: None };
        assert_eq!(classify("0.0%"), Format::Percent { decimals: 1, optional: 0 });
        assert_eq!(classify("#,##0.0#%;[Red]-0%"), Format::Percent { decimals: 1, optional: 1 });
        assert_eq!(classify(r#"0.00"%""#), Format::General);
        assert_eq!(classify(r"0\%"), Format::General);
        assert_eq!(classify("[Red]0%"), Format::Percent { decimals: 0, optional: 0 });
        assert_eq!(classify("yyyy-mm-dd"), date);
        assert_eq!(classify("[$-409]d-mmm-yy;@"), date);
        assert_eq!(classify("dd/mm/yyyy hh:mm"), Format::Date { time: Some(false) });
        assert_eq!(classify("m/d/yy h:mm:ss AM/PM"), Format::Date { time: Some(true) });
        assert_eq!(classify("h:mm AM/PM"), Format::Time { seconds: false, elapsed: false });
        assert_eq!(classify("mm:ss"), Format::Time { seconds: true, elapsed: false });
        assert_eq!(classify("[h]:mm"), Format::Time { seconds: false, elapsed: true });
        assert_eq!(classify(r#"0 "days""#), Format::General);
        assert_eq!(classify(r"0\d"), Format::General);
        assert_eq!(classify("General"), Format::General);
        assert_eq!(classify("#,##0.00"), Format::General);
        assert_eq!(classify("@"), Format::General);
    }

    #[test]
    fn serials_are_days_of_the_1900_or_1904_system() {
        let day = |serial, date1904| date_time(serial, date1904, None);
        assert_eq!(day(1.0, false).as_deref(), Some("1900-01-01"));
        assert_eq!(day(59.0, false).as_deref(), Some("1900-02-28"));
        assert_eq!(day(60.0, false), None, "1900-02-29 never was");
        assert_eq!(day(61.0, false).as_deref(), Some("1900-03-01"));
        assert_eq!(day(45291.0, false).as_deref(), Some("2023-12-31"));
        assert_eq!(day(45351.0, false).as_deref(), Some("2024-02-29"));
        assert_eq!(day(2_958_465.0, false).as_deref(), Some("9999-12-31"));
        assert_eq!(day(2_958_466.0, false), None);
        assert_eq!(day(0.0, false), None);
        assert_eq!(day(-1.0, false), None);
        assert_eq!(day(0.0, true).as_deref(), Some("1904-01-01"));
        assert_eq!(day(43829.0, true).as_deref(), Some("2023-12-31"));
        assert_eq!(date_time(45291.75, false, Some(false)).as_deref(), Some("2023-12-31 18:00"));
        assert_eq!(date_time(45291.0, false, Some(false)).as_deref(), Some("2023-12-31"));
        assert_eq!(date_time(45291.5 + 1.5 / 86_400.0, false, Some(true)).as_deref(), Some("2023-12-31 12:00:02"));
        assert_eq!(time_of(0.999_999_9, true, false).as_deref(), Some("00:00:00"));
        assert_eq!(time_of(1.5, false, false).as_deref(), Some("12:00"));
        assert_eq!(time_of(1.5, true, true).as_deref(), Some("36:00:00"));
    }
}
