//! The bundled fonts embedded in an exported SVG, cut down to the
//! characters it shows, so the map looks the same, and its names fit their
//! boxes, on a machine without the Noto fonts (a browser, Inkscape).
//! skera, the Rust port of HarfBuzz's subsetter, keeps what shaping needs:
//! Arabic letters bring their joining forms along.

use read_fonts::FontRef;
use read_fonts::collections::IntSet;
use read_fonts::types::NameId;
use skera::{DEFAULT_DROP_TABLES, DEFAULT_LAYOUT_FEATURES, Plan, SubsetFlags, subset_font};

use crate::fonts::{EMBEDDED, EMOJI, FAMILIES, emoji_face_has, family_of};

/// `@font-face` rules with each bundled face that draws some of `text`,
/// subset to those characters, as base64 data URLs. Empty when nothing
/// could be embedded: the SVG still names the families.
pub fn font_faces(text: impl Iterator<Item = char>) -> String {
    let mut wanted: Vec<IntSet<u32>> = FAMILIES.iter().map(|_| IntSet::empty()).collect();
    let mut maybe_emoji = IntSet::empty();
    for c in text {
        if let Some(family) = family_of(c) {
            wanted[family].insert(u32::from(c));
        }
        if emoji_face_has(c) {
            maybe_emoji.insert(u32::from(c));
        }
    }
    // With any emoji drawn, the emoji face also keeps the joiners, selectors
    // and other parts of sequences, so a browser forms them as resvg does.
    if !wanted[EMOJI].is_empty() {
        wanted[EMOJI].extend(maybe_emoji.iter());
    }
    let mut css = String::new();
    for (family, weight, data) in EMBEDDED {
        let unicodes = &wanted[family];
        if unicodes.is_empty() {
            continue;
        }
        let Some(subset) = subset(data, unicodes) else {
            continue;
        };
        css.push_str("@font-face{font-family:'");
        css.push_str(FAMILIES[family]);
        css.push_str("';font-weight:");
        css.push_str(weight);
        css.push_str(";src:url(data:font/ttf;base64,");
        base64(&subset, &mut css);
        css.push_str(")}");
    }
    css
}

/// `data` cut down to `unicodes` and what shaping them needs.
fn subset(data: &[u8], unicodes: &IntSet<u32>) -> Option<Vec<u8>> {
    let font = FontRef::new(data).ok()?;
    let plan = Plan::new(
        &IntSet::empty(),
        unicodes,
        &font,
        // Hinting only matters for small text on old screens; it is most of a subset's size.
        SubsetFlags::SUBSET_FLAGS_DEFAULT,
        &DEFAULT_DROP_TABLES.iter().copied().collect(),
        &IntSet::all(),
        &DEFAULT_LAYOUT_FEATURES.iter().copied().collect(),
        // Copyright to PostScript name: the licence stays with the font.
        &(0..=6).map(NameId::new).collect(),
        &[0x0409].into_iter().collect(),
    );
    subset_font(&font, &plan).ok()
}

/// Standard base64 with padding, appended to `out`.
fn base64(bytes: &[u8], out: &mut String) {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(DIGITS[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_examples() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64(input.as_bytes(), &mut out);
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn each_script_gets_its_face_with_only_what_it_needs() {
        let css = font_faces("Ürün 製品 عربي 🚀".chars());
        for family in FAMILIES {
            assert!(
                css.contains(&format!("font-family:'{family}'")),
                "{family} missing"
            );
        }
        // A handful of glyphs, not the whole files (Noto Sans alone is 550 KB,
        // Noto Emoji 890 KB).
        assert!(css.len() < 120_000, "{} bytes of CSS", css.len());
        assert!(
            font_faces("abc".chars()).matches("@font-face").count() == 2,
            "regular and bold Latin only"
        );
        assert_eq!(font_faces("".chars()), "");
    }

    #[test]
    fn a_subset_draws_its_characters_with_the_original_advances() {
        let text = "Kundenservice Ürün عربي";
        let (_, _, data) = EMBEDDED[2];
        let arabic: IntSet<u32> = text
            .chars()
            .filter(|c| family_of(*c) == Some(1))
            .map(u32::from)
            .collect();
        let small = subset(data, &arabic).expect("a subset");
        let original = ttf_parser::Face::parse(data, 0).unwrap();
        let cut = ttf_parser::Face::parse(&small, 0).expect("the subset is a font");
        assert!(
            small.len() * 10 < data.len(),
            "{} of {} bytes",
            small.len(),
            data.len()
        );
        for c in "عربي".chars() {
            let old = original.glyph_index(c).unwrap();
            let new = cut.glyph_index(c).expect("the subset maps the character");
            assert_eq!(cut.glyph_hor_advance(new), original.glyph_hor_advance(old));
        }
        // Shaping tables stay, so the letters still join in a browser.
        assert!(cut.tables().gsub.is_some(), "GSUB kept");
    }
}
