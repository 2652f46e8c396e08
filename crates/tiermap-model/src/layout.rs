//! Arranging a map from its structure. Deterministic: the same structure
//! always gives the same rectangles, so the canvas and headless exports agree.
//! Positions come out relative to the enclosing group, as they are stored.

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
/// In a column, members wrap into another column after this many.
const COLUMN_LENGTH: usize = 6;
/// Width a group needs for its header: about 8 units a character of its
/// name (13 px bold), plus its kind label and an owner badge.
const HEADER_CHAR_WIDTH: f64 = 8.0;
const HEADER_EXTRA: f64 = 180.0;

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
        GroupSpec { name: name.into(), kind, members, children: Vec::new() }
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

/// Size of the block of `n` members: a row, or columns of COLUMN_LENGTH.
fn members_size(n: usize, rows: bool) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let (across, down) = if rows { (n, 1) } else { (n.div_ceil(COLUMN_LENGTH), n.min(COLUMN_LENGTH)) };
    (
        across as f64 * NODE_WIDTH + (across - 1) as f64 * GAP,
        down as f64 * NODE_HEIGHT + (down - 1) as f64 * GAP,
    )
}

fn member_offset(index: usize, rows: bool) -> (f64, f64) {
    let (col, row) = if rows { (index, 0) } else { (index / COLUMN_LENGTH, index % COLUMN_LENGTH) };
    (col as f64 * (NODE_WIDTH + GAP), row as f64 * (NODE_HEIGHT + GAP))
}

/// Size of a group's nested groups, side by side.
fn children_size(spec: &GroupSpec, rows: bool) -> (f64, f64) {
    let sizes: Vec<(f64, f64)> = spec.children.iter().map(|c| group_size(c, rows)).collect();
    let width = sizes.iter().map(|s| s.0).sum::<f64>() + GAP * sizes.len().saturating_sub(1) as f64;
    (width, sizes.iter().map(|s| s.1).fold(0.0, f64::max))
}

fn header_width(spec: &GroupSpec) -> f64 {
    spec.name.chars().count() as f64 * HEADER_CHAR_WIDTH + HEADER_EXTRA
}

/// Outer size of a group: its members, then its nested groups side by side,
/// beside the members (rows) or below them (columns); never narrower than its header.
fn group_size(spec: &GroupSpec, rows: bool) -> (f64, f64) {
    let (members_width, members_height) = members_size(spec.members.len(), rows);
    let (children_width, children_height) = children_size(spec, rows);
    let gap = |a: f64, b: f64| if a > 0.0 && b > 0.0 { GAP } else { 0.0 };
    let (width, height) = if rows {
        (members_width + gap(members_width, children_width) + children_width, members_height.max(children_height))
    } else {
        (members_width.max(children_width), members_height + gap(members_height, children_height) + children_height)
    };
    let width = (width.max(NODE_WIDTH) + 2.0 * PADDING).max(header_width(spec));
    (width, height.max(NODE_HEIGHT) + HEADER + PADDING)
}

/// Lays out a map: returns the edits that put every group and placement.
/// `loose` elements (in no group) go in a row below the groups.
pub fn arrange(map: MapId, arrangement: Arrangement, groups: &[GroupSpec], loose: &[ElementId]) -> Vec<Edit> {
    let rows = arrangement.rows();
    let sizes: Vec<(f64, f64)> = groups.iter().map(|g| group_size(g, rows)).collect();
    let widest = sizes.iter().map(|s| s.0).fold(0.0, f64::max);
    let mut edits = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    for (spec, (width, height)) in groups.iter().zip(&sizes) {
        let origin = match arrangement {
            Arrangement::Pyramid => ((widest - width) / 2.0, y),
            Arrangement::Lanes => (0.0, y),
            Arrangement::Columns => (x, 0.0),
        };
        place_group(map, None, spec, origin, (*width, *height), rows, &mut edits);
        x += width + GAP * 2.0;
        y += height + GAP;
    }
    let bottom = if rows { y } else { sizes.iter().map(|s| s.1).fold(0.0, f64::max) + GAP * 2.0 };
    for (index, element) in loose.iter().enumerate() {
        let (dx, _) = member_offset(index, true);
        edits.push(Edit::PutPlacement(Placement {
            map,
            element: *element,
            group: None,
            rect: Rect::new(dx, bottom, NODE_WIDTH, NODE_HEIGHT),
        }));
    }
    edits
}

fn place_group(
    map: MapId,
    parent: Option<GroupId>,
    spec: &GroupSpec,
    (x, y): (f64, f64),
    (width, height): (f64, f64),
    rows: bool,
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
    let (members_width, members_height) = members_size(spec.members.len(), rows);
    let inner_width = width - 2.0 * PADDING;
    let start_x = if spec.children.is_empty() || !rows { PADDING + (inner_width - members_width).max(0.0) / 2.0 } else { PADDING };
    for (index, element) in spec.members.iter().enumerate() {
        let (dx, dy) = member_offset(index, rows);
        edits.push(Edit::PutPlacement(Placement {
            map,
            element: *element,
            group: Some(id),
            rect: Rect::new(start_x + dx, HEADER + dy, NODE_WIDTH, NODE_HEIGHT),
        }));
    }
    let (children_width, _) = children_size(spec, rows);
    let (mut cx, cy) = if rows {
        (PADDING + members_width + if members_width > 0.0 { GAP } else { 0.0 }, HEADER)
    } else {
        (PADDING + (inner_width - children_width).max(0.0) / 2.0, HEADER + members_height + if members_height > 0.0 { GAP } else { 0.0 })
    };
    for child in &spec.children {
        let size = group_size(child, rows);
        place_group(map, Some(id), child, (cx, cy), size, rows, edits);
        cx += size.0 + GAP;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rects(edits: &[Edit]) -> Vec<Rect> {
        edits
            .iter()
            .filter_map(|e| match e {
                Edit::PutGroup(g) => Some(g.rect),
                Edit::PutPlacement(p) => Some(p.rect),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn pyramid_tiers_are_centred_and_stacked() {
        let map = MapId::new();
        let apex = GroupSpec::new("Apex", GroupKind::Tier, vec![ElementId::new()]);
        let base = GroupSpec::new("Base", GroupKind::Tier, (0..3).map(|_| ElementId::new()).collect());
        let edits = arrange(map, Arrangement::Pyramid, &[apex, base], &[]);
        let groups: Vec<Rect> = edits
            .iter()
            .filter_map(|e| if let Edit::PutGroup(g) = e { Some(g.rect) } else { None })
            .collect();
        let (top, bottom) = (groups[0], groups[1]);
        assert!(top.width < bottom.width);
        assert!((top.x + top.width / 2.0 - (bottom.x + bottom.width / 2.0)).abs() < 1e-9, "centred");
        assert!(top.y + top.height <= bottom.y, "stacked without overlap");
    }

    #[test]
    fn members_of_a_column_do_not_overlap_and_fit_their_group() {
        let map = MapId::new();
        let spec = GroupSpec::new("Family", GroupKind::Family, (0..9).map(|_| ElementId::new()).collect());
        let edits = arrange(map, Arrangement::Columns, &[spec], &[]);
        let all = rects(&edits);
        let (group, members) = (all[0], &all[1..]);
        for (i, a) in members.iter().enumerate() {
            assert!(a.x >= 0.0 && a.y >= 0.0 && a.x + a.width <= group.width && a.y + a.height <= group.height);
            for b in &members[i + 1..] {
                let apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_group_is_wide_enough_for_its_name() {
        let map = MapId::new();
        let spec = GroupSpec::new("Workflow and collaboration tools", GroupKind::PlatformGroup, vec![ElementId::new()]);
        let all = rects(&arrange(map, Arrangement::Columns, &[spec], &[]));
        let (group, member) = (all[0], all[1]);
        assert!(group.width >= 32.0 * HEADER_CHAR_WIDTH + HEADER_EXTRA);
        assert!((member.x + member.width / 2.0 - group.width / 2.0).abs() < 1e-9, "member centred");
    }

    #[test]
    fn nested_groups_of_a_column_sit_side_by_side_below_the_members() {
        let map = MapId::new();
        let mut division = GroupSpec::new("Division", GroupKind::Division, vec![ElementId::new()]);
        division.children = vec![
            GroupSpec::new("A", GroupKind::Division, vec![ElementId::new(), ElementId::new()]),
            GroupSpec::new("B", GroupKind::Division, vec![ElementId::new()]),
        ];
        let edits = arrange(map, Arrangement::Columns, &[division], &[]);
        let groups: Vec<Rect> = edits.iter().filter_map(|e| if let Edit::PutGroup(g) = e { Some(g.rect) } else { None }).collect();
        let (outer, a, b) = (groups[0], groups[1], groups[2]);
        assert_eq!(a.y, b.y, "side by side");
        assert!(a.x + a.width <= b.x, "no overlap");
        assert!(b.x + b.width <= outer.width && a.y + a.height <= outer.height, "inside the division");
    }

    #[test]
    fn same_structure_gives_same_rectangles() {
        let map = MapId::new();
        let members: Vec<ElementId> = (0..4).map(|_| ElementId::new()).collect();
        let spec = GroupSpec::new("Lane", GroupKind::SegmentLane, members);
        let a = rects(&arrange(map, Arrangement::Lanes, std::slice::from_ref(&spec), &[]));
        let b = rects(&arrange(map, Arrangement::Lanes, &[spec], &[]));
        assert_eq!(a, b);
    }
}
