//! What the canvas receives for a map, through the session as the app uses it.

mod common;
use common::{sample_session, view_named};

use tiermap_app::Session;
use tiermap_app::wire::{ItemKind, ItemMove, MapView, RoutePoint, RouteSide};


fn edge_kinds(view: &MapView) -> Vec<String> {
    let mut kinds: Vec<String> = view.edges.iter().map(|e| e.kind.clone()).collect();
    kinds.dedup();
    kinds
}

#[test]
fn the_relation_a_model_shows_by_containment_is_not_drawn_again() {
    let (_dir, session) = sample_session();
    let market = view_named(&session, "Customer banking products");
    assert!(!edge_kinds(&market).contains(&"serves".to_string()), "lanes show who serves whom");
    assert!(edge_kinds(&market).contains(&"supports".to_string()), "other relations stay");
    let org = view_named(&session, "Wholesale division");
    assert!(!edge_kinds(&org).contains(&"belongs_to".to_string()));
    assert!(edge_kinds(&org).contains(&"delivered_by".to_string()));
    let family = view_named(&session, "End-user support and ticketing");
    assert!(family.edges.is_empty(), "the family container shows the roll-up");
    let pyramid = view_named(&session, "Human resources");
    assert_eq!(pyramid.edges.len(), 15, "a pyramid draws its hierarchy");
}

/// Each element's box on the map: its position added up through its groups.
fn boxes(view: &MapView) -> std::collections::BTreeMap<String, (f64, f64, f64, f64)> {
    let mut groups = std::collections::BTreeMap::new();
    for g in &view.groups {
        let (x, y) = g.parent_id.as_ref().map_or((0.0, 0.0), |p| groups[p]);
        groups.insert(g.id.clone(), (x + g.x, y + g.y));
    }
    view.nodes
        .iter()
        .map(|n| {
            let (x, y) = n.group_id.as_ref().map_or((0.0, 0.0), |g| groups[g]);
            (n.id.clone(), (x + n.x, y + n.y, n.width, n.height))
        })
        .collect()
}

fn on_side(point: &RoutePoint, (x, y, w, h): (f64, f64, f64, f64), side: RouteSide) -> bool {
    let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
    let across = |v: f64, from: f64, length: f64| v >= from - 1e-6 && v <= from + length + 1e-6;
    match side {
        RouteSide::Top => near(point.y, y) && across(point.x, x, w),
        RouteSide::Bottom => near(point.y, y + h) && across(point.x, x, w),
        RouteSide::Left => near(point.x, x) && across(point.y, y, h),
        RouteSide::Right => near(point.x, x + w) && across(point.y, y, h),
    }
}

#[test]
fn every_line_comes_routed_from_a_side_of_its_source_to_a_side_of_its_target_round_the_other_boxes() {
    let (_dir, session) = sample_session();
    for name in ["Customer banking products", "Human resources", "Wholesale division"] {
        let view = view_named(&session, name);
        let boxes = boxes(&view);
        for edge in &view.edges {
            let route = edge.route.as_ref().unwrap_or_else(|| panic!("{name}: a route for every line"));
            assert!(route.routed, "{name}: {} routed", edge.id);
            let (first, last) = (&route.points[0], route.points.last().unwrap());
            assert!(on_side(first, boxes[&edge.source], route.start_side), "{name}: starts on its source's side");
            assert!(on_side(last, boxes[&edge.target], route.end_side), "{name}: ends on its target's side");
            for w in route.points.windows(2) {
                assert!(w[0].x == w[1].x || w[0].y == w[1].y, "{name}: horizontal and vertical segments");
                for (id, &(x, y, bw, bh)) in &boxes {
                    if *id == edge.source || *id == edge.target {
                        continue;
                    }
                    let meets = w[0].x.min(w[1].x) <= x + bw && w[0].x.max(w[1].x) >= x && w[0].y.min(w[1].y) <= y + bh && w[0].y.max(w[1].y) >= y;
                    assert!(!meets, "{name}: line {} through box {id}", edge.id);
                }
            }
        }
    }
}

#[test]
fn a_moved_box_has_its_lines_routed_from_where_it_is_now_and_a_collapsed_group_hides_its_lines() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let edge = view.edges.iter().find(|e| view.nodes.iter().any(|n| n.id == e.source)).unwrap();
    let node = view.nodes.iter().find(|n| n.id == edge.source).unwrap();
    let moved = ItemMove { id: node.id.clone(), item: ItemKind::Element, group_id: None, x: 3000.0, y: 2000.0, width: None, height: None };
    let after = session.move_items(&view.map.id, &[moved]).unwrap();
    let route = after.edges.iter().find(|e| e.id == edge.id).unwrap().route.clone().unwrap();
    assert!(on_side(&route.points[0], (3000.0, 2000.0, node.width, node.height), route.start_side), "from the box where it is now");

    let group = view
        .groups
        .iter()
        .find(|g| view.nodes.iter().any(|n| n.group_id.as_ref() == Some(&g.id) && view.edges.iter().any(|e| e.target == n.id || e.source == n.id)))
        .unwrap();
    session.set_group_collapsed(&group.id, true).unwrap();
    let collapsed = session.map_view(&view.map.id).unwrap();
    let hidden: Vec<&String> = collapsed.nodes.iter().filter(|n| n.group_id.as_ref() == Some(&group.id)).map(|n| &n.id).collect();
    assert!(!hidden.is_empty());
    for e in &collapsed.edges {
        let into_hidden = hidden.contains(&&e.source) || hidden.contains(&&e.target);
        assert_eq!(e.route.is_none(), into_hidden, "no route for a line whose box is hidden, one for every other");
    }
}

#[test]
fn an_element_taken_out_of_its_lane_shows_its_serves_line_again() {
    let (_dir, mut session) = sample_session();
    let market = view_named(&session, "Customer banking products");
    let product = market.nodes.iter().find(|n| n.name == "Online banking").unwrap();
    let moved = ItemMove { id: product.id.clone(), item: ItemKind::Element, group_id: None, x: 1200.0, y: 40.0, width: None, height: None };
    let after = session.move_items(&market.map.id, &[moved]).unwrap();
    let serves: Vec<_> = after.edges.iter().filter(|e| e.kind == "serves").collect();
    assert_eq!(serves.len(), 1);
    assert_eq!(serves[0].source, product.id);
    let node = after.nodes.iter().find(|n| n.id == product.id).unwrap();
    assert_eq!((node.group_id.as_deref(), node.x, node.y), (None, 1200.0, 40.0));
}

#[test]
fn groups_come_before_the_groups_and_elements_inside_them() {
    let (_dir, session) = sample_session();
    let org = view_named(&session, "Wholesale division");
    let position = |id: &str| org.groups.iter().position(|g| g.id == id).unwrap();
    for group in &org.groups {
        if let Some(parent) = &group.parent_id {
            assert!(position(parent) < position(&group.id));
        }
    }
    assert_eq!(org.groups.iter().filter(|g| g.parent_id.is_some()).count(), 2, "two departments nested in the division");
}

#[test]
fn moving_to_an_unknown_group_is_refused_and_changes_nothing() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let node = &view.nodes[0];
    let stray = ItemMove { id: node.id.clone(), item: ItemKind::Element, group_id: Some("0190a1b2-0000-7000-8000-000000000000".into()), x: 0.0, y: 0.0, width: None, height: None };
    let error = session.move_items(&view.map.id, &[stray]).unwrap_err();
    assert_eq!(error.code, tiermap_app::ErrorCode::InvalidEdit);
    assert_eq!(session.map_view(&view.map.id).unwrap(), view);
}

#[test]
fn opening_the_open_document_again_keeps_it_open() {
    let (dir, mut session) = sample_session();
    let again = session.open(dir.path().join("sample.tiermap")).unwrap();
    assert_eq!(again.maps.len(), 5);
    assert!(!again.read_only);
}

#[test]
fn one_element_on_two_maps_is_renamed_everywhere_and_removing_it_from_one_map_keeps_it() {
    use tiermap_model::{Edit, Element, ElementKind, GroupingModel, Map, MapId, Placement, Rect};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.tiermap");
    let payroll = Element::new(ElementKind::Product, "Payroll");
    let maps = [MapId::new(), MapId::new()];
    let mut edits = vec![Edit::PutElement(payroll.clone())];
    for (i, map) in maps.iter().enumerate() {
        edits.push(Edit::PutMap(Map { id: *map, name: format!("Map {i}"), model: GroupingModel::Freeform, position: i as i64 }));
        edits.push(Edit::PutPlacement(Placement { map: *map, element: payroll.id, group: None, rect: Rect::new(0.0, 0.0, 180.0, 88.0) }));
    }
    let mut file = tiermap_store::DocumentFile::create_with(&path, &edits).unwrap();
    file.apply("Rename", &[Edit::PutElement(Element { name: "Payroll services".into(), ..payroll.clone() })]).unwrap();
    file.apply("Remove from map", &[Edit::DeletePlacement { map: maps[1], element: payroll.id }]).unwrap();
    drop(file);

    let mut session = Session::new();
    session.open(&path).unwrap();
    let first = session.map_view(&maps[0].to_string()).unwrap();
    assert_eq!(first.nodes[0].name, "Payroll services");
    assert!(session.map_view(&maps[1].to_string()).unwrap().nodes.is_empty());
    assert_eq!(session.document().unwrap().element_count, 1, "still in the document");
}

#[test]
fn save_as_continues_in_a_copy_with_its_history() {
    let (dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let node = &view.nodes[0];
    let moved = ItemMove { id: node.id.clone(), item: ItemKind::Element, group_id: node.group_id.clone(), x: node.x + 40.0, y: node.y, width: None, height: None };
    session.move_items(&view.map.id, &[moved]).unwrap();

    let copy = session.save_as(dir.path().join("target state")).unwrap();
    assert!(copy.path.ends_with("target state.tiermap"), "{}", copy.path);
    assert!(copy.can_undo, "the history came along");
    // The original is free again: another writer can open it.
    tiermap_store::DocumentFile::open(dir.path().join("sample.tiermap")).unwrap();
    session.undo().unwrap();
    let in_copy = session.map_view(&view.map.id).unwrap();
    assert_eq!(in_copy.nodes[0].x, node.x, "undo works in the copy");
}

#[test]
fn save_as_over_a_document_open_elsewhere_is_refused_and_nothing_changes() {
    let (dir, mut session) = sample_session();
    let other = dir.path().join("other.tiermap");
    tiermap_app::sample::create(&other).unwrap();
    let _elsewhere = tiermap_store::DocumentFile::open(&other).unwrap();
    let before = std::fs::read(&other).unwrap();
    let error = session.save_as(&other).unwrap_err();
    assert_eq!(error.code, tiermap_app::ErrorCode::Locked);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    assert!(session.document().unwrap().path.ends_with("sample.tiermap"), "still on the original");
}

#[test]
fn rule_settings_are_stored_in_the_document_and_undoable() {
    let (dir, session) = sample_session();
    let view = view_named(&session, "Human resources");
    let node = view.nodes.iter().find(|n| n.name == "Onboarding").unwrap();
    // Make a finding: Onboarding loses its owner (through the file, as another tool would).
    drop(session);
    let path = dir.path().join("sample.tiermap");
    let mut file = tiermap_store::DocumentFile::open(&path).unwrap();
    let id: tiermap_model::ElementId = node.id.parse().unwrap();
    let owners: Vec<_> = file
        .doc()
        .ownerships_of(tiermap_model::OwnedTarget::Element(id))
        .map(|o| tiermap_model::Edit::DeleteOwnership { id: o.id })
        .collect();
    file.apply("remove owner", &owners).unwrap();
    drop(file);
    let mut session = Session::new();
    session.open(&path).unwrap();
    let on_map = session.problems(Some(&view.map.id)).unwrap();
    assert_eq!((on_map.warnings, on_map.problems[0].rule.as_str()), (1, "owner-missing"));
    assert_eq!(on_map.problems[0].element_ids, vec![node.id.clone()]);
    let elsewhere = view_named(&session, "Wholesale division");
    assert!(session.problems(Some(&elsewhere.map.id)).unwrap().problems.is_empty(), "filtered to the map");

    // Grade owner-missing as an error, then switch it off.
    let mut settings = session.rule_settings().unwrap();
    let rule = settings.rules.iter_mut().find(|r| r.rule == "owner-missing").unwrap();
    rule.severity = "error".into();
    session.set_rule_settings(&settings).unwrap();
    assert_eq!(session.problems(None).unwrap().errors, 1);
    let mut settings = session.rule_settings().unwrap();
    settings.rules.iter_mut().find(|r| r.rule == "owner-missing").unwrap().enabled = false;
    session.set_rule_settings(&settings).unwrap();
    assert!(session.problems(None).unwrap().problems.is_empty());

    // Stored in the file, and undoable.
    drop(session);
    let mut session = Session::new();
    session.open(&path).unwrap();
    assert!(session.problems(None).unwrap().problems.is_empty(), "the settings survived reopening");
    session.undo().unwrap();
    assert_eq!(session.problems(None).unwrap().errors, 1, "undo brought back the previous settings");

    let mut bad = session.rule_settings().unwrap();
    bad.max_products_per_owner = 0;
    assert_eq!(session.set_rule_settings(&bad).unwrap_err().code, tiermap_app::ErrorCode::InvalidInput);
}
