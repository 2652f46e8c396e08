//! An [`Incoming`] against a document: the edits that bring it in, and a
//! summary of them for the preview. Rows matched by id (an earlier import of
//! the same source, or Tiermap's own ids in a sheet it exported) update their
//! elements in place, keeping every position; for the links a row states in
//! full (its parents, owners, …) the source is the truth. New elements get
//! maps built from their structure (`maps.rs`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use tiermap_model::spreadsheet::SOURCE_ID_PROPERTY;
use tiermap_model::{
    Document, Edit, Element, ElementId, ElementKind, Kpi, KpiId, OwnedTarget, Ownership,
    OwnershipId, Relation, RelationKind, Role,
};

use crate::incoming::{Claim, Incoming, IncomingElement, Ref};
use crate::maps;
use crate::work::CountVisits;

/// What applying an import does, counted for the preview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// New elements by kind, in the vocabulary's order.
    pub created: Vec<(ElementKind, usize)>,
    /// Existing elements a row matched and changed.
    pub updated: usize,
    /// Existing elements a row matched that stay as they are.
    pub unchanged: usize,
    pub relations_added: usize,
    pub relations_removed: usize,
    pub ownerships_added: usize,
    pub ownerships_removed: usize,
    pub kpis_added: usize,
    pub kpis_changed: usize,
    pub kpis_removed: usize,
    /// Names of the maps made, in order.
    pub maps: Vec<String>,
    /// Rows (or records) left out because they have errors.
    pub left_out: usize,
    /// Links left out because one of their ends was.
    pub links_left_out: usize,
}

impl Summary {
    pub fn created_total(&self) -> usize {
        self.created.iter().map(|(_, n)| n).sum()
    }
}

/// The edits of an import and what they do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    pub edits: Vec<Edit>,
    pub summary: Summary,
    /// The elements the import created, in the source's order.
    pub created: Vec<ElementId>,
}

/// Which element each incoming one became, if it is brought in at all.
struct Resolved {
    ids: Vec<Option<ElementId>>,
    /// Incoming elements that matched an existing one.
    matched: Vec<bool>,
}

impl Resolved {
    fn id(&self, reference: Ref) -> Option<ElementId> {
        match reference {
            Ref::New(index) => self.ids.get(index).copied().flatten(),
            Ref::Existing(id) => Some(id),
        }
    }
}

/// Ids in the document by the text a source may use for them: Tiermap's own, or the source's.
fn ids_by_key(doc: &Document) -> HashMap<String, ElementId> {
    let mut keys = HashMap::new();
    for element in doc.elements().counted() {
        keys.insert(element.id.to_string(), element.id);
        if let Some(key) = element.properties.get(SOURCE_ID_PROPERTY) {
            keys.entry(key.clone()).or_insert(element.id);
        }
    }
    keys
}

/// Plans the import of `incoming` into `doc`, leaving out the rows with errors.
pub fn plan(doc: &Document, incoming: &Incoming) -> ImportPlan {
    let in_error = incoming.rows_in_error();
    let left_out = |e: &IncomingElement| !e.implied && in_error.contains(&e.origin);
    let keys = ids_by_key(doc);

    // Implied elements (segments, owners) are made only when something kept refers to them.
    let kept = |r: Ref| match r {
        Ref::New(i) => incoming
            .elements
            .get(i)
            .is_some_and(|e| !left_out(e) && !e.implied),
        Ref::Existing(_) => true,
    };
    let mut used = vec![false; incoming.elements.len()];
    let links = incoming
        .relations
        .iter()
        .map(|r| (r.source, r.target))
        .chain(incoming.ownerships.iter().map(|o| (o.person, o.target)));
    for (a, b) in links.counted() {
        for (this, other) in [(a, b), (b, a)] {
            if let Ref::New(i) = this
                && kept(other)
            {
                used[i] = true;
            }
        }
    }

    let mut plan = ImportPlan::default();
    let mut resolved = Resolved {
        ids: Vec::new(),
        matched: Vec::new(),
    };
    let mut created_by_kind: BTreeMap<ElementKind, usize> = BTreeMap::new();
    for (index, element) in incoming.elements.iter().enumerate().counted() {
        if left_out(element) || (element.implied && !used[index]) {
            plan.summary.left_out += usize::from(!element.implied);
            resolved.ids.push(None);
            resolved.matched.push(false);
            continue;
        }
        let existing = element
            .key
            .as_ref()
            .and_then(|k| keys.get(k))
            .and_then(|id| doc.element(*id));
        let (record, is_new) = match existing {
            Some(old) => (updated(old, element), false),
            None => (created(doc, element), true),
        };
        resolved.ids.push(Some(record.id));
        resolved.matched.push(!is_new);
        if is_new {
            *created_by_kind.entry(record.kind).or_default() += 1;
            plan.created.push(record.id);
            plan.edits.push(Edit::PutElement(record));
        } else if existing != Some(&record) {
            plan.summary.updated += 1;
            plan.edits.push(Edit::PutElement(record));
        } else {
            plan.summary.unchanged += 1;
        }
    }
    plan.summary.created = created_by_kind.into_iter().collect();

    relations(doc, incoming, &resolved, &mut plan);
    ownerships(doc, incoming, &resolved, &mut plan);
    kpis(doc, incoming, &resolved, &mut plan);

    // Maps for what is new: built afresh, or added beside what a re-import matched.
    if !plan.created.is_empty() {
        // The maps follow elements and relations only: ownerships and KPIs stay out of this copy.
        let mut after = doc.clone();
        let shape = plan.edits.iter().filter(|e| {
            matches!(
                e,
                Edit::PutElement(_) | Edit::PutRelation(_) | Edit::DeleteRelation { .. }
            )
        });
        if shape
            .counted()
            .try_for_each(|edit| after.apply(edit).map(drop))
            .is_ok()
        {
            let any_matched = resolved.matched.iter().any(|m| *m);
            let (edits, names) =
                maps::for_new_elements(&after, &plan.created, &incoming.maps, any_matched);
            plan.edits.extend(edits);
            plan.summary.maps = names;
        }
    }
    plan
}

/// A new element from a row; a source id that is a free Tiermap id is kept as the id itself.
fn created(doc: &Document, incoming: &IncomingElement) -> Element {
    let mut element = Element::new(incoming.kind, incoming.name.trim());
    if let Some(key) = &incoming.key {
        match key.parse::<ElementId>() {
            Ok(id) if doc.element(id).is_none() => element.id = id,
            _ => {
                element
                    .properties
                    .insert(SOURCE_ID_PROPERTY.to_owned(), key.clone());
            }
        }
    }
    element.description = incoming.description.clone().unwrap_or_default();
    element.lifecycle = incoming.lifecycle.flatten();
    element.external = incoming.external.unwrap_or(false);
    element.properties.extend(
        incoming
            .properties
            .iter()
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    element
}

/// An existing element with what the row carries; what it does not carry stays.
fn updated(old: &Element, incoming: &IncomingElement) -> Element {
    let mut element = old.clone();
    element.kind = incoming.kind;
    element.name = incoming.name.trim().to_owned();
    if let Some(description) = &incoming.description {
        element.description = description.clone();
    }
    if let Some(lifecycle) = incoming.lifecycle {
        element.lifecycle = lifecycle;
    }
    if let Some(external) = incoming.external {
        element.external = external;
    }
    element.properties.extend(
        incoming
            .properties
            .iter()
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    element
}

/// Whether a relation of `element` is one that `claim` states in full.
fn claimed(doc: &Document, claim: Claim, relation: &Relation, element: ElementId) -> bool {
    let family = |id: ElementId| {
        doc.element(id)
            .is_some_and(|e| e.kind == ElementKind::Family)
    };
    let from = relation.source == element;
    match claim {
        Claim::Parents => {
            from && relation.kind == RelationKind::RollsUpTo && !family(relation.target)
        }
        Claim::Families => {
            from && relation.kind == RelationKind::RollsUpTo && family(relation.target)
        }
        Claim::Segments => from && relation.kind == RelationKind::Serves,
        Claim::Divisions => from && relation.kind == RelationKind::BelongsTo,
        Claim::Teams => from && relation.kind == RelationKind::DeliveredBy,
        Claim::Supporters => relation.target == element && relation.kind == RelationKind::Supports,
        Claim::Owners => false,
    }
}

fn relations(doc: &Document, incoming: &Incoming, resolved: &Resolved, plan: &mut ImportPlan) {
    let mut have: HashSet<(RelationKind, ElementId, ElementId)> = doc
        .relations()
        .counted()
        .map(|r| (r.kind, r.source, r.target))
        .collect();
    let mut wanted: HashSet<(RelationKind, ElementId, ElementId)> = HashSet::new();
    // (element, claim) pairs where a link was left out: their old links stay.
    let mut incomplete: HashSet<ElementId> = HashSet::new();
    for relation in incoming.relations.iter().counted() {
        match (resolved.id(relation.source), resolved.id(relation.target)) {
            (Some(source), Some(target)) if source != target => {
                wanted.insert((relation.kind, source, target));
                if have.insert((relation.kind, source, target)) {
                    plan.edits.push(Edit::PutRelation(Relation::new(
                        relation.kind,
                        source,
                        target,
                    )));
                    plan.summary.relations_added += 1;
                }
            }
            (source, target) => {
                plan.summary.links_left_out += 1;
                incomplete.extend(source.into_iter().chain(target));
            }
        }
    }
    // Links the source states in full and no longer has go, for matched elements.
    let mut by_end: HashMap<ElementId, Vec<&Relation>> = HashMap::new();
    for relation in doc.relations().counted() {
        by_end.entry(relation.source).or_default().push(relation);
        by_end.entry(relation.target).or_default().push(relation);
    }
    let mut removed = BTreeSet::new();
    for (index, element) in incoming.elements.iter().enumerate().counted() {
        let (Some(id), true) = (resolved.ids[index], resolved.matched[index]) else {
            continue;
        };
        if incomplete.contains(&id) {
            continue;
        }
        for claim in &element.claims {
            for relation in by_end
                .get(&id)
                .into_iter()
                .flatten()
                .counted()
                .filter(|r| claimed(doc, *claim, r, id))
            {
                if !wanted.contains(&(relation.kind, relation.source, relation.target))
                    && removed.insert(relation.id)
                {
                    plan.edits.push(Edit::DeleteRelation { id: relation.id });
                    plan.summary.relations_removed += 1;
                }
            }
        }
    }
}

fn ownerships(doc: &Document, incoming: &Incoming, resolved: &Resolved, plan: &mut ImportPlan) {
    let mut have: HashSet<(ElementId, OwnedTarget, Role)> = doc
        .ownerships()
        .counted()
        .map(|o| (o.person, o.target, o.role))
        .collect();
    // One accountable owner per element (the rest are delegates): the first the source names, unless one leads already.
    let mut leads: HashSet<OwnedTarget> = doc
        .ownerships()
        .filter(|o| o.accountable)
        .map(|o| o.target)
        .collect();
    let mut wanted = HashSet::new();
    for ownership in incoming.ownerships.iter().counted() {
        let (Some(person), Some(target)) =
            (resolved.id(ownership.person), resolved.id(ownership.target))
        else {
            plan.summary.links_left_out += 1;
            continue;
        };
        let target = OwnedTarget::Element(target);
        wanted.insert((person, target, ownership.role));
        if have.insert((person, target, ownership.role)) {
            let accountable = ownership.accountable && leads.insert(target);
            plan.edits.push(Edit::PutOwnership(Ownership {
                id: OwnershipId::new(),
                person,
                target,
                role: ownership.role,
                accountable,
            }));
            plan.summary.ownerships_added += 1;
        }
    }
    let mut of_target: HashMap<OwnedTarget, Vec<&Ownership>> = HashMap::new();
    for ownership in doc.ownerships().counted() {
        of_target
            .entry(ownership.target)
            .or_default()
            .push(ownership);
    }
    for (index, element) in incoming.elements.iter().enumerate().counted() {
        let (Some(id), true) = (resolved.ids[index], resolved.matched[index]) else {
            continue;
        };
        if !element.claims.contains(&Claim::Owners) {
            continue;
        }
        for old in of_target
            .get(&OwnedTarget::Element(id))
            .into_iter()
            .flatten()
            .counted()
        {
            if !wanted.contains(&(old.person, old.target, old.role)) {
                plan.edits.push(Edit::DeleteOwnership { id: old.id });
                plan.summary.ownerships_removed += 1;
            }
        }
    }
}

fn kpis(doc: &Document, incoming: &Incoming, resolved: &Resolved, plan: &mut ImportPlan) {
    let mut of_element: HashMap<ElementId, Vec<&Kpi>> = HashMap::new();
    for kpi in doc.kpis().counted() {
        of_element.entry(kpi.element).or_default().push(kpi);
    }
    for (index, element) in incoming.elements.iter().enumerate().counted() {
        let (Some(id), Some(listed)) = (resolved.ids[index], &element.kpis) else {
            continue;
        };
        let existing: Vec<&Kpi> = if resolved.matched[index] {
            of_element.remove(&id).unwrap_or_default()
        } else {
            Vec::new()
        };
        let mut position = existing.iter().map(|k| k.position + 1).max().unwrap_or(0);
        let mut kept = HashSet::new();
        for wanted in listed.iter().counted() {
            match existing
                .iter()
                .counted()
                .find(|k| k.name.trim().eq_ignore_ascii_case(wanted.name.trim()))
            {
                Some(old) => {
                    kept.insert(old.id);
                    if old.target != wanted.target {
                        plan.edits.push(Edit::PutKpi(Kpi {
                            target: wanted.target.clone(),
                            ..(*old).clone()
                        }));
                        plan.summary.kpis_changed += 1;
                    }
                }
                None => {
                    plan.edits.push(Edit::PutKpi(Kpi {
                        id: KpiId::new(),
                        element: id,
                        name: wanted.name.clone(),
                        value_source: String::new(),
                        objective: String::new(),
                        collection_method: String::new(),
                        target: wanted.target.clone(),
                        current_value: None,
                        position,
                    }));
                    position += 1;
                    plan.summary.kpis_added += 1;
                }
            }
        }
        for old in existing.into_iter().filter(|k| !kept.contains(&k.id)) {
            plan.edits.push(Edit::DeleteKpi { id: old.id });
            plan.summary.kpis_removed += 1;
        }
    }
}
