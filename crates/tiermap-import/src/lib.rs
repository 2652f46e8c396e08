//! Readers that turn outside files into Tiermap edits.
//!
//! Promises:
//! - Never panics on bad input; every error names the file and the place
//!   in it (line and column, row and column, or the record) and says what is wrong.
//! - What a reader returns has been checked by the model: applied to the
//!   document it was planned against, it succeeds.
//! - Input size is bounded before anything is parsed, and so is what a
//!   compressed file may unpack to.
//!
//! The pieces: `json.rs` reads Tiermap's own interchange file into a new
//! document. Spreadsheets go `csv.rs` / `xlsx.rs` → [`Table`] → `sheet.rs` →
//! [`Incoming`]; ArchiMate goes `archimate.rs` → [`Incoming`]; `merge.rs`
//! turns an [`Incoming`] into edits against a document (matching earlier
//! imports by id) and `maps.rs` builds the maps its structure shows.

mod archimate;
mod csv;
mod incoming;
mod json;
#[cfg(test)]
mod linear_tests;
mod maps;
mod merge;
mod sheet;
mod source;
mod table;
mod text;
mod work;
mod xlsx;
mod xml;

pub use archimate::{archimate_from_bytes, read_archimate};
pub use csv::{csv_from_bytes, read_csv};
pub use incoming::{
    Claim, Incoming, IncomingElement, IncomingKpi, IncomingOwnership, IncomingRelation, Issue,
    Origin, Ref, Severity, Skipped,
};
pub use json::{json_from_bytes, read_json};
pub use merge::{ImportPlan, Summary, plan};
pub use sheet::interpret;
pub use source::{Source, SourceFormat, read_source};
pub use table::{SpannedCell, Table, TableRow, Workbook};
pub use text::printable;
pub use xlsx::{read_xlsx, xlsx_from_bytes};

use std::path::PathBuf;

/// Largest input file read, in bytes.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;
/// Largest CSV file read: far beyond any real portfolio (10,000 rows are
/// about 2 MB), small enough that reading one stays well within memory.
pub const MAX_TABLE_BYTES: u64 = 64 * 1024 * 1024;
/// Most rows a sheet may have. An import holds every row, the plan and the
/// document it makes in memory at once: 100,000 rows take about 0.7 GB
/// (BENCHMARKS.md), so 200,000 stay within the memory of an ordinary
/// laptop. A larger sheet is refused (naming its row count) rather than left
/// to run out of memory: split it and import the parts with --into.
pub const MAX_TABLE_ROWS: usize = 200_000;

/// Reads a whole file after checking its size against `limit`.
fn read_bounded(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    use std::io::Read;
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // take(): a file that grows while it is read still stops at the limit.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {size} bytes is more than the {limit} bytes Tiermap reads")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{path}: the sheet has {rows} rows, more than the {limit} Tiermap imports at once; \
         split it into parts of at most {limit} rows and import them one after another (--into)"
    )]
    TooManyRows {
        path: PathBuf,
        rows: usize,
        limit: usize,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: line {line}, column {column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: not a Tiermap JSON file (it has no \"format\": \"tiermap\")")]
    NotTiermap { path: PathBuf },
    #[error(
        "{path}: Tiermap JSON version {found} is not supported (this version reads version {supported})"
    )]
    UnsupportedVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: {location}: {message}")]
    Invalid {
        path: PathBuf,
        location: String,
        message: String,
    },
    /// The file is not what its name says, or is damaged (not a workbook, a
    /// zip that unpacks to far more than it holds, XML with external entities).
    #[error("{path}: {message}")]
    Malformed { path: PathBuf, message: String },
    #[error("{path}: there is no sheet named '{sheet}'; the sheets are: {}", sheets.join(", "))]
    NoSuchSheet {
        path: PathBuf,
        sheet: String,
        sheets: Vec<String>,
    },
    #[error(
        "{path}: Tiermap imports .csv, .tsv, .txt, .xlsx, .xml (ArchiMate) and .json files, not '{extension}'"
    )]
    UnknownFormat { path: PathBuf, extension: String },
}
