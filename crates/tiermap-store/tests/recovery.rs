//! A change cut off by a crash is rolled back before anything is judged,
//! for readers too; a reader that cannot write the roll-back says so and
//! what to do; a WAL-mode file becomes one file again.
//!
//! A crashed state is made without killing anything: while a transaction
//! that spilled pages into the file is still open, the file and its journal
//! are copied elsewhere. That pair is what a crash at that moment leaves.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tiermap_model::{Edit, Element, ElementKind};
use tiermap_store::{DocumentFile, StoreError};

fn products(n: usize, prefix: &str) -> Vec<Edit> {
    (0..n)
        .map(|i| {
            Edit::PutElement(Element::new(
                ElementKind::Product,
                format!("{prefix} {i} {}", "x".repeat(200)),
            ))
        })
        .collect()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// A document of 50 products, and a copy of it as a crash in the middle of
/// adding 2,000 more leaves it: the file partly overwritten and grown, the
/// journal holding the pages as they were.
fn crashed_document(dir: &Path) -> (PathBuf, usize) {
    let path = dir.join("doc.tiermap");
    drop(DocumentFile::create_with(&path, &products(50, "Kept")).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "cache_size", 10).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    for i in 0..2000 {
        conn.execute(
            "INSERT INTO elements (id, kind, name) VALUES (?1, 'product', ?2)",
            (
                format!("0190aaaa-0000-7000-8000-{i:012}"),
                format!("Lost {i} {}", "y".repeat(300)),
            ),
        )
        .unwrap();
    }
    let crashed = dir.join("crashed.tiermap");
    assert!(
        with_suffix(&path, "-journal").exists(),
        "the transaction has a journal"
    );
    std::fs::copy(&path, &crashed).unwrap();
    std::fs::copy(
        with_suffix(&path, "-journal"),
        with_suffix(&crashed, "-journal"),
    )
    .unwrap();
    conn.execute_batch("ROLLBACK").unwrap();
    (crashed, 50)
}

#[test]
fn a_reader_rolls_a_cut_off_change_back_and_sees_the_last_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let (crashed, kept) = crashed_document(dir.path());
    let file = DocumentFile::open_read_only(&crashed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.doc().elements().count(), kept);
    assert!(file.doc().elements().all(|e| e.name.starts_with("Kept")));
    drop(file);
    assert!(
        !with_suffix(&crashed, "-journal").exists(),
        "the journal was played back and removed"
    );
    let conn = Connection::open(&crashed).unwrap();
    assert_eq!(
        conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "ok"
    );
}

#[test]
fn a_writer_rolls_a_cut_off_change_back_too() {
    let dir = tempfile::tempdir().unwrap();
    let (crashed, kept) = crashed_document(dir.path());
    let mut file = DocumentFile::open(&crashed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.doc().elements().count(), kept);
    file.apply("add", &products(1, "New")).unwrap();
}

#[test]
fn a_reader_that_cannot_write_the_roll_back_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (crashed, _) = crashed_document(dir.path());
    std::fs::set_permissions(&crashed, std::fs::Permissions::from_mode(0o444)).unwrap();
    let journal = with_suffix(&crashed, "-journal");
    let (file_before, journal_before) = (
        std::fs::read(&crashed).unwrap(),
        std::fs::read(&journal).unwrap(),
    );
    for error in [
        DocumentFile::open_read_only(&crashed).unwrap_err(),
        DocumentFile::open(&crashed).unwrap_err(),
    ] {
        assert!(
            matches!(error, StoreError::NeedsRecovery { .. }),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(
            message.contains("cut off")
                && message.contains("read-only")
                && message.contains("writable"),
            "{message}"
        );
        assert!(
            !message.contains("cannot be changed"),
            "no talk of the document being open read-only: {message}"
        );
    }
    assert_eq!(std::fs::read(&crashed).unwrap(), file_before);
    assert_eq!(std::fs::read(&journal).unwrap(), journal_before);
    // Made writable again, it opens with the last committed state.
    std::fs::set_permissions(&crashed, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(
        DocumentFile::open_read_only(&crashed)
            .unwrap()
            .doc()
            .elements()
            .count(),
        50
    );
}

#[test]
fn a_journal_beside_another_applications_database_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let journal = with_suffix(&path, "-journal");
    std::fs::write(
        &journal,
        [0xd9u8, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7, 0, 0, 0, 1],
    )
    .unwrap();
    let (before, journal_before) = (
        std::fs::read(&path).unwrap(),
        std::fs::read(&journal).unwrap(),
    );
    assert!(matches!(
        DocumentFile::open(&path),
        Err(StoreError::ForeignDatabase { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read(&journal).unwrap(), journal_before);
}

/// A Tiermap document someone switched to WAL mode, with a committed
/// change still only in the -wal file (copied while its connection was open).
fn wal_document(dir: &Path) -> (PathBuf, Element) {
    let path = dir.join("wal.tiermap");
    drop(DocumentFile::create_with(&path, &products(3, "Kept")).unwrap());
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    let extra = Element::new(ElementKind::Team, "Only in the WAL");
    conn.execute(
        "INSERT INTO elements (id, kind, name) VALUES (?1, 'team', ?2)",
        (extra.id.to_string(), &extra.name),
    )
    .unwrap();
    let copy = dir.join("copy.tiermap");
    std::fs::copy(&path, &copy).unwrap();
    std::fs::copy(with_suffix(&path, "-wal"), with_suffix(&copy, "-wal")).unwrap();
    drop(conn);
    (copy, extra)
}

#[test]
fn a_wal_mode_document_becomes_one_file_again_keeping_every_committed_change() {
    let dir = tempfile::tempdir().unwrap();
    let (path, extra) = wal_document(dir.path());
    let file = DocumentFile::open_read_only(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        file.doc().element(extra.id).map(|e| e.name.as_str()),
        Some("Only in the WAL")
    );
    drop(file);
    let mut file = DocumentFile::open(&path).unwrap();
    file.apply("add", &products(1, "New")).unwrap();
    drop(file);
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(
            !with_suffix(&path, suffix).exists(),
            "no {suffix} file is left beside the document"
        );
    }
    let header = std::fs::read(&path).unwrap();
    assert_eq!(
        (header[18], header[19]),
        (1, 1),
        "the file is in rollback-journal mode"
    );
}

#[test]
fn a_wal_mode_document_that_cannot_be_converted_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = wal_document(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = DocumentFile::open_read_only(&path).unwrap_err();
    assert!(matches!(error, StoreError::WalMode { .. }), "{error:?}");
    assert!(
        error.to_string().contains("WAL") && error.to_string().contains("writable"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!with_suffix(&path, "-shm").exists());
}
