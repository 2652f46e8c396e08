//! Readers that turn outside files into Tiermap edits.
//!
//! Promises:
//! - Never panics on bad input; every error names the file and the place
//!   in it (line and column, or the record) and says what is wrong.
//! - What a reader returns has been checked by the model: applied to an
//!   empty document it succeeds.
//! - Input size is bounded before anything is parsed.

mod json;

pub use json::read_json;

use std::path::PathBuf;

/// Largest input file read, in bytes.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {size} bytes is more than the {limit} bytes Tiermap reads")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: line {line}, column {column}: {message}")]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: not a Tiermap JSON file (it has no \"format\": \"tiermap\")")]
    NotTiermap { path: PathBuf },
    #[error("{path}: Tiermap JSON version {found} is not supported (this version reads version {supported})")]
    UnsupportedVersion { path: PathBuf, found: u32, supported: u32 },
    #[error("{path}: {location}: {message}")]
    Invalid { path: PathBuf, location: String, message: String },
}
