//! Auto-arrange in the real app: a messed-up map is put back in order by the
//! core's layout, and the file holds the result as one undo step.

use std::time::Duration;

use tiermap_e2e::{App, eventually, read_document, sample_document};

#[tokio::test]
async fn arrange_puts_a_dragged_node_back_in_its_row_in_the_file() {
    let document = sample_document();
    let file = read_document(&document.path);
    let map = file.doc().maps()[0].id;
    let element = file.doc().elements().find(|e| e.name == "Cornerstone").expect("Cornerstone").id;
    let original = file.doc().placement(map, element).cloned().expect("placed");
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    app.drag_by(&node, 10, 40).await;
    let dragged = eventually(Duration::from_secs(5), async || {
        let p = read_document(&document.path).doc().placement(map, element).cloned()?;
        (p.rect.y != original.rect.y).then_some(p)
    })
    .await;
    assert!(dragged.is_some(), "the drag reached the file");

    app.wait_for("[data-testid=arrange]").await.click().await.expect("click Arrange");
    let arranged = eventually(Duration::from_secs(5), async || {
        let p = read_document(&document.path).doc().placement(map, element).cloned()?;
        (p.rect.y == original.rect.y).then_some(p)
    })
    .await;
    assert!(arranged.is_some(), "Arrange put it back in its row");
    let history = read_document(&document.path).history().expect("history");
    assert_eq!(history.last().map(|h| h.label.as_str()), Some("Arrange"), "one undo step named Arrange");
    app.quit().await;
}
