//! The sample document: five maps, one per grouping model, owners at each tier.

use std::collections::BTreeSet;

use tiermap_model::{GroupingModel, OwnedTarget};
use tiermap_store::DocumentFile;

#[test]
fn the_sample_holds_the_five_grouping_examples_with_owners_at_every_tier() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tiermap");
    tiermap_app::sample::create(&path).unwrap();
    let file = DocumentFile::open(&path).unwrap();
    let doc = file.doc();
    let maps: Vec<(String, GroupingModel)> = doc.maps().iter().map(|m| (m.name.clone(), m.model)).collect();
    assert_eq!(
        maps,
        [
            ("Human resources".to_string(), GroupingModel::Pyramid),
            ("End-user support and ticketing".to_string(), GroupingModel::Service),
            ("Workflow and collaboration tools".to_string(), GroupingModel::Technical),
            ("Customer banking products".to_string(), GroupingModel::Market),
            ("Wholesale division".to_string(), GroupingModel::Organizational),
        ]
    );
    for map in doc.maps() {
        let mut tiers = BTreeSet::new();
        let groups: BTreeSet<_> = doc.groups_of(map.id).iter().map(|g| g.id).collect();
        for ownership in doc.ownerships() {
            let on_map = match ownership.target {
                OwnedTarget::Element(e) => doc.placement(map.id, e).is_some(),
                OwnedTarget::Group(g) => groups.contains(&g),
            };
            if on_map {
                tiers.insert(ownership.role.tier());
            }
        }
        assert!(tiers.len() >= 2, "{} has owners at several tiers: {tiers:?}", map.name);
        assert!(doc.placements_of(map.id).count() >= 5, "{} has elements", map.name);
    }
    let all_tiers: BTreeSet<u8> = doc.ownerships().map(|o| o.role.tier()).collect();
    assert_eq!(all_tiers, BTreeSet::from([1, 2, 3]));
}

#[test]
fn the_sample_is_not_written_over_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.tiermap");
    std::fs::write(&path, "keep").unwrap();
    let error = tiermap_app::sample::create(&path).unwrap_err();
    assert_eq!(error.code, tiermap_app::ErrorCode::AlreadyExists);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep");
}

#[test]
fn the_sample_is_well_formed_no_errors_and_no_warnings() {
    use tiermap_model::validate::{Severity, validate};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tiermap");
    tiermap_app::sample::create(&path).unwrap();
    let file = DocumentFile::open(&path).unwrap();
    let report = validate(file.doc());
    let serious: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| format!("{} {}: {}", d.severity, d.rule, d.message))
        .collect();
    assert!(serious.is_empty(), "the sample has findings:\n{}", serious.join("\n"));
}

#[test]
fn arranging_any_map_of_the_sample_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tiermap");
    tiermap_app::sample::create(&path).unwrap();
    let file = DocumentFile::open(&path).unwrap();
    for map in file.doc().maps() {
        let plan = tiermap_model::plan::arrange_map(file.doc(), map.id);
        assert!(!plan.is_empty());
        let moved: Vec<_> = plan.iter().filter(|e| !file.doc().is_noop(e)).collect();
        assert!(moved.is_empty(), "{}: the sample is laid out as auto-arrange lays it out; moved: {moved:?}", map.name);
    }
}
