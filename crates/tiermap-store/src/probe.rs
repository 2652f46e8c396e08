//! Looking at a file before SQLite touches it. The header tells an SQLite
//! database from anything else, ours from another application's, and a file
//! cut short from a whole one, without opening it through SQLite (which could
//! change a foreign file) and without reading more than 100 bytes.

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
    // A truncated file: the header says how many pages the database has
    // (when its "valid for" counter matches the change counter).
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let pages = u64::from(be32(28) as u32);
    let header_valid = be32(92) == be32(24);
    let length = file.metadata().map_err(io)?.len();
    if header_valid && pages > 0 && length < page_size * pages {
        let detail = format!("the file is {length} bytes, its database needs {} bytes: it was cut short", page_size * pages);
        return Err(StoreError::Corrupt { path: path.to_owned(), detail });
    }
    Ok(user_version)
}
