//! Edits and their inverses: checked references, and the property that
//! applying any sequence of edits and then their inverses gives back the
//! identical document.

use proptest::prelude::*;
use tiermap_model::{
    Document, Edit, Element, ElementKind, Group, GroupId, GroupKind, GroupingModel, Kpi, KpiId, Map, MapId,
    ModelError, OwnedTarget, Ownership, OwnershipId, Placement, Rect, Relation, RelationKind, Role,
};

/// One step of a random editing session; indices pick among existing records.
#[derive(Debug, Clone)]
enum Step {
    AddElement(usize),
    AddPerson,
    Rename(usize),
    DeleteElement(usize),
    Relate(usize, usize, usize),
    DeleteRelation(usize),
    AddMap,
    AddGroup(usize, Option<usize>),
    Reparent(usize, Option<usize>),
    Place(usize, usize, Option<usize>, f64, f64),
    Unplace(usize),
    Own(usize, usize, usize),
    AddKpi(usize),
    DeleteGroup(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..ElementKind::ALL.len()).prop_map(Step::AddElement),
        Just(Step::AddPerson),
        any::<usize>().prop_map(Step::Rename),
        any::<usize>().prop_map(Step::DeleteElement),
        (any::<usize>(), any::<usize>(), 0..RelationKind::ALL.len()).prop_map(|(a, b, k)| Step::Relate(a, b, k)),
        any::<usize>().prop_map(Step::DeleteRelation),
        Just(Step::AddMap),
        (any::<usize>(), proptest::option::of(any::<usize>())).prop_map(|(m, p)| Step::AddGroup(m, p)),
        (any::<usize>(), proptest::option::of(any::<usize>())).prop_map(|(g, p)| Step::Reparent(g, p)),
        (any::<usize>(), any::<usize>(), proptest::option::of(any::<usize>()), -500.0..500.0f64, -500.0..500.0f64)
            .prop_map(|(m, e, g, x, y)| Step::Place(m, e, g, x, y)),
        any::<usize>().prop_map(Step::Unplace),
        (any::<usize>(), any::<usize>(), 0..Role::ALL.len()).prop_map(|(p, e, r)| Step::Own(p, e, r)),
        any::<usize>().prop_map(Step::AddKpi),
        any::<usize>().prop_map(Step::DeleteGroup),
    ]
}

fn pick<T: Clone>(items: Vec<T>, index: usize) -> Option<T> {
    if items.is_empty() { None } else { Some(items[index % items.len()].clone()) }
}

/// Turns a step into an edit against the current document (it may still be refused).
fn edit_for(doc: &Document, step: &Step) -> Option<Edit> {
    let elements: Vec<Element> = doc.elements().cloned().collect();
    let maps: Vec<MapId> = doc.maps().iter().map(|m| m.id).collect();
    let groups: Vec<Group> = doc.groups().cloned().collect();
    Some(match step {
        Step::AddElement(k) => Edit::PutElement(Element::new(ElementKind::ALL[*k], "Element")),
        Step::AddPerson => Edit::PutElement(Element::new(ElementKind::Person, "Someone")),
        Step::Rename(i) => {
            let mut e = pick(elements, *i)?;
            e.name.push('!');
            Edit::PutElement(e)
        }
        Step::DeleteElement(i) => Edit::DeleteElement { id: pick(elements, *i)?.id },
        Step::Relate(a, b, k) => {
            Edit::PutRelation(Relation::new(RelationKind::ALL[*k], pick(elements.clone(), *a)?.id, pick(elements, *b)?.id))
        }
        Step::DeleteRelation(i) => Edit::DeleteRelation { id: pick(doc.relations().map(|r| r.id).collect(), *i)? },
        Step::AddMap => Edit::PutMap(Map { id: MapId::new(), name: "Map".into(), model: GroupingModel::Pyramid, position: maps.len() as i64 }),
        Step::AddGroup(m, parent) => {
            let map = pick(maps, *m)?;
            let parent = parent.and_then(|p| pick(groups.iter().filter(|g| g.map == map).map(|g| g.id).collect(), p));
            Edit::PutGroup(Group { id: GroupId::new(), map, parent, kind: GroupKind::Tier, name: "Tier".into(), rect: Rect::new(0.0, 0.0, 300.0, 200.0), collapsed: false })
        }
        Step::Reparent(g, parent) => {
            let mut group = pick(groups.clone(), *g)?;
            group.parent = parent.and_then(|p| pick(groups.iter().map(|g| g.id).collect(), p));
            Edit::PutGroup(group)
        }
        Step::Place(m, e, g, x, y) => {
            let map = pick(maps, *m)?;
            let group = g.and_then(|g| pick(groups.iter().filter(|gr| gr.map == map).map(|gr| gr.id).collect(), g));
            Edit::PutPlacement(Placement { map, element: pick(elements, *e)?.id, group, rect: Rect::new(*x, *y, 180.0, 72.0) })
        }
        Step::Unplace(i) => {
            let p = pick(doc.placements().cloned().collect(), *i)?;
            Edit::DeletePlacement { map: p.map, element: p.element }
        }
        Step::Own(p, e, r) => Edit::PutOwnership(Ownership {
            id: OwnershipId::new(),
            person: pick(elements.clone(), *p)?.id,
            target: OwnedTarget::Element(pick(elements, *e)?.id),
            role: Role::ALL[*r],
            accountable: true,
        }),
        Step::AddKpi(e) => Edit::PutKpi(Kpi {
            id: KpiId::new(),
            element: pick(elements, *e)?.id,
            name: "Active users".into(),
            value_source: String::new(),
            objective: String::new(),
            collection_method: String::new(),
            target: None,
            current_value: None,
            position: 0,
        }),
        Step::DeleteGroup(g) => Edit::DeleteGroup { id: pick(groups, *g)?.id },
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undoing_every_edit_gives_back_the_identical_document(steps in proptest::collection::vec(step(), 1..80)) {
        let mut doc = Document::new();
        let mut undo_log: Vec<Vec<Edit>> = Vec::new();
        let mut snapshots = vec![doc.clone()];
        for step in &steps {
            let Some(edit) = edit_for(&doc, step) else { continue };
            let before = doc.clone();
            match doc.apply_all(&[edit]) {
                Ok(inverse) => {
                    undo_log.push(inverse);
                    snapshots.push(doc.clone());
                }
                Err(_) => prop_assert_eq!(&doc, &before, "a refused edit changes nothing"),
            }
        }
        while let Some(inverse) = undo_log.pop() {
            snapshots.pop();
            doc.apply_all(&inverse).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&doc, snapshots.last().expect("a snapshot per step"));
        }
        prop_assert_eq!(doc, Document::new());
    }
}

#[test]
fn references_are_checked_before_anything_changes() {
    let mut doc = Document::new();
    let product = Element::new(ElementKind::Product, "Payroll");
    let stray = Relation::new(RelationKind::RollsUpTo, product.id, tiermap_model::ElementId::new());
    assert!(matches!(doc.apply(&Edit::PutRelation(stray)), Err(ModelError::Missing { .. })));
    doc.apply(&Edit::PutElement(product.clone())).expect("element");
    let not_a_person = Ownership {
        id: OwnershipId::new(),
        person: product.id,
        target: OwnedTarget::Element(product.id),
        role: Role::ProductOwner,
        accountable: true,
    };
    assert!(matches!(doc.apply(&Edit::PutOwnership(not_a_person)), Err(ModelError::NotAPerson { .. })));
    let nameless = Element { name: "  ".into(), ..product.clone() };
    assert!(matches!(doc.apply(&Edit::PutElement(nameless)), Err(ModelError::EmptyName { .. })));
}

#[test]
fn a_group_cannot_be_nested_inside_itself() {
    let mut doc = Document::new();
    let map = Map { id: MapId::new(), name: "Map".into(), model: GroupingModel::Pyramid, position: 0 };
    let outer = Group { id: GroupId::new(), map: map.id, parent: None, kind: GroupKind::Tier, name: "Outer".into(), rect: Rect::default(), collapsed: false };
    let inner = Group { id: GroupId::new(), parent: Some(outer.id), name: "Inner".into(), ..outer.clone() };
    doc.apply_all(&[Edit::PutMap(map), Edit::PutGroup(outer.clone()), Edit::PutGroup(inner.clone())]).expect("groups");
    let cycle = Group { parent: Some(inner.id), ..outer };
    assert!(matches!(doc.apply(&Edit::PutGroup(cycle)), Err(ModelError::GroupCycle { .. })));
}

#[test]
fn an_element_still_in_use_cannot_be_deleted() {
    let mut doc = Document::new();
    let map = Map { id: MapId::new(), name: "Map".into(), model: GroupingModel::Freeform, position: 0 };
    let product = Element::new(ElementKind::Product, "Payroll");
    let placement = Placement { map: map.id, element: product.id, group: None, rect: Rect::default() };
    doc.apply_all(&[Edit::PutMap(map), Edit::PutElement(product.clone()), Edit::PutPlacement(placement)]).expect("setup");
    let error = doc.apply(&Edit::DeleteElement { id: product.id }).expect_err("still placed");
    assert!(error.to_string().contains("placed on a map"), "{error}");
}
