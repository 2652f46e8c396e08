//! Random documents and edit sequences for property tests of the core.
//!
//! A [`Step`] is a random intention ("rename the 3rd element", "place an
//! element in a group"); [`edit_for`] turns it into an edit against the
//! document as it is at that moment, so sequences stay mostly valid and reach
//! deep states. Every record type and every field is exercised, so
//! round trips (store, JSON) are checked on everything the model holds.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tiermap_model::validate::{RuleId, RuleSetting, Severity};
use tiermap_model::{
    Activity, ActivityCell, CapabilityPart, CapabilityScore, Document, Edit, Element, ElementKind, Group, GroupId,
    GroupKind, GroupingModel, Kpi, KpiId, Lifecycle, Map, MapId, OwnedTarget, Ownership, OwnershipId, Placement, Rect,
    Relation, RelationKind, Responsibility, Role,
};

/// Random text, including scripts, markup and quotes that must survive every format.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => "[A-Za-z][A-Za-z0-9 ]{0,20}",
        1 => Just("製品 Ürün عربي".to_string()),
        1 => Just("<b>&\"x\"</b>".to_string()),
        1 => Just("Line one\nline two, with a comma".to_string()),
    ]
}

/// One random intention; indices pick among existing records.
#[derive(Debug, Clone)]
pub enum Step {
    AddElement { kind: usize, name: String, description: String, external: bool, lifecycle: Option<usize>, tags: Vec<String>, properties: Vec<(String, String)> },
    Rename(usize, String),
    DeleteElement(usize),
    Relate(usize, usize, usize),
    DeleteRelation(usize),
    AddMap(usize, String),
    AddGroup { map: usize, parent: Option<usize>, kind: usize, name: String },
    Reparent(usize, Option<usize>),
    DeleteGroup(usize),
    Place { map: usize, element: usize, group: Option<usize>, x: f64, y: f64 },
    Unplace(usize),
    Own { person: usize, target: usize, on_group: bool, role: usize, accountable: bool },
    Disown(usize),
    AddKpi { element: usize, name: String, target: Option<String>, current: Option<String> },
    DeleteKpi(usize),
    Score { person: usize, part: usize, score: u8, note: String },
    Activity { activity: usize, role: usize, responsibility: usize },
    Settings { rule: usize, enabled: bool, severity: Option<usize>, max_products: u32 },
}

pub fn step() -> impl Strategy<Value = Step> {
    let index = any::<usize>;
    prop_oneof![
        4 => (0..ElementKind::ALL.len(), text(), text(), any::<bool>(), proptest::option::of(0..Lifecycle::ALL.len()),
            proptest::collection::vec(text(), 0..3), proptest::collection::vec((text(), text()), 0..3))
            .prop_map(|(kind, name, description, external, lifecycle, tags, properties)| Step::AddElement { kind, name, description, external, lifecycle, tags, properties }),
        1 => (index(), text()).prop_map(|(i, n)| Step::Rename(i, n)),
        1 => index().prop_map(Step::DeleteElement),
        2 => (index(), index(), 0..RelationKind::ALL.len()).prop_map(|(a, b, k)| Step::Relate(a, b, k)),
        1 => index().prop_map(Step::DeleteRelation),
        1 => (0..GroupingModel::ALL.len(), text()).prop_map(|(m, n)| Step::AddMap(m, n)),
        2 => (index(), proptest::option::of(index()), 0..GroupKind::ALL.len(), text())
            .prop_map(|(map, parent, kind, name)| Step::AddGroup { map, parent, kind, name }),
        1 => (index(), proptest::option::of(index())).prop_map(|(g, p)| Step::Reparent(g, p)),
        1 => index().prop_map(Step::DeleteGroup),
        3 => (index(), index(), proptest::option::of(index()), -500.0..500.0f64, -500.0..500.0f64)
            .prop_map(|(map, element, group, x, y)| Step::Place { map, element, group, x, y }),
        1 => index().prop_map(Step::Unplace),
        2 => (index(), index(), any::<bool>(), 0..Role::ALL.len(), any::<bool>())
            .prop_map(|(person, target, on_group, role, accountable)| Step::Own { person, target, on_group, role, accountable }),
        1 => index().prop_map(Step::Disown),
        1 => (index(), text(), proptest::option::of(text()), proptest::option::of(text()))
            .prop_map(|(element, name, target, current)| Step::AddKpi { element, name, target, current }),
        1 => index().prop_map(Step::DeleteKpi),
        1 => (index(), 0..CapabilityPart::ALL.len(), 0..=5u8, text()).prop_map(|(person, part, score, note)| Step::Score { person, part, score, note }),
        1 => (0..Activity::ALL.len(), 0..Role::ALL.len(), 0..Responsibility::ALL.len())
            .prop_map(|(activity, role, responsibility)| Step::Activity { activity, role, responsibility }),
        1 => (0..RuleId::ALL.len(), any::<bool>(), proptest::option::of(0..Severity::ALL.len()), 1..6u32)
            .prop_map(|(rule, enabled, severity, max_products)| Step::Settings { rule, enabled, severity, max_products }),
    ]
}

pub fn steps(max: usize) -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(step(), 1..max)
}

fn pick<T: Clone>(items: &[T], index: usize) -> Option<T> {
    if items.is_empty() { None } else { Some(items[index % items.len()].clone()) }
}

/// The edit a step means against `doc` now (it may still be refused).
pub fn edit_for(doc: &Document, step: &Step) -> Option<Edit> {
    let elements: Vec<Element> = doc.elements().cloned().collect();
    let people: Vec<Element> = elements.iter().filter(|e| e.kind == ElementKind::Person).cloned().collect();
    let maps: Vec<MapId> = doc.maps().iter().map(|m| m.id).collect();
    let groups: Vec<Group> = doc.groups().cloned().collect();
    let groups_of = |map: MapId| groups.iter().filter(|g| g.map == map).map(|g| g.id).collect::<Vec<GroupId>>();
    Some(match step {
        Step::AddElement { kind, name, description, external, lifecycle, tags, properties } => {
            let mut element = Element::new(ElementKind::ALL[*kind], name.clone());
            element.description = description.clone();
            element.external = *external;
            element.lifecycle = lifecycle.map(|l| Lifecycle::ALL[l]);
            element.tags = tags.clone();
            element.properties = properties.iter().cloned().collect::<BTreeMap<_, _>>();
            Edit::PutElement(element)
        }
        Step::Rename(i, name) => Edit::PutElement(Element { name: name.clone(), ..pick(&elements, *i)? }),
        Step::DeleteElement(i) => Edit::DeleteElement { id: pick(&elements, *i)?.id },
        Step::Relate(a, b, k) => Edit::PutRelation(Relation::new(RelationKind::ALL[*k], pick(&elements, *a)?.id, pick(&elements, *b)?.id)),
        Step::DeleteRelation(i) => Edit::DeleteRelation { id: pick(&doc.relations().map(|r| r.id).collect::<Vec<_>>(), *i)? },
        Step::AddMap(m, name) => Edit::PutMap(Map { id: MapId::new(), name: name.clone(), model: GroupingModel::ALL[*m], position: maps.len() as i64 }),
        Step::AddGroup { map, parent, kind, name } => {
            let map = pick(&maps, *map)?;
            let parent = parent.and_then(|p| pick(&groups_of(map), p));
            Edit::PutGroup(Group { id: GroupId::new(), map, parent, kind: GroupKind::ALL[*kind], name: name.clone(), rect: Rect::new(10.0, 20.0, 300.0, 200.0), collapsed: false })
        }
        Step::Reparent(g, parent) => {
            let group = pick(&groups, *g)?;
            let parent = parent.and_then(|p| pick(&groups_of(group.map), p));
            Edit::PutGroup(Group { parent, collapsed: !group.collapsed, ..group })
        }
        Step::DeleteGroup(g) => Edit::DeleteGroup { id: pick(&groups, *g)?.id },
        Step::Place { map, element, group, x, y } => {
            let map = pick(&maps, *map)?;
            let group = group.and_then(|g| pick(&groups_of(map), g));
            Edit::PutPlacement(Placement { map, element: pick(&elements, *element)?.id, group, rect: Rect::new(*x, *y, 180.0, 88.0) })
        }
        Step::Unplace(i) => {
            let p = pick(&doc.placements().cloned().collect::<Vec<_>>(), *i)?;
            Edit::DeletePlacement { map: p.map, element: p.element }
        }
        Step::Own { person, target, on_group, role, accountable } => {
            let target = if *on_group { OwnedTarget::Group(pick(&groups, *target)?.id) } else { OwnedTarget::Element(pick(&elements, *target)?.id) };
            Edit::PutOwnership(Ownership { id: OwnershipId::new(), person: pick(&people, *person)?.id, target, role: Role::ALL[*role], accountable: *accountable })
        }
        Step::Disown(i) => Edit::DeleteOwnership { id: pick(&doc.ownerships().map(|o| o.id).collect::<Vec<_>>(), *i)? },
        Step::AddKpi { element, name, target, current } => Edit::PutKpi(Kpi {
            id: KpiId::new(),
            element: pick(&elements, *element)?.id,
            name: name.clone(),
            value_source: "Business value".into(),
            objective: "Adoption".into(),
            collection_method: "Survey".into(),
            target: target.clone(),
            current_value: current.clone(),
            position: 1,
        }),
        Step::DeleteKpi(i) => Edit::DeleteKpi { id: pick(&doc.kpis().map(|k| k.id).collect::<Vec<_>>(), *i)? },
        Step::Score { person, part, score, note } => Edit::PutScore(CapabilityScore {
            person: pick(&people, *person)?.id,
            part: CapabilityPart::ALL[*part],
            score: *score,
            note: note.clone(),
        }),
        Step::Activity { activity, role, responsibility } => Edit::PutActivity(ActivityCell {
            activity: Activity::ALL[*activity],
            role: Role::ALL[*role],
            responsibility: Responsibility::ALL[*responsibility],
        }),
        Step::Settings { rule, enabled, severity, max_products } => {
            let mut settings = doc.validation_settings().clone();
            let setting = RuleSetting { enabled: *enabled, severity: severity.map(|s| Severity::ALL[s]) };
            settings.rules.insert(RuleId::ALL[*rule], setting);
            settings.max_products_per_owner = *max_products;
            Edit::PutValidationSettings(settings)
        }
    })
}

/// A document built by applying the steps that the model accepts.
pub fn document_from(steps: &[Step]) -> Document {
    let mut doc = Document::new();
    for step in steps {
        if let Some(edit) = edit_for(&doc, step) {
            let _ = doc.apply(&edit);
        }
    }
    doc
}
