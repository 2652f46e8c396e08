//! `tiermap bench --import`: how long importing a 10,000-row spreadsheet
//! takes, as CSV and as XLSX: reading, interpreting the rows, planning
//! against an empty document (with the maps its structure shows), validating
//! the result for the preview, and writing the new document. Then how the
//! import scales: sheets of 10,000 to 100,000 rows with every linking column
//! filled (parent, owner, segment, division, family, team), each imported by
//! a child process of its own so that its peak memory is its own. Prints
//! Markdown tables for BENCHMARKS.md.

use std::path::Path;
use std::process::Command;
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
    import_file(source, ImportTarget::Into(out), None, false, false)
        .map(|_| ())
        .or_else(|e| {
            if e.message.contains("nothing to import") {
                Ok(())
            } else {
                Err(e)
            }
        })?;
    Ok([
        read_time,
        plan_time,
        validate_time,
        write_time,
        whole,
        start.elapsed(),
    ])
}

pub fn run(dir: &Path) -> Result<(), AppError> {
    std::fs::create_dir_all(dir).map_err(io)?;
    phase_table(dir)?;
    say!();
    scaling_table(dir)
}

/// The 10,000-row sheet Tiermap exports, phase by phase, CSV and XLSX (median
/// of RUNS), and the 100,000-row sheet of the scaling table (one run).
fn phase_table(dir: &Path) -> Result<(), AppError> {
    // A generated portfolio of about ROWS elements, written as the element sheet.
    let mut doc = Document::new();
    doc.apply_all(&generate::portfolio(ROWS))?;
    let rows = doc.elements().count();
    let csv = dir.join("bench-import.csv");
    let xlsx = dir.join("bench-import.xlsx");
    let large = dir.join("bench-import-large.csv");
    std::fs::write(&csv, tiermap_export::element_sheet_csv(&doc)).map_err(io)?;
    std::fs::write(&xlsx, tiermap_export::element_sheet_xlsx(&doc)).map_err(io)?;
    let large_rows = SCALING_ROWS[SCALING_ROWS.len() - 1];
    std::fs::write(&large, scaling_sheet(large_rows)).map_err(io)?;
    let out = dir.join("bench-import.tiermap");

    say!(
        "| source | rows | file size | read | rows to plan | validate | write | whole import | re-import, all matched |"
    );
    say!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let sources = [
        (&csv, "CSV, exported", rows, RUNS),
        (&xlsx, "XLSX, exported", rows, RUNS),
        (&large, "CSV, every linking column", large_rows, 1),
    ];
    for (source, label, rows, count) in sources {
        let mut runs = Vec::with_capacity(count);
        for _ in 0..count {
            runs.push(phases(source, &out)?);
        }
        runs.sort_by_key(|r| r[4]);
        let median = runs[count / 2];
        let size = std::fs::metadata(source).map_err(io)?.len();
        let median_of = if count > 1 {
            format!(" (median of {count})")
        } else {
            String::new()
        };
        say!(
            "| {label}{median_of} | {rows} | {:.1} MB | {} ms | {} ms | {} ms | {} ms | **{} ms** | {} ms |",
            size as f64 / 1e6,
            ms(median[0]),
            ms(median[1]),
            ms(median[2]),
            ms(median[3]),
            ms(median[4]),
            ms(median[5]),
        );
    }
    for file in [&csv, &xlsx, &large, &out] {
        let _ = std::fs::remove_file(file);
    }
    Ok(())
}

/// Sheet sizes of the scaling table, in rows.
const SCALING_ROWS: [usize; 5] = [10_000, 20_000, 40_000, 80_000, 100_000];
/// Imports timed per size; the median is reported, and the highest peak.
const SCALING_RUNS: usize = 3;

/// One import of the scaling table, measured by the child process that ran it.
#[derive(Debug, Clone, Copy)]
struct Measured {
    wall: Duration,
    cpu: Duration,
    /// Peak resident memory, in KiB (0 where the system does not say).
    peak_kib: u64,
}

fn scaling_table(dir: &Path) -> Result<(), AppError> {
    let exe = std::env::current_exe().map_err(io)?;
    say!(
        "| rows | sheet size | whole import (median of {SCALING_RUNS}) | CPU time | peak memory |"
    );
    say!("|---:|---:|---:|---:|---:|");
    for rows in SCALING_ROWS {
        let sheet = dir.join(format!("scaling-{rows}.csv"));
        std::fs::write(&sheet, scaling_sheet(rows)).map_err(io)?;
        let mut runs = Vec::with_capacity(SCALING_RUNS);
        for _ in 0..SCALING_RUNS {
            let output = Command::new(&exe)
                .arg("bench")
                .arg("--import-child")
                .arg(&sheet)
                .arg("--dir")
                .arg(dir)
                .output()
                .map_err(io)?;
            let report = String::from_utf8_lossy(&output.stdout);
            let numbers: Vec<u64> = report
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            let [wall, cpu, peak_kib] = numbers[..] else {
                return Err(AppError::new(
                    ErrorCode::Io,
                    format!(
                        "importing {} failed: {}{}",
                        sheet.display(),
                        report,
                        String::from_utf8_lossy(&output.stderr)
                    ),
                ));
            };
            runs.push(Measured {
                wall: Duration::from_millis(wall),
                cpu: Duration::from_millis(cpu),
                peak_kib,
            });
        }
        let peak = runs.iter().map(|r| r.peak_kib).max().unwrap_or(0);
        runs.sort_by_key(|r| r.wall);
        let median = runs[SCALING_RUNS / 2];
        let size = std::fs::metadata(&sheet).map_err(io)?.len();
        say!(
            "| {rows} | {:.1} MB | {:.2} s | {:.2} s | {} |",
            size as f64 / 1e6,
            median.wall.as_secs_f64(),
            median.cpu.as_secs_f64(),
            if peak == 0 {
                "n/a".to_owned()
            } else {
                format!("{} MB", peak / 1024)
            },
        );
        let _ = std::fs::remove_file(&sheet);
    }
    Ok(())
}

/// `tiermap bench --import-child SHEET`: imports SHEET into a new document in
/// `dir`, as `tiermap import SHEET -o NEW` does, and prints the wall time and
/// the CPU time in milliseconds and the process's peak memory in KiB.
pub fn child(sheet: &Path, dir: &Path) -> Result<(), AppError> {
    let out = dir.join(format!("scaling-{}.tiermap", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let start = Instant::now();
    let result = import_file(sheet, ImportTarget::New(&out), None, false, false);
    let wall = start.elapsed();
    let _ = std::fs::remove_file(&out);
    result?;
    let (cpu, peak_kib) = own_usage();
    say!("{} {} {peak_kib}", wall.as_millis(), cpu.as_millis());
    Ok(())
}

/// This process's CPU time (user and system) and peak resident memory in
/// KiB, from Linux's /proc; zeros elsewhere.
fn own_usage() -> (Duration, u64) {
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0);
    // Fields 14 and 15 of /proc/self/stat, after the command name in parentheses, in clock ticks (100 a second on Linux).
    let cpu = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            let fields: Vec<u64> = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|f| f.parse().ok())
                .collect();
            Some(Duration::from_millis(fields.iter().sum::<u64>() * 10))
        })
        .unwrap_or_default();
    (cpu, peak)
}

/// A client's portfolio sheet of `rows` rows, every linking column filled:
/// service areas, then products under them (parent by name), services under
/// products and applications under services (parent by id); owners with
/// roles (a service has two), a segment and a division on the business
/// rows, families on products and applications, teams on all but the areas;
/// KPIs with targets and descriptions on products and services.
fn scaling_sheet(rows: usize) -> String {
    let areas = (rows / 500).max(1);
    let products = (rows / 10).max(1);
    let services = (rows / 4).max(1);
    let applications = rows.saturating_sub(areas + products + services);
    let mut sheet = String::with_capacity(rows * 110);
    sheet.push_str("id,name,kind,parent,owner,owner_role,segment,division,family,team,kpi,kpi_target,description\n");
    let mut row = |cells: [&str; 13]| {
        sheet.push_str(&cells.join(","));
        sheet.push('\n');
    };
    for a in 0..areas {
        let (id, name, owner, segment, division) = (
            format!("A{a}"),
            format!("Service area {a}"),
            format!("Person {a}"),
            format!("Segment {}", a % 8),
            format!("Division {}", a % 12),
        );
        row([
            &id,
            &name,
            "service area",
            "",
            &owner,
            "BO",
            &segment,
            &division,
            "",
            "",
            "",
            "",
            "",
        ]);
    }
    for p in 0..products {
        let (id, name, parent, owner) = (
            format!("P{p}"),
            format!("Product {p}"),
            format!("Service area {}", p % areas),
            format!("Person {}", p / 3),
        );
        let (segment, division, family, team) = (
            format!("Segment {}", p % 8),
            format!("Division {}", p % 12),
            format!("Family {}", p / 20),
            format!("Team {}", p / 10),
        );
        row([
            &id,
            &name,
            "product",
            &parent,
            &owner,
            "PM",
            &segment,
            &division,
            &family,
            &team,
            "Active users",
            "+25%",
            "Sold to clinics",
        ]);
    }
    for s in 0..services {
        let (id, name, parent) = (
            format!("S{s}"),
            format!("Service {s}"),
            format!("P{}", s % products),
        );
        let (owners, segment, division, team) = (
            format!("Person {};Person {}", s / 3, s / 7),
            format!("Segment {}", s % 8),
            format!("Division {}", s % 12),
            format!("Team {}", s / 10),
        );
        row([
            &id,
            &name,
            "service",
            &parent,
            &owners,
            "PO;PO",
            &segment,
            &division,
            "",
            &team,
            "Uptime",
            "99.9%",
            "Runs day and night",
        ]);
    }
    for x in 0..applications {
        let (id, name, parent, owner) = (
            format!("X{x}"),
            format!("Application {x}"),
            format!("S{}", x % services),
            format!("Person {}", x / 5),
        );
        let (family, team) = (format!("Family {}", x / 50), format!("Team {}", x / 10));
        row([
            &id,
            &name,
            "application",
            &parent,
            &owner,
            "SO",
            "",
            "",
            &family,
            &team,
            "",
            "",
            "",
        ]);
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scaling_sheet_has_the_rows_asked_for_and_imports_without_errors() {
        let sheet = scaling_sheet(1_000);
        assert_eq!(sheet.lines().count(), 1_001);
        let table = tiermap_import::csv_from_bytes(Path::new("scaling.csv"), sheet.as_bytes())
            .expect("reads");
        let incoming = tiermap_import::interpret(&table, &Document::new(), "CSV");
        assert!(!incoming.has_errors(), "{:?}", incoming.issues.first());
        let linked = incoming.relations.len() + incoming.ownerships.len();
        assert!(
            linked > 4 * 1_000,
            "every row links to several others: {linked}"
        );
    }
}
