//! Ownership by drag and drop in the real app, checked in the file.

use std::time::Duration;

use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::{OwnedTarget, Role};

#[tokio::test]
async fn a_person_dropped_on_an_element_becomes_its_owner_in_the_chosen_role() {
    let document = sample_document();
    let file = read_document(&document.path);
    let person = file.doc().elements().find(|e| e.name == "Chloe Martin").expect("Chloe").id;
    let element = file.doc().elements().find(|e| e.name == "Greenhouse").expect("Greenhouse").id;
    assert_eq!(file.doc().ownerships_of(OwnedTarget::Element(element)).count(), 0);
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    let chloe = app.wait_for(&format!("[data-testid=person][data-person-id='{person}']")).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    app.drag_onto(&chloe, &node).await;
    app.wait_for("[data-testid=role-picker]").await;
    app.wait_for("[data-testid=role-service_owner]").await.click().await.expect("pick the role");

    let owned = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        let ownership = file.doc().ownerships_of(OwnedTarget::Element(element)).next()?.clone();
        Some(ownership)
    })
    .await
    .expect("the ownership is in the file");
    assert_eq!((owned.person, owned.role, owned.accountable), (person, Role::ServiceOwner, true));
    app.wait_for(&format!(".react-flow__node-element[data-id='{element}'] [data-testid=owner-badge][data-tier='3']")).await;
    app.quit().await;
}
