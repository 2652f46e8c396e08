//! One line's path through the grid: A* over (node, heading) from a node just
//! outside each side of the source to one just outside each side of the
//! target. A step costs its length, a turn `BEND` more, and a node an earlier
//! line passes through `SHARED` more, so lines spread over free channels and
//! cross each other only where that saves a long way round. The estimate
//! counts the bends still needed and is weighted (`GREED`), which keeps a
//! search across a large map to little more than the nodes along its way.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use super::clear::Clear;
use super::grid::Grid;
use super::{MARGIN, Point, Route, Side, refine};
use crate::records::Rect;

/// A bend costs as much as this much length.
const BEND: f64 = 30.0;
/// Passing a node another line already uses costs this much more (once,
/// however many lines use it: a growing price makes the search wander).
const SHARED: f64 = 12.0;
/// A search that has looked at this many states gives up (the line is then
/// drawn unrouted) rather than hold up the whole drawing.
const MAX_EXPANSIONS: usize = 3_000_000;

/// Headings: right, left, down, up.
const STEPS: [(isize, isize); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];

fn outward(side: Side) -> usize {
    match side {
        Side::Right => 0,
        Side::Left => 1,
        Side::Bottom => 2,
        Side::Top => 3,
    }
}

fn reverse(heading: usize) -> usize {
    heading ^ 1
}

/// Fowler–Noll–Vo style multiply-xor over the key: the states are small
/// integers, and std's SipHash would dominate the search's time.
#[derive(Default)]
struct StateHasher(u64);

impl Hasher for StateHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (v ^ (v >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        self.0 ^= self.0 >> 32;
    }
}

type StateMap<V> = HashMap<u64, V, BuildHasherDefault<StateHasher>>;

#[derive(PartialEq)]
struct Entry {
    estimate: f64,
    /// Cost so far: among equal estimates the one furthest along goes first,
    /// so a search across open space does not explore every equal path.
    cost: f64,
    state: u64,
    /// Set when this entry is a finished path ending at that side of the target.
    goal: Option<Side>,
}

impl Eq for Entry {}

impl Ord for Entry {
    // Smallest estimate first; ties go to the smaller state, so the order never
    // depends on anything but the input.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .estimate
            .total_cmp(&self.estimate)
            .then(self.cost.total_cmp(&other.cost))
            .then(other.state.cmp(&self.state))
            .then(other.goal.cmp(&self.goal))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// An end of a line: the node just outside one side of a box and the port on that side.
struct Stub {
    side: Side,
    node: (usize, usize),
    port: Point,
}

/// Best known cost and predecessor per state: a flat table stamped per
/// search when the grid is small enough, a hash map when it is not.
enum Costs {
    Table {
        cost: Vec<f64>,
        parent: Vec<u64>,
        stamp: Vec<u32>,
        now: u32,
    },
    Map(StateMap<(f64, u64)>),
}

/// Grids up to this many states use flat tables (about 24 bytes a state).
const TABLE_STATES: usize = 8_000_000;

impl Costs {
    fn new(states: usize) -> Self {
        if states <= TABLE_STATES {
            Costs::Table {
                cost: vec![0.0; states],
                parent: vec![0; states],
                stamp: vec![0; states],
                now: 0,
            }
        } else {
            Costs::Map(StateMap::default())
        }
    }

    fn clear(&mut self) {
        match self {
            Costs::Table { now, stamp, .. } => {
                *now = now.wrapping_add(1);
                if *now == 0 {
                    stamp.fill(0);
                    *now = 1;
                }
            }
            Costs::Map(map) => map.clear(),
        }
    }

    fn get(&self, state: u64) -> Option<(f64, u64)> {
        match self {
            Costs::Table {
                cost,
                parent,
                stamp,
                now,
            } => {
                let i = state as usize;
                (stamp[i] == *now).then(|| (cost[i], parent[i]))
            }
            Costs::Map(map) => map.get(&state).copied(),
        }
    }

    fn set(&mut self, state: u64, value: f64, from: u64) {
        match self {
            Costs::Table {
                cost,
                parent,
                stamp,
                now,
            } => {
                let i = state as usize;
                (cost[i], parent[i], stamp[i]) = (value, from, *now);
            }
            Costs::Map(map) => {
                map.insert(state, (value, from));
            }
        }
    }
}

/// The estimate's weight: above 1 the search heads for the target more
/// greedily, finding a path a little longer than the shortest in a fraction
/// of the time.
const GREED: f64 = 1.3;

/// Fewest bends from heading `heading` at (x, y) to a stub at `to` entered heading `inward`.
fn fewest_bends(heading: usize, x: f64, y: f64, to: Point, inward: usize) -> f64 {
    let (dx, dy) = (to.x - x, to.y - y);
    let (forward, sideways) = match heading {
        0 => (dx, dy),
        1 => (-dx, dy),
        2 => (dy, dx),
        _ => (-dy, dx),
    };
    if forward < -1e-9 {
        2.0
    } else if sideways.abs() > 1e-9 || heading != inward {
        1.0
    } else {
        0.0
    }
}

pub struct Searcher<'g> {
    grid: &'g Grid,
    costs: Costs,
    /// How many routed lines pass each node.
    used: Vec<u16>,
}

impl<'g> Searcher<'g> {
    pub fn new(grid: &'g Grid) -> Self {
        let nodes = grid.xs.len() * grid.ys.len();
        let small = nodes * 4 <= TABLE_STATES;
        Searcher {
            grid,
            costs: Costs::new(nodes * 4),
            used: if small { vec![0; nodes] } else { Vec::new() },
        }
    }

    fn usage(&self, node: usize) -> u16 {
        self.used.get(node).copied().unwrap_or(0)
    }

    fn stubs(&self, r: &Rect, clear: &Clear, own: usize) -> Vec<Stub> {
        let grid = self.grid;
        let (cx, cy) = (
            Grid::nearest(&grid.xs, r.x + r.width / 2.0),
            Grid::nearest(&grid.ys, r.y + r.height / 2.0),
        );
        let mut stubs = Vec::with_capacity(4);
        for side in Side::ALL {
            let node = match side {
                Side::Top => (cx, Grid::nearest(&grid.ys, r.y - MARGIN)),
                Side::Bottom => (cx, Grid::nearest(&grid.ys, r.y + r.height + MARGIN)),
                Side::Left => (Grid::nearest(&grid.xs, r.x - MARGIN), cy),
                Side::Right => (Grid::nearest(&grid.xs, r.x + r.width + MARGIN), cy),
            };
            let at = Point {
                x: grid.xs[node.0],
                y: grid.ys[node.1],
            };
            let port = match side {
                Side::Top => Point { x: at.x, y: r.y },
                Side::Bottom => Point {
                    x: at.x,
                    y: r.y + r.height,
                },
                Side::Left => Point { x: r.x, y: at.y },
                Side::Right => Point {
                    x: r.x + r.width,
                    y: at.y,
                },
            };
            let on_side = port.x >= r.x
                && port.x <= r.x + r.width
                && port.y >= r.y
                && port.y <= r.y + r.height;
            if on_side
                && grid.open_node(node.0, node.1)
                && clear.segment(port, at, [own, usize::MAX])
            {
                stubs.push(Stub { side, node, port });
            }
        }
        stubs
    }

    /// A good path from `source` to `target` (numbers `s` and `t` among the
    /// obstacles), or None when there is none.
    pub fn find(
        &mut self,
        source: &Rect,
        target: &Rect,
        clear: &Clear,
        s: usize,
        t: usize,
    ) -> Option<Route> {
        let grid = self.grid;
        let (starts, goals) = (self.stubs(source, clear, s), self.stubs(target, clear, t));
        if starts.is_empty() || goals.is_empty() {
            return None;
        }
        let width = grid.xs.len();
        let goal_points: Vec<(Point, usize)> = goals
            .iter()
            .map(|g| {
                (
                    Point {
                        x: grid.xs[g.node.0],
                        y: grid.ys[g.node.1],
                    },
                    reverse(outward(g.side)),
                )
            })
            .collect();
        let estimate = |i: usize, j: usize, heading: usize| {
            let (x, y) = (grid.xs[i], grid.ys[j]);
            let rest = goal_points
                .iter()
                .map(|(p, inward)| {
                    (p.x - x).abs()
                        + (p.y - y).abs()
                        + BEND * fewest_bends(heading, x, y, *p, *inward)
                })
                .fold(f64::INFINITY, f64::min);
            GREED * (rest + MARGIN)
        };
        let state = |(i, j): (usize, usize), heading: usize| ((j * width + i) * 4 + heading) as u64;
        let unpack = |state: u64| {
            let node = (state / 4) as usize;
            ((node % width, node / width), (state % 4) as usize)
        };
        self.costs.clear();
        let mut heap = BinaryHeap::new();
        for stub in &starts {
            let heading = outward(stub.side);
            let key = state(stub.node, heading);
            self.costs.set(key, MARGIN, u64::MAX);
            let f = MARGIN + estimate(stub.node.0, stub.node.1, heading);
            heap.push(Entry {
                estimate: f,
                cost: MARGIN,
                state: key,
                goal: None,
            });
        }
        let mut expansions = 0;
        while let Some(Entry {
            cost: g,
            state: key,
            goal,
            ..
        }) = heap.pop()
        {
            if let Some(side) = goal {
                return self.path(key, side, &starts, &goals, unpack);
            }
            match self.costs.get(key) {
                Some((known, _)) if known < g => continue, // a cheaper way here was found after this entry was queued
                _ => {}
            }
            let ((i, j), heading) = unpack(key);
            expansions += 1;
            if expansions > MAX_EXPANSIONS {
                return None;
            }
            for stub in goals.iter().filter(|stub| stub.node == (i, j)) {
                let inward = reverse(outward(stub.side));
                let total = g + MARGIN + if heading == inward { 0.0 } else { BEND };
                heap.push(Entry {
                    estimate: total,
                    cost: total,
                    state: key,
                    goal: Some(stub.side),
                });
            }
            for (next_heading, (di, dj)) in STEPS.iter().enumerate() {
                if next_heading == reverse(heading) {
                    continue;
                }
                let (ni, nj) = (i as isize + di, j as isize + dj);
                if ni < 0 || nj < 0 || ni as usize >= width || nj as usize >= grid.ys.len() {
                    continue;
                }
                let (ni, nj) = (ni as usize, nj as usize);
                let open = match next_heading {
                    0 => grid.open_right(i, j),
                    1 => grid.open_right(ni, j),
                    2 => grid.open_down(i, j),
                    _ => grid.open_down(i, nj),
                };
                if !open || !grid.open_node(ni, nj) {
                    continue;
                }
                let length = (grid.xs[ni] - grid.xs[i]).abs() + (grid.ys[nj] - grid.ys[j]).abs();
                let cost = g
                    + length
                    + if next_heading == heading { 0.0 } else { BEND }
                    + if self.usage(nj * width + ni) > 0 {
                        SHARED
                    } else {
                        0.0
                    };
                let next = state((ni, nj), next_heading);
                if self.costs.get(next).is_none_or(|(known, _)| cost < known) {
                    self.costs.set(next, cost, key);
                    let f = cost + estimate(ni, nj, next_heading);
                    heap.push(Entry {
                        estimate: f,
                        cost,
                        state: next,
                        goal: None,
                    });
                }
            }
        }
        None
    }

    /// The route that ends in `last`, from its port on the source to its port on the target.
    fn path(
        &mut self,
        last: u64,
        end_side: Side,
        starts: &[Stub],
        goals: &[Stub],
        unpack: impl Fn(u64) -> ((usize, usize), usize),
    ) -> Option<Route> {
        let mut nodes = Vec::new();
        let mut key = last;
        loop {
            let (node, _) = unpack(key);
            nodes.push(node);
            let parent = self.costs.get(key)?.1;
            if parent == u64::MAX {
                break;
            }
            key = parent;
        }
        nodes.reverse();
        let (first_node, first_heading) = unpack(key);
        let start = starts
            .iter()
            .find(|s| s.node == first_node && outward(s.side) == first_heading)?;
        let end = goals.iter().find(|g| g.side == end_side)?;
        let width = self.grid.xs.len();
        for &(i, j) in &nodes {
            if let Some(count) = self.used.get_mut(j * width + i) {
                *count = count.saturating_add(1);
            }
        }
        let mut points = Vec::with_capacity(nodes.len() + 2);
        points.push(start.port);
        points.extend(nodes.iter().map(|&(i, j)| Point {
            x: self.grid.xs[i],
            y: self.grid.ys[j],
        }));
        points.push(end.port);
        refine::simplify(&mut points);
        Some(Route {
            points,
            start_side: start.side,
            end_side,
            routed: true,
        })
    }
}
