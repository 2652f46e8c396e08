//! After every line has its path: ports spread along each box side, and
//! segments that share a line moved apart inside their channel. A route is
//! a list of points whose segments alternate between horizontal and
//! vertical, so moving a segment sideways is changing one coordinate of its
//! two points; the segments before and after it only grow or shrink.

use std::collections::BTreeMap;

use super::clear::Clear;
use super::{CLEARANCE, Link, MARGIN, Point, Route, Side};
use crate::records::Rect;

/// Space between lines that share a channel, when it has room for them.
const SPACING: f64 = 5.0;

/// Drops repeated points and points in the middle of a straight stretch.
pub fn simplify(points: &mut Vec<Point>) {
    points.dedup_by(|b, a| (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9);
    let mut i = 1;
    while i + 1 < points.len() {
        let (a, b, c) = (points[i - 1], points[i], points[i + 1]);
        let same_x = (a.x - b.x).abs() < 1e-9 && (b.x - c.x).abs() < 1e-9;
        let same_y = (a.y - b.y).abs() < 1e-9 && (b.y - c.y).abs() < 1e-9;
        if same_x || same_y {
            points.remove(i);
        } else {
            i += 1;
        }
    }
}

fn along_x(side: Side) -> bool {
    matches!(side, Side::Top | Side::Bottom)
}

fn get(p: Point, x: bool) -> f64 {
    if x { p.x } else { p.y }
}

fn set(p: &mut Point, x: bool, v: f64) {
    if x { p.x = v } else { p.y = v }
}

fn sign(v: f64) -> i8 {
    if v > 1e-9 {
        1
    } else if v < -1e-9 {
        -1
    } else {
        0
    }
}

/// One end of a route on a box side.
struct Attachment {
    route: usize,
    /// True for the route's start, false for its end.
    start: bool,
    /// Which way the line turns after leaving the side (-1, 0, 1 along it)
    /// and how far out it turns: this orders the ports so that lines leaving
    /// one side do not cross each other next to the box.
    turn: i8,
    reach: f64,
}

impl Attachment {
    fn order_key(&self) -> (i8, f64) {
        // Lines turning towards the side's start sit first, the nearest turn
        // outermost; lines turning the other way last, mirrored.
        match self.turn {
            -1 => (-1, self.reach),
            1 => (1, -self.reach),
            _ => (0, 0.0),
        }
    }
}

/// Spreads the ports of each box side evenly along it, in crossing-free order.
pub fn spread_ports(routes: &mut [Route], links: &[Link], boxes: &[Rect], clear: &Clear) {
    let mut sides: BTreeMap<(usize, Side), Vec<Attachment>> = BTreeMap::new();
    for (index, route) in routes.iter_mut().enumerate() {
        if !route.routed || route.points.len() < 2 {
            continue;
        }
        if route.points.len() == 2 {
            // A straight line: give it a (for now empty) jog halfway, so each end can move on its own.
            let (a, b) = (route.points[0], route.points[1]);
            let mid = Point {
                x: (a.x + b.x) / 2.0,
                y: (a.y + b.y) / 2.0,
            };
            route.points = vec![a, mid, mid, b];
        }
        for start in [true, false] {
            let (side, p) = if start {
                (route.start_side, &route.points[..])
            } else {
                (route.end_side, &route.points[..])
            };
            let n = p.len();
            let (port, bend, after) = if start {
                (p[0], p[1], p.get(2).copied())
            } else {
                (p[n - 1], p[n - 2], n.checked_sub(3).map(|i| p[i]))
            };
            let x = along_x(side);
            let turn = after.map_or(0, |a| sign(get(a, x) - get(bend, x)));
            let reach = (get(bend, !x) - get(port, !x)).abs();
            let owner = if start {
                links[index].source
            } else {
                links[index].target
            };
            sides.entry((owner, side)).or_default().push(Attachment {
                route: index,
                start,
                turn,
                reach,
            });
        }
    }
    for ((owner, side), mut attachments) in sides {
        attachments.sort_by(|a, b| {
            let (ka, kb) = (a.order_key(), b.order_key());
            ka.0.cmp(&kb.0)
                .then(ka.1.total_cmp(&kb.1))
                .then(a.route.cmp(&b.route))
                .then(a.start.cmp(&b.start))
        });
        let r = &boxes[owner];
        let x = along_x(side);
        let (low, length) = if x { (r.x, r.width) } else { (r.y, r.height) };
        let count = attachments.len() as f64;
        for (k, attachment) in attachments.iter().enumerate() {
            let position = low + length * (k as f64 + 1.0) / (count + 1.0);
            let route = &mut routes[attachment.route];
            let n = route.points.len();
            let (a, b) = if attachment.start {
                (0, 1)
            } else {
                (n - 1, n - 2)
            };
            let before = (route.points[a], route.points[b]);
            set(&mut route.points[a], x, position);
            set(&mut route.points[b], x, position);
            let link = links[attachment.route];
            if !clear.route(&route.points, link.source, link.target) {
                route.points[a] = before.0;
                route.points[b] = before.1;
            }
        }
    }
}

/// An inner segment of a route (never the first or last, which the ports hold).
struct Stretch {
    route: usize,
    segment: usize,
    low: f64,
    high: f64,
    /// Its place across the channel, low first: a line whose end turns
    /// towards the low side goes further that way the further out along
    /// the channel that end is, so the lines sharing it nest instead of
    /// crossing where they leave it.
    rank: f64,
    /// For lines whose ends turn at the same places: the one that leaves the
    /// shared way soonest goes to the side it then turns to.
    tie: f64,
}

/// Moves segments that share a stretch of one line apart, centred on it and
/// inside the channel (never further than `MARGIN - CLEARANCE` from it).
pub fn separate(routes: &mut [Route], links: &[Link], clear: &Clear) {
    // Key: (horizontal?, coordinate's bits).
    let mut lines: BTreeMap<(bool, u64), Vec<Stretch>> = BTreeMap::new();
    for (index, route) in routes.iter().enumerate() {
        let p = &route.points;
        if !route.routed || p.len() < 4 {
            continue;
        }
        for segment in 1..p.len() - 2 {
            let (a, b) = (p[segment], p[segment + 1]);
            let horizontal = (a.y - b.y).abs() < 1e-9;
            if horizontal && (a.x - b.x).abs() < 1e-9 {
                continue;
            }
            let along = horizontal;
            let across = !horizontal;
            let coordinate = get(a, across);
            // Which way the neighbouring segments leave, at the low and the high end.
            let (before, after) = (
                f64::from(sign(get(p[segment - 1], across) - coordinate)),
                f64::from(sign(get(p[segment + 2], across) - coordinate)),
            );
            let (low, high) = (
                get(a, along).min(get(b, along)),
                get(a, along).max(get(b, along)),
            );
            let (turn_low, turn_high) = if get(a, along) <= get(b, along) {
                (before, after)
            } else {
                (after, before)
            };
            let rank = turn_low * low - turn_high * high;
            // How far each neighbour runs (`reach`) and which way along this
            // line the route turns after it: -1 back towards the low end, 1 on.
            let onward = |corner: usize, far: usize, next: Option<usize>| {
                let reach = (get(p[far], across) - get(p[corner], across))
                    .abs()
                    .max(1.0);
                let turn = next.map_or(0.0, |n| {
                    f64::from(sign(get(p[n], along) - get(p[far], along)))
                });
                turn / reach
            };
            let at_a = onward(segment, segment - 1, segment.checked_sub(2));
            let at_b = onward(
                segment + 1,
                segment + 2,
                (segment + 3 < p.len()).then_some(segment + 3),
            );
            let (onward_low, onward_high) = if get(a, along) <= get(b, along) {
                (at_a, at_b)
            } else {
                (at_b, at_a)
            };
            let tie = turn_low * onward_low - turn_high * onward_high;
            lines
                .entry((horizontal, coordinate.to_bits()))
                .or_default()
                .push(Stretch {
                    route: index,
                    segment,
                    low,
                    high,
                    rank,
                    tie,
                });
        }
    }
    let mut moved: BTreeMap<usize, Vec<Point>> = BTreeMap::new();
    for ((horizontal, bits), mut stretches) in lines {
        stretches.sort_by(|a, b| {
            a.low
                .total_cmp(&b.low)
                .then(a.route.cmp(&b.route))
                .then(a.segment.cmp(&b.segment))
        });
        let coordinate = f64::from_bits(bits);
        let mut first = 0;
        while first < stretches.len() {
            // A cluster: stretches that overlap, directly or through each other.
            let mut end = first + 1;
            let mut reach = stretches[first].high;
            while end < stretches.len() && stretches[end].low < reach - 1e-9 {
                reach = reach.max(stretches[end].high);
                end += 1;
            }
            let cluster = &mut stretches[first..end];
            if cluster.len() > 1 {
                cluster.sort_by(|a, b| {
                    a.rank
                        .total_cmp(&b.rank)
                        .then(a.tie.total_cmp(&b.tie))
                        .then(a.route.cmp(&b.route))
                        .then(a.segment.cmp(&b.segment))
                });
                let n = cluster.len() as f64;
                let spacing = SPACING.min(2.0 * (MARGIN - CLEARANCE - 1.0) / (n - 1.0));
                for (k, stretch) in cluster.iter().enumerate() {
                    let offset = (k as f64 - (n - 1.0) / 2.0) * spacing;
                    let points = moved
                        .entry(stretch.route)
                        .or_insert_with(|| routes[stretch.route].points.clone());
                    set(
                        &mut points[stretch.segment],
                        !horizontal,
                        coordinate + offset,
                    );
                    set(
                        &mut points[stretch.segment + 1],
                        !horizontal,
                        coordinate + offset,
                    );
                }
            }
            first = end;
        }
    }
    for (index, points) in moved {
        let link = links[index];
        if clear.route(&points, link.source, link.target) {
            routes[index].points = points;
        }
    }
}
