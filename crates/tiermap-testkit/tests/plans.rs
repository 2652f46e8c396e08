//! Gesture plans on random documents: the document always accepts them, and
//! they do exactly what they say.

use proptest::prelude::*;
use tiermap_model::plan::{arrange_map, delete_element, dissolve_group};
use tiermap_model::{Document, Edit};
use tiermap_testkit::{document_from, steps};

fn apply(doc: &mut Document, edits: &[Edit]) -> Result<(), TestCaseError> {
    doc.apply_all(edits).map(|_| ()).map_err(|e| TestCaseError::fail(format!("plan refused: {e}")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn deleting_any_element_is_accepted_and_touches_nothing_else(steps in steps(120), pick in any::<usize>()) {
        let mut doc = document_from(&steps);
        let ids: Vec<_> = doc.elements().map(|e| e.id).collect();
        prop_assume!(!ids.is_empty());
        let id = ids[pick % ids.len()];
        let before = doc.elements().count();
        let plan = delete_element(&doc, id);
        apply(&mut doc, &plan)?;
        prop_assert!(doc.element(id).is_none());
        prop_assert_eq!(doc.elements().count(), before - 1);
        prop_assert!(doc.relations().all(|r| r.source != id && r.target != id));
    }

    #[test]
    fn dissolving_any_group_keeps_its_contents_on_the_map(steps in steps(120), pick in any::<usize>()) {
        let mut doc = document_from(&steps);
        let groups: Vec<_> = doc.groups().cloned().collect();
        prop_assume!(!groups.is_empty());
        let group = &groups[pick % groups.len()];
        let held: Vec<_> = doc.placements_of(group.map).filter(|p| p.group == Some(group.id)).map(|p| p.element).collect();
        let plan = dissolve_group(&doc, group.id);
        apply(&mut doc, &plan)?;
        prop_assert!(doc.group(group.id).is_none());
        for element in held {
            prop_assert_eq!(doc.placement(group.map, element).and_then(|p| p.group), group.parent);
        }
    }

    #[test]
    fn arranging_any_map_is_accepted_keeps_membership_and_is_stable(steps in steps(120)) {
        let mut doc = document_from(&steps);
        for map in doc.maps().into_iter().map(|m| m.id).collect::<Vec<_>>() {
            let membership: Vec<_> = doc.placements_of(map).map(|p| (p.element, p.group)).collect();
            let groups: Vec<_> = doc.groups_of(map).iter().map(|g| (g.id, g.parent)).collect();
            let plan = arrange_map(&doc, map);
            apply(&mut doc, &plan)?;
            prop_assert_eq!(doc.placements_of(map).map(|p| (p.element, p.group)).collect::<Vec<_>>(), membership);
            prop_assert_eq!(doc.groups_of(map).iter().map(|g| (g.id, g.parent)).collect::<Vec<_>>(), groups);
            let again = arrange_map(&doc, map);
            prop_assert!(again.iter().all(|e| doc.is_noop(e)), "arranging twice changes nothing");
        }
    }
}
