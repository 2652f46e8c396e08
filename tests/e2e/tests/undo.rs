//! Undo and redo from the keyboard in the real app, checked in the file.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, read_document, sample_document};

#[tokio::test]
async fn ctrl_z_takes_a_drag_back_and_ctrl_shift_z_brings_it_again() {
    let document = sample_document();
    let file = read_document(&document.path);
    let map = file.doc().maps()[0].id;
    let element = file.doc().elements().find(|e| e.name == "Payroll").expect("Payroll").id;
    let before = file.doc().placement(map, element).cloned().expect("placed");
    drop(file);
    let x_in_file = |path: &std::path::Path| read_document(path).doc().placement(map, element).map(|p| p.rect.x);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    app.drag_by(&node, 0, -30).await;
    let moved = eventually(Duration::from_secs(5), async || {
        let p = read_document(&document.path).doc().placement(map, element).cloned()?;
        (p.rect.y != before.rect.y).then_some(p)
    })
    .await
    .expect("the drag reaches the file");

    let chord = |shift: bool| {
        let mut chain = app.driver().action_chain().key_down(Key::Control);
        if shift {
            chain = chain.key_down(Key::Shift);
        }
        chain = chain.send_keys("z");
        if shift {
            chain = chain.key_up(Key::Shift);
        }
        chain.key_up(Key::Control)
    };
    chord(false).perform().await.expect("ctrl+z");
    let undone = eventually(Duration::from_secs(5), async || {
        let p = read_document(&document.path).doc().placement(map, element).cloned()?;
        (p == before).then_some(p)
    })
    .await;
    assert!(undone.is_some(), "after Ctrl+Z the file has the old position again");
    app.wait_for("[data-testid=redo]:not([disabled])").await;

    chord(true).perform().await.expect("ctrl+shift+z");
    let redone = eventually(Duration::from_secs(5), async || {
        let p = read_document(&document.path).doc().placement(map, element).cloned()?;
        (p == moved).then_some(p)
    })
    .await;
    assert!(redone.is_some(), "after Ctrl+Shift+Z the file has the moved position: {:?}", x_in_file(&document.path));
    app.quit().await;
}
