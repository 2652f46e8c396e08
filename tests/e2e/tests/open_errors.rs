//! Files that are not Tiermap documents: the window explains, the file is untouched.

use tiermap_e2e::{App, file_with};

#[tokio::test]
async fn a_file_that_is_not_a_document_shows_a_clear_message_and_stays_unchanged() {
    let bytes = b"name,kind\nPayroll,product\n".to_vec();
    let file = file_with("products.tiermap", &bytes);
    let app = App::launch(&[&file.path]).await;
    let problem = app.wait_for("[data-testid=open-error]").await;
    assert_eq!(problem.attr("data-code").await.expect("attr").as_deref(), Some("not_a_document"));
    let text = problem.text().await.expect("text");
    assert!(text.contains("products.tiermap"), "the message names the file: {text}");
    app.quit().await;
    assert_eq!(std::fs::read(&file.path).expect("read"), bytes, "the file is unchanged");
}

#[tokio::test]
async fn a_missing_file_shows_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("gone.tiermap");
    let app = App::launch(&[&missing]).await;
    let problem = app.wait_for("[data-testid=open-error]").await;
    assert_eq!(problem.attr("data-code").await.expect("attr").as_deref(), Some("not_found"));
    app.quit().await;
    assert!(!missing.exists(), "opening did not create the file");
}
