//! The `tiermap` command as a user runs it: output, exit codes, files left alone.

use std::path::Path;
use std::process::{Command, Output};

fn tiermap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiermap"))
        .args(args)
        .output()
        .expect("run tiermap")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn sample_then_stats_counts_kinds_and_maps() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.tiermap");
    let file = file.to_str().unwrap();
    let out = tiermap(&["sample", file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(file), "says where it wrote");

    let out = tiermap(&["stats", file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for expected in [
        "Service area",
        "Product",
        "Person",
        "Human resources",
        "Pyramid",
        "Wholesale division",
        "Organizational alignment",
    ] {
        assert!(
            stdout.contains(expected),
            "stats mentions {expected}:\n{stdout}"
        );
    }
    let maps = stdout.lines().filter(|l| l.contains(" elements ")).count();
    assert_eq!(maps, 5, "one line per map:\n{stdout}");
}

fn refused(path: &Path, expected: &str) {
    let before = std::fs::read(path).ok();
    let out = tiermap(&["stats", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&path.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(stderr.contains(expected), "says why ({expected}): {stderr}");
    assert_eq!(std::fs::read(path).ok(), before, "the file is unchanged");
}

#[test]
fn stats_on_bad_files_names_the_file_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    refused(&dir.path().join("missing.tiermap"), "no such file");
    let text_file = dir.path().join("notes.tiermap");
    std::fs::write(&text_file, "not a database").unwrap();
    refused(&text_file, "not a Tiermap document");
    let other = dir.path().join("other.sqlite");
    foreign_database(&other);
    refused(&other, "another application");
}

/// A valid SQLite database of another application.
fn foreign_database(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
        .unwrap();
}

#[test]
fn sample_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("keep.tiermap");
    std::fs::write(&file, "mine").unwrap();
    let out = tiermap(&["sample", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn undo_redo_and_history_work_on_the_file() {
    use tiermap_model::{Edit, Element, ElementKind};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.tiermap");
    let mut file = tiermap_store::DocumentFile::create(&path).unwrap();
    let team = Element::new(ElementKind::Team, "Payments team 3");
    file.apply("Add Payments team 3", &[Edit::PutElement(team.clone())])
        .unwrap();
    drop(file);
    let file_arg = path.to_str().unwrap();

    let out = tiermap(&["history", file_arg]);
    assert!(
        text(&out.stdout).contains("Add Payments team 3") && text(&out.stdout).contains("done")
    );

    let out = tiermap(&["undo", file_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "Undid: Add Payments team 3");
    assert!(
        tiermap_store::DocumentFile::open_read_only(&path)
            .unwrap()
            .doc()
            .element(team.id)
            .is_none()
    );

    let out = tiermap(&["undo", file_arg]);
    assert_eq!(out.status.code(), Some(1), "nothing left to undo");
    assert!(text(&out.stderr).contains("nothing to undo"));

    let out = tiermap(&["redo", file_arg]);
    assert!(out.status.success());
    assert!(
        tiermap_store::DocumentFile::open_read_only(&path)
            .unwrap()
            .doc()
            .element(team.id)
            .is_some()
    );
}

#[test]
fn undo_is_refused_while_another_process_writes_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.tiermap");
    let _writer = tiermap_store::DocumentFile::create(&path).unwrap();
    let out = tiermap(&["undo", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("open in another"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn export_then_import_gives_back_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("sample.tiermap");
    let json = dir.path().join("sample.json");
    let copy = dir.path().join("copy.tiermap");
    assert!(tiermap(&["sample", doc.to_str().unwrap()]).status.success());
    let out = tiermap(&[
        "export",
        doc.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        json.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = tiermap(&[
        "import",
        json.to_str().unwrap(),
        "-o",
        copy.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("62 elements on 5 maps"),
        "{}",
        text(&out.stdout)
    );
    let original = tiermap_store::DocumentFile::open_read_only(&doc).unwrap();
    let imported = tiermap_store::DocumentFile::open_read_only(&copy).unwrap();
    assert_eq!(original.doc(), imported.doc());
}

#[test]
fn a_bad_import_writes_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("bad.json");
    std::fs::write(&json, r#"{"format": "tiermap", "version": 7}"#).unwrap();
    let target = dir.path().join("new.tiermap");
    let out = tiermap(&[
        "import",
        json.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("bad.json") && text(&out.stderr).contains("version 7"),
        "{}",
        text(&out.stderr)
    );
    assert!(!target.exists());
}

#[test]
fn validate_exits_0_on_the_sample_1_with_errors_2_on_a_bad_file() {
    use tiermap_model::{Edit, Relation, RelationKind};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tiermap");
    let file_arg = path.to_str().unwrap();
    assert!(tiermap(&["sample", file_arg]).status.success());
    let out = tiermap(&["validate", file_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("0 errors, 0 warnings"),
        "{}",
        text(&out.stdout)
    );

    // A loop: Human resources rolls up to Payroll, which rolls up to it.
    let mut file = tiermap_store::DocumentFile::open(&path).unwrap();
    let id = |name: &str| file.doc().elements().find(|e| e.name == name).unwrap().id;
    let (hr, payroll) = (id("Human resources"), id("Payroll"));
    file.apply(
        "loop",
        &[Edit::PutRelation(Relation::new(
            RelationKind::RollsUpTo,
            hr,
            payroll,
        ))],
    )
    .unwrap();
    drop(file);

    let out = tiermap(&["validate", file_arg, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cycle = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["rule"] == "hierarchy-cycle")
        .expect("a cycle");
    let ids: Vec<&str> = cycle["element_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(ids.contains(&hr.to_string().as_str()) && ids.contains(&payroll.to_string().as_str()));
    assert!(report["errors"].as_u64().unwrap() >= 1);

    let out = tiermap(&["validate", file_arg, "--map", "Wholesale division"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the loop is not on the wholesale map: {}",
        text(&out.stdout)
    );
    let out = tiermap(&["validate", file_arg, "--map", "Nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no map named 'Nowhere'"));

    let out = tiermap(&[
        "validate",
        dir.path().join("missing.tiermap").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn undo_on_an_older_document_says_where_the_backup_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.tiermap");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", tiermap_store::APPLICATION_ID).unwrap();
    conn.execute_batch("CREATE TABLE scratch (x); DROP TABLE scratch;").unwrap();
    drop(conn);
    let out = tiermap(&["undo", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "nothing to undo in a new schema");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("schema version 0") && stderr.contains("old.tiermap.v0.bak"), "{stderr}");
    assert!(dir.path().join("old.tiermap.v0.bak").exists());
}
