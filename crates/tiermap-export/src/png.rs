//! A map as a PNG: the map's SVG rendered by resvg at 1x, 2x or 3x, with
//! the bundled fonts. A transparent background comes from an SVG without
//! its white page.

use resvg::tiny_skia;

use crate::render;

/// Largest image written, in pixels (1 GB of memory while drawing).
pub const MAX_PIXELS: u64 = 16_384 * 16_384;

/// Renders `svg` (as written by svg.rs) at `scale`.
pub fn png(svg: &str, scale: u8) -> Result<Vec<u8>, String> {
    let tree = render::tree(svg)?;
    let scale = f32::from(scale);
    let width = (tree.size().width() * scale).ceil() as u32;
    let height = (tree.size().height() * scale).ceil() as u32;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "{width} × {height} pixels is too large for a PNG (at most {MAX_PIXELS} pixels); use a smaller scale, SVG or PDF"
        ));
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(width.max(1), height.max(1)).ok_or("the image has no size")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("the PNG could not be encoded: {e}"))
}
