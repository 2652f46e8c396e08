//! The canvas gestures through the session: each does what it says, is one
//! undo step, and refuses bad input without changing anything.

mod common;
use common::{sample_session, view_named};

use tiermap_app::ErrorCode;
use tiermap_app::wire::{MapView, NewElement, NewGroup, NewOwnership};

fn node_id(view: &MapView, name: &str) -> String {
    view.nodes.iter().find(|n| n.name == name).unwrap().id.clone()
}

#[test]
fn a_dropped_element_is_created_in_its_group_and_one_undo_takes_it_away() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let tier = view.groups.iter().find(|g| g.name == "Services").unwrap().id.clone();
    let new = NewElement { map_id: view.map.id.clone(), kind: "service".into(), name: "  Time tracking ".into(), group_id: Some(tier.clone()), x: 30.0, y: 50.0 };
    let (id, after) = session.add_element(&new).unwrap();
    let node = after.nodes.iter().find(|n| n.id == id).unwrap();
    assert_eq!((node.name.as_str(), node.group_id.as_deref(), node.kind.as_str()), ("Time tracking", Some(tier.as_str()), "service"));
    session.undo().unwrap();
    assert!(session.map_view(&view.map.id).unwrap().nodes.iter().all(|n| n.id != id));

    let nameless = NewElement { name: "   ".into(), ..new.clone() };
    assert_eq!(session.add_element(&nameless).unwrap_err().code, ErrorCode::InvalidInput);
    let robot = NewElement { kind: "robot".into(), ..new };
    assert_eq!(session.add_element(&robot).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn delete_removes_an_element_everywhere_and_undo_restores_all_of_it() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let payroll = node_id(&view, "Payroll");
    let before = session.map_view(&view.map.id).unwrap();
    session.delete_elements(std::slice::from_ref(&payroll)).unwrap();
    let after = session.map_view(&view.map.id).unwrap();
    assert!(after.nodes.iter().all(|n| n.id != payroll));
    assert!(after.edges.iter().all(|e| e.source != payroll && e.target != payroll), "its relations went too");
    session.undo().unwrap();
    assert_eq!(session.map_view(&view.map.id).unwrap(), before, "one undo brings back element, owners, KPIs and lines");
}

#[test]
fn removing_from_a_map_keeps_the_element_in_the_document() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let count = session.document().unwrap().element_count;
    let after = session.remove_from_map(&view.map.id, &[node_id(&view, "Workday")]).unwrap();
    assert_eq!(after.nodes.len(), view.nodes.len() - 1);
    assert_eq!(session.document().unwrap().element_count, count);
}

#[test]
fn rename_relate_and_own() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let (adp, workday) = (node_id(&view, "ADP"), node_id(&view, "Workday"));
    session.rename_element(&adp, "ADP Workforce Now").unwrap();
    assert!(view_named(&session, "Human resources").nodes.iter().any(|n| n.name == "ADP Workforce Now"));
    assert_eq!(session.rename_element(&adp, "").unwrap_err().code, ErrorCode::InvalidInput);

    let relation = session.add_relation("supports", &adp, &workday).unwrap();
    assert!(view_named(&session, "Human resources").edges.iter().any(|e| e.id == relation && e.kind == "supports"));
    assert_eq!(session.add_relation("supports", &adp, &adp).unwrap_err().code, ErrorCode::InvalidEdit);
    session.delete_relation(&relation).unwrap();

    // A new accountable owner takes the lead; the previous one becomes a delegate.
    let people = session.people().unwrap();
    let rivera = people.iter().find(|p| p.name == "A. Rivera").unwrap();
    let view = view_named(&session, "Human resources");
    let payroll_processing = view.nodes.iter().find(|n| n.name == "Payroll processing").unwrap();
    assert_eq!(payroll_processing.owners[0].name, "Tom Okafor");
    let ownership = NewOwnership { person_id: rivera.id.clone(), target_id: payroll_processing.id.clone(), role: "product_owner".into(), accountable: true };
    session.assign_owner(&ownership).unwrap();
    let owners = &view_named(&session, "Human resources").nodes.iter().find(|n| n.name == "Payroll processing").unwrap().owners.clone();
    assert_eq!(owners.iter().map(|o| (o.name.as_str(), o.accountable)).collect::<Vec<_>>(), [("A. Rivera", true), ("Tom Okafor", false)]);
    session.remove_owner(&owners[1].ownership_id).unwrap();
    assert_eq!(view_named(&session, "Human resources").nodes.iter().find(|n| n.name == "Payroll processing").unwrap().owners.len(), 1);

    let not_a_person = NewOwnership { person_id: adp.clone(), ..ownership };
    assert_eq!(session.assign_owner(&not_a_person).unwrap_err().code, ErrorCode::InvalidEdit);
}

#[test]
fn groups_are_added_renamed_and_dissolved_keeping_their_contents() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Wholesale division");
    let new = NewGroup { map_id: view.map.id.clone(), parent_id: None, kind: "division".into(), name: "Retail".into(), x: 900.0, y: 0.0, width: 300.0, height: 200.0 };
    let (group, after) = session.add_group(&new).unwrap();
    assert!(after.groups.iter().any(|g| g.id == group && g.name == "Retail"));
    session.rename_group(&group, "Retail division").unwrap();
    let markets = view.groups.iter().find(|g| g.name == "Markets").unwrap().id.clone();
    let held: Vec<String> = view.nodes.iter().filter(|n| n.group_id.as_deref() == Some(markets.as_str())).map(|n| n.id.clone()).collect();
    session.dissolve_group(&markets).unwrap();
    let after = view_named(&session, "Wholesale division");
    let division = view.groups.iter().find(|g| g.name == "Wholesale division").unwrap().id.clone();
    for id in held {
        assert_eq!(after.nodes.iter().find(|n| n.id == id).unwrap().group_id.as_deref(), Some(division.as_str()), "moved up to the parent");
    }
    assert_eq!(session.dissolve_group(&markets).unwrap_err().code, ErrorCode::UnknownId);
}

#[test]
fn a_new_map_of_any_model_starts_as_arrange_lays_it_out() {
    let (_dir, mut session) = sample_session();
    for model in ["pyramid", "service", "technical", "market", "organizational", "freeform"] {
        let (id, _) = session.new_map(&format!("New {model}"), model).unwrap();
        let fresh = session.map_view(&id).unwrap();
        assert_eq!(session.arrange(&id, &[]).unwrap(), fresh, "{model}: Arrange changes nothing");
    }
}

#[test]
fn a_new_map_starts_with_its_models_structure() {
    let (_dir, mut session) = sample_session();
    let (id, doc) = session.new_map("Markets, target state", "market").unwrap();
    assert_eq!(doc.maps.last().unwrap().id, id);
    let view = session.map_view(&id).unwrap();
    let lanes: Vec<&str> = view.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(lanes, ["Retail banking customers", "Small business customers", "Wealth clients"], "a lane per segment");
    assert_eq!(view.nodes.len(), 3, "each segment in its lane");
    let (pyramid, _) = session.new_map("HR target", "pyramid").unwrap();
    assert_eq!(session.map_view(&pyramid).unwrap().groups.len(), 4, "tiers from apex down");
    assert_eq!(session.new_map("X", "spiral").unwrap_err().code, ErrorCode::InvalidInput);
    session.undo().unwrap();
    assert_eq!(session.document().unwrap().maps.len(), 6, "one undo per new map");
}

#[test]
fn arrange_tidies_a_messed_up_map_in_one_step_with_children_under_their_parents() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let node = view.nodes.iter().find(|n| n.name == "Workday").unwrap();
    // Dragged below and right of the others in its tier.
    let moved = tiermap_app::wire::ItemMove { id: node.id.clone(), item: tiermap_app::wire::ItemKind::Element, group_id: node.group_id.clone(), x: 700.0, y: 300.0, width: None, height: None };
    session.move_items(&view.map.id, &[moved]).unwrap();
    let arranged = session.arrange(&view.map.id, &[]).unwrap();
    assert_eq!(arranged.groups, view.groups, "the tiers are where the layout puts them");
    let slots = |v: &MapView| {
        let mut row: Vec<(f64, String)> = v.nodes.iter().filter(|n| n.group_id == node.group_id).map(|n| (n.x, n.name.clone())).collect();
        row.sort_by(|a, b| a.0.total_cmp(&b.0));
        row
    };
    let (before, after) = (slots(&view), slots(&arranged));
    assert_eq!(before.iter().map(|s| s.0).collect::<Vec<_>>(), after.iter().map(|s| s.0).collect::<Vec<_>>(), "the same slots");
    assert!(arranged.nodes.iter().all(|n| n.y == 40.0), "back in the row");
    // Each application sits in the order of the services it rolls up to.
    let absolute_x = |v: &MapView, id: &str| {
        let n = v.nodes.iter().find(|n| n.id == id).unwrap();
        let group = v.groups.iter().find(|g| Some(&g.id) == n.group_id.as_ref()).map_or(0.0, |g| g.x);
        group + n.x
    };
    let mut parents: Vec<(f64, f64)> = arranged
        .edges
        .iter()
        .filter(|e| arranged.nodes.iter().any(|n| n.id == e.source && n.group_id == node.group_id))
        .map(|e| (absolute_x(&arranged, &e.source), absolute_x(&arranged, &e.target)))
        .collect();
    assert!(parents.len() >= 3, "the applications roll up to services");
    parents.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(parents.windows(2).all(|w| w[0].1 <= w[1].1), "children in their parents' order: {parents:?}");
    assert_eq!(session.arrange(&view.map.id, &[]).unwrap(), arranged, "arranging again changes nothing");
    session.undo().unwrap();
    assert_ne!(session.map_view(&view.map.id).unwrap(), arranged, "one undo brings back the mess");
}
