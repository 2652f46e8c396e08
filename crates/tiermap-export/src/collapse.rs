//! Collapsed groups, drawn as the canvas shows them: only the title bar, with
//! how much it holds; what is inside (elements, nested groups, and the lines
//! that reach them) is left out of the drawing.

use std::collections::{BTreeMap, BTreeSet};

use tiermap_model::{Document, GroupId, MapId};

/// A collapsed group's height: its title bar (the canvas's COLLAPSED_HEIGHT in ui/src/editor/flowModel.ts).
pub const COLLAPSED_HEIGHT: f64 = 40.0;

/// Which groups of a map are collapsed, and which are hidden inside one.
#[derive(Debug, Default)]
pub struct Collapse {
    collapsed: BTreeSet<GroupId>,
    /// Groups with a collapsed group among their ancestors.
    hidden: BTreeSet<GroupId>,
    /// Elements and groups inside each collapsed group, at any depth.
    inside: BTreeMap<GroupId, usize>,
}

impl Collapse {
    pub fn of(doc: &Document, map: MapId) -> Self {
        let groups = doc.groups_of(map);
        let collapsed: BTreeSet<GroupId> = groups
            .iter()
            .filter(|g| g.collapsed)
            .map(|g| g.id)
            .collect();
        if collapsed.is_empty() {
            return Collapse::default();
        }
        let parent: BTreeMap<GroupId, Option<GroupId>> =
            groups.iter().map(|g| (g.id, g.parent)).collect();
        // The collapsed groups holding `start`'s contents: itself if collapsed, and any collapsed ancestor.
        let holders = |start: Option<GroupId>| {
            let mut found = Vec::new();
            let mut current = start;
            // Bounded by the number of groups: the model refuses cycles.
            for _ in 0..=groups.len() {
                let Some(id) = current else { break };
                if collapsed.contains(&id) {
                    found.push(id);
                }
                current = parent.get(&id).copied().flatten();
            }
            found
        };
        let mut hidden = BTreeSet::new();
        let mut inside: BTreeMap<GroupId, usize> = BTreeMap::new();
        for group in &groups {
            let around = holders(group.parent);
            if !around.is_empty() {
                hidden.insert(group.id);
            }
            for holder in around {
                *inside.entry(holder).or_default() += 1;
            }
        }
        for placement in doc.placements_of(map) {
            for holder in holders(placement.group) {
                *inside.entry(holder).or_default() += 1;
            }
        }
        Collapse {
            collapsed,
            hidden,
            inside,
        }
    }

    /// Whether the group is inside a collapsed one (and so not drawn).
    pub fn hides_group(&self, group: GroupId) -> bool {
        self.hidden.contains(&group)
    }

    /// Whether what sits in `group` is out of sight.
    pub fn hides_contents_of(&self, group: Option<GroupId>) -> bool {
        group.is_some_and(|g| self.collapsed.contains(&g) || self.hidden.contains(&g))
    }

    /// For a collapsed group, how many elements and groups it holds.
    pub fn holding(&self, group: GroupId) -> Option<usize> {
        self.collapsed
            .contains(&group)
            .then(|| self.inside.get(&group).copied().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiermap_model::{
        Edit, Element, ElementKind, Group, GroupKind, GroupingModel, Map, Placement, Rect,
        Relation, RelationKind,
    };

    #[test]
    fn a_collapsed_group_is_its_title_bar_and_what_it_holds_is_not_drawn() {
        let mut doc = Document::new();
        let map = MapId::new();
        let (outer, inner) = (GroupId::new(), GroupId::new());
        let group = |id, parent, name: &str, collapsed| Group {
            id,
            map,
            parent,
            kind: GroupKind::Family,
            name: name.into(),
            rect: Rect::new(0.0, 0.0, 600.0, 400.0),
            collapsed,
        };
        let (a, b, c) = (
            Element::new(ElementKind::Service, "A"),
            Element::new(ElementKind::Service, "B"),
            Element::new(ElementKind::Product, "C"),
        );
        let place = |element: &Element, group, x| {
            Edit::PutPlacement(Placement {
                map,
                element: element.id,
                group,
                rect: Rect::new(x, 60.0, 180.0, 88.0),
            })
        };
        doc.apply_all(&[
            Edit::PutMap(Map {
                id: map,
                name: "M".into(),
                model: GroupingModel::Service,
                position: 0,
            }),
            Edit::PutGroup(group(outer, None, "Outer", true)),
            Edit::PutGroup(Group {
                rect: Rect::new(20.0, 150.0, 300.0, 200.0),
                ..group(inner, Some(outer), "Inner", false)
            }),
            Edit::PutElement(a.clone()),
            Edit::PutElement(b.clone()),
            Edit::PutElement(c.clone()),
            place(&a, Some(outer), 20.0),
            place(&b, Some(inner), 20.0),
            place(&c, None, 700.0),
            Edit::PutRelation(Relation::new(RelationKind::Supports, a.id, c.id)),
        ])
        .unwrap();
        let scene = crate::scene(&doc, map).unwrap();
        let names: Vec<String> = scene
            .groups
            .iter()
            .map(|g| g.name.lines.join(" "))
            .collect();
        assert_eq!(
            names,
            ["Outer"],
            "the nested group is inside the collapsed one"
        );
        assert_eq!(scene.groups[0].rect.height, COLLAPSED_HEIGHT);
        let kind = scene.groups[0]
            .kind_label
            .as_ref()
            .map(|l| l.lines.join(" "))
            .unwrap_or_default();
        assert_eq!(kind, "FAMILY · 3 INSIDE");
        let elements: Vec<String> = scene
            .elements
            .iter()
            .map(|e| e.name.lines.join(" "))
            .collect();
        assert_eq!(elements, ["C"]);
        assert!(
            scene.connectors.is_empty(),
            "a line to a hidden box is not drawn"
        );

        // Expanded again, everything is back.
        doc.apply_all(&[Edit::PutGroup(group(outer, None, "Outer", false))])
            .unwrap();
        let scene = crate::scene(&doc, map).unwrap();
        assert_eq!(
            (
                scene.groups.len(),
                scene.elements.len(),
                scene.connectors.len()
            ),
            (2, 3, 1)
        );
    }
}
