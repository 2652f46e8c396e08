//! Validation never fails: on any random document it returns a report whose
//! diagnostics all point at records that exist.

use proptest::prelude::*;
use tiermap_model::validate::validate;
use tiermap_testkit::{document_from, steps};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn validation_returns_a_report_on_any_document(steps in steps(150)) {
        let doc = document_from(&steps);
        let report = validate(&doc);
        for diagnostic in &report.diagnostics {
            prop_assert!(!diagnostic.message.is_empty());
            for element in &diagnostic.elements {
                prop_assert!(doc.element(*element).is_some(), "{} names a missing element", diagnostic.rule);
            }
            if let Some(map) = diagnostic.map {
                prop_assert!(doc.map(map).is_some());
            }
        }
        prop_assert_eq!(validate(&doc), report, "the same document gives the same report");
    }
}
