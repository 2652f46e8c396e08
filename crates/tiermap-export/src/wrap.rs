//! Breaking a name into lines that fit a width, measured with the bundled
//! fonts. Names break between words first; a word too wide for a line of
//! its own breaks where it has parts: after a hyphen, underscore, slash or
//! dot, and between the words of camelCase ("artist-engagement-|portal",
//! "Customer|Onboarding"). Only a part still too wide breaks between
//! characters, with a visible hyphen where the letters were joined (not in
//! CJK text, which breaks between any characters). A line break typed into
//! the name is kept.

use crate::fonts::{Weight, text_width};

/// The lines of `text` set at `size`, each at most `max_width` wide (a
/// single character wider than `max_width` still gets a line of its own).
pub fn wrap(text: &str, max_width: f64, size: f64, weight: Weight) -> Vec<String> {
    let fits = |line: &str| text_width(line, size, weight) <= max_width;
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if fits(word) {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line = word.to_owned();
            } else {
                // Too wide for any line: its first parts may still end this one.
                if !line.is_empty() {
                    line.push(' ');
                }
                line = break_into_parts(word, line, &fits, &mut lines);
            }
        }
        let line = line.trim_end();
        if !line.is_empty() {
            lines.push(line.to_owned());
        }
    }
    lines
}

fn cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Where `word` may break without cutting a part: after a hyphen, underscore,
/// slash or dot, and before the capital that starts the next part of
/// camelCase or of an acronym followed by a word ("HTTPServer").
fn parts(word: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut cuts = Vec::new();
    for i in 1..chars.len() {
        let (prev, c) = (chars[i - 1].1, chars[i].1);
        let next = chars.get(i + 1).map(|x| x.1);
        let after_separator = matches!(prev, '-' | '_' | '/' | '.') && c.is_alphanumeric();
        let camel = prev.is_lowercase() && c.is_uppercase();
        let acronym_end =
            prev.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase);
        if after_separator || camel || acronym_end {
            cuts.push(chars[i].0);
        }
    }
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        parts.push(&word[start..cut]);
        start = cut;
    }
    parts.push(&word[start..]);
    parts
}

/// Adds `word` to `line` part by part, pushing each full line to `lines`;
/// returns the unfinished last line.
fn break_into_parts(
    word: &str,
    mut line: String,
    fits: &dyn Fn(&str) -> bool,
    lines: &mut Vec<String>,
) -> String {
    for part in parts(word) {
        let candidate = format!("{line}{part}");
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        let kept = line.trim_end();
        if !kept.is_empty() {
            lines.push(kept.to_owned());
        }
        line = if fits(part) {
            part.to_owned()
        } else {
            break_between_characters(part, fits, lines)
        };
    }
    line
}

/// Whether a break between `a` and `b` needs a hyphen to show the word goes on.
fn hyphenated(a: char, b: char) -> bool {
    a.is_alphanumeric() && b.is_alphanumeric() && !cjk(a) && !cjk(b)
}

/// Pushes full lines of `part`'s characters (with a hyphen where letters
/// were joined) and returns the unfinished last one.
fn break_between_characters(
    part: &str,
    fits: &dyn Fn(&str) -> bool,
    lines: &mut Vec<String>,
) -> String {
    let chars: Vec<char> = part.chars().collect();
    let mut line = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let mut candidate = line.clone();
        candidate.push(c);
        // Leave room for the hyphen a break after this character would need.
        let room_for_hyphen = match chars.get(i + 1) {
            Some(&next) if hyphenated(c, next) && !line.is_empty() => format!("{candidate}-"),
            _ => candidate.clone(),
        };
        if line.is_empty() || fits(&room_for_hyphen) {
            line = candidate;
            continue;
        }
        let last = line.chars().last().unwrap_or(' ');
        if hyphenated(last, c) && line.chars().count() > 1 {
            line.push('-');
        }
        lines.push(std::mem::take(&mut line));
        line.push(c);
    }
    line
}

/// Text set to fit a box: its lines and the font size that made them fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub lines: Vec<String>,
    pub size: f64,
}

/// Line height as a multiple of the font size (the UI's `line-height: 1.2`).
pub const LINE_HEIGHT: f64 = 1.2;

/// The largest size from `size` down to `min_size` (whole pixels) at which
/// `text` wraps into `max_width` within `max_height`; if none does, the
/// lines at `min_size` (the caller makes room for them: nothing is cut).
pub fn fit(
    text: &str,
    max_width: f64,
    max_height: f64,
    size: f64,
    min_size: f64,
    weight: Weight,
) -> Fitted {
    let mut current = size;
    loop {
        let lines = wrap(text, max_width, current, weight);
        let height = lines.len() as f64 * current * LINE_HEIGHT;
        if height <= max_height || current - 1.0 < min_size {
            return Fitted {
                lines,
                size: current,
            };
        }
        current -= 1.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fill_lines_up_to_the_width() {
        let lines = wrap(
            "Customer banking app for retail and wholesale clients",
            150.0,
            13.0,
            Weight::Bold,
        );
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(text_width(line, 13.0, Weight::Bold) <= 150.0, "{line}");
        }
        assert_eq!(
            lines.join(" "),
            "Customer banking app for retail and wholesale clients"
        );
    }

    #[test]
    fn a_word_longer_than_the_line_and_cjk_without_spaces_break_between_characters() {
        let lines = wrap(
            "Donaudampfschifffahrtsgesellschaftskapitän",
            100.0,
            13.0,
            Weight::Regular,
        );
        assert!(lines.len() > 2, "{lines:?}");
        let (last, broken) = lines.split_last().unwrap();
        assert!(
            broken.iter().all(|l| l.ends_with('-')),
            "a visible hyphen: {lines:?}"
        );
        let joined: String = broken
            .iter()
            .map(|l| l.trim_end_matches('-'))
            .collect::<String>()
            + last;
        assert_eq!(joined, "Donaudampfschifffahrtsgesellschaftskapitän");
        for line in &lines {
            assert!(text_width(line, 13.0, Weight::Regular) <= 100.0, "{line}");
        }
        let cjk = wrap(&"製品".repeat(20), 100.0, 13.0, Weight::Regular);
        assert!(
            cjk.len() > 3
                && cjk
                    .iter()
                    .all(|l| text_width(l, 13.0, Weight::Regular) <= 100.0)
        );
        assert_eq!(cjk.concat(), "製品".repeat(20), "no hyphens in CJK");
    }

    #[test]
    fn compound_names_break_at_their_parts_before_inside_a_word() {
        let width = text_width("artist-engagement-", 13.0, Weight::Bold) + 1.0;
        assert_eq!(
            wrap("artist-engagement-portal", width, 13.0, Weight::Bold),
            ["artist-engagement-", "portal"]
        );
        let width = text_width("engagement_", 13.0, Weight::Bold) + 1.0;
        assert_eq!(
            wrap("artist_engagement_portal", width, 13.0, Weight::Bold),
            ["artist_", "engagement_", "portal"]
        );
        let width = text_width("Onboarding", 13.0, Weight::Bold) + 1.0;
        assert_eq!(
            wrap("CustomerOnboardingAPI", width, 13.0, Weight::Bold),
            ["Customer", "Onboarding", "API"]
        );
        assert_eq!(parts("HTTPServer"), ["HTTP", "Server"]);
        // The first parts of a long word may end the line before it.
        let width = text_width("The artist-", 13.0, Weight::Bold) + 1.0;
        assert_eq!(
            wrap("The artist-engagement", width, 13.0, Weight::Bold)[0],
            "The artist-"
        );
    }

    #[test]
    fn typed_line_breaks_are_kept_and_a_too_narrow_box_still_gets_every_character() {
        assert_eq!(
            wrap("Line one\nline two", 500.0, 13.0, Weight::Regular),
            ["Line one", "line two"]
        );
        assert_eq!(wrap("abc", 0.0, 13.0, Weight::Regular), ["a", "b", "c"]);
    }

    #[test]
    fn fitting_shrinks_the_size_before_giving_up() {
        let long = "A product with a rather long name that needs several lines";
        let fitted = fit(long, 150.0, 36.0, 13.0, 9.0, Weight::Bold);
        assert!(fitted.size < 13.0);
        assert!(fitted.lines.len() as f64 * fitted.size * LINE_HEIGHT <= 36.0);
        let short = fit("Payroll", 150.0, 50.0, 13.0, 9.0, Weight::Bold);
        assert_eq!((short.size, short.lines.len()), (13.0, 1));
    }
}
