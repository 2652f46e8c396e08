//! Emoji in names on the canvas come from the bundled Noto Emoji (the file
//! every export draws them with), loaded through the UI's @font-face under
//! the app's strict CSP, not from whatever emoji font the machine has.

use std::time::Duration;

use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::Edit;
use tiermap_store::DocumentFile;

#[tokio::test]
async fn an_emoji_name_on_the_canvas_is_drawn_with_the_bundled_emoji_font() {
    let document = sample_document();
    let (map, element) = {
        let mut file = DocumentFile::open(&document.path).expect("open");
        let map = file.doc().maps()[0].id;
        let placed = file.doc().placements_of(map).next().expect("a box").element;
        let mut element = file.doc().element(placed).expect("its element").clone();
        element.name = "Launch 🚀".into();
        file.apply("rename", &[Edit::PutElement(element)]).expect("rename");
        (map, placed)
    };
    assert_eq!(read_document(&document.path).doc().element(element).unwrap().name, "Launch 🚀");

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(Some(&map.to_string())).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{element}']")).await;
    let text = node.prop("textContent").await.expect("text").unwrap_or_default();
    assert!(text.contains("Launch 🚀"), "the box shows its name: {text}");

    // WebKit loads a font face only when the text on the page needs it: the
    // rocket, in no face before it in the list, makes it load the emoji file.
    let script = r#"
        const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, "") === "Noto Emoji");
        return {
            faces: faces.map((f) => f.status),
            check: document.fonts.check('14px "Noto Emoji"', "🚀"),
            family: getComputedStyle(document.querySelector(".react-flow__node-element")).fontFamily,
        };
    "#;
    let state = eventually(Duration::from_secs(10), async || {
        let state = app.driver().execute(script, Vec::new()).await.expect("script").json().clone();
        (state["faces"] == serde_json::json!(["loaded"])).then_some(state)
    })
    .await;
    let Some(state) = state else {
        let state = app.driver().execute(script, Vec::new()).await.expect("script").json().clone();
        panic!("the bundled emoji face never loaded: {state}");
    };
    assert_eq!(state["check"], serde_json::json!(true), "{state}");
    assert!(state["family"].as_str().unwrap_or_default().contains("Noto Emoji"), "{state}");
    app.quit().await;
}
