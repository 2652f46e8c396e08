//! Parsing our SVG into a usvg tree with the bundled fonts only: the one
//! step the PNG and PDF writers share.

use resvg::usvg;

use crate::fonts;

/// The SVG as a render tree, text laid out with the bundled fonts.
pub fn tree(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        fontdb: fonts::database(),
        font_family: fonts::FAMILIES[0].to_owned(),
        ..Default::default()
    };
    usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the drawing could not be read back: {e}"))
}
