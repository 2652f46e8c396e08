//! Maps as a PDF: vector shapes and real (selectable, searchable) text in the
//! bundled fonts, drawn by krilla from each map's SVG. Pages are slide-sized
//! (16:9) and a large map is cut into an overview and detail pages with
//! readable names at one size throughout (split.rs), or, when asked, each map
//! is one page of its own size.

use krilla::Document;
use krilla::error::KrillaError;
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::render;
use crate::scene::Scene;
use crate::{split, svg};

/// CSS pixels to PDF points: a map prints at the size it has on screen.
const POINTS_PER_PIXEL: f32 = 0.75;
/// The largest page side PDF viewers accept (200 inches).
const MAX_PAGE_SIDE: f32 = 14_400.0;

/// A 16:9 page, 13.33 by 7.5 inches, as a PowerPoint slide, and its margin, in points.
const PAGE: (f32, f32) = (960.0, 540.0);
const PAGE_MARGIN: f32 = 27.0;
/// Names no larger than 13 pt, however small the map.
const MAX_POINTS_PER_PIXEL: f64 = 1.0;

/// Slide-sized pages: each map whole when it fits with readable names, else
/// its overview and details; every page at one scale.
pub fn slide_pages(title: &str, maps: &[(String, Scene)]) -> Result<Vec<u8>, (Option<String>, String)> {
    let readable = split::readable_points_per_pixel();
    let room = (f64::from(PAGE.0 - 2.0 * PAGE_MARGIN), f64::from(PAGE.1 - 2.0 * PAGE_MARGIN));
    // The room for a drawing, below the scene's own title band, in pixels at the readable size.
    let drawing_room = (room.0 / readable, room.1 / readable - split::CONTENT_TOP + crate::scene::MARGIN);
    let mut pieces: Vec<(&str, Scene)> = Vec::new();
    for (name, scene) in maps {
        pieces.extend(split::pieces(scene, drawing_room).into_iter().map(|piece| (name.as_str(), piece.scene)));
    }
    let scale = pieces
        .iter()
        .map(|(_, scene)| (room.0 / scene.width.max(1.0)).min(room.1 / scene.height.max(1.0)))
        .fold(MAX_POINTS_PER_PIXEL, f64::min) as f32;
    let mut document = Document::new();
    document.set_metadata(krilla::metadata::Metadata::new().title(title.to_owned()).creator("Tiermap".to_owned()));
    let page_size = Size::from_wh(PAGE.0, PAGE.1).ok_or_else(|| (None, "no page size".to_owned()))?;
    for (map, scene) in &pieces {
        let tree = render::tree(&svg::svg(scene, false)).map_err(|e| (Some((*map).to_owned()), e))?;
        let size = Size::from_wh(tree.size().width() * scale, tree.size().height() * scale)
            .ok_or_else(|| (Some((*map).to_owned()), "the map has no size".to_owned()))?;
        let mut page = document.start_page_with(PageSettings::new(page_size));
        let mut surface = page.surface();
        surface.push_transform(&krilla::geom::Transform::from_translate(PAGE_MARGIN, PAGE_MARGIN));
        surface.draw_svg(&tree, size, SvgSettings::default());
        surface.pop();
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| (None, describe(e)))
}

/// One page for each (map name, SVG) in order, each the map's own size; an error names the map.
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
