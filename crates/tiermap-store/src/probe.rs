//! Looking at a file before SQLite touches it. What the path is (a folder, a
//! pipe, a link to nowhere), then the 100-byte header: an SQLite database or
//! anything else, ours or another application's, a file cut short or whole.
//! Nothing here writes, and nothing opens a path that is not a plain file, so
//! a named pipe can never make a command wait.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use crate::error::StoreError;
use crate::schema::{APPLICATION_ID, SCHEMA_VERSION};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
pub(crate) const HEADER_LEN: usize = 100;

/// Refuses every path that is not a plain file (after following links),
/// each with its own message, without opening it.
pub(crate) fn check_kind(path: &Path) -> Result<(), StoreError> {
    let owned = || path.to_owned();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(StoreError::SymlinkLoop { path: owned() });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(match std::fs::read_link(path) {
                Ok(target) => StoreError::BrokenLink {
                    path: owned(),
                    target,
                },
                Err(_) => StoreError::NotFound { path: owned() },
            });
        }
        Err(source) => {
            return Err(StoreError::Io {
                path: owned(),
                source,
            });
        }
    };
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    Err(if kind.is_dir() {
        StoreError::Folder { path: owned() }
    } else if kind.is_fifo() {
        StoreError::NotAFile {
            path: owned(),
            kind: "a named pipe",
        }
    } else if kind.is_socket() {
        StoreError::NotAFile {
            path: owned(),
            kind: "a socket",
        }
    } else if kind.is_block_device() || kind.is_char_device() {
        StoreError::NotAFile {
            path: owned(),
            kind: "a device",
        }
    } else {
        StoreError::NotAFile {
            path: owned(),
            kind: "not a plain file",
        }
    })
}

/// The first bytes of a file (at most 100) and its length. The file is
/// opened without blocking and checked again once open, so a pipe swapped
/// in after [`check_kind`] is refused instead of waited on.
pub(crate) fn read_header(path: &Path) -> Result<(Vec<u8>, u64), StoreError> {
    check_kind(path)?;
    let io = |source: std::io::Error| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if !metadata.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_owned(),
            kind: "not a plain file",
        });
    }
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.take(HEADER_LEN as u64)
        .read_to_end(&mut header)
        .map_err(io)?;
    Ok((header, metadata.len()))
}

/// The header fields Tiermap looks at.
pub(crate) struct Header<'a>(pub &'a [u8]);

impl Header<'_> {
    pub(crate) fn is_sqlite(&self) -> bool {
        self.0.len() >= HEADER_LEN && &self.0[..16] == SQLITE_MAGIC
    }

    fn be32(&self, at: usize) -> i32 {
        i32::from_be_bytes([self.0[at], self.0[at + 1], self.0[at + 2], self.0[at + 3]])
    }

    /// Whether the header is a whole SQLite header marked as Tiermap's.
    pub(crate) fn is_ours(&self) -> bool {
        self.is_sqlite() && self.be32(68) == APPLICATION_ID
    }

    /// Write-ahead-log mode: the file format versions at bytes 18 and 19 are 2.
    pub(crate) fn is_wal(&self) -> bool {
        self.is_sqlite() && (self.0[18] == 2 || self.0[19] == 2)
    }
}

/// Judges a file from its header and length, and returns its schema
/// version: empty, not SQLite, another application's database, a version
/// from the future or one no Tiermap wrote, or cut short (only when
/// `cut_short_is_damage`: a rescue reads what is there).
pub(crate) fn judge(
    path: &Path,
    bytes: &[u8],
    length: u64,
    cut_short_is_damage: bool,
) -> Result<i64, StoreError> {
    let header = Header(bytes);
    if bytes.is_empty() {
        return Err(StoreError::Empty {
            path: path.to_owned(),
        });
    }
    if !header.is_sqlite() {
        return Err(StoreError::NotSqlite {
            path: path.to_owned(),
        });
    }
    if !header.is_ours() {
        return Err(StoreError::ForeignDatabase {
            path: path.to_owned(),
        });
    }
    let user_version = i64::from(header.be32(60));
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: user_version,
            supported: SCHEMA_VERSION,
        });
    }
    if user_version < 0 {
        return Err(StoreError::UnknownSchema {
            path: path.to_owned(),
            found: user_version,
        });
    }
    // A truncated file: the header says how many pages the database has
    // (when its "valid for" counter matches the change counter).
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let pages = u64::from(header.be32(28) as u32);
    let header_valid = header.be32(92) == header.be32(24);
    if cut_short_is_damage && header_valid && pages > 0 && length < page_size * pages {
        let detail = format!(
            "the file is {length} bytes, its database needs {} bytes: it was cut short",
            page_size * pages
        );
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            detail,
        });
    }
    Ok(user_version)
}
