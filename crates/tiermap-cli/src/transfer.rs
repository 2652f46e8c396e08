//! `tiermap export` and `tiermap import`.

use std::path::Path;

use tiermap_app::importing::{self, ImportTarget};
use tiermap_app::wire::ImportPreview;
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
    pub one_slide_per_map: bool,
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

/// The element sheet (`--format xlsx`, or `csv` without maps): one row per
/// element in the columns `tiermap import` reads, for the spreadsheet round trip.
fn export_sheet(file: &Path, output: &Path, xlsx: bool) -> Result<Outcome, AppError> {
    let document = DocumentFile::open_read_only(file)?;
    let bytes = if xlsx {
        tiermap_export::element_sheet_xlsx(document.doc())
    } else {
        tiermap_export::element_sheet_csv(document.doc())
    };
    tiermap_export::write_atomically(output, &bytes)?;
    say!(
        "Wrote {} ({} elements, one row each)",
        output.display(),
        document.doc().elements().count()
    );
    Ok(Outcome::Done)
}

pub fn export(file: &Path, output: &Path, options: &ExportOptions) -> Result<Outcome, AppError> {
    let unspecified = matches!(options.maps, MapChoice::Unspecified);
    match options.format.as_str() {
        "xlsx" if !unspecified => {
            return Err(invalid(
                "--format xlsx writes every element of the document, one row each: leave out --map and --all",
            ));
        }
        "xlsx" => return export_sheet(file, output, true),
        "csv" if unspecified => return export_sheet(file, output, false),
        _ => {}
    }
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
        one_slide_per_map: options.one_slide_per_map,
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

/// What `tiermap import` was asked to do, besides the files.
pub struct ImportOptions {
    pub sheet: Option<String>,
    pub valid_rows: bool,
    pub dry_run: bool,
}

pub fn import(
    source: &Path,
    output: Option<&Path>,
    into: Option<&Path>,
    options: &ImportOptions,
) -> Result<Outcome, AppError> {
    let target = match (output, into) {
        (Some(out), _) => ImportTarget::New(out),
        (None, Some(file)) => ImportTarget::Into(file),
        (None, None) => {
            return Err(invalid(
                "say where to import: -o NEW.tiermap or --into FILE.tiermap",
            ));
        }
    };
    let (preview, message) = importing::import_file(
        source,
        target,
        options.sheet.as_deref(),
        options.valid_rows,
        options.dry_run,
    )?;
    if options.dry_run {
        print_preview(&preview);
        return Ok(if preview.error_count > 0 {
            Outcome::Problem
        } else {
            Outcome::Done
        });
    }
    let written = match target {
        ImportTarget::New(out) | ImportTarget::Into(out) => out,
    };
    if preview.warning_count > 0 || preview.error_count > 0 {
        eprintln!(
            "{} errors and {} warnings (--dry-run lists them)",
            preview.error_count, preview.warning_count
        );
    }
    say!("{message} into {}", written.display());
    Ok(Outcome::Done)
}

fn counts(list: &[tiermap_app::wire::ImportCount]) -> String {
    list.iter()
        .map(|c| format!("{} {}", c.count, c.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The preview as text: what would be made and changed, then every issue.
fn print_preview(preview: &ImportPreview) {
    let rows = if preview.format == "ArchiMate" {
        "elements"
    } else {
        "rows"
    };
    say!(
        "{} ({}): {} {rows}, {} with errors",
        preview.file_name,
        preview.format,
        preview.rows,
        preview.rows_in_error
    );
    for note in &preview.notes {
        say!("  {note}");
    }
    if !preview.created.is_empty() {
        say!("New: {}", counts(&preview.created));
    }
    if preview.updated + preview.unchanged > 0 {
        say!(
            "Matched by id: {} updated, {} unchanged",
            preview.updated,
            preview.unchanged
        );
    }
    if !preview.changes.is_empty() {
        say!("Changes: {}", counts(&preview.changes));
    }
    if !preview.maps.is_empty() {
        say!("Maps: {}", preview.maps.join(", "));
    }
    for skipped in &preview.skipped {
        say!(
            "Not imported: {} {} (no counterpart in Tiermap), e.g. {}",
            skipped.count,
            skipped.what,
            skipped.examples.join(", ")
        );
    }
    for (severity, total) in [
        ("error", preview.error_count),
        ("warning", preview.warning_count),
    ] {
        let listed: Vec<_> = preview
            .issues
            .iter()
            .filter(|i| i.severity == severity)
            .collect();
        if listed.is_empty() {
            continue;
        }
        say!(
            "{}s ({total}):",
            if severity == "error" {
                "Error"
            } else {
                "Warning"
            }
        );
        for issue in listed {
            let place = [issue.place.as_str(), issue.column.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            let value = if issue.value.is_empty() {
                String::new()
            } else {
                format!(" '{}'", issue.value)
            };
            let at = format!("{place}{value}");
            say!(
                "  {}{}",
                if at.is_empty() {
                    String::new()
                } else {
                    format!("{at}: ")
                },
                issue.message
            );
        }
    }
    say!(
        "Once imported, the map checks find {} problems.",
        preview.problems_after
    );
}
