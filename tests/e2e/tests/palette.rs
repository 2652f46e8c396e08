//! Creating from the palette in the real app: a kind dropped on a group is
//! created inside it, as one undo step, checked in the file.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::ElementKind;

#[tokio::test]
async fn a_product_dropped_on_a_tier_is_created_in_that_tier() {
    let document = sample_document();
    let file = read_document(&document.path);
    let map = file.doc().maps()[0].id;
    let tier = file.doc().groups_of(map).into_iter().find(|g| g.name == "Products").expect("Products tier").id;
    let before = file.doc().elements().count();
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let item = app.wait_for("[data-testid=palette-product]").await;
    let header = app.wait_for(&format!(".react-flow__node-container[data-id='{tier}'] .group-header")).await;
    app.drag_onto(&item, &header).await;

    let created = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        let element = file.doc().elements().find(|e| e.name == "New product")?.clone();
        let placement = file.doc().placement(map, element.id)?.clone();
        Some((element, placement))
    })
    .await;
    let (element, placement) = created.expect("the new product is in the file");
    assert_eq!(element.kind, ElementKind::Product);
    assert_eq!(placement.group, Some(tier), "created inside the tier it was dropped on");

    // Its name is ready to type over, straight away.
    let input = app.wait_for(&format!(".react-flow__node-element[data-id='{}'] [data-testid=rename-input]", element.id)).await;
    input.send_keys("Payroll analytics").await.expect("type");
    input.send_keys(Key::Enter).await.expect("enter");
    let named = eventually(Duration::from_secs(5), async || {
        let name = read_document(&document.path).doc().element(element.id)?.name.clone();
        (name == "Payroll analytics").then_some(())
    })
    .await;
    assert!(named.is_some(), "the typed name is in the file");
    app.driver().action_chain().key_down(Key::Control).send_keys("z").key_up(Key::Control).perform().await.expect("Ctrl+Z");

    app.driver().action_chain().key_down(Key::Control).send_keys("z").key_up(Key::Control).perform().await.expect("Ctrl+Z");
    let gone = eventually(Duration::from_secs(5), async || (read_document(&document.path).doc().elements().count() == before).then_some(())).await;
    assert!(gone.is_some(), "one undo takes the new element away");
    app.quit().await;
}
