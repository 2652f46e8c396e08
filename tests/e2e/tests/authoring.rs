//! Typing a map by keyboard and editing it from the panels, in the real app,
//! checked in the file.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, element_named, eventually, read_document, sample_document};
use tiermap_model::{ElementKind, RelationKind};

/// Types `name` into the rename field that has the keyboard, and Enter.
async fn name_it(app: &App, name: &str) {
    app.wait_for("[data-testid=rename-input]").await;
    app.press(false, name).await;
    app.press(false, Key::Enter).await;
}

#[tokio::test]
async fn a_three_level_pyramid_is_entered_by_keyboard_only() {
    let document = sample_document();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;

    // Ctrl+K, "new map", Enter: the new map dialog; its name, Enter: a pyramid.
    app.press(true, "k").await;
    app.wait_for("[data-testid=command-input]").await;
    app.press(false, "new map").await;
    app.press(false, Key::Enter).await;
    app.wait_for("[data-testid=new-map-dialog]").await;
    app.press(false, "Payments").await;
    app.press(false, Key::Enter).await;
    let map = eventually(Duration::from_secs(5), async || read_document(&document.path).doc().maps().into_iter().find(|m| m.name == "Payments").map(|m| m.id)).await;
    let map = map.expect("the new map is in the file");
    app.wait_for_canvas(Some(&map.to_string())).await;

    // Enter: the map's first element; Tab: a child; Enter: a sibling; Tab: a grandchild.
    app.press(false, Key::Enter).await;
    name_it(&app, "Payments").await;
    app.press(false, Key::Tab).await;
    name_it(&app, "Cards").await;
    app.press(false, Key::Enter).await;
    name_it(&app, "Wallets").await;
    app.press(false, Key::Tab).await;
    name_it(&app, "Mobile wallet").await;

    let typed = eventually(Duration::from_secs(8), async || {
        let file = read_document(&document.path);
        let doc = file.doc();
        let names: Vec<String> = doc.placements_of(map).filter_map(|p| doc.element(p.element)).map(|e| e.name.clone()).collect();
        (names.len() == 4 && names.iter().all(|n| !n.starts_with("New "))).then_some(())
    })
    .await;
    assert!(typed.is_some(), "four named elements on the new map");

    let file = read_document(&document.path);
    let doc = file.doc();
    let id = |name: &str| doc.elements().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}")).id;
    let kind = |name: &str| doc.element(id(name)).map(|e| e.kind);
    assert_eq!(
        [kind("Payments"), kind("Cards"), kind("Wallets"), kind("Mobile wallet")],
        [Some(ElementKind::ServiceArea), Some(ElementKind::Product), Some(ElementKind::Product), Some(ElementKind::Service)]
    );
    let parent = |name: &str| doc.relations().find(|r| r.kind == RelationKind::RollsUpTo && r.source == id(name)).map(|r| r.target);
    assert_eq!(parent("Cards"), Some(id("Payments")));
    assert_eq!(parent("Wallets"), Some(id("Payments")), "Enter made a sibling under the same parent");
    assert_eq!(parent("Mobile wallet"), Some(id("Wallets")), "Tab made a child of the selected element");
    let tier = |name: &str| doc.placement(map, id(name)).and_then(|p| p.group).and_then(|g| doc.group(g)).map(|g| g.name.clone());
    assert_eq!(tier("Payments").as_deref(), Some("Service area"));
    assert_eq!(tier("Wallets").as_deref(), Some("Products"));
    assert_eq!(tier("Mobile wallet").as_deref(), Some("Services"));
    app.quit().await;
}

#[tokio::test]
async fn the_inspector_stores_a_lifecycle_and_a_new_kpi() {
    let document = sample_document();
    let payroll = element_named(&document.path, "Payroll");
    let kpis_before = read_document(&document.path).doc().kpis().filter(|k| k.element == payroll).count();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.wait_for(&format!(".react-flow__node-element[data-id='{payroll}']")).await.click().await.expect("select");
    app.wait_for(&format!("[data-testid=element-inspector][data-element-id='{payroll}']")).await;

    let lifecycle = app.wait_for("[data-testid=inspector-lifecycle]").await;
    lifecycle.click().await.expect("open the list");
    app.wait_for("[data-testid=inspector-lifecycle] option[value=mature]").await.click().await.expect("choose Mature");
    let stored = eventually(Duration::from_secs(5), async || {
        (read_document(&document.path).doc().element(payroll)?.lifecycle.map(|l| l.as_str().to_owned()).as_deref() == Some("mature")).then_some(())
    })
    .await;
    assert!(stored.is_some(), "the lifecycle is in the file");

    let new_kpi = app.wait_for("[data-testid=kpi-new]").await;
    new_kpi.send_keys("Payslips on time").await.expect("type");
    new_kpi.send_keys(Key::Enter).await.expect("enter");
    let added = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        let kpis: Vec<String> = file.doc().kpis().filter(|k| k.element == payroll).map(|k| k.name.clone()).collect();
        (kpis.len() == kpis_before + 1 && kpis.iter().any(|k| k == "Payslips on time")).then_some(())
    })
    .await;
    assert!(added.is_some(), "the KPI is in the file");
    app.wait_for_all("[data-testid=kpi-row]", kpis_before + 1).await;
    app.quit().await;
}

#[tokio::test]
async fn an_element_dragged_from_the_model_browser_lands_on_a_second_map() {
    let document = sample_document();
    let payroll = element_named(&document.path, "Payroll");
    let file = read_document(&document.path);
    let market = file.doc().maps().into_iter().find(|m| m.name.starts_with("Customer")).expect("market map").id;
    let count = file.doc().elements().count();
    assert!(file.doc().placement(market, payroll).is_none());
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.click_map_tab(&market.to_string()).await;
    app.wait_for_canvas(Some(&market.to_string())).await;
    app.wait_for("[data-testid=tab-elements]").await.click().await.expect("Elements tab");
    app.wait_for("[data-testid=browser-search]").await.send_keys("payroll").await.expect("search");
    let item = app.wait_for(&format!("[data-testid=browser-item][data-element-id='{payroll}']")).await;
    let canvas = app.wait_for(".react-flow__pane").await;
    let (from, to) = (item.rect().await.expect("rect"), canvas.rect().await.expect("rect"));
    // Onto the empty bottom-left of the map.
    let dx = (to.x + 120.0) - (from.x + from.width / 2.0);
    let dy = (to.y + to.height - 120.0) - (from.y + from.height / 2.0);
    app.drag_by(&item, dx.round() as i64, dy.round() as i64).await;

    let placed = eventually(Duration::from_secs(5), async || read_document(&document.path).doc().placement(market, payroll).cloned()).await;
    assert!(placed.is_some(), "Payroll is on the market map too");
    assert_eq!(read_document(&document.path).doc().elements().count(), count, "the same element, not a copy");
    app.quit().await;
}

#[tokio::test]
async fn a_group_from_the_palette_is_named_in_place_and_collapses() {
    let document = sample_document();
    let map = read_document(&document.path).doc().maps()[0].id;
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let item = app.wait_for("[data-testid=palette-group]").await;
    let canvas = app.wait_for(".react-flow__pane").await;
    let (from, to) = (item.rect().await.expect("rect"), canvas.rect().await.expect("rect"));
    let dx = (to.x + 200.0) - (from.x + from.width / 2.0);
    let dy = (to.y + to.height - 140.0) - (from.y + from.height / 2.0);
    app.drag_by(&item, dx.round() as i64, dy.round() as i64).await;

    app.wait_for("[data-testid=group-rename-input]").await;
    app.press(false, "Shared platforms").await;
    app.press(false, Key::Enter).await;
    let group = eventually(Duration::from_secs(5), async || {
        read_document(&document.path).doc().groups_of(map).into_iter().find(|g| g.name == "Shared platforms").map(|g| g.id)
    })
    .await;
    let group = group.expect("the named group is in the file");

    // A new group is selected: the inspector collapses it (the title bar's ▾ does the same).
    app.wait_for("[data-testid=group-inspector] [data-testid=group-collapsed]").await.click().await.expect("collapse");
    let collapsed = eventually(Duration::from_secs(5), async || read_document(&document.path).doc().group(group)?.collapsed.then_some(())).await;
    assert!(collapsed.is_some(), "collapsed in the file");
    app.wait_for(&format!(".react-flow__node-container[data-id='{group}'] [data-collapsed=true]")).await;
    app.quit().await;
}

#[tokio::test]
async fn ctrl_d_duplicates_and_ctrl_c_ctrl_v_places_that_element_on_another_map() {
    let document = sample_document();
    let adp = element_named(&document.path, "ADP");
    let file = read_document(&document.path);
    let maps = file.doc().maps();
    let (hr, other) = (maps[0].id, maps[2].id);
    drop(file);
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.wait_for(&format!(".react-flow__node-element[data-id='{adp}']")).await.click().await.expect("select");
    app.wait_for(&format!(".react-flow__node.selected[data-id='{adp}']")).await;

    app.press(true, "d").await;
    let copies = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        let n = file.doc().placements_of(hr).filter(|p| file.doc().element(p.element).is_some_and(|e| e.name == "ADP")).count();
        (n == 2).then_some(())
    })
    .await;
    assert!(copies.is_some(), "Ctrl+D put a copy of ADP beside it");

    // The copy is selected now: copy it, and paste it on another map.
    let copy = eventually(Duration::from_secs(5), async || {
        read_document(&document.path).doc().elements().find(|e| e.name == "ADP" && e.id != adp).map(|e| e.id)
    })
    .await
    .expect("the copy is in the file");
    app.wait_for(&format!(".react-flow__node.selected[data-id='{copy}']")).await;
    let count = read_document(&document.path).doc().elements().count();
    app.press(true, "c").await;
    app.click_map_tab(&other.to_string()).await;
    app.wait_for_canvas(Some(&other.to_string())).await;
    app.press(true, "v").await;
    let placed = eventually(Duration::from_secs(5), async || read_document(&document.path).doc().placement(other, copy).cloned()).await;
    assert!(placed.is_some(), "Ctrl+V placed the copied element on the other map");
    assert_eq!(read_document(&document.path).doc().elements().count(), count, "the same element, not another copy");
    app.quit().await;
}
