//! Moving documents in and out: export to other formats, import into a new
//! document. Shared by the CLI and (later) the app's dialogs.

use std::path::Path;

use tiermap_export::ExportError;
use tiermap_import::ImportError;
use tiermap_store::DocumentFile;

use crate::error::{AppError, ErrorCode};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
}

impl std::str::FromStr for ExportFormat {
    type Err = AppError;
    fn from_str(word: &str) -> Result<Self, AppError> {
        match word.to_ascii_lowercase().as_str() {
            "json" => Ok(ExportFormat::Json),
            other => Err(AppError::new(ErrorCode::InvalidInput, format!("'{other}' is not an export format (json)"))),
        }
    }
}

impl From<ExportError> for AppError {
    fn from(error: ExportError) -> Self {
        AppError::new(ErrorCode::Io, error.to_string())
    }
}

impl From<ImportError> for AppError {
    fn from(error: ImportError) -> Self {
        let code = match &error {
            ImportError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => ErrorCode::NotFound,
            ImportError::Io { .. } => ErrorCode::Io,
            ImportError::UnsupportedVersion { .. } => ErrorCode::NewerSchema,
            ImportError::TooLarge { .. } | ImportError::Syntax { .. } | ImportError::NotTiermap { .. } | ImportError::Invalid { .. } => {
                ErrorCode::InvalidInput
            }
        };
        AppError::new(code, error.to_string())
    }
}

/// Writes the document at `document` as `format` to `out`. Works while the
/// document is open elsewhere (it is read, never changed).
pub fn export(document: &Path, format: ExportFormat, out: &Path) -> Result<(), AppError> {
    let file = DocumentFile::open_read_only(document)?;
    let bytes = match format {
        ExportFormat::Json => tiermap_export::json(file.doc()).into_bytes(),
    };
    tiermap_export::write_atomically(out, &bytes)?;
    Ok(())
}

/// What an import made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub elements: usize,
    pub maps: usize,
}

/// Reads `source` (by its extension) into a new document at `out`. Nothing
/// is written unless the whole source is valid.
pub fn import_new(source: &Path, out: &Path) -> Result<ImportSummary, AppError> {
    let extension = source.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let edits = match extension.as_str() {
        "json" => tiermap_import::read_json(source)?,
        _ => {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("{}: Tiermap imports .json files (spreadsheets and ArchiMate come later)", source.display()),
            ));
        }
    };
    let file = DocumentFile::create_with(out, &edits)?;
    Ok(ImportSummary { elements: file.doc().elements().count(), maps: file.doc().maps().len() })
}
