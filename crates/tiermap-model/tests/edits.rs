//! Edits check their references before anything changes. (The property that
//! undoing any edit sequence gives back the identical document is tested in
//! crates/tiermap-testkit/tests, with the shared random-document generator.)

use tiermap_model::{
    Document, Edit, Element, ElementKind, Group, GroupId, GroupKind, GroupingModel, Map, MapId,
    ModelError, OwnedTarget, Ownership, OwnershipId, Placement, Rect, Relation, RelationKind, Role,
};

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
