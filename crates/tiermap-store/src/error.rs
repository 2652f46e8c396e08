//! The store's one error type. Every variant that concerns a file names it,
//! because the person reading the message may have several open.

use std::path::PathBuf;

use tiermap_model::ModelError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: the file is empty, not a Tiermap document")]
    Empty { path: PathBuf },
    #[error("{path}: not a Tiermap document (not an SQLite database)")]
    NotSqlite { path: PathBuf },
    #[error("{path}: an SQLite database of another application, not a Tiermap document")]
    ForeignDatabase { path: PathBuf },
    #[error("{path}: made by a newer Tiermap (schema version {found}; this version reads up to {supported})")]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },
    #[error("{path}: the document is damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: a file already exists there")]
    AlreadyExists { path: PathBuf },
    #[error("{path}: the document is open read-only, so it cannot be changed")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the document is open in another Tiermap window or process")]
    Locked { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: database error: {source}")]
    Sqlite { path: PathBuf, source: rusqlite::Error },
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("nothing to {action}")]
    NothingTo { action: &'static str },
}
