//! Lookups every rule needs, built once per validation run, so that the
//! whole run stays close to linear in the size of the document.

use std::collections::{HashMap, HashSet};

use crate::document::Document;
use crate::ids::ElementId;
use crate::records::{Kpi, OwnedTarget, Ownership};
use crate::vocabulary::{ElementKind, GroupingModel, RelationKind};

pub(super) struct Index<'a> {
    pub doc: &'a Document,
    /// rolls_up_to: child -> its parents (each once).
    pub parents: HashMap<ElementId, Vec<ElementId>>,
    /// Accountable ownerships per element or group.
    pub accountable: HashMap<OwnedTarget, Vec<&'a Ownership>>,
    pub kpis: HashMap<ElementId, Vec<&'a Kpi>>,
    /// Elements that a service, application, platform or infrastructure supports.
    pub supported: HashSet<ElementId>,
    /// delivered_by: product -> teams.
    pub teams_of: HashMap<ElementId, Vec<ElementId>>,
    /// Elements placed on at least one pyramid map.
    pub on_pyramid: HashSet<ElementId>,
}

impl<'a> Index<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let mut parents: HashMap<ElementId, Vec<ElementId>> = HashMap::new();
        let mut supported = HashSet::new();
        let mut teams_of: HashMap<ElementId, Vec<ElementId>> = HashMap::new();
        for relation in doc.relations() {
            match relation.kind {
                RelationKind::RollsUpTo => {
                    let list = parents.entry(relation.source).or_default();
                    if !list.contains(&relation.target) {
                        list.push(relation.target);
                    }
                }
                RelationKind::Supports => {
                    let supporter = doc.element(relation.source).map(|e| e.kind);
                    if supporter.is_some_and(|k| k == ElementKind::Service || k.is_technical()) {
                        supported.insert(relation.target);
                    }
                }
                RelationKind::DeliveredBy => teams_of.entry(relation.source).or_default().push(relation.target),
                _ => {}
            }
        }
        let mut accountable: HashMap<OwnedTarget, Vec<&Ownership>> = HashMap::new();
        for ownership in doc.ownerships().filter(|o| o.accountable) {
            accountable.entry(ownership.target).or_default().push(ownership);
        }
        let mut kpis: HashMap<ElementId, Vec<&Kpi>> = HashMap::new();
        for kpi in doc.kpis() {
            kpis.entry(kpi.element).or_default().push(kpi);
        }
        let pyramids: HashSet<_> = doc.maps().iter().filter(|m| m.model == GroupingModel::Pyramid).map(|m| m.id).collect();
        let on_pyramid = doc.placements().filter(|p| pyramids.contains(&p.map)).map(|p| p.element).collect();
        Index { doc, parents, accountable, kpis, supported, teams_of, on_pyramid }
    }

    pub fn name(&self, id: ElementId) -> &str {
        self.doc.element(id).map(|e| e.name.as_str()).unwrap_or("?")
    }

    /// "A, B and C", for messages.
    pub fn names(&self, ids: &[ElementId]) -> String {
        let names: Vec<&str> = ids.iter().map(|id| self.name(*id)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// The accountable owners of an element (person ids, each once).
    pub fn owners_of(&self, target: OwnedTarget) -> Vec<&'a Ownership> {
        self.accountable.get(&target).cloned().unwrap_or_default()
    }

    /// The highest tier (smallest number) among an element's accountable owners.
    pub fn owner_tier(&self, element: ElementId) -> Option<(u8, ElementId)> {
        self.owners_of(OwnedTarget::Element(element)).iter().map(|o| (o.role.tier(), o.person)).min()
    }
}
