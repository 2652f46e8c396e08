//! File > New and File > Close through the session.

use tiermap_app::{ErrorCode, Session};

#[test]
fn a_new_document_starts_with_one_empty_map_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new();
    let doc = session.create_new(dir.path().join("workshop")).unwrap();
    assert_eq!(doc.file_name, "workshop.tiermap", "the extension is added");
    assert_eq!(doc.maps.len(), 1);
    assert_eq!((doc.maps[0].model.as_str(), doc.maps[0].element_count), ("freeform", 0));
    assert!(!doc.can_undo, "a new document has nothing to undo");

    let existing = dir.path().join("client.tiermap");
    std::fs::write(&existing, b"precious").unwrap();
    assert_eq!(session.create_new(&existing).unwrap_err().code, ErrorCode::AlreadyExists);
    assert_eq!(std::fs::read(&existing).unwrap(), b"precious");
    assert_eq!(session.document().unwrap().file_name, "workshop.tiermap", "the open document stays open");

    session.close();
    assert!(!session.is_open());
    let start = session.startup();
    assert!(start.document.is_none() && start.error.is_none(), "closed: the welcome screen");
    session.open(dir.path().join("workshop.tiermap")).unwrap();
}

#[test]
fn a_new_document_for_a_pyramid_starts_with_its_tiers_and_nothing_to_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new();
    let doc = session.create_for(dir.path().join("retail"), tiermap_model::GroupingModel::Pyramid, " Retail banking ").unwrap();
    assert_eq!((doc.maps[0].name.as_str(), doc.maps[0].model.as_str()), ("Retail banking", "pyramid"));
    assert!(!doc.can_undo, "the tiers come with the file, not as a step to undo");
    let view = session.map_view(&doc.maps[0].id).unwrap();
    let tiers: Vec<_> = view.groups.iter().map(|g| (g.kind.as_str(), g.name.as_str())).collect();
    assert_eq!(tiers, vec![("tier", "Service area"), ("tier", "Products"), ("tier", "Services"), ("tier", "Applications")]);

    session.create_for_window(dir.path().join("other"), "nonsense", "x");
    let start = session.startup();
    assert!(start.error.unwrap().message.contains("'nonsense' is not a grouping model"));
}
