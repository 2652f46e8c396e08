//! Typing a map into being: the keyboard's Enter (a sibling) and Tab (a
//! child), and duplicating elements. Each is planned as an edit list against
//! the document as it is, like plan.rs: where the new box goes, which group
//! holds it, which relation ties it to its parent, and how much the groups
//! around it must grow so nothing sticks out. Pure and deterministic.

use crate::document::Document;
use crate::edit::Edit;
use crate::ids::{ElementId, GroupId, MapId};
use crate::layout::{GAP, HEADER, NODE_HEIGHT, NODE_WIDTH, PADDING};
use crate::placing::{grow_to_fit, nearest_free_spot, overlaps};
use crate::records::{Element, Placement, Rect, Relation};
use crate::vocabulary::{ElementKind, GroupKind, GroupingModel, RelationKind};

impl ElementKind {
    /// What usually sits one level below this kind in a roll-up: a product
    /// below a service area, a service below a product, an application below
    /// a service. Kinds without a natural child get one of their own kind.
    pub fn child_kind(self) -> ElementKind {
        match self {
            ElementKind::ServiceArea | ElementKind::MarketSegment => ElementKind::Product,
            ElementKind::Product | ElementKind::Family => ElementKind::Service,
            ElementKind::Service | ElementKind::Platform => ElementKind::Application,
            ElementKind::Infrastructure => ElementKind::Platform,
            ElementKind::OrgUnit => ElementKind::Team,
            ElementKind::Team | ElementKind::Person => ElementKind::Person,
            ElementKind::Application => ElementKind::Application,
        }
    }
}

impl GroupingModel {
    /// The kind a map of this model starts from when typed in by keyboard.
    pub fn top_kind(self) -> ElementKind {
        match self {
            GroupingModel::Pyramid => ElementKind::ServiceArea,
            GroupingModel::Service => ElementKind::Family,
            GroupingModel::Technical => ElementKind::Platform,
            GroupingModel::Market | GroupingModel::Organizational | GroupingModel::Freeform => ElementKind::Product,
        }
    }
}

/// How a new element relates to the one selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Nothing selected: the map's top kind, in its first group.
    First,
    /// Enter: the same kind, beside it, rolling up to the same parent.
    Sibling(ElementId),
    /// Tab: the kind below, in the next tier down (or the same group), rolling up to it.
    Child(ElementId),
}

/// The top-left corner of a group's inside, in map coordinates.
pub fn group_origin(doc: &Document, group: Option<GroupId>) -> (f64, f64) {
    let (mut x, mut y) = (0.0, 0.0);
    let mut current = group;
    let mut steps = 0;
    while let Some(id) = current {
        let Some(g) = doc.group(id) else { break };
        x += g.rect.x;
        y += g.rect.y;
        current = g.parent;
        steps += 1;
        if steps > doc.groups().count() {
            break; // cannot happen: edits refuse cycles
        }
    }
    (x, y)
}

/// The first free spot for a box at `start` (relative to `group`), moving
/// right a box at a time past the elements and groups already there.
fn free_spot(doc: &Document, map: MapId, group: Option<GroupId>, start: (f64, f64)) -> Rect {
    let taken: Vec<Rect> = doc
        .placements_of(map)
        .filter(|p| p.group == group)
        .map(|p| p.rect)
        .chain(doc.groups_of(map).into_iter().filter(|g| g.parent == group).map(|g| g.rect))
        .collect();
    let mut rect = Rect::new(start.0, start.1, NODE_WIDTH, NODE_HEIGHT);
    // One sweep from left to right over the boxes in the new box's row: the
    // box only ever moves right, so a box it has passed can never be in its
    // way again (an import placing thousands of rows stays n log n per row).
    let mut in_row: Vec<Rect> = taken.into_iter().filter(|t| overlaps(&Rect { x: t.x, ..rect }, t)).collect();
    in_row.sort_by(|a, b| a.x.total_cmp(&b.x));
    for t in &in_row {
        if overlaps(&rect, t) {
            rect.x = rect.x.max(t.x + t.width + GAP);
        }
    }
    rect
}

/// Places `element` at the first free spot in `group` (or on the open map),
/// growing the groups around it to fit: how an element joins an arranged map
/// without moving anything already there.
pub fn place_in_group(doc: &Document, map: MapId, element: ElementId, group: Option<GroupId>) -> Vec<Edit> {
    let start = if group.is_some() { (PADDING, HEADER + PADDING / 2.0) } else { (40.0, 40.0) };
    let rect = free_spot(doc, map, group, start);
    let mut edits = vec![Edit::PutPlacement(Placement { map, element, group, rect })];
    edits.extend(grow_to_fit(doc, group, rect));
    edits
}

/// The tier band right below the one holding `group`, on a map of tiers.
pub fn next_tier_down(doc: &Document, map: MapId, group: Option<GroupId>) -> Option<GroupId> {
    let current = doc.group(group?)?;
    if current.kind != GroupKind::Tier {
        return None;
    }
    doc.groups_of(map)
        .into_iter()
        .filter(|g| g.kind == GroupKind::Tier && g.parent == current.parent && g.rect.y > current.rect.y)
        .min_by(|a, b| a.rect.y.total_cmp(&b.rect.y))
        .map(|g| g.id)
}

/// The hierarchy typed with Enter and Tab, and walked with the arrow keys:
/// each element's parent is the element it rolls up to (the first such
/// relation, when there are several), among the elements `shown` accepts.
pub fn hierarchy_parents(doc: &Document, shown: impl Fn(ElementId) -> bool) -> std::collections::BTreeMap<ElementId, ElementId> {
    let mut parents = std::collections::BTreeMap::new();
    for relation in doc.relations().filter(|r| r.kind == RelationKind::RollsUpTo) {
        if relation.source != relation.target && shown(relation.source) && shown(relation.target) {
            parents.entry(relation.source).or_insert(relation.target);
        }
    }
    parents
}

/// The first group of a map in reading order (top, then left), if any.
fn first_group(doc: &Document, map: MapId) -> Option<GroupId> {
    doc.groups_of(map)
        .into_iter()
        .filter(|g| g.parent.is_none())
        .min_by(|a, b| (a.rect.y, a.rect.x).partial_cmp(&(b.rect.y, b.rect.x)).unwrap_or(std::cmp::Ordering::Equal))
        .map(|g| g.id)
}

/// A new element linked to the selection, placed and tied in. Returns the
/// element (already in the edits) and the edits; None when the map or the
/// selected element is not there.
pub fn add_linked(doc: &Document, map: MapId, link: Link, name: &str) -> Option<(ElementId, Vec<Edit>)> {
    let model = doc.map(map)?.model;
    let inside = |group: Option<GroupId>| if group.is_some() { (PADDING, HEADER + PADDING / 2.0) } else { (40.0, 40.0) };
    let (kind, group, start, parent) = match link {
        Link::First => {
            let group = first_group(doc, map);
            (model.top_kind(), group, inside(group), None)
        }
        Link::Sibling(of) => {
            let element = doc.element(of)?;
            let at = doc.placement(map, of)?;
            let parent = doc.relations().find(|r| r.kind == RelationKind::RollsUpTo && r.source == of).map(|r| r.target);
            (element.kind, at.group, (at.rect.x + at.rect.width + GAP, at.rect.y), parent)
        }
        Link::Child(of) => {
            let element = doc.element(of)?;
            let at = doc.placement(map, of)?;
            match next_tier_down(doc, map, at.group) {
                Some(tier) => {
                    // Under its parent as far as the band allows, so the pyramid reads top-down.
                    let (from_x, _) = group_origin(doc, at.group);
                    let (tier_x, _) = group_origin(doc, Some(tier));
                    let x = (from_x + at.rect.x - tier_x).max(PADDING);
                    (element.kind.child_kind(), Some(tier), (x, HEADER + PADDING / 2.0), Some(of))
                }
                None => (element.kind.child_kind(), at.group, (at.rect.x, at.rect.y + at.rect.height + 2.0 * GAP), Some(of)),
            }
        }
    };
    let element = Element::new(kind, name);
    let id = element.id;
    // The nearest free spot: a child stays under its parent, a sibling beside it, even in a long row.
    let rect = nearest_free_spot(doc, map, group, start);
    let mut edits = vec![Edit::PutElement(element)];
    edits.extend(grow_to_fit(doc, group, rect));
    edits.push(Edit::PutPlacement(Placement { map, element: id, group, rect }));
    if let Some(parent) = parent {
        edits.push(Edit::PutRelation(Relation::new(RelationKind::RollsUpTo, id, parent)));
    }
    Some((id, edits))
}

/// Copies of elements on a map, each beside its original (offset by `by`),
/// in the same group, with the relations among them copied too. Owners and
/// KPIs stay with the originals: a copy is a new thing to be owned.
pub fn duplicate(doc: &Document, map: MapId, elements: &[ElementId], by: (f64, f64)) -> (Vec<ElementId>, Vec<Edit>) {
    let mut copies = std::collections::BTreeMap::new();
    let mut new_elements = Vec::new();
    let mut placements = Vec::new();
    // Per group, the far corner the copies reach, so each group grows once.
    let mut reach: std::collections::BTreeMap<Option<GroupId>, (f64, f64)> = std::collections::BTreeMap::new();
    for &original in elements {
        let (Some(element), Some(at)) = (doc.element(original), doc.placement(map, original)) else { continue };
        if copies.contains_key(&original) {
            continue;
        }
        let copy = Element { id: ElementId::new(), ..element.clone() };
        let rect = Rect { x: at.rect.x + by.0, y: at.rect.y + by.1, ..at.rect };
        copies.insert(original, copy.id);
        let corner = reach.entry(at.group).or_insert((0.0, 0.0));
        *corner = (corner.0.max(rect.x + rect.width), corner.1.max(rect.y + rect.height));
        placements.push(Edit::PutPlacement(Placement { map, element: copy.id, group: at.group, rect }));
        new_elements.push(Edit::PutElement(copy));
    }
    let mut edits = new_elements;
    for (group, (right, bottom)) in reach {
        edits.extend(grow_to_fit(doc, group, Rect::new(0.0, 0.0, right, bottom)));
    }
    edits.extend(placements);
    for relation in doc.relations() {
        if let (Some(&source), Some(&target)) = (copies.get(&relation.source), copies.get(&relation.target)) {
            edits.push(Edit::PutRelation(Relation::new(relation.kind, source, target)));
        }
    }
    let mut ids: Vec<ElementId> = Vec::new();
    for copy in elements.iter().filter_map(|e| copies.get(e).copied()) {
        if !ids.contains(&copy) {
            ids.push(copy);
        }
    }
    (ids, edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Arrangement, GroupSpec, arrange};
    use crate::records::Map;

    fn pyramid() -> (Document, MapId) {
        let mut doc = Document::new();
        let map = Map { id: MapId::new(), name: "P".into(), model: GroupingModel::Pyramid, position: 0 };
        let map_id = map.id;
        let mut edits = vec![Edit::PutMap(map)];
        let tiers = ["Service area", "Products", "Services"].map(|t| GroupSpec::new(t, GroupKind::Tier, Vec::new()));
        edits.extend(arrange(map_id, Arrangement::for_model(GroupingModel::Pyramid), &tiers, &[]));
        doc.apply_all(&edits).expect("a pyramid of empty tiers");
        (doc, map_id)
    }

    fn add(doc: &mut Document, map: MapId, link: Link, name: &str) -> ElementId {
        let (id, edits) = add_linked(doc, map, link, name).expect("planned");
        doc.apply_all(&edits).expect("the document takes the plan");
        id
    }

    fn absolute(doc: &Document, map: MapId, id: ElementId) -> Rect {
        let p = doc.placement(map, id).expect("placed");
        let (x, y) = group_origin(doc, p.group);
        Rect { x: x + p.rect.x, y: y + p.rect.y, ..p.rect }
    }

    fn tier_name(doc: &Document, map: MapId, id: ElementId) -> String {
        let group = doc.placement(map, id).and_then(|p| p.group).expect("in a tier");
        doc.group(group).map(|g| g.name.clone()).unwrap_or_default()
    }

    #[test]
    fn enter_and_tab_type_a_three_level_pyramid_into_its_tiers() {
        let (mut doc, map) = pyramid();
        let area = add(&mut doc, map, Link::First, "Payments");
        let product = add(&mut doc, map, Link::Child(area), "Cards");
        let sibling = add(&mut doc, map, Link::Sibling(product), "Wallets");
        let service = add(&mut doc, map, Link::Child(product), "Card issuing");

        assert_eq!(doc.element(area).map(|e| e.kind), Some(ElementKind::ServiceArea));
        assert_eq!(doc.element(product).map(|e| e.kind), Some(ElementKind::Product));
        assert_eq!(doc.element(sibling).map(|e| e.kind), Some(ElementKind::Product));
        assert_eq!(doc.element(service).map(|e| e.kind), Some(ElementKind::Service));
        assert_eq!(tier_name(&doc, map, area), "Service area");
        assert_eq!(tier_name(&doc, map, product), "Products");
        assert_eq!(tier_name(&doc, map, sibling), "Products");
        assert_eq!(tier_name(&doc, map, service), "Services");
        let parent_of = |child| doc.relations().find(|r| r.source == child && r.kind == RelationKind::RollsUpTo).map(|r| r.target);
        assert_eq!(parent_of(product), Some(area));
        assert_eq!(parent_of(sibling), Some(area), "a sibling rolls up to the same parent");
        assert_eq!(parent_of(service), Some(product));
        assert_eq!(parent_of(area), None);
    }

    #[test]
    fn new_boxes_never_overlap_and_their_groups_grow_around_them() {
        let (mut doc, map) = pyramid();
        let area = add(&mut doc, map, Link::First, "Area");
        let mut last = add(&mut doc, map, Link::Child(area), "P0");
        for i in 1..8 {
            last = add(&mut doc, map, Link::Sibling(last), &format!("P{i}"));
        }
        let boxes: Vec<Rect> = doc.placements_of(map).map(|p| absolute(&doc, map, p.element)).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        for p in doc.placements_of(map) {
            let group = doc.group(p.group.expect("in a tier")).expect("group");
            assert!(p.rect.x + p.rect.width <= group.rect.width, "{} sticks out of {}", p.rect.x + p.rect.width, group.name);
            assert!(p.rect.y + p.rect.height <= group.rect.height);
        }
    }

    #[test]
    fn a_child_on_a_map_without_tiers_goes_below_its_parent() {
        let mut doc = Document::new();
        let map = Map { id: MapId::new(), name: "F".into(), model: GroupingModel::Freeform, position: 0 };
        let map_id = map.id;
        doc.apply_all(&[Edit::PutMap(map)]).expect("map");
        let top = add(&mut doc, map_id, Link::First, "Top");
        let child = add(&mut doc, map_id, Link::Child(top), "Child");
        assert!(absolute(&doc, map_id, child).y > absolute(&doc, map_id, top).y + NODE_HEIGHT);
        assert!(add_linked(&doc, MapId::new(), Link::First, "x").is_none(), "an unknown map plans nothing");
    }

    #[test]
    fn duplicates_copy_the_relations_among_them_but_not_the_owners() {
        let (mut doc, map) = pyramid();
        let area = add(&mut doc, map, Link::First, "Area");
        let product = add(&mut doc, map, Link::Child(area), "Product");
        let relations_before = doc.relations().count();
        let (copies, edits) = duplicate(&doc, map, &[area, product, area], (24.0, 24.0));
        doc.apply_all(&edits).expect("duplicate applies");
        assert_eq!(copies.len(), 2);
        assert_eq!(doc.relations().count(), relations_before + 1, "the copy of the product rolls up to the copy of the area");
        let moved = absolute(&doc, map, copies[0]);
        let original = absolute(&doc, map, area);
        assert_eq!((moved.x - original.x, moved.y - original.y), (24.0, 24.0));
        assert_eq!(doc.element(copies[1]).map(|e| e.name.as_str()), Some("Product"));
    }
}
