//! The figures of the layout benchmark, measured the same way on any
//! drawing: Tiermap's routed lines or dot's flattened splines.

use std::collections::{BTreeSet, HashMap};

use tiermap_model::Rect;

/// A line from box `source` to box `target`, as a polyline.
pub struct Line {
    pub source: usize,
    pub target: usize,
    pub points: Vec<(f64, f64)>,
}

/// Boxes, group frames (for the extent only) and lines.
pub struct Drawing {
    pub boxes: Vec<Rect>,
    pub frames: Vec<Rect>,
    pub lines: Vec<Line>,
}

pub struct Measures {
    /// Lines passing through at least one box that is not one of their ends.
    pub lines_through_boxes: usize,
    /// (line, box) pairs of that kind.
    pub box_hits: usize,
    /// Points where two lines cross.
    pub crossings: usize,
    /// Width over height of everything drawn.
    pub aspect: f64,
    /// That extent's area divided by the number of boxes.
    pub area_per_element: f64,
}

type Segment = ((f64, f64), (f64, f64));

/// A box shrunk by this much counts as hit: a line running along or ending
/// on a box's border is not "through" it.
const INSIDE: f64 = 1.0;

/// Whether segment a–b passes through the inside of `r`
/// (Liang–Barsky clipping against the shrunk rectangle).
fn through(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
    let (x0, y0, x1, y1) = (
        r.x + INSIDE,
        r.y + INSIDE,
        r.x + r.width - INSIDE,
        r.y + r.height - INSIDE,
    );
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut low, mut high) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                low = low.max(t);
            } else {
                high = high.min(t);
            }
        }
    }
    low < high
}

fn orientation(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// Where two segments cross properly (each strictly through the other), if they do.
fn crossing(s: Segment, t: Segment) -> Option<(f64, f64)> {
    let (d1, d2) = (orientation(t.0, t.1, s.0), orientation(t.0, t.1, s.1));
    let (d3, d4) = (orientation(s.0, s.1, t.0), orientation(s.0, s.1, t.1));
    if d1 * d2 < 0.0 && d3 * d4 < 0.0 {
        let k = d1 / (d1 - d2);
        Some((s.0.0 + (s.1.0 - s.0.0) * k, s.0.1 + (s.1.1 - s.0.1) * k))
    } else {
        None
    }
}

/// Buckets of things by the cells of a square grid their bounding boxes cover.
struct Buckets {
    cell: f64,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl Buckets {
    fn new(cell: f64) -> Self {
        Buckets {
            cell,
            cells: HashMap::new(),
        }
    }
    fn range(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
    ) -> impl Iterator<Item = (i64, i64)> + use<> {
        let c = self.cell;
        let (c0, r0, c1, r1) = (
            (x0 / c).floor() as i64,
            (y0 / c).floor() as i64,
            (x1 / c).floor() as i64,
            (y1 / c).floor() as i64,
        );
        (r0..=r1).flat_map(move |r| (c0..=c1).map(move |col| (col, r)))
    }
    fn insert(&mut self, item: usize, x0: f64, y0: f64, x1: f64, y1: f64) {
        for key in self.range(x0, y0, x1, y1) {
            self.cells.entry(key).or_default().push(item);
        }
    }
    fn cell_of(&self, p: (f64, f64)) -> (i64, i64) {
        (
            (p.0 / self.cell).floor() as i64,
            (p.1 / self.cell).floor() as i64,
        )
    }
}

pub fn measure(drawing: &Drawing) -> Measures {
    let mut boxes = Buckets::new(256.0);
    for (i, r) in drawing.boxes.iter().enumerate() {
        boxes.insert(i, r.x, r.y, r.x + r.width, r.y + r.height);
    }
    let (mut lines_through_boxes, mut box_hits) = (0, 0);
    let mut segments: Vec<(usize, Segment)> = Vec::new();
    for (index, line) in drawing.lines.iter().enumerate() {
        let mut hit: BTreeSet<usize> = BTreeSet::new();
        for w in line.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            segments.push((index, (a, b)));
            for key in boxes.range(a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1)) {
                for &i in boxes.cells.get(&key).into_iter().flatten() {
                    if i != line.source && i != line.target && through(a, b, &drawing.boxes[i]) {
                        hit.insert(i);
                    }
                }
            }
        }
        if !hit.is_empty() {
            lines_through_boxes += 1;
            box_hits += hit.len();
        }
    }
    let mut grid = Buckets::new(128.0);
    for (i, (_, (a, b))) in segments.iter().enumerate() {
        grid.insert(i, a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
    }
    let mut crossings = 0;
    for (key, members) in &grid.cells {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let ((li, s), (lj, t)) = (segments[i], segments[j]);
                if li == lj {
                    continue;
                }
                // Counted once: in the cell that holds the crossing.
                if let Some(p) = crossing(s, t).filter(|p| grid.cell_of(*p) == *key) {
                    let _ = p;
                    crossings += 1;
                }
            }
        }
    }
    let extent = drawing.boxes.iter().chain(&drawing.frames).fold(
        None,
        |acc: Option<(f64, f64, f64, f64)>, r| {
            let (x0, y0, x1, y1) = acc.unwrap_or((r.x, r.y, r.x + r.width, r.y + r.height));
            Some((
                x0.min(r.x),
                y0.min(r.y),
                x1.max(r.x + r.width),
                y1.max(r.y + r.height),
            ))
        },
    );
    let (width, height) = extent.map_or((0.0, 0.0), |(x0, y0, x1, y1)| (x1 - x0, y1 - y0));
    Measures {
        lines_through_boxes,
        box_hits,
        crossings,
        aspect: if height > 0.0 { width / height } else { 0.0 },
        area_per_element: width * height / drawing.boxes.len().max(1) as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_through_a_box_between_its_ends_and_a_crossing_are_counted() {
        let boxes = vec![
            Rect::new(0.0, 0.0, 10.0, 10.0),
            Rect::new(20.0, 0.0, 10.0, 10.0),
            Rect::new(40.0, 0.0, 10.0, 10.0),
        ];
        let lines = vec![
            // Through the middle box.
            Line {
                source: 0,
                target: 2,
                points: vec![(10.0, 5.0), (40.0, 5.0)],
            },
            // Above the boxes, crossed by the next one.
            Line {
                source: 0,
                target: 1,
                points: vec![(5.0, 0.0), (5.0, -10.0), (25.0, -10.0), (25.0, 0.0)],
            },
            Line {
                source: 1,
                target: 2,
                points: vec![(15.0, -20.0), (15.0, -5.0)],
            },
        ];
        let m = measure(&Drawing {
            boxes,
            frames: Vec::new(),
            lines,
        });
        assert_eq!((m.lines_through_boxes, m.box_hits, m.crossings), (1, 1, 1));
        assert!((m.aspect - 5.0).abs() < 1e-9);
    }
}
