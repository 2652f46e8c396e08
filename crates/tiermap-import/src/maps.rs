//! Maps for imported elements. A fresh import gets a map per grouping model
//! its structure shows (a pyramid per apex from the parents, a market
//! alignment from segments, an organizational alignment from divisions, a
//! service grouping from families, a technical grouping of the technical
//! kinds), each laid out by the core's arrangement; what lands on none goes
//! on one more map, so nothing imported is out of sight. A re-import puts
//! each new element beside what it is linked to on the maps already there.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use crate::work::CountVisits;
use tiermap_model::authoring::{next_tier_down, place_in_group};
use tiermap_model::layout::{Arrangement, GroupSpec, arrange_linked};
use tiermap_model::validate::fits;
use tiermap_model::{
    Document, Edit, ElementId, ElementKind, GroupKind, GroupingModel, Map, MapId, RelationKind,
};

/// More apexes than this share one pyramid map rather than getting one each.
const MAX_PYRAMID_MAPS: usize = 8;

/// The edits that show `created` (already in `doc`) on maps, and the names of any new maps.
pub fn for_new_elements(
    doc: &Document,
    created: &[ElementId],
    models: &[GroupingModel],
    beside_existing: bool,
) -> (Vec<Edit>, Vec<String>) {
    if beside_existing && !doc.maps().is_empty() {
        return (beside_linked(doc, created), Vec::new());
    }
    let mut maker = MapMaker {
        doc,
        edits: Vec::new(),
        names: Vec::new(),
        taken: doc.maps().iter().map(|m| m.name.clone()).collect(),
        placed: HashSet::new(),
        links: doc
            .relations()
            .counted()
            .map(|r| (r.source, r.target))
            .collect(),
    };
    for model in models {
        match model {
            GroupingModel::Pyramid => pyramids(&mut maker, created),
            GroupingModel::Market => containers(
                &mut maker,
                created,
                RelationKind::Serves,
                ElementKind::MarketSegment,
                GroupKind::SegmentLane,
                *model,
            ),
            GroupingModel::Organizational => containers(
                &mut maker,
                created,
                RelationKind::BelongsTo,
                ElementKind::OrgUnit,
                GroupKind::Division,
                *model,
            ),
            GroupingModel::Service => containers(
                &mut maker,
                created,
                RelationKind::RollsUpTo,
                ElementKind::Family,
                GroupKind::Family,
                *model,
            ),
            GroupingModel::Technical => technical(&mut maker, created),
            GroupingModel::Freeform => {}
        }
    }
    let unplaced: Vec<ElementId> = created
        .iter()
        .counted()
        .copied()
        .filter(|id| {
            !maker.placed.contains(id)
                && doc
                    .element(*id)
                    .is_some_and(|e| e.kind != ElementKind::Person)
        })
        .collect();
    if !unplaced.is_empty() {
        let group = GroupSpec::new("Not on another map", GroupKind::Plain, unplaced);
        maker.map("Imported elements", GroupingModel::Freeform, vec![group]);
    }
    (maker.edits, maker.names)
}

struct MapMaker<'a> {
    doc: &'a Document,
    edits: Vec<Edit>,
    names: Vec<String>,
    taken: HashSet<String>,
    placed: HashSet<ElementId>,
    /// Every relation's ends, for laying out each map as Arrange does.
    links: Vec<(ElementId, ElementId)>,
}

impl MapMaker<'_> {
    /// A new map with a name no map has yet, laid out by its model.
    fn map(&mut self, name: &str, model: GroupingModel, groups: Vec<GroupSpec>) {
        let mut unique = name.to_owned();
        let mut n = 2;
        while self.taken.contains(&unique) {
            unique = format!("{name} {n}");
            n += 1;
        }
        self.taken.insert(unique.clone());
        let position = (self.doc.maps().len() + self.names.len()) as i64;
        let map = Map {
            id: MapId::new(),
            name: unique.clone(),
            model,
            position,
        };
        let id = map.id;
        fn members(spec: &GroupSpec, into: &mut HashSet<ElementId>) {
            into.extend(spec.members.iter().counted().copied());
            spec.children.iter().for_each(|c| members(c, into));
        }
        let mut on_map = HashSet::new();
        groups.iter().for_each(|g| members(g, &mut on_map));
        // Laid out as Arrange lays it out (related elements near each other),
        // so arranging an imported map changes nothing.
        let links: Vec<(ElementId, ElementId)> = self
            .links
            .iter()
            .counted()
            .filter(|(a, b)| on_map.contains(a) && on_map.contains(b))
            .copied()
            .collect();
        self.placed.extend(on_map);
        self.edits.push(Edit::PutMap(map));
        self.edits.extend(arrange_linked(
            id,
            Arrangement::for_model(model),
            &groups,
            &[],
            &links,
        ));
        self.names.push(unique);
    }
}

fn plural(kind: ElementKind) -> String {
    kind.plural_label().to_owned()
}

/// A pyramid per apex of the roll-up (families aside: they make the service
/// grouping), tiers by depth, each tier ordered under its parents.
fn pyramids(maker: &mut MapMaker, created: &[ElementId]) {
    let doc = maker.doc;
    let is_family = |id: ElementId| {
        doc.element(id)
            .is_some_and(|e| e.kind == ElementKind::Family)
    };
    let mut parents: HashMap<ElementId, Vec<ElementId>> = HashMap::new();
    let mut children: HashMap<ElementId, Vec<ElementId>> = HashMap::new();
    let fitting = |id: ElementId| {
        doc.element(id)
            .is_some_and(|e| fits(GroupingModel::Pyramid, e.kind))
    };
    for relation in doc.relations().counted().filter(|r| {
        r.kind == RelationKind::RollsUpTo
            && !is_family(r.target)
            && fitting(r.source)
            && fitting(r.target)
    }) {
        parents
            .entry(relation.source)
            .or_default()
            .push(relation.target);
        children
            .entry(relation.target)
            .or_default()
            .push(relation.source);
    }
    // The hierarchy the import touches: its elements that have a parent or a child, and their ancestors.
    let mut nodes: Vec<ElementId> = Vec::new();
    let mut seen = HashSet::new();
    let mut queue: VecDeque<ElementId> = created
        .iter()
        .counted()
        .copied()
        .filter(|id| parents.contains_key(id) || children.contains_key(id))
        .collect();
    while let Some(id) = queue.pop_front() {
        if seen.insert(id) {
            nodes.push(id);
            queue.extend(parents.get(&id).into_iter().flatten().counted().copied());
        }
    }
    if nodes.is_empty() {
        return;
    }
    let order: HashMap<ElementId, usize> =
        nodes.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut roots: Vec<ElementId> = nodes
        .iter()
        .counted()
        .copied()
        .filter(|id| {
            !parents
                .get(id)
                .is_some_and(|p| p.iter().any(|p| seen.contains(p)))
        })
        .collect();
    let mut reached: HashSet<ElementId> = HashSet::new();
    let mut trees: Vec<Vec<Vec<ElementId>>> = Vec::new();
    // Elements only in a loop have no apex: the first of them stands in for one.
    let mut pending = nodes.iter().copied();
    loop {
        let root = match roots.pop() {
            Some(root) => root,
            None => match pending.by_ref().find(|id| !reached.contains(id)) {
                Some(id) => id,
                None => break,
            },
        };
        if roots.is_empty() && trees.len() > MAX_PYRAMID_MAPS {
            break;
        }
        trees.push(tiers_below(root, &children, &order, &mut reached));
    }
    roots.clear();
    trees.sort_by_key(|tiers| order[&tiers[0][0]]);
    if trees.len() > MAX_PYRAMID_MAPS {
        // One map, tiers merged by depth.
        let mut merged: Vec<Vec<ElementId>> = Vec::new();
        let mut placed = HashSet::new();
        for tiers in trees {
            for (depth, tier) in tiers.into_iter().enumerate() {
                if merged.len() <= depth {
                    merged.push(Vec::new());
                }
                merged[depth].extend(tier.into_iter().filter(|id| placed.insert(*id)));
            }
        }
        maker.map("Pyramid", GroupingModel::Pyramid, tier_groups(doc, merged));
        return;
    }
    for tiers in trees {
        let apex = doc
            .element(tiers[0][0])
            .map(|e| e.name.clone())
            .unwrap_or_default();
        maker.map(
            &format!("{apex} (pyramid)"),
            GroupingModel::Pyramid,
            tier_groups(doc, tiers),
        );
    }
}

/// The tiers under `root`: breadth first, each element once, children in the order of their parents.
fn tiers_below(
    root: ElementId,
    children: &HashMap<ElementId, Vec<ElementId>>,
    order: &HashMap<ElementId, usize>,
    reached: &mut HashSet<ElementId>,
) -> Vec<Vec<ElementId>> {
    let mut tiers = vec![vec![root]];
    let mut in_tree = HashSet::from([root]);
    reached.insert(root);
    loop {
        let mut next = Vec::new();
        for parent in tiers.last().into_iter().flatten().counted() {
            let mut kids: Vec<ElementId> = children
                .get(parent)
                .into_iter()
                .flatten()
                .copied()
                .filter(|c| order.contains_key(c))
                .collect();
            kids.sort_by_key(|c| order[c]);
            for kid in kids.into_iter().counted() {
                if in_tree.insert(kid) {
                    reached.insert(kid);
                    next.push(kid);
                }
            }
        }
        if next.is_empty() {
            return tiers;
        }
        tiers.push(next);
    }
}

/// Tier groups named by the kinds they hold ("Service areas", "Products and services").
fn tier_groups(doc: &Document, tiers: Vec<Vec<ElementId>>) -> Vec<GroupSpec> {
    tiers
        .into_iter()
        .enumerate()
        .map(|(depth, members)| {
            let mut kinds: Vec<ElementKind> = members
                .iter()
                .filter_map(|id| doc.element(*id))
                .map(|e| e.kind)
                .collect();
            kinds.sort();
            kinds.dedup();
            let name = match kinds.as_slice() {
                [one] => plural(*one),
                [a, b] => format!("{} and {}", plural(*a), plural(*b).to_lowercase()),
                _ => format!("Level {}", depth + 1),
            };
            GroupSpec::new(name, GroupKind::Tier, members)
        })
        .collect()
}

/// A container per target of `relation` of kind `target_kind` (segment lane,
/// division, family), holding the target and what points at it; an element
/// pointing at several goes in the first.
fn containers(
    maker: &mut MapMaker,
    created: &[ElementId],
    relation: RelationKind,
    target_kind: ElementKind,
    group: GroupKind,
    model: GroupingModel,
) {
    let doc = maker.doc;
    let mut lanes: BTreeMap<(usize, ElementId), Vec<ElementId>> = BTreeMap::new();
    let mut first_seen: HashMap<ElementId, usize> = HashMap::new();
    let mut taken = HashSet::new();
    // Each element's targets of `relation`, found once (the document may hold tens of thousands).
    let mut targets_of: HashMap<ElementId, Vec<ElementId>> = HashMap::new();
    for r in doc.relations().counted().filter(|r| r.kind == relation) {
        if doc.element(r.target).is_some_and(|t| t.kind == target_kind) {
            targets_of.entry(r.source).or_default().push(r.target);
        }
    }
    let position: HashMap<ElementId, usize> =
        created.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    for (index, id) in created.iter().enumerate().counted() {
        // What the model's checks would call out of place stays off its map.
        if !doc.element(*id).is_some_and(|e| fits(model, e.kind)) {
            continue;
        }
        let mut targets: Vec<ElementId> = targets_of.get(id).cloned().unwrap_or_default();
        targets.sort_by_key(|t| position.get(t).copied().unwrap_or(usize::MAX));
        let Some(target) = targets.first().copied() else {
            continue;
        };
        let order = *first_seen.entry(target).or_insert(index);
        let lane = lanes.entry((order, target)).or_default();
        if taken.insert(*id) {
            lane.push(*id);
        }
    }
    if lanes.is_empty() {
        return;
    }
    let groups = lanes
        .into_iter()
        .map(|((_, target), members)| {
            let name = doc
                .element(target)
                .map(|e| e.name.clone())
                .unwrap_or_default();
            let mut all = Vec::new();
            if !taken.contains(&target) && doc.element(target).is_some_and(|t| fits(model, t.kind))
            {
                all.push(target);
            }
            all.extend(members);
            GroupSpec::new(name, group, all)
        })
        .collect();
    maker.map(model.label(), model, groups);
}

/// A platform group per technical kind.
fn technical(maker: &mut MapMaker, created: &[ElementId]) {
    let doc = maker.doc;
    let groups: Vec<GroupSpec> = [
        ElementKind::Platform,
        ElementKind::Application,
        ElementKind::Infrastructure,
    ]
    .into_iter()
    .filter_map(|kind| {
        let members: Vec<ElementId> = created
            .iter()
            .counted()
            .copied()
            .filter(|id| doc.element(*id).is_some_and(|e| e.kind == kind))
            .collect();
        (!members.is_empty())
            .then(|| GroupSpec::new(plural(kind), GroupKind::PlatformGroup, members))
    })
    .collect();
    if !groups.is_empty() {
        maker.map(
            GroupingModel::Technical.label(),
            GroupingModel::Technical,
            groups,
        );
    }
}

/// On a re-import: each new element joins every map where what it is linked
/// to is placed, in the group its link calls for (the parent's next tier, the
/// segment's lane, the division, the family), at the first free spot.
fn beside_linked(doc: &Document, created: &[ElementId]) -> Vec<Edit> {
    let mut current = doc.clone();
    let mut edits = Vec::new();
    // What each new element points at, and the maps, found once: placing changes neither.
    let new: HashSet<ElementId> = created.iter().copied().collect();
    let mut targets_of: HashMap<ElementId, Vec<(RelationKind, ElementId)>> = HashMap::new();
    for relation in doc
        .relations()
        .counted()
        .filter(|r| new.contains(&r.source))
    {
        targets_of
            .entry(relation.source)
            .or_default()
            .push((relation.kind, relation.target));
    }
    let maps: Vec<(MapId, GroupingModel)> =
        doc.maps().into_iter().map(|m| (m.id, m.model)).collect();
    for id in created.iter().counted() {
        if current
            .element(*id)
            .is_none_or(|e| e.kind == ElementKind::Person)
        {
            continue;
        }
        let targets = targets_of.get(id).map(Vec::as_slice).unwrap_or_default();
        for &(map, model) in maps.iter().counted() {
            if current.placement(map, *id).is_some() {
                continue;
            }
            let wanted = match model {
                GroupingModel::Market => Some(RelationKind::Serves),
                GroupingModel::Organizational => Some(RelationKind::BelongsTo),
                GroupingModel::Service | GroupingModel::Pyramid | GroupingModel::Technical => {
                    Some(RelationKind::RollsUpTo)
                }
                GroupingModel::Freeform => None,
            };
            let Some(anchor) = targets
                .iter()
                .filter(|(kind, _)| Some(*kind) == wanted)
                .find_map(|(_, t)| current.placement(map, *t))
            else {
                continue;
            };
            let group = if model == GroupingModel::Pyramid {
                next_tier_down(&current, map, anchor.group).or(anchor.group)
            } else {
                anchor.group
            };
            let placed = place_in_group(&current, map, *id, group);
            if current.apply_all(&placed).is_ok() {
                edits.extend(placed);
            }
        }
    }
    edits
}
