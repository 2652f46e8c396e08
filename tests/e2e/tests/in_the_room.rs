//! Gestures in a row, as a facilitator makes them in front of a client: what
//! one gesture leaves behind must not act again in the next. Each test here
//! failed before its fix (issue: trustworthy in the room).

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, read_document, sample_document};

/// Elements of the document, as the file has them now.
fn element_count(path: &std::path::Path) -> usize {
    read_document(path).doc().elements().count()
}

/// The ids of the boxes the canvas shows selected.
async fn selected_ids(app: &App) -> Vec<String> {
    let mut ids = Vec::new();
    for node in app.driver().find_all(By::Css(".react-flow__node.selected")).await.expect("find") {
        ids.push(node.attr("data-id").await.expect("attr").unwrap_or_default());
    }
    ids
}

/// The window still shows a working map: no crash screen, boxes drawn.
async fn assert_window_renders(app: &App) {
    assert!(app.driver().find_all(By::Css("[data-testid=crash-screen]")).await.expect("find").is_empty(), "no crash screen");
    app.wait_for_canvas(None).await;
    app.wait_for(".react-flow__node-element").await;
}

#[tokio::test]
async fn a_palette_drop_then_other_maps_adds_nothing_nobody_asked_for() {
    let document = sample_document();
    let before = element_count(&document.path);
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;

    let team = app.wait_for("[data-testid=palette-team]").await;
    let pane = app.wait_for(".react-flow__pane").await;
    let rect = pane.rect().await.expect("rect");
    let from = team.rect().await.expect("rect");
    // Onto an empty part of the map, near its top right.
    let (dx, dy) = (rect.x + rect.width * 0.8 - from.x - from.width / 2.0, rect.y + 40.0 - from.y - from.height / 2.0);
    app.drag_by(&team, dx.round() as i64, dy.round() as i64).await;
    let input = app.wait_for("[data-testid=rename-input]").await;
    input.send_keys("Facilities team").await.expect("type");
    input.send_keys(Key::Enter).await.expect("enter");
    let named = eventually(Duration::from_secs(5), async || {
        read_document(&document.path).doc().elements().any(|e| e.name == "Facilities team").then_some(())
    })
    .await;
    assert!(named.is_some(), "the team is in the file");

    // Every other map in turn, then back, then a jump through Ctrl+K.
    let count = app.wait_for_all("[data-testid=map-tab]", 2).await.len();
    for index in (1..count).chain([0]) {
        // Found again each time: the tab strip is drawn anew as the maps change.
        let tab = app.wait_for_all("[data-testid=map-tab]", count).await.remove(index);
        tab.scroll_into_view().await.expect("scroll");
        tab.click().await.unwrap_or_else(|e| panic!("tab {index}: {e}"));
        app.wait_for_canvas(None).await;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(element_count(&document.path), before + 1, "only the team that was dropped, nothing more");
    assert!(app.driver().find_all(By::Css("[data-testid=rename-input]")).await.expect("find").is_empty(), "no name field opened on its own");
    app.quit().await;
}

#[tokio::test]
async fn deleting_several_selected_boxes_keeps_the_window() {
    let document = sample_document();
    let file = read_document(&document.path);
    let map = file.doc().maps()[0].id;
    let names = ["Greenhouse", "Workday"];
    let ids: Vec<String> = names.iter().map(|n| file.doc().elements().find(|e| e.name == *n).expect("in the sample").id.to_string()).collect();
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.wait_for(&format!(".react-flow__node-element[data-id='{}']", ids[0])).await.click().await.expect("click");
    let second = app.wait_for(&format!(".react-flow__node-element[data-id='{}']", ids[1])).await;
    app.driver().action_chain().key_down(Key::Control).click_element(&second).key_up(Key::Control).perform().await.expect("ctrl+click");
    app.wait_for_all(".react-flow__node-element.selected", 2).await;
    app.driver().action_chain().send_keys(Key::Delete).perform().await.expect("Delete");

    let removed = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        file.doc().placements_of(map).all(|p| !ids.contains(&p.element.to_string())).then_some(())
    })
    .await;
    assert!(removed.is_some(), "both are off the map in the file");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_window_renders(&app).await;
    app.wait_for("[data-testid=inspector]").await;
    app.quit().await;
}

#[tokio::test]
async fn presenting_changes_nothing_whatever_is_pressed() {
    let document = sample_document();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    // The last thing asked of the map before presenting: Enter, a new element, named.
    let node = app.wait_for(".react-flow__node-element").await;
    node.click().await.expect("select");
    app.driver().action_chain().send_keys(Key::Enter).perform().await.expect("Enter");
    let input = app.wait_for("[data-testid=rename-input]").await;
    input.send_keys("Before the talk").await.expect("type");
    input.send_keys(Key::Enter).await.expect("enter");
    let stored = eventually(Duration::from_secs(5), async || {
        read_document(&document.path).doc().elements().any(|e| e.name == "Before the talk").then_some(())
    })
    .await;
    assert!(stored.is_some(), "the element made before presenting is in the file");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = std::fs::read(&document.path).expect("read");

    app.driver().action_chain().send_keys(Key::F5).perform().await.expect("F5");
    app.wait_for("[data-testid=app][data-presenting=true]").await;
    let plain = [Key::Right, Key::Right, Key::Left, Key::Down, Key::Up, Key::Enter, Key::Tab, Key::Delete, Key::Backspace, Key::F2, Key::Space, Key::PageDown, Key::PageUp];
    for key in plain {
        app.driver().action_chain().send_keys(key).perform().await.expect("key");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.driver().action_chain().send_keys("abc+-=").perform().await.expect("letters");
    for ctrl in ["z", "y", "d", "v", "x", "a", "n"] {
        app.press(true, ctrl).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.driver().action_chain().key_down(Key::Control).key_down(Key::Shift).send_keys("z").key_up(Key::Shift).key_up(Key::Control).perform().await.expect("redo");
    // A click on a box and a drag of it do nothing to the file either.
    if let Ok(shown) = app.driver().find(By::Css(".react-flow__node-element")).await {
        let _ = shown.click().await;
        app.drag_by(&shown, 120, 40).await;
    }
    assert!(app.driver().find_all(By::Css("[data-testid=rename-input]")).await.expect("find").is_empty(), "no name field opens while presenting");
    app.driver().action_chain().send_keys(Key::Escape).perform().await.expect("Esc");
    app.wait_for("[data-testid=app][data-presenting=false]").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    app.quit().await;
    assert_eq!(std::fs::read(&document.path).expect("read"), before, "presenting changed nothing in the file");
}

#[tokio::test]
async fn a_box_selected_once_is_not_selected_again_by_later_edits() {
    let document = sample_document();
    let file = read_document(&document.path);
    let map = file.doc().maps()[0].id;
    let other = file.doc().elements().find(|e| e.name == "Workday").expect("Workday").id;
    let other_at = file.doc().placement(map, other).cloned().expect("placed");
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    // A new element (selected for naming), named; then the user picks another box.
    app.wait_for(".react-flow__node-element").await.click().await.expect("select");
    app.driver().action_chain().send_keys(Key::Enter).perform().await.expect("Enter");
    let input = app.wait_for("[data-testid=rename-input]").await;
    input.send_keys("Fresh").await.expect("type");
    input.send_keys(Key::Enter).await.expect("enter");
    eventually(Duration::from_secs(5), async || read_document(&document.path).doc().elements().any(|e| e.name == "Fresh").then_some(())).await.expect("named");
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{other}']")).await;
    node.click().await.expect("select another");
    app.wait_for(&format!(".react-flow__node.selected[data-id='{other}']")).await;

    // An edit of the chosen box: Ctrl+→ moves it, and only it stays selected.
    app.press(true, Key::Right).await;
    let moved = eventually(Duration::from_secs(5), async || {
        let at = read_document(&document.path).doc().placement(map, other)?.rect;
        (at.x > other_at.rect.x).then_some(())
    })
    .await;
    assert!(moved.is_some(), "Ctrl+→ moved the box the user chose");
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(selected_ids(&app).await, vec![other.to_string()], "the earlier new element was not selected again");
    app.quit().await;
}

/// How many relation lines the canvas draws, and the boxes that lie outside the canvas (read in one go in the page).
async fn lines_and_outside(app: &App, path: &std::path::Path) -> (usize, Vec<String>) {
    let script = r#"
        const canvas = document.querySelector("[data-testid=canvas]").getBoundingClientRect();
        const outside = [...document.querySelectorAll(".react-flow__node-element")].filter((n) => {
          const r = n.getBoundingClientRect();
          return r.left < canvas.left - 1 || r.top < canvas.top - 1 || r.right > canvas.right + 1 || r.bottom > canvas.bottom + 1;
        }).map((n) => n.textContent);
        const rendered = document.querySelectorAll(".react-flow__node-element").length;
        const shown = document.querySelector(".react-flow__viewport").style.transform;
        return [document.querySelectorAll(".react-flow__edge").length, outside, rendered, shown];
    "#;
    let value = app.driver().execute(script, Vec::new()).await.expect("script").json().clone();
    let lines = value[0].as_u64().unwrap_or(0) as usize;
    let mut outside: Vec<String> = value[1].as_array().map(|a| a.iter().map(|v| v.as_str().unwrap_or("").to_owned()).collect()).unwrap_or_default();
    // Boxes off-screen are not in the page at all: every box of the map must be there after fitting.
    let rendered = value[2].as_u64().unwrap_or(0) as usize;
    let expected = read_document(path).doc().placements_of(read_document(path).doc().maps()[0].id).count();
    if rendered < expected {
        outside.push(format!("{} of {expected} boxes drawn (view {})", rendered, value[3]));
    }
    (lines, outside)
}

/// Lines and boxes outside once the fit has had time to finish (a loaded machine animates slowly).
async fn settled(app: &App, path: &std::path::Path) -> (usize, Vec<String>) {
    let mut last = (0, Vec::new());
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        last = lines_and_outside(app, path).await;
        if last.1.is_empty() {
            break;
        }
    }
    last
}

#[tokio::test]
async fn lines_stay_and_fit_works_after_typing_zoomed_in_and_undoing_in_a_burst() {
    let document = sample_document();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let (lines_before, _) = lines_and_outside(&app, &document.path).await;
    assert!(lines_before > 0, "the first map has lines");

    // Zoomed in on one box, three elements typed with Enter and Tab.
    let node = app.wait_for(".react-flow__node-element").await;
    node.click().await.expect("select");
    for _ in 0..4 {
        app.driver().action_chain().send_keys("+").perform().await.expect("+");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    for (key, name) in [(Key::Tab, "Child one"), (Key::Enter, "Child two"), (Key::Tab, "Grandchild")] {
        app.driver().action_chain().send_keys(key).perform().await.expect("key");
        let input = app.wait_for("[data-testid=rename-input]").await;
        input.send_keys(name).await.expect("type");
        input.send_keys(Key::Enter).await.expect("enter");
        eventually(Duration::from_secs(5), async || read_document(&document.path).doc().elements().any(|e| e.name == name).then_some(())).await.expect("named");
    }
    app.press(true, "0").await;
    let (lines, outside) = settled(&app, &document.path).await;
    assert!(outside.is_empty(), "Ctrl+0 shows every box, yet these are outside: {outside:?}");
    assert!(lines >= lines_before + 3, "the new roll-up lines are drawn beside the old ones: {lines} of {lines_before}+3");

    // A burst of undos, as fast as a person presses them, then fit again.
    for _ in 0..6 {
        app.press(true, "z").await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    app.press(true, "0").await;
    let (lines, outside) = settled(&app, &document.path).await;
    assert!(lines > 0 && lines <= lines_before + 3, "lines are still drawn after the undos: {lines}");
    assert!(outside.is_empty(), "Ctrl+0 still shows every box, yet these are outside: {outside:?}");
    app.quit().await;
}
