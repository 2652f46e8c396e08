//! Gestures as edit lists: what a person does in one move (delete an
//! element, dissolve a group, arrange a map) planned against the document as
//! it is, so the store applies it as one undo step. Pure: nothing is changed
//! here; a plan that the document refuses is refused whole.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::document::Document;
use crate::edit::Edit;
use crate::ids::{ElementId, GroupId, MapId};
use crate::layout::{Arrangement, GAP, GroupSpec, arrange_linked};
use crate::records::{Group, OwnedTarget, Placement, Rect};

/// Deleting an element everywhere: its owners, KPIs, scores, relations and
/// placements first, then the element. (Removing it from one map is just
/// deleting its placement.)
pub fn delete_element(doc: &Document, id: ElementId) -> Vec<Edit> {
    let mut edits = Vec::new();
    edits.extend(
        doc.ownerships()
            .filter(|o| o.person == id || o.target == OwnedTarget::Element(id))
            .map(|o| Edit::DeleteOwnership { id: o.id }),
    );
    edits.extend(doc.kpis().filter(|k| k.element == id).map(|k| Edit::DeleteKpi { id: k.id }));
    edits.extend(doc.scores().filter(|s| s.person == id).map(|s| Edit::DeleteScore { person: s.person, part: s.part }));
    edits.extend(doc.relations().filter(|r| r.source == id || r.target == id).map(|r| Edit::DeleteRelation { id: r.id }));
    edits.extend(doc.placements().filter(|p| p.element == id).map(|p| Edit::DeletePlacement { map: p.map, element: p.element }));
    edits.push(Edit::DeleteElement { id });
    edits
}

/// Dissolving a group: what it holds moves up to its parent (or the map),
/// keeping its place on the canvas; its owners go; then the group.
pub fn dissolve_group(doc: &Document, id: GroupId) -> Vec<Edit> {
    let Some(group) = doc.group(id) else { return Vec::new() };
    let shift = |rect: Rect| Rect { x: rect.x + group.rect.x, y: rect.y + group.rect.y, ..rect };
    let mut edits = Vec::new();
    for child in doc.groups().filter(|g| g.parent == Some(id)) {
        edits.push(Edit::PutGroup(Group { parent: group.parent, rect: shift(child.rect), ..child.clone() }));
    }
    for placement in doc.placements_of(group.map).filter(|p| p.group == Some(id)) {
        edits.push(Edit::PutPlacement(Placement { group: group.parent, rect: shift(placement.rect), ..placement.clone() }));
    }
    edits.extend(doc.ownerships_of(OwnedTarget::Group(id)).map(|o| Edit::DeleteOwnership { id: o.id }));
    edits.push(Edit::DeleteGroup { id });
    edits
}

/// The order people read things in an arrangement: rows left to right and
/// top to bottom; columns top to bottom, then the next column.
fn reading_order(arrangement: Arrangement, across_first: bool) -> impl Fn(&Rect, &Rect) -> Ordering {
    move |a: &Rect, b: &Rect| {
        let (a, b) = if across_first == (arrangement != Arrangement::Columns) {
            ((a.y, a.x), (b.y, b.x))
        } else {
            ((a.x, a.y), (b.x, b.y))
        };
        a.partial_cmp(&b).unwrap_or(Ordering::Equal)
    }
}

/// Arranging a whole map afresh by its grouping model: its groups keep
/// their names, kinds, nesting and members (in the order people read them,
/// except that tiers and lanes put related elements near each other) but get
/// new rectangles, filling a 16:9 shape; elements in no group go below.
/// Deterministic, so the canvas and exports agree; arranging an arranged
/// map changes nothing.
pub fn arrange_map(doc: &Document, map: MapId) -> Vec<Edit> {
    let Some(model) = doc.map(map).map(|m| m.model) else { return Vec::new() };
    let arrangement = Arrangement::for_model(model);
    let groups = doc.groups_of(map);
    let placements: Vec<&Placement> = doc.placements_of(map).collect();

    // The groups inside `parent` (None: the map), in reading order. Nested
    // groups always sit side by side.
    let children = |parent: Option<GroupId>| {
        let mut list: Vec<&Group> = groups.iter().copied().filter(|g| g.parent == parent).collect();
        let order = reading_order(if parent.is_none() { arrangement } else { Arrangement::Lanes }, parent.is_none());
        list.sort_by(|a, b| order(&a.rect, &b.rect).then(a.id.cmp(&b.id)));
        list
    };
    let members = |group: Option<GroupId>| {
        let mut list: Vec<&Placement> = placements.iter().copied().filter(|p| p.group == group).collect();
        let order = reading_order(if group.is_none() { Arrangement::Lanes } else { arrangement }, true);
        list.sort_by(|a, b| order(&a.rect, &b.rect).then(a.element.cmp(&b.element)));
        list.into_iter().map(|p| p.element).collect::<Vec<ElementId>>()
    };
    // The layout's groups come out depth-first in spec order; remember which existing group each is.
    let mut existing_in_order: Vec<&Group> = Vec::new();
    fn spec<'a>(
        group: &'a Group,
        children: &dyn Fn(Option<GroupId>) -> Vec<&'a Group>,
        members: &dyn Fn(Option<GroupId>) -> Vec<ElementId>,
        order: &mut Vec<&'a Group>,
    ) -> GroupSpec {
        order.push(group);
        let nested = children(Some(group.id));
        GroupSpec {
            name: group.name.clone(),
            kind: group.kind,
            members: members(Some(group.id)),
            children: nested.into_iter().map(|c| spec(c, children, members, order)).collect(),
        }
    }
    let specs: Vec<GroupSpec> = children(None).into_iter().map(|g| spec(g, &children, &members, &mut existing_in_order)).collect();
    // Relations between the map's elements order tiers and lanes, so related elements sit near each other.
    let links: Vec<(ElementId, ElementId)> = doc
        .relations()
        .filter(|r| doc.placement(map, r.source).is_some() && doc.placement(map, r.target).is_some())
        .map(|r| (r.source, r.target))
        .collect();
    let laid_out = arrange_linked(map, arrangement, &specs, &members(None), &links);

    let mut existing = existing_in_order.into_iter();
    let mut same_group: HashMap<GroupId, GroupId> = HashMap::new();
    let mut edits = Vec::new();
    for edit in laid_out {
        match edit {
            Edit::PutGroup(new) => {
                let Some(old) = existing.next() else { continue };
                same_group.insert(new.id, old.id);
                edits.push(Edit::PutGroup(Group { rect: new.rect, ..old.clone() }));
            }
            Edit::PutPlacement(new) => {
                let Some(old) = doc.placement(map, new.element) else { continue };
                let group = new.group.and_then(|g| same_group.get(&g).copied());
                let rect = Rect { x: new.rect.x, y: new.rect.y, ..old.rect };
                edits.push(Edit::PutPlacement(Placement { group, rect, ..old.clone() }));
            }
            _ => {}
        }
    }
    edits
}

/// Arranging only some elements of a map: in each group that holds some of
/// them, they line up in reading order from where the first of them is (a
/// row on pyramids and lanes, a column on column maps), a gap apart; the rest
/// of the map stays where it is. Deterministic, like [`arrange_map`].
pub fn arrange_selection(doc: &Document, map: MapId, elements: &[ElementId]) -> Vec<Edit> {
    let Some(model) = doc.map(map).map(|m| m.model) else { return Vec::new() };
    let arrangement = Arrangement::for_model(model);
    let order = reading_order(arrangement, true);
    let mut by_group: HashMap<Option<GroupId>, Vec<&Placement>> = HashMap::new();
    for element in elements {
        if let Some(placement) = doc.placement(map, *element) {
            let list = by_group.entry(placement.group).or_default();
            if !list.iter().any(|p| p.element == placement.element) {
                list.push(placement);
            }
        }
    }
    let mut groups: Vec<(Option<GroupId>, Vec<&Placement>)> = by_group.into_iter().collect();
    groups.sort_by_key(|(group, _)| *group);
    let mut edits = Vec::new();
    for (_, mut members) in groups {
        members.sort_by(|a, b| order(&a.rect, &b.rect).then(a.element.cmp(&b.element)));
        let start_x = members.iter().map(|p| p.rect.x).fold(f64::INFINITY, f64::min);
        let start_y = members.iter().map(|p| p.rect.y).fold(f64::INFINITY, f64::min);
        let (mut x, mut y) = (start_x, start_y);
        for placement in members {
            let rect = Rect { x, y, ..placement.rect };
            if arrangement == Arrangement::Columns {
                y += placement.rect.height + GAP;
            } else {
                x += placement.rect.width + GAP;
            }
            if rect != placement.rect {
                edits.push(Edit::PutPlacement(Placement { rect, ..placement.clone() }));
            }
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Element, Map};
    use crate::vocabulary::{ElementKind, GroupingModel};

    fn scattered(model: GroupingModel) -> (Document, MapId, Vec<ElementId>) {
        let mut doc = Document::new();
        let map = Map { id: MapId::new(), name: "M".into(), model, position: 0 };
        let map_id = map.id;
        let mut edits = vec![Edit::PutMap(map)];
        let mut ids = Vec::new();
        for (i, (x, y)) in [(300.0, 50.0), (10.0, 90.0), (700.0, 10.0), (2000.0, 2000.0)].into_iter().enumerate() {
            let element = Element::new(ElementKind::Product, format!("P{i}"));
            ids.push(element.id);
            edits.push(Edit::PutPlacement(Placement { map: map_id, element: element.id, group: None, rect: Rect::new(x, y, 180.0, 88.0) }));
            edits.insert(1, Edit::PutElement(element));
        }
        doc.apply_all(&edits).expect("scattered map");
        (doc, map_id, ids)
    }

    #[test]
    fn a_selection_lines_up_in_reading_order_and_the_rest_stays() {
        let (mut doc, map, ids) = scattered(GroupingModel::Pyramid);
        let untouched = doc.placement(map, ids[3]).cloned();
        let plan = arrange_selection(&doc, map, &ids[..3]);
        doc.apply_all(&plan).expect("arranged");
        let at = |i: usize| doc.placement(map, ids[i]).map(|p| (p.rect.x, p.rect.y));
        // Reading order is top to bottom, then left to right: P2 (y 10), P0 (y 50), P1 (y 90).
        assert_eq!([at(2), at(0), at(1)], [Some((10.0, 10.0)), Some((10.0 + 180.0 + GAP, 10.0)), Some((10.0 + 2.0 * (180.0 + GAP), 10.0))]);
        assert_eq!(doc.placement(map, ids[3]).cloned(), untouched);
        assert!(arrange_selection(&doc, map, &ids[..3]).is_empty(), "arranging again changes nothing");
    }

    #[test]
    fn on_a_column_map_a_selection_stacks_in_a_column() {
        let (mut doc, map, ids) = scattered(GroupingModel::Organizational);
        doc.apply_all(&arrange_selection(&doc, map, &ids[..2])).expect("arranged");
        let a = doc.placement(map, ids[1]).map(|p| p.rect).expect("placed");
        let b = doc.placement(map, ids[0]).map(|p| p.rect).expect("placed");
        assert_eq!((a.x, a.y, b.x, b.y), (10.0, 50.0, 10.0, 50.0 + 88.0 + GAP), "left column first, then down");
    }
}
