//! The bundled fonts, and measuring text with them.
//!
//! Every export draws with these files only, never with the fonts of the
//! machine it runs on, so the same document looks the same everywhere and
//! the label sizes measured here are the sizes that get drawn. The UI loads
//! the same files through @font-face.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

/// Families in fallback order: Latin, Greek and Cyrillic first, then Arabic,
/// then CJK, then emoji (last: Noto Emoji also has digits and `#`, for
/// keycaps, which must stay in Noto Sans).
pub const FAMILIES: [&str; 4] = [
    "Noto Sans",
    "Noto Sans Arabic",
    "Droid Sans Fallback",
    "Noto Emoji",
];

/// Index in FAMILIES of the emoji family.
pub(crate) const EMOJI: usize = 3;

/// The CSS/SVG `font-family` list naming the bundled families.
pub const FONT_FAMILY_LIST: &str =
    "'Noto Sans', 'Noto Sans Arabic', 'Droid Sans Fallback', 'Noto Emoji', sans-serif";

/// Monochrome outline emoji (Noto Emoji): colour emoji fonts are bitmaps or
/// colour layers that resvg, krilla and PowerPoint's shapes do not all
/// draw, while an outline draws everywhere, in the text's colour.
const EMOJI_FACE: &[u8] = include_bytes!("../fonts/NotoEmoji-Regular.ttf");

/// The bundled files, in fallback order within each weight.
const REGULAR: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../fonts/DroidSansFallbackFull.ttf"),
    EMOJI_FACE,
];
const BOLD: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Bold.ttf"),
    // No bold CJK or emoji face is bundled: bold text uses the regular ones.
    include_bytes!("../fonts/DroidSansFallbackFull.ttf"),
    EMOJI_FACE,
];

/// The bundled files as an SVG embeds them: the index of their family in
/// FAMILIES, their CSS font-weight, and the file. The CJK and emoji faces
/// are one file for both weights, as the renderers use them.
pub(crate) const EMBEDDED: [(usize, &str, &[u8]); 6] = [
    (0, "400", REGULAR[0]),
    (0, "700", BOLD[0]),
    (1, "400", REGULAR[1]),
    (1, "700", BOLD[1]),
    (2, "100 900", REGULAR[2]),
    (EMOJI, "100 900", REGULAR[EMOJI]),
];

/// Index in FAMILIES of the family that draws `c`: the first that has it,
/// as the renderers fall back.
pub(crate) fn family_of(c: char) -> Option<usize> {
    faces()
        .regular
        .iter()
        .position(|face| face.glyph_index(c).is_some())
}

/// Whether the emoji face has `c`, first or not: a sequence drawn with it
/// (a flag, a family joined by U+200D, a skin tone, U+FE0F) needs all its
/// characters in that face, even those another face has too.
pub(crate) fn emoji_face_has(c: char) -> bool {
    faces().regular[EMOJI].glyph_index(c).is_some()
}

/// Characters that belong to the emoji before them: the zero-width joiner
/// of sequences like a family, the emoji and text selectors, the keycap
/// mark, skin tones and the tags of subdivision flags.
fn joins_an_emoji(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

/// `line` cut into runs, each marked whether it is emoji (characters only
/// the emoji face draws, with what joins them). Renderers fall back to
/// another font per character, and usvg does so only where the fallback
/// gives as many glyphs as the first font: a flag or a joined family, one
/// glyph in Noto Emoji, then stays a row of missing-glyph boxes. Emoji set
/// as a text chunk of their own (usvg shapes each chunk alone; two fonts in
/// one chunk take a path of its that can panic), with the emoji face named,
/// are shaped by it whole.
pub(crate) fn emoji_runs(line: &str) -> Vec<(bool, &str)> {
    let mut runs: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut in_emoji = false;
    for (at, c) in line.char_indices() {
        let emoji = family_of(c) == Some(EMOJI) || (in_emoji && joins_an_emoji(c));
        if emoji != in_emoji && at > start {
            runs.push((in_emoji, &line[start..at]));
            start = at;
        }
        in_emoji = emoji;
    }
    if start < line.len() {
        runs.push((in_emoji, &line[start..]));
    }
    runs
}

/// Whether text is set in the regular or the bold face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A font database holding only the bundled fonts, for usvg, resvg and krilla.
/// The generic families point at Noto Sans, so no text can silently vanish.
pub fn database() -> Arc<fontdb::Database> {
    static DATABASE: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            for data in [
                REGULAR[0], BOLD[0], REGULAR[1], BOLD[1], REGULAR[2], EMOJI_FACE,
            ] {
                db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
            }
            for set in [
                fontdb::Database::set_sans_serif_family,
                fontdb::Database::set_serif_family,
                fontdb::Database::set_monospace_family,
                fontdb::Database::set_cursive_family,
                fontdb::Database::set_fantasy_family,
            ] {
                set(&mut db, FAMILIES[0]);
            }
            Arc::new(db)
        })
        .clone()
}

/// Parsed faces for measuring, in fallback order per weight.
struct Faces {
    regular: Vec<ttf_parser::Face<'static>>,
    bold: Vec<ttf_parser::Face<'static>>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        // The files are ours and known to parse; a failure would be caught by every test.
        let parse = |data: &[&'static [u8]]| {
            data.iter()
                .filter_map(|d| ttf_parser::Face::parse(d, 0).ok())
                .collect()
        };
        Faces {
            regular: parse(&REGULAR),
            bold: parse(&BOLD),
        }
    })
}

/// Width of `text` set on one line at `size` pixels, each character taken
/// from the first bundled face that has it (as the renderers fall back).
/// Kerning and ligatures only ever make the drawn text narrower than this
/// sum of advances, so a line measured to fit does fit.
pub fn text_width(text: &str, size: f64, weight: Weight) -> f64 {
    let faces = match weight {
        Weight::Regular => &faces().regular,
        Weight::Bold => &faces().bold,
    };
    let mut width = 0.0;
    let mut previous = None;
    let mut flag_open = false;
    for c in text.chars() {
        // An emoji sequence is drawn as one glyph of the emoji face: a
        // flag's second letter and an emoji after a joiner take no room.
        let regional = ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        let joined = previous == Some('\u{200D}') && family_of(c) == Some(EMOJI);
        let second_letter = regional && flag_open;
        flag_open = regional && !flag_open;
        previous = Some(c);
        if !(joined || second_letter) {
            width += char_advance(faces, c) * size;
        }
    }
    width
}

/// Advance of one character in em; characters no face has count as a box of 0.6 em.
fn char_advance(faces: &[ttf_parser::Face<'static>], c: char) -> f64 {
    for face in faces {
        if let Some(glyph) = face.glyph_index(c) {
            let advance = face.glyph_hor_advance(glyph).unwrap_or(0) as f64;
            return advance / face.units_per_em() as f64;
        }
    }
    if c.is_control() { 0.0 } else { 0.6 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether some bundled face draws `c` (anything else renders as an empty box).
    fn covers(c: char) -> bool {
        faces()
            .regular
            .iter()
            .any(|face| face.glyph_index(c).is_some())
    }

    #[test]
    fn every_script_of_the_issue_is_covered_by_a_bundled_face() {
        for c in "Ürün Ελληνικά Кириллица 製品 عربي 🚀"
            .chars()
            .filter(|c| !c.is_whitespace())
        {
            assert!(covers(c), "no bundled face draws {c:?}");
        }
    }

    #[test]
    fn emoji_and_what_joins_them_are_runs_of_their_own() {
        assert_eq!(
            emoji_runs("Flags 🇩🇪 👩\u{200D}👩\u{200D}👧 and ❤\u{FE0F}!"),
            [
                (false, "Flags "),
                (true, "🇩🇪"),
                (false, " "),
                (true, "👩\u{200D}👩\u{200D}👧"),
                (false, " and "),
                (true, "❤\u{FE0F}"),
                (false, "!"),
            ]
        );
        assert_eq!(emoji_runs("Plain 製品"), [(false, "Plain 製品")]);
        assert_eq!(emoji_runs("🚀"), [(true, "🚀")]);
        assert!(emoji_runs("").is_empty());
    }

    #[test]
    fn an_emoji_sequence_is_measured_as_the_one_glyph_it_is_drawn_as() {
        let one = text_width("🚀", 10.0, Weight::Regular);
        assert!(one > 10.0, "{one}");
        for sequence in ["🇩🇪", "👩\u{200D}👩\u{200D}👧", "❤\u{FE0F}"] {
            assert_eq!(
                text_width(sequence, 10.0, Weight::Regular),
                one,
                "{sequence}"
            );
        }
        assert_eq!(text_width("🇩🇪🇯🇵", 10.0, Weight::Bold), 2.0 * one);
    }

    #[test]
    fn bold_text_is_wider_and_width_grows_with_size() {
        let regular = text_width("Customer banking", 13.0, Weight::Regular);
        assert!(text_width("Customer banking", 13.0, Weight::Bold) > regular);
        assert!(
            (text_width("Customer banking", 26.0, Weight::Regular) - 2.0 * regular).abs() < 1e-9
        );
        assert!(regular > 80.0 && regular < 130.0, "{regular}");
    }

    #[test]
    fn the_database_holds_the_four_families_and_nothing_else() {
        let db = database();
        let mut families: Vec<String> = db.faces().map(|f| f.families[0].0.clone()).collect();
        families.dedup();
        assert_eq!(families, FAMILIES);
    }
}
