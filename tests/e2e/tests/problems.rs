//! Validation in the real app: the problems panel, node badges and the status
//! bar follow every edit, and clicking a problem selects its elements.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::{Edit, OwnedTarget};
use tiermap_store::DocumentFile;

async fn problem_rules(app: &App) -> Vec<String> {
    let mut rules = Vec::new();
    for problem in app.driver().find_all(By::Css("[data-testid=problem]")).await.unwrap_or_default() {
        rules.push(problem.attr("data-rule").await.ok().flatten().unwrap_or_default());
    }
    rules
}

#[tokio::test]
async fn a_missing_owner_shows_in_the_panel_on_the_node_and_in_the_status_bar() {
    let document = sample_document();
    let mut file = DocumentFile::open(&document.path).expect("open");
    let onboarding = file.doc().elements().find(|e| e.name == "Onboarding").expect("Onboarding").id;
    let ownerships: Vec<Edit> = file
        .doc()
        .ownerships_of(OwnedTarget::Element(onboarding))
        .map(|o| Edit::DeleteOwnership { id: o.id })
        .collect();
    file.apply("Remove the owner", &ownerships).expect("edit");
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for("[data-testid=problem][data-rule=owner-missing]").await;
    assert_eq!(problem_rules(&app).await, ["owner-missing"]);
    let badge = app.wait_for(&format!(".react-flow__node[data-id='{onboarding}'] [data-testid=problem-badge]")).await;
    assert_eq!(badge.attr("data-severity").await.expect("attr").as_deref(), Some("warning"));
    let status = app.wait_for("[data-testid=status-problems]").await;
    assert_eq!(status.text().await.expect("text"), "0 errors · 1 warning · 0 infos");

    // Clicking the problem selects the element on the canvas.
    app.wait_for("[data-testid=problem] .problem-main").await.click().await.expect("click");
    let selected = eventually(Duration::from_secs(5), async || {
        let node = app.driver().find(By::Css(format!(".react-flow__node[data-id='{onboarding}']"))).await.ok()?;
        let class = node.attr("class").await.ok()??;
        class.contains("selected").then_some(())
    })
    .await;
    assert!(selected.is_some(), "the element of the clicked problem is selected");
    app.quit().await;
}

#[tokio::test]
async fn a_drag_that_breaks_the_practice_updates_the_problems_at_once() {
    let document = sample_document();
    let file = read_document(&document.path);
    let market = file.doc().maps().into_iter().find(|m| m.name == "Customer banking products").expect("market map").id;
    let platform = file.doc().elements().find(|e| e.name == "Core banking platform").expect("platform").id;
    let lane = file.doc().groups_of(market).into_iter().find(|g| g.name == "Wealth clients").expect("lane").id;
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for("[data-testid=problems-panel]").await;
    app.click_map_tab(&market.to_string()).await;
    app.wait_for_canvas(Some(&market.to_string())).await;
    let node = app.wait_for(&format!(".react-flow__node-element[data-id='{platform}']")).await;
    let target = app.wait_for(&format!(".react-flow__node-container[data-id='{lane}'] .group-header")).await;
    assert!(problem_rules(&app).await.is_empty(), "the sample starts clean");
    app.drag_onto(&node, &target).await;

    let moved = eventually(Duration::from_secs(5), async || {
        (read_document(&document.path).doc().placement(market, platform).and_then(|p| p.group) == Some(lane)).then_some(())
    })
    .await;
    assert!(moved.is_some(), "the platform is in the lane in the file");
    let misfit = eventually(Duration::from_secs(5), async || {
        problem_rules(&app).await.contains(&"group-misfit".to_string()).then_some(())
    })
    .await;
    assert!(misfit.is_some(), "a platform inside a segment lane is reported");
    app.wait_for(&format!(".react-flow__node[data-id='{platform}'] [data-testid=problem-badge]")).await;
    assert_eq!(read_document(&document.path).doc().placement(market, platform).and_then(|p| p.group), Some(lane));
    app.quit().await;
}
