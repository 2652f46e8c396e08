//! Gestures as edit lists: what a person does in one move (delete an
//! element, dissolve a group, arrange a map) planned against the document as
//! it is, so the store applies it as one undo step. Pure: nothing is changed
//! here; a plan that the document refuses is refused whole.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::document::Document;
use crate::edit::Edit;
use crate::ids::{ElementId, GroupId, MapId};
use crate::layout::{Arrangement, GroupSpec, arrange};
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
/// their names, kinds, nesting and members (in the order people read them)
/// but get new rectangles; elements in no group go in a row below.
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
    let laid_out = arrange(map, arrangement, &specs, &members(None));

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
