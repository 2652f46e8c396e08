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
    assert!(
        message.contains(&path.display().to_string()),
        "the message names the file: {message}"
    );
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
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&random, noise).unwrap_or_else(|e| panic!("{e}"));
    refused(&random, |e| matches!(e, StoreError::NotSqlite { .. }));
}

#[test]
fn another_applications_database_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    refused(&path, |e| matches!(e, StoreError::ForeignDatabase { .. }));
}

#[test]
fn a_document_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("future.tiermap");
    drop(DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}")));
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap_or_else(|e| panic!("{e}"));
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
        .map(|i| {
            tiermap_model::Edit::PutElement(tiermap_model::Element::new(
                tiermap_model::ElementKind::Product,
                format!("Product {i} with a longer name to fill pages"),
            ))
        })
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
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap_or_default();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap_or_default();
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
    assert!(matches!(
        DocumentFile::create(&path),
        Err(StoreError::AlreadyExists { .. })
    ));
    assert_eq!(bytes_of(&path), b"keep me");
}

#[test]
fn an_older_document_is_backed_up_beside_it_before_migrating() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("old.tiermap");
    // A Tiermap file at schema version 0: marked as ours, no tables yet.
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch("CREATE TABLE scratch (x); DROP TABLE scratch;")
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let before = bytes_of(&path);
    let file = DocumentFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.doc().elements().count(), 0);
    drop(file);
    let backup = dir.path().join("old.tiermap.v0.bak");
    assert_eq!(
        bytes_of(&backup),
        before,
        "the backup is the file as it was"
    );
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap_or_default();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn damaged_pages_inside_a_document_are_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("damaged.tiermap");
    let edits: Vec<_> = (0..2000)
        .map(|i| {
            tiermap_model::Edit::PutElement(tiermap_model::Element::new(
                tiermap_model::ElementKind::Product,
                format!("Product {i}"),
            ))
        })
        .collect();
    drop(DocumentFile::create_with(&path, &edits).unwrap_or_else(|e| panic!("{e}")));
    let mut bytes = bytes_of(&path);
    let (from, to) = (bytes.len() / 3, bytes.len() * 2 / 3);
    bytes[from..to].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    refused(&path, |e| matches!(e, StoreError::Corrupt { .. }));
}

/// Opens `path` on another thread and gives up after five seconds, so a
/// hang shows as a failure instead of a test that never ends.
fn open_within_seconds(path: &Path) -> Result<DocumentFile, StoreError> {
    let (send, receive) = std::sync::mpsc::channel();
    let owned = path.to_owned();
    std::thread::spawn(move || {
        let _ = send.send(DocumentFile::open(&owned));
    });
    receive
        .recv_timeout(std::time::Duration::from_secs(5))
        .unwrap_or_else(|_| panic!("opening {} hung", path.display()))
}

/// A path's name, how its error is recognised, and words its message holds.
type Case = (&'static str, fn(&StoreError) -> bool, &'static str);

#[test]
fn every_kind_of_path_that_is_not_a_document_gets_its_own_message_at_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let at = |name: &str| dir.path().join(name);

    std::fs::create_dir(at("folder.tiermap")).unwrap_or_else(|e| panic!("{e}"));
    let status = std::process::Command::new("mkfifo")
        .arg(at("pipe.tiermap"))
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let _socket = std::os::unix::net::UnixListener::bind(at("socket.tiermap"))
        .unwrap_or_else(|e| panic!("{e}"));
    symlink(at("loop-b.tiermap"), at("loop-a.tiermap")).unwrap_or_else(|e| panic!("{e}"));
    symlink(at("loop-a.tiermap"), at("loop-b.tiermap")).unwrap_or_else(|e| panic!("{e}"));
    symlink(at("gone.tiermap"), at("dangling.tiermap")).unwrap_or_else(|e| panic!("{e}"));

    let cases: [Case; 5] = [
        (
            "folder.tiermap",
            |e| matches!(e, StoreError::Folder { .. }),
            "a folder",
        ),
        (
            "pipe.tiermap",
            |e| matches!(e, StoreError::NotAFile { .. }),
            "a named pipe",
        ),
        (
            "socket.tiermap",
            |e| matches!(e, StoreError::NotAFile { .. }),
            "a socket",
        ),
        (
            "loop-a.tiermap",
            |e| matches!(e, StoreError::SymlinkLoop { .. }),
            "leads back to itself",
        ),
        (
            "dangling.tiermap",
            |e| matches!(e, StoreError::BrokenLink { .. }),
            "does not exist",
        ),
    ];
    for (name, expected, words) in cases {
        let path = at(name);
        let error = open_within_seconds(&path).expect_err(name);
        assert!(expected(&error), "{name}: {error:?}");
        let message = error.to_string();
        assert!(
            message.contains(words) && message.contains(&path.display().to_string()),
            "{name}: {message}"
        );
        assert!(DocumentFile::open_read_only(&path).is_err());
    }
    let error = open_within_seconds(Path::new("/dev/null")).expect_err("a device");
    assert!(error.to_string().contains("a device"), "{error}");
    // Nothing was made beside them, nothing changed in them.
    assert!(
        std::fs::read_dir(at("folder.tiermap"))
            .unwrap_or_else(|e| panic!("{e}"))
            .next()
            .is_none()
    );
    assert!(!at("gone.tiermap").exists());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).file_name())
        .collect();
    assert_eq!(names.len(), 6, "no journal or backup appeared: {names:?}");
}

#[test]
fn a_document_with_schema_version_minus_one_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("odd.tiermap");
    drop(DocumentFile::create(&path).unwrap_or_else(|e| panic!("{e}")));
    let conn = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "user_version", -1)
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let message = refused(&path, |e| {
        matches!(e, StoreError::UnknownSchema { found: -1, .. })
    });
    assert!(
        message.contains("-1") && message.contains("left as it was"),
        "{message}"
    );
    let before = bytes_of(&path);
    assert!(matches!(
        DocumentFile::open_read_only(&path),
        Err(StoreError::UnknownSchema { .. })
    ));
    assert_eq!(bytes_of(&path), before);
}

/// A Tiermap file at schema version 0: marked as ours, `tables` run on it.
fn version_zero(path: &Path, tables: &str) {
    let conn = Connection::open(path).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch(tables).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_reader_reads_an_older_document_without_migrating_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("old.tiermap");
    version_zero(&path, "CREATE TABLE scratch (x); DROP TABLE scratch;");
    let before = bytes_of(&path);
    let file = DocumentFile::open_read_only(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.doc().elements().count(), 0);
    assert!(
        file.notes().iter().any(|n| n.contains("not changed")),
        "{:?}",
        file.notes()
    );
    drop(file);
    assert_eq!(bytes_of(&path), before, "the reader changed nothing");
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .count(),
        1,
        "and made no backup"
    );
}

#[test]
fn a_failed_migration_says_so_in_one_sentence_and_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("clash.tiermap");
    // Version 0, but a table of the first migration is already there.
    version_zero(
        &path,
        "CREATE TABLE document_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    );
    let message = refused(&path, |e| {
        matches!(e, StoreError::MigrationFailed { from: 0, .. })
    });
    assert!(
        message.contains("document_meta already exists") && message.contains("left as it was"),
        "{message}"
    );
    assert!(
        message.len() < 300 && !message.contains("CREATE"),
        "no SQL in the message: {message}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .count(),
        1,
        "no backup of a file that did not change"
    );
}

#[test]
fn backups_before_migrating_never_replace_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("old.tiermap");
    let earlier = dir.path().join("old.tiermap.v0.bak");
    std::fs::write(&earlier, "an earlier backup").unwrap_or_else(|e| panic!("{e}"));
    version_zero(&path, "CREATE TABLE scratch (x); DROP TABLE scratch;");
    let before = bytes_of(&path);
    drop(DocumentFile::open(&path).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(bytes_of(&earlier), b"an earlier backup");
    assert_eq!(bytes_of(&dir.path().join("old.tiermap.v0.2.bak")), before);
}
