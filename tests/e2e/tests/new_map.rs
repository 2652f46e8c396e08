//! A new map from a grouping model in the real app, checked in the file.

use std::time::Duration;

use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::GroupingModel;

#[tokio::test]
async fn a_new_organizational_map_starts_with_a_column_per_org_unit() {
    let document = sample_document();
    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.wait_for("[data-testid=new-map]").await.click().await.expect("New map");
    app.wait_for("[data-testid=model-organizational]").await.click().await.expect("choose the model");
    app.wait_for("[data-testid=new-map-name]").await.send_keys("Divisions, target state").await.expect("type a name");
    app.wait_for("[data-testid=new-map-create]").await.click().await.expect("create");

    let created = eventually(Duration::from_secs(5), async || {
        let file = read_document(&document.path);
        let map = file.doc().maps().into_iter().find(|m| m.name == "Divisions, target state").cloned()?;
        let groups: Vec<String> = file.doc().groups_of(map.id).iter().map(|g| g.name.clone()).collect();
        Some((map, groups))
    })
    .await;
    let (map, groups) = created.expect("the new map is in the file");
    assert_eq!(map.model, GroupingModel::Organizational);
    assert_eq!(groups, ["Wholesale division"], "a column for the one org unit of the sample");
    // The window switched to it.
    app.wait_for_canvas(Some(&map.id.to_string())).await;
    app.wait_for_all("[data-testid=map-tab]", 6).await;
    app.quit().await;
}
