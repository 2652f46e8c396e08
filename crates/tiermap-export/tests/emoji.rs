//! Emoji in names are drawn from the bundled Noto Emoji in every export
//! that draws text itself: the SVG embeds its glyphs, usvg (behind PNG and
//! PDF) lays them out from it, the PNG shows ink where they are, and the
//! PDF embeds it. Never a missing-glyph box (glyph 0) or nothing.

mod common;

use common::run;
use tiermap_export::{ExportRequest, Format, export, scene};
use tiermap_model::{
    Document, Edit, Element, ElementKind, GroupingModel, Map, MapId, Placement, Rect,
};

/// A name of emoji only: a rocket, a flag (two regional indicators), a
/// heart with its emoji selector, and a family joined by U+200D.
const EMOJI_NAME: &str = "🚀🇩🇪❤️👩‍👩‍👧";

/// One map with one element named `name`.
fn one_box(name: &str) -> (Document, MapId) {
    let element = Element::new(ElementKind::Product, name);
    let map = Map {
        id: MapId::new(),
        name: "Launch".into(),
        model: GroupingModel::Freeform,
        position: 0,
    };
    let edits = vec![Edit::PutPlacement(Placement {
        map: map.id,
        element: element.id,
        group: None,
        rect: Rect::new(0.0, 0.0, 240.0, 88.0),
    })];
    let mut doc = Document::new();
    doc.apply_all(&[Edit::PutElement(element), Edit::PutMap(map.clone())])
        .unwrap();
    doc.apply_all(&edits).unwrap();
    (doc, map.id)
}

fn exported(doc: &Document, map: MapId, format: Format) -> Vec<u8> {
    export(doc, &ExportRequest::new(format, vec![map]), &mut |_| {})
        .unwrap_or_else(|e| panic!("{format}: {e}"))
}

/// The glyphs usvg lays out for the text nodes holding `wanted`, with the
/// family of the font each comes from.
fn glyphs_of(svg: &str, wanted: &str) -> Vec<(String, u16, String)> {
    // The bundled files as a user of the crate would load them.
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_fonts_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts"));
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).unwrap();
    let mut found = Vec::new();
    let mut stack = vec![tree.root()];
    while let Some(group) = stack.pop() {
        for node in group.children() {
            match node {
                resvg::usvg::Node::Group(g) => stack.push(g),
                resvg::usvg::Node::Text(text) => {
                    let chunks: String = text.chunks().iter().map(|c| c.text()).collect();
                    if !chunks.contains(wanted) {
                        continue;
                    }
                    for span in text.layouted() {
                        for glyph in &span.positioned_glyphs {
                            let family = tree
                                .fontdb()
                                .face(glyph.font)
                                .map(|f| f.families[0].0.clone())
                                .unwrap_or_default();
                            found.push((glyph.text.clone(), glyph.id.0, family));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    found
}

#[test]
fn emoji_names_are_laid_out_with_glyphs_of_the_bundled_emoji_face() {
    let (doc, map) = one_box(EMOJI_NAME);
    let svg = String::from_utf8(exported(&doc, map, Format::Svg)).unwrap();
    let glyphs = glyphs_of(&svg, "🚀");
    assert!(!glyphs.is_empty(), "the name is laid out");
    for (text, id, family) in &glyphs {
        assert_eq!(family, "Noto Emoji", "{text:?} is drawn from {family}");
        assert_ne!(*id, 0, "{text:?} is a missing-glyph box");
    }
    // Sequences are one glyph each: the flag and the family are ligatures.
    for sequence in ["🇩🇪", "👩\u{200d}👩\u{200d}👧"] {
        assert!(
            glyphs.iter().any(|(text, _, _)| text == sequence),
            "{sequence} is not one glyph: {glyphs:?}"
        );
    }
}

#[test]
fn the_svg_embeds_the_emoji_face_cut_to_its_sequences() {
    let (doc, map) = one_box(&format!("Launch {EMOJI_NAME}"));
    let svg = String::from_utf8(exported(&doc, map, Format::Svg)).unwrap();
    let face = svg
        .split("@font-face{")
        .find(|rule| rule.starts_with("font-family:'Noto Emoji'"))
        .expect("the SVG embeds Noto Emoji");
    let data = face
        .split("base64,")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap();
    let font = common::base64_decode(data);
    assert!(
        font.len() < 40_000,
        "a subset, not the whole face: {} bytes",
        font.len()
    );
    let face = ttf_parser::Face::parse(&font, 0).expect("a font");
    for c in "🚀\u{1F1E9}\u{1F1EA}❤\u{FE0F}\u{200D}👩👧".chars() {
        assert!(face.glyph_index(c).is_some(), "the subset lacks {c:?}");
    }
    assert!(face.tables().gsub.is_some(), "its ligatures stay");
    assert!(
        svg.contains("'Noto Emoji'"),
        "the family is named in the text's font list"
    );
}

/// Dark pixels inside the rectangle (x, y, width, height) of a PNG's RGB pixels.
fn ink(pixels: &[u8], width: usize, area: (usize, usize, usize, usize)) -> usize {
    let (x0, y0, w, h) = area;
    (y0..y0 + h)
        .flat_map(|y| (x0..x0 + w).map(move |x| (y * width + x) * 3))
        .filter(|&i| pixels[i] < 128 && pixels[i + 1] < 128 && pixels[i + 2] < 128)
        .count()
}

/// Dark pixels of a PNG of one box named `name`, where the name is drawn:
/// the upper left of the box, under the kind label (the label, the box's
/// border and its kind stripe are coloured, not dark).
fn ink_of_name(name: &str, keep_as: &str) -> (usize, usize) {
    let (doc, map) = one_box(name);
    let drawn = scene(&doc, map).unwrap();
    let png = exported(&doc, map, Format::Png);
    if let Some(dir) = std::env::var_os("TIERMAP_EXPORT_ARTIFACTS") {
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(std::path::Path::new(&dir).join(keep_as), &png);
    }
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    let scale = info.width as f64 / drawn.width;
    let r = drawn.elements[0].rect;
    let area = (
        (r.x * scale) as usize,
        ((r.y + r.height * 0.2) * scale) as usize,
        (r.width / 2.0 * scale) as usize,
        (r.height * 0.3 * scale) as usize,
    );
    (ink(&pixels, info.width as usize, area), area.2 * area.3)
}

#[test]
fn the_png_has_ink_where_the_emoji_are() {
    let (rockets, area) = ink_of_name("🚀🚀🚀", "emoji.png");
    // The same count of characters no bundled face has (a private-use code
    // point): what the PNG showed for emoji before Noto Emoji was bundled.
    let (missing, _) = ink_of_name("\u{E000}\u{E000}\u{E000}", "missing.png");
    let share = rockets as f64 / area as f64;
    assert!(
        share > 0.01,
        "the rockets left {rockets} dark pixels ({share:.4})"
    );
    // A missing glyph is a hollow box; a rocket is drawn in strokes and fills.
    assert!(
        rockets * 2 > missing * 3,
        "the rockets ({rockets} dark pixels) are drawn, not missing-glyph boxes ({missing})"
    );
}

#[test]
fn the_pdf_embeds_the_emoji_face() {
    let (doc, map) = one_box(EMOJI_NAME);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("emoji.pdf");
    std::fs::write(&path, exported(&doc, map, Format::Pdf)).unwrap();
    let out = run("pdffonts", "poppler-utils", &[path.to_str().unwrap()], None);
    let fonts = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "pdffonts failed");
    assert!(fonts.contains("NotoEmoji"), "the PDF's fonts:\n{fonts}");
}
