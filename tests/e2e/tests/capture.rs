//! Capture by keyboard alone, in the real app: a new document asked what it
//! is for, a pyramid typed in with its owners (`kind: name @owner`), the
//! arrow keys walking the hierarchy, `@` on a box, Ctrl+R for the role,
//! and one Ctrl+Z taking back one whole line. Checked in the file.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, FileDialog, answer_file_dialog, eventually, read_document};
use tiermap_model::{ElementKind, OwnedTarget, RelationKind, Role};

/// Types one line into the name field that is open, then Enter.
async fn name_it(app: &App, line: &str) {
    let input = app.wait_for("[data-testid=rename-input]").await;
    input.send_keys(line).await.expect("type the line");
    // The owner picker reads the line as it is typed; Enter acts on what it shows.
    tokio::time::sleep(Duration::from_millis(250)).await;
    input.send_keys(Key::Enter).await.expect("Enter stores it");
    eventually(Duration::from_secs(5), async || {
        app.driver().find_all(By::Css("[data-testid=rename-input]")).await.ok()?.is_empty().then_some(())
    })
    .await
    .expect("the name field closed");
}

async fn key(app: &App, key: Key) {
    app.press(false, key).await;
    tokio::time::sleep(Duration::from_millis(120)).await;
}

async fn selected_name(app: &App) -> String {
    let node = app.wait_for(".react-flow__node-element.selected .element-name").await;
    node.prop("textContent").await.expect("name").unwrap_or_default()
}

#[tokio::test]
async fn a_new_document_is_asked_its_model_and_a_pyramid_with_owners_is_typed_without_the_mouse() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("retail.tiermap");
    let app = App::launch(&[]).await;
    app.wait_for("[data-testid=welcome]").await;
    // The welcome screen's first button has the keyboard: Enter asks what the document is for.
    app.press(false, Key::Enter).await;
    app.wait_for("[data-testid=new-map-dialog]").await;
    let pyramid = app.wait_for("[data-testid=model-pyramid]").await;
    assert!(pyramid.is_selected().await.expect("checked"), "a pyramid is preselected");
    app.press(false, "Retail").await;
    app.press(false, Key::Enter).await;
    answer_file_dialog("Create a new Tiermap document", FileDialog::Save, &path).await;
    app.wait_for_canvas(None).await;
    app.wait_for_all(".react-flow__node-container", 4).await;
    let file = read_document(&path);
    assert_eq!(file.doc().maps().len(), 1);
    assert_eq!(file.doc().maps()[0].name, "Retail");
    drop(file);

    // Enter with nothing selected: the map's first element, a service area.
    key(&app, Key::Enter).await;
    name_it(&app, "Retail banking @Ana Lima").await;
    key(&app, Key::Tab).await;
    name_it(&app, "Mortgages @Ben Okafor").await;
    key(&app, Key::Tab).await;
    name_it(&app, "Rate lock @Chen Wu").await;
    key(&app, Key::Enter).await;
    name_it(&app, "app: Appraisal engine @Chen Wu").await;
    // ↑ walks up to the product the application rolls up to; Enter adds the next product beside it.
    key(&app, Key::Up).await;
    assert_eq!(selected_name(&app).await, "Mortgages", "↑ selects the parent");
    key(&app, Key::Enter).await;
    name_it(&app, "Cards @Ben Okafor").await;
    key(&app, Key::Left).await;
    assert_eq!(selected_name(&app).await, "Mortgages", "← selects the sibling before");
    key(&app, Key::Up).await;
    assert_eq!(selected_name(&app).await, "Retail banking");
    // @ on a box opens its name at "Retail banking @"; Ctrl+R steps the role from business owner to product manager.
    app.press(false, "@").await;
    let input = app.wait_for("[data-testid=rename-input]").await;
    assert_eq!(input.value().await.expect("value").as_deref(), Some("Retail banking @"));
    input.send_keys("Eve Park").await.expect("type");
    tokio::time::sleep(Duration::from_millis(250)).await;
    let hint = app.wait_for("[data-testid=capture-hint]").await;
    assert!(hint.text().await.expect("hint").contains("Eve Park (new person) as business owner"), "the picker says who and in which role");
    input.send_keys(Key::Control + "r").await.expect("Ctrl+R");
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert!(hint.text().await.expect("hint").contains("as product manager"), "Ctrl+R changed the role");
    input.send_keys(Key::Enter).await.expect("Enter");

    let stored = eventually(Duration::from_secs(5), async || {
        let file = read_document(&path);
        let stored = file.doc().elements().any(|e| e.name == "Eve Park");
        stored.then_some(file)
    })
    .await
    .expect("Eve Park stored");
    let doc = stored.doc();
    let map = doc.maps()[0].id;
    let named = |name: &str| doc.elements().find(|e| e.name == name).unwrap_or_else(|| panic!("{name} is in the file"));
    let kinds: Vec<_> = ["Retail banking", "Mortgages", "Rate lock", "Appraisal engine", "Cards"].iter().map(|n| named(n).kind).collect();
    assert_eq!(kinds, vec![ElementKind::ServiceArea, ElementKind::Product, ElementKind::Service, ElementKind::Application, ElementKind::Product]);
    let parent = |name: &str| doc.relations().find(|r| r.kind == RelationKind::RollsUpTo && r.source == named(name).id).map(|r| doc.element(r.target).expect("target").name.clone());
    assert_eq!(parent("Mortgages").as_deref(), Some("Retail banking"));
    assert_eq!(parent("Appraisal engine").as_deref(), Some("Mortgages"));
    assert_eq!(parent("Cards").as_deref(), Some("Retail banking"));
    let owners = |name: &str| {
        let mut found: Vec<(String, Role, bool)> = doc
            .ownerships_of(OwnedTarget::Element(named(name).id))
            .map(|o| (doc.element(o.person).expect("person").name.clone(), o.role, o.accountable))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    };
    assert_eq!(owners("Retail banking"), vec![("Ana Lima".into(), Role::BusinessOwner, true), ("Eve Park".into(), Role::ProductManager, true)]);
    assert_eq!(owners("Mortgages"), vec![("Ben Okafor".into(), Role::ProductManager, true)]);
    assert_eq!(owners("Cards"), vec![("Ben Okafor".into(), Role::ProductManager, true)]);
    assert_eq!(owners("Rate lock"), vec![("Chen Wu".into(), Role::ProductOwner, true)]);
    let people: Vec<_> = doc.elements().filter(|e| e.kind == ElementKind::Person).collect();
    assert_eq!(people.len(), 4, "Ana, Ben, Chen, Eve: each once, however often typed");
    assert!(people.iter().all(|p| doc.placement(map, p.id).is_none()), "people get no box on the map");
    drop(stored);

    // One Ctrl+Z takes back the whole line: Eve's ownership and Eve.
    app.press(true, "z").await;
    let undone = eventually(Duration::from_secs(5), async || {
        let file = read_document(&path);
        (!file.doc().elements().any(|e| e.name == "Eve Park")).then_some(())
    })
    .await;
    assert!(undone.is_some(), "Ctrl+Z took Eve back with her ownership");
    app.quit().await;
}

#[tokio::test]
async fn the_people_panel_adds_renames_and_removes_people() {
    let document = tiermap_e2e::sample_document();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.wait_for("[data-testid=add-person]").await.click().await.expect("Add");
    let input = app.wait_for("[data-testid=new-person-input]").await;
    input.send_keys("Farah Nadeem").await.expect("type");
    input.send_keys(Key::Enter).await.expect("Enter");
    let person = app.wait_for("[data-testid=person][title^='Farah Nadeem']").await;
    let added = read_document(&document.path).doc().elements().any(|e| e.kind == ElementKind::Person && e.name == "Farah Nadeem");
    assert!(added, "stored as a person");
    person.click().await.expect("focus");
    app.press(false, Key::F2).await;
    let rename = app.wait_for("[data-testid=person-rename-input]").await;
    rename.send_keys(Key::Control + "a").await.expect("select");
    rename.send_keys("Farah N. Nadeem").await.expect("type");
    rename.send_keys(Key::Enter).await.expect("Enter");
    let person = app.wait_for("[data-testid=person][title^='Farah N. Nadeem']").await;
    person.click().await.expect("focus");
    app.press(false, Key::Delete).await;
    let gone = eventually(Duration::from_secs(5), async || {
        (!read_document(&document.path).doc().elements().any(|e| e.name.starts_with("Farah"))).then_some(())
    })
    .await;
    assert!(gone.is_some(), "Delete on a person removes them");
    app.quit().await;
}
