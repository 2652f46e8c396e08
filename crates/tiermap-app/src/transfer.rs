//! Moving documents in: import into a new document (shared by the CLI and,
//! later, the app). Export is exporting.rs; errors of both become AppErrors here.

use std::path::Path;

use tiermap_export::ExportError;
use tiermap_import::ImportError;
use tiermap_store::DocumentFile;

use crate::error::{AppError, ErrorCode};

impl From<ExportError> for AppError {
    fn from(error: ExportError) -> Self {
        let code = match &error {
            ExportError::NoMaps | ExportError::UnknownMap(_) | ExportError::BadScale(_) => ErrorCode::InvalidInput,
            _ => ErrorCode::Io,
        };
        AppError::new(code, error.to_string())
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
