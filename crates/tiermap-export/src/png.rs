//! A map as a PNG: the map's SVG rendered by resvg at 1x, 2x or 3x, with
//! the bundled fonts. A transparent background comes from an SVG without
//! its white page. Large images are drawn in horizontal bands on all cores.

use std::sync::Mutex;

use resvg::tiny_skia;

use crate::render;

/// Largest image written, in pixels (1 GB of memory while drawing).
pub const MAX_PIXELS: u64 = 16_384 * 16_384;
/// The image is drawn as this many horizontal bands, spread over the cores.
/// A fixed count, so the bytes never depend on how many cores the machine
/// has (anti-aliasing at a band's edge can differ by a shade from an
/// undivided drawing). Every band strokes each line crossing it again, so
/// more bands than cores only costs time.
const BANDS: u32 = 4;

/// Renders `svg` (as written by svg.rs) at `scale`.
pub fn png(svg: &str, scale: u8) -> Result<Vec<u8>, String> {
    let tree = render::tree(svg)?;
    let scale = f32::from(scale);
    let width = ((tree.size().width() * scale).ceil() as u32).max(1);
    let height = ((tree.size().height() * scale).ceil() as u32).max(1);
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "{width} × {height} pixels is too large for a PNG (at most {MAX_PIXELS} pixels); use a smaller scale, SVG or PDF"
        ));
    }
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("the image has no size")?;
    let band_rows = height.div_ceil(BANDS);
    let band_bytes = width as usize * 4 * band_rows as usize;
    let bands: Vec<(u32, &mut [u8])> = pixmap
        .data_mut()
        .chunks_mut(band_bytes)
        .enumerate()
        .map(|(i, rows)| (i as u32 * band_rows, rows))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(bands.len());
    let queue = Mutex::new(bands);
    let draw = || {
        while let Some((top, rows)) = queue.lock().ok().and_then(|mut q| q.pop()) {
            let band_height = (rows.len() / (width as usize * 4)) as u32;
            if let Some(mut band) = tiny_skia::PixmapMut::from_bytes(rows, width, band_height) {
                let transform = tiny_skia::Transform::from_scale(scale, scale)
                    .post_translate(0.0, -(top as f32));
                resvg::render(&tree, transform, &mut band);
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(draw);
        }
        draw();
    });
    pixmap
        .encode_png()
        .map_err(|e| format!("the PNG could not be encoded: {e}"))
}
