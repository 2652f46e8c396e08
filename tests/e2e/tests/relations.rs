//! Drawing a relation in the real app: from a node's handle to another node,
//! the type picked (with a suggestion from the two kinds), checked in the file.

use std::time::Duration;

use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::RelationKind;

#[tokio::test]
async fn a_line_drawn_from_an_application_to_a_product_becomes_a_supports_relation() {
    let document = sample_document();
    let file = read_document(&document.path);
    let id = |name: &str| file.doc().elements().find(|e| e.name == name).expect("in the sample").id;
    let (adp, payroll) = (id("ADP"), id("Payroll"));
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let handle = app.wait_for(&format!(".react-flow__node[data-id='{adp}'] .react-flow__handle.source")).await;
    let target = app.wait_for(&format!(".react-flow__node-element[data-id='{payroll}']")).await;
    app.drag_onto(&handle, &target).await;
    let suggested = app.wait_for("[data-testid=relation-picker] .relation-choice.suggested").await;
    assert_eq!(suggested.attr("data-testid").await.expect("attr").as_deref(), Some("relation-supports"));
    suggested.click().await.expect("pick supports");

    let related = eventually(Duration::from_secs(5), async || {
        read_document(&document.path)
            .doc()
            .relations()
            .any(|r| r.kind == RelationKind::Supports && r.source == adp && r.target == payroll)
            .then_some(())
    })
    .await;
    assert!(related.is_some(), "ADP supports Payroll, in the file");
    app.quit().await;
}
