//! A map as a PNG: the map's SVG rendered by resvg at 1x, 2x or 3x, with
//! the bundled fonts. A transparent background comes from an SVG without
//! its white page.
//!
//! Large images are drawn and compressed in horizontal bands, spread over
//! the cores, so the whole image is never held uncompressed. Plain stroked
//! lines (connectors, the legend's samples) are drawn by lines.rs rather
//! than resvg (see there why); encode.rs writes the file.

mod dashes;
mod encode;
mod lines;

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use resvg::tiny_skia::{self, Transform};
use resvg::usvg;

use crate::render;
use encode::{Color, EncodedBand};

/// Largest image written, in pixels (1 GB if it were held whole).
pub const MAX_PIXELS: u64 = 16_384 * 16_384;
/// Pixels in one band at most. The band count follows from the image's size
/// alone, never from the number of cores, so the bytes are the same on every
/// machine. Small bands stay in the processor's cache; shapes outside a
/// band are skipped, so more bands cost little.
const BAND_PIXELS: u64 = 1 << 20;

/// Renders `svg` (as written by svg.rs) at `scale`; `transparent` when the
/// SVG has no page behind the map.
pub fn png(svg: &str, scale: u8, transparent: bool) -> Result<Vec<u8>, String> {
    let tree = render::tree(svg)?;
    let scale = f32::from(scale);
    let width = ((tree.size().width() * scale).ceil() as u32).max(1);
    let height = ((tree.size().height() * scale).ceil() as u32).max(1);
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(format!(
            "{width} × {height} pixels is too large for a PNG (at most {MAX_PIXELS} pixels); use a smaller scale, SVG or PDF"
        ));
    }
    let color = if transparent {
        Color::Transparent
    } else {
        Color::Opaque
    };
    let band_count = pixels.div_ceil(BAND_PIXELS).max(1) as u32;
    let band_rows = height.div_ceil(band_count);
    let bands: Vec<(u32, u32)> = (0..height)
        .step_by(band_rows as usize)
        .map(|top| (top, band_rows.min(height - top)))
        .collect();
    let encoded: Vec<Mutex<Option<Result<EncodedBand, String>>>> =
        bands.iter().map(|_| Mutex::new(None)).collect();
    let lines = prepare_lines(&tree, scale);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut buffer = vec![0u8; width as usize * band_rows as usize * 4];
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(top, rows)) = bands.get(index) else {
                break;
            };
            let pixels = &mut buffer[..width as usize * rows as usize * 4];
            pixels.fill(0);
            let result = tiny_skia::PixmapMut::from_bytes(pixels, width, rows)
                .ok_or_else(|| "the image could not be drawn".to_owned())
                .and_then(|mut pixmap| {
                    let band = Band {
                        top,
                        rows,
                        transform: Transform::from_scale(scale, scale)
                            .post_translate(0.0, -(top as f32)),
                    };
                    draw(
                        tree.root(),
                        band.transform,
                        &band,
                        scale,
                        &lines,
                        &mut pixmap,
                    );
                    encode::encode_band(
                        pixmap.data_mut(),
                        width as usize,
                        color,
                        index + 1 == bands.len(),
                    )
                });
            if let Ok(mut slot) = encoded[index].lock() {
                *slot = Some(result);
            }
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(bands.len());
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let mut done = Vec::with_capacity(bands.len());
    for slot in encoded {
        let band = slot
            .into_inner()
            .ok()
            .flatten()
            .unwrap_or_else(|| Err("a part of the image was not drawn".to_owned()))?;
        done.push(band);
    }
    Ok(encode::assemble(width, height, color, &done))
}

/// Where one band lies in the image, in pixels.
struct Band {
    top: u32,
    rows: u32,
    /// The image's transform moved so the band's first row is row 0.
    transform: Transform,
}

impl Band {
    /// Whether anything of `node` (its stroke included) lies in the band.
    fn shows(&self, node: &usvg::Node, scale: f32) -> bool {
        let bounds = match node {
            usvg::Node::Group(group) => group.abs_layer_bounding_box().to_rect(),
            _ => node.abs_stroke_bounding_box(),
        };
        // Two rows of margin for anti-aliasing, as resvg keeps.
        let top = bounds.top() * scale - 2.0;
        let bottom = bounds.bottom() * scale + 2.0;
        bottom >= self.top as f32 && top <= (self.top + self.rows) as f32
    }
}

/// The plain lines of the drawing (connectors, the legend's samples),
/// prepared once for every band, by the address of their path in the tree.
fn prepare_lines(tree: &usvg::Tree, scale: f32) -> HashMap<usize, lines::Line> {
    fn walk(group: &usvg::Group, transform: Transform, out: &mut HashMap<usize, lines::Line>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(inner) if !inner.should_isolate() => {
                    walk(inner, transform.pre_concat(inner.transform()), out);
                }
                usvg::Node::Path(path) => {
                    if let Some(line) = lines::Line::from_path(path, transform) {
                        out.insert(path_key(path), line);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = HashMap::new();
    walk(tree.root(), Transform::from_scale(scale, scale), &mut out);
    out
}

fn path_key(path: &usvg::Path) -> usize {
    std::ptr::from_ref(path) as usize
}

/// Draws the children of `group` into the band in order, as resvg::render
/// does, skipping what lies outside the band, the prepared lines by lines.rs.
fn draw(
    group: &usvg::Group,
    transform: Transform,
    band: &Band,
    scale: f32,
    lines: &HashMap<usize, lines::Line>,
    pixmap: &mut tiny_skia::PixmapMut<'_>,
) {
    for node in group.children() {
        if !band.shows(node, scale) {
            continue;
        }
        match node {
            usvg::Node::Group(inner) if !inner.should_isolate() => {
                draw(
                    inner,
                    transform.pre_concat(inner.transform()),
                    band,
                    scale,
                    lines,
                    pixmap,
                );
            }
            usvg::Node::Path(path) => match lines.get(&path_key(path)) {
                Some(line) => line.draw(pixmap, band.top),
                None => render_node(node, transform, pixmap),
            },
            _ => render_node(node, transform, pixmap),
        }
    }
}

/// resvg's drawing of one node, placed where resvg::render would draw it
/// (resvg::render_node moves the node's bounding box to the origin). A path
/// with no area and only a stroke has no such box and would not be drawn:
/// every one svg.rs writes is a plain line, drawn by lines.rs.
fn render_node(node: &usvg::Node, transform: Transform, pixmap: &mut tiny_skia::PixmapMut<'_>) {
    if let Some(bounds) = node.abs_layer_bounding_box() {
        resvg::render_node(
            node,
            transform.pre_translate(bounds.x(), bounds.y()),
            pixmap,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RGBA pixels of a PNG written here.
    fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut reader = ::png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).expect("a frame");
        pixels.truncate(info.buffer_size());
        let rgba = match info.color_type {
            ::png::ColorType::Rgb => pixels
                .chunks(3)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect(),
            ::png::ColorType::Rgba => pixels,
            other => panic!("unexpected colour type {other:?}"),
        };
        (info.width, info.height, rgba)
    }

    /// resvg's drawing of the whole SVG in one piece, straight RGBA.
    fn resvg_whole(svg: &str, scale: f32) -> Vec<u8> {
        let tree = render::tree(svg).unwrap();
        let width = (tree.size().width() * scale).ceil() as u32;
        let height = (tree.size().height() * scale).ceil() as u32;
        let mut pixmap = tiny_skia::Pixmap::new(width, height).unwrap();
        resvg::render(
            &tree,
            Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect()
    }

    /// An SVG taller than several bands, with shapes and text across band edges.
    fn shapes(page: bool, relations: &str) -> String {
        let mut svg = String::from(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1400" viewBox="0 0 900 1400" font-family="Noto Sans">"##,
        );
        if page {
            svg.push_str(r##"<rect width="900" height="1400" fill="#ffffff"/>"##);
        }
        svg.push_str(r##"<g id="groups"><rect x="20" y="30" width="860" height="1300" rx="12" fill="#e2e9f2" fill-opacity="0.45" stroke="#b8c4d2" stroke-width="1.5"/></g>"##);
        svg.push_str(&format!(
            r##"<g id="relations" fill="none">{relations}</g>"##
        ));
        svg.push_str(r##"<g id="elements">"##);
        for i in 0..12 {
            let y = 60 + i * 110;
            svg.push_str(&format!(
                r##"<g><rect x="{x}" y="{y}" width="220" height="64" rx="8" fill="#ffffff" fill-opacity="0.94" stroke="#c5d0dc"/><text x="{tx}" y="{ty}" font-size="13">Element {i} 製品 Ürün</text></g>"##,
                x = 60 + (i % 3) * 260,
                tx = 72 + (i % 3) * 260,
                ty = y + 36
            ));
        }
        svg.push_str("</g></svg>");
        svg
    }

    #[test]
    fn an_image_drawn_in_bands_is_the_image_resvg_draws_in_one_piece() {
        let svg = shapes(true, "");
        let scale = 2.0;
        let (width, height, banded) = decode(&png(&svg, 2, false).unwrap());
        assert!(
            u64::from(width) * u64::from(height) > 3 * BAND_PIXELS,
            "the test image spans several bands"
        );
        let whole = resvg_whole(&svg, scale);
        assert_eq!(banded.len(), whole.len());
        let differing = banded
            .iter()
            .zip(&whole)
            .filter(|(a, b)| a.abs_diff(**b) > 1)
            .count();

        let worst = banded.iter().zip(&whole).map(|(a, b)| a.abs_diff(*b)).max();
        // tiny-skia splits a curve cut by a band's edge differently, so the
        // anti-aliasing of a rounded corner there can differ by a few shades.
        assert!(worst <= Some(10), "worst channel difference {worst:?}");
        assert!(
            differing * 10_000 < banded.len(),
            "{differing} channels differ by more than one shade"
        );
    }

    #[test]
    fn a_transparent_image_keeps_its_alpha() {
        let svg = shapes(false, "");
        let (_, _, banded) = decode(&png(&svg, 1, true).unwrap());
        let whole = resvg_whole(&svg, 1.0);
        assert_eq!(banded[3], 0, "no page behind the map");
        let worst = banded.iter().zip(&whole).map(|(a, b)| a.abs_diff(*b)).max();
        assert!(worst <= Some(2), "worst channel difference {worst:?}");
    }

    #[test]
    fn lines_are_drawn_here_and_look_as_resvg_draws_them() {
        let relations = concat!(
            r##"<path d="M100 200C400 200 400 200 700 200" stroke="#37474f" stroke-width="1.6"/>"##,
            r##"<path d="M150 1300C150 700 750 700 750 100" stroke="#37474f" stroke-width="1.6"/>"##,
            r##"<path d="M800 1300C800 800 100 800 100 300" stroke="#8d6e63" stroke-width="1.6" stroke-dasharray="6 4"/>"##,
            r##"<path d="M300 1000L600 1000" stroke="#8d6e63" stroke-width="3" stroke-opacity="0.5"/>"##,
        );
        let svg = shapes(true, relations);
        let tree = render::tree(&svg).unwrap();
        assert_eq!(
            prepare_lines(&tree, 2.0).len(),
            4,
            "every line takes the fast path"
        );

        let without = resvg_whole(&shapes(true, ""), 2.0);
        let (_, _, ours) = decode(&png(&svg, 2, false).unwrap());
        let theirs = resvg_whole(&svg, 2.0);
        // Ink a drawing adds over the picture without lines, per pixel.
        let ink = |image: &[u8]| -> Vec<f64> {
            image
                .chunks(4)
                .zip(without.chunks(4))
                .map(|(p, q)| (0..3).map(|c| f64::from(p[c].abs_diff(q[c]))).sum::<f64>())
                .collect()
        };
        let (ours, theirs) = (ink(&ours), ink(&theirs));
        let total = |ink: &[f64]| ink.iter().sum::<f64>();
        let ratio = total(&ours) / total(&theirs);
        assert!(
            (0.93..1.07).contains(&ratio),
            "ink of the lines: ours / resvg's = {ratio:.3}"
        );
        // The same pixels are inked: blurring both over 3 × 3 pixels, the
        // drawings differ by little against the ink they carry.
        let width = 1800;
        let blur = |ink: &[f64], i: usize| -> f64 {
            let (x, y) = ((i % width) as i64, (i / width) as i64);
            let mut sum = 0.0;
            for dy in -1..=1 {
                for dx in -1..=1 {
                    let (nx, ny) = (x + dx, y + dy);
                    if (0..width as i64).contains(&nx) && (0..2800).contains(&ny) {
                        sum += ink[(ny as usize) * width + nx as usize];
                    }
                }
            }
            sum
        };
        let mismatch: f64 = (0..ours.len())
            .filter(|i| ours[*i] > 0.0 || theirs[*i] > 0.0)
            .map(|i| (blur(&ours, i) - blur(&theirs, i)).abs())
            .sum();
        let share = mismatch / (9.0 * total(&theirs));
        assert!(
            share < 0.12,
            "lines differ from resvg's by {share:.3} of their ink"
        );
    }

    #[test]
    fn the_same_svg_gives_the_same_bytes() {
        let svg = shapes(
            true,
            r##"<path d="M150 1300C150 700 750 700 750 100" stroke="#37474f" stroke-width="1.6" stroke-dasharray="6 4"/>"##,
        );
        assert_eq!(png(&svg, 2, false).unwrap(), png(&svg, 2, false).unwrap());
    }
}
