//! Every kind of bad file gets its own error code through the session (what
//! the window branches on), a message naming the file, and unchanged bytes.

use std::collections::BTreeSet;
use std::path::Path;

use tiermap_app::{ErrorCode, Session};

fn code_for(path: &Path) -> ErrorCode {
    let before = std::fs::read(path).ok();
    let mut session = Session::new();
    let error = session.open(path).unwrap_err();
    assert!(error.message.contains(&path.display().to_string()), "names the file: {}", error.message);
    assert_eq!(std::fs::read(path).ok(), before, "{} unchanged", path.display());
    assert!(!session.is_open());
    error.code
}

#[test]
fn each_kind_of_bad_file_has_its_own_code() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);

    std::fs::write(at("empty.tiermap"), b"").unwrap();
    std::fs::write(at("random.tiermap"), (0..3000u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<_>>()).unwrap();
    let foreign = rusqlite::Connection::open(at("foreign.db")).unwrap();
    foreign.execute_batch("CREATE TABLE t (x)").unwrap();
    drop(foreign);
    tiermap_app::sample::create(at("newer.tiermap")).unwrap();
    rusqlite::Connection::open(at("newer.tiermap")).unwrap().pragma_update(None, "user_version", 999).unwrap();
    std::fs::create_dir(at("folder.tiermap")).unwrap();

    let codes = [
        code_for(&at("missing.tiermap")),
        code_for(&at("empty.tiermap")),
        code_for(&at("random.tiermap")),
        code_for(&at("foreign.db")),
        code_for(&at("newer.tiermap")),
        code_for(&at("folder.tiermap")),
    ];
    assert_eq!(
        codes,
        [ErrorCode::NotFound, ErrorCode::EmptyFile, ErrorCode::NotADocument, ErrorCode::ForeignDatabase, ErrorCode::NewerSchema, ErrorCode::NotADocument]
    );
    assert_eq!(codes.iter().map(|c| format!("{c:?}")).collect::<BTreeSet<_>>().len(), codes.len() - 1, "a folder is not a document either");
}

#[test]
fn a_failed_open_keeps_the_open_document() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.tiermap");
    tiermap_app::sample::create(&good).unwrap();
    let mut session = Session::new();
    session.open(&good).unwrap();
    assert!(session.open(dir.path().join("missing.tiermap")).is_err());
    assert_eq!(session.document().unwrap().maps.len(), 5, "still showing the good document");
}
