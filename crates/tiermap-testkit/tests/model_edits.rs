//! The model's central property: applying any sequence of edits and then
//! their inverses, newest first, gives back the identical document, step by
//! step; and a refused edit changes nothing.

use proptest::prelude::*;
use tiermap_model::{Document, Edit};
use tiermap_testkit::{document_from, edit_for, steps};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undoing_every_edit_gives_back_the_identical_document(steps in steps(100)) {
        let mut doc = Document::new();
        let mut undo_log: Vec<Vec<Edit>> = Vec::new();
        let mut snapshots = vec![doc.clone()];
        for step in &steps {
            let Some(edit) = edit_for(&doc, step) else { continue };
            let before = doc.clone();
            match doc.apply_all(&[edit]) {
                Ok(inverse) => {
                    undo_log.push(inverse);
                    snapshots.push(doc.clone());
                }
                Err(_) => prop_assert_eq!(&doc, &before, "a refused edit changes nothing"),
            }
        }
        while let Some(inverse) = undo_log.pop() {
            snapshots.pop();
            doc.apply_all(&inverse).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&doc, snapshots.last().expect("a snapshot per step"));
        }
        prop_assert_eq!(doc, Document::new());
    }

    #[test]
    fn a_document_rebuilt_from_its_edits_is_identical(steps in steps(100)) {
        let doc = document_from(&steps);
        let mut rebuilt = Document::new();
        rebuilt.apply_all(&doc.to_edits()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(rebuilt, doc);
    }
}
