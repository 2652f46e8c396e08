//! Quiet damage to imported text: a CSV quote closed on a later line, and
//! control characters (NUL, escape, …) in cells. Each is warned about with
//! its row (or line), column and value, the stored text is clean, and no
//! message carries a raw control character.

use std::path::Path;

use tiermap_import::{
    Incoming, Issue, Origin, Severity, archimate_from_bytes, csv_from_bytes, interpret, plan,
};
use tiermap_model::{Document, ElementKind};

fn incoming(csv: &str) -> Incoming {
    let table = csv_from_bytes(Path::new("portfolio.csv"), csv.as_bytes()).expect("table");
    interpret(&table, &Document::new(), "CSV")
}

fn imported(incoming: &Incoming) -> Document {
    let mut doc = Document::new();
    doc.apply_all(&plan(&doc, incoming).edits)
        .expect("the plan applies");
    doc
}

fn warning<'a>(incoming: &'a Incoming, row: usize, column: &str) -> &'a Issue {
    incoming
        .issues
        .iter()
        .find(|i| i.origin == Some(Origin::Row(row)) && i.column.as_deref() == Some(column))
        .unwrap_or_else(|| panic!("no issue at row {row}, {column}: {:?}", incoming.issues))
}

fn no_control_characters(incoming: &Incoming) {
    for issue in &incoming.issues {
        let text = issue.to_string();
        assert!(
            !text.chars().any(char::is_control),
            "a raw control character in: {text:?}"
        );
    }
}

#[test]
fn a_quote_closed_on_a_later_line_is_a_warning_naming_the_row_the_column_and_the_lines() {
    // The quote before Payroll closes three lines later: three rows became one name.
    let csv = "name,kind\nIntranet,product\n\"Payroll,product\nBilling,product\nLedger\",service\nTravel,product\n";
    let incoming = incoming(csv);
    let issue = warning(&incoming, 3, "name");
    assert_eq!(issue.severity, Severity::Warning);
    assert!(
        issue.message.contains("runs from line 3 to line 5"),
        "{}",
        issue.message
    );
    assert!(
        issue.message.contains("a quote closed on a later line"),
        "{}",
        issue.message
    );
    assert_eq!(
        issue.value.as_deref(),
        Some("Payroll,product␊Billing,product␊Ledger")
    );
    // The name is kept on one line, and the rows after it keep their own line numbers.
    let names: Vec<&str> = incoming.elements.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Intranet",
            "Payroll,product Billing,product Ledger",
            "Travel"
        ]
    );
    assert_eq!(incoming.elements[2].origin, Origin::Row(6));
    no_control_characters(&incoming);
}

#[test]
fn a_description_over_several_lines_keeps_them_and_says_so() {
    let csv = "name,description,kind\r\nPayroll,\"Pays people\r\nevery month\",product\r\nTravel,Trips,product\r\n";
    let incoming = incoming(csv);
    let issue = warning(&incoming, 2, "description");
    assert!(
        issue
            .message
            .contains("runs from line 2 to line 3 and keeps its line breaks"),
        "{}",
        issue.message
    );
    assert_eq!(
        incoming.elements[0].description.as_deref(),
        Some("Pays people\nevery month")
    );
    assert_eq!(incoming.elements[1].origin, Origin::Row(4));
    assert_eq!(incoming.issues.len(), 1, "{:?}", incoming.issues);
}

#[test]
fn control_characters_are_taken_out_of_every_one_line_field_with_a_warning() {
    let csv = "id,name,kind,owner,owner_role,segment,Cost centre,description\n\
               P\u{1},Pay\0roll,prod\u{7}uct,Ada\u{1b}[2J Quinn,PM\u{0},Employ\u{7f}ees,CC\t1,\"Pays\tpeople\u{0}\"\n";
    let incoming = incoming(csv);
    let element = &incoming.elements[0];
    assert_eq!(element.name, "Payroll");
    assert_eq!(element.kind, ElementKind::Product);
    assert_eq!(element.key.as_deref(), Some("P"));
    assert_eq!(
        element.properties.get("Cost centre").map(String::as_str),
        Some("CC 1")
    );
    // A description keeps its tab, and loses the NUL.
    assert_eq!(element.description.as_deref(), Some("Pays\tpeople"));
    let name = warning(&incoming, 2, "name");
    assert_eq!(
        name.message,
        "NUL taken out: this field holds one line of plain text (line breaks and tabs become spaces)"
    );
    assert_eq!(name.value.as_deref(), Some("Pay␀roll"));
    assert!(
        warning(&incoming, 2, "owner")
            .message
            .starts_with("ESC taken out")
    );
    assert!(
        warning(&incoming, 2, "description")
            .message
            .starts_with("NUL taken out: a description keeps")
    );
    for column in ["id", "kind", "owner_role", "segment", "Cost centre"] {
        assert_eq!(warning(&incoming, 2, column).severity, Severity::Warning);
    }
    assert!(!incoming.has_errors(), "{:?}", incoming.issues);
    no_control_characters(&incoming);

    // What reaches the document is clean too: the person and the segment made from the names.
    let doc = imported(&incoming);
    let mut names: Vec<&str> = doc.elements().map(|e| e.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Ada[2J Quinn", "Employees", "Payroll"]);
    assert!(
        doc.elements()
            .all(|e| !e.name.chars().any(char::is_control))
    );
}

#[test]
fn a_header_with_control_characters_is_read_clean_and_said_so() {
    let incoming = incoming("na\u{0}me,kind\nPayroll,product\n");
    assert_eq!(incoming.elements[0].name, "Payroll");
    let issue = incoming
        .issues
        .iter()
        .find(|i| i.origin.is_none())
        .expect("a header warning");
    assert_eq!(issue.column.as_deref(), Some("header, column 1"));
    assert_eq!(issue.value.as_deref(), Some("na␀me"));
    no_control_characters(&incoming);
}

#[test]
fn an_error_that_quotes_a_value_never_prints_its_control_characters() {
    // An unknown kind after cleaning is still quoted in the error: with symbols, never raw.
    let incoming = incoming("name,kind,parent\nPayroll,\u{1b}[31mproduct,Nowhere\u{0}\n");
    assert!(incoming.has_errors());
    no_control_characters(&incoming);
}

#[test]
fn archimate_names_lose_line_breaks_and_documentation_keeps_them() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
<elements>
<element identifier="e1" xsi:type="Product"><name>Pay&#10;roll&#9;suite</name><documentation>Line 1&#10;Line 2</documentation></element>
</elements>
</model>"#;
    let incoming = archimate_from_bytes(Path::new("model.xml"), text.as_bytes()).expect("reads");
    assert_eq!(incoming.elements[0].name, "Pay roll suite");
    assert_eq!(
        incoming.elements[0].description.as_deref(),
        Some("Line 1\nLine 2")
    );
    let issue = incoming
        .issues
        .iter()
        .find(|i| i.column.as_deref() == Some("name"))
        .expect("a warning on the name");
    assert_eq!(issue.origin, Some(Origin::Line(4)));
    assert!(
        issue.message.starts_with("line break and tab taken out"),
        "{}",
        issue.message
    );
    assert_eq!(issue.value.as_deref(), Some("Pay␊roll␉suite"));
}

#[test]
fn archimate_elements_left_out_are_listed_without_their_control_characters() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
<elements>
<element identifier="e1" xsi:type="BusinessProcess"><name>Hire&#10;people</name></element>
</elements>
</model>"#;
    let incoming = archimate_from_bytes(Path::new("model.xml"), text.as_bytes()).expect("reads");
    assert_eq!(incoming.skipped[0].examples, ["Hire␊people"]);
}
