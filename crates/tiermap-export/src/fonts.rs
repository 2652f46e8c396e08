//! The bundled fonts, and measuring text with them.
//!
//! Every export draws with these files only, never with the fonts of the
//! machine it runs on, so the same document looks the same everywhere and
//! the label sizes measured here are the sizes that get drawn. The UI loads
//! the same files through @font-face.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

/// Families in fallback order: Latin, Greek and Cyrillic first, then Arabic, then CJK.
pub const FAMILIES: [&str; 3] = ["Noto Sans", "Noto Sans Arabic", "Droid Sans Fallback"];

/// The CSS/SVG `font-family` list naming the bundled families.
pub const FONT_FAMILY_LIST: &str =
    "'Noto Sans', 'Noto Sans Arabic', 'Droid Sans Fallback', sans-serif";

/// The bundled files, in fallback order within each weight.
const REGULAR: [&[u8]; 3] = [
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../fonts/DroidSansFallbackFull.ttf"),
];
const BOLD: [&[u8]; 3] = [
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Bold.ttf"),
    // No bold CJK face is bundled: CJK bold text uses the regular one.
    include_bytes!("../fonts/DroidSansFallbackFull.ttf"),
];

/// The bundled files as an SVG embeds them: the index of their family in
/// FAMILIES, their CSS font-weight, and the file. The CJK face is one file
/// for both weights, as the renderers use it.
pub(crate) const EMBEDDED: [(usize, &str, &[u8]); 5] = [
    (0, "400", REGULAR[0]),
    (0, "700", BOLD[0]),
    (1, "400", REGULAR[1]),
    (1, "700", BOLD[1]),
    (2, "100 900", REGULAR[2]),
];

/// Index in FAMILIES of the family that draws `c`: the first that has it,
/// as the renderers fall back.
pub(crate) fn family_of(c: char) -> Option<usize> {
    faces()
        .regular
        .iter()
        .position(|face| face.glyph_index(c).is_some())
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
            for data in [REGULAR[0], BOLD[0], REGULAR[1], BOLD[1], REGULAR[2]] {
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
    for c in text.chars() {
        width += char_advance(faces, c) * size;
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
        for c in "Ürün Ελληνικά Кириллица 製品 عربي"
            .chars()
            .filter(|c| !c.is_whitespace())
        {
            assert!(covers(c), "no bundled face draws {c:?}");
        }
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
    fn the_database_holds_the_three_families_and_nothing_else() {
        let db = database();
        let mut families: Vec<String> = db.faces().map(|f| f.families[0].0.clone()).collect();
        families.dedup();
        assert_eq!(families, FAMILIES);
    }
}
