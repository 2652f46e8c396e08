//! `tiermap export` and `tiermap import`.

use std::path::Path;

use tiermap_app::AppError;
use tiermap_app::transfer::{self, ExportFormat};

use crate::Outcome;

pub fn export(file: &Path, format: &str, output: &Path) -> Result<Outcome, AppError> {
    let format: ExportFormat = format.parse()?;
    transfer::export(file, format, output)?;
    say!("Wrote {}", output.display());
    Ok(Outcome::Done)
}

pub fn import(source: &Path, output: &Path) -> Result<Outcome, AppError> {
    let summary = transfer::import_new(source, output)?;
    say!("Wrote {} with {} elements on {} maps", output.display(), summary.elements, summary.maps);
    Ok(Outcome::Done)
}
