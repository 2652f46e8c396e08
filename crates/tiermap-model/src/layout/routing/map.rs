//! The routed lines of a whole map, for the canvas: absolute boxes from the
//! stored positions (relative to their groups), what collapsed groups hide
//! left out, group titles kept clear, and only the relations the map draws
//! (not those its containers already show). Exports route their own scene,
//! whose titles are measured with the real fonts; this estimates a title's
//! width as the layout does.

use std::collections::BTreeMap;

use super::{Link, Route, route};
use crate::document::Document;
use crate::ids::{ElementId, GroupId, MapId, RelationId};
use crate::presentation::shown_by_containment;
use crate::records::Rect;

/// Height of a group's title, and of a collapsed group (the canvas's title bar).
const TITLE_HEIGHT: f64 = 28.0;
const COLLAPSED_HEIGHT: f64 = 40.0;
/// About 8 units a character of a 13 px bold name, plus its kind label.
const TITLE_CHAR_WIDTH: f64 = 8.0;
const TITLE_EXTRA: f64 = 120.0;

/// A relation's line on the map, in the map's absolute coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutedRelation {
    pub relation: RelationId,
    pub route: Route,
}

/// Everything a map's routes depend on: the boxes, the title bars and the
/// lines to draw. Two maps with equal inputs have equal routes, so a caller
/// can keep the routes while a change (a name, an owner) leaves these alone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapRouting {
    boxes: Vec<Rect>,
    keep_out: Vec<Rect>,
    links: Vec<Link>,
    relations: Vec<RelationId>,
}

impl MapRouting {
    /// Every line of the map, routed.
    pub fn route(&self) -> Vec<RoutedRelation> {
        self.relations
            .iter()
            .zip(route(&self.boxes, &self.keep_out, &self.links))
            .map(|(relation, route)| RoutedRelation {
                relation: *relation,
                route,
            })
            .collect()
    }
}

/// Every drawn relation of `map`, routed. Empty for an unknown map.
pub fn map_routes(doc: &Document, map_id: MapId) -> Vec<RoutedRelation> {
    map_routing(doc, map_id).route()
}

/// What routing `map` depends on (nothing for an unknown map).
pub fn map_routing(doc: &Document, map_id: MapId) -> MapRouting {
    let Some(map) = doc.map(map_id) else {
        return MapRouting::default();
    };
    // Parents come before their children, so each parent is placed (or hidden) first.
    let mut groups: BTreeMap<GroupId, (Rect, bool)> = BTreeMap::new();
    let mut hidden: Vec<GroupId> = Vec::new();
    let mut keep_out = Vec::new();
    for group in doc.groups_of(map_id) {
        let parent = group.parent.and_then(|p| groups.get(&p).copied());
        if group
            .parent
            .is_some_and(|p| hidden.contains(&p) || parent.is_some_and(|(_, collapsed)| collapsed))
        {
            hidden.push(group.id);
            continue;
        }
        let (x, y) = parent.map_or((0.0, 0.0), |(r, _)| (r.x, r.y));
        let mut rect = Rect {
            x: group.rect.x + x,
            y: group.rect.y + y,
            ..group.rect
        };
        if group.collapsed {
            rect.height = COLLAPSED_HEIGHT;
            keep_out.push(rect);
        } else {
            let title = group.name.chars().count() as f64 * TITLE_CHAR_WIDTH + TITLE_EXTRA;
            keep_out.push(Rect::new(
                rect.x,
                rect.y,
                title.min(rect.width),
                TITLE_HEIGHT.min(rect.height),
            ));
        }
        groups.insert(group.id, (rect, group.collapsed));
    }
    let mut index: BTreeMap<ElementId, usize> = BTreeMap::new();
    let mut boxes = Vec::new();
    for placement in doc.placements_of(map_id) {
        let origin = match placement.group {
            None => (0.0, 0.0),
            Some(g) => match groups.get(&g) {
                Some((r, false)) => (r.x, r.y),
                _ => continue,
            },
        };
        index.insert(placement.element, boxes.len());
        boxes.push(Rect {
            x: placement.rect.x + origin.0,
            y: placement.rect.y + origin.1,
            ..placement.rect
        });
    }
    let drawn: Vec<(RelationId, Link)> = doc
        .relations()
        .filter(|r| r.source != r.target && !shown_by_containment(doc, map, r))
        .filter_map(|r| {
            Some((
                r.id,
                Link {
                    source: *index.get(&r.source)?,
                    target: *index.get(&r.target)?,
                },
            ))
        })
        .collect();
    MapRouting {
        boxes,
        keep_out,
        links: drawn.iter().map(|(_, l)| *l).collect(),
        relations: drawn.iter().map(|(r, _)| *r).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::records::{Element, Group, Map, Placement, Relation};
    use crate::vocabulary::{ElementKind, GroupKind, GroupingModel, RelationKind};

    #[test]
    fn lines_of_a_map_go_round_the_boxes_between_and_skip_what_a_collapsed_group_hides() {
        let mut doc = Document::new();
        let map = MapId::new();
        let (open, shut) = (GroupId::new(), GroupId::new());
        let elements: Vec<Element> = (0..4)
            .map(|i| Element::new(ElementKind::Product, format!("P{i}")))
            .collect();
        let mut edits = vec![
            Edit::PutMap(Map {
                id: map,
                name: "M".into(),
                model: GroupingModel::Freeform,
                position: 0,
            }),
            Edit::PutGroup(Group {
                id: open,
                map,
                parent: None,
                kind: GroupKind::Family,
                name: "Open".into(),
                rect: Rect::new(100.0, 0.0, 700.0, 160.0),
                collapsed: false,
            }),
            Edit::PutGroup(Group {
                id: shut,
                map,
                parent: None,
                kind: GroupKind::Family,
                name: "Shut".into(),
                rect: Rect::new(100.0, 400.0, 300.0, 160.0),
                collapsed: true,
            }),
        ];
        for (i, e) in elements.iter().enumerate() {
            edits.push(Edit::PutElement(e.clone()));
            let (group, x, y) = if i < 3 {
                (Some(open), 24.0 + 204.0 * i as f64, 40.0)
            } else {
                (Some(shut), 24.0, 40.0)
            };
            edits.push(Edit::PutPlacement(Placement {
                map,
                element: e.id,
                group,
                rect: Rect::new(x, y, 180.0, 88.0),
            }));
        }
        let across = Relation::new(RelationKind::Supports, elements[0].id, elements[2].id);
        let into_hidden = Relation::new(RelationKind::Supports, elements[0].id, elements[3].id);
        edits.push(Edit::PutRelation(across.clone()));
        edits.push(Edit::PutRelation(into_hidden));
        doc.apply_all(&edits).unwrap();
        let routes = map_routes(&doc, map);
        assert_eq!(
            routes.len(),
            1,
            "the line into the collapsed group is not drawn"
        );
        assert_eq!(routes[0].relation, across.id);
        let route = &routes[0].route;
        assert!(route.routed);
        let middle = Rect::new(100.0 + 24.0 + 204.0, 40.0, 180.0, 88.0);
        for w in route.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let meets = a.x.min(b.x) <= middle.x + middle.width
                && a.x.max(b.x) >= middle.x
                && a.y.min(b.y) <= middle.y + middle.height
                && a.y.max(b.y) >= middle.y;
            assert!(!meets, "through the box between: {:?}", route.points);
        }
        assert!(map_routes(&doc, MapId::new()).is_empty());
    }
}
