//! Export from the app: the dialog, the native save dialog (answered with
//! xdotool, as a person types a file name), progress, and the file, checked
//! with poppler's pdfinfo and pdftotext.

use std::process::Command;
use std::time::Duration;

use tiermap_e2e::{App, FileDialog, answer_file_dialog, eventually, read_document, sample_document};

#[tokio::test]
async fn every_map_exported_as_pdf_is_a_page_with_its_names() {
    let document = sample_document();
    let file = read_document(&document.path);
    let names: Vec<String> = file.doc().maps().iter().map(|m| m.name.clone()).collect();
    drop(file);
    let out = document.path.with_file_name("workshop.pdf");

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.press(true, "e").await;
    app.wait_for("[data-testid=export-dialog]").await;
    app.wait_for("[data-testid=export-pdf]").await.click().await.expect("PDF");
    app.wait_for("[data-testid=export-dialog] button.link").await.click().await.expect("all maps");
    app.wait_for("[data-testid=export-preview] img").await;
    app.wait_for("[data-testid=export-start]").await.click().await.expect("export");
    answer_file_dialog("Export", FileDialog::Save, &out).await;

    let written = eventually(Duration::from_secs(30), async || out.exists().then_some(())).await;
    assert!(written.is_some(), "the PDF was written to the chosen path");
    app.wait_for("[data-testid=notice]").await;
    let info = Command::new("pdfinfo").arg(&out).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|p| p.trim().to_owned());
    assert_eq!(pages, Some(names.len().to_string()), "a page per map");
    let text = Command::new("pdftotext").arg(&out).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Payroll"), "the names are text in the PDF");
    app.quit().await;
}
