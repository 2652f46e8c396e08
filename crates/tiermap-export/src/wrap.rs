//! Breaking a name into lines that fit a width, measured with the bundled
//! fonts. Names break between words; a word wider than the line (a long
//! compound, or CJK text without spaces) breaks between characters. A line
//! break typed into the name is kept.

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
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if fits(word) {
                line = word.to_owned();
            } else {
                line = break_word(word, &fits, &mut lines);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Pushes full lines of `word`'s characters and returns the unfinished last one.
fn break_word(word: &str, fits: &dyn Fn(&str) -> bool, lines: &mut Vec<String>) -> String {
    let mut line = String::new();
    for c in word.chars() {
        line.push(c);
        if !fits(&line) && line.chars().count() > 1 {
            line.pop();
            lines.push(std::mem::take(&mut line));
            line.push(c);
        }
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
        assert_eq!(lines.concat(), "Donaudampfschifffahrtsgesellschaftskapitän");
        let cjk = wrap(&"製品".repeat(20), 100.0, 13.0, Weight::Regular);
        assert!(
            cjk.len() > 3
                && cjk
                    .iter()
                    .all(|l| text_width(l, 13.0, Weight::Regular) <= 100.0)
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
