//! Opening files: what is not a Tiermap document is refused with its own
//! error naming the file, and the file's bytes stay as they were.

use std::path::Path;

use rusqlite::Connection;
use tiermap_store::{APPLICATION_ID, DocumentFile, SCHEMA_VERSION, StoreError};

fn bytes_of(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

/// Opens `path`, expects the error `matches`, and checks the file did not change.
fn refused(path: &Path, matches: fn(&StoreError) -> bool) -> String {
    let before = bytes_of(path);
    let error = DocumentFile::open(path).expect_err("opening must fail");
    assert!(matches(&error), "unexpected error: {error:?}");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "the message names the file: {message}");
    assert_eq!(bytes_of(path), before, "the file is unchanged");
    message
}

#[test]
fn a_missing_file_is_not_created() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("missing.tiermap");
    refused(&path, |e| matches!(e, StoreError::NotFound { .. }));
    assert!(!path.exists());
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("empty.tiermap");
    std::fs::write(&path, b"").unwrap_or_else(|e| panic!("{e}"));
    refused(&path, |e| matches!(e, StoreError::Empty { .. }));
}

#[test]
fn text_and_random_bytes_are_not_a_document() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = dir.path().join("notes.tiermap");
    std::fs::write(&text, "id,name\n1,Payroll\n").unwrap_or_else(|e| panic!("{e}"));
    refused(&text, |e| matches!(e, StoreError::NotSqlite { .. }));
    let random = dir.path().join("random.tiermap");
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&random, noise).unwrap_or_else(|e| panic!("{e}"));
    refused(&random, |e| matches!(e, StoreError::NotSqlite { .. }));
}

#[test]
fn another_applications_database_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    refused(&path, |e| matches!(e, StoreError::ForeignDatabase { .. }));
}

#[test]
fn a_document_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("future.tiermap");
    drop(DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}")));
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let message = refused(&path, |e| matches!(e, StoreError::NewerSchema { .. }));
    assert!(message.contains("newer"), "{message}");
}

#[test]
fn a_truncated_document_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("cut.tiermap");
    let mut file = DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let edits: Vec<_> = (0..300)
        .map(|i| tiermap_model::Edit::PutElement(tiermap_model::Element::new(tiermap_model::ElementKind::Product, format!("Product {i} with a longer name to fill pages"))))
        .collect();
    file.apply("fill", &edits).unwrap_or_else(|e| panic!("{e}"));
    drop(file);
    let bytes = bytes_of(&path);
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    refused(&path, |e| matches!(e, StoreError::Corrupt { .. }));
}

#[test]
fn a_new_document_carries_its_identity_and_schema() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("new.tiermap");
    drop(DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}")));
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap_or_default();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap_or_default();
    assert_eq!(app_id, APPLICATION_ID);
    assert_eq!(version, SCHEMA_VERSION);
    let strict: i64 = conn
        .query_row("SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0", [], |r| r.get(0))
        .unwrap_or(-1);
    assert_eq!(strict, 0, "every table is STRICT");
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("mine.txt");
    std::fs::write(&path, "keep me").unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(DocumentFile::create(&path), Err(StoreError::AlreadyExists { .. })));
    assert_eq!(bytes_of(&path), b"keep me");
}

#[test]
fn an_older_document_is_backed_up_beside_it_before_migrating() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("old.tiermap");
    // A Tiermap file at schema version 0: marked as ours, no tables yet.
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch("CREATE TABLE scratch (x); DROP TABLE scratch;").unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let before = bytes_of(&path);
    let file = DocumentFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.doc().elements().count(), 0);
    drop(file);
    let backup = dir.path().join("old.tiermap.v0.bak");
    assert_eq!(bytes_of(&backup), before, "the backup is the file as it was");
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap_or_default();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn damaged_pages_inside_a_document_are_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("damaged.tiermap");
    let edits: Vec<_> = (0..2000)
        .map(|i| tiermap_model::Edit::PutElement(tiermap_model::Element::new(tiermap_model::ElementKind::Product, format!("Product {i}"))))
        .collect();
    drop(DocumentFile::create_with(&path, &edits).unwrap_or_else(|e| panic!("{e}")));
    let mut bytes = bytes_of(&path);
    let (from, to) = (bytes.len() / 3, bytes.len() * 2 / 3);
    bytes[from..to].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    refused(&path, |e| matches!(e, StoreError::Corrupt { .. }));
}
