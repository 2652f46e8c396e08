//! Editing a map through its outline: a new item after one, indenting under
//! the item above, outdenting beside the parent, and moving an item up or
//! down among its siblings. Each is planned as one edit list against the
//! document as it is (one undo step), on a scratch copy so that every box
//! placed sees the ones placed before it.
//!
//! What an item becomes follows the canvas's Tab: indented under an element
//! it takes the kind below that element's (a product under a service area,
//! a service under a product), outdented it takes its old parent's kind, and
//! what hangs below it at the natural level follows one level along. Boxes
//! go where the hierarchy puts them on the map: a child into the tier below
//! its parent (or its parent's group), at the free spot nearest to where
//! it reads in order (`placing`), the groups grown to hold it.

use std::collections::HashMap;

use super::{Node, OutlineError, Tree, relative_to};
use crate::authoring::{self, Link, next_tier_down};
use crate::document::Document;
use crate::edit::Edit;
use crate::ids::{ElementId, GroupId, MapId};
use crate::layout::{GAP, NODE_HEIGHT, NODE_WIDTH};
use crate::placing::{grow_to_fit, inner_origin, overlaps, place_near};
use crate::records::{Element, Group, Placement, Rect, Relation};
use crate::vocabulary::{ElementKind, GroupKind, RelationKind};

/// Up or down among siblings (Alt+↑ / Alt+↓).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Edits planned one after another on a copy of the document, so each
/// free spot is found with the boxes placed before it already there.
pub(crate) struct Planner {
    pub doc: Document,
    pub edits: Vec<Edit>,
}

impl Planner {
    pub fn new(doc: &Document) -> Planner {
        Planner {
            doc: doc.clone(),
            edits: Vec::new(),
        }
    }

    pub fn push(&mut self, edits: Vec<Edit>) -> Result<(), OutlineError> {
        self.doc
            .apply_all(&edits)
            .map_err(|e| OutlineError::Refused(e.to_string()))?;
        self.edits.extend(edits);
        Ok(())
    }
}

/// The kind an element put straight into a group of this kind becomes.
fn member_kind(kind: GroupKind) -> ElementKind {
    match kind {
        GroupKind::Family => ElementKind::Service,
        GroupKind::PlatformGroup => ElementKind::Application,
        GroupKind::Tier | GroupKind::SegmentLane | GroupKind::Division | GroupKind::Plain => {
            ElementKind::Product
        }
    }
}

/// The group where children of `parent` belong: the tier below an element's
/// (or the element's own group), or the group itself.
fn child_group(doc: &Document, map: MapId, parent: Node) -> Option<GroupId> {
    match parent {
        Node::Group(g) => Some(g),
        Node::Element(e) => {
            let group = doc.placement(map, e)?.group;
            next_tier_down(doc, map, group).or(group)
        }
    }
}

/// Where a new last child of `parent` should go, relative to `group`: right
/// of its last child if it has one there, else under the parent (or at the
/// start of the group).
fn last_child_spot(
    doc: &Document,
    map: MapId,
    tree: &Tree,
    parent: Node,
    group: Option<GroupId>,
    skip: Node,
) -> (f64, f64) {
    let last = tree
        .children_of(Some(parent))
        .iter()
        .rev()
        .filter(|c| **c != skip)
        .find_map(|c| match c {
            Node::Element(e) => doc
                .placement(map, *e)
                .filter(|p| p.group == group)
                .map(|p| p.rect),
            Node::Group(g) => doc.group(*g).filter(|g| g.parent == group).map(|g| g.rect),
        });
    if let Some(rect) = last {
        return (rect.x + rect.width + GAP, rect.y);
    }
    under(doc, map, parent, group)
}

/// Right under `parent` (an element) in `group`, or at the start of the group.
fn under(doc: &Document, map: MapId, parent: Node, group: Option<GroupId>) -> (f64, f64) {
    let start = inner_origin(group);
    let Node::Element(e) = parent else {
        return start;
    };
    let Some(at) = doc.placement(map, e) else {
        return start;
    };
    let (ax, ay) = authoring::group_origin(doc, at.group);
    let (x, y) = relative_to(doc, group, ax + at.rect.x, ay + at.rect.y);
    if at.group == group {
        (x, y + at.rect.height + 2.0 * GAP)
    } else {
        (x.max(start.0), start.1)
    }
}

/// Moves an element's box into `group`, at the free spot nearest `wanted`.
fn move_into(
    plan: &mut Planner,
    map: MapId,
    element: ElementId,
    group: Option<GroupId>,
    wanted: (f64, f64),
) -> Result<(), OutlineError> {
    let (rect, grow) = place_near(&plan.doc, map, group, wanted);
    let mut edits = grow;
    edits.push(Edit::PutPlacement(Placement {
        map,
        element,
        group,
        rect,
    }));
    plan.push(edits)
}

/// Makes `element` roll up to `parent` (or to nothing) on this map: its
/// roll-ups to other elements on the map go, a roll-up to `parent` is added
/// unless there is one. Roll-ups to elements on other maps stay.
fn reparent_relations(
    plan: &mut Planner,
    map: MapId,
    element: ElementId,
    parent: Option<ElementId>,
) -> Result<(), OutlineError> {
    let doc = &plan.doc;
    let mut edits: Vec<Edit> = doc
        .relations()
        .filter(|r| {
            r.kind == RelationKind::RollsUpTo && r.source == element && Some(r.target) != parent
        })
        .filter(|r| doc.placement(map, r.target).is_some())
        .map(|r| Edit::DeleteRelation { id: r.id })
        .collect();
    if let Some(parent) = parent
        && !doc
            .relations()
            .any(|r| r.kind == RelationKind::RollsUpTo && r.source == element && r.target == parent)
    {
        edits.push(Edit::PutRelation(Relation::new(
            RelationKind::RollsUpTo,
            element,
            parent,
        )));
    }
    plan.push(edits)
}

fn set_kind(plan: &mut Planner, element: ElementId, kind: ElementKind) -> Result<(), OutlineError> {
    let Some(existing) = plan.doc.element(element).cloned() else {
        return Err(OutlineError::NotOnMap);
    };
    if existing.kind == kind {
        return Ok(());
    }
    plan.push(vec![Edit::PutElement(Element { kind, ..existing })])
}

/// After `root` moved: what hangs below it at the natural level takes the
/// kind one below its parent's new kind, and every box below it moves into
/// the group its parent's children belong in (if it is not there already).
fn settle_below(
    plan: &mut Planner,
    original: &Document,
    map: MapId,
    tree: &Tree,
    root: Node,
) -> Result<(), OutlineError> {
    let subtree = tree.subtree(root);
    let mut new_kind: HashMap<ElementId, ElementKind> = HashMap::new();
    if let Node::Element(e) = root
        && let Some(element) = plan.doc.element(e)
    {
        new_kind.insert(e, element.kind);
    }
    for node in subtree.into_iter().skip(1) {
        let Node::Element(element) = node else {
            continue;
        };
        let Some(parent) = tree.parent_of(node) else {
            continue;
        };
        if let Node::Element(p) = parent
            && let (Some(old_parent), Some(old), Some(&now)) = (
                original.element(p),
                original.element(element),
                new_kind.get(&p),
            )
        {
            let kind = if old.kind == old_parent.kind.child_kind() {
                now.child_kind()
            } else {
                old.kind
            };
            set_kind(plan, element, kind)?;
            new_kind.insert(element, kind);
        }
        let target = child_group(&plan.doc, map, parent);
        let Some(at) = plan.doc.placement(map, element) else {
            continue;
        };
        if at.group != target {
            let wanted = under(&plan.doc, map, parent, target);
            move_into(plan, map, element, target, wanted)?;
        }
    }
    Ok(())
}

fn on_map(tree: &Tree, node: Node) -> Result<(), OutlineError> {
    if tree.contains(node) {
        Ok(())
    } else {
        Err(OutlineError::NotOnMap)
    }
}

/// A new sibling right after `after` on the map, so it reads right after it:
/// when the place beside it is taken, what stands right of it in its row
/// (in its group) moves one box along to make room, and the group grows.
pub(crate) fn insert_after(
    doc: &Document,
    map: MapId,
    after: ElementId,
    name: &str,
) -> Result<(ElementId, Vec<Edit>), OutlineError> {
    let at = doc.placement(map, after).ok_or(OutlineError::NotOnMap)?;
    let spot = Rect::new(
        at.rect.x + at.rect.width + GAP,
        at.rect.y,
        NODE_WIDTH,
        NODE_HEIGHT,
    );
    let in_row =
        |r: &Rect| (r.y - at.rect.y).abs() < NODE_HEIGHT / 2.0 && r.x >= at.rect.x + at.rect.width;
    let boxes: Vec<Placement> = doc
        .placements_of(map)
        .filter(|p| p.group == at.group && p.element != after && in_row(&p.rect))
        .cloned()
        .collect();
    let groups: Vec<Group> = doc
        .groups_of(map)
        .into_iter()
        .filter(|g| g.parent == at.group && in_row(&g.rect))
        .cloned()
        .collect();
    let mut plan = Planner::new(doc);
    if boxes
        .iter()
        .map(|p| p.rect)
        .chain(groups.iter().map(|g| g.rect))
        .any(|r| overlaps(&spot, &r))
    {
        let by = NODE_WIDTH + GAP;
        let mut shifted: Vec<Edit> = Vec::new();
        let mut reach = Rect::default();
        for p in boxes {
            let rect = Rect {
                x: p.rect.x + by,
                ..p.rect
            };
            reach = if rect.x + rect.width > reach.x + reach.width {
                rect
            } else {
                reach
            };
            shifted.push(Edit::PutPlacement(Placement { rect, ..p }));
        }
        for g in groups {
            let rect = Rect {
                x: g.rect.x + by,
                ..g.rect
            };
            reach = if rect.x + rect.width > reach.x + reach.width {
                rect
            } else {
                reach
            };
            shifted.push(Edit::PutGroup(Group { rect, ..g }));
        }
        plan.push(shifted)?;
        let grow = grow_to_fit(&plan.doc, at.group, reach);
        plan.push(grow)?;
    }
    let (id, edits) = authoring::add_linked(&plan.doc, map, Link::Sibling(after), name)
        .ok_or(OutlineError::NotOnMap)?;
    plan.push(edits)?;
    Ok((id, plan.edits))
}

const GROUPS_STAY: &str =
    "a group keeps its place in the outline: drag it into another group on the map";

/// A new element after `after` (Enter): its sibling, or, after a group, the
/// group's last member; the map's first element when nothing is given.
pub fn add_after(
    doc: &Document,
    map: MapId,
    after: Option<Node>,
    name: &str,
) -> Result<(ElementId, Vec<Edit>), OutlineError> {
    match after {
        None => authoring::add_linked(doc, map, Link::First, name).ok_or(OutlineError::NotOnMap),
        Some(Node::Element(e)) => insert_after(doc, map, e, name),
        Some(Node::Group(g)) => {
            let tree = Tree::build(doc, map);
            on_map(&tree, Node::Group(g))?;
            let group = doc.group(g).ok_or(OutlineError::NotOnMap)?;
            let element = Element::new(member_kind(group.kind), name);
            let id = element.id;
            let wanted = last_child_spot(doc, map, &tree, Node::Group(g), Some(g), Node::Group(g));
            let (rect, grow) = place_near(doc, map, Some(g), wanted);
            let mut edits = vec![Edit::PutElement(element)];
            edits.extend(grow);
            edits.push(Edit::PutPlacement(Placement {
                map,
                element: id,
                group: Some(g),
                rect,
            }));
            Ok((id, edits))
        }
    }
}

/// Tab: the item becomes the last child of the sibling above it. Nothing
/// above it: no edits.
pub fn indent(doc: &Document, map: MapId, node: Node) -> Result<Vec<Edit>, OutlineError> {
    let tree = Tree::build(doc, map);
    on_map(&tree, node)?;
    let Node::Element(element) = node else {
        return Err(OutlineError::Refused(GROUPS_STAY.into()));
    };
    let Some(above) = tree.neighbour(node, true) else {
        return Ok(Vec::new());
    };
    let mut plan = Planner::new(doc);
    match above {
        Node::Element(parent) => {
            let parent_kind = doc.element(parent).ok_or(OutlineError::NotOnMap)?.kind;
            reparent_relations(&mut plan, map, element, Some(parent))?;
            set_kind(&mut plan, element, parent_kind.child_kind())?;
        }
        Node::Group(_) => reparent_relations(&mut plan, map, element, None)?,
    }
    let target = child_group(doc, map, above);
    if doc.placement(map, element).map(|p| p.group) != Some(target) {
        let wanted = last_child_spot(doc, map, &tree, above, target, node);
        move_into(&mut plan, map, element, target, wanted)?;
    }
    settle_below(&mut plan, doc, map, &tree, node)?;
    Ok(plan.edits)
}

/// Shift+Tab: the item becomes a sibling of its parent, just after it. At
/// the top already: no edits.
pub fn outdent(doc: &Document, map: MapId, node: Node) -> Result<Vec<Edit>, OutlineError> {
    let tree = Tree::build(doc, map);
    on_map(&tree, node)?;
    let Node::Element(element) = node else {
        return Err(OutlineError::Refused(GROUPS_STAY.into()));
    };
    let Some(parent) = tree.parent_of(node) else {
        return Ok(Vec::new());
    };
    let mut plan = Planner::new(doc);
    let (target, wanted) = match parent {
        Node::Element(p) => {
            let grandparent = match tree.parent_of(parent) {
                Some(Node::Element(g)) => Some(g),
                _ => None,
            };
            reparent_relations(&mut plan, map, element, grandparent)?;
            set_kind(
                &mut plan,
                element,
                doc.element(p).ok_or(OutlineError::NotOnMap)?.kind,
            )?;
            let at = doc.placement(map, p).ok_or(OutlineError::NotOnMap)?;
            (at.group, (at.rect.x + at.rect.width + GAP, at.rect.y))
        }
        Node::Group(g) => {
            let group = doc.group(g).ok_or(OutlineError::NotOnMap)?;
            (
                group.parent,
                (group.rect.x + group.rect.width + GAP, group.rect.y),
            )
        }
    };
    if doc.placement(map, element).map(|p| p.group) != Some(target) {
        move_into(&mut plan, map, element, target, wanted)?;
    }
    settle_below(&mut plan, doc, map, &tree, node)?;
    Ok(plan.edits)
}

/// Where a node sits: its container and its rectangle relative to it.
fn container_of(doc: &Document, map: MapId, node: Node) -> Option<(Option<GroupId>, Rect)> {
    match node {
        Node::Element(e) => doc.placement(map, e).map(|p| (p.group, p.rect)),
        Node::Group(g) => doc.group(g).map(|g| (g.parent, g.rect)),
    }
}

/// Puts a node at an absolute top-left corner inside `group`, growing the group to hold it.
fn put_at(
    plan: &mut Planner,
    map: MapId,
    node: Node,
    group: Option<GroupId>,
    x: f64,
    y: f64,
) -> Result<(), OutlineError> {
    let (rx, ry) = relative_to(&plan.doc, group, x, y);
    let edit = match node {
        Node::Element(element) => {
            let at = plan
                .doc
                .placement(map, element)
                .ok_or(OutlineError::NotOnMap)?;
            Edit::PutPlacement(Placement {
                group,
                rect: Rect {
                    x: rx,
                    y: ry,
                    ..at.rect
                },
                ..at.clone()
            })
        }
        Node::Group(g) => {
            let existing = plan.doc.group(g).ok_or(OutlineError::NotOnMap)?;
            Edit::PutGroup(Group {
                rect: Rect {
                    x: rx,
                    y: ry,
                    ..existing.rect
                },
                ..existing.clone()
            })
        }
    };
    let rect = match &edit {
        Edit::PutPlacement(p) => p.rect,
        Edit::PutGroup(g) => g.rect,
        _ => unreachable!("put_at makes a placement or a group"),
    };
    plan.push(vec![edit])?;
    let grow = grow_to_fit(&plan.doc, group, rect);
    plan.push(grow)
}

/// Alt+↑ / Alt+↓: the item trades places on the map with the sibling before
/// or after it, so the canvas reads in the new order. Side by side in a row
/// they swap within the width the two cover; one above the other in a
/// column, within the height; otherwise their corners swap. Two elements
/// in different groups swap groups too. No sibling that way: no edits.
pub fn reorder(
    doc: &Document,
    map: MapId,
    node: Node,
    direction: Direction,
) -> Result<Vec<Edit>, OutlineError> {
    let tree = Tree::build(doc, map);
    on_map(&tree, node)?;
    let Some(other) = tree.neighbour(node, direction == Direction::Up) else {
        return Ok(Vec::new());
    };
    let (first, second) = if direction == Direction::Up {
        (other, node)
    } else {
        (node, other)
    };
    let (a, b) = (tree.rects[&first], tree.rects[&second]);
    let ((ax, ay), (bx, by)) = if (a.y - b.y).abs() < NODE_HEIGHT / 2.0 {
        // The second takes the first's left edge; the first ends where the second ended.
        ((b.x + b.width - a.width, a.y), (a.x, b.y))
    } else if (a.x - b.x).abs() < 1.0 {
        ((a.x, b.y + b.height - a.height), (b.x, a.y))
    } else {
        ((b.x, b.y), (a.x, a.y))
    };
    let (Some((group_a, _)), Some((group_b, _))) = (
        container_of(doc, map, first),
        container_of(doc, map, second),
    ) else {
        return Err(OutlineError::NotOnMap);
    };
    let both_elements = matches!((first, second), (Node::Element(_), Node::Element(_)));
    let (into_a, into_b) = if both_elements && group_a != group_b {
        (group_b, group_a)
    } else {
        (group_a, group_b)
    };
    let mut plan = Planner::new(doc);
    put_at(&mut plan, map, first, into_a, ax, ay)?;
    put_at(&mut plan, map, second, into_b, bx, by)?;
    Ok(plan.edits)
}
