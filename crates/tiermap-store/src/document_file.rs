//! An open .tiermap file: the SQLite connection and the in-memory document,
//! kept equal. Every change goes through [`DocumentFile::apply`]: checked by
//! the model, written in one transaction with its history entry, and only
//! then visible in memory. When `apply` returns Ok, the change is on disk.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, MAIN_DB, OpenFlags};
use tiermap_model::{Document, Edit};

use crate::codec::{self, LoadError};
use crate::error::StoreError;
use crate::history::{self, HistoryEntry};
use crate::probe::probe;
use crate::schema::{SCHEMA_VERSION, migrate};

/// An open document file.
pub struct DocumentFile {
    path: PathBuf,
    // Declared before `_writer_lock` so it closes first: the lock's file
    // handle is released only after SQLite is done with the file.
    conn: Connection,
    doc: Document,
    read_only: bool,
    /// Held by the one process that may write the document (flock).
    _writer_lock: Option<std::fs::File>,
}

impl std::fmt::Debug for DocumentFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentFile").field("path", &self.path).field("read_only", &self.read_only).finish()
    }
}

/// Takes the document's writer lock, or says who has it. The lock is an
/// advisory flock on the file itself, released when the process ends, even
/// by SIGKILL, so a crash never leaves a document locked.
fn writer_lock(path: &Path) -> Result<std::fs::File, StoreError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .open(path)
        .map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked { path: path.to_owned() }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::Io { path: path.to_owned(), source }),
    }
}

/// Maps an SQLite error to what it means for the person opening `path`.
pub(crate) fn sqlite_error(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path: path.to_owned(), detail: source.to_string() }
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Locked { path: path.to_owned() },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path: path.to_owned() },
        _ => StoreError::Sqlite { path: path.to_owned(), source },
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    // FULL: a commit is on the disk before it returns (acknowledged = durable).
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(2))
}

impl DocumentFile {
    /// Creates a new, empty document. Refuses to overwrite an existing file.
    pub fn create(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        if path.exists() {
            return Err(StoreError::AlreadyExists { path: path.to_owned() });
        }
        let result = (|| {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let mut conn = Connection::open_with_flags(path, flags).map_err(sqlite_error(path))?;
            let lock = writer_lock(path)?;
            configure(&conn).map_err(sqlite_error(path))?;
            migrate(&mut conn, 0).map_err(sqlite_error(path))?;
            Ok((conn, lock))
        })();
        match result {
            Ok((conn, lock)) => {
                Ok(DocumentFile { path: path.to_owned(), conn, doc: Document::new(), read_only: false, _writer_lock: Some(lock) })
            }
            Err(error) => {
                let _ = std::fs::remove_file(path);
                Err(error)
            }
        }
    }

    /// Creates a new document holding `edits` as its starting content. The
    /// content is not an undo step: undo never empties a new document.
    pub fn create_with(path: impl AsRef<Path>, edits: &[Edit]) -> Result<Self, StoreError> {
        let path = path.as_ref();
        let mut file = Self::create(path)?;
        let result = file
            .doc
            .apply_all(edits)
            .map_err(StoreError::from)
            .and_then(|_| file.write(edits, |_| Ok(0)));
        match result {
            Ok(_) => Ok(file),
            Err(error) => {
                drop(file);
                let _ = std::fs::remove_file(path);
                Err(error)
            }
        }
    }

    /// Opens a document for reading and writing: read-only if the file's
    /// permissions say so, refused ([`StoreError::Locked`]) while another
    /// process or window writes it. An older schema is migrated after a
    /// backup copy is written beside it.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(path.as_ref(), false)
    }

    /// Opens a document that will not be changed. Works while another
    /// process writes it (it sees each committed change on reopening).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(path.as_ref(), true)
    }

    fn open_with(path: &Path, read_only: bool) -> Result<Self, StoreError> {
        let version = probe(path)?;
        let to_error = sqlite_error(path);
        // Permissions decide, not only SQLite: root may write a read-only file,
        // but the person who made it read-only expects it left alone.
        let read_only = read_only
            || std::fs::metadata(path).map(|m| m.permissions().readonly()).unwrap_or(false);
        let writer_lock = if read_only { None } else { Some(writer_lock(path)?) };
        let access = if read_only { OpenFlags::SQLITE_OPEN_READ_ONLY } else { OpenFlags::SQLITE_OPEN_READ_WRITE };
        let mut conn = Connection::open_with_flags(path, access | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(&to_error)?;
        configure(&conn).map_err(&to_error)?;
        let read_only = read_only || conn.is_readonly(MAIN_DB).map_err(&to_error)?;
        // No full integrity check here: it reads every page (tens of ms at 10k
        // elements). probe() caught truncation; damage inside the tables
        // surfaces as Corrupt while loading reads them.
        if version < SCHEMA_VERSION {
            if read_only {
                return Err(StoreError::ReadOnly { path: path.to_owned() });
            }
            backup_before_migration(path, version)?;
            migrate(&mut conn, version).map_err(&to_error)?;
        }
        let doc = codec::load(&conn).map_err(|e| match e {
            LoadError::Sqlite(source) => to_error(source),
            LoadError::Model(source) => StoreError::Corrupt { path: path.to_owned(), detail: source.to_string() },
        })?;
        Ok(DocumentFile { path: path.to_owned(), conn, doc, read_only, _writer_lock: writer_lock })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.read_only { Err(StoreError::ReadOnly { path: self.path.clone() }) } else { Ok(()) }
    }

    /// Applies a gesture (a list of edits) as one undo step and returns its
    /// history number, or None when the gesture changes nothing (a drag that
    /// ends where it started): such a gesture leaves no undo step.
    /// On error neither the file nor the document changed.
    pub fn apply(&mut self, label: &str, edits: &[Edit]) -> Result<Option<i64>, StoreError> {
        self.writable()?;
        let edits: Vec<Edit> = edits.iter().filter(|e| !self.doc.is_noop(e)).cloned().collect();
        if edits.is_empty() {
            return Ok(None);
        }
        let inverse = self.doc.apply_all(&edits)?;
        let written = self.write(&edits, |conn| history::record(conn, label, &edits, &inverse));
        if written.is_err() {
            // Put memory back as the file still is.
            let _ = self.doc.apply_all(&inverse);
        }
        written.map(Some)
    }

    /// Takes back the newest gesture; returns its label.
    pub fn undo(&mut self) -> Result<String, StoreError> {
        self.step(true)
    }

    /// Brings back the gesture undone last; returns its label.
    pub fn redo(&mut self) -> Result<String, StoreError> {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> Result<String, StoreError> {
        self.writable()?;
        let found = if undo { history::last_done(&self.conn) } else { history::first_undone(&self.conn) };
        let (seq, label, edits_json) = found
            .map_err(sqlite_error(&self.path))?
            .ok_or(StoreError::NothingTo { action: if undo { "undo" } else { "redo" } })?;
        let edits: Vec<Edit> = serde_json::from_str(&edits_json)
            .map_err(|e| StoreError::Corrupt { path: self.path.clone(), detail: format!("history entry {seq}: {e}") })?;
        let inverse = self.doc.apply_all(&edits)?;
        let written = self.write(&edits, |conn| history::mark(conn, seq, undo).map(|_| seq));
        if written.is_err() {
            let _ = self.doc.apply_all(&inverse);
        }
        written.map(|_| label)
    }

    /// Writes edits and one history change in a single transaction.
    fn write(&mut self, edits: &[Edit], log: impl FnOnce(&Connection) -> rusqlite::Result<i64>) -> Result<i64, StoreError> {
        let to_error = sqlite_error(&self.path);
        let tx = self.conn.transaction().map_err(&to_error)?;
        for edit in edits {
            codec::write(&tx, edit).map_err(&to_error)?;
        }
        let seq = log(&tx).map_err(&to_error)?;
        tx.commit().map_err(&to_error)?;
        Ok(seq)
    }

    /// Whether undo and redo have something to do: (can undo, can redo).
    pub fn undo_state(&self) -> Result<(bool, bool), StoreError> {
        history::state(&self.conn).map_err(sqlite_error(&self.path))
    }

    /// The gestures of this document, oldest first.
    pub fn history(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        history::list(&self.conn).map_err(sqlite_error(&self.path))
    }

    /// Writes a consistent copy of the document to `dest` (through the SQLite
    /// backup API into a temporary file, then renamed into place).
    /// Refuses to replace a document that another process is writing.
    pub fn save_as(&self, dest: impl AsRef<Path>) -> Result<(), StoreError> {
        let dest = dest.as_ref();
        if dest.exists() {
            drop(writer_lock(dest)?);
        }
        let tmp = dest.with_extension("tiermap-saving");
        let to_error = sqlite_error(dest);
        let _ = std::fs::remove_file(&tmp);
        self.conn.backup(MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>).map_err(&to_error)?;
        std::fs::rename(&tmp, dest).map_err(|source| {
            let _ = std::fs::remove_file(&tmp);
            StoreError::Io { path: dest.to_owned(), source }
        })
    }
}

/// Copies `path` to `path.vN.bak` before a migration changes it.
fn backup_before_migration(path: &Path, version: i64) -> Result<(), StoreError> {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".v{version}.bak"));
    let backup = path.with_file_name(name);
    std::fs::copy(path, &backup).map(|_| ()).map_err(|source| StoreError::Io { path: backup, source })
}
