//! Edits reach the file, undo and redo survive reopening, refused edits change nothing.

use tiermap_model::{Edit, Element, ElementKind, GroupingModel, Map, MapId, Placement, Rect};
use tiermap_store::{DocumentFile, StoreError};

fn product_on_a_map(file: &mut DocumentFile) -> (MapId, Element) {
    let map = Map {
        id: MapId::new(),
        name: "Products".into(),
        model: GroupingModel::Freeform,
        position: 0,
    };
    let product = Element::new(ElementKind::Product, "Payroll");
    let placement = Placement {
        map: map.id,
        element: product.id,
        group: None,
        rect: Rect::new(10.0, 20.0, 180.0, 72.0),
    };
    file.apply(
        "add",
        &[
            Edit::PutMap(map.clone()),
            Edit::PutElement(product.clone()),
            Edit::PutPlacement(placement),
        ],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (map.id, product)
}

#[test]
fn an_acknowledged_edit_is_in_the_file_after_reopening() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.tiermap");
    let mut file = DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let (map, product) = product_on_a_map(&mut file);
    let moved = Placement {
        map,
        element: product.id,
        group: None,
        rect: Rect::new(300.0, 40.0, 180.0, 72.0),
    };
    file.apply("move", &[Edit::PutPlacement(moved.clone())])
        .unwrap_or_else(|e| panic!("{e}"));
    let in_memory = file.doc().clone();
    drop(file);
    let reopened = DocumentFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reopened.doc().placement(map, product.id), Some(&moved));
    assert_eq!(
        reopened.doc(),
        &in_memory,
        "the file holds exactly what memory held"
    );
}

#[test]
fn undo_and_redo_survive_reopening() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.tiermap");
    let mut file = DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let (map, product) = product_on_a_map(&mut file);
    let original = file.doc().placement(map, product.id).cloned();
    let moved = Placement {
        map,
        element: product.id,
        group: None,
        rect: Rect::new(500.0, 40.0, 180.0, 72.0),
    };
    file.apply("move", &[Edit::PutPlacement(moved.clone())])
        .unwrap_or_else(|e| panic!("{e}"));
    drop(file);

    let mut file = DocumentFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.undo().unwrap_or_else(|e| panic!("{e}")), "move");
    assert_eq!(file.doc().placement(map, product.id).cloned(), original);
    drop(file);

    let mut file = DocumentFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        file.doc().placement(map, product.id).cloned(),
        original,
        "the undo is in the file"
    );
    file.redo().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.doc().placement(map, product.id), Some(&moved));
    assert!(matches!(file.redo(), Err(StoreError::NothingTo { .. })));
}

#[test]
fn a_new_gesture_after_undo_ends_the_redo_stack() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut file =
        DocumentFile::create(dir.path().join("doc.tiermap")).unwrap_or_else(|e| panic!("{e}"));
    let (_, product) = product_on_a_map(&mut file);
    file.undo().unwrap_or_else(|e| panic!("{e}"));
    let other = Element::new(ElementKind::Service, "Benefits");
    file.apply("add other", &[Edit::PutElement(other)])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(file.redo(), Err(StoreError::NothingTo { .. })));
    assert!(file.doc().element(product.id).is_none());
    let history = file.history().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        history.iter().map(|h| h.label.as_str()).collect::<Vec<_>>(),
        ["add other"]
    );
}

#[test]
fn a_refused_edit_changes_neither_memory_nor_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.tiermap");
    let mut file = DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let (map, product) = product_on_a_map(&mut file);
    let before = file.doc().clone();
    // The second edit refers to a map that does not exist: the whole gesture is refused.
    let ghost = Placement {
        map: MapId::new(),
        element: product.id,
        group: None,
        rect: Rect::default(),
    };
    let renamed = Element {
        name: "Renamed".into(),
        ..product.clone()
    };
    let result = file.apply(
        "bad",
        &[Edit::PutElement(renamed), Edit::PutPlacement(ghost)],
    );
    assert!(matches!(result, Err(StoreError::Model(_))));
    assert_eq!(file.doc(), &before);
    drop(file);
    let reopened = DocumentFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reopened.doc(), &before);
    assert!(reopened.doc().placement(map, product.id).is_some());
}

#[test]
fn a_read_only_document_refuses_edits() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.tiermap");
    let mut file = DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}"));
    product_on_a_map(&mut file);
    drop(file);
    let mut file = DocumentFile::open_read_only(&path).unwrap_or_else(|e| panic!("{e}"));
    let result = file.apply(
        "add",
        &[Edit::PutElement(Element::new(ElementKind::Team, "Team 1"))],
    );
    assert!(
        matches!(result, Err(StoreError::ReadOnly { .. })),
        "{result:?}"
    );
}

#[test]
fn save_as_writes_a_consistent_copy() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut file =
        DocumentFile::create(dir.path().join("doc.tiermap")).unwrap_or_else(|e| panic!("{e}"));
    product_on_a_map(&mut file);
    let copy = dir.path().join("copy.tiermap");
    file.save_as(&copy).unwrap_or_else(|e| panic!("{e}"));
    let reopened = DocumentFile::open(&copy).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reopened.doc(), file.doc());
}

#[test]
fn starting_content_is_not_an_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.tiermap");
    let product = Element::new(ElementKind::Product, "Payroll");
    let mut file = DocumentFile::create_with(&path, &[Edit::PutElement(product.clone())]).unwrap();
    assert!(matches!(file.undo(), Err(StoreError::NothingTo { .. })));
    drop(file);
    assert!(
        DocumentFile::open(&path)
            .unwrap()
            .doc()
            .element(product.id)
            .is_some()
    );
}

#[test]
fn a_gesture_that_changes_nothing_leaves_no_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = DocumentFile::create(dir.path().join("doc.tiermap")).unwrap();
    let (map, product) = product_on_a_map(&mut file);
    let same = file.doc().placement(map, product.id).cloned().unwrap();
    let steps = file.history().unwrap().len();
    assert_eq!(
        file.apply("move", &[Edit::PutPlacement(same)]).unwrap(),
        None
    );
    assert_eq!(file.history().unwrap().len(), steps);
}

/// Regression: serde_json's default float parsing is off by one ULP for some
/// values, so an undone move came back 100.39515718152731 instead of ...732.
#[test]
fn positions_come_back_exactly_after_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = DocumentFile::create(dir.path().join("doc.tiermap")).unwrap();
    let (map, product) = product_on_a_map(&mut file);
    let exact = Placement {
        map,
        element: product.id,
        group: None,
        rect: Rect::new(11.443020277509117, 100.39515718152732, 180.0, 88.0),
    };
    file.apply("place", &[Edit::PutPlacement(exact.clone())])
        .unwrap();
    file.apply(
        "move",
        &[Edit::PutPlacement(Placement {
            rect: Rect::new(0.0, 0.0, 180.0, 88.0),
            ..exact.clone()
        })],
    )
    .unwrap();
    file.undo().unwrap();
    assert_eq!(file.doc().placement(map, product.id), Some(&exact));
}
