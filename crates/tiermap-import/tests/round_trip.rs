//! The spreadsheet round trip as a property: any sheet, imported, exported
//! as CSV or XLSX and imported again into a new document, exports the same
//! sheet. So what a consultant edits in Excel and brings back is what
//! Tiermap wrote, and nothing drifts on the way.

use std::path::Path;

use proptest::prelude::*;
use tiermap_import::{csv_from_bytes, interpret, plan, xlsx_from_bytes};
use tiermap_model::Document;

const NAMES: &[&str] = &["Payroll", "Ürün 製品", "عربي", "Pay, roll", "Say \"hi\"", "=1+1", "-minus", "a;b", "Two\nlines", "<b>&x</b>", "Payroll"];
const KINDS: &[&str] = &["service area", "Product", "service", "Family", "application", "Platform", "infrastructure", "team", "org unit"];
const PEOPLE: &[&str] = &["A. Rivera", "B. Chen", "Ç. Öz", "Payroll"];
const ROLES: &[&str] = &["BO", "product manager", "PO", "Service owner"];
const SEGMENTS: &[&str] = &["Retail", "Wholesale, EU", "Employees"];
const STAGES: &[&str] = &["", "idea", "MVP", "growth", "retiring"];

#[derive(Debug, Clone)]
struct RowSpec {
    name: usize,
    kind: usize,
    parent: Option<usize>,
    owners: Vec<(usize, usize)>,
    segment: Option<usize>,
    stage: usize,
    external: bool,
    kpis: Vec<(String, String)>,
}

fn row_spec() -> impl Strategy<Value = RowSpec> {
    (
        0..NAMES.len(),
        0..KINDS.len(),
        proptest::option::of(any::<prop::sample::Index>()),
        prop::collection::vec((0..PEOPLE.len(), 0..ROLES.len()), 0..3),
        proptest::option::of(0..SEGMENTS.len()),
        0..STAGES.len(),
        any::<bool>(),
        prop::collection::vec(("[A-Za-z ]{1,8}", "[0-9%]{0,3}"), 0..3),
    )
        .prop_map(|(name, kind, parent, owners, segment, stage, external, kpis)| RowSpec {
            name,
            kind,
            parent: parent.map(|i| i.index(usize::MAX)),
            owners,
            segment,
            stage,
            external,
            kpis: kpis.into_iter().map(|(n, t)| (n.trim().to_owned(), t)).filter(|(n, _)| !n.is_empty()).collect(),
        })
}

fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// A CSV of the rows; parents refer to an earlier row by id (families never parents).
fn sheet(rows: &[RowSpec]) -> String {
    let mut out = String::from("id,name,kind,parent,owner,owner_role,segment,lifecycle,external,kpi,kpi_target,Note\n");
    for (index, row) in rows.iter().enumerate() {
        let parents: Vec<usize> = (0..index).filter(|i| KINDS[rows[*i].kind] != "Family").collect();
        let parent = row.parent.filter(|_| !parents.is_empty()).map(|p| format!("R{}", parents[p % parents.len()])).unwrap_or_default();
        let mut seen = Vec::new();
        let owners: Vec<(usize, usize)> = row.owners.iter().copied().filter(|(p, r)| {
            let fresh = !seen.contains(&(*p, *r));
            seen.push((*p, *r));
            fresh
        }).collect();
        let cells = [
            format!("R{index}"),
            NAMES[row.name].to_owned(),
            KINDS[row.kind].to_owned(),
            parent,
            owners.iter().map(|o| PEOPLE[o.0]).collect::<Vec<_>>().join(";"),
            owners.iter().map(|o| ROLES[o.1]).collect::<Vec<_>>().join(";"),
            row.segment.map(|s| SEGMENTS[s].to_owned()).unwrap_or_default(),
            STAGES[row.stage].to_owned(),
            if row.external { "yes" } else { "no" }.to_owned(),
            row.kpis.iter().map(|k| k.0.as_str()).collect::<Vec<_>>().join(";"),
            row.kpis.iter().map(|k| k.1.as_str()).collect::<Vec<_>>().join(";"),
            if index % 2 == 0 { format!("note {index}") } else { String::new() },
        ];
        out.push_str(&cells.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

fn import_csv(bytes: &[u8]) -> Document {
    let table = csv_from_bytes(Path::new("sheet.csv"), bytes).expect("csv reads");
    let mut doc = Document::new();
    let incoming = interpret(&table, &doc, "CSV");
    assert!(!incoming.has_errors(), "{:?}", incoming.issues);
    doc.apply_all(&plan(&doc, &incoming).edits).expect("applies");
    doc
}

/// Everything the sheet carries, in a comparable form (records' own ids aside).
fn content(doc: &Document) -> Vec<String> {
    // An element is known by the id the sheet gave it, else Tiermap's own.
    let key = |e: &tiermap_model::Element| e.properties.get("id").cloned().unwrap_or_else(|| e.id.to_string());
    let name = |id| doc.element(id).map(|e| format!("{}#{}", e.name, key(e))).unwrap_or_default();
    let mut lines: Vec<String> = doc
        .elements()
        .map(|e| format!("element {} {} {:?} {:?} {} {:?} {:?}", key(e), e.name, e.kind, e.lifecycle, e.external, e.description, e.properties))
        .chain(doc.relations().map(|r| format!("relation {:?} {} {}", r.kind, name(r.source), name(r.target))))
        .chain(doc.ownerships().map(|o| {
            let target = match o.target {
                tiermap_model::OwnedTarget::Element(id) => name(id),
                tiermap_model::OwnedTarget::Group(id) => id.to_string(),
            };
            format!("owner {} {target} {:?} {}", name(o.person), o.role, o.accountable)
        }))
        .chain(doc.kpis().map(|k| format!("kpi {} {} {:?} {}", name(k.element), k.name, k.target, k.position)))
        .collect();
    lines.sort();
    lines
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_sheet_exported_and_imported_again_exports_the_same(rows in prop::collection::vec(row_spec(), 1..25)) {
        let first = import_csv(sheet(&rows).as_bytes());
        let written = tiermap_export::element_sheet_csv(&first);
        let second = import_csv(&written);
        let rewritten = tiermap_export::element_sheet_csv(&second);
        prop_assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&rewritten));
        prop_assert_eq!(content(&first), content(&second));

        // The same through an Excel workbook.
        let workbook = xlsx_from_bytes(Path::new("sheet.xlsx"), &tiermap_export::element_sheet_xlsx(&first), None).expect("xlsx reads");
        let mut third = Document::new();
        let incoming = interpret(&workbook.table, &third, "XLSX");
        prop_assert!(!incoming.has_errors(), "{:?}", incoming.issues);
        third.apply_all(&plan(&third, &incoming).edits).expect("applies");
        let from_workbook = tiermap_export::element_sheet_csv(&third);
        prop_assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&from_workbook));
    }
}
