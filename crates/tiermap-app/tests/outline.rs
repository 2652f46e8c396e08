//! The outline panel's edits through the session: the outline comes with
//! every map view, each edit is one undo step that takes the map back to
//! exactly what it was, and bad input is refused without a change.

mod common;
use common::{sample_session, view_named};

use tiermap_app::ErrorCode;
use tiermap_app::wire::MapView;

/// The outline as "  name" lines, two spaces a level.
fn lines(view: &MapView) -> Vec<String> {
    view.outline
        .iter()
        .map(|i| format!("{}{}", "  ".repeat(i.depth as usize), i.name))
        .collect()
}

fn item_id(view: &MapView, name: &str) -> String {
    view.outline
        .iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("{name} in the outline"))
        .id
        .clone()
}

#[test]
fn every_sample_map_comes_with_an_outline_of_all_it_holds() {
    let (_dir, session) = sample_session();
    for map in session.document().unwrap().maps {
        let view = session.map_view(&map.id).unwrap();
        for node in &view.nodes {
            assert_eq!(
                view.outline.iter().filter(|i| i.id == node.id).count(),
                1,
                "{} once in the outline of {}",
                node.name,
                map.name
            );
        }
        for item in &view.outline {
            if let Some(parent) = &item.parent_id {
                let at = view
                    .outline
                    .iter()
                    .position(|i| &i.id == parent)
                    .expect("the parent is listed");
                assert!(
                    at < view.outline.iter().position(|i| i.id == item.id).unwrap(),
                    "parents come first"
                );
            }
        }
        println!("{}:\n{}", map.name, lines(&view).join("\n"));
    }
    let hr = view_named(&session, "Human resources");
    assert_eq!(hr.outline[0].name, "Human resources");
    assert_eq!(hr.outline[0].depth, 0);
    assert!(
        hr.outline
            .iter()
            .all(|i| i.item == tiermap_app::wire::ItemKind::Element),
        "a pyramid's tiers are levels, not items"
    );
}

#[test]
fn a_paste_is_one_step_and_one_undo_gives_back_the_identical_map() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let payroll = item_id(&view, "Payroll");
    let (created, after) = session
        .outline_paste(
            &view.map.id,
            Some(&payroll),
            "Learning\n\t- Courses\n\t\t- LMS\n\t- Mentoring",
        )
        .unwrap();
    assert_eq!(created.len(), 4);
    let shown = lines(&after);
    let at = shown.iter().position(|l| l.trim() == "Learning").unwrap();
    let depth = |l: &str| l.len() - l.trim_start().len();
    assert_eq!(
        depth(&shown[at]),
        depth(&shown[shown.iter().position(|l| l.trim() == "Payroll").unwrap()]),
        "a sibling of Payroll"
    );
    assert_eq!(shown[at + 1].trim(), "Courses");
    assert_eq!(depth(&shown[at + 1]), depth(&shown[at]) + 2);
    assert_eq!(
        after.nodes.iter().find(|n| n.name == "LMS").unwrap().kind,
        "application"
    );
    session.undo().unwrap();
    assert_eq!(
        session.map_view(&view.map.id).unwrap(),
        view,
        "one undo takes the whole paste back"
    );
    session.redo().unwrap();
    assert_eq!(
        session.map_view(&view.map.id).unwrap(),
        after,
        "and one redo brings it all again"
    );
}

#[test]
fn indent_outdent_and_moves_are_single_steps_and_nothing_to_do_leaves_no_step() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let map = view.map.id.clone();
    let top = view.outline[0].id.clone();
    let second = view
        .outline
        .iter()
        .find(|i| i.depth == 1 && i.parent_id.as_deref() == Some(top.as_str()))
        .unwrap();
    let sibling = view
        .outline
        .iter()
        .find(|i| i.parent_id == second.parent_id && i.id != second.id)
        .unwrap()
        .id
        .clone();

    let indented = session.outline_indent(&map, &sibling).unwrap();
    assert_eq!(
        indented
            .outline
            .iter()
            .find(|i| i.id == sibling)
            .unwrap()
            .depth,
        2
    );
    session.undo().unwrap();
    assert_eq!(session.map_view(&map).unwrap(), view);

    let outdented = session.outline_outdent(&map, &second.id).unwrap();
    assert_eq!(
        outdented
            .outline
            .iter()
            .find(|i| i.id == second.id)
            .unwrap()
            .depth,
        0
    );
    session.undo().unwrap();
    assert_eq!(session.map_view(&map).unwrap(), view);

    let moved = session.outline_move(&map, &sibling, "up").unwrap();
    let order = |v: &MapView| {
        v.outline
            .iter()
            .filter(|i| i.parent_id.as_deref() == Some(top.as_str()))
            .map(|i| i.id.clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(order(&moved), order(&view));
    session.undo().unwrap();
    assert_eq!(session.map_view(&map).unwrap(), view);

    // The top has nothing above it and no parent: nothing changes, no undo step.
    let undo_before = session.document().unwrap().can_undo;
    assert_eq!(session.outline_indent(&map, &top).unwrap(), view);
    assert_eq!(session.outline_outdent(&map, &top).unwrap(), view);
    assert_eq!(session.document().unwrap().can_undo, undo_before);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let (_dir, mut session) = sample_session();
    let view = view_named(&session, "Human resources");
    let map = view.map.id.clone();
    let first = view.outline[0].id.clone();
    assert_eq!(
        session
            .outline_move(&map, &first, "sideways")
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    assert_eq!(
        session.outline_indent(&map, "not-an-id").unwrap_err().code,
        ErrorCode::UnknownId
    );
    assert_eq!(
        session
            .outline_indent("not-a-map", &first)
            .unwrap_err()
            .code,
        ErrorCode::UnknownId
    );
    let error = session
        .outline_paste(&map, Some(&first), "\n  \n- \n")
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.contains("nothing to paste"),
        "{}",
        error.message
    );
    assert_eq!(
        session
            .outline_add(&map, Some(&first), "  ")
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    assert_eq!(session.map_view(&map).unwrap(), view);
}
