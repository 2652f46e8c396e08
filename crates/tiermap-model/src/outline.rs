//! A map as an outline: its hierarchy as a tree of names, for the outline
//! panel beside the canvas (and a screen reader). The rule of what is whose
//! parent lives here, so the panel only draws what it is given:
//!
//! - A group that stands for something (a family, a platform group, a
//!   segment's lane, a division, a plain group) is a node holding what is
//!   inside it. A pyramid's tiers are not nodes: a tier is a level of the
//!   hierarchy itself, which the outline shows by indentation.
//! - An element is the child of the element it rolls up to when that one is
//!   on the map in the same node-group (the pyramid's service area, product,
//!   service, application chain; a service under a product in a lane), else
//!   of the node-group holding it, else it is at the top.
//! - Siblings come in the map's reading order (top to bottom by rows, then
//!   left to right), so moving boxes on the canvas reorders the outline and
//!   reordering the outline moves the boxes (edits.rs).
//!
//! Pure, deterministic and iterative (no recursion on user data).

mod edits;
mod paste;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::authoring::group_origin;
use crate::document::Document;
use crate::ids::{ElementId, GroupId, MapId};
use crate::layout::NODE_HEIGHT;
use crate::records::Rect;
use crate::vocabulary::{GroupKind, RelationKind};

pub use edits::{Direction, add_after, indent, outdent, reorder};
pub use paste::{MAX_PASTE_LINES, PastedLine, parse_indented, paste};

/// One node of the outline: an element placed on the map, or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Element(ElementId),
    Group(GroupId),
}

/// A node in the outline's reading order, with where it hangs.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub node: Node,
    pub parent: Option<Node>,
    /// 0 at the top level.
    pub depth: usize,
    pub children: usize,
}

/// Why an outline gesture was refused; the message is for the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OutlineError {
    #[error("that is not on this map any more")]
    NotOnMap,
    #[error("{0}")]
    Refused(String),
}

/// Whether a group is a node of the outline (a tier is a level, not a node).
pub(crate) fn is_node_group(kind: GroupKind) -> bool {
    kind != GroupKind::Tier
}

/// The map's structure, indexed once: where each node is, its parent and
/// its children in reading order.
pub(crate) struct Tree {
    pub parent: HashMap<Node, Option<Node>>,
    pub children: HashMap<Option<Node>, Vec<Node>>,
    /// Absolute rectangles, for reading order and for moving boxes.
    pub rects: HashMap<Node, Rect>,
}

impl Tree {
    pub fn build(doc: &Document, map: MapId) -> Tree {
        let groups = doc.groups_of(map);
        let mut rects: HashMap<Node, Rect> = HashMap::new();
        let mut origins: HashMap<GroupId, (f64, f64)> = HashMap::new();
        for g in &groups {
            // groups_of lists parents first, so a parent's origin is known.
            let (px, py) = g
                .parent
                .and_then(|p| origins.get(&p).copied())
                .unwrap_or((0.0, 0.0));
            origins.insert(g.id, (px + g.rect.x, py + g.rect.y));
            rects.insert(
                Node::Group(g.id),
                Rect {
                    x: px + g.rect.x,
                    y: py + g.rect.y,
                    ..g.rect
                },
            );
        }
        let group_kind: HashMap<GroupId, (GroupKind, Option<GroupId>)> =
            groups.iter().map(|g| (g.id, (g.kind, g.parent))).collect();
        // The nearest enclosing group that is a node (skipping tiers).
        let node_group = |mut current: Option<GroupId>| -> Option<GroupId> {
            for _ in 0..=group_kind.len() {
                let (kind, parent) = group_kind.get(&current?)?;
                if is_node_group(*kind) {
                    return current;
                }
                current = *parent;
            }
            None
        };
        let mut container: HashMap<ElementId, Option<GroupId>> = HashMap::new();
        for p in doc.placements_of(map) {
            let (ox, oy) = p
                .group
                .and_then(|g| origins.get(&g).copied())
                .unwrap_or((0.0, 0.0));
            rects.insert(
                Node::Element(p.element),
                Rect {
                    x: ox + p.rect.x,
                    y: oy + p.rect.y,
                    ..p.rect
                },
            );
            container.insert(p.element, node_group(p.group));
        }
        let mut parent: HashMap<Node, Option<Node>> = HashMap::new();
        for g in groups.iter().filter(|g| is_node_group(g.kind)) {
            parent.insert(Node::Group(g.id), node_group(g.parent).map(Node::Group));
        }
        for (&element, &holder) in &container {
            parent.insert(Node::Element(element), holder.map(Node::Group));
        }
        // The first relation (by id) to an element on the map in the same node-group.
        let mut rolled: BTreeSet<ElementId> = BTreeSet::new();
        for r in doc
            .relations()
            .filter(|r| r.kind == RelationKind::RollsUpTo)
        {
            let (Some(source_holder), Some(target_holder)) =
                (container.get(&r.source), container.get(&r.target))
            else {
                continue;
            };
            if source_holder == target_holder && r.source != r.target && rolled.insert(r.source) {
                parent.insert(Node::Element(r.source), Some(Node::Element(r.target)));
            }
        }
        break_loops(&mut parent, &container);
        let mut children: HashMap<Option<Node>, Vec<Node>> = HashMap::new();
        let mut nodes: Vec<Node> = parent.keys().copied().collect();
        nodes.sort();
        for node in nodes {
            children.entry(parent[&node]).or_default().push(node);
        }
        for list in children.values_mut() {
            sort_in_reading_order(list, &rects);
        }
        Tree {
            parent,
            children,
            rects,
        }
    }

    pub fn parent_of(&self, node: Node) -> Option<Node> {
        self.parent.get(&node).copied().flatten()
    }

    pub fn children_of(&self, node: Option<Node>) -> &[Node] {
        self.children.get(&node).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn contains(&self, node: Node) -> bool {
        self.parent.contains_key(&node)
    }

    /// The node and everything below it, parents before children.
    pub fn subtree(&self, node: Node) -> Vec<Node> {
        let mut out = Vec::new();
        let mut stack = vec![node];
        while let Some(current) = stack.pop() {
            out.push(current);
            stack.extend(self.children_of(Some(current)).iter().rev());
        }
        out
    }

    /// The sibling before (Up) or after (Down) a node.
    pub fn neighbour(&self, node: Node, before: bool) -> Option<Node> {
        let siblings = self.children_of(self.parent_of(node));
        let at = siblings.iter().position(|n| *n == node)?;
        if before {
            at.checked_sub(1).map(|i| siblings[i])
        } else {
            siblings.get(at + 1).copied()
        }
    }
}

/// A loop of roll-ups (which validation reports) would hide its elements
/// from the tree: the first element of each loop hangs from its group instead.
fn break_loops(
    parent: &mut HashMap<Node, Option<Node>>,
    container: &HashMap<ElementId, Option<GroupId>>,
) {
    let mut settled: BTreeSet<Node> = BTreeSet::new();
    let mut nodes: Vec<Node> = parent.keys().copied().collect();
    nodes.sort();
    for start in nodes {
        let mut path: Vec<Node> = Vec::new();
        let mut on_path: BTreeSet<Node> = BTreeSet::new();
        let mut current = Some(start);
        while let Some(node) = current {
            if settled.contains(&node) {
                break;
            }
            if !on_path.insert(node) {
                // A loop: cut it at its smallest node, so the cut never depends on where the walk began.
                let at = path.iter().position(|n| *n == node).unwrap_or(0);
                if let Some(&Node::Element(cut)) = path[at..]
                    .iter()
                    .filter(|n| matches!(n, Node::Element(_)))
                    .min()
                {
                    parent.insert(
                        Node::Element(cut),
                        container.get(&cut).copied().flatten().map(Node::Group),
                    );
                }
                break;
            }
            path.push(node);
            current = parent.get(&node).copied().flatten();
        }
        settled.extend(path);
    }
}

/// Rows from the top (a box starting lower than half a box below the row's
/// first starts a new row), each row from the left.
fn sort_in_reading_order(nodes: &mut [Node], rects: &HashMap<Node, Rect>) {
    let at = |n: &Node| rects.get(n).copied().unwrap_or_default();
    nodes.sort_by(|a, b| at(a).y.total_cmp(&at(b).y).then(a.cmp(b)));
    let mut rows: BTreeMap<usize, f64> = BTreeMap::new();
    let mut row_of: HashMap<Node, usize> = HashMap::new();
    for node in nodes.iter() {
        let y = at(node).y;
        let row = match rows.iter().next_back() {
            Some((&row, &top)) if y < top + NODE_HEIGHT / 2.0 => row,
            Some((&row, _)) => row + 1,
            None => 0,
        };
        rows.entry(row).or_insert(y);
        row_of.insert(*node, row);
    }
    nodes.sort_by(|a, b| {
        row_of[a]
            .cmp(&row_of[b])
            .then(at(a).x.total_cmp(&at(b).x))
            .then(a.cmp(b))
    });
}

/// The whole outline of a map in reading order, parents before children.
pub fn map_outline(doc: &Document, map: MapId) -> Vec<Entry> {
    let tree = Tree::build(doc, map);
    let mut out = Vec::with_capacity(tree.parent.len());
    let mut stack: Vec<(Node, usize)> = tree
        .children_of(None)
        .iter()
        .rev()
        .map(|n| (*n, 0))
        .collect();
    while let Some((node, depth)) = stack.pop() {
        let children = tree.children_of(Some(node));
        out.push(Entry {
            node,
            parent: tree.parent_of(node),
            depth,
            children: children.len(),
        });
        stack.extend(children.iter().rev().map(|c| (*c, depth + 1)));
    }
    out
}

/// Which node an id names on a map: an element placed there, or one of its groups.
pub fn resolve(doc: &Document, map: MapId, id: &str) -> Option<Node> {
    if let Ok(element) = id.parse::<ElementId>()
        && doc.placement(map, element).is_some()
    {
        return Some(Node::Element(element));
    }
    let group = id.parse::<GroupId>().ok()?;
    doc.group(group)
        .filter(|g| g.map == map)
        .map(|_| Node::Group(group))
}

/// A node's position relative to `group` (the inverse of the absolute rectangles).
pub(crate) fn relative_to(doc: &Document, group: Option<GroupId>, x: f64, y: f64) -> (f64, f64) {
    let (ox, oy) = group_origin(doc, group);
    (x - ox, y - oy)
}

#[cfg(test)]
mod tests;
