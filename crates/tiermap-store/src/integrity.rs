//! Whether a document's pages are whole. SQLite's `integrity_check` reads
//! every page, so it is not part of opening (tens of milliseconds on a
//! large document): the app runs it once the window shows, on a connection
//! of its own, and [`crate::DocumentFile`] runs it before the first write
//! if nobody has yet, so no write ever goes into a file that fails it.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::document_file::sqlite_error;
use crate::error::StoreError;

/// What is known about a document's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrity {
    /// Not checked yet: reading works, writing checks first.
    Unchecked,
    /// The check found nothing wrong.
    Sound,
    /// The check failed (what SQLite found first) or loading met damage:
    /// the document opens read-only and can be rescued into a new file.
    Damaged(String),
}

/// At most this many of SQLite's findings are kept in the message.
const FINDINGS: usize = 3;

/// Runs the check on a read-only connection of its own, so a caller may
/// run it off the thread that holds the document.
pub fn check_file(path: &Path) -> Result<Integrity, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sqlite_error(path))?;
    conn.busy_timeout(Duration::from_secs(2))
        .map_err(sqlite_error(path))?;
    check(&conn, path)
}

pub(crate) fn check(conn: &Connection, path: &Path) -> Result<Integrity, StoreError> {
    let findings: Result<Vec<String>, rusqlite::Error> = conn
        .prepare(&format!("PRAGMA integrity_check({FINDINGS})"))
        .and_then(|mut stmt| stmt.query_map([], |r| r.get::<_, String>(0))?.collect());
    match findings {
        Ok(findings) if findings == ["ok"] => Ok(Integrity::Sound),
        Ok(findings) => Ok(Integrity::Damaged(findings.join("; "))),
        // The check itself could not read the file: that is damage too.
        Err(error) => match sqlite_error(path)(error) {
            StoreError::Corrupt { detail, .. } => Ok(Integrity::Damaged(detail)),
            other => Err(other),
        },
    }
}
