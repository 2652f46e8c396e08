//! Writers that turn a Tiermap document into files for other tools.
//!
//! Promises:
//! - Deterministic: the same document gives byte-identical output.
//! - A file is written completely or not at all (temporary file, then rename).

mod json;
mod output;

pub use json::json;
pub use output::write_atomically;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io { path: std::path::PathBuf, source: std::io::Error },
}
