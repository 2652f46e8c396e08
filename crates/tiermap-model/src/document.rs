//! The in-memory document: every record of one .tiermap file, kept
//! consistent. It changes only through edits (edit.rs), which check
//! references first, so a document is never half-valid.

use std::collections::BTreeMap;

use crate::edit::Edit;
use crate::ids::{ElementId, GroupId, KpiId, MapId, OwnershipId, RelationId};
use crate::records::{
    ActivityCell, CapabilityScore, Element, Group, Kpi, Map, OwnedTarget, Ownership, Placement,
    Relation,
};
use crate::validate::ValidationSettings;
use crate::vocabulary::{Activity, CapabilityPart, ElementKind, Role};

/// All records of a document, each table ordered by key so that iteration,
/// exports and snapshots are deterministic.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub(crate) elements: BTreeMap<ElementId, Element>,
    pub(crate) relations: BTreeMap<RelationId, Relation>,
    pub(crate) maps: BTreeMap<MapId, Map>,
    pub(crate) groups: BTreeMap<GroupId, Group>,
    pub(crate) placements: BTreeMap<(MapId, ElementId), Placement>,
    pub(crate) ownerships: BTreeMap<OwnershipId, Ownership>,
    pub(crate) kpis: BTreeMap<KpiId, Kpi>,
    pub(crate) scores: BTreeMap<(ElementId, CapabilityPart), CapabilityScore>,
    pub(crate) activities: BTreeMap<(Activity, Role), ActivityCell>,
    pub(crate) validation: ValidationSettings,
}

impl Document {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn element(&self, id: ElementId) -> Option<&Element> {
        self.elements.get(&id)
    }
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.elements.values()
    }
    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        self.relations.get(&id)
    }
    pub fn relations(&self) -> impl Iterator<Item = &Relation> {
        self.relations.values()
    }
    pub fn map(&self, id: MapId) -> Option<&Map> {
        self.maps.get(&id)
    }
    /// Maps in tab order.
    pub fn maps(&self) -> Vec<&Map> {
        let mut maps: Vec<&Map> = self.maps.values().collect();
        maps.sort_by_key(|m| (m.position, m.id));
        maps
    }
    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.get(&id)
    }
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.values()
    }
    /// The groups of one map, every parent before its children.
    pub fn groups_of(&self, map: MapId) -> Vec<&Group> {
        let mut groups: Vec<&Group> = self.groups.values().filter(|g| g.map == map).collect();
        groups.sort_by_key(|g| (self.group_depth(g.id), g.id));
        groups
    }
    /// How many groups enclose this one (0 for a top-level group).
    pub fn group_depth(&self, id: GroupId) -> usize {
        let mut depth = 0;
        let mut current = self.groups.get(&id).and_then(|g| g.parent);
        while let Some(parent) = current {
            depth += 1;
            current = self.groups.get(&parent).and_then(|g| g.parent);
            if depth > self.groups.len() {
                break; // cannot happen: edits refuse cycles
            }
        }
        depth
    }
    pub fn placement(&self, map: MapId, element: ElementId) -> Option<&Placement> {
        self.placements.get(&(map, element))
    }
    pub fn placements(&self) -> impl Iterator<Item = &Placement> {
        self.placements.values()
    }
    pub fn placements_of(&self, map: MapId) -> impl Iterator<Item = &Placement> {
        self.placements.range((map, ElementId(uuid::Uuid::nil()))..).take_while(move |(k, _)| k.0 == map).map(|(_, p)| p)
    }
    pub fn ownership(&self, id: OwnershipId) -> Option<&Ownership> {
        self.ownerships.get(&id)
    }
    pub fn ownerships(&self) -> impl Iterator<Item = &Ownership> {
        self.ownerships.values()
    }
    /// Owners of one element or group.
    pub fn ownerships_of(&self, target: OwnedTarget) -> impl Iterator<Item = &Ownership> {
        self.ownerships.values().filter(move |o| o.target == target)
    }
    pub fn kpi(&self, id: KpiId) -> Option<&Kpi> {
        self.kpis.get(&id)
    }
    pub fn kpis(&self) -> impl Iterator<Item = &Kpi> {
        self.kpis.values()
    }
    pub fn score(&self, person: ElementId, part: CapabilityPart) -> Option<&CapabilityScore> {
        self.scores.get(&(person, part))
    }
    pub fn scores(&self) -> impl Iterator<Item = &CapabilityScore> {
        self.scores.values()
    }
    pub fn activity(&self, activity: Activity, role: Role) -> Option<&ActivityCell> {
        self.activities.get(&(activity, role))
    }
    pub fn activities(&self) -> impl Iterator<Item = &ActivityCell> {
        self.activities.values()
    }
    /// How this document wants to be validated.
    pub fn validation_settings(&self) -> &ValidationSettings {
        &self.validation
    }

    /// Number of elements of each kind, in vocabulary order (kinds with none left out).
    pub fn count_by_kind(&self) -> Vec<(ElementKind, usize)> {
        ElementKind::ALL
            .iter()
            .map(|kind| (*kind, self.elements.values().filter(|e| e.kind == *kind).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Every record as the edits that recreate the document in an empty one,
    /// in an order that applies (what a record refers to comes first).
    pub fn to_edits(&self) -> Vec<Edit> {
        let mut edits: Vec<Edit> = self.elements.values().cloned().map(Edit::PutElement).collect();
        edits.extend(self.relations.values().cloned().map(Edit::PutRelation));
        edits.extend(self.maps.values().cloned().map(Edit::PutMap));
        let mut groups: Vec<&Group> = self.groups.values().collect();
        groups.sort_by_key(|g| (self.group_depth(g.id), g.id));
        edits.extend(groups.into_iter().cloned().map(Edit::PutGroup));
        edits.extend(self.placements.values().cloned().map(Edit::PutPlacement));
        edits.extend(self.ownerships.values().cloned().map(Edit::PutOwnership));
        edits.extend(self.kpis.values().cloned().map(Edit::PutKpi));
        edits.extend(self.scores.values().cloned().map(Edit::PutScore));
        edits.extend(self.activities.values().cloned().map(Edit::PutActivity));
        if self.validation != ValidationSettings::default() {
            edits.push(Edit::PutValidationSettings(self.validation.clone()));
        }
        edits
    }

    pub fn is_person(&self, id: ElementId) -> bool {
        self.elements.get(&id).is_some_and(|e| e.kind == ElementKind::Person)
    }
}
