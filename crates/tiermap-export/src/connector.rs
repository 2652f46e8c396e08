//! Relation lines on the page, routed by the core (`tiermap_model::layout::routing`)
//! around the boxes and the groups' title bars: horizontal and vertical
//! segments from a port on a side of the source to one on a side of the
//! target. Writers round the corners (at most `CORNER_RADIUS`, which keeps a
//! rounded corner as clear of the boxes as the square one).

use std::collections::BTreeMap;

use tiermap_model::layout::routing::{self, Link};
use tiermap_model::{ElementId, Rect, Relation, RelationId, RelationKind};

pub use tiermap_model::layout::routing::{CORNER_RADIUS, Point, Side};

use crate::palette::{self, LineStyle};
use crate::scene::{ElementShape, GroupShape};

/// A relation's line: `points` from the source's `start_side` to the
/// target's `end_side`, with an arrowhead at the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Connector {
    pub relation: RelationId,
    pub kind: RelationKind,
    pub source: ElementId,
    pub target: ElementId,
    /// At least two; consecutive points share an x or a y.
    pub points: Vec<Point>,
    pub start_side: Side,
    pub end_side: Side,
    /// False when the boxes left no way round (they overlap or are walled
    /// in): the line then joins their facing sides and may cross other boxes.
    pub routed: bool,
    pub style: LineStyle,
}

impl Connector {
    pub fn start(&self) -> Point {
        self.points[0]
    }
    pub fn end(&self) -> Point {
        self.points[self.points.len() - 1]
    }
}

/// The parts of a group's header that lines keep off: its name and kind
/// label, and its owner badges (the rest of the bar is free for lines).
fn title_bars(groups: &[GroupShape]) -> Vec<Rect> {
    let mut bars = Vec::with_capacity(groups.len() * 2);
    for group in groups {
        let name = &group.name;
        let right = group
            .kind_label
            .as_ref()
            .map_or(name.x + name.width(), |k| k.x + k.width())
            .min(group.rect.x + group.rect.width);
        let bottom = (name.top + name.height() + 2.0).min(group.rect.y + group.rect.height);
        bars.push(Rect::new(
            group.rect.x,
            group.rect.y,
            right + 4.0 - group.rect.x,
            bottom - group.rect.y,
        ));
        if let (Some(first), Some(last)) = (group.badges.first(), group.badges.last()) {
            let (left, right) = (first.rect.x, last.rect.x + last.rect.width);
            bars.push(Rect::new(
                left,
                group.rect.y,
                right - left,
                first.rect.y + first.rect.height - group.rect.y,
            ));
        }
    }
    bars
}

/// The lines of `relations` between the drawn `elements`; a relation whose
/// ends are not both drawn, or which joins an element to itself, has none.
pub fn connectors(
    relations: &[&Relation],
    elements: &[ElementShape],
    groups: &[GroupShape],
) -> Vec<Connector> {
    let index: BTreeMap<ElementId, usize> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, i))
        .collect();
    let drawn: Vec<(&Relation, Link)> = relations
        .iter()
        .filter(|r| r.source != r.target)
        .filter_map(|r| {
            Some((
                *r,
                Link {
                    source: *index.get(&r.source)?,
                    target: *index.get(&r.target)?,
                },
            ))
        })
        .collect();
    let boxes: Vec<Rect> = elements.iter().map(|e| e.rect).collect();
    let links: Vec<Link> = drawn.iter().map(|(_, link)| *link).collect();
    let routes = routing::route(&boxes, &title_bars(groups), &links);
    drawn
        .into_iter()
        .zip(routes)
        .filter(|(_, route)| route.points.len() >= 2)
        .map(|((relation, _), route)| Connector {
            relation: relation.id,
            kind: relation.kind,
            source: relation.source,
            target: relation.target,
            points: route.points,
            start_side: route.start_side,
            end_side: route.end_side,
            routed: route.routed,
            style: palette::relation_style(relation.kind),
        })
        .collect()
}

/// A corner rounded with at most `CORNER_RADIUS`, and never more than half
/// of either segment it joins: where the curve leaves the first segment, the
/// corner itself (the control point), and where it joins the second.
pub fn rounded_corners(points: &[Point]) -> Vec<(Point, Point, Point)> {
    let mut corners = Vec::with_capacity(points.len().saturating_sub(2));
    for w in points.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        let before = (b.x - a.x).abs() + (b.y - a.y).abs();
        let after = (c.x - b.x).abs() + (c.y - b.y).abs();
        let r = CORNER_RADIUS.min(before / 2.0).min(after / 2.0);
        let toward = |from: Point, to: Point, length: f64| {
            let t = if length > 0.0 { r / length } else { 0.0 };
            Point {
                x: from.x + (to.x - from.x) * t,
                y: from.y + (to.y - from.y) * t,
            }
        };
        corners.push((toward(b, a, before), b, toward(b, c, after)));
    }
    corners
}
