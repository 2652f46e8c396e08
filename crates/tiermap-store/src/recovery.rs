//! What happens to a file before anything is judged about it. A change cut
//! off by a crash or a power cut leaves a rollback journal beside the file
//! (`NAME-journal`); until SQLite plays it back, the file itself may hold a
//! half-written header or size. And a file someone switched to SQLite's WAL
//! mode keeps committed changes in `NAME-wal`. Both are put right here,
//! through SQLite itself, for readers too: the result holds exactly the last
//! committed state, in one file.
//!
//! Only Tiermap's own files are touched: the header (or, when the header is
//! torn, the journal's copy of the first page) must carry Tiermap's
//! application id, or the journal must say the file was empty before.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::document_file::sqlite_error;
use crate::error::StoreError;
use crate::probe::{HEADER_LEN, Header, read_header};

/// The first bytes of every rollback journal with a valid header.
const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// `NAME` + `suffix`, beside `NAME`.
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// What a leftover journal says, read without SQLite.
enum Journal {
    /// None beside the file, or one SQLite would not play back (empty, or
    /// its header zeroed).
    Idle,
    /// One to play back, of a Tiermap document.
    Ours,
    /// One to play back, of a file that is not (known to be) Tiermap's.
    Foreign,
}

fn read_journal(path: &Path, header: &[u8]) -> Journal {
    let Ok(mut file) = std::fs::File::open(beside(path, "-journal")) else {
        return Journal::Idle;
    };
    // Header (28 bytes), then padding to the sector size, then the first
    // page record: its page number and the page as it was.
    let mut start = vec![0u8; 28];
    let Ok(read) = file.read(&mut start) else {
        return Journal::Idle;
    };
    if read == 0 || start[0] == 0 {
        return Journal::Idle;
    }
    if Header(header).is_ours() {
        return Journal::Ours;
    }
    if read < 28 || start[..8] != JOURNAL_MAGIC {
        return Journal::Foreign;
    }
    let be32 =
        |at: usize| u32::from_be_bytes([start[at], start[at + 1], start[at + 2], start[at + 3]]);
    // The file was empty when the change began: a document being created.
    if be32(16) == 0 {
        return Journal::Ours;
    }
    let sector = u64::from(be32(20)).clamp(512, 65_536);
    let mut record = vec![0u8; 4 + HEADER_LEN];
    let first_page_is_ours = std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(sector))
        .is_ok()
        && file.read_exact(&mut record).is_ok()
        && u32::from_be_bytes([record[0], record[1], record[2], record[3]]) == 1
        && Header(&record[4..]).is_ours();
    if first_page_is_ours {
        Journal::Ours
    } else {
        Journal::Foreign
    }
}

/// Why this process may not write the file, judged by permissions as the
/// rest of the store does (root could write a read-only file, but the
/// person who made it read-only expects it left alone).
fn why_not_writable(path: &Path) -> Option<String> {
    let read_only = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.permissions().readonly())
            .unwrap_or(false)
    };
    if read_only(path) {
        return Some("the file is read-only".into());
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if read_only(folder) {
        return Some("its folder is read-only".into());
    }
    None
}

fn connect(path: &Path) -> Result<Connection, StoreError> {
    // Never SQLITE_OPEN_CREATE: the file exists, and must not be made anew.
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite_error(path))?;
    conn.busy_timeout(Duration::from_secs(2))
        .map_err(sqlite_error(path))?;
    Ok(conn)
}

/// An SQLite error while putting the file right, as the person needs it:
/// a file or folder it could not write is [`StoreError::NeedsRecovery`].
fn cannot_write(error: StoreError, wrap: impl Fn(String) -> StoreError) -> StoreError {
    match error {
        StoreError::ReadOnly { .. } => wrap("it could not be written".into()),
        StoreError::Sqlite { source, .. }
            if matches!(
                source.sqlite_error_code(),
                Some(
                    rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::SystemIoFailure
                        | rusqlite::ErrorCode::PermissionDenied
                )
            ) =>
        {
            wrap(format!("it could not be written ({source})"))
        }
        StoreError::Io { source, .. } => wrap(format!("it could not be written ({source})")),
        other => other,
    }
}

/// Plays back a leftover journal and turns a WAL-mode file into one file,
/// then returns the header and length to judge. Files that are not plain
/// files, or not Tiermap's, are left exactly as they are.
pub(crate) fn prepare(path: &Path) -> Result<(Vec<u8>, u64), StoreError> {
    let (mut header, mut length) = read_header(path)?;
    match read_journal(path, &header) {
        Journal::Idle | Journal::Foreign => {}
        Journal::Ours => {
            let needs = |reason: String| StoreError::NeedsRecovery {
                path: path.to_owned(),
                reason,
            };
            if let Some(reason) = why_not_writable(path) {
                return Err(needs(reason));
            }
            // The first read takes SQLite's shared lock, which plays a hot
            // journal back (or finds it is another writer's live one).
            let conn = connect(path).map_err(|e| cannot_write(e, needs))?;
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(sqlite_error(path))
            .map_err(|e| cannot_write(e, needs))?;
            drop(conn);
            (header, length) = read_header(path)?;
        }
    }
    if Header(&header).is_wal() && Header(&header).is_ours() {
        let refused = |reason: String| StoreError::WalMode {
            path: path.to_owned(),
            reason,
        };
        if let Some(reason) = why_not_writable(path) {
            return Err(refused(reason));
        }
        let conn = connect(path).map_err(|e| cannot_write(e, refused))?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .map_err(sqlite_error(path))
            .map_err(|e| match e {
                StoreError::Locked { .. } => refused("another program has it open".into()),
                other => cannot_write(other, refused),
            })?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(refused("another program has it open".into()));
        }
        drop(conn);
        (header, length) = read_header(path)?;
    }
    Ok((header, length))
}
