//! Relation lines routed around boxes: orthogonal paths that never pass
//! through a box that is not one of their ends, nor through a keep-out area
//! (a group's title bar), with ports spread along a box's side and lines that
//! share a channel drawn apart. Pure and deterministic: the same boxes and
//! links give the same routes on every run and machine.
//!
//! How, in the spirit of libavoid's orthogonal visibility graph and ELK's
//! orthogonal edge routing (no code from either):
//! 1. `grid`: candidate lines run `MARGIN` outside every obstacle's sides and
//!    through every box's centre; where they cross are the nodes a line may
//!    turn at. A node or a stretch of line inside an obstacle (grown by
//!    `CLEARANCE`) is closed.
//! 2. `search`: each link, shortest first, is an A* search from the four
//!    sides of its source to the four sides of its target, paying for length,
//!    for every bend and for a node an earlier line already uses (which
//!    keeps crossings and overlaps low).
//! 3. `refine`: segments that share a line are moved apart inside their
//!    channel, nested by where they turn, then the ports of one box side are
//!    spread along it in the order that avoids crossings near the box. Every change is checked against the
//!    obstacles (`clear`) and undone for a line it would make touch one.

mod clear;
mod grid;
mod map;
mod refine;
mod search;
#[cfg(test)]
mod tests;

use crate::records::Rect;

pub use map::{MapRouting, RoutedRelation, map_routes, map_routing};

/// How far a line keeps from boxes it does not end at, and from keep-out areas.
pub const CLEARANCE: f64 = 4.0;
/// Where lines run beside a box: half the layout's gap, so the line between
/// two neighbouring boxes is the middle of the channel they leave.
pub const MARGIN: f64 = 12.0;
/// Largest radius a writer may round a corner with: twice the clearance keeps
/// the arc clear of any box the corner itself is clear of.
pub const CORNER_RADIUS: f64 = 2.0 * CLEARANCE;

/// A point on the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Which side of a box a line leaves or enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Top, Side::Bottom, Side::Left, Side::Right];
}

/// A line to draw from `boxes[source]` to `boxes[target]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub source: usize,
    pub target: usize,
}

/// A routed line: `points[0]` lies on the source's `start_side`, the last
/// point on the target's `end_side`, and consecutive points differ in one
/// coordinate only. `routed` is false when no path exists (the boxes overlap
/// or are walled in closer than `MARGIN`): the line then joins the facing
/// sides directly and may cross other boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub points: Vec<Point>,
    pub start_side: Side,
    pub end_side: Side,
    pub routed: bool,
}

/// Routes every link around `boxes` and `keep_out` areas. Links whose two
/// ends are the same box, or name a box that does not exist, get an empty route.
pub fn route(boxes: &[Rect], keep_out: &[Rect], links: &[Link]) -> Vec<Route> {
    let obstacles: Vec<Rect> = boxes.iter().chain(keep_out).copied().collect();
    let grid = grid::Grid::new(&obstacles, boxes);
    let clear = clear::Clear::new(&obstacles);
    let mut routes: Vec<Route> = vec![
        Route {
            points: Vec::new(),
            start_side: Side::Right,
            end_side: Side::Left,
            routed: false
        };
        links.len()
    ];
    // Short lines first: they have the fewest ways round, and the long ones
    // then avoid what the short ones use.
    let mut order: Vec<usize> = (0..links.len())
        .filter(|&i| {
            let l = links[i];
            l.source != l.target && l.source < boxes.len() && l.target < boxes.len()
        })
        .collect();
    order.sort_by(|&a, &b| {
        let length = |i: usize| centre_distance(&boxes[links[i].source], &boxes[links[i].target]);
        length(a).total_cmp(&length(b)).then(a.cmp(&b))
    });
    let mut searcher = search::Searcher::new(&grid);
    for &i in &order {
        let (source, target) = (links[i].source, links[i].target);
        routes[i] = match searcher.find(&boxes[source], &boxes[target], &clear, source, target) {
            Some(route) => route,
            None => straight(&boxes[source], &boxes[target]),
        };
    }
    // Channels first: the order lines take across a channel then decides
    // the order of their ports, so the two agree.
    refine::separate(&mut routes, links, &clear);
    refine::spread_ports(&mut routes, links, boxes, &clear);
    for route in &mut routes {
        refine::simplify(&mut route.points);
    }
    routes
}

fn centre(r: &Rect) -> Point {
    Point {
        x: r.x + r.width / 2.0,
        y: r.y + r.height / 2.0,
    }
}

fn centre_distance(a: &Rect, b: &Rect) -> f64 {
    let (a, b) = (centre(a), centre(b));
    (a.x - b.x).abs() + (a.y - b.y).abs()
}

/// The middle of a box's side.
pub fn side_middle(r: &Rect, side: Side) -> Point {
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

/// The unrouted fallback: facing sides joined by an elbow.
fn straight(source: &Rect, target: &Rect) -> Route {
    let (s, t) = (centre(source), centre(target));
    let vertical_gap = (t.y - s.y).abs() - (source.height + target.height) / 2.0;
    let horizontal_gap = (t.x - s.x).abs() - (source.width + target.width) / 2.0;
    let (start_side, end_side) = if vertical_gap > 0.0 && vertical_gap >= horizontal_gap {
        if t.y < s.y {
            (Side::Top, Side::Bottom)
        } else {
            (Side::Bottom, Side::Top)
        }
    } else if t.x < s.x {
        (Side::Left, Side::Right)
    } else {
        (Side::Right, Side::Left)
    };
    let (a, b) = (
        side_middle(source, start_side),
        side_middle(target, end_side),
    );
    let points = if matches!(start_side, Side::Top | Side::Bottom) {
        let mid = (a.y + b.y) / 2.0;
        vec![a, Point { x: a.x, y: mid }, Point { x: b.x, y: mid }, b]
    } else {
        let mid = (a.x + b.x) / 2.0;
        vec![a, Point { x: mid, y: a.y }, Point { x: mid, y: b.y }, b]
    };
    Route {
        points,
        start_side,
        end_side,
        routed: false,
    }
}
