//! `tiermap rescue DAMAGED -o NEW`: everything that can still be read from
//! a damaged document, written into a new one (the damaged file is left as
//! it is, and an existing file is never replaced).

use std::path::Path;

use tiermap_app::AppError;
use tiermap_store::DocumentFile;

use crate::Outcome;

pub fn run(damaged: &Path, output: &Path) -> Result<Outcome, AppError> {
    let file = DocumentFile::open_damaged(damaged)?;
    let report = file.rescue(output)?;
    say!(
        "Rescued {} records from {} into {}",
        report.kept,
        damaged.display(),
        output.display()
    );
    for loss in &report.losses {
        say!("  lost: {loss}");
    }
    Ok(if report.lost == 0 {
        Outcome::Done
    } else {
        Outcome::Problem
    })
}
