//! Maps as a PowerPoint presentation (PPTX) of native, editable shapes: an
//! optional title slide, one slide per map, then the ownership table. The
//! package is a deterministic ZIP of DrawingML written by hand (no crate
//! writes grouped shapes and glued connectors).

mod drawing;
mod map_slide;
mod parts;
mod table_slide;
mod title_slide;

use tiermap_model::Document;

use crate::ExportRequest;
use crate::package;
use crate::scene::Scene;
use crate::split;

/// The presentation for `maps` (name and scene, in slide order).
pub fn pptx(
    doc: &Document,
    maps: &[(String, Scene)],
    request: &ExportRequest,
) -> Result<Vec<u8>, String> {
    let mut slides: Vec<String> = Vec::new();
    if request.title_slide {
        let names: Vec<String> = maps.iter().map(|(name, _)| name.clone()).collect();
        slides.push(parts::slide(&title_slide::title_slide(
            &request.title,
            &names,
        )));
    }
    // Large maps are cut into pieces that fit a slide with readable names
    // (unless one slide per map was asked for), and the deck takes one
    // scale: the largest at which every piece fits.
    let readable = split::readable_points_per_pixel() * drawing::EMU_PER_POINT;
    let (room_width, room_height) = map_slide::room();
    let room = (room_width / readable, room_height / readable);
    let mut pieces: Vec<(&str, Scene)> = Vec::new();
    for (name, scene) in maps {
        if request.one_slide_per_map {
            pieces.push((name, scene.clone()));
        } else {
            pieces.extend(split::pieces(scene, room).into_iter().map(|piece| (name.as_str(), piece.scene)));
        }
    }
    let deck_scale = pieces.iter().map(|(_, scene)| map_slide::fitting_scale(scene)).fold(f64::INFINITY, f64::min);
    for (name, scene) in &pieces {
        let scale = if request.one_slide_per_map { map_slide::fitting_scale(scene) } else { deck_scale };
        slides.push(parts::slide(&map_slide::map_slide(scene, name, scale)));
    }
    if request.ownership_slides {
        let ids: Vec<_> = maps.iter().map(|(_, scene)| scene.map).collect();
        let rows = table_slide::rows(doc, &ids);
        let pages = rows.len().div_ceil(table_slide::ROWS_PER_SLIDE);
        for (index, chunk) in rows.chunks(table_slide::ROWS_PER_SLIDE).enumerate() {
            slides.push(parts::slide(&table_slide::table_slide(
                chunk,
                index + 1,
                pages,
            )));
        }
    }
    let count = slides.len();
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            parts::content_types(count).into_bytes(),
        ),
        (
            "_rels/.rels".into(),
            parts::root_relationships().into_bytes(),
        ),
        (
            "docProps/core.xml".into(),
            parts::core_properties(&request.title).into_bytes(),
        ),
        (
            "docProps/app.xml".into(),
            parts::app_properties(count).into_bytes(),
        ),
        (
            "ppt/presentation.xml".into(),
            parts::presentation(count).into_bytes(),
        ),
        (
            "ppt/_rels/presentation.xml.rels".into(),
            parts::presentation_relationships(count).into_bytes(),
        ),
        (
            "ppt/presProps.xml".into(),
            parts::presentation_properties().into_bytes(),
        ),
        (
            "ppt/viewProps.xml".into(),
            parts::view_properties().into_bytes(),
        ),
        (
            "ppt/tableStyles.xml".into(),
            parts::table_styles().into_bytes(),
        ),
        ("ppt/theme/theme1.xml".into(), parts::theme().into_bytes()),
        (
            "ppt/slideMasters/slideMaster1.xml".into(),
            parts::slide_master().into_bytes(),
        ),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".into(),
            parts::slide_master_relationships().into_bytes(),
        ),
        (
            "ppt/slideLayouts/slideLayout1.xml".into(),
            parts::slide_layout().into_bytes(),
        ),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels".into(),
            parts::slide_layout_relationships().into_bytes(),
        ),
    ];
    for (index, slide) in slides.into_iter().enumerate() {
        entries.push((
            format!("ppt/slides/slide{}.xml", index + 1),
            slide.into_bytes(),
        ));
        entries.push((
            format!("ppt/slides/_rels/slide{}.xml.rels", index + 1),
            parts::slide_relationships().into_bytes(),
        ));
    }
    package::zip(
        entries
            .iter()
            .map(|(path, bytes)| (path.clone(), bytes.as_slice())),
    )
}
