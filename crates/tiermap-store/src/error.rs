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
    #[error("{path}: a folder, not a Tiermap document")]
    Folder { path: PathBuf },
    /// A named pipe, socket or device: never opened, so nothing can hang on it.
    #[error("{path}: {kind}, not a Tiermap document")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path}: a symbolic link that leads back to itself, not a Tiermap document")]
    SymlinkLoop { path: PathBuf },
    #[error("{path}: a symbolic link to {target}, which does not exist")]
    BrokenLink { path: PathBuf, target: PathBuf },
    #[error(
        "{path}: a change was cut off (the program writing it stopped or the power failed) and must be rolled back \
         before the document can be read, but {reason}; make the file and its folder writable, or copy the file together \
         with its -journal file into a writable folder, and open it again"
    )]
    NeedsRecovery { path: PathBuf, reason: String },
    #[error(
        "{path}: the document is in SQLite's WAL mode, which keeps changes in files beside it; Tiermap converts it back to \
         a single file before using it, but {reason}; make the file and its folder writable and open it again"
    )]
    WalMode { path: PathBuf, reason: String },
    #[error(
        "{path}: schema version {found}, which no version of Tiermap writes; the file was left as it was"
    )]
    UnknownSchema { path: PathBuf, found: i64 },
    #[error(
        "{path}: could not be brought from schema version {from} up to {to} ({reason}); the file was left as it was"
    )]
    MigrationFailed {
        path: PathBuf,
        from: i64,
        to: i64,
        reason: String,
    },
    #[error(
        "{path}: the document failed its integrity check ({detail}), so Tiermap will not write to it; \
         rescue what can be read into a new document"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error("{path}: an SQLite database of another application, not a Tiermap document")]
    ForeignDatabase { path: PathBuf },
    #[error(
        "{path}: made by a newer Tiermap (schema version {found}; this version reads up to {supported})"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: the document is damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: a file already exists there")]
    AlreadyExists { path: PathBuf },
    #[error("{path}: the document is open read-only, so it cannot be changed")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the document is open in another Tiermap window or process")]
    Locked { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: database error: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("nothing to {action}")]
    NothingTo { action: &'static str },
}
