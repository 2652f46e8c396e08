//! A relation's line on the page: from the facing sides of its two boxes,
//! as a Bézier curve shaped like React Flow's, so exports and the canvas
//! (ui/src/editor/edgeGeometry.ts) draw the same lines.

use tiermap_model::{ElementId, Rect, Relation, RelationId, RelationKind};

use crate::palette::{self, LineStyle};
use crate::scene::Point;

/// Which side of a box a line leaves or enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

/// A relation's line: a curve from the source's facing side to the target's, with an arrowhead at the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Connector {
    pub relation: RelationId,
    pub kind: RelationKind,
    pub source: ElementId,
    pub target: ElementId,
    pub start: Point,
    pub start_side: Side,
    pub end: Point,
    pub end_side: Side,
    /// Cubic Bézier control points (as React Flow's bezier edge).
    pub control1: Point,
    pub control2: Point,
    pub style: LineStyle,
}

fn centre(r: &Rect) -> Point {
    Point {
        x: r.x + r.width / 2.0,
        y: r.y + r.height / 2.0,
    }
}

fn anchor(r: &Rect, side: Side) -> Point {
    let c = centre(r);
    match side {
        Side::Top => Point { x: c.x, y: r.y },
        Side::Bottom => Point {
            x: c.x,
            y: r.y + r.height,
        },
        Side::Left => Point { x: r.x, y: c.y },
        Side::Right => Point {
            x: r.x + r.width,
            y: c.y,
        },
    }
}

/// The facing sides of two boxes, as the canvas chooses them (ui/src/editor/edgeGeometry.ts).
fn facing_sides(source: &Rect, target: &Rect) -> (Side, Side) {
    let (s, t) = (centre(source), centre(target));
    let vertical_gap = (t.y - s.y).abs() - (source.height + target.height) / 2.0;
    let horizontal_gap = (t.x - s.x).abs() - (source.width + target.width) / 2.0;
    if vertical_gap > 0.0 && vertical_gap >= horizontal_gap {
        if t.y < s.y {
            (Side::Top, Side::Bottom)
        } else {
            (Side::Bottom, Side::Top)
        }
    } else if t.x < s.x {
        (Side::Left, Side::Right)
    } else {
        (Side::Right, Side::Left)
    }
}

/// React Flow's bezier control point: out from the side, half the distance
/// when the other end lies ahead, a gentle loop when it lies behind.
fn control_point(from: Point, side: Side, to: Point) -> Point {
    let offset = |distance: f64| {
        if distance >= 0.0 {
            0.5 * distance
        } else {
            0.25 * 25.0 * (-distance).sqrt()
        }
    };
    match side {
        Side::Left => Point {
            x: from.x - offset(from.x - to.x),
            y: from.y,
        },
        Side::Right => Point {
            x: from.x + offset(to.x - from.x),
            y: from.y,
        },
        Side::Top => Point {
            x: from.x,
            y: from.y - offset(from.y - to.y),
        },
        Side::Bottom => Point {
            x: from.x,
            y: from.y + offset(to.y - from.y),
        },
    }
}

pub fn connector(relation: &Relation, source: &Rect, target: &Rect) -> Connector {
    let (start_side, end_side) = facing_sides(source, target);
    let (start, end) = (anchor(source, start_side), anchor(target, end_side));
    Connector {
        relation: relation.id,
        kind: relation.kind,
        source: relation.source,
        target: relation.target,
        start,
        start_side,
        end,
        end_side,
        control1: control_point(start, start_side, end),
        control2: control_point(end, end_side, start),
        style: palette::relation_style(relation.kind),
    }
}
