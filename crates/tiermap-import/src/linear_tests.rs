//! The import's work grows linearly with the rows: counted in visits
//! (`work.rs`), never timed. A sheet four times as long may cost at most a
//! little over four times the visits, fresh and as a re-import that adds
//! rows; one owner, parent, segment or team shared by every row may not
//! make each row's work grow either. (The seconds and megabytes are in
//! BENCHMARKS.md, from `tiermap bench --import`.)

use std::ops::Range;
use std::path::Path;

use tiermap_model::Document;

use crate::work::visits;
use crate::{csv_from_bytes, interpret, plan};

/// Rows `range` of a portfolio sheet with every linking column filled. Rows
/// come in blocks of 20 (a service area, 4 products, 6 services, 9
/// applications) that refer only within their block and to shared names,
/// so any run of whole blocks is a sheet of its own.
fn sheet(range: Range<usize>) -> String {
    let mut text = String::from(
        "id,name,kind,parent,owner,owner_role,segment,division,family,team,supported_by,kpi,kpi_target,description\n",
    );
    for i in range {
        let block = i - i % 20;
        let (kind, parent, supported_by) = match i % 20 {
            0 => ("service area", String::new(), String::new()),
            1..=4 => ("product", format!("Area {block}"), String::new()),
            5..=10 => ("service", format!("R{}", block + 1 + i % 4), String::new()),
            _ => (
                "application",
                format!("R{}", block + 5 + i % 6),
                format!("R{};R{}", block + 1, block + 2),
            ),
        };
        let name = if i % 20 == 0 {
            format!("Area {i}")
        } else {
            format!("Element {i}")
        };
        let owners = format!("Person {};Person {}", i / 3, i / 7);
        let family = if matches!(kind, "product" | "application") {
            format!("Family {}", i / 40)
        } else {
            String::new()
        };
        text.push_str(&format!(
            "R{i},{name},{kind},{parent},{owners},PO;SO,Segment {},Division {},{family},Team {},{supported_by},Uptime,99%,Runs\n",
            i % 8,
            i % 12,
            i / 10
        ));
    }
    text
}

/// Visits spent reading `rows` of a sheet against `doc` and planning them.
fn work(doc: &Document, rows: Range<usize>) -> u64 {
    let table = csv_from_bytes(Path::new("sheet.csv"), sheet(rows).as_bytes()).expect("reads");
    let before = visits();
    let incoming = interpret(&table, doc, "CSV");
    assert!(
        !incoming.has_errors(),
        "{:?}",
        incoming
            .issues
            .iter()
            .find(|i| i.severity == crate::Severity::Error)
    );
    plan(doc, &incoming);
    visits() - before
}

/// A document holding the import of `rows`.
fn imported(rows: Range<usize>) -> Document {
    let table = csv_from_bytes(Path::new("sheet.csv"), sheet(rows).as_bytes()).expect("reads");
    let mut doc = Document::new();
    let incoming = interpret(&table, &doc, "CSV");
    doc.apply_all(&plan(&doc, &incoming).edits)
        .expect("applies");
    doc
}

fn assert_linear(small: u64, large: u64, what: &str) {
    let ratio = large as f64 / small as f64;
    assert!(
        ratio < 4.5,
        "{what}: four times the rows cost {ratio:.1} times the visits ({small} → {large})"
    );
}

#[test]
fn a_fresh_import_of_four_times_the_rows_is_four_times_the_work() {
    let small = work(&Document::new(), 0..500);
    let large = work(&Document::new(), 0..2_000);
    assert_linear(small, large, "fresh import");
}

#[test]
fn a_re_import_that_adds_rows_grows_linearly_too() {
    // The sheet again, with a quarter more rows: matched rows update, new ones join the maps.
    let small = work(&imported(0..400), 0..500);
    let large = work(&imported(0..1_600), 0..2_000);
    assert_linear(small, large, "re-import");
}

#[test]
fn one_owner_of_every_row_does_not_make_each_row_cost_more() {
    let shared = |rows: usize| {
        let mut text = String::from("name,kind,owner,owner_role,segment,team\n");
        for i in 0..rows {
            text.push_str(&format!(
                "Element {i},product,Ada Quinn,PM,Everyone,Platform team\n"
            ));
        }
        let table = csv_from_bytes(Path::new("shared.csv"), text.as_bytes()).expect("reads");
        let before = visits();
        let incoming = interpret(&table, &Document::new(), "CSV");
        plan(&Document::new(), &incoming);
        visits() - before
    };
    assert_linear(shared(500), shared(2_000), "one shared owner");
}
