//! Parsing our SVG into a usvg tree with the bundled fonts only: the one
//! step the PNG and PDF writers share.

use resvg::usvg;

use crate::fonts;

fn has_char(db: &usvg::fontdb::Database, id: usvg::fontdb::ID, c: char) -> bool {
    db.with_face_data(id, |data, index| {
        ttf_parser::Face::parse(data, index).ok()?.glyph_index(c)
    })
    .flatten()
    .is_some()
}

/// Per-character fallback that keeps the weight: a bold Arabic name is set in
/// Noto Sans Arabic Bold, not in the first Arabic face the database lists
/// (usvg's default). Ties go to the database's order, so the choice is stable.
fn same_weight_fallback() -> usvg::FallbackSelectionFn<'static> {
    Box::new(|c, used, db| {
        let weight = used
            .first()
            .and_then(|id| db.face(*id))
            .map_or(400, |face| face.weight.0);
        db.faces()
            .filter(|face| !used.contains(&face.id) && has_char(db, face.id, c))
            .min_by_key(|face| face.weight.0.abs_diff(weight))
            .map(|face| face.id)
    })
}

/// The SVG as a render tree, text laid out with the bundled fonts.
pub fn tree(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        fontdb: fonts::database(),
        font_family: fonts::FAMILIES[0].to_owned(),
        font_resolver: usvg::FontResolver {
            select_font: usvg::FontResolver::default_font_selector(),
            select_fallback: same_weight_fallback(),
        },
        ..Default::default()
    };
    usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the drawing could not be read back: {e}"))
}
