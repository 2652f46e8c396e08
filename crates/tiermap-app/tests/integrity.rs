//! A damaged document through the session: it opens read-only with what
//! can be read, says so through `integrity()`, refuses every change with
//! the `damaged` code, and `rescue` continues in a new, sound document.

use std::path::{Path, PathBuf};

use tiermap_app::wire::IntegrityState;
use tiermap_app::{ErrorCode, Session};
use tiermap_store::{DocumentFile, Integrity, StoreError};

const PAGE: usize = 4096;

/// Copies of the sample with one page overwritten, until `wanted` accepts one.
fn damaged_sample(dir: &Path, wanted: impl Fn(&Path) -> bool) -> PathBuf {
    let sample = dir.join("sample.tiermap");
    tiermap_app::sample::create(&sample).unwrap();
    let bytes = std::fs::read(&sample).unwrap();
    for page in 1..bytes.len() / PAGE {
        let path = dir.join(format!("damaged-{page}.tiermap"));
        let mut damaged = bytes.clone();
        damaged[page * PAGE..(page + 1) * PAGE].fill(0x5A);
        std::fs::write(&path, &damaged).unwrap();
        if wanted(&path) {
            return path;
        }
    }
    panic!("no page of the sample gives that kind of damage");
}

#[test]
fn a_document_that_cannot_be_loaded_opens_read_only_and_is_rescued() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_sample(dir.path(), |p| {
        matches!(DocumentFile::open(p), Err(StoreError::Corrupt { .. }))
            && DocumentFile::open_damaged(p).is_ok_and(|f| f.doc().elements().count() > 10)
    });
    let before = std::fs::read(&path).unwrap();
    let mut session = Session::new();
    let document = session.open(&path).unwrap();
    assert!(document.read_only);
    let integrity = session.integrity().unwrap();
    assert_eq!(integrity.state, IntegrityState::Damaged);
    assert!(integrity.detail.is_some_and(|d| !d.is_empty()));
    let error = session.undo().unwrap_err();
    assert_eq!(error.code, ErrorCode::Damaged, "{}", error.message);

    let outcome = session.rescue(dir.path().join("rescued")).unwrap();
    assert!(
        outcome.kept > 0 && outcome.message.contains("rescued.tiermap"),
        "{outcome:?}"
    );
    assert!(!outcome.document.read_only);
    assert_eq!(outcome.document.file_name, "rescued.tiermap");
    assert!(outcome.document.element_count > 10);
    assert_eq!(
        session.check_integrity().unwrap().state,
        IntegrityState::Sound
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the damaged file is left as it was"
    );

    // A rescue never replaces a file.
    session.open(&path).unwrap();
    assert_eq!(
        session
            .rescue(dir.path().join("rescued.tiermap"))
            .unwrap_err()
            .code,
        ErrorCode::AlreadyExists
    );
}

#[test]
fn a_document_whose_check_fails_after_opening_takes_no_more_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_sample(dir.path(), |p| {
        DocumentFile::open(p).is_ok()
            && matches!(tiermap_store::check_file(p), Ok(Integrity::Damaged(_)))
    });
    let before = std::fs::read(&path).unwrap();
    let mut session = Session::new();
    assert!(!session.open(&path).unwrap().read_only);
    assert_eq!(
        session.integrity().unwrap().state,
        IntegrityState::Unchecked
    );
    // As the window does: the check on another thread, its result recorded.
    let job = session.integrity_job().unwrap();
    let result = std::thread::spawn(move || (job.run(), job)).join().unwrap();
    let view = session
        .record_integrity(&result.1, result.0.unwrap())
        .unwrap();
    assert_eq!(view.state, IntegrityState::Damaged);
    assert!(session.document().unwrap().read_only, "the window shows it read-only from now on");
    assert_eq!(session.undo().unwrap_err().code, ErrorCode::Damaged);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_sound_document_checks_sound_and_writes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tiermap");
    tiermap_app::sample::create(&path).unwrap();
    let mut session = Session::new();
    session.open(&path).unwrap();
    assert_eq!(
        session.integrity().unwrap().state,
        IntegrityState::Unchecked
    );
    assert_eq!(
        session.check_integrity().unwrap().state,
        IntegrityState::Sound
    );
}
