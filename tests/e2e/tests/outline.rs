//! The outline panel in the real app: a pyramid typed into it by keys alone,
//! an indented list pasted through the clipboard, each checked in the file
//! and on the canvas, and one Ctrl+Z taking the whole paste back.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::{Document, ElementId, ElementKind, MapId, RelationKind};

/// Where screenshots of the panel go when TIERMAP_SCREENSHOTS names a folder.
fn screenshot_folder() -> Option<std::path::PathBuf> {
    std::env::var_os("TIERMAP_SCREENSHOTS").map(Into::into)
}

fn element(doc: &Document, name: &str) -> Option<ElementId> {
    doc.elements().find(|e| e.name == name).map(|e| e.id)
}

fn parent_of(doc: &Document, child: ElementId) -> Option<ElementId> {
    doc.relations()
        .find(|r| r.kind == RelationKind::RollsUpTo && r.source == child)
        .map(|r| r.target)
}

fn tier_of(doc: &Document, map: MapId, id: ElementId) -> String {
    let group = doc.placement(map, id).and_then(|p| p.group);
    group
        .and_then(|g| doc.group(g))
        .map(|g| g.name.clone())
        .unwrap_or_default()
}

/// Waits until the file holds an element of this name on the map; its id.
async fn stored(path: &Path, map: MapId, name: &str) -> ElementId {
    let found = eventually(Duration::from_secs(10), async || {
        let file = read_document(path);
        let id = element(file.doc(), name)?;
        file.doc().placement(map, id).map(|_| id)
    })
    .await;
    found.unwrap_or_else(|| panic!("{name} is on the map in the file"))
}

/// Presses Enter in the outline and types a name into the line it opens.
async fn new_line(app: &App, name: &str, then: Key) {
    let lines = app
        .driver()
        .find_all(By::Css("[data-testid=outline-name-field]"))
        .await
        .expect("find")
        .len();
    assert_eq!(lines, 0, "no name open before Enter");
    app.press(false, Key::Enter).await;
    app.wait_for("[data-testid=outline-name-field]").await;
    app.press(false, name).await;
    app.press(false, then).await;
    let closed = eventually(Duration::from_secs(5), async || {
        let open = app
            .driver()
            .find_all(By::Css("[data-testid=outline-name-field]"))
            .await
            .ok()?;
        open.is_empty().then_some(())
    })
    .await;
    assert!(closed.is_some(), "the name field closes after {name}");
}

/// The outline's lines as "  name" (two spaces a level), as drawn.
async fn drawn_lines(app: &App) -> Vec<String> {
    let script = "return [...document.querySelectorAll('[data-testid=outline-item]')].map(l => \
        '  '.repeat(Number(l.getAttribute('aria-level')) - 1) + l.querySelector('.outline-name').textContent);";
    let lines = app
        .driver()
        .execute(script, vec![])
        .await
        .expect("the outline's lines");
    lines.convert().expect("a list of strings")
}

#[tokio::test]
async fn a_pyramid_typed_and_pasted_into_the_outline_is_in_the_file_and_on_the_canvas() {
    let document = sample_document();
    let map_id = {
        let mut session = tiermap_app::Session::new();
        session.open(&document.path).expect("open");
        session
            .new_map("Capture", "pyramid")
            .expect("an empty pyramid")
            .0
    };
    let map: MapId = map_id.parse().expect("map id");

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.click_map_tab(&map_id).await;
    app.wait_for_canvas(Some(&map_id)).await;

    // Ctrl+Shift+O shows the outline and hands it the keyboard.
    app.driver()
        .action_chain()
        .key_down(Key::Control)
        .key_down(Key::Shift)
        .send_keys("o")
        .key_up(Key::Shift)
        .key_up(Key::Control)
        .perform()
        .await
        .expect("Ctrl+Shift+O");
    app.wait_for("[data-testid=outline-tree]").await;

    // Payments ─ Cards ─ Card issuing
    //          └ Wallets (typed under Card issuing, then outdented, then moved up before Cards)
    new_line(&app, "Payments", Key::Enter).await;
    new_line(&app, "Cards", Key::Tab).await;
    new_line(&app, "Card issuing", Key::Tab).await;
    new_line(&app, "Wallets", Key::Enter).await;
    let wallets = stored(&document.path, map, "Wallets").await;
    app.driver()
        .action_chain()
        .key_down(Key::Shift)
        .send_keys(Key::Tab)
        .key_up(Key::Shift)
        .perform()
        .await
        .expect("Shift+Tab");
    let outdented = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        (file.doc().element(wallets)?.kind == ElementKind::Product).then_some(())
    })
    .await;
    assert!(outdented.is_some(), "Shift+Tab made Wallets a product");
    app.driver()
        .action_chain()
        .key_down(Key::Alt)
        .send_keys(Key::Up)
        .key_up(Key::Alt)
        .perform()
        .await
        .expect("Alt+Up");

    let (payments, cards, issuing) = (
        stored(&document.path, map, "Payments").await,
        stored(&document.path, map, "Cards").await,
        stored(&document.path, map, "Card issuing").await,
    );
    let ordered = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        let x = |id| file.doc().placement(map, id).map(|p| p.rect.x);
        (x(wallets)? < x(cards)?).then_some(())
    })
    .await;
    assert!(
        ordered.is_some(),
        "Alt+Up put Wallets before Cards on the map"
    );
    {
        let file = read_document(&document.path);
        let doc = file.doc();
        let kinds: Vec<ElementKind> = [payments, cards, issuing, wallets]
            .iter()
            .map(|id| doc.element(*id).expect("element").kind)
            .collect();
        assert_eq!(
            kinds,
            [
                ElementKind::ServiceArea,
                ElementKind::Product,
                ElementKind::Service,
                ElementKind::Product
            ]
        );
        assert_eq!(parent_of(doc, cards), Some(payments));
        assert_eq!(parent_of(doc, issuing), Some(cards));
        assert_eq!(parent_of(doc, wallets), Some(payments));
        assert_eq!(parent_of(doc, payments), None);
        assert_eq!(
            [payments, cards, issuing, wallets].map(|id| tier_of(doc, map, id)),
            ["Service area", "Products", "Services", "Products"].map(String::from)
        );
    }
    assert_eq!(
        drawn_lines(&app).await,
        ["Payments", "  Wallets", "  Cards", "    Card issuing"]
    );

    // A list from an email, copied with Ctrl+C from a text field and pasted with Ctrl+V on Wallets.
    let list = "Lending\n\t- Mortgages\n\t\t- Valuations\n\t- Loans";
    app.driver()
        .execute(
            "const t = document.createElement('textarea'); t.id = 'email'; t.value = arguments[0]; document.body.appendChild(t); t.focus(); t.select();",
            vec![serde_json::json!(list)],
        )
        .await
        .expect("a text field holding the list");
    app.press(true, "c").await;
    app.driver()
        .execute(
            "document.getElementById('email').remove(); [...document.querySelectorAll('[data-testid=outline-item]')].find(l => l.textContent.startsWith('Wallets')).focus();",
            vec![],
        )
        .await
        .expect("back to the Wallets line");
    let steps_before = read_document(&document.path)
        .history()
        .expect("history")
        .len();
    app.press(true, "v").await;
    let lending = stored(&document.path, map, "Lending").await;
    let valuations = stored(&document.path, map, "Valuations").await;
    {
        let file = read_document(&document.path);
        let doc = file.doc();
        assert_eq!(
            file.history().expect("history").len(),
            steps_before + 1,
            "the paste is one step"
        );
        let (mortgages, loans) = (
            element(doc, "Mortgages").expect("Mortgages"),
            element(doc, "Loans").expect("Loans"),
        );
        assert_eq!(
            parent_of(doc, lending),
            Some(payments),
            "the list's top goes beside Wallets"
        );
        assert_eq!(parent_of(doc, mortgages), Some(lending));
        assert_eq!(parent_of(doc, valuations), Some(mortgages));
        assert_eq!(parent_of(doc, loans), Some(lending));
        assert_eq!(
            doc.element(valuations).map(|e| e.kind),
            Some(ElementKind::Application)
        );
        assert_eq!(tier_of(doc, map, valuations), "Applications");
    }
    for id in [payments, cards, issuing, wallets, lending, valuations] {
        app.wait_for(&format!(".react-flow__node-element[data-id='{id}']"))
            .await;
    }
    assert_eq!(
        drawn_lines(&app).await,
        [
            "Payments",
            "  Wallets",
            "  Lending",
            "    Mortgages",
            "      Valuations",
            "    Loans",
            "  Cards",
            "    Card issuing"
        ]
    );
    if let Some(folder) = screenshot_folder() {
        std::fs::create_dir_all(&folder).expect("folder");
        app.driver()
            .screenshot(&folder.join("outline.png"))
            .await
            .expect("screenshot");
    }

    // One Ctrl+Z takes the whole paste back; the typed pyramid stays.
    app.press(true, "z").await;
    let undone = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        element(file.doc(), "Lending").is_none().then_some(())
    })
    .await;
    assert!(undone.is_some(), "Ctrl+Z took the paste back");
    let file = read_document(&document.path);
    assert!(
        ["Mortgages", "Valuations", "Loans"]
            .iter()
            .all(|n| element(file.doc(), n).is_none())
    );
    assert!(
        file.doc().placement(map, wallets).is_some()
            && file.doc().placement(map, issuing).is_some()
    );
    let gone = eventually(Duration::from_secs(5), async || {
        let nodes = app
            .driver()
            .find_all(By::Css(format!(
                ".react-flow__node-element[data-id='{lending}']"
            )))
            .await
            .ok()?;
        nodes.is_empty().then_some(())
    })
    .await;
    if let Some(folder) = screenshot_folder() {
        app.driver()
            .screenshot(&folder.join("outline-undone.png"))
            .await
            .expect("screenshot");
    }
    assert!(
        gone.is_some(),
        "the canvas no longer shows the pasted boxes"
    );
    assert_eq!(
        drawn_lines(&app).await,
        ["Payments", "  Wallets", "  Cards", "    Card issuing"],
        "nor does the outline"
    );
    app.quit().await;
}
