//! Keyboard editing in the real app, checked in the file.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, read_document, sample_document};

#[tokio::test]
async fn delete_takes_the_selected_element_off_the_map_and_ctrl_z_puts_it_back() {
    let document = sample_document();
    let file = read_document(&document.path);
    let map = file.doc().maps()[0].id;
    let element = file.doc().elements().find(|e| e.name == "Greenhouse").expect("Greenhouse").id;
    let original = file.doc().placement(map, element).cloned().expect("placed");
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    node.click().await.expect("select");
    app.wait_for(&format!(".react-flow__node.selected[data-id='{element}']")).await;
    app.driver().action_chain().send_keys(Key::Delete).perform().await.expect("Delete");

    let removed = eventually(Duration::from_secs(5), async || {
        read_document(&document.path).doc().placement(map, element).is_none().then_some(())
    })
    .await;
    assert!(removed.is_some(), "Delete took it off the map in the file");
    assert!(read_document(&document.path).doc().element(element).is_some(), "still in the document");

    app.driver().action_chain().key_down(Key::Control).send_keys("z").key_up(Key::Control).perform().await.expect("Ctrl+Z");
    let back = eventually(Duration::from_secs(5), async || read_document(&document.path).doc().placement(map, element).cloned()).await;
    assert_eq!(back, Some(original), "Ctrl+Z put it back where it was");
    app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    app.quit().await;
}

#[tokio::test]
async fn f2_renames_the_selected_element_and_escape_cancels() {
    let document = sample_document();
    let element = read_document(&document.path).doc().elements().find(|e| e.name == "Workday").expect("Workday").id;
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    node.click().await.expect("select");
    app.wait_for(&format!(".react-flow__node.selected[data-id='{element}']")).await;

    app.driver().action_chain().send_keys(Key::F2).perform().await.expect("F2");
    let input = app.wait_for("[data-testid=rename-input]").await;
    input.send_keys("Nothing").await.expect("type");
    input.send_keys(Key::Escape).await.expect("escape");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(read_document(&document.path).doc().element(element).map(|e| e.name.clone()).as_deref(), Some("Workday"), "Escape keeps the name");

    app.driver().action_chain().send_keys(Key::F2).perform().await.expect("F2 again");
    let input = app.wait_for("[data-testid=rename-input]").await;
    input.send_keys("Workday HCM").await.expect("type");
    input.send_keys(Key::Enter).await.expect("enter");
    let renamed = eventually(Duration::from_secs(5), async || {
        let name = read_document(&document.path).doc().element(element)?.name.clone();
        (name == "Workday HCM").then_some(())
    })
    .await;
    assert!(renamed.is_some(), "Enter stores the new name in the file");
    app.quit().await;
}
