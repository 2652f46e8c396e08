//! Damaged pages: a document that fails SQLite's integrity check is never
//! written to, opens read-only with what can be read, and everything
//! readable can be rescued into a new file. Every page of a small document
//! is damaged in turn.

use std::path::{Path, PathBuf};

use tiermap_model::{
    Edit, Element, ElementKind, GroupingModel, Map, MapId, Placement, Rect, Relation, RelationId,
    RelationKind,
};
use tiermap_store::{DocumentFile, Integrity, StoreError, check_file};

const PAGE: usize = 4096;

/// A map of 300 products, each placed and each supporting the one before.
fn document(path: &Path) {
    let map = Map {
        id: MapId::new(),
        name: "Portfolio".into(),
        model: GroupingModel::Freeform,
        position: 0,
    };
    let mut edits = vec![Edit::PutMap(map.clone())];
    let mut previous: Option<Element> = None;
    for i in 0..300 {
        let element = Element::new(ElementKind::Product, format!("Product {i}"));
        edits.push(Edit::PutElement(element.clone()));
        let rect = Rect::new(
            f64::from(i % 20) * 200.0,
            f64::from(i / 20) * 100.0,
            180.0,
            72.0,
        );
        edits.push(Edit::PutPlacement(Placement {
            map: map.id,
            element: element.id,
            group: None,
            rect,
        }));
        if let Some(previous) = previous {
            edits.push(Edit::PutRelation(Relation {
                id: RelationId::new(),
                kind: RelationKind::RollsUpTo,
                source: element.id,
                target: previous.id,
            }));
        }
        previous = Some(element);
    }
    let mut file = DocumentFile::create_with(path, &edits).unwrap();
    file.apply(
        "rename",
        &[Edit::PutElement(Element {
            name: "Renamed".into(),
            ..previous.unwrap()
        })],
    )
    .unwrap();
}

/// A copy of `original` with page `page` (0-based) overwritten.
fn with_damaged_page(original: &[u8], page: usize, at: &Path) -> PathBuf {
    let mut bytes = original.to_vec();
    for (i, byte) in bytes[page * PAGE..(page + 1) * PAGE].iter_mut().enumerate() {
        *byte = (i as u8).wrapping_mul(37).wrapping_add(page as u8);
    }
    std::fs::write(at, &bytes).unwrap();
    at.to_owned()
}

fn a_write(file: &mut DocumentFile) -> Result<Option<i64>, StoreError> {
    file.apply(
        "add",
        &[Edit::PutElement(Element::new(ElementKind::Team, "Written"))],
    )
}

#[test]
fn no_write_goes_into_a_damaged_page_file_and_everything_readable_is_rescued() {
    let dir = tempfile::tempdir().unwrap();
    let original_path = dir.path().join("whole.tiermap");
    document(&original_path);
    let original = std::fs::read(&original_path).unwrap();
    let whole = DocumentFile::open_read_only(&original_path)
        .unwrap()
        .doc()
        .elements()
        .count();
    let pages = original.len() / PAGE;
    let (mut refused_at_open, mut refused_at_write, mut rescued_elements, mut rescues) =
        (0, 0, 0, 0);
    // Page 0 holds the header; a damaged header is another test's subject.
    for page in 1..pages {
        let path = with_damaged_page(
            &original,
            page,
            &dir.path().join(format!("page-{page}.tiermap")),
        );
        let before = std::fs::read(&path).unwrap();
        match DocumentFile::open(&path) {
            Ok(mut file) => {
                let outcome = a_write(&mut file);
                let check = check_file(&path).unwrap();
                if check == Integrity::Sound {
                    // The overwritten page was free (not part of any table).
                    assert!(
                        outcome.is_ok(),
                        "page {page}: a sound file takes writes: {outcome:?}"
                    );
                    continue;
                }
                let error = outcome.expect_err("no write goes into a file that fails the check");
                assert!(
                    matches!(error, StoreError::Damaged { .. }),
                    "page {page}: {error:?}"
                );
                assert!(
                    error.to_string().contains("integrity check")
                        && error.to_string().contains("rescue"),
                    "{error}"
                );
                assert!(matches!(file.integrity(), Integrity::Damaged(_)));
                refused_at_write += 1;
            }
            Err(error) => {
                assert!(
                    matches!(error, StoreError::Corrupt { .. }),
                    "page {page}: {error:?}"
                );
                refused_at_open += 1;
            }
        }
        drop(std::fs::remove_file(PathBuf::from(format!(
            "{}-journal",
            path.display()
        ))));
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "page {page}: not a byte was written"
        );

        // Read-only with what can be read, and rescued into a new, sound
        // file (every fourth page: a rescue writes and syncs a whole file;
        // page 22 is one of SQLite's own schema pages).
        if page % 4 != 1 {
            continue;
        }
        let mut damaged =
            DocumentFile::open_damaged(&path).unwrap_or_else(|e| panic!("page {page}: {e}"));
        assert!(damaged.is_read_only() && matches!(damaged.integrity(), Integrity::Damaged(_)));
        assert!(matches!(
            a_write(&mut damaged),
            Err(StoreError::Damaged { .. })
        ));
        let rescue = dir.path().join(format!("rescued-{page}.tiermap"));
        let report = damaged
            .rescue(&rescue)
            .unwrap_or_else(|e| panic!("page {page}: {e}"));
        assert!(report.kept > 0, "page {page}: {report:?}");
        assert_eq!(
            check_file(&rescue).unwrap(),
            Integrity::Sound,
            "page {page}: the rescued file is sound"
        );
        let mut copy = DocumentFile::open(&rescue).unwrap();
        rescued_elements += copy.doc().elements().count();
        rescues += 1;
        assert_eq!(
            copy.doc(),
            damaged.doc(),
            "page {page}: the rescue holds what could be read"
        );
        a_write(&mut copy).expect("the rescued document takes writes");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "page {page}: the rescue changed nothing in the damaged file"
        );
    }
    eprintln!(
        "{pages} pages: {refused_at_open} refused at open, {refused_at_write} refused at the first write"
    );
    assert!(
        refused_at_write > 0 && refused_at_open > 0,
        "both kinds of damage were met"
    );
    // One damaged page costs a few rows, not the document.
    assert!(
        rescued_elements > rescues * whole * 3 / 4,
        "rescues kept most elements: {rescued_elements} in {rescues}"
    );
}

#[test]
fn a_document_cut_short_opens_damaged_and_is_rescued() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.tiermap");
    document(&path);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(
        DocumentFile::open(&path),
        Err(StoreError::Corrupt { .. })
    ));
    let damaged = DocumentFile::open_damaged(&path).unwrap();
    let rescued = dir.path().join("rescued.tiermap");
    let report = damaged.rescue(&rescued).unwrap();
    assert!(report.lost > 0 && !report.losses.is_empty(), "{report:?}");
    assert!(
        DocumentFile::open(&rescued)
            .unwrap()
            .doc()
            .elements()
            .count()
            > 0
    );
    assert!(
        matches!(
            damaged.rescue(&rescued),
            Err(StoreError::AlreadyExists { .. })
        ),
        "a rescue never replaces a file"
    );
}

#[test]
fn an_older_document_with_damaged_pages_is_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.tiermap");
    document(&path);
    // Marked as schema version 0 (its tables are already there, so a
    // migration would fail anyway; the check must refuse it first).
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 0)
        .unwrap();
    let original = std::fs::read(&path).unwrap();
    let pages = original.len() / PAGE;
    let damaged = (1..pages)
        .map(|page| {
            with_damaged_page(
                &original,
                page,
                &dir.path().join(format!("old-{page}.tiermap")),
            )
        })
        .find(|p| matches!(check_file(p), Ok(Integrity::Damaged(_))))
        .unwrap();
    let before = std::fs::read(&damaged).unwrap();
    let error = DocumentFile::open(&damaged).unwrap_err();
    assert!(matches!(error, StoreError::Damaged { .. }), "{error:?}");
    assert_eq!(std::fs::read(&damaged).unwrap(), before);
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bak")
        })
        .count();
    assert_eq!(backups, 0, "no backup of a migration that did not happen");
}
