//! Whether a stretch of line keeps its clearance from every obstacle: a
//! bucket grid over the drawing, so a check looks only at nearby obstacles.

use super::{CLEARANCE, Point};
use crate::records::Rect;

/// At most this many buckets a side, however far apart the boxes are.
const MAX_BUCKETS: usize = 512;
const MIN_BUCKET: f64 = 256.0;

pub struct Clear {
    /// Obstacles grown by the clearance: (left, top, right, bottom).
    grown: Vec<[f64; 4]>,
    origin: (f64, f64),
    bucket: f64,
    columns: usize,
    rows: usize,
    buckets: Vec<Vec<u32>>,
}

impl Clear {
    pub fn new(obstacles: &[Rect]) -> Self {
        let grown: Vec<[f64; 4]> = obstacles
            .iter()
            .map(|r| {
                [
                    r.x - CLEARANCE,
                    r.y - CLEARANCE,
                    r.x + r.width + CLEARANCE,
                    r.y + r.height + CLEARANCE,
                ]
            })
            .collect();
        let (mut left, mut top, mut right, mut bottom) = (0.0f64, 0.0f64, 1.0f64, 1.0f64);
        if let Some(first) = grown.iter().find(|g| finite(g)) {
            (left, top, right, bottom) = (first[0], first[1], first[2], first[3]);
        }
        for g in grown.iter().filter(|g| finite(g)) {
            left = left.min(g[0]);
            top = top.min(g[1]);
            right = right.max(g[2]);
            bottom = bottom.max(g[3]);
        }
        let bucket = MIN_BUCKET.max((right - left).max(bottom - top) / MAX_BUCKETS as f64);
        let columns = (((right - left) / bucket).floor() as usize + 1).min(MAX_BUCKETS + 1);
        let rows = (((bottom - top) / bucket).floor() as usize + 1).min(MAX_BUCKETS + 1);
        let mut clear = Clear {
            grown: Vec::new(),
            origin: (left, top),
            bucket,
            columns,
            rows,
            buckets: vec![Vec::new(); columns * rows],
        };
        for (index, g) in grown.iter().enumerate().filter(|(_, g)| finite(g)) {
            let (c0, r0) = clear.cell(g[0], g[1]);
            let (c1, r1) = clear.cell(g[2], g[3]);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    clear.buckets[r * columns + c].push(index as u32);
                }
            }
        }
        clear.grown = grown;
        clear
    }

    fn cell(&self, x: f64, y: f64) -> (usize, usize) {
        let c = ((x - self.origin.0) / self.bucket).floor().max(0.0) as usize;
        let r = ((y - self.origin.1) / self.bucket).floor().max(0.0) as usize;
        (c.min(self.columns - 1), r.min(self.rows - 1))
    }

    /// True when the axis-parallel stretch from `a` to `b` keeps its clearance
    /// from every obstacle but those numbered in `ends`.
    pub fn segment(&self, a: Point, b: Point, ends: [usize; 2]) -> bool {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        let (c0, r0) = self.cell(x0, y0);
        let (c1, r1) = self.cell(x1, y1);
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &index in &self.buckets[r * self.columns + c] {
                    let index = index as usize;
                    if ends.contains(&index) {
                        continue;
                    }
                    let g = &self.grown[index];
                    if x0 < g[2] && x1 > g[0] && y0 < g[3] && y1 > g[1] {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// True when every segment of a route keeps its clearance; its first and
    /// last segments may touch the boxes they start and end at.
    pub fn route(&self, points: &[Point], source: usize, target: usize) -> bool {
        let last = points.len().saturating_sub(2);
        points.windows(2).enumerate().all(|(i, w)| {
            let ends = [
                if i == 0 { source } else { usize::MAX },
                if i == last { target } else { usize::MAX },
            ];
            self.segment(w[0], w[1], ends)
        })
    }
}

fn finite(g: &[f64; 4]) -> bool {
    g.iter().all(|v| v.is_finite())
}
