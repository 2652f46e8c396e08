//! Arranging a map from its structure. Deterministic: the same structure
//! always gives the same rectangles, so the canvas and headless exports agree.
//! Positions come out relative to the enclosing group, as they are stored.
//!
//! Every arrangement fills a target shape (16:9): when the natural layout
//! (tiers and lanes in one row each, containers side by side with columns of
//! six) would be wider than `MAX_ASPECT` (and than eight boxes) or, for a map
//! of more than `MANY` elements, narrower than `MIN_ASPECT`, rows wrap into several balanced
//! rows, and containers into columns of any length stacked in several
//! columns, whichever comes closest to the target. Wrapped rows fill in
//! reading order, so arranging an arranged map changes nothing.
//! `arrange_linked` also orders tiers and lanes by their relations
//! (`order.rs`), so related elements sit near each other.

mod order;
pub mod routing;

use crate::edit::Edit;
use crate::ids::{ElementId, GroupId, MapId};
use crate::records::{Group, Placement, Rect};
use crate::vocabulary::{GroupKind, GroupingModel};

/// Size of an element's box on the canvas.
pub const NODE_WIDTH: f64 = 180.0;
pub const NODE_HEIGHT: f64 = 88.0;
/// Space between boxes, inside a group's border, and above a group's contents for its label.
pub const GAP: f64 = 24.0;
pub const PADDING: f64 = 24.0;
pub const HEADER: f64 = 40.0;
/// In a column, members wrap into another column after this many (unless the map is too wide for it).
const COLUMN_LENGTH: usize = 6;
/// Width a group needs for its header: about 8 units a character of its
/// name (13 px bold), plus its kind label and an owner badge.
const HEADER_CHAR_WIDTH: f64 = 8.0;
const HEADER_EXTRA: f64 = 180.0;
/// The shape a map is arranged to fill: a 16:9 slide.
pub const TARGET_ASPECT: f64 = 16.0 / 9.0;
/// The natural layout is kept while its width over height stays within these
/// (the lower bound only for maps of more than `MANY` elements).
const MAX_ASPECT: f64 = 2.2;
const MIN_ASPECT: f64 = 1.3;
const MANY: usize = 50;
/// A map no wider than eight boxes keeps its natural rows whatever its shape.
const NARROW: f64 = 8.0 * (NODE_WIDTH + GAP) + 2.0 * PADDING;

/// A group to lay out: its members in order, then its nested groups.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSpec {
    pub name: String,
    pub kind: GroupKind,
    pub members: Vec<ElementId>,
    pub children: Vec<GroupSpec>,
}

impl GroupSpec {
    pub fn new(name: impl Into<String>, kind: GroupKind, members: Vec<ElementId>) -> Self {
        GroupSpec {
            name: name.into(),
            kind,
            members,
            children: Vec::new(),
        }
    }

    fn count(&self) -> usize {
        let mut count = 0;
        let mut stack = vec![self];
        while let Some(spec) = stack.pop() {
            count += spec.members.len();
            stack.extend(&spec.children);
        }
        count
    }
}

/// How the top-level groups of a map sit relative to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Tiers stacked from the apex down, each centred: the shape of a pyramid.
    Pyramid,
    /// Horizontal lanes stacked top to bottom, members in a row.
    Lanes,
    /// Containers side by side, members in columns.
    Columns,
}

impl Arrangement {
    /// The arrangement that shows a grouping model's structure.
    pub fn for_model(model: GroupingModel) -> Self {
        match model {
            GroupingModel::Pyramid => Arrangement::Pyramid,
            GroupingModel::Market => Arrangement::Lanes,
            GroupingModel::Service
            | GroupingModel::Technical
            | GroupingModel::Organizational
            | GroupingModel::Freeform => Arrangement::Columns,
        }
    }

    fn rows(self) -> bool {
        matches!(self, Arrangement::Pyramid | Arrangement::Lanes)
    }
}

/// The choices that shape a layout.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shape {
    /// Rows (tiers, lanes): most members in one row. Columns: most in one column.
    limit: usize,
    /// Columns arrangement: containers stack in a column up to this height
    /// (0: one container per column, all side by side).
    stack: f64,
    /// Elements in no group: most in one row.
    loose_row: usize,
}

/// Lines and their length for `n` members with at most `limit` in a line,
/// balanced: 11 members at most 5 a line are 4 + 4 + 3.
fn lines(n: usize, limit: usize) -> (usize, usize) {
    if n == 0 {
        return (0, 0);
    }
    let count = n.div_ceil(limit.max(1));
    (count, n.div_ceil(count))
}

/// Size of the block of `n` members: rows of at most `limit` (rows), or columns.
fn members_size(n: usize, rows: bool, limit: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let (count, length) = lines(n, limit);
    let (across, down) = if rows {
        (length, count)
    } else {
        (count, length)
    };
    (
        across as f64 * NODE_WIDTH + (across - 1) as f64 * GAP,
        down as f64 * NODE_HEIGHT + (down - 1) as f64 * GAP,
    )
}

/// Where member `index` of `n` sits in its block: rows fill left to right,
/// a shorter last row centred; columns fill top to bottom.
fn member_offset(index: usize, n: usize, rows: bool, limit: usize) -> (f64, f64) {
    let (_, length) = lines(n, limit);
    let (line, at) = (index / length.max(1), index % length.max(1));
    let step = (NODE_WIDTH + GAP, NODE_HEIGHT + GAP);
    if rows {
        let in_line = (n - line * length).min(length);
        let indent = (length - in_line) as f64 * step.0 / 2.0;
        (indent + at as f64 * step.0, line as f64 * step.1)
    } else {
        (line as f64 * step.0, at as f64 * step.1)
    }
}

/// Size of a group's nested groups, side by side.
fn children_size(spec: &GroupSpec, rows: bool, limit: usize) -> (f64, f64) {
    let sizes: Vec<(f64, f64)> = spec
        .children
        .iter()
        .map(|c| group_size(c, rows, limit))
        .collect();
    let width = sizes.iter().map(|s| s.0).sum::<f64>() + GAP * sizes.len().saturating_sub(1) as f64;
    (width, sizes.iter().map(|s| s.1).fold(0.0, f64::max))
}

fn header_width(spec: &GroupSpec) -> f64 {
    spec.name.chars().count() as f64 * HEADER_CHAR_WIDTH + HEADER_EXTRA
}

/// Outer size of a group: its members, then its nested groups side by side,
/// beside the members (rows) or below them (columns); never narrower than its header.
fn group_size(spec: &GroupSpec, rows: bool, limit: usize) -> (f64, f64) {
    let (members_width, members_height) = members_size(spec.members.len(), rows, limit);
    let (children_width, children_height) = children_size(spec, rows, limit);
    let gap = |a: f64, b: f64| if a > 0.0 && b > 0.0 { GAP } else { 0.0 };
    let (width, height) = if rows {
        (
            members_width + gap(members_width, children_width) + children_width,
            members_height.max(children_height),
        )
    } else {
        (
            members_width.max(children_width),
            members_height + gap(members_height, children_height) + children_height,
        )
    };
    let width = (width.max(NODE_WIDTH) + 2.0 * PADDING).max(header_width(spec));
    (width, height.max(NODE_HEIGHT) + HEADER + PADDING)
}

/// Where the top-level groups go (their top-left corners) and the size of
/// everything, loose elements included.
struct Plan {
    sizes: Vec<(f64, f64)>,
    origins: Vec<(f64, f64)>,
    /// Top of the loose elements' block.
    loose_top: f64,
    width: f64,
    height: f64,
}

fn plan(arrangement: Arrangement, groups: &[GroupSpec], loose: usize, shape: Shape) -> Plan {
    let rows = arrangement.rows();
    let sizes: Vec<(f64, f64)> = groups
        .iter()
        .map(|g| group_size(g, rows, shape.limit))
        .collect();
    let mut origins = Vec::with_capacity(sizes.len());
    let (mut width, mut bottom) = (0.0f64, 0.0f64);
    if rows {
        let widest = sizes.iter().map(|s| s.0).fold(0.0, f64::max);
        let mut y = 0.0;
        for (w, h) in &sizes {
            let x = if arrangement == Arrangement::Pyramid {
                (widest - w) / 2.0
            } else {
                0.0
            };
            origins.push((x, y));
            y += h + GAP;
        }
        width = widest;
        bottom = y;
    } else {
        // Columns of containers, each as wide as its widest, left to right.
        let (mut x, mut y, mut column_width) = (0.0, 0.0, 0.0f64);
        for (w, h) in &sizes {
            if y > 0.0 && y + h > shape.stack {
                x += column_width + GAP * 2.0;
                (y, column_width) = (0.0, 0.0);
            }
            origins.push((x, y));
            column_width = column_width.max(*w);
            bottom = bottom.max(y + h + GAP * 2.0);
            width = width.max(x + w);
            y += h + GAP;
        }
    }
    let (loose_width, loose_height) = members_size(loose, true, shape.loose_row);
    let height = if loose > 0 {
        bottom + loose_height
    } else {
        (bottom - if rows { GAP } else { GAP * 2.0 }).max(0.0)
    };
    Plan {
        sizes,
        origins,
        loose_top: bottom,
        width: width.max(loose_width),
        height,
    }
}

fn aspect(plan: &Plan) -> f64 {
    if plan.height > 0.0 {
        plan.width / plan.height
    } else {
        1.0
    }
}

/// The shape that comes closest to the target, starting from the natural one.
fn choose_shape(arrangement: Arrangement, groups: &[GroupSpec], loose: usize) -> Shape {
    let rows = arrangement.rows();
    let widest_group = groups
        .iter()
        .map(|g| g.members.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let natural = Shape {
        limit: if rows {
            widest_group.max(loose)
        } else {
            COLUMN_LENGTH
        },
        stack: 0.0,
        loose_row: loose.max(1),
    };
    let natural_plan = plan(arrangement, groups, loose, natural);
    let first = aspect(&natural_plan);
    let elements = groups.iter().map(GroupSpec::count).sum::<usize>() + loose;
    let wide_enough = first <= MAX_ASPECT || natural_plan.width <= NARROW;
    if wide_enough && (first >= MIN_ASPECT || elements <= MANY) {
        return natural;
    }
    let score = |shape: Shape| {
        (aspect(&plan(arrangement, groups, loose, shape)) / TARGET_ASPECT)
            .ln()
            .abs()
    };
    let mut best = (score(natural), natural);
    let mut consider = |shape: Shape| {
        let s = score(shape);
        if s < best.0 - 1e-9 {
            best = (s, shape);
        }
    };
    // Loose elements wrap to about the width of the groups above them.
    let loose_row = |limit: usize| {
        let width = plan(
            arrangement,
            groups,
            0,
            Shape {
                limit,
                stack: 0.0,
                loose_row: 1,
            },
        )
        .width;
        (((width + GAP) / (NODE_WIDTH + GAP)).floor() as usize).clamp(1, loose.max(1))
    };
    if rows {
        for limit in 1..=widest_group.max(loose).min(400) {
            consider(Shape {
                limit,
                stack: 0.0,
                loose_row: loose_row(limit),
            });
        }
    } else {
        for limit in (2..=40).chain([COLUMN_LENGTH]) {
            let sizes: Vec<(f64, f64)> =
                groups.iter().map(|g| group_size(g, false, limit)).collect();
            let tallest = sizes.iter().map(|s| s.1).fold(0.0, f64::max);
            let total = sizes.iter().map(|s| s.1 + GAP).sum::<f64>().max(tallest);
            for step in 0..=24 {
                let stack = tallest * (total / tallest).powf(step as f64 / 24.0);
                consider(Shape {
                    limit,
                    stack,
                    loose_row: loose_row(limit),
                });
            }
        }
    }
    best.1
}

/// Lays out a map: returns the edits that put every group and placement.
/// `loose` elements (in no group) go below the groups.
pub fn arrange(
    map: MapId,
    arrangement: Arrangement,
    groups: &[GroupSpec],
    loose: &[ElementId],
) -> Vec<Edit> {
    arrange_linked(map, arrangement, groups, loose, &[])
}

/// As [`arrange`], with the relations between the map's elements (either
/// way round): tiers and lanes are ordered so that an element sits near the
/// elements it is related to in the groups above it.
pub fn arrange_linked(
    map: MapId,
    arrangement: Arrangement,
    groups: &[GroupSpec],
    loose: &[ElementId],
    links: &[(ElementId, ElementId)],
) -> Vec<Edit> {
    let ordered;
    let groups = if arrangement.rows() && !links.is_empty() {
        ordered = order::by_relations(groups, links);
        &ordered[..]
    } else {
        groups
    };
    let shape = choose_shape(arrangement, groups, loose.len());
    let plan = plan(arrangement, groups, loose.len(), shape);
    let rows = arrangement.rows();
    let mut edits = Vec::new();
    for ((spec, size), origin) in groups.iter().zip(&plan.sizes).zip(&plan.origins) {
        place_group(
            map,
            None,
            spec,
            *origin,
            *size,
            rows,
            shape.limit,
            &mut edits,
        );
    }
    for (index, element) in loose.iter().enumerate() {
        let (dx, dy) = member_offset(index, loose.len(), true, shape.loose_row);
        edits.push(Edit::PutPlacement(Placement {
            map,
            element: *element,
            group: None,
            rect: Rect::new(dx, plan.loose_top + dy, NODE_WIDTH, NODE_HEIGHT),
        }));
    }
    edits
}

#[allow(clippy::too_many_arguments)]
fn place_group(
    map: MapId,
    parent: Option<GroupId>,
    spec: &GroupSpec,
    (x, y): (f64, f64),
    (width, height): (f64, f64),
    rows: bool,
    limit: usize,
    edits: &mut Vec<Edit>,
) {
    let id = GroupId::new();
    edits.push(Edit::PutGroup(Group {
        id,
        map,
        parent,
        kind: spec.kind,
        name: spec.name.clone(),
        rect: Rect::new(x, y, width, height),
        collapsed: false,
    }));
    // Centre the members inside the group (pyramid tiers, and groups widened for their header).
    let n = spec.members.len();
    let (members_width, members_height) = members_size(n, rows, limit);
    let inner_width = width - 2.0 * PADDING;
    let start_x = if spec.children.is_empty() || !rows {
        PADDING + (inner_width - members_width).max(0.0) / 2.0
    } else {
        PADDING
    };
    for (index, element) in spec.members.iter().enumerate() {
        let (dx, dy) = member_offset(index, n, rows, limit);
        edits.push(Edit::PutPlacement(Placement {
            map,
            element: *element,
            group: Some(id),
            rect: Rect::new(start_x + dx, HEADER + dy, NODE_WIDTH, NODE_HEIGHT),
        }));
    }
    let (children_width, _) = children_size(spec, rows, limit);
    let (mut cx, cy) = if rows {
        (
            PADDING + members_width + if members_width > 0.0 { GAP } else { 0.0 },
            HEADER,
        )
    } else {
        (
            PADDING + (inner_width - children_width).max(0.0) / 2.0,
            HEADER + members_height + if members_height > 0.0 { GAP } else { 0.0 },
        )
    };
    for child in &spec.children {
        let size = group_size(child, rows, limit);
        place_group(map, Some(id), child, (cx, cy), size, rows, limit, edits);
        cx += size.0 + GAP;
    }
}

#[cfg(test)]
mod tests;
