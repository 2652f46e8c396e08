//! Dashed lines cut into their dashes, each a polyline of its own, so
//! lines.rs draws a dashed line as many short solid ones and its gaps cost
//! nothing.

use resvg::tiny_skia::Point;

/// A dash pattern in pixels: dash, gap, dash, gap, … repeated.
pub struct Dashes {
    pattern: Vec<f32>,
    period: f32,
    offset: f32,
}

impl Dashes {
    /// `None` for a pattern resvg would treat specially (empty or all zero).
    pub fn new(pattern: &[f32], offset: f32, scale: f32) -> Option<Dashes> {
        let mut pattern: Vec<f32> = pattern.iter().map(|d| d * scale).collect();
        if pattern.len() % 2 == 1 {
            pattern.extend_from_within(..);
        }
        let period: f32 = pattern.iter().sum();
        if pattern.is_empty() || pattern.iter().any(|d| *d < 0.0) || period <= 1e-3 {
            return None;
        }
        Some(Dashes {
            pattern,
            period,
            offset: offset * scale,
        })
    }

    /// The dashes of the polyline through `points`, each as its own
    /// polyline; `None` when there would be absurdly many (left to resvg).
    pub fn cut(&self, points: &[Point]) -> Option<Vec<Vec<Point>>> {
        let lengths: Vec<f32> = points.windows(2).map(|p| p[0].distance(p[1])).collect();
        let total: f32 = lengths.iter().sum();
        if total / self.period > MAX_DASHES {
            return None;
        }
        // Where the offset puts the start of the line within the pattern.
        let mut entry = 0;
        let mut left = self.pattern[0];
        let mut phase = self.offset.rem_euclid(self.period);
        while phase >= left {
            phase -= left;
            entry = (entry + 1) % self.pattern.len();
            left = self.pattern[entry];
        }
        left -= phase;
        let mut dashes = Vec::new();
        let mut at = 0.0;
        let mut walker = Walker::new(points, &lengths);
        while at < total {
            let end = (at + left).min(total);
            if entry % 2 == 0 && end - at > 1e-4 {
                dashes.push(walker.between(at, end));
            }
            at = end;
            entry = (entry + 1) % self.pattern.len();
            left = self.pattern[entry];
        }
        Some(dashes)
    }
}

/// Most dashes one line is cut into.
const MAX_DASHES: f32 = 100_000.0;

/// Steps along a polyline, handing out the stretches between two distances
/// from its start, in increasing order.
struct Walker<'a> {
    points: &'a [Point],
    lengths: &'a [f32],
    /// The segment reached, and the distance at which it starts.
    segment: usize,
    segment_start: f32,
}

impl<'a> Walker<'a> {
    fn new(points: &'a [Point], lengths: &'a [f32]) -> Self {
        Walker {
            points,
            lengths,
            segment: 0,
            segment_start: 0.0,
        }
    }

    fn point_at(&self, distance: f32) -> Point {
        let (a, b) = (self.points[self.segment], self.points[self.segment + 1]);
        let length = self.lengths[self.segment];
        let t = if length > 0.0 {
            ((distance - self.segment_start) / length).clamp(0.0, 1.0)
        } else {
            0.0
        };
        Point::from_xy(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
    }

    /// Moves to the segment holding `distance` (the last one past the end).
    fn reach(&mut self, distance: f32) {
        while self.segment + 1 < self.lengths.len()
            && self.segment_start + self.lengths[self.segment] < distance
        {
            self.segment_start += self.lengths[self.segment];
            self.segment += 1;
        }
    }

    /// The polyline from `from` to `to` along the line.
    fn between(&mut self, from: f32, to: f32) -> Vec<Point> {
        self.reach(from);
        let mut stretch = vec![self.point_at(from)];
        while self.segment + 1 < self.lengths.len()
            && self.segment_start + self.lengths[self.segment] < to
        {
            stretch.push(self.points[self.segment + 1]);
            self.segment_start += self.lengths[self.segment];
            self.segment += 1;
        }
        stretch.push(self.point_at(to));
        stretch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xs(dashes: &[Vec<Point>]) -> Vec<(f32, f32)> {
        dashes.iter().map(|d| (d[0].x, d[d.len() - 1].x)).collect()
    }

    #[test]
    fn a_line_is_cut_where_the_pattern_says() {
        let line = [Point::from_xy(0.0, 0.0), Point::from_xy(30.0, 0.0)];
        let plain = Dashes::new(&[6.0, 4.0], 0.0, 1.0).unwrap();
        assert_eq!(
            xs(&plain.cut(&line).unwrap()),
            [(0.0, 6.0), (10.0, 16.0), (20.0, 26.0)]
        );
        let shifted = Dashes::new(&[6.0, 4.0], 2.0, 1.0).unwrap();
        assert_eq!(
            xs(&shifted.cut(&line).unwrap()),
            [(0.0, 4.0), (8.0, 14.0), (18.0, 24.0), (28.0, 30.0)]
        );
        // An odd pattern repeats once more: dash 3, gap 3.
        let odd = Dashes::new(&[3.0], 0.0, 2.0).unwrap();
        assert_eq!(
            xs(&odd.cut(&line).unwrap()),
            [(0.0, 6.0), (12.0, 18.0), (24.0, 30.0)]
        );
    }

    #[test]
    fn a_dash_over_a_corner_keeps_the_corner() {
        let corner = [
            Point::from_xy(0.0, 0.0),
            Point::from_xy(4.0, 0.0),
            Point::from_xy(4.0, 10.0),
        ];
        let dashes = Dashes::new(&[6.0, 2.0], 0.0, 1.0)
            .unwrap()
            .cut(&corner)
            .unwrap();
        assert_eq!(
            dashes[0],
            [
                Point::from_xy(0.0, 0.0),
                Point::from_xy(4.0, 0.0),
                Point::from_xy(4.0, 2.0)
            ]
        );
        assert_eq!(
            dashes[1],
            [Point::from_xy(4.0, 4.0), Point::from_xy(4.0, 10.0)]
        );
    }

    #[test]
    fn patterns_resvg_ignores_are_refused() {
        assert!(Dashes::new(&[], 0.0, 1.0).is_none());
        assert!(Dashes::new(&[0.0, 0.0], 0.0, 1.0).is_none());
        assert!(Dashes::new(&[-1.0, 2.0], 0.0, 1.0).is_none());
    }
}
