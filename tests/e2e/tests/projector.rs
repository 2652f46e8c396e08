//! At a projector: every map's tab shows its whole name, and the map menu
//! reaches every map, however many there are.

use thirtyfour::prelude::*;
use tiermap_e2e::{App, read_document, sample_document};

#[tokio::test]
async fn tabs_show_whole_names_and_the_menu_reaches_every_map() {
    let document = sample_document();
    let maps: Vec<(String, String)> = read_document(&document.path).doc().maps().iter().map(|m| (m.id.to_string(), m.name.clone())).collect();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(Some(&maps[0].0)).await;

    // No name is cut: each tab's name is as wide as its text.
    let cut = app
        .driver()
        .execute(r#"return [...document.querySelectorAll(".map-tab-name")].filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent)"#, Vec::new())
        .await
        .expect("script")
        .json()
        .clone();
    assert_eq!(cut, serde_json::json!([]), "tab names shown whole");
    let names: Vec<String> = {
        let mut names = Vec::new();
        for tab in app.wait_for_all(".map-tab-name", maps.len()).await {
            names.push(tab.text().await.unwrap_or_default());
        }
        names
    };
    // Text past the strip's edge is scrolled out of view, not cut: read it from the page.
    let texts = app.driver().execute(r#"return [...document.querySelectorAll(".map-tab-name")].map((n) => n.textContent)"#, Vec::new()).await.expect("script").json().clone();
    let expected: Vec<&str> = maps.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(texts, serde_json::json!(expected), "every map has its tab, in order ({names:?} visible)");

    // The last map, chosen from the menu, is shown.
    let menu = app.wait_for("[data-testid=map-menu]").await;
    let last = &maps[maps.len() - 1];
    menu.find(By::Css(&format!("option[value='{}']", last.0))).await.expect("option").click().await.expect("choose");
    app.wait_for_canvas(Some(&last.0)).await;
    app.quit().await;
}
