//! Random editing sessions through the file: what is stored is what memory
//! holds, and undoing every gesture, across a reopen, gives back the
//! identical document. A new document made from a random edit list (puts
//! over puts, deletes, every kind of record) holds what the edits make.

use proptest::prelude::*;
use tiermap_model::Document;
use tiermap_store::{DocumentFile, StoreError};
use tiermap_testkit::{edit_for, steps};

fn fail(e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_file_holds_what_memory_holds_and_undo_restores_every_state(steps in steps(60)) {
        let dir = tempfile::tempdir().map_err(fail)?;
        let path = dir.path().join("doc.tiermap");
        let mut file = DocumentFile::create(&path).map_err(fail)?;
        let mut snapshots = vec![Document::new()];
        for step in &steps {
            let Some(edit) = edit_for(file.doc(), step) else { continue };
            let before = file.doc().clone();
            match file.apply("step", &[edit]) {
                Ok(Some(_)) => snapshots.push(file.doc().clone()),
                Ok(None) => prop_assert_eq!(file.doc(), &before),
                Err(StoreError::Model(_)) => prop_assert_eq!(file.doc(), &before, "a refused edit changes nothing"),
                Err(other) => return Err(fail(other)),
            }
        }
        // Reopen: the file holds exactly what memory held.
        let in_memory = file.doc().clone();
        drop(file);
        let mut file = DocumentFile::open(&path).map_err(fail)?;
        prop_assert_eq!(file.doc(), &in_memory);
        // Undo everything, checking every state on the way back.
        snapshots.pop();
        while let Some(expected) = snapshots.pop() {
            file.undo().map_err(fail)?;
            prop_assert_eq!(file.doc(), &expected);
        }
        let nothing_left = matches!(file.undo(), Err(StoreError::NothingTo { .. }));
        prop_assert!(nothing_left, "nothing left to undo");
        drop(file);
        let reopened = DocumentFile::open(&path).map_err(fail)?;
        prop_assert_eq!(reopened.doc(), &Document::new());
    }

    #[test]
    fn a_new_document_holds_exactly_what_its_edits_make(steps in steps(80)) {
        let dir = tempfile::tempdir().map_err(fail)?;
        let path = dir.path().join("new.tiermap");
        let mut expected = Document::new();
        let mut edits = Vec::new();
        for step in &steps {
            let Some(edit) = edit_for(&expected, step) else { continue };
            if expected.apply(&edit).is_ok() {
                edits.push(edit);
            }
        }
        let file = DocumentFile::create_with(&path, &edits).map_err(fail)?;
        prop_assert_eq!(file.doc(), &expected);
        drop(file);
        let reopened = DocumentFile::open(&path).map_err(fail)?;
        prop_assert_eq!(reopened.doc(), &expected);
        prop_assert!(reopened.history().map_err(fail)?.is_empty(), "the content is no undo step");
    }
}
