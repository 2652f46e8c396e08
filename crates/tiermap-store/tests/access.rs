//! Who may write a document: one writer at a time, readers any time, and a
//! file made read-only stays unchanged.

use std::os::unix::fs::PermissionsExt;

use tiermap_model::{Edit, Element, ElementKind};
use tiermap_store::{DocumentFile, StoreError};

fn new_document() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.tiermap");
    DocumentFile::create_with(
        &path,
        &[Edit::PutElement(Element::new(
            ElementKind::Product,
            "Payroll",
        ))],
    )
    .unwrap();
    (dir, path)
}

#[test]
fn a_second_writer_is_refused_while_the_first_has_the_document() {
    let (_dir, path) = new_document();
    let first = DocumentFile::open(&path).unwrap();
    let error = DocumentFile::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::Locked { .. }), "{error:?}");
    assert!(error.to_string().contains("open in another"), "{error}");
    drop(first);
    DocumentFile::open(&path).expect("free again once the first writer closed it");
}

#[test]
fn a_reader_can_open_while_a_writer_has_the_document_and_sees_its_commits() {
    let (_dir, path) = new_document();
    let mut writer = DocumentFile::open(&path).unwrap();
    let team = Element::new(ElementKind::Team, "Payments team 3");
    writer
        .apply("add team", &[Edit::PutElement(team.clone())])
        .unwrap();
    let reader = DocumentFile::open_read_only(&path).unwrap();
    assert!(reader.is_read_only());
    assert_eq!(reader.doc().element(team.id), Some(&team));
}

#[test]
fn a_read_only_file_opens_read_only_and_refuses_edits_with_a_clear_message() {
    let (_dir, path) = new_document();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut file = DocumentFile::open(&path).unwrap();
    assert!(file.is_read_only());
    let error = file
        .apply(
            "add",
            &[Edit::PutElement(Element::new(ElementKind::Team, "Team"))],
        )
        .unwrap_err();
    assert!(matches!(error, StoreError::ReadOnly { .. }));
    assert!(error.to_string().contains("read-only"), "{error}");
    assert!(matches!(file.undo(), Err(StoreError::ReadOnly { .. })));
    drop(file);
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
}
