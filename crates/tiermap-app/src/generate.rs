//! Generated portfolios for benchmarks: a realistic shape at any size.
//! Service areas at the top, products under them, services under products,
//! applications under services, people owning products and services, a KPI
//! on every product, all placed on one service-grouping map in families of 25.

use tiermap_model::layout::{Arrangement, GroupSpec, arrange};
use tiermap_model::{
    Edit, Element, ElementId, ElementKind, GroupKind, GroupingModel, Kpi, KpiId, Map, MapId, OwnedTarget, Ownership,
    OwnershipId, Relation, RelationKind, Role,
};

/// Elements per family group on the generated map.
const FAMILY_SIZE: usize = 25;

/// The edits that build a portfolio of about `elements` elements.
pub fn portfolio(elements: usize) -> Vec<Edit> {
    let elements = elements.max(10);
    let areas = (elements / 500).max(1);
    let products = elements / 10;
    let services = elements / 4;
    let people = elements / 20;
    let applications = elements.saturating_sub(areas + products + services + people);
    let mut edits = Vec::with_capacity(elements * 4);
    let add = |kind: ElementKind, name: String, edits: &mut Vec<Edit>| {
        let element = Element::new(kind, name);
        let id = element.id;
        edits.push(Edit::PutElement(element));
        id
    };
    let area_ids: Vec<ElementId> = (0..areas).map(|i| add(ElementKind::ServiceArea, format!("Service area {i}"), &mut edits)).collect();
    let product_ids: Vec<ElementId> = (0..products).map(|i| add(ElementKind::Product, format!("Product {i}"), &mut edits)).collect();
    let service_ids: Vec<ElementId> = (0..services).map(|i| add(ElementKind::Service, format!("Service {i}"), &mut edits)).collect();
    let app_ids: Vec<ElementId> = (0..applications).map(|i| add(ElementKind::Application, format!("Application {i}"), &mut edits)).collect();
    let people_ids: Vec<ElementId> = (0..people).map(|i| add(ElementKind::Person, format!("Person {i}"), &mut edits)).collect();

    let roll_up = |children: &[ElementId], parents: &[ElementId], edits: &mut Vec<Edit>| {
        for (i, child) in children.iter().enumerate() {
            let parent = parents[i % parents.len()];
            edits.push(Edit::PutRelation(Relation::new(RelationKind::RollsUpTo, *child, parent)));
        }
    };
    roll_up(&product_ids, &area_ids, &mut edits);
    if !product_ids.is_empty() {
        roll_up(&service_ids, &product_ids, &mut edits);
    }
    if !service_ids.is_empty() {
        roll_up(&app_ids, &service_ids, &mut edits);
    }
    if !people_ids.is_empty() {
        let owners = [(&product_ids, Role::ProductManager), (&service_ids, Role::ProductOwner)];
        for (targets, role) in owners {
            for (i, target) in targets.iter().enumerate() {
                edits.push(Edit::PutOwnership(Ownership {
                    id: OwnershipId::new(),
                    person: people_ids[i % people_ids.len()],
                    target: OwnedTarget::Element(*target),
                    role,
                    accountable: true,
                }));
            }
        }
    }
    for product in &product_ids {
        edits.push(Edit::PutKpi(Kpi {
            id: KpiId::new(),
            element: *product,
            name: "Active users".into(),
            value_source: "Adoption".into(),
            objective: "Grow use".into(),
            collection_method: "Analytics".into(),
            target: Some("+25%".into()),
            current_value: None,
            position: 0,
        }));
    }
    let map = MapId::new();
    edits.push(Edit::PutMap(Map { id: map, name: "Portfolio".into(), model: GroupingModel::Service, position: 0 }));
    let placed: Vec<ElementId> = area_ids.iter().chain(&product_ids).chain(&service_ids).chain(&app_ids).copied().collect();
    let families: Vec<GroupSpec> = placed
        .chunks(FAMILY_SIZE)
        .enumerate()
        .map(|(i, members)| GroupSpec::new(format!("Family {i}"), GroupKind::Family, members.to_vec()))
        .collect();
    edits.extend(arrange(map, Arrangement::Columns, &families, &[]));
    edits
}

#[cfg(test)]
mod tests {
    use tiermap_model::Document;

    #[test]
    fn a_generated_portfolio_applies_and_has_the_size_asked_for() {
        let mut doc = Document::new();
        doc.apply_all(&super::portfolio(1000)).unwrap();
        assert_eq!(doc.elements().count(), 1000);
        assert!(doc.relations().count() > 900);
        assert_eq!(doc.maps().len(), 1);
    }
}
