//! JSON interchange: every field survives export and import, and every kind
//! of bad file is reported with the file and the place in it.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tiermap_import::{ImportError, read_json};
use tiermap_model::Document;
use tiermap_testkit::{document_from, steps};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn rebuild(path: &Path) -> Result<Document, ImportError> {
    let mut doc = Document::new();
    doc.apply_all(&read_json(path)?).expect("imported edits apply");
    Ok(doc)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_field_of_a_random_document_survives_the_round_trip(steps in steps(120)) {
        let doc = document_from(&steps);
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "doc.json", &tiermap_export::json(&doc));
        let back = rebuild(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(tiermap_export::json(&back), tiermap_export::json(&doc), "byte-identical when written again");
    }
}

#[test]
fn an_unknown_version_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "future.json", r#"{"format": "tiermap", "version": 99, "elements": [{"surprise": true}]}"#);
    let error = rebuild(&path).unwrap_err();
    assert!(matches!(error, ImportError::UnsupportedVersion { found: 99, .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("future.json") && message.contains("99"), "{message}");
}

#[test]
fn json_of_another_tool_is_not_taken_for_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "package.json", r#"{"name": "x", "version": 1}"#);
    assert!(matches!(rebuild(&path).unwrap_err(), ImportError::NotTiermap { .. }));
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "broken.json", "{\n  \"format\": \"tiermap\",\n  \"version\": 1,\n  \"elements\": [,]\n}\n");
    match rebuild(&path).unwrap_err() {
        ImportError::Syntax { line, column, .. } => assert_eq!((line, column), (4, 16)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_broken_reference_names_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"format": "tiermap", "version": 1,
        "elements": [{"id": "0190a1b2-0000-7000-8000-000000000001", "kind": "product", "name": "Payroll"}],
        "relations": [{"id": "0190a1b2-0000-7000-8000-000000000002", "kind": "rolls_up_to",
                       "source": "0190a1b2-0000-7000-8000-000000000001", "target": "0190a1b2-0000-7000-8000-000000000009"}]}"#;
    let path = write(dir.path(), "dangling.json", text);
    let error = rebuild(&path).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("dangling.json: relations[0]: no element with id 0190a1b2-0000-7000-8000-000000000009"), "{message}");
}

#[test]
fn an_unknown_element_kind_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"format": "tiermap", "version": 1, "elements": [{"id": "0190a1b2-0000-7000-8000-000000000001", "kind": "robot", "name": "R2"}]}"#;
    let path = write(dir.path(), "robot.json", text);
    let message = rebuild(&path).unwrap_err().to_string();
    assert!(message.contains("robot.json: line 1") && message.contains("robot"), "{message}");
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let text = format!(r#"{{"format": "tiermap", "version": 1, "elements": {}{}}}"#, "[".repeat(depth), "]".repeat(depth));
    let path = write(dir.path(), "deep.json", &text);
    assert!(matches!(rebuild(&path).unwrap_err(), ImportError::Syntax { .. }));
}

#[test]
fn an_empty_file_is_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.json", "");
    assert!(matches!(rebuild(&path).unwrap_err(), ImportError::Syntax { line: 1, .. }));
}

#[test]
fn an_unknown_field_is_refused_rather_than_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "extra.json", r#"{"format": "tiermap", "version": 1, "roadmaps": [1, 2]}"#);
    let message = rebuild(&path).unwrap_err().to_string();
    assert!(message.contains("extra.json") && message.contains("roadmaps"), "{message}");
}
