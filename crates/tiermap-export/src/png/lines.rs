//! Connector lines drawn straight into a band of the image.
//!
//! tiny-skia fills a stroke by supersampling it four times per row and
//! blitting every covered row as separate short spans; for the long, thin
//! lines of a large map that was most of a PNG's time (4 of the 5 seconds of
//! a 1,000-element map at 2x). A line of one colour and width is simple
//! enough to cover directly: a pixel's coverage is how much of it lies
//! across the stroke, measured from its centre to the nearest segment of the
//! flattened curve, with butt ends as SVG draws them. A dashed line is cut
//! into its dashes once, each a short line of its own, so the gaps cost
//! nothing. Anything else (fills, caps other than butt, skewed transforms)
//! is left to resvg.

use resvg::tiny_skia::{PathSegment, PixmapMut, Point, Transform};

use super::dashes::Dashes;
use resvg::usvg;

/// Largest distance, in pixels, between a curve and the segments drawn for it.
const TOLERANCE: f32 = 0.1;
/// Segments a single curve is flattened into at most.
const MAX_PIECES: u32 = 512;

/// A stroke as straight segments in the image's pixels, ready to be drawn
/// into any band.
pub struct Line {
    /// In the order of their top edges.
    segments: Vec<Segment>,
    /// For each segment, the lowest bottom edge of it and all before it:
    /// rising, so a band finds the first segment that can reach it by
    /// binary search.
    reach_down: Vec<f32>,
    top: f32,
    bottom: f32,
    /// Straight (not premultiplied) colour, as `lanes`.
    colour: u64,
    /// Opacity, 0–1.
    alpha: f32,
}

impl Line {
    /// The stroke of `path` drawn with `transform` (to the image's pixels),
    /// when it is a plain line this module draws as resvg would; `None`
    /// otherwise.
    pub fn from_path(path: &usvg::Path, transform: Transform) -> Option<Line> {
        let stroke = path.stroke()?;
        if !path.is_visible()
            || path.fill().is_some()
            || stroke.linecap() != usvg::LineCap::Butt
            || transform.kx != 0.0
            || transform.ky != 0.0
            || transform.sx <= 0.0
            || (transform.sx - transform.sy).abs() > 1e-6
        {
            return None;
        }
        let usvg::Paint::Color(color) = stroke.paint() else {
            return None;
        };
        let points = flatten(path.data(), transform)?;
        let half_width = stroke.width().get() * transform.sx / 2.0;
        let mut segments = match stroke.dasharray() {
            Some(pattern) => {
                let dashes = Dashes::new(pattern, stroke.dashoffset(), transform.sx)?;
                dashes
                    .cut(&points)?
                    .iter()
                    .flat_map(|dash| segments(dash, half_width))
                    .collect()
            }
            None => segments(&points, half_width),
        };
        segments.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
        let reach_down = segments
            .iter()
            .scan(f32::MIN, |lowest, s| {
                *lowest = lowest.max(s.y_max);
                Some(*lowest)
            })
            .collect();
        Some(Line {
            reach_down,
            top: segments.iter().map(|s| s.y_min).fold(f32::MAX, f32::min),
            bottom: segments.iter().map(|s| s.y_max).fold(f32::MIN, f32::max),
            segments,
            colour: lanes([color.red, color.green, color.blue]),
            alpha: stroke.opacity().get(),
        })
    }

    /// Blends the line into `band` (premultiplied RGBA, as tiny-skia keeps
    /// it), whose first row is row `band_top` of the image.
    pub fn draw(&self, band: &mut PixmapMut<'_>, band_top: u32) {
        let (width, height) = (band.width() as usize, band.height() as i64);
        let offset = band_top as f32;
        let first_row = ((self.top - offset).floor() as i64).max(0);
        let last_row = ((self.bottom - offset).ceil() as i64).min(height);
        if first_row >= last_row {
            return;
        }
        let segments = &self.segments;
        let first_centre = first_row as f32 + 0.5 + offset;
        let skipped = self.reach_down.partition_point(|y| *y < first_centre);
        let mut waiting = (skipped..segments.len()).peekable();
        let mut active: Vec<usize> = Vec::new();
        let mut coverage: Vec<f32> = Vec::new();
        let data = band.data_mut();
        for row in first_row..last_row {
            let centre_y = row as f32 + 0.5 + offset;
            while let Some(&next) = waiting.peek() {
                if segments[next].y_min > centre_y {
                    break;
                }
                active.push(next);
                waiting.next();
            }
            active.retain(|&i| segments[i].y_max >= centre_y);
            let row_pixels = &mut data[row as usize * width * 4..(row as usize + 1) * width * 4];
            let mut put = |x: usize, covered: f32| {
                blend(
                    &mut row_pixels[x * 4..x * 4 + 4],
                    self.colour,
                    covered * self.alpha,
                );
            };
            match active[..] {
                [] => {}
                // Along most of a line one segment covers the row alone.
                [only] => segments[only].cover_row(centre_y, width, &mut put),
                // Where segments meet, a pixel takes the coverage of the
                // nearest, so the joint is not blended twice.
                _ => {
                    let columns = active
                        .iter()
                        .filter_map(|&i| segments[i].columns(centre_y, width));
                    let (left, right) =
                        columns.fold((width, 0), |(l, r), (from, to)| (l.min(from), r.max(to)));
                    if left >= right {
                        continue;
                    }
                    coverage.clear();
                    coverage.resize(right - left, 0.0);
                    for &i in &active {
                        segments[i].cover_row(centre_y, width, &mut |x, covered| {
                            let cell = &mut coverage[x - left];
                            *cell = cell.max(covered);
                        });
                    }
                    for (offset, covered) in coverage.iter().enumerate() {
                        if *covered > 0.0 {
                            put(left + offset, *covered);
                        }
                    }
                }
            }
        }
    }
}

/// The pieces of the polyline through `points`, each knowing where along
/// the line it starts and whether it ends the line.
fn segments(points: &[Point], half_width: f32) -> Vec<Segment> {
    let reach = half_width + 0.5;
    let last = points.len().saturating_sub(2);
    points
        .windows(2)
        .enumerate()
        .filter_map(|(i, pair)| {
            let (a, b) = (pair[0], pair[1]);
            let length = a.distance(b);
            let direction = Point::from_xy((b.x - a.x) / length, (b.y - a.y) / length);
            (length > 1e-4).then(|| Segment {
                a,
                b,
                direction,
                steep: (direction.y.abs() > 1e-3)
                    .then(|| (direction.x / direction.y, reach / direction.y.abs())),
                length,
                half_width,
                reach,
                starts_line: i == 0,
                ends_line: i == last,
                y_min: a.y.min(b.y) - reach,
                y_max: a.y.max(b.y) + reach,
            })
        })
        .collect()
}

/// One straight piece of a line.
struct Segment {
    a: Point,
    b: Point,
    /// Unit vector from `a` to `b`.
    direction: Point,
    length: f32,
    half_width: f32,
    /// How far from the centre line a pixel centre can be and still be touched.
    reach: f32,
    /// For a segment that is not nearly horizontal: how far x moves per row,
    /// and half the width of a row's touched columns.
    steep: Option<(f32, f32)>,
    /// Whether `a` is the line's start (a butt end), not a joint.
    starts_line: bool,
    /// Whether `b` is the line's end.
    ends_line: bool,
    y_min: f32,
    y_max: f32,
}

impl Segment {
    /// Columns `[from, to)` of the row centred at `y` this segment may touch:
    /// within `reach` of the centre line across it, and of the segment along it.
    fn columns(&self, y: f32, width: usize) -> Option<(usize, usize)> {
        let mut low = self.a.x.min(self.b.x) - self.reach;
        let mut high = self.a.x.max(self.b.x) + self.reach;
        if let Some((slope, half)) = self.steep {
            let crossing = self.a.x + (y - self.a.y) * slope;
            low = low.max(crossing - half);
            high = high.min(crossing + half);
        }
        let from = low.max(0.0) as usize;
        let to = ((high + 1.0).max(0.0) as usize).min(width);
        (from < to).then_some((from, to))
    }

    /// Calls `put(x, coverage)` for each pixel of the row centred at `y`
    /// that the stroke covers.
    fn cover_row(&self, y: f32, width: usize, put: &mut impl FnMut(usize, f32)) {
        let Some((from, to)) = self.columns(y, width) else {
            return;
        };
        // Position of the first pixel's centre along the segment and across it;
        // each pixel to the right adds the direction's x and y.
        let (vx, vy) = (from as f32 + 0.5 - self.a.x, y - self.a.y);
        let along_first = vx * self.direction.x + vy * self.direction.y;
        let across_first = vx * self.direction.y - vy * self.direction.x;
        let count = to - from;
        // The pixels [inside_from, inside_to) lie beside the segment, away
        // from its ends: along a long, flat line, nearly all of the row.
        let (inside_from, inside_to) = if self.direction.x.abs() > 1e-6 {
            let step_at = |along: f32| (along - along_first) / self.direction.x;
            let (first, last) = if self.direction.x > 0.0 {
                (step_at(0.5), step_at(self.length - 0.5))
            } else {
                (step_at(self.length - 0.5), step_at(0.5))
            };
            let inside_from = first.ceil().clamp(0.0, count as f32) as usize;
            let inside_to = (last.floor() + 1.0).clamp(inside_from as f32, count as f32) as usize;
            (inside_from, inside_to)
        } else if (0.5..=self.length - 0.5).contains(&along_first) {
            (0, count)
        } else {
            (0, 0)
        };
        for step in (0..inside_from).chain(inside_to..count) {
            let along = along_first + step as f32 * self.direction.x;
            let across = across_first + step as f32 * self.direction.y;
            let covered = self.coverage(along, across);
            if covered > 0.0 {
                put(from + step, covered);
            }
        }
        if self.direction.y.abs() < 1e-6 {
            // Flat: every pixel of the row is as far from the line.
            let covered = self.across(across_first.abs());
            if covered > 0.0 {
                for step in inside_from..inside_to {
                    put(from + step, covered);
                }
            }
            return;
        }
        // Without branches, so the loop stays simple for the compiler.
        for step in inside_from..inside_to {
            let distance = (across_first + step as f32 * self.direction.y).abs();
            put(from + step, self.across(distance));
        }
    }

    /// Share of a pixel's width across the line that the stroke covers,
    /// for a pixel centre `distance` from the centre line.
    fn across(&self, distance: f32) -> f32 {
        ((distance + 0.5).min(self.half_width) - (distance - 0.5).max(-self.half_width))
            .clamp(0.0, 1.0)
    }

    /// Share of a pixel the stroke covers, 0–1, from where its centre lies
    /// `along` the segment and `across` it: the overlap of the pixel's width
    /// across the line with the stroke's, times the share of its length
    /// along the line that is on a dash.
    fn coverage(&self, along: f32, across: f32) -> f32 {
        let mut end_factor = 1.0;
        let distance = if along < 0.0 && !self.starts_line {
            (along * along + across * across).sqrt()
        } else if along > self.length && !self.ends_line {
            let beyond = along - self.length;
            (beyond * beyond + across * across).sqrt()
        } else {
            if self.starts_line {
                end_factor = (along + 0.5).clamp(0.0, 1.0);
            }
            if self.ends_line {
                end_factor = end_factor.min((self.length - along + 0.5).clamp(0.0, 1.0));
            }
            across.abs()
        };
        self.across(distance) * end_factor
    }
}

/// A straight colour spread into four 16-bit lanes (r, g, b, a = 255), the
/// form `blend` works in.
fn lanes(rgb: [u8; 3]) -> u64 {
    u64::from(rgb[0]) | u64::from(rgb[1]) << 16 | u64::from(rgb[2]) << 32 | 255 << 48
}

/// Source-over of a colour (as `lanes`) at `amount` (0–1) onto a
/// premultiplied pixel, all four channels at once in one 64-bit word:
/// each channel becomes (source·amount + pixel·(255 − amount)) / 255.
fn blend(pixel: &mut [u8], source: u64, amount: f32) {
    const LOW_BYTES: u64 = 0x00ff_00ff_00ff_00ff;
    // Through i32: converting a float to u64 takes a slow instruction sequence on x86.
    let amount = (amount.clamp(0.0, 1.0) * 255.0 + 0.5) as i32 as u64;
    let packed = u64::from(u32::from_le_bytes([pixel[0], pixel[1], pixel[2], pixel[3]]));
    let destination = (packed & 0xff)
        | (packed & 0xff00) << 8
        | (packed & 0xff_0000) << 16
        | (packed & 0xff00_0000) << 24;
    // Each lane is at most 255·255 + 128, inside 16 bits; dividing by 255
    // with rounding is (x + 128 + ((x + 128) >> 8)) >> 8, exact for that range.
    let mixed = source * amount + destination * (255 - amount) + 0x0080_0080_0080_0080;
    let divided = ((mixed + ((mixed >> 8) & LOW_BYTES)) >> 8) & LOW_BYTES;
    pixel.copy_from_slice(&[
        divided as u8,
        (divided >> 16) as u8,
        (divided >> 32) as u8,
        (divided >> 48) as u8,
    ]);
}

/// The path's one subpath as points in the band, curves flattened;
/// `None` for several subpaths or a closed one (left to resvg).
fn flatten(path: &resvg::tiny_skia::Path, transform: Transform) -> Option<Vec<Point>> {
    let map = |mut p: Point| {
        transform.map_point(&mut p);
        p
    };
    let mut points: Vec<Point> = Vec::new();
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) if points.is_empty() => points.push(map(p)),
            PathSegment::LineTo(p) => points.push(map(p)),
            PathSegment::QuadTo(c, p) => {
                let start = *points.last()?;
                let (c, end) = (map(c), map(p));
                let pieces = pieces(second_difference(start, c, end) * 0.25);
                for i in 1..=pieces {
                    let t = i as f32 / pieces as f32;
                    let u = 1.0 - t;
                    points.push(Point::from_xy(
                        u * u * start.x + 2.0 * u * t * c.x + t * t * end.x,
                        u * u * start.y + 2.0 * u * t * c.y + t * t * end.y,
                    ));
                }
            }
            PathSegment::CubicTo(c1, c2, p) => {
                let start = *points.last()?;
                let (c1, c2, end) = (map(c1), map(c2), map(p));
                let bend = second_difference(start, c1, c2).max(second_difference(c1, c2, end));
                let pieces = pieces(bend * 0.75);
                for i in 1..=pieces {
                    let t = i as f32 / pieces as f32;
                    let u = 1.0 - t;
                    let (w0, w1, w2, w3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                    points.push(Point::from_xy(
                        w0 * start.x + w1 * c1.x + w2 * c2.x + w3 * end.x,
                        w0 * start.y + w1 * c1.y + w2 * c2.y + w3 * end.y,
                    ));
                }
            }
            PathSegment::MoveTo(_) | PathSegment::Close => return None,
        }
    }
    (points.len() >= 2).then_some(points)
}

/// |p0 − 2·p1 + p2|, how far a curve bends over three control points.
fn second_difference(p0: Point, p1: Point, p2: Point) -> f32 {
    Point::from_xy(p0.x - 2.0 * p1.x + p2.x, p0.y - 2.0 * p1.y + p2.y).length()
}

/// Wang's bound: pieces needed so no piece strays more than TOLERANCE from
/// the curve, given the curve's bend scaled for its degree.
fn pieces(scaled_bend: f32) -> u32 {
    ((scaled_bend / TOLERANCE).sqrt().ceil() as u32).clamp(1, MAX_PIECES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::tiny_skia::{PathBuilder, Pixmap};

    /// The alpha of a line from (10, 20.3) to (90, 20.3) drawn on a clear
    /// 100 × 40 image, as rows of columns.
    fn drawn(width: f32, dashes: Option<&[f32]>) -> Vec<Vec<f32>> {
        let mut path = PathBuilder::new();
        path.move_to(10.0, 20.3);
        path.line_to(90.0, 20.3);
        let path = path.finish().unwrap();
        let points = flatten(&path, Transform::identity()).unwrap();
        let mut segments = match dashes {
            Some(pattern) => Dashes::new(pattern, 0.0, 1.0)
                .unwrap()
                .cut(&points)
                .unwrap()
                .iter()
                .flat_map(|dash| segments(dash, width / 2.0))
                .collect(),
            None => segments(&points, width / 2.0),
        };
        segments.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
        let line = Line {
            reach_down: segments.iter().map(|s| s.y_max).collect(),
            top: segments.iter().map(|s| s.y_min).fold(f32::MAX, f32::min),
            bottom: segments.iter().map(|s| s.y_max).fold(f32::MIN, f32::max),
            segments,
            colour: lanes([0, 0, 0]),
            alpha: 1.0,
        };
        let mut pixmap = Pixmap::new(100, 40).unwrap();
        line.draw(&mut pixmap.as_mut(), 0);
        pixmap
            .data()
            .chunks(400)
            .map(|row| row.chunks(4).map(|p| f32::from(p[3]) / 255.0).collect())
            .collect()
    }

    fn column(image: &[Vec<f32>], x: usize) -> f32 {
        image.iter().map(|row| row[x]).sum()
    }

    #[test]
    fn a_line_covers_its_width_in_every_column_and_stops_at_its_ends() {
        for width in [1.0, 1.6, 3.2] {
            let image = drawn(width, None);
            for x in 11..89 {
                let covered = column(&image, x);
                assert!(
                    (covered - width).abs() < 0.02,
                    "width {width}, column {x}: {covered}"
                );
            }
            // Butt ends: nothing before x = 10 or after x = 90.
            assert_eq!(column(&image, 8), 0.0);
            assert_eq!(column(&image, 91), 0.0);
        }
    }

    #[test]
    fn dashes_cover_their_share_of_the_line() {
        let solid: f32 = (0..100).map(|x| column(&drawn(2.0, None), x)).sum();
        let dashed_image = drawn(2.0, Some(&[6.0, 4.0]));
        let dashed: f32 = (0..100).map(|x| column(&dashed_image, x)).sum();
        assert!((dashed / solid - 0.6).abs() < 0.02, "{}", dashed / solid);
        // The first gap runs from 6 to 10 along the line: columns 16 to 19.
        assert_eq!(column(&dashed_image, 17), 0.0);
        assert!(column(&dashed_image, 12) > 1.9);
    }

    #[test]
    fn blending_is_exact_at_both_ends() {
        let mut pixel = [10, 20, 30, 255];
        blend(&mut pixel, lanes([200, 100, 50]), 0.0);
        assert_eq!(pixel, [10, 20, 30, 255]);
        blend(&mut pixel, lanes([200, 100, 50]), 1.0);
        assert_eq!(pixel, [200, 100, 50, 255]);
        let mut clear = [0, 0, 0, 0];
        blend(&mut clear, lanes([200, 100, 50]), 0.5);
        assert_eq!(clear, [100, 50, 25, 128], "premultiplied, half covered");
    }
}
