//! The inspector, the model browser and keyboard authoring through the
//! session: each change is one undo step and bad input changes nothing.

mod common;
use common::{sample_session, view_named};

use tiermap_app::ErrorCode;
use tiermap_app::wire::{ElementPatch, KpiRow, LinkedElement, MapView, Property};

fn node_id(view: &MapView, name: &str) -> String {
    view.nodes.iter().find(|n| n.name == name).unwrap().id.clone()
}

#[test]
fn the_inspector_edits_one_element_whole_in_one_undo_step() {
    let (_dir, mut session) = sample_session();
    let payroll = node_id(&view_named(&session, "Human resources"), "Payroll");
    let before = session.element_details(&payroll).unwrap();
    assert!(!before.kpis.is_empty(), "the sample gives products KPIs");
    assert!(before.maps.iter().any(|m| m.name == "Human resources"));

    let patch = ElementPatch {
        element_ids: vec![payroll.clone()],
        description: Some("Pays everyone, on time.  ".into()),
        lifecycle: Some("mature".into()),
        external: Some(true),
        tags: Some(vec![" core ".into(), "Core".into(), "".into(), "regulated".into()]),
        properties: Some(vec![Property { key: "Cost centre".into(), value: "HR-12".into() }, Property { key: "".into(), value: "".into() }]),
        ..ElementPatch::default()
    };
    session.update_elements(&patch).unwrap();
    let after = session.element_details(&payroll).unwrap();
    assert_eq!(after.description, "Pays everyone, on time.");
    assert_eq!(after.lifecycle.as_deref(), Some("mature"));
    assert!(after.external);
    assert_eq!(after.tags, ["core", "regulated"], "trimmed, empty and repeated tags dropped");
    assert_eq!(after.properties, [Property { key: "Cost centre".into(), value: "HR-12".into() }]);
    session.undo().unwrap();
    assert_eq!(session.element_details(&payroll).unwrap(), before, "one undo takes all of it back");

    let bad = [
        ElementPatch { element_ids: vec![payroll.clone()], lifecycle: Some("eternal".into()), ..ElementPatch::default() },
        ElementPatch { element_ids: vec![payroll.clone()], kind: Some("person".into()), ..ElementPatch::default() },
        ElementPatch { element_ids: vec![payroll.clone()], name: Some("  ".into()), ..ElementPatch::default() },
        ElementPatch {
            element_ids: vec![payroll.clone()],
            properties: Some(vec![Property { key: "a".into(), value: "1".into() }, Property { key: " a".into(), value: "2".into() }]),
            ..ElementPatch::default()
        },
        ElementPatch { element_ids: vec![], ..ElementPatch::default() },
    ];
    for patch in bad {
        assert_eq!(session.update_elements(&patch).unwrap_err().code, ErrorCode::InvalidInput, "{patch:?}");
    }
    assert_eq!(session.element_details(&payroll).unwrap(), before, "refused changes change nothing");
}

#[test]
fn several_elements_change_together_and_keep_what_they_do_not_share() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let (adp, workday) = (node_id(&view, "ADP"), node_id(&view, "Workday"));
    let patch = ElementPatch { element_ids: vec![adp.clone(), workday.clone()], lifecycle: Some("retiring".into()), add_tags: Some(vec!["legacy".into()]), ..ElementPatch::default() };
    session.update_elements(&patch).unwrap();
    for id in [&adp, &workday] {
        let details = session.element_details(id).unwrap();
        assert_eq!(details.lifecycle.as_deref(), Some("retiring"));
        assert!(details.tags.contains(&"legacy".to_owned()));
    }
    assert_ne!(session.element_details(&adp).unwrap().name, session.element_details(&workday).unwrap().name);
    let named = ElementPatch { element_ids: vec![adp, workday], name: Some("Same".into()), ..ElementPatch::default() };
    assert_eq!(session.update_elements(&named).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn kpis_are_added_changed_and_deleted_as_table_rows() {
    let (_dir, mut session) = sample_session();
    let payroll = node_id(&view_named(&session, "Human resources"), "Payroll");
    let count = session.element_details(&payroll).unwrap().kpis.len();
    let row = KpiRow {
        id: None,
        element_id: payroll.clone(),
        name: "Payslips on time".into(),
        value_source: "Payroll run log".into(),
        objective: "Trust".into(),
        collection_method: "Monthly".into(),
        target: "99.9%".into(),
        current_value: "".into(),
    };
    let id = session.put_kpi(&row).unwrap();
    let details = session.element_details(&payroll).unwrap();
    assert_eq!(details.kpis.len(), count + 1);
    let added = details.kpis.last().unwrap();
    assert_eq!((added.name.as_str(), added.target.as_str(), added.current_value.as_str()), ("Payslips on time", "99.9%", ""), "added last");

    session.put_kpi(&KpiRow { id: Some(id.clone()), current_value: "99.2%".into(), ..row.clone() }).unwrap();
    assert_eq!(session.element_details(&payroll).unwrap().kpis.last().unwrap().current_value, "99.2%");
    assert_eq!(session.put_kpi(&KpiRow { name: " ".into(), ..row.clone() }).unwrap_err().code, ErrorCode::InvalidInput);
    session.delete_kpi(&id).unwrap();
    assert_eq!(session.element_details(&payroll).unwrap().kpis.len(), count);
}

#[test]
fn an_owner_changes_role_and_a_bad_role_is_refused() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let node = view.nodes.iter().find(|n| n.owners.len() == 1).unwrap();
    let only = node.owners[0].clone();
    session.change_owner(&only.ownership_id, "service_owner", only.accountable).unwrap();
    let now = session.element_details(&node.id).unwrap().owners;
    assert_eq!((now[0].role.as_str(), now[0].tier), ("service_owner", 3));
    assert_eq!(session.change_owner(&only.ownership_id, "overlord", true).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn relations_change_kind_and_groups_collapse() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let edge = view.edges[0].clone();
    session.set_relation_kind(&edge.id, "dotted_line").unwrap();
    let after = view_named(&session, "Human resources");
    let changed = after.edges.iter().find(|e| e.id == edge.id).unwrap();
    assert_eq!((changed.kind.as_str(), &changed.source, &changed.target), ("dotted_line", &edge.source, &edge.target));
    assert_eq!(session.set_relation_kind(&edge.id, "hates").unwrap_err().code, ErrorCode::InvalidInput);

    let group = view.groups[0].id.clone();
    session.set_group_collapsed(&group, true).unwrap();
    assert!(view_named(&session, "Human resources").groups[0].collapsed);
    session.undo().unwrap();
    assert!(!view_named(&session, "Human resources").groups[0].collapsed);
}

#[test]
fn the_model_browser_lists_every_element_with_the_maps_it_is_on() {
    let (_dir, session) = sample_session();
    let all = session.elements().unwrap();
    assert_eq!(all.len() as u32, session.document().unwrap().element_count);
    let names: Vec<String> = all.iter().map(|e| e.name.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by name");
    let hr = view_named(&session, "Human resources");
    let payroll = all.iter().find(|e| e.name == "Payroll").unwrap();
    assert!(payroll.map_ids.contains(&hr.map.id));
}

#[test]
fn enter_and_tab_type_a_pyramid_that_one_undo_per_element_takes_back() {
    let (_dir, mut session) = sample_session();
    let (map, _) = session.new_map("Typed", "pyramid").unwrap();
    let add = |session: &mut tiermap_app::Session, from: Option<&str>, link: &str, name: &str| {
        let new = LinkedElement { map_id: map.clone(), from_id: from.map(str::to_owned), link: link.into(), name: name.into() };
        session.add_linked(&new).unwrap().0
    };
    let top = add(&mut session, None, "", "Payments");
    let product = add(&mut session, Some(&top), "child", "Cards");
    add(&mut session, Some(&product), "sibling", "Wallets");
    add(&mut session, Some(&product), "child", "Card issuing");
    let view = session.map_view(&map).unwrap();
    let tier_of = |name: &str| {
        let node = view.nodes.iter().find(|n| n.name == name).unwrap();
        view.groups.iter().find(|g| Some(&g.id) == node.group_id.as_ref()).unwrap().name.clone()
    };
    assert_eq!([tier_of("Payments"), tier_of("Cards"), tier_of("Wallets"), tier_of("Card issuing")], ["Service area", "Products", "Products", "Services"]);
    assert_eq!(view.edges.iter().filter(|e| e.kind == "rolls_up_to").count(), 3);
    session.undo().unwrap();
    assert_eq!(session.map_view(&map).unwrap().nodes.len(), 3);
    let bad = LinkedElement { map_id: map.clone(), from_id: Some(top), link: "cousin".into(), name: "X".into() };
    assert_eq!(session.add_linked(&bad).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn duplicates_land_beside_their_originals() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let adp = view.nodes.iter().find(|n| n.name == "ADP").unwrap();
    let (copies, after) = session.duplicate_elements(&view.map.id, std::slice::from_ref(&adp.id), 24.0, 24.0).unwrap();
    let copy = after.nodes.iter().find(|n| n.id == copies[0]).unwrap();
    assert_eq!((copy.name.as_str(), copy.x - adp.x, copy.y - adp.y, &copy.group_id), ("ADP", 24.0, 24.0, &adp.group_id));
    assert!(copy.owners.is_empty(), "a copy is a new thing to own");
    assert_eq!(session.duplicate_elements(&view.map.id, &[], 24.0, 24.0).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn pasting_onto_another_map_places_the_same_elements_in_one_step() {
    let (_dir, mut session) = sample_session();
    let hr = view_named(&session, "Human resources");
    let (map, _) = session.new_map("Elsewhere", "freeform").unwrap();
    let places: Vec<tiermap_app::wire::ItemMove> = hr.nodes[..2]
        .iter()
        .enumerate()
        .map(|(i, n)| tiermap_app::wire::ItemMove { id: n.id.clone(), item: tiermap_app::wire::ItemKind::Element, group_id: None, x: 200.0 * i as f64, y: 0.0, width: None, height: None })
        .collect();
    let count = session.document().unwrap().element_count;
    let view = session.place_elements(&map, &places).unwrap();
    assert_eq!(view.nodes.iter().map(|n| &n.id).collect::<Vec<_>>(), hr.nodes[..2].iter().map(|n| &n.id).collect::<Vec<_>>());
    assert_eq!(session.document().unwrap().element_count, count, "the same elements, not copies");
    assert_eq!(session.place_elements(&map, &places).unwrap(), view, "pasting again changes nothing");
    session.undo().unwrap();
    assert!(session.map_view(&map).unwrap().nodes.is_empty(), "one undo step");
}
