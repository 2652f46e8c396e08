//! Converting the domain into wire types. The only place that knows both.

use std::collections::{BTreeSet, HashMap};

use tiermap_model::layout::routing::{self, Route, Side};
use tiermap_model::outline::{self, Node};
use tiermap_model::presentation::shown_by_containment;
use tiermap_model::{Document, ElementId, Map, MapId, OwnedTarget};

use crate::wire::{ElementNode, GroupNode, ItemKind, MapSummary, MapView, OutlineItem, OwnerBadge, PersonSummary, RelationEdge, RoutePoint, RouteSide, RouteView};

pub use tiermap_model::presentation::initials;

pub fn map_summary(doc: &Document, map: &Map) -> MapSummary {
    MapSummary {
        id: map.id.to_string(),
        name: map.name.clone(),
        model: map.model.as_str().into(),
        model_label: map.model.label().into(),
        element_count: doc.placements_of(map.id).count() as u32,
    }
}

pub(crate) fn owners(doc: &Document, target: OwnedTarget) -> Vec<OwnerBadge> {
    let mut badges: Vec<OwnerBadge> = doc
        .ownerships_of(target)
        .filter_map(|o| {
            let person = doc.element(o.person)?;
            Some(OwnerBadge {
                ownership_id: o.id.to_string(),
                person_id: o.person.to_string(),
                name: person.name.clone(),
                initials: initials(&person.name),
                role: o.role.as_str().into(),
                role_label: o.role.label().into(),
                tier: o.role.tier(),
                accountable: o.accountable,
            })
        })
        .collect();
    // Accountable owner first, then by tier: the badge order reads as the practice does.
    badges.sort_by_key(|b| (!b.accountable, b.tier, b.name.clone()));
    badges
}

/// Everything the canvas needs for one map.
pub fn map_view(doc: &Document, map_id: MapId) -> Option<MapView> {
    let map = doc.map(map_id)?;
    let groups = doc
        .groups_of(map_id)
        .into_iter()
        .map(|g| GroupNode {
            id: g.id.to_string(),
            parent_id: g.parent.map(|p| p.to_string()),
            kind: g.kind.as_str().into(),
            kind_label: g.kind.label().into(),
            name: g.name.clone(),
            x: g.rect.x,
            y: g.rect.y,
            width: g.rect.width,
            height: g.rect.height,
            collapsed: g.collapsed,
            owners: owners(doc, OwnedTarget::Group(g.id)),
        })
        .collect();
    let mut on_map: BTreeSet<ElementId> = BTreeSet::new();
    let mut nodes: Vec<ElementNode> = doc
        .placements_of(map_id)
        .filter_map(|p| {
            let element = doc.element(p.element)?;
            on_map.insert(element.id);
            Some(ElementNode {
                id: element.id.to_string(),
                group_id: p.group.map(|g| g.to_string()),
                kind: element.kind.as_str().into(),
                kind_label: element.kind.label().into(),
                name: element.name.clone(),
                external: element.external,
                lifecycle: element.lifecycle.map(|l| l.as_str().into()),
                x: p.rect.x,
                y: p.rect.y,
                width: p.rect.width,
                height: p.rect.height,
                owners: owners(doc, OwnedTarget::Element(element.id)),
                hierarchy_parent: None,
            })
        })
        .collect();
    // Routed once for the whole map: each line goes round the others' boxes.
    let mut routes: HashMap<_, Route> = routing::map_routes(doc, map_id).into_iter().map(|r| (r.relation, r.route)).collect();
    let parents = tiermap_model::authoring::hierarchy_parents(doc, |e| on_map.contains(&e));
    for node in &mut nodes {
        let id = node.id.parse::<ElementId>().ok();
        node.hierarchy_parent = id.and_then(|id| parents.get(&id)).map(ToString::to_string);
    }
    let edges = doc
        .relations()
        .filter(|r| on_map.contains(&r.source) && on_map.contains(&r.target))
        .filter(|r| !shown_by_containment(doc, map, r))
        .map(|r| RelationEdge {
            id: r.id.to_string(),
            kind: r.kind.as_str().into(),
            kind_label: r.kind.label().into(),
            source: r.source.to_string(),
            target: r.target.to_string(),
            route: routes.remove(&r.id).filter(|route| route.points.len() >= 2).map(route_view),
        })
        .collect();
    Some(MapView { map: map_summary(doc, map), groups, nodes, edges, outline: outline_items(doc, map_id) })
}

/// The map's outline as the panel's lines.
fn outline_items(doc: &Document, map: MapId) -> Vec<OutlineItem> {
    let id_of = |node: Node| match node {
        Node::Element(e) => e.to_string(),
        Node::Group(g) => g.to_string(),
    };
    outline::map_outline(doc, map)
        .into_iter()
        .filter_map(|entry| {
            let (item, name, kind, kind_label) = match entry.node {
                Node::Element(e) => {
                    let element = doc.element(e)?;
                    (ItemKind::Element, element.name.clone(), element.kind.as_str(), element.kind.label())
                }
                Node::Group(g) => {
                    let group = doc.group(g)?;
                    (ItemKind::Group, group.name.clone(), group.kind.as_str(), group.kind.label())
                }
            };
            Some(OutlineItem {
                id: id_of(entry.node),
                item,
                name,
                kind: kind.into(),
                kind_label: kind_label.into(),
                depth: entry.depth as u32,
                parent_id: entry.parent.map(id_of),
                children: entry.children as u32,
            })
        })
        .collect()
}

/// A person as the people panel and the owner picker list them.
pub(crate) fn person_summary(doc: &Document, person: &tiermap_model::Element) -> PersonSummary {
    PersonSummary {
        id: person.id.to_string(),
        name: person.name.clone(),
        initials: initials(&person.name),
        ownerships: doc.ownerships().filter(|o| o.person == person.id).count() as u32,
    }
}

fn route_view(route: Route) -> RouteView {
    RouteView {
        points: route.points.iter().map(|p| RoutePoint { x: p.x, y: p.y }).collect(),
        start_side: route_side(route.start_side),
        end_side: route_side(route.end_side),
        routed: route.routed,
    }
}

fn route_side(side: Side) -> RouteSide {
    match side {
        Side::Top => RouteSide::Top,
        Side::Bottom => RouteSide::Bottom,
        Side::Left => RouteSide::Left,
        Side::Right => RouteSide::Right,
    }
}
