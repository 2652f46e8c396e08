//! `tiermap export` and `tiermap import`.

use std::path::Path;

use tiermap_app::transfer;
use tiermap_app::{AppError, ErrorCode};
use tiermap_export::{ExportRequest, Format};
use tiermap_model::{Document, MapId};
use tiermap_store::DocumentFile;

use crate::Outcome;

/// Which maps the command line asked for.
pub enum MapChoice {
    One(String),
    All,
    Unspecified,
}

/// What `tiermap export` was asked to do, besides the files.
pub struct ExportOptions {
    pub format: String,
    pub maps: MapChoice,
    pub scale: u8,
    pub transparent: bool,
    pub title_slide: bool,
}

fn invalid(message: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::InvalidInput, message)
}

/// The maps named on the command line, in tab order for --all.
fn chosen_maps(doc: &Document, choice: &MapChoice, format: Format) -> Result<Vec<MapId>, AppError> {
    let names = || {
        doc.maps()
            .iter()
            .map(|m| format!("'{}'", m.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match choice {
        MapChoice::All => Ok(doc.maps().iter().map(|m| m.id).collect()),
        MapChoice::One(name) => doc
            .maps()
            .iter()
            .find(|m| m.name == *name)
            .map(|m| vec![m.id])
            .ok_or_else(|| {
                invalid(format!(
                    "no map is named '{name}'; the maps are: {}",
                    names()
                ))
            }),
        MapChoice::Unspecified if format == Format::Json => Ok(Vec::new()),
        MapChoice::Unspecified => Err(invalid(format!(
            "say which maps to export: --map NAME or --all (the maps are: {})",
            names()
        ))),
    }
}

pub fn export(file: &Path, output: &Path, options: &ExportOptions) -> Result<Outcome, AppError> {
    let format: Format = options.format.parse().map_err(invalid)?;
    if !(1..=3).contains(&options.scale) {
        return Err(invalid(format!(
            "--scale must be 1, 2 or 3, not {}",
            options.scale
        )));
    }
    let document = DocumentFile::open_read_only(file)?;
    let doc = document.doc();
    let maps = chosen_maps(doc, &options.maps, format)?;
    if format != Format::Json && maps.is_empty() {
        return Err(invalid(format!("{} has no maps to export", file.display())));
    }
    let title = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Tiermap".into());
    let request = ExportRequest {
        scale: options.scale,
        transparent: options.transparent,
        title_slide: options.title_slide,
        title,
        ..ExportRequest::new(format, maps)
    };
    let total = request.maps.len();
    let bytes = tiermap_export::export(doc, &request, &mut |progress| {
        if total > 1 {
            eprintln!("[{}/{}] {}", progress.done, progress.total, progress.map);
        }
    })?;
    tiermap_export::write_atomically(output, &bytes)?;
    if request.is_bundle() {
        say!(
            "Wrote {} (a ZIP with one {} file per map, {} maps)",
            output.display(),
            format,
            total
        );
    } else {
        say!("Wrote {}", output.display());
    }
    Ok(Outcome::Done)
}

pub fn import(source: &Path, output: &Path) -> Result<Outcome, AppError> {
    let summary = transfer::import_new(source, output)?;
    say!(
        "Wrote {} with {} elements on {} maps",
        output.display(),
        summary.elements,
        summary.maps
    );
    Ok(Outcome::Done)
}
