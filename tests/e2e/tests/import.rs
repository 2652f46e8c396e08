//! Import in the real app: File > Import (Ctrl+I), the native open dialog
//! answered with xdotool, the preview with every problem by row and column,
//! importing the valid rows as one undo step, and the file checked after.

use std::time::Duration;

use tiermap_e2e::{App, FileDialog, answer_file_dialog, eventually, read_document, sample_document};

const SHEET: &str = "\
id,name,kind,parent,owner,owner_role,segment,lifecycle
T1,Talent suite,service area,,Ada Quinn,BO,,
T2,Learning portal,product,T1,Ben Ortiz,PO,Staff,growth
T3,Course catalogue,application,T2,,,,
T4,Broken row,produkt,T9,,,,someday
";

#[tokio::test]
async fn a_sheet_with_an_error_previews_then_imports_its_valid_rows_as_one_undo_step() {
    let document = sample_document();
    let source = document.path.with_file_name("talent.csv");
    std::fs::write(&source, SHEET).expect("write the sheet");
    let elements_before = read_document(&document.path).doc().elements().count();
    let maps_before = read_document(&document.path).doc().maps().len();

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.press(true, "i").await;
    answer_file_dialog("Import a spreadsheet or ArchiMate file", FileDialog::Open, &source).await;

    // The preview: what is new, the maps, and the bad row's problems by row, column and value.
    app.wait_for("[data-testid=import-summary]").await;
    let created = app.wait_for("[data-testid=import-created]").await.text().await.expect("created");
    assert!(created.contains("1 Service area") && created.contains("1 Product") && created.contains("2 People"), "{created}");
    let maps = app.wait_for("[data-testid=import-maps]").await.text().await.expect("maps");
    assert!(maps.contains("Talent suite (pyramid)"), "{maps}");
    let issues = app.wait_for("[data-testid=import-issues]").await.text().await.expect("issues");
    for expected in ["row 5", "kind", "produkt", "lifecycle", "someday", "no row has the id or name 'T9'"] {
        assert!(issues.contains(expected), "the issues name {expected}: {issues}");
    }
    // With errors, a plain import is refused; the file is untouched so far.
    let start = app.wait_for("[data-testid=import-start]").await;
    assert!(!start.is_enabled().await.expect("enabled?"), "Import waits for the errors to be fixed");
    assert_eq!(read_document(&document.path).doc().elements().count(), elements_before);

    app.wait_for("[data-testid=import-valid]").await.click().await.expect("import the valid rows");
    let imported = eventually(Duration::from_secs(10), async || {
        let file = read_document(&document.path);
        file.doc().elements().any(|e| e.name == "Learning portal").then(|| file.doc().elements().count())
    })
    .await
    .expect("the valid rows reach the file");
    // 3 rows, 2 people, 1 segment; the broken row is left out.
    assert_eq!(imported, elements_before + 6);
    let file = read_document(&document.path);
    assert!(!file.doc().elements().any(|e| e.name == "Broken row"));
    assert!(file.doc().maps().iter().any(|m| m.name == "Talent suite (pyramid)"));
    drop(file);
    let notice = app.wait_for("[data-testid=notice]").await.text().await.expect("notice");
    assert!(notice.contains("Imported 6 new elements") && notice.contains("1 row with errors left out"), "{notice}");
    // The new pyramid is the map in view.
    app.wait_for(".react-flow__node-element").await;
    let tab = app.wait_for(".map-tab.active").await.prop("textContent").await.ok().flatten().unwrap_or_default();
    assert!(tab.contains("Talent suite"), "the first new map is shown: {tab}");

    // One undo step takes the whole import back.
    app.press(true, "z").await;
    let undone = eventually(Duration::from_secs(10), async || {
        let file = read_document(&document.path);
        (file.doc().elements().count() == elements_before).then(|| file.doc().maps().len())
    })
    .await;
    assert_eq!(undone, Some(maps_before), "undo removes every imported element and map at once");
    app.quit().await;
}
