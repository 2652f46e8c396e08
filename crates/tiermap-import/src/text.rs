//! Text from outside files made safe to keep and to show. Control
//! characters (NUL, escape, form feed, …) never reach a stored field: a
//! name and every other one-line field loses them all, line breaks and tabs
//! becoming spaces; a description keeps its line breaks and tabs. Messages
//! show what was there as visible symbols (␀, ␛), never the raw bytes,
//! which could garble a terminal or hide text.

use std::borrow::Cow;

use crate::incoming::{Issue, Origin};

/// Whether a field may hold line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Names, kinds, references, custom properties: one line.
    Single,
    /// Descriptions: line breaks and tabs are text.
    Multi,
}

/// A field after cleaning, and what was taken out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned<'a> {
    pub text: Cow<'a, str>,
    /// The control characters taken out or replaced, each once, in the order met.
    pub removed: Vec<char>,
}

impl Cleaned<'_> {
    /// "NUL and ESC", for a warning.
    pub fn removed_names(&self) -> String {
        let names: Vec<String> = self.removed.iter().map(|c| control_name(*c)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// `text` without the control characters its kind of field may not hold.
pub fn clean(text: &str, lines: Lines) -> Cleaned<'_> {
    let allowed = |c: char| lines == Lines::Multi && matches!(c, '\n' | '\t');
    if !text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Cleaned {
            text: Cow::Borrowed(text),
            removed: Vec::new(),
        };
    }
    let mut removed = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_control() || allowed(c) {
            out.push(c);
            continue;
        }
        if !removed.contains(&c) {
            removed.push(c);
        }
        match (c, lines) {
            // A Windows or old-Mac line break is one break.
            ('\r', Lines::Multi) if chars.peek() != Some(&'\n') => out.push('\n'),
            ('\r' | '\n' | '\t', Lines::Single) if !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    Cleaned {
        text: Cow::Owned(out),
        removed,
    }
}

/// A field's value cleaned for its kind of field, with a warning naming the
/// field, its place and what was taken out. With `breaks_told`, line breaks
/// taken out of a one-line field go without saying (another warning said it).
pub fn clean_field<'a>(
    value: &'a str,
    field: &str,
    lines: Lines,
    breaks_told: bool,
    origin: Option<Origin>,
    issues: &mut Vec<Issue>,
) -> Cow<'a, str> {
    let mut cleaned = clean(value, lines);
    if breaks_told {
        cleaned.removed.retain(|c| !matches!(c, '\n' | '\r'));
    }
    if !cleaned.removed.is_empty() {
        let names = cleaned.removed_names();
        let message = match lines {
            Lines::Single => format!(
                "{names} taken out: this field holds one line of plain text (line breaks and tabs become spaces)"
            ),
            Lines::Multi => {
                format!("{names} taken out: a description keeps only text, line breaks and tabs")
            }
        };
        issues.push(Issue::warning(origin, message).at(field, shortened(value, 60)));
    }
    cleaned.text
}

/// How a message names a control character.
fn control_name(c: char) -> String {
    match c {
        '\0' => "NUL".to_owned(),
        '\t' => "tab".to_owned(),
        '\n' => "line break".to_owned(),
        '\r' => "carriage return".to_owned(),
        '\u{1b}' => "ESC".to_owned(),
        '\u{7f}' => "DEL".to_owned(),
        c => format!("U+{:04X}", c as u32),
    }
}

/// `text` as a message may show it: each control character as its visible
/// symbol (␀, ␊, ␛, ␡) or, past those, as `<U+0085>`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c as u32 {
            code @ 0..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('�')),
            0x7F => out.push('␡'),
            _ if c.is_control() => out.push_str(&format!("<U+{:04X}>", c as u32)),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// At most `limit` characters of `text`, an ellipsis marking a cut, for showing a value.
pub fn shortened(text: &str, limit: usize) -> Cow<'_, str> {
    match text.char_indices().nth(limit) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_line_field_loses_every_control_character() {
        let cleaned = clean("Pay\0roll\u{1b}[31m", Lines::Single);
        assert_eq!(cleaned.text, "Payroll[31m");
        assert_eq!(cleaned.removed, ['\0', '\u{1b}']);
        assert_eq!(cleaned.removed_names(), "NUL and ESC");
    }

    #[test]
    fn line_breaks_and_tabs_in_a_one_line_field_become_one_space() {
        assert_eq!(
            clean("Pay\r\nroll\tsuite\u{85}", Lines::Single).text,
            "Pay roll suite"
        );
        assert_eq!(clean("a\n\n\nb", Lines::Single).text, "a b");
    }

    #[test]
    fn a_description_keeps_line_breaks_and_tabs_and_loses_the_rest() {
        let cleaned = clean("Line 1\r\nLine\t2\rLine 3\u{7}", Lines::Multi);
        assert_eq!(cleaned.text, "Line 1\nLine\t2\nLine 3");
        assert_eq!(cleaned.removed_names(), "carriage return and U+0007");
        let untouched = clean("Line 1\nLine\t2", Lines::Multi);
        assert!(untouched.removed.is_empty());
        assert!(matches!(untouched.text, Cow::Borrowed(_)));
    }

    #[test]
    fn clean_text_is_borrowed_not_copied() {
        assert!(matches!(
            clean("Payroll", Lines::Single).text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn printable_text_shows_control_characters_as_symbols() {
        assert_eq!(printable("a\0b\nc\u{1b}\u{7f}\u{9b}"), "a␀b␊c␛␡<U+009B>");
        assert!(!printable("a\0b\u{9b}").chars().any(char::is_control));
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn shortened_text_cuts_on_a_character_boundary() {
        assert_eq!(shortened("Ürün yönetimi", 4), "Ürün…");
        assert_eq!(shortened("short", 10), "short");
    }
}
