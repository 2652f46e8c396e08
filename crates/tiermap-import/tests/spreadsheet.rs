//! Spreadsheet import end to end in the core: CSV text → table → rows →
//! plan → document, then the round trip back through the element sheet.

use std::path::Path;

use tiermap_import::{Incoming, Origin, Severity, csv_from_bytes, interpret, plan};
use tiermap_model::{Document, ElementKind, GroupingModel, OwnedTarget, RelationKind, Role};

fn incoming(doc: &Document, csv: &str) -> Incoming {
    let table = csv_from_bytes(Path::new("portfolio.csv"), csv.as_bytes()).expect("table");
    interpret(&table, doc, "CSV")
}

/// Imports `csv` into `doc`, valid rows only, and returns what came in.
fn import(doc: &mut Document, csv: &str) -> Incoming {
    let incoming = incoming(doc, csv);
    let plan = plan(doc, &incoming);
    doc.apply_all(&plan.edits).expect("the plan applies");
    incoming
}

fn named<'a>(doc: &'a Document, name: &str) -> &'a tiermap_model::Element {
    doc.elements().find(|e| e.name == name).unwrap_or_else(|| panic!("no element named {name}"))
}

fn related(doc: &Document, kind: RelationKind, source: &str, target: &str) -> bool {
    let (s, t) = (named(doc, source).id, named(doc, target).id);
    doc.relations().any(|r| r.kind == kind && r.source == s && r.target == t)
}

const PORTFOLIO: &str = "\
ID,Name,Kind,Parent,Owner,Owner Role,Segment,Division,Family,Team,Supported by,Lifecycle,External,Description,KPI,KPI target,Cost centre
HR,Human resources,Service area,,A. Rivera,BO,,Corporate,,,,,no,All of HR,,,CC-1
PAY,Payroll,product,HR,B. Chen;C. Diaz,product manager;PO,Employees,Corporate,,Payroll team,WD,growth,no,Pays people,Accuracy;Cost per payslip,99.9%;2 EUR,CC-2
REC,Recruiting,Product,Human resources,D. Evans,PO,Candidates;Employees,Corporate,,,,mature,yes,,Time to hire,30 days,
WD,Workday,application,PAY,,,,,,,,,,,,,
K8S,Kubernetes platform,platform,,E. Fox,service owner,,IT,,,,,,,,,
TIX,Ticketing,service,,F. Gray,PO,,IT,End-user support,,,idea,,,,,
";

#[test]
fn every_column_becomes_what_it_names() {
    let mut doc = Document::new();
    let incoming = import(&mut doc, PORTFOLIO);
    assert!(incoming.issues.is_empty(), "{:?}", incoming.issues);

    let payroll = named(&doc, "Payroll");
    assert_eq!(payroll.kind, ElementKind::Product);
    assert_eq!(payroll.description, "Pays people");
    assert_eq!(payroll.lifecycle, Some(tiermap_model::Lifecycle::Growth));
    assert_eq!(payroll.properties.get("Cost centre").map(String::as_str), Some("CC-2"));
    assert_eq!(payroll.properties.get("id").map(String::as_str), Some("PAY"));
    assert!(named(&doc, "Recruiting").external);

    // parent by id and by name, supported_by, segments (two), division, family, team.
    assert!(related(&doc, RelationKind::RollsUpTo, "Payroll", "Human resources"));
    assert!(related(&doc, RelationKind::RollsUpTo, "Recruiting", "Human resources"));
    assert!(related(&doc, RelationKind::RollsUpTo, "Workday", "Payroll"));
    assert!(related(&doc, RelationKind::Supports, "Workday", "Payroll"));
    assert!(related(&doc, RelationKind::Serves, "Recruiting", "Candidates"));
    assert!(related(&doc, RelationKind::Serves, "Recruiting", "Employees"));
    assert!(related(&doc, RelationKind::BelongsTo, "Payroll", "Corporate"));
    assert!(related(&doc, RelationKind::RollsUpTo, "Ticketing", "End-user support"));
    assert!(related(&doc, RelationKind::DeliveredBy, "Payroll", "Payroll team"));
    assert_eq!(named(&doc, "Employees").kind, ElementKind::MarketSegment);
    assert_eq!(named(&doc, "IT").kind, ElementKind::OrgUnit);
    assert_eq!(named(&doc, "End-user support").kind, ElementKind::Family);
    assert_eq!(named(&doc, "Payroll team").kind, ElementKind::Team);
    // Segments named twice are one element.
    assert_eq!(doc.elements().filter(|e| e.name == "Employees").count(), 1);

    // Owners by position, people made from names, the first one leads.
    let owners: Vec<(String, Role, bool)> = doc
        .ownerships_of(OwnedTarget::Element(payroll.id))
        .map(|o| (doc.element(o.person).map(|p| p.name.clone()).unwrap_or_default(), o.role, o.accountable))
        .collect();
    assert!(owners.contains(&("B. Chen".into(), Role::ProductManager, true)), "{owners:?}");
    assert!(owners.contains(&("C. Diaz".into(), Role::ProductOwner, false)), "{owners:?}");
    assert_eq!(named(&doc, "B. Chen").kind, ElementKind::Person);

    // KPIs with their targets by position.
    let mut kpis: Vec<(String, Option<String>)> =
        doc.kpis().filter(|k| k.element == payroll.id).map(|k| (k.name.clone(), k.target.clone())).collect();
    kpis.sort();
    assert_eq!(kpis, [("Accuracy".into(), Some("99.9%".into())), ("Cost per payslip".into(), Some("2 EUR".into()))]);
}

#[test]
fn maps_are_built_from_what_the_rows_carry() {
    let mut doc = Document::new();
    import(&mut doc, PORTFOLIO);
    let maps: Vec<(String, GroupingModel)> = doc.maps().iter().map(|m| (m.name.clone(), m.model)).collect();
    let models: Vec<GroupingModel> = maps.iter().map(|m| m.1).collect();
    for model in [GroupingModel::Pyramid, GroupingModel::Service, GroupingModel::Technical, GroupingModel::Market, GroupingModel::Organizational] {
        assert!(models.contains(&model), "no {model:?} map in {maps:?}");
    }
    let on = |map_name: &str| -> Vec<String> {
        let map = doc.maps().into_iter().find(|m| m.name == map_name).expect("map").id;
        let mut names: Vec<String> = doc.placements_of(map).filter_map(|p| doc.element(p.element)).map(|e| e.name.clone()).collect();
        names.sort();
        names
    };
    assert_eq!(on("Human resources (pyramid)"), ["Human resources", "Payroll", "Recruiting", "Workday"]);
    // Nothing lands where the map checks would call it out of place: the platform is not in a division.
    assert!(!on("Organizational alignment").contains(&"Kubernetes platform".to_owned()));
    assert!(on("Technical grouping").contains(&"Kubernetes platform".to_owned()));
    // The pyramid's tiers are groups in order from the apex down.
    let pyramid = doc.maps().into_iter().find(|m| m.model == GroupingModel::Pyramid).expect("pyramid").id;
    let mut tiers: Vec<(f64, String)> = doc.groups_of(pyramid).iter().map(|g| (g.rect.y, g.name.clone())).collect();
    tiers.sort_by(|a, b| a.0.total_cmp(&b.0));
    let tiers: Vec<String> = tiers.into_iter().map(|t| t.1).collect();
    assert_eq!(tiers, ["Service areas", "Products", "Applications"]);
    // And the checks find no misplaced element and no shared lead on what was imported.
    let report = tiermap_model::validate::validate(&doc);
    let rules: Vec<String> = report.diagnostics.iter().map(|d| d.rule.to_string()).collect();
    assert!(!rules.iter().any(|r| r == "group-misfit" || r == "owner-shared" || r == "pyramid-apex"), "{rules:?}");
}

#[test]
fn arranging_an_imported_map_changes_nothing() {
    // Support rolls up to both products, so Arrange puts it between them,
    // after Pensions, which only Payroll holds: the rows list it first.
    let sheet = "\
name,kind,parent
Human resources,service area,
Payroll,product,Human resources
Benefits,product,Human resources
Support,service,Payroll;Benefits
Pensions,service,Payroll
Leave,service,Benefits
";
    let mut doc = Document::new();
    import(&mut doc, sheet);
    assert!(!doc.maps().is_empty());
    for map in doc.maps() {
        let mut arranged = doc.clone();
        arranged.apply_all(&tiermap_model::plan::arrange_map(&doc, map.id)).expect("arranges");
        assert_eq!(arranged, doc, "{}: laid out as Arrange lays it out", map.name);
    }
}

#[test]
fn every_problem_names_its_row_column_and_value() {
    let csv = "id,name,kind,parent,owner,owner_role,lifecycle,external,supported_by\n\
               A,Alpha,product,,,,,,\n\
               B,,product,,,,,,\n\
               C,Gamma,produkt,,,,,,\n\
               D,Delta,product,NOPE,,,someday,maybe,\n\
               A,Again,product,,X,chief,,,\n\
               E,Dup,product,,,,,,\n\
               F,Dup,product,,,,,,\n\
               G,Golf,product,Dup,,,,,G\n";
    let incoming = incoming(&Document::new(), csv);
    let find = |row: usize, column: &str| {
        incoming
            .issues
            .iter()
            .find(|i| i.origin == Some(Origin::Row(row)) && i.column.as_deref() == Some(column))
            .unwrap_or_else(|| panic!("no issue at row {row}, {column}: {:?}", incoming.issues))
    };
    assert_eq!(find(3, "name").message, "the row has no name");
    assert_eq!(find(4, "kind").value.as_deref(), Some("produkt"));
    assert!(find(4, "kind").message.contains("Service area, Product"));
    assert!(find(5, "parent").message.contains("no row has the id or name 'NOPE'"));
    assert_eq!(find(5, "lifecycle").value.as_deref(), Some("someday"));
    assert_eq!(find(5, "external").value.as_deref(), Some("maybe"));
    assert!(find(6, "id").message.contains("row 2 has the same id"));
    assert_eq!(find(6, "owner_role").value.as_deref(), Some("chief"));
    assert!(find(9, "parent").message.contains("2 rows are named 'Dup' (row 7, row 8)"));
    assert!(find(9, "supported_by").message.contains("cannot refer to itself"));
    assert!(incoming.issues.iter().all(|i| i.severity == Severity::Error));

    // With errors, the valid rows alone come in, and nothing of the others.
    let mut doc = Document::new();
    let plan = plan(&doc, &incoming);
    doc.apply_all(&plan.edits).expect("valid rows apply");
    let mut names: Vec<String> = doc.elements().map(|e| e.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["Alpha", "Dup", "Dup"]);
    // Five rows have errors; four of them are elements (the nameless row never was one).
    assert_eq!(incoming.rows_in_error().len(), 5);
    assert_eq!(plan.summary.left_out, 4);
}

#[test]
fn a_sheet_without_a_name_column_says_which_columns_it_has() {
    let incoming = incoming(&Document::new(), "title;type\nPayroll;product\n");
    assert_eq!(incoming.issues.len(), 1);
    let message = &incoming.issues[0].message;
    assert!(message.contains("no 'name' column (it has: title, type)"), "{message}");
    assert!(incoming.elements.is_empty());
}

#[test]
fn a_row_longer_than_the_header_is_an_error_and_a_shorter_one_is_not() {
    let incoming = incoming(&Document::new(), "name,kind\nA,product,oops\nB\n");
    assert_eq!(incoming.issues.iter().filter(|i| i.severity == Severity::Error).count(), 1, "{:?}", incoming.issues);
    assert_eq!(incoming.issues[0].origin, Some(Origin::Row(2)));
    assert!(incoming.issues[0].message.contains("3 cells and the header 2"));
    assert_eq!(incoming.elements.len(), 2);
}

#[test]
fn reimporting_updates_in_place_keeps_positions_and_takes_the_sheet_as_the_truth() {
    let mut doc = Document::new();
    import(&mut doc, PORTFOLIO);
    let payroll = named(&doc, "Payroll").id;
    let before: Vec<_> = doc.placements().filter(|p| p.element == payroll).cloned().collect();
    let maps_before = doc.maps().len();
    let elements_before = doc.elements().count();

    // Payroll renamed, reparented to a new row, one owner fewer, a KPI target changed and one KPI gone;
    // a new application under Payroll.
    let second = "\
id,name,kind,parent,owner,owner_role,kpi,kpi_target
HR,Human resources,Service area,,A. Rivera,BO,,
PAY,Payroll and pensions,product,CORP,B. Chen,PM,Accuracy,99.99%
CORP,Corporate services,Service area,,,,,
SAP,SAP HCM,application,PAY,,,,
";
    let incoming = incoming(&doc, second);
    let planned = plan(&doc, &incoming);
    assert_eq!(planned.summary.updated, 1, "{:?}", planned.summary);
    assert_eq!(planned.summary.unchanged, 1);
    assert!(planned.summary.maps.is_empty(), "a re-import adds to the maps there are: {:?}", planned.summary.maps);
    doc.apply_all(&planned.edits).expect("re-import applies");

    assert_eq!(doc.element(payroll).map(|e| e.name.as_str()), Some("Payroll and pensions"));
    assert_eq!(doc.elements().count(), elements_before + 2);
    assert_eq!(doc.maps().len(), maps_before);
    let after: Vec<_> = doc.placements().filter(|p| p.element == payroll).cloned().collect();
    assert_eq!(before, after, "positions are kept");
    assert!(related(&doc, RelationKind::RollsUpTo, "Payroll and pensions", "Corporate services"));
    assert!(!related(&doc, RelationKind::RollsUpTo, "Payroll and pensions", "Human resources"), "the old parent is gone");
    // Columns the second sheet does not have keep what the first one set.
    assert!(related(&doc, RelationKind::Serves, "Payroll and pensions", "Employees"));
    assert_eq!(doc.element(payroll).map(|e| e.description.as_str()), Some("Pays people"));
    let owners: Vec<ElementId> = doc.ownerships_of(OwnedTarget::Element(payroll)).map(|o| o.person).collect();
    assert_eq!(owners, [named(&doc, "B. Chen").id]);
    let kpis: Vec<(String, Option<String>)> = doc.kpis().filter(|k| k.element == payroll).map(|k| (k.name.clone(), k.target.clone())).collect();
    assert_eq!(kpis, [("Accuracy".to_owned(), Some("99.99%".to_owned()))]);
    // The new application joins the pyramid in the tier below its parent.
    let sap = named(&doc, "SAP HCM").id;
    let pyramid = doc.maps().into_iter().find(|m| m.model == GroupingModel::Pyramid).expect("pyramid").id;
    let placed = doc.placement(pyramid, sap).expect("SAP HCM is on the pyramid");
    let group = placed.group.and_then(|g| doc.group(g)).map(|g| g.name.clone());
    assert_eq!(group.as_deref(), Some("Applications"));
}

use tiermap_model::ElementId;

#[test]
fn importing_the_same_sheet_twice_changes_nothing_the_second_time() {
    let mut doc = Document::new();
    import(&mut doc, PORTFOLIO);
    let again = plan(&doc, &incoming(&doc, PORTFOLIO));
    assert!(again.edits.is_empty(), "{:?}", again.edits);
    assert_eq!(again.summary.unchanged, 6);
}
