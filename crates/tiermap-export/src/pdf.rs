//! Maps as a PDF: one page per map, vector shapes and real (selectable,
//! searchable) text in the bundled fonts, drawn by krilla from each map's SVG.

use krilla::Document;
use krilla::error::KrillaError;
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::render;

/// CSS pixels to PDF points: a map prints at the size it has on screen.
const POINTS_PER_PIXEL: f32 = 0.75;
/// The largest page side PDF viewers accept (200 inches).
const MAX_PAGE_SIDE: f32 = 14_400.0;

/// One page for each (map name, SVG) in order; an error names the map.
pub fn pdf(title: &str, pages: &[(String, String)]) -> Result<Vec<u8>, (Option<String>, String)> {
    let mut document = Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_owned())
            .creator("Tiermap".to_owned()),
    );
    for (map, svg) in pages {
        let tree = render::tree(svg).map_err(|e| (Some(map.clone()), e))?;
        let (width, height) = (tree.size().width(), tree.size().height());
        let scale = POINTS_PER_PIXEL.min(MAX_PAGE_SIDE / width.max(height));
        let size = Size::from_wh(width * scale, height * scale)
            .ok_or_else(|| (Some(map.clone()), "the map has no size".to_owned()))?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface.draw_svg(&tree, size, SvgSettings::default());
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| (None, describe(e)))
}

fn describe(error: KrillaError) -> String {
    match error {
        KrillaError::Font(_, message) => format!("a font could not be embedded: {message}"),
        other => format!("the PDF could not be written: {other:?}"),
    }
}
