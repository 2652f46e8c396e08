//! Converting the domain into wire types. The only place that knows both.

use std::collections::BTreeSet;

use tiermap_model::{Document, ElementId, Map, MapId, OwnedTarget, Relation};

use crate::wire::{ElementNode, GroupNode, MapSummary, MapView, OwnerBadge, RelationEdge};

/// "Ada Rivera" -> "AR"; "A. Rivera" -> "AR"; "Cher" -> "CH".
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters: String = match words.as_slice() {
        [] => String::new(),
        [one] => one.chars().filter(|c| c.is_alphanumeric()).take(2).collect(),
        [first, .., last] => [first, last].iter().filter_map(|w| w.chars().find(|c| c.is_alphanumeric())).collect(),
    };
    letters.to_uppercase()
}

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
    let nodes = doc
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
            })
        })
        .collect();
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
        })
        .collect();
    Some(MapView { map: map_summary(doc, map), groups, nodes, edges })
}

/// True when the map already says what `relation` says by containment: its
/// model's containment relation, with the source inside the target's group.
/// Drawing the line too would only add clutter across the container.
fn shown_by_containment(doc: &Document, map: &Map, relation: &Relation) -> bool {
    if map.model.containment_relation() != Some(relation.kind) {
        return false;
    }
    let group_of = |element: ElementId| doc.placement(map.id, element).and_then(|p| p.group);
    let (Some(target_group), Some(mut current)) = (group_of(relation.target), group_of(relation.source)) else {
        return false;
    };
    // Walk up from the source's group; meeting the target's group means "inside it".
    for _ in 0..=doc.groups_of(map.id).len() {
        if current == target_group {
            return true;
        }
        match doc.group(current).and_then(|g| g.parent) {
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_first_and_last_word() {
        assert_eq!(initials("Ada Rivera"), "AR");
        assert_eq!(initials("A. Rivera"), "AR");
        assert_eq!(initials("Mary Ann van Dyke"), "MD");
        assert_eq!(initials("cher"), "CH");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("Élodie Ürün"), "ÉÜ");
    }
}
