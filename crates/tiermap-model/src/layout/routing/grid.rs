//! The lines a route may follow and which stretches of them are closed.
//! Vertical lines run `MARGIN` left and right of every obstacle and through
//! every box's centre; horizontal ones likewise. Each line keeps the sorted
//! intervals where it passes through an obstacle grown by `CLEARANCE`, so
//! whether a node or the stretch to the next node is open is a binary search.

use super::{CLEARANCE, MARGIN};
use crate::records::Rect;

/// Lines closer than this are one line.
const SAME_LINE: f64 = 0.5;

pub struct Grid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Per horizontal line (index into `ys`): closed x-intervals, sorted and disjoint.
    closed_rows: Vec<Vec<(f64, f64)>>,
    /// Per vertical line (index into `xs`): closed y-intervals.
    closed_columns: Vec<Vec<(f64, f64)>>,
}

fn lines(mut values: Vec<f64>) -> Vec<f64> {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::with_capacity(values.len());
    for v in values {
        if out.last().is_none_or(|last| v - last >= SAME_LINE) {
            out.push(v);
        }
    }
    out
}

/// Intervals sorted and joined where they overlap or touch.
fn merged(mut intervals: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Whether `q` lies strictly inside one of `closed`.
fn inside(closed: &[(f64, f64)], q: f64) -> bool {
    let n = closed.partition_point(|iv| iv.0 < q);
    n > 0 && closed[n - 1].1 > q
}

/// Whether the open span (lo, hi) meets one of `closed`.
fn meets(closed: &[(f64, f64)], lo: f64, hi: f64) -> bool {
    let n = closed.partition_point(|iv| iv.0 < hi);
    n > 0 && closed[n - 1].1 > lo
}

impl Grid {
    pub fn new(obstacles: &[Rect], boxes: &[Rect]) -> Self {
        let finite = |r: &&Rect| [r.x, r.y, r.width, r.height].iter().all(|v| v.is_finite());
        let mut xs = Vec::with_capacity(obstacles.len() * 2 + boxes.len());
        let mut ys = Vec::with_capacity(obstacles.len() * 2 + boxes.len());
        for r in obstacles.iter().filter(finite) {
            xs.extend([r.x - MARGIN, r.x + r.width + MARGIN]);
            ys.extend([r.y - MARGIN, r.y + r.height + MARGIN]);
        }
        for r in boxes.iter().filter(finite) {
            xs.push(r.x + r.width / 2.0);
            ys.push(r.y + r.height / 2.0);
        }
        let (xs, ys) = (lines(xs), lines(ys));
        let mut closed_rows = vec![Vec::new(); ys.len()];
        let mut closed_columns = vec![Vec::new(); xs.len()];
        for r in obstacles.iter().filter(finite) {
            let (left, right) = (r.x - CLEARANCE, r.x + r.width + CLEARANCE);
            let (top, bottom) = (r.y - CLEARANCE, r.y + r.height + CLEARANCE);
            let first = ys.partition_point(|&y| y <= top);
            for row in closed_rows
                .iter_mut()
                .take(ys.partition_point(|&y| y < bottom))
                .skip(first)
            {
                row.push((left, right));
            }
            let first = xs.partition_point(|&x| x <= left);
            for column in closed_columns
                .iter_mut()
                .take(xs.partition_point(|&x| x < right))
                .skip(first)
            {
                column.push((top, bottom));
            }
        }
        Grid {
            closed_rows: closed_rows.into_iter().map(merged).collect(),
            closed_columns: closed_columns.into_iter().map(merged).collect(),
            xs,
            ys,
        }
    }

    pub fn open_node(&self, i: usize, j: usize) -> bool {
        !inside(&self.closed_rows[j], self.xs[i])
    }

    /// The stretch from node (i, j) to (i + 1, j).
    pub fn open_right(&self, i: usize, j: usize) -> bool {
        !meets(&self.closed_rows[j], self.xs[i], self.xs[i + 1])
    }

    /// The stretch from node (i, j) to (i, j + 1).
    pub fn open_down(&self, i: usize, j: usize) -> bool {
        !meets(&self.closed_columns[i], self.ys[j], self.ys[j + 1])
    }

    /// Index of the line nearest to `v` in `values`.
    pub fn nearest(values: &[f64], v: f64) -> usize {
        let n = values.partition_point(|&x| x < v);
        if n == 0 {
            0
        } else if n == values.len() || v - values[n - 1] <= values[n] - v {
            n - 1
        } else {
            n
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_through_a_box_is_closed_there_and_open_beside_it() {
        let boxes = [Rect::new(0.0, 0.0, 100.0, 50.0)];
        let grid = Grid::new(&boxes, &boxes);
        assert_eq!(grid.xs, [-MARGIN, 50.0, 100.0 + MARGIN]);
        assert_eq!(grid.ys, [-MARGIN, 25.0, 50.0 + MARGIN]);
        assert!(!grid.open_node(1, 1), "the centre is inside");
        assert!(grid.open_node(0, 1) && grid.open_node(2, 1));
        assert!(!grid.open_right(0, 1), "the middle row crosses the box");
        assert!(grid.open_right(0, 0), "the row above passes it");
        assert!(grid.open_down(0, 0) && !grid.open_down(1, 0));
    }

    #[test]
    fn intervals_join_and_are_found() {
        let closed = merged(vec![(5.0, 8.0), (0.0, 2.0), (1.0, 3.0), (8.0, 9.0)]);
        assert_eq!(closed, [(0.0, 3.0), (5.0, 9.0)]);
        assert!(inside(&closed, 1.0) && !inside(&closed, 4.0) && !inside(&closed, 3.0));
        assert!(meets(&closed, 2.5, 6.0) && !meets(&closed, 3.0, 5.0));
    }
}
