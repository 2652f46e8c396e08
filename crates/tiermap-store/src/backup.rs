//! The copy kept beside an older document before a migration changes it:
//! `NAME.vN.bak`, or `NAME.vN.2.bak` and on when that exists, so an earlier
//! backup is never replaced. Taken after any leftover journal was played
//! back and while holding SQLite's read lock, so it is a whole, consistent
//! file; flushed to the disk (file and folder) before the migration starts.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::document_file::sqlite_error;
use crate::error::StoreError;
use crate::new_file::{create_exclusive, remove_if_same, sync_folder};
use crate::recovery::beside;

/// Writes the backup and returns its path.
pub(crate) fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    version: i64,
) -> Result<PathBuf, StoreError> {
    let (backup, mut out) = (1..)
        .map(|n| {
            if n == 1 {
                beside(path, &format!(".v{version}.bak"))
            } else {
                beside(path, &format!(".v{version}.{n}.bak"))
            }
        })
        .find_map(|candidate| match create_exclusive(&candidate) {
            Ok(file) => Some(Ok((candidate, file))),
            Err(StoreError::AlreadyExists { .. }) => None,
            Err(error) => Some(Err(error)),
        })
        .unwrap_or_else(|| {
            Err(StoreError::AlreadyExists {
                path: beside(path, ".bak"),
            })
        })?;
    let copied = (|| {
        // A read transaction: no other connection can commit while the bytes are copied.
        conn.execute_batch("BEGIN; SELECT count(*) FROM sqlite_schema;")
            .map_err(sqlite_error(path))?;
        let io = |source| StoreError::Io {
            path: backup.clone(),
            source,
        };
        let result = std::fs::File::open(path)
            .and_then(|mut from| std::io::copy(&mut from, &mut out))
            .and_then(|_| out.sync_all())
            .map_err(io);
        conn.execute_batch("COMMIT").map_err(sqlite_error(path))?;
        result?;
        sync_folder(&backup)
    })();
    match copied {
        Ok(()) => Ok(backup),
        Err(error) => {
            let _ = conn.execute_batch("ROLLBACK");
            remove_if_same(&backup, &out);
            Err(error)
        }
    }
}
