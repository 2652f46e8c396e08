//! Generated portfolios for benchmarks: a realistic shape at any size.
//! Service areas at the top, products under them, services under products,
//! applications under services and supporting two products each (about two
//! relations per element), product managers on products and product owners
//! on at most three services each, a KPI with a target on every product and
//! service, all placed on one freeform map in groups of 25. Well-formed, as
//! a client's portfolio mostly is: validation finds only the one-apex-per-
//! service-area shape to report.

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
    // Enough people that no product owner holds more than three services.
    let managers = products.div_ceil(10).max(1);
    let owners = services.div_ceil(3).max(1);
    let people = managers + owners;
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
    if !product_ids.is_empty() {
        for (i, app) in app_ids.iter().enumerate() {
            for k in [i, i * 7 + 3] {
                let product = product_ids[k % product_ids.len()];
                edits.push(Edit::PutRelation(Relation::new(RelationKind::Supports, *app, product)));
            }
        }
    }
    let (manager_ids, owner_ids) = people_ids.split_at(managers.min(people_ids.len()));
    let assignments = [(&product_ids, Role::ProductManager, manager_ids), (&service_ids, Role::ProductOwner, owner_ids)];
    for (targets, role, people) in assignments {
        for (i, target) in targets.iter().enumerate() {
            if people.is_empty() {
                break;
            }
            edits.push(Edit::PutOwnership(Ownership {
                id: OwnershipId::new(),
                person: people[(i / 3) % people.len()],
                target: OwnedTarget::Element(*target),
                role,
                accountable: true,
            }));
        }
    }
    for product in product_ids.iter().chain(&service_ids) {
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
    edits.push(Edit::PutMap(Map { id: map, name: "Portfolio".into(), model: GroupingModel::Freeform, position: 0 }));
    let placed: Vec<ElementId> = area_ids.iter().chain(&product_ids).chain(&service_ids).chain(&app_ids).copied().collect();
    let families: Vec<GroupSpec> = placed
        .chunks(FAMILY_SIZE)
        .enumerate()
        .map(|(i, members)| GroupSpec::new(format!("Group {i}"), GroupKind::Plain, members.to_vec()))
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
        let relations = doc.relations().count();
        assert!((1800..2300).contains(&relations), "about two relations per element: {relations}");
        assert_eq!(doc.maps().len(), 1);
    }
}
