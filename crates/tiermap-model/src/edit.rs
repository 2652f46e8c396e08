//! Edits: every change to a document is one of these values. Applying an
//! edit checks it against the document and returns its exact inverse, so any
//! sequence of edits can be undone, and an edit list is what the store logs.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::ModelError;
use crate::ids::{ElementId, GroupId, KpiId, MapId, OwnershipId, RelationId};
use crate::records::{
    ActivityCell, CapabilityScore, Element, Group, Kpi, Map, OwnedTarget, Ownership, Placement,
    Rect, Relation,
};
use crate::validate::ValidationSettings;
use crate::vocabulary::{Activity, CapabilityPart, ElementKind, Role};

/// One primitive change: put (insert or replace) a record, or delete one by key.
/// Larger gestures are lists of these, applied together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    PutElement(Element),
    DeleteElement { id: ElementId },
    PutRelation(Relation),
    DeleteRelation { id: RelationId },
    PutMap(Map),
    DeleteMap { id: MapId },
    PutGroup(Group),
    DeleteGroup { id: GroupId },
    PutPlacement(Placement),
    DeletePlacement { map: MapId, element: ElementId },
    PutOwnership(Ownership),
    DeleteOwnership { id: OwnershipId },
    PutKpi(Kpi),
    DeleteKpi { id: KpiId },
    PutScore(CapabilityScore),
    DeleteScore { person: ElementId, part: CapabilityPart },
    PutActivity(ActivityCell),
    DeleteActivity { activity: Activity, role: Role },
    /// Replaces the document's validation settings (there is always one).
    PutValidationSettings(ValidationSettings),
}

fn missing(what: &'static str, id: impl ToString) -> ModelError {
    ModelError::Missing { what, id: id.to_string() }
}

fn check_rect(rect: &Rect, what: &'static str) -> Result<(), ModelError> {
    let finite = [rect.x, rect.y, rect.width, rect.height].iter().all(|v| v.is_finite());
    if finite && rect.width >= 0.0 && rect.height >= 0.0 {
        Ok(())
    } else {
        Err(ModelError::BadGeometry { what })
    }
}

fn check_name(name: &str, what: &'static str) -> Result<(), ModelError> {
    if name.trim().is_empty() { Err(ModelError::EmptyName { what }) } else { Ok(()) }
}

/// Replaces `slot` with `value` and returns the edit that restores the old state.
fn put<K: Ord, V>(
    table: &mut std::collections::BTreeMap<K, V>,
    key: K,
    value: V,
    restore: impl FnOnce(V) -> Edit,
    delete: Edit,
) -> Edit {
    match table.insert(key, value) {
        Some(old) => restore(old),
        None => delete,
    }
}

impl Document {
    /// Checks an edit against the document without changing anything.
    pub fn check(&self, edit: &Edit) -> Result<(), ModelError> {
        match edit {
            Edit::PutElement(element) => {
                check_name(&element.name, "element")?;
                let stays_person = element.kind == ElementKind::Person;
                if !stays_person && self.is_person(element.id) && self.person_is_referenced(element.id) {
                    return Err(ModelError::NotAPerson {
                        id: element.id.to_string(),
                        purpose: "stop being a person while it holds ownerships or scores",
                    });
                }
                Ok(())
            }
            Edit::DeleteElement { id } => {
                if !self.elements.contains_key(id) {
                    return Err(missing("element", id));
                }
                let reason = if self.relations.values().any(|r| r.source == *id || r.target == *id) {
                    Some("it still has relations")
                } else if self.placements.values().any(|p| p.element == *id) {
                    Some("it is still placed on a map")
                } else if self.ownerships.values().any(|o| o.person == *id || o.target == OwnedTarget::Element(*id)) {
                    Some("it still has ownerships")
                } else if self.kpis.values().any(|k| k.element == *id) {
                    Some("it still has KPIs")
                } else if self.scores.keys().any(|(person, _)| person == id) {
                    Some("it still has capability scores")
                } else {
                    None
                };
                match reason {
                    Some(reason) => Err(ModelError::StillReferenced { what: "element", id: id.to_string(), reason: reason.into() }),
                    None => Ok(()),
                }
            }
            Edit::PutRelation(relation) => {
                for end in [relation.source, relation.target] {
                    if !self.elements.contains_key(&end) {
                        return Err(missing("element", end));
                    }
                }
                if relation.source == relation.target {
                    return Err(ModelError::SelfRelation { id: relation.source.to_string() });
                }
                Ok(())
            }
            Edit::DeleteRelation { id } => self.relations.get(id).map(|_| ()).ok_or_else(|| missing("relation", id)),
            Edit::PutMap(map) => check_name(&map.name, "map"),
            Edit::DeleteMap { id } => {
                if !self.maps.contains_key(id) {
                    return Err(missing("map", id));
                }
                if self.groups.values().any(|g| g.map == *id) || self.placements_of(*id).next().is_some() {
                    return Err(ModelError::StillReferenced { what: "map", id: id.to_string(), reason: "it still has groups or elements".into() });
                }
                Ok(())
            }
            Edit::PutGroup(group) => self.check_group(group),
            Edit::DeleteGroup { id } => {
                if !self.groups.contains_key(id) {
                    return Err(missing("group", id));
                }
                let reason = if self.groups.values().any(|g| g.parent == Some(*id)) {
                    Some("it still holds groups")
                } else if self.placements.values().any(|p| p.group == Some(*id)) {
                    Some("it still holds elements")
                } else if self.ownerships.values().any(|o| o.target == OwnedTarget::Group(*id)) {
                    Some("it still has owners")
                } else {
                    None
                };
                match reason {
                    Some(reason) => Err(ModelError::StillReferenced { what: "group", id: id.to_string(), reason: reason.into() }),
                    None => Ok(()),
                }
            }
            Edit::PutPlacement(placement) => {
                if !self.maps.contains_key(&placement.map) {
                    return Err(missing("map", placement.map));
                }
                if !self.elements.contains_key(&placement.element) {
                    return Err(missing("element", placement.element));
                }
                if let Some(group_id) = placement.group {
                    let group = self.groups.get(&group_id).ok_or_else(|| missing("group", group_id))?;
                    if group.map != placement.map {
                        return Err(ModelError::WrongMap { group: group_id.to_string(), map: placement.map.to_string() });
                    }
                }
                check_rect(&placement.rect, "a placement")
            }
            Edit::DeletePlacement { map, element } => self
                .placements
                .get(&(*map, *element))
                .map(|_| ())
                .ok_or_else(|| missing("placement of element", element)),
            Edit::PutOwnership(ownership) => {
                if !self.is_person(ownership.person) {
                    return Err(ModelError::NotAPerson { id: ownership.person.to_string(), purpose: "own something" });
                }
                match ownership.target {
                    OwnedTarget::Element(id) if !self.elements.contains_key(&id) => Err(missing("element", id)),
                    OwnedTarget::Group(id) if !self.groups.contains_key(&id) => Err(missing("group", id)),
                    _ => Ok(()),
                }
            }
            Edit::DeleteOwnership { id } => self.ownerships.get(id).map(|_| ()).ok_or_else(|| missing("ownership", id)),
            Edit::PutKpi(kpi) => {
                check_name(&kpi.name, "KPI")?;
                self.elements.get(&kpi.element).map(|_| ()).ok_or_else(|| missing("element", kpi.element))
            }
            Edit::DeleteKpi { id } => self.kpis.get(id).map(|_| ()).ok_or_else(|| missing("KPI", id)),
            Edit::PutScore(score) => {
                if !self.is_person(score.person) {
                    return Err(ModelError::NotAPerson { id: score.person.to_string(), purpose: "have a capability score" });
                }
                if score.score > 4 {
                    return Err(ModelError::ScoreOutOfRange { score: score.score });
                }
                Ok(())
            }
            Edit::DeleteScore { person, part } => self
                .scores
                .get(&(*person, *part))
                .map(|_| ())
                .ok_or_else(|| missing("capability score of person", person)),
            Edit::PutActivity(_) | Edit::PutValidationSettings(_) => Ok(()),
            Edit::DeleteActivity { activity, role } => self
                .activities
                .get(&(*activity, *role))
                .map(|_| ())
                .ok_or_else(|| missing("activity cell", format!("{activity}/{role}"))),
        }
    }

    fn check_group(&self, group: &Group) -> Result<(), ModelError> {
        check_name(&group.name, "group")?;
        check_rect(&group.rect, "a group")?;
        if !self.maps.contains_key(&group.map) {
            return Err(missing("map", group.map));
        }
        if let Some(existing) = self.groups.get(&group.id)
            && existing.map != group.map
        {
            return Err(ModelError::GroupMapChange { group: group.id.to_string() });
        }
        // Walk up from the new parent: meeting the group itself means a cycle.
        let mut current = group.parent;
        let mut steps = 0;
        while let Some(parent_id) = current {
            if parent_id == group.id || steps > self.groups.len() {
                return Err(ModelError::GroupCycle { group: group.id.to_string() });
            }
            let parent = self.groups.get(&parent_id).ok_or_else(|| missing("group", parent_id))?;
            if parent.map != group.map {
                return Err(ModelError::WrongMap { group: parent_id.to_string(), map: group.map.to_string() });
            }
            current = parent.parent;
            steps += 1;
        }
        Ok(())
    }

    fn person_is_referenced(&self, id: ElementId) -> bool {
        self.ownerships.values().any(|o| o.person == id) || self.scores.keys().any(|(p, _)| *p == id)
    }

    /// True when applying `edit` would change nothing: it puts a record
    /// exactly as it already is.
    pub fn is_noop(&self, edit: &Edit) -> bool {
        match edit {
            Edit::PutElement(e) => self.elements.get(&e.id) == Some(e),
            Edit::PutRelation(r) => self.relations.get(&r.id) == Some(r),
            Edit::PutMap(m) => self.maps.get(&m.id) == Some(m),
            Edit::PutGroup(g) => self.groups.get(&g.id) == Some(g),
            Edit::PutPlacement(p) => self.placements.get(&(p.map, p.element)) == Some(p),
            Edit::PutOwnership(o) => self.ownerships.get(&o.id) == Some(o),
            Edit::PutKpi(k) => self.kpis.get(&k.id) == Some(k),
            Edit::PutScore(s) => self.scores.get(&(s.person, s.part)) == Some(s),
            Edit::PutActivity(a) => self.activities.get(&(a.activity, a.role)) == Some(a),
            Edit::PutValidationSettings(v) => &self.validation == v,
            _ => false,
        }
    }

    /// Applies one edit and returns its inverse. On error nothing changed.
    pub fn apply(&mut self, edit: &Edit) -> Result<Edit, ModelError> {
        self.check(edit)?;
        let inverse = match edit.clone() {
            Edit::PutElement(e) => put(&mut self.elements, e.id, e.clone(), Edit::PutElement, Edit::DeleteElement { id: e.id }),
            Edit::PutRelation(r) => put(&mut self.relations, r.id, r.clone(), Edit::PutRelation, Edit::DeleteRelation { id: r.id }),
            Edit::PutMap(m) => put(&mut self.maps, m.id, m.clone(), Edit::PutMap, Edit::DeleteMap { id: m.id }),
            Edit::PutGroup(g) => put(&mut self.groups, g.id, g.clone(), Edit::PutGroup, Edit::DeleteGroup { id: g.id }),
            Edit::PutPlacement(p) => put(
                &mut self.placements,
                (p.map, p.element),
                p.clone(),
                Edit::PutPlacement,
                Edit::DeletePlacement { map: p.map, element: p.element },
            ),
            Edit::PutOwnership(o) => put(&mut self.ownerships, o.id, o.clone(), Edit::PutOwnership, Edit::DeleteOwnership { id: o.id }),
            Edit::PutKpi(k) => put(&mut self.kpis, k.id, k.clone(), Edit::PutKpi, Edit::DeleteKpi { id: k.id }),
            Edit::PutScore(s) => put(
                &mut self.scores,
                (s.person, s.part),
                s.clone(),
                Edit::PutScore,
                Edit::DeleteScore { person: s.person, part: s.part },
            ),
            Edit::PutActivity(a) => put(
                &mut self.activities,
                (a.activity, a.role),
                a.clone(),
                Edit::PutActivity,
                Edit::DeleteActivity { activity: a.activity, role: a.role },
            ),
            Edit::PutValidationSettings(v) => Edit::PutValidationSettings(std::mem::replace(&mut self.validation, v)),
            // `check` proved each key exists, so every remove below returns Some.
            Edit::DeleteElement { id } => removed(self.elements.remove(&id), Edit::PutElement)?,
            Edit::DeleteRelation { id } => removed(self.relations.remove(&id), Edit::PutRelation)?,
            Edit::DeleteMap { id } => removed(self.maps.remove(&id), Edit::PutMap)?,
            Edit::DeleteGroup { id } => removed(self.groups.remove(&id), Edit::PutGroup)?,
            Edit::DeletePlacement { map, element } => removed(self.placements.remove(&(map, element)), Edit::PutPlacement)?,
            Edit::DeleteOwnership { id } => removed(self.ownerships.remove(&id), Edit::PutOwnership)?,
            Edit::DeleteKpi { id } => removed(self.kpis.remove(&id), Edit::PutKpi)?,
            Edit::DeleteScore { person, part } => removed(self.scores.remove(&(person, part)), Edit::PutScore)?,
            Edit::DeleteActivity { activity, role } => removed(self.activities.remove(&(activity, role)), Edit::PutActivity)?,
        };
        Ok(inverse)
    }

    /// Applies a list of edits as one unit and returns the list that undoes
    /// it (already in undo order). If one edit fails, the earlier ones are
    /// rolled back and the document is as it was.
    pub fn apply_all(&mut self, edits: &[Edit]) -> Result<Vec<Edit>, ModelError> {
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    for inverse in inverses.iter().rev() {
                        // Inverses of edits just applied always apply.
                        let _ = self.apply(inverse);
                    }
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(inverses)
    }
}

fn removed<V>(old: Option<V>, restore: impl FnOnce(V) -> Edit) -> Result<Edit, ModelError> {
    old.map(restore).ok_or(ModelError::Missing { what: "record", id: String::new() })
}
