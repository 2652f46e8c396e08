//! ArchiMate exchange files: every element and relationship type with a
//! Tiermap counterpart maps to it, the rest is counted as skipped, and
//! hostile or foreign XML gives a clear error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tiermap_import::{
    ImportError, Incoming, IncomingOwnership, Origin, Ref, Severity, Skipped, archimate_from_bytes, read_archimate,
};
use tiermap_model::{ElementKind, GroupingModel, RelationKind, Role};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/payroll.archimate.xml")
}

fn read(text: &str) -> Result<Incoming, ImportError> {
    archimate_from_bytes(Path::new("model.xml"), text.as_bytes())
}

/// The index of the element named `name`.
fn at(incoming: &Incoming, name: &str) -> usize {
    incoming.elements.iter().position(|e| e.name == name).unwrap_or_else(|| panic!("no element named {name}"))
}

/// Relations as (kind, source name, target name).
fn relations(incoming: &Incoming) -> Vec<(RelationKind, String, String)> {
    let name = |r: Ref| match r {
        Ref::New(i) => incoming.elements[i].name.clone(),
        Ref::Existing(id) => id.to_string(),
    };
    incoming.relations.iter().map(|r| (r.kind, name(r.source), name(r.target))).collect()
}

fn line_of(text: &str, needle: &str) -> usize {
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle} is in the fixture"));
    1 + text[..offset].matches('\n').count()
}

#[test]
fn every_mapped_element_type_gets_its_kind_key_line_and_fields() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let incoming = read_archimate(&fixture()).unwrap();
    assert_eq!(incoming.format, "ArchiMate");
    assert_eq!(incoming.maps, [GroupingModel::Technical, GroupingModel::Organizational]);
    let kinds: Vec<(&str, ElementKind)> = incoming.elements.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("HR division", ElementKind::OrgUnit),
            ("A. Rivera", ElementKind::Person),
            ("B. Chen", ElementKind::Person),
            ("HR services", ElementKind::Service),
            ("Payroll", ElementKind::Service),
            ("Employee self-service", ElementKind::Product),
            ("Workday", ElementKind::Application),
            ("Payslip service", ElementKind::Application),
            ("Kubernetes platform", ElementKind::Platform),
            ("Badge reader", ElementKind::Platform),
            ("PostgreSQL", ElementKind::Platform),
            ("Hosting", ElementKind::Infrastructure),
            ("Corporate network", ElementKind::Infrastructure),
            ("VPN", ElementKind::Infrastructure),
            ("id-unnamed", ElementKind::Application),
        ]
    );
    let payroll = &incoming.elements[at(&incoming, "Payroll")];
    assert_eq!(payroll.key.as_deref(), Some("id-payroll"));
    assert_eq!(payroll.origin, Origin::Line(line_of(&text, r#"identifier="id-payroll""#)));
    assert_eq!(payroll.description.as_deref(), Some("Pays every employee on time & correctly."));
    let properties: BTreeMap<&str, &str> = payroll.properties.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(properties, BTreeMap::from([("Annual cost", "120000"), ("Status", "live")]));

    let unnamed = incoming.issues.iter().find(|i| i.value.as_deref() == Some("id-unnamed")).expect("a warning");
    assert_eq!(unnamed.severity, Severity::Warning);
    assert_eq!(unnamed.origin, Some(Origin::Line(line_of(&text, r#"identifier="id-unnamed""#))));
}

#[test]
fn relationships_map_to_tiermap_relations_in_the_right_direction() {
    let incoming = read_archimate(&fixture()).unwrap();
    let own = |s: &str| s.to_owned();
    assert_eq!(
        relations(&incoming),
        [
            // Composition and aggregation: the part (the target) rolls up to the whole.
            (RelationKind::RollsUpTo, own("Payroll"), own("HR services")),
            (RelationKind::RollsUpTo, own("Payslip service"), own("Employee self-service")),
            // Serving and realization: the source supports the target.
            (RelationKind::Supports, own("Workday"), own("Payroll")),
            (RelationKind::Supports, own("Workday"), own("Payslip service")),
            (RelationKind::Supports, own("Kubernetes platform"), own("Workday")),
            // An actor's unnamed assignment: the assigned element belongs to it.
            (RelationKind::BelongsTo, own("Payroll"), own("HR division")),
        ]
    );
}

#[test]
fn assignments_named_for_a_role_become_ownerships_and_their_actors_people() {
    let incoming = read_archimate(&fixture()).unwrap();
    let (rivera, chen) = (at(&incoming, "A. Rivera"), at(&incoming, "B. Chen"));
    let (payroll, hr) = (at(&incoming, "Payroll"), at(&incoming, "HR services"));
    let owns = |person, target, role, accountable| IncomingOwnership {
        person: Ref::New(person),
        target: Ref::New(target),
        role,
        accountable,
    };
    assert_eq!(
        incoming.ownerships,
        [
            owns(rivera, payroll, Role::ProductOwner, true),
            owns(chen, payroll, Role::ProductOwner, false),
            owns(chen, hr, Role::BusinessOwner, true),
        ]
    );
    assert_eq!(incoming.elements[at(&incoming, "HR division")].kind, ElementKind::OrgUnit);
}

#[test]
fn what_has_no_counterpart_is_counted_by_type_with_examples() {
    let incoming = read_archimate(&fixture()).unwrap();
    let skipped = |what: &str, count: usize, examples: &[&str]| Skipped {
        what: what.to_owned(),
        count,
        examples: examples.iter().map(|e| (*e).to_owned()).collect(),
    };
    assert_eq!(
        incoming.skipped,
        [
            skipped("Assignment relations between elements not imported", 1, &["HR division → Payroll clerk"]),
            skipped("Assignment relations not from a business actor", 1, &["Kubernetes platform → PostgreSQL"]),
            skipped("Association relations", 1, &["Payroll → Employee self-service"]),
            skipped("BusinessProcess elements", 2, &["Run payroll", "Close the month"]),
            skipped("BusinessRole elements", 1, &["Payroll clerk"]),
            skipped("Flow relations", 1, &["Workday → Payslip service"]),
            skipped("Junction elements", 1, &["id-junction"]),
            skipped("Serving relations between elements not imported", 1, &["Payroll → Run payroll"]),
            skipped("Triggering relations between elements not imported", 1, &["Run payroll → Close the month"]),
            skipped("views", 1, &["Payroll landscape"]),
        ]
    );
}

#[test]
fn a_relationship_to_an_unknown_identifier_is_a_warning_at_its_line() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let incoming = read_archimate(&fixture()).unwrap();
    let issue = incoming.issues.iter().find(|i| i.value.as_deref() == Some("id-nowhere")).expect("a warning");
    assert_eq!(issue.severity, Severity::Warning);
    assert_eq!(issue.column.as_deref(), Some("target"));
    assert_eq!(issue.origin, Some(Origin::Line(line_of(&text, r#"identifier="r-dangling""#))));
    assert!(!incoming.has_errors());
}

#[test]
fn many_examples_are_capped_at_five() {
    let elements: String = (0..8)
        .map(|i| format!(r#"<element identifier="p{i}" xsi:type="BusinessProcess"><name>Step {i}</name></element>"#))
        .collect();
    let incoming = read(&model(&format!("<elements>{elements}</elements>"))).unwrap();
    assert_eq!(incoming.skipped.len(), 1);
    assert_eq!(incoming.skipped[0].count, 8);
    assert_eq!(incoming.skipped[0].examples, ["Step 0", "Step 1", "Step 2", "Step 3", "Step 4"]);
}

fn model(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
{body}
</model>"#
    )
}

#[test]
fn the_2x_format_and_any_prefixes_read_the_same() {
    let text = r#"<?xml version="1.0"?>
<a:model xmlns:a="http://www.opengroup.org/xsd/archimate" xmlns:x="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <a:elements>
    <a:element identifier="e1" x:type="a:InfrastructureService"><a:label xml:lang="en">Storage</a:label>
      <a:properties><a:property identifierref="p1"><a:value>gold</a:value></a:property></a:properties>
    </a:element>
    <a:element identifier="e2" x:type="ApplicationComponent"><a:label>Backup tool</a:label></a:element>
  </a:elements>
  <a:relationships>
    <a:relationship identifier="r1" source="e1" target="e2" x:type="UsedBy"/>
  </a:relationships>
  <a:propertydefs><a:propertydef identifier="p1" name="Tier" type="string"/></a:propertydefs>
</a:model>"#;
    let incoming = read(text).unwrap();
    assert_eq!(incoming.elements[0].kind, ElementKind::Infrastructure);
    assert_eq!(incoming.elements[0].name, "Storage");
    assert_eq!(incoming.elements[0].properties.get("Tier").map(String::as_str), Some("gold"));
    assert_eq!(relations(&incoming), [(RelationKind::Supports, "Storage".to_owned(), "Backup tool".to_owned())]);
}

#[test]
fn an_owner_actor_is_a_person_everywhere_and_its_other_assignments_are_skipped() {
    let text = model(
        r#"<elements>
  <element identifier="a" xsi:type="BusinessActor"><name>D. Osei</name></element>
  <element identifier="p" xsi:type="Product"><name>Banking app</name></element>
  <element identifier="q" xsi:type="Product"><name>Cards</name></element>
</elements>
<relationships>
  <relationship identifier="r1" source="a" target="q" xsi:type="Assignment"><name>reviews</name></relationship>
  <relationship identifier="r2" source="a" target="p" xsi:type="Assignment"><name>Product_Manager</name></relationship>
  <relationship identifier="r3" source="a" target="p" xsi:type="Assignment"><name>PM</name></relationship>
</relationships>"#,
    );
    let incoming = read(&text).unwrap();
    assert_eq!(incoming.elements[0].kind, ElementKind::Person);
    assert!(incoming.relations.is_empty(), "{:?}", incoming.relations);
    let roles: Vec<(Role, bool)> = incoming.ownerships.iter().map(|o| (o.role, o.accountable)).collect();
    assert_eq!(roles, [(Role::ProductManager, true), (Role::ProductManager, false)]);
    assert_eq!(incoming.skipped[0].what, "Assignment relations from a person that name no owner role");
}

fn malformed(result: Result<Incoming, ImportError>) -> String {
    match result {
        Err(error @ ImportError::Malformed { .. }) => error.to_string(),
        other => panic!("expected a Malformed error, got {other:?}"),
    }
}

#[test]
fn external_entities_are_refused_and_never_read() {
    let text = r#"<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&xxe;</name></model>"#;
    let message = malformed(read(text));
    assert!(message.contains("declares a DOCTYPE") && message.contains("line 2"), "{message}");
    assert!(!message.contains("root:"), "{message}");
    // Without the DOCTYPE, the reference is an unknown entity: a syntax error.
    let text = model(r#"<elements><element identifier="e" xsi:type="Product"><name>&xxe;</name></element></elements>"#);
    match read(&text).unwrap_err() {
        ImportError::Syntax { line, message, .. } => assert!(line == 3 && message.contains("&xxe;"), "{message}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_billion_laughs_is_refused() {
    let mut entities = String::from(r#"<!ENTITY lol "lol">"#);
    for i in 1..10 {
        let previous = if i == 1 { "&lol;".to_owned() } else { format!("&lol{};", i - 1) };
        entities.push_str(&format!(r#"<!ENTITY lol{i} "{}">"#, previous.repeat(10)));
    }
    let text = format!(
        r#"<?xml version="1.0"?><!DOCTYPE model [{entities}]><model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&lol9;</name></model>"#
    );
    assert!(malformed(read(&text)).contains("DOCTYPE"));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let text = model(&format!("{}{}", "<x>".repeat(depth), "</x>".repeat(depth)));
    let message = malformed(read(&text));
    assert!(message.contains("nested more than 256 elements deep"), "{message}");
}

#[test]
fn broken_xml_names_its_line_and_column() {
    let text =
        model("<elements>\n  <element identifier=\"e\" xsi:type=\"Product\"><name>x</nam></element>\n</elements>");
    match read(&text).unwrap_err() {
        ImportError::Syntax { line, column, .. } => assert_eq!((line, column), (4, 53), "at the mismatched </nam>"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn xml_that_is_not_an_archimate_model_says_so() {
    for text in [
        r#"<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#,
        r#"<model xmlns="http://example.com/other"><elements/></model>"#,
        "just some text",
    ] {
        assert!(malformed(read(text)).contains("no <model> element of the ArchiMate exchange format"), "{text}");
    }
    assert!(matches!(read(" \n"), Err(ImportError::Empty { .. })));
}
