//! Errors of moving documents in and out (importing.rs, exporting.rs) as AppErrors.

use tiermap_export::ExportError;
use tiermap_import::ImportError;

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
            ImportError::TooLarge { .. }
            | ImportError::TooManyRows { .. }
            | ImportError::Empty { .. }
            | ImportError::Syntax { .. }
            | ImportError::NotTiermap { .. }
            | ImportError::Invalid { .. }
            | ImportError::Malformed { .. }
            | ImportError::NoSuchSheet { .. }
            | ImportError::UnknownFormat { .. } => ErrorCode::InvalidInput,
        };
        AppError::new(code, error.to_string())
    }
}
