//! Presentation mode in the real app: F5 hides the chrome, arrows step
//! through the maps, Escape leaves; presenting never changes the file.

use thirtyfour::prelude::*;
use tiermap_e2e::{App, read_document, sample_document};

#[tokio::test]
async fn f5_presents_arrows_step_through_the_maps_and_escape_leaves() {
    let document = sample_document();
    let maps: Vec<String> = read_document(&document.path).doc().maps().iter().map(|m| m.id.to_string()).collect();
    let before = std::fs::read(&document.path).expect("read");

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(Some(&maps[0])).await;
    app.driver().action_chain().send_keys(Key::F5).perform().await.expect("F5");
    app.wait_for("[data-testid=app][data-presenting=true]").await;
    let toolbar_button = app.wait_for("[data-testid=present]").await;
    assert!(!toolbar_button.is_displayed().await.expect("displayed?"), "the chrome is hidden");

    app.driver().action_chain().send_keys(Key::Right).perform().await.expect("→");
    app.wait_for_canvas(Some(&maps[1])).await;
    // The audience sees the map: its boxes are shown, at a readable size.
    let node = app.wait_for(".react-flow__node-element").await;
    assert!(node.is_displayed().await.expect("displayed?"), "the map is visible while presenting");
    let rect = node.rect().await.expect("rect");
    assert!(rect.width > 100.0 && rect.height > 40.0, "boxes at a readable size: {rect:?}");
    app.driver().action_chain().send_keys(Key::Right).perform().await.expect("→");
    app.wait_for_canvas(Some(&maps[2])).await;
    app.driver().action_chain().send_keys(Key::Left).perform().await.expect("←");
    app.wait_for_canvas(Some(&maps[1])).await;

    app.driver().action_chain().send_keys(Key::Escape).perform().await.expect("Esc");
    app.wait_for("[data-testid=app][data-presenting=false]").await;
    assert!(app.wait_for("[data-testid=present]").await.is_displayed().await.expect("displayed?"), "the chrome is back");
    app.quit().await;
    assert_eq!(std::fs::read(&document.path).expect("read"), before, "presenting changed nothing in the file");
}
