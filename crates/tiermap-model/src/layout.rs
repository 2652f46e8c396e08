//! Arranging a map from its structure. Deterministic: the same structure
//! always gives the same rectangles, so the canvas and headless exports agree.
//! Positions come out relative to the enclosing group, as they are stored.

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

/// Outer size of a group: its members, then its children beside (rows) or below (columns).
fn group_size(spec: &GroupSpec, rows: bool) -> (f64, f64) {
    let (mut width, mut height) = members_size(spec.members.len(), rows);
    for child in &spec.children {
        let (w, h) = group_size(child, rows);
        if rows {
            width += if width > 0.0 { GAP } else { 0.0 } + w;
            height = height.max(h);
        } else {
            height += if height > 0.0 { GAP } else { 0.0 } + h;
            width = width.max(w);
        }
    }
    let width = width.max(NODE_WIDTH);
    let height = height.max(NODE_HEIGHT);
    (width + 2.0 * PADDING, height + HEADER + PADDING)
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
    // Centre the members inside the group (matters for pyramid tiers).
    let (members_width, members_height) = members_size(spec.members.len(), rows);
    let inner_width = width - 2.0 * PADDING;
    let start_x = if rows && spec.children.is_empty() { PADDING + (inner_width - members_width) / 2.0 } else { PADDING };
    for (index, element) in spec.members.iter().enumerate() {
        let (dx, dy) = member_offset(index, rows);
        edits.push(Edit::PutPlacement(Placement {
            map,
            element: *element,
            group: Some(id),
            rect: Rect::new(start_x + dx, HEADER + dy, NODE_WIDTH, NODE_HEIGHT),
        }));
    }
    let (mut cx, mut cy) = if rows {
        (PADDING + members_width + if members_width > 0.0 { GAP } else { 0.0 }, HEADER)
    } else {
        (PADDING, HEADER + members_height + if members_height > 0.0 { GAP } else { 0.0 })
    };
    for child in &spec.children {
        let size = group_size(child, rows);
        place_group(map, Some(id), child, (cx, cy), size, rows, edits);
        if rows { cx += size.0 + GAP } else { cy += size.1 + GAP }
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
    fn same_structure_gives_same_rectangles() {
        let map = MapId::new();
        let members: Vec<ElementId> = (0..4).map(|_| ElementId::new()).collect();
        let spec = GroupSpec::new("Lane", GroupKind::SegmentLane, members);
        let a = rects(&arrange(map, Arrangement::Lanes, std::slice::from_ref(&spec), &[]));
        let b = rects(&arrange(map, Arrangement::Lanes, &[spec], &[]));
        assert_eq!(a, b);
    }
}
