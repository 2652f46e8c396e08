//! Looking at a file before SQLite touches it. The header tells an SQLite
//! database from anything else, and ours from another application's, without
//! opening it through SQLite (which could change a foreign file).

use std::io::Read;
use std::path::Path;

use crate::error::StoreError;
use crate::schema::{APPLICATION_ID, SCHEMA_VERSION};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// Checks that `path` holds a Tiermap document this build can read, and
/// returns its schema version. Reads the first 100 bytes only.
pub(crate) fn probe(path: &Path) -> Result<i64, StoreError> {
    let io = |source: std::io::Error| StoreError::Io { path: path.to_owned(), source };
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StoreError::NotFound { path: path.to_owned() }),
        Err(e) => return Err(io(e)),
    };
    if file.metadata().map_err(io)?.is_dir() {
        return Err(StoreError::NotSqlite { path: path.to_owned() });
    }
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.by_ref().take(HEADER_LEN as u64).read_to_end(&mut header).map_err(io)?;
    if header.is_empty() {
        return Err(StoreError::Empty { path: path.to_owned() });
    }
    if header.len() < HEADER_LEN || &header[..16] != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite { path: path.to_owned() });
    }
    let be32 = |at: usize| i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let user_version = i64::from(be32(60));
    if be32(68) != APPLICATION_ID {
        return Err(StoreError::ForeignDatabase { path: path.to_owned() });
    }
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { path: path.to_owned(), found: user_version, supported: SCHEMA_VERSION });
    }
    Ok(user_version)
}
