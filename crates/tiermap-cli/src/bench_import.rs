//! `tiermap bench --import`: how long importing a 10,000-row spreadsheet
//! takes, as CSV and as XLSX: reading, interpreting the rows, planning
//! against an empty document (with the maps its structure shows), validating
//! the result for the preview, and writing the new document. Prints a
//! Markdown table for BENCHMARKS.md.

use std::path::Path;
use std::time::{Duration, Instant};

use tiermap_app::importing::{ImportTarget, import_file};
use tiermap_app::{AppError, ErrorCode, generate};
use tiermap_model::Document;

/// Rows of the benchmark sheet.
const ROWS: usize = 10_000;
const RUNS: usize = 5;

fn io(error: std::io::Error) -> AppError {
    AppError::new(ErrorCode::Io, error.to_string())
}

fn ms(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1000.0)
}

/// The time of each phase of one import, and of the whole.
fn phases(source: &Path, out: &Path) -> Result<[Duration; 6], AppError> {
    let empty = Document::new();
    let start = Instant::now();
    let read = tiermap_import::read_source(source, None, &empty)?;
    let read_time = start.elapsed();
    let start = Instant::now();
    let plan = tiermap_import::plan(&empty, &read.incoming);
    let plan_time = start.elapsed();
    let start = Instant::now();
    let mut after = Document::new();
    after.apply_all(&plan.edits)?;
    let report = tiermap_model::validate::validate(&after);
    let validate_time = start.elapsed();
    std::hint::black_box(report);
    let _ = std::fs::remove_file(out);
    let start = Instant::now();
    tiermap_store::DocumentFile::create_with(out, &plan.edits)?;
    let write_time = start.elapsed();
    // And the whole, as `tiermap import -o` runs it.
    let _ = std::fs::remove_file(out);
    let start = Instant::now();
    import_file(source, ImportTarget::New(out), None, false, false)?;
    let whole = start.elapsed();
    // The same sheet again into that document: every row matched by id, nothing to change.
    let start = Instant::now();
    import_file(source, ImportTarget::Into(out), None, false, false).map(|_| ()).or_else(|e| if e.message.contains("nothing to import") { Ok(()) } else { Err(e) })?;
    Ok([read_time, plan_time, validate_time, write_time, whole, start.elapsed()])
}

pub fn run(dir: &Path) -> Result<(), AppError> {
    std::fs::create_dir_all(dir).map_err(io)?;
    // A generated portfolio of about ROWS elements, written as the element sheet.
    let mut doc = Document::new();
    doc.apply_all(&generate::portfolio(ROWS))?;
    let rows = doc.elements().count();
    let csv = dir.join("bench-import.csv");
    let xlsx = dir.join("bench-import.xlsx");
    std::fs::write(&csv, tiermap_export::element_sheet_csv(&doc)).map_err(io)?;
    std::fs::write(&xlsx, tiermap_export::element_sheet_xlsx(&doc)).map_err(io)?;
    let out = dir.join("bench-import.tiermap");

    println!("| source ({rows} rows) | file size | read | rows to plan | validate | write | whole import (median of {RUNS}) | re-import, all matched |");
    println!("|---|---|---|---|---|---|---|---|");
    for source in [&csv, &xlsx] {
        let mut runs = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            runs.push(phases(source, &out)?);
        }
        runs.sort_by_key(|r| r[4]);
        let median = runs[RUNS / 2];
        let size = std::fs::metadata(source).map_err(io)?.len();
        println!(
            "| {} | {:.1} MB | {} ms | {} ms | {} ms | {} ms | **{} ms** | {} ms |",
            source.extension().and_then(|e| e.to_str()).unwrap_or_default().to_uppercase(),
            size as f64 / 1e6,
            ms(median[0]),
            ms(median[1]),
            ms(median[2]),
            ms(median[3]),
            ms(median[4]),
            ms(median[5]),
        );
    }
    for file in [&csv, &xlsx, &out] {
        let _ = std::fs::remove_file(file);
    }
    Ok(())
}
