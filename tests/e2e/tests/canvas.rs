//! The canvas in the real app: the sample opens with its five maps, and
//! drags are stored in the file (checked through the store, not the screen).

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::{ElementId, MapId};

#[tokio::test]
async fn starts_on_the_sample_with_five_maps_and_every_node() {
    let document = sample_document();
    let file = read_document(&document.path);
    let maps = file.doc().maps();
    let first = maps[0].id;
    let expected_nodes = file.doc().placements_of(first).count();
    let expected_names: Vec<String> = maps.iter().map(|m| m.name.clone()).collect();
    drop(file);

    let app = App::launch(&[&document.path]).await;
    let tabs = app.wait_for_all("[data-testid=map-tab]", 5).await;
    let mut names = Vec::new();
    for tab in &tabs {
        let name = tab.find(By::Css(".map-tab-name")).await.expect("tab name");
        names.push(name.prop("textContent").await.expect("text").unwrap_or_default());
    }
    assert_eq!(names, expected_names);

    let nodes = app.wait_for_all(".react-flow__node-element", expected_nodes).await;
    assert_eq!(nodes.len(), expected_nodes, "every element of the first map is on the canvas");
    let badges = app.wait_for_all("[data-testid=owner-badge]", 1).await;
    assert!(!badges.is_empty(), "owners show as badges");

    // Another tab shows that map's elements.
    let last = maps_last_id(&document.path);
    app.click_map_tab(&last.to_string()).await;
    app.wait_for(&format!("[data-testid=canvas][data-map-id='{last}']")).await;
    app.quit().await;
}

fn maps_last_id(path: &std::path::Path) -> MapId {
    read_document(path).doc().maps().last().expect("maps").id
}

/// The first map and an element on it that sits in a group.
fn first_map_element(path: &std::path::Path, name: &str) -> (MapId, ElementId) {
    let file = read_document(path);
    let map = file.doc().maps()[0].id;
    let element = file.doc().elements().find(|e| e.name == name).expect("element in the sample").id;
    (map, element)
}

#[tokio::test]
async fn a_dragged_node_has_its_new_position_in_the_file() {
    let document = sample_document();
    let (map, element) = first_map_element(&document.path, "Workday");
    let before = read_document(&document.path).doc().placement(map, element).cloned().expect("placed");

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    app.drag_by(&node, 40, 0).await;

    let after = eventually(Duration::from_secs(5), async || {
        let placement = read_document(&document.path).doc().placement(map, element).cloned()?;
        (placement.rect.x != before.rect.x).then_some(placement)
    })
    .await
    .expect("the new position reaches the file");
    assert!(after.rect.x > before.rect.x + 20.0, "moved right: {} -> {}", before.rect.x, after.rect.x);
    // React Flow swallows its 3 px drag threshold, so allow a few units either way.
    assert!((after.rect.y - before.rect.y).abs() < 8.0, "not moved down: {} -> {}", before.rect.y, after.rect.y);
    assert_eq!(after.group, before.group, "still in its tier");
    app.quit().await;
}

#[tokio::test]
async fn a_node_dragged_into_another_group_has_that_group_in_the_file() {
    let document = sample_document();
    let (map, element) = first_map_element(&document.path, "Workday");
    let file = read_document(&document.path);
    let before = file.doc().placement(map, element).cloned().expect("placed");
    let target = file.doc().groups_of(map).into_iter().find(|g| g.name == "Services").expect("Services tier").id;
    assert_ne!(before.group, Some(target));
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    let header = app.wait_for(&format!(".react-flow__node-container[data-id='{target}'] .group-header")).await;
    app.drag_onto(&node, &header).await;

    let after = eventually(Duration::from_secs(5), async || {
        let placement = read_document(&document.path).doc().placement(map, element).cloned()?;
        (placement.group != before.group).then_some(placement)
    })
    .await
    .expect("the new group reaches the file");
    assert_eq!(after.group, Some(target));

    // The canvas shows it inside the group: React Flow nests it under the group's id.
    app.quit().await;
    let reopened = read_document(&document.path);
    assert_eq!(reopened.doc().placement(map, element).and_then(|p| p.group), Some(target), "kept after closing");
}
