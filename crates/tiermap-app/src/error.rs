//! Errors as they cross to the UI and the CLI: a stable code to branch on and
//! a message to show. Codes never change meaning; messages may be reworded.

use serde::Serialize;
use tiermap_store::StoreError;
use ts_rs::TS;

/// What went wrong, as a stable code. The UI branches on these, never on text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    EmptyFile,
    NotADocument,
    ForeignDatabase,
    NewerSchema,
    /// A schema version no Tiermap writes (negative), or a migration that failed.
    UnknownSchema,
    MigrationFailed,
    Corrupt,
    /// The document failed its integrity check: it opens read-only and can be rescued.
    Damaged,
    /// A change cut off by a crash must be rolled back (or a WAL-mode file
    /// converted), and the file or its folder cannot be written.
    NeedsRecovery,
    AlreadyExists,
    ReadOnly,
    Locked,
    Io,
    Database,
    InvalidEdit,
    NothingToUndo,
    NothingToRedo,
    NoDocument,
    UnknownId,
    InvalidInput,
}

/// An error for the person using the app: `{ code, message }` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Empty { .. } => ErrorCode::EmptyFile,
            StoreError::NotSqlite { .. }
            | StoreError::Folder { .. }
            | StoreError::NotAFile { .. }
            | StoreError::SymlinkLoop { .. } => ErrorCode::NotADocument,
            StoreError::BrokenLink { .. } => ErrorCode::NotFound,
            StoreError::NeedsRecovery { .. } | StoreError::WalMode { .. } => {
                ErrorCode::NeedsRecovery
            }
            StoreError::UnknownSchema { .. } => ErrorCode::UnknownSchema,
            StoreError::MigrationFailed { .. } => ErrorCode::MigrationFailed,
            StoreError::Damaged { .. } => ErrorCode::Damaged,
            StoreError::ForeignDatabase { .. } => ErrorCode::ForeignDatabase,
            StoreError::NewerSchema { .. } => ErrorCode::NewerSchema,
            StoreError::Corrupt { .. } => ErrorCode::Corrupt,
            StoreError::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            StoreError::ReadOnly { .. } => ErrorCode::ReadOnly,
            StoreError::Locked { .. } => ErrorCode::Locked,
            StoreError::Io { .. } => ErrorCode::Io,
            StoreError::Sqlite { .. } => ErrorCode::Database,
            StoreError::Model(_) => ErrorCode::InvalidEdit,
            StoreError::NothingTo { action: "undo" } => ErrorCode::NothingToUndo,
            StoreError::NothingTo { .. } => ErrorCode::NothingToRedo,
        };
        AppError::new(code, error.to_string())
    }
}

impl From<tiermap_model::ModelError> for AppError {
    fn from(error: tiermap_model::ModelError) -> Self {
        AppError::new(ErrorCode::InvalidEdit, error.to_string())
    }
}
