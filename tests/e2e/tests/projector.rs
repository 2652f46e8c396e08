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
    menu.find(By::Css(format!("option[value='{}']", last.0))).await.expect("option").click().await.expect("choose");
    app.wait_for_canvas(Some(&last.0)).await;
    app.quit().await;
}

/// The on-screen size of every shown element name: its font size times the map's zoom.
const NAME_SIZES: &str = r#"
const viewport = document.querySelector(".react-flow__viewport");
const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
return [...document.querySelectorAll(".react-flow__node-element .element-name")].map((n) => parseFloat(getComputedStyle(n).fontSize) * zoom);
"#;

async fn name_sizes(app: &App) -> Vec<f64> {
    let sizes = app.driver().execute(NAME_SIZES, Vec::new()).await.expect("script").json().clone();
    sizes.as_array().expect("a list").iter().filter_map(|s| s.as_f64()).collect()
}

fn smallest(sizes: &[f64]) -> f64 {
    sizes.iter().copied().fold(f64::INFINITY, f64::min)
}

#[tokio::test]
async fn names_stay_readable_when_fitted_the_text_size_is_the_viewers_and_the_legend_never_covers_a_box() {
    let document = sample_document();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.press(true, "0").await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let fitted = name_sizes(&app).await;
    assert!(!fitted.is_empty());
    assert!(smallest(&fitted) >= 9.5, "every name at least 10 px on screen when the map is fitted: {fitted:?}");

    // A larger text size, chosen by Ctrl+K, makes every name larger; it is a view preference, not an edit.
    let before = std::fs::read(&document.path).expect("read");
    app.press(true, "k").await;
    let search = app.wait_for("[data-testid=command-input]").await;
    search.send_keys("Text size: larger").await.expect("type");
    search.send_keys(Key::Enter).await.expect("run");
    app.wait_for("[data-testid=app][data-text-size=larger]").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let larger = name_sizes(&app).await;
    assert!(smallest(&larger) >= smallest(&fitted) * 1.3, "larger text: {larger:?} against {fitted:?}");
    assert_eq!(std::fs::read(&document.path).expect("read"), before, "the text size is no change to the document");

    // Presenting: larger names, and the legend in a strip of its own.
    app.press(false, Key::F5).await;
    app.wait_for("[data-testid=app][data-presenting=true]").await;
    tokio::time::sleep(std::time::Duration::from_millis(900)).await;
    let covered = app
        .driver()
        .execute(
            r#"const legend = document.querySelector(".legend").getBoundingClientRect();
               return [...document.querySelectorAll(".react-flow__node-element")].map((n) => n.getBoundingClientRect())
                 .filter((b) => b.right > legend.left && b.left < legend.right && b.bottom > legend.top && b.top < legend.bottom).length;"#,
            Vec::new(),
        )
        .await
        .expect("script")
        .json()
        .clone();
    assert_eq!(covered, serde_json::json!(0), "no box under the legend while presenting");
    let presenting = name_sizes(&app).await;
    assert!(smallest(&presenting) >= 13.0 * 1.4 * 0.95, "names at least 13 px (times the text size) while presenting: {presenting:?}");
    app.quit().await;
}
