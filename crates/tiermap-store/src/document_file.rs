//! An open .tiermap file: the SQLite connection and the in-memory document,
//! kept equal. Every change goes through [`DocumentFile::apply`]: checked by
//! the model, written in one transaction with its history entry, and only
//! then visible in memory. When `apply` returns Ok, the change is on disk.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, MAIN_DB, OpenFlags};
use tiermap_model::{Document, Edit};

use crate::backup::backup_before_migration;
use crate::bulk;
use crate::codec::{self, LoadError};
use crate::error::StoreError;
use crate::history::{self, HistoryEntry};
use crate::integrity::{self, Integrity};
use crate::new_file::{
    identity_at, identity_of, publish, remove_abandoned_beside, remove_if_same, temporary_beside,
};
use crate::probe::judge;
use crate::recovery::prepare;
use crate::salvage::{RescueReport, salvage_file};
use crate::schema::{SCHEMA_VERSION, migrate, short_reason};

/// An open document file.
pub struct DocumentFile {
    path: PathBuf,
    // Declared before `_writer_lock` so it closes first: the lock's file
    // handle is released only after SQLite is done with the file.
    conn: Connection,
    doc: Document,
    read_only: bool,
    /// Whether the pages were checked, and how that went.
    integrity: Integrity,
    /// What opening did besides reading (a migration and its backup).
    notes: Vec<String>,
    /// What opening a damaged document could not read.
    rescued: RescueReport,
    /// Held by the one process that may write the document (flock).
    _writer_lock: Option<std::fs::File>,
}

impl std::fmt::Debug for DocumentFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentFile")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

/// Takes the document's writer lock, or says who has it. The lock is an
/// advisory flock on the file itself, released when the process ends, even
/// by SIGKILL, so a crash never leaves a document locked.
fn writer_lock(path: &Path) -> Result<std::fs::File, StoreError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .open(path)
        .map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: path.to_owned(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Maps an SQLite error to what it means for the person opening `path`.
pub(crate) fn sqlite_error(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_owned(),
            detail: source.to_string(),
        },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Locked {
            path: path.to_owned(),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_owned(),
        },
        _ => StoreError::Sqlite {
            path: path.to_owned(),
            source,
        },
    }
}

/// Settings of every connection that writes: an explicit rollback journal
/// in DELETE mode (the journal exists only during a commit, so a closed
/// document is one file), and synchronous = EXTRA (each commit syncs the
/// journal, the file, and the folder after the journal is removed, so a
/// power cut cannot bring the journal back and roll an acknowledged commit
/// back).
fn configure(conn: &Connection, path: &Path, writer: bool) -> Result<(), StoreError> {
    let to_error = sqlite_error(path);
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(&to_error)?;
    conn.busy_timeout(std::time::Duration::from_secs(2))
        .map_err(&to_error)?;
    if writer {
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .map_err(&to_error)?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::WalMode {
                path: path.to_owned(),
                reason: "another program has it open".into(),
            });
        }
        conn.pragma_update(None, "synchronous", "EXTRA")
            .map_err(&to_error)?;
        // Statement journals (a change's way back within its transaction)
        // in memory rather than in temporary files.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(&to_error)?;
    }
    Ok(())
}

/// What an open is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Write,
    Read,
}

impl DocumentFile {
    /// Creates a new, empty document; see [`DocumentFile::create_with`].
    pub fn create(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::create_with(path, &[])
    }

    /// Creates a new document holding `edits` as its starting content. The
    /// content is not an undo step: undo never empties a new document.
    ///
    /// The document is made whole in a file of its own beside `path` and
    /// only then given its name, with a hard link: a crash never leaves a
    /// half-made document under that name, and a file that is there, or
    /// appears meanwhile, is never replaced or removed (a lost race is
    /// [`StoreError::AlreadyExists`]).
    pub fn create_with(path: impl AsRef<Path>, edits: &[Edit]) -> Result<Self, StoreError> {
        let path = path.as_ref();
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::AlreadyExists {
                path: path.to_owned(),
            });
        }
        remove_abandoned_beside(path);
        let (tmp, made) = temporary_beside(path)?;
        let doc = match Self::build(&tmp, edits)
            .and_then(|doc| publish(&tmp, path, None).map(|()| doc))
        {
            Ok(doc) => doc,
            Err(error) => {
                remove_if_same(&tmp, &made);
                return Err(error);
            }
        };
        // The name now leads to the file this process holds locked.
        let lock = if identity_of(&made) == identity_at(path) {
            made
        } else {
            writer_lock(path)?
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(sqlite_error(path))?;
        configure(&conn, path, true)?;
        Ok(DocumentFile {
            path: path.to_owned(),
            conn,
            doc,
            read_only: false,
            integrity: Integrity::Sound,
            notes: Vec::new(),
            rescued: RescueReport::default(),
            _writer_lock: Some(lock),
        })
    }

    /// Writes a whole new document into the empty file `tmp` (locked by
    /// `temporary_beside`, so no other writer can open it half made).
    fn build(tmp: &Path, edits: &[Edit]) -> Result<Document, StoreError> {
        let to_error = sqlite_error(tmp);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(tmp, flags).map_err(&to_error)?;
        configure(&conn, tmp, true)?;
        migrate(&mut conn, 0).map_err(&to_error)?;
        let mut doc = Document::new();
        doc.apply_all(edits)?;
        // The document as the edits leave it, each record written once.
        bulk::write_document(&mut conn, &doc).map_err(&to_error)?;
        Ok(doc)
    }

    /// Opens a document for reading and writing: read-only if the file's
    /// permissions say so, refused ([`StoreError::Locked`]) while another
    /// process or window writes it. A change cut off by a crash is rolled
    /// back first; an older schema is migrated after a backup copy is
    /// written beside it.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(path.as_ref(), Purpose::Write)
    }

    /// Opens a document that will not be changed. Works while another
    /// process writes it (it sees each committed change on reopening). A
    /// change cut off by a crash is still rolled back first (the file then
    /// holds its last committed state); an older schema is brought up to
    /// date in memory only.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(path.as_ref(), Purpose::Read)
    }

    fn open_with(path: &Path, purpose: Purpose) -> Result<Self, StoreError> {
        let (header, length) = prepare(path)?;
        let version = judge(path, &header, length, true)?;
        let to_error = sqlite_error(path);
        // Permissions decide, not only SQLite: root may write a read-only file,
        // but the person who made it read-only expects it left alone.
        let read_only = purpose == Purpose::Read
            || std::fs::metadata(path)
                .map(|m| m.permissions().readonly())
                .unwrap_or(false);
        let writer_lock = if read_only {
            None
        } else {
            let lock = writer_lock(path)?;
            remove_abandoned_beside(path);
            Some(lock)
        };
        let access = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        };
        let mut conn = Connection::open_with_flags(path, access | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(&to_error)?;
        configure(&conn, path, !read_only)?;
        let read_only = read_only || conn.is_readonly(MAIN_DB).map_err(&to_error)?;
        let mut notes = Vec::new();
        if version < SCHEMA_VERSION {
            let failed = |error: rusqlite::Error| StoreError::MigrationFailed {
                path: path.to_owned(),
                from: version,
                to: SCHEMA_VERSION,
                reason: short_reason(&error),
            };
            if read_only {
                // Never migrate for a reader: bring a copy up to date in memory.
                conn = in_memory_copy(&conn).map_err(&to_error)?;
                migrate(&mut conn, version).map_err(failed)?;
                notes.push(format!("schema version {version} read as version {SCHEMA_VERSION} in memory; the file was not changed"));
            } else {
                // A migration is a write: never into a damaged file.
                if let Integrity::Damaged(detail) = integrity::check(&conn, path)? {
                    return Err(StoreError::Damaged {
                        path: path.to_owned(),
                        detail,
                    });
                }
                let backup = backup_before_migration(&conn, path, version)?;
                if let Err(error) = migrate(&mut conn, version) {
                    let _ = std::fs::remove_file(&backup);
                    return Err(failed(error));
                }
                notes.push(format!("brought up from schema version {version} to {SCHEMA_VERSION}; the file as it was is kept in {}", backup.display()));
            }
        }
        // No integrity check here: it reads every page (tens of ms at 10k
        // elements). judge() caught truncation; damage inside the tables
        // surfaces as Corrupt while loading reads them; the full check runs
        // after opening (check_integrity) and always before the first write.
        let doc = codec::load(&conn).map_err(|e| match e {
            LoadError::Sqlite(source) => to_error(source),
            LoadError::Model(source) => StoreError::Corrupt {
                path: path.to_owned(),
                detail: source.to_string(),
            },
        })?;
        Ok(DocumentFile {
            path: path.to_owned(),
            conn,
            doc,
            read_only,
            integrity: Integrity::Unchecked,
            notes,
            rescued: RescueReport::default(),
            _writer_lock: writer_lock,
        })
    }

    /// Opens a damaged document read-only with everything that can still be
    /// read (see [`RescueReport`]): what the app shows under its banner, and
    /// what [`DocumentFile::rescue`] writes into a new file. Refuses only
    /// what is not a Tiermap document at all.
    pub fn open_damaged(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        let (header, length) = prepare(path)?;
        let version = judge(path, &header, length, false)?;
        let to_error = sqlite_error(path);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(&to_error)?;
        configure(&conn, path, false)?;
        if version < SCHEMA_VERSION {
            conn = in_memory_copy(&conn).map_err(&to_error)?;
            migrate(&mut conn, version).map_err(|error| StoreError::MigrationFailed {
                path: path.to_owned(),
                from: version,
                to: SCHEMA_VERSION,
                reason: short_reason(&error),
            })?;
        }
        let (doc, report) = salvage_file(&conn, path);
        let detail = match integrity::check(&conn, path) {
            Ok(Integrity::Damaged(detail)) => detail,
            _ if report.lost > 0 => report.losses.join("; "),
            _ => "its records break the model's rules".to_owned(),
        };
        Ok(DocumentFile {
            path: path.to_owned(),
            conn,
            doc,
            read_only: true,
            integrity: Integrity::Damaged(detail),
            notes: report.losses.clone(),
            rescued: report,
            _writer_lock: None,
        })
    }

    /// Writes everything readable into the new document `dest` (never
    /// replacing a file), without the undo history, and says what was kept
    /// and what was lost. The damaged file is not changed.
    pub fn rescue(&self, dest: impl AsRef<Path>) -> Result<RescueReport, StoreError> {
        let edits = self.doc.to_edits();
        drop(Self::create_with(dest.as_ref(), &edits)?);
        Ok(RescueReport {
            kept: edits.len(),
            ..self.rescued.clone()
        })
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

    /// What opening did besides reading, for the person to be told.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// What is known about the pages of the file.
    pub fn integrity(&self) -> &Integrity {
        &self.integrity
    }

    /// Runs SQLite's integrity check (every page is read) and keeps the
    /// result: a damaged document is written to no more.
    pub fn check_integrity(&mut self) -> Result<&Integrity, StoreError> {
        let result = integrity::check_file(&self.path)?;
        self.record_integrity(result);
        Ok(&self.integrity)
    }

    /// Keeps the result of a check run elsewhere ([`crate::check_file`] on
    /// another thread). A damaged finding is never forgotten.
    pub fn record_integrity(&mut self, result: Integrity) {
        if !matches!(self.integrity, Integrity::Damaged(_)) {
            self.integrity = result;
        }
    }

    /// Refuses a write into a read-only or damaged document; checks the
    /// pages first when nobody has yet, so nothing is written into a file
    /// that fails the check.
    fn writable(&mut self) -> Result<(), StoreError> {
        if let Integrity::Damaged(detail) = &self.integrity {
            return Err(StoreError::Damaged {
                path: self.path.clone(),
                detail: detail.clone(),
            });
        }
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        if self.integrity == Integrity::Unchecked {
            let result = integrity::check(&self.conn, &self.path)?;
            self.record_integrity(result);
        }
        match &self.integrity {
            Integrity::Damaged(detail) => Err(StoreError::Damaged {
                path: self.path.clone(),
                detail: detail.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// Applies a gesture (a list of edits) as one undo step and returns its
    /// history number, or None when the gesture changes nothing (a drag that
    /// ends where it started): such a gesture leaves no undo step.
    /// On error neither the file nor the document changed.
    pub fn apply(&mut self, label: &str, edits: &[Edit]) -> Result<Option<i64>, StoreError> {
        self.writable()?;
        let edits: Vec<Edit> = edits
            .iter()
            .filter(|e| !self.doc.is_noop(e))
            .cloned()
            .collect();
        if edits.is_empty() {
            return Ok(None);
        }
        let inverse = self.doc.apply_all(&edits)?;
        let written = self.write(&edits, |conn| {
            history::record(conn, label, &edits, &inverse)
        });
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
        let found = if undo {
            history::last_done(&self.conn)
        } else {
            history::first_undone(&self.conn)
        };
        let (seq, label, edits_json) =
            found
                .map_err(sqlite_error(&self.path))?
                .ok_or(StoreError::NothingTo {
                    action: if undo { "undo" } else { "redo" },
                })?;
        let edits: Vec<Edit> =
            serde_json::from_str(&edits_json).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                detail: format!("history entry {seq}: {e}"),
            })?;
        let inverse = self.doc.apply_all(&edits)?;
        let written = self.write(&edits, |conn| history::mark(conn, seq, undo).map(|_| seq));
        if written.is_err() {
            let _ = self.doc.apply_all(&inverse);
        }
        written.map(|_| label)
    }

    /// Writes edits and one history change in a single transaction.
    fn write(
        &mut self,
        edits: &[Edit],
        log: impl FnOnce(&Connection) -> rusqlite::Result<i64>,
    ) -> Result<i64, StoreError> {
        let to_error = sqlite_error(&self.path);
        let tx = self.conn.transaction().map_err(&to_error)?;
        // References are checked once, at the commit, instead of as each
        // row goes in (the commit fails if one does not hold): a large
        // gesture (an import into the document) needs no journal per row.
        tx.pragma_update(None, "defer_foreign_keys", true)
            .map_err(&to_error)?;
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

    /// Writes a consistent copy of the document to the new file `dest`
    /// (through the SQLite backup API into a file of its own beside it,
    /// flushed, then given its name with a hard link). Never replaces a
    /// file: one that exists, or appears while the copy is made, makes it
    /// fail with [`StoreError::AlreadyExists`] and is left as it was.
    pub fn save_as(&self, dest: impl AsRef<Path>) -> Result<(), StoreError> {
        self.copy_to(dest.as_ref(), false)
    }

    /// Writes a copy over the existing Tiermap document `dest`, which the
    /// person chose to replace: refused while another process writes it
    /// (it is locked while it is replaced), and when it is not a Tiermap
    /// document at all; replaced in one rename.
    pub fn replace_with_copy(&self, dest: impl AsRef<Path>) -> Result<(), StoreError> {
        self.copy_to(dest.as_ref(), true)
    }

    fn copy_to(&self, dest: &Path, replacing: bool) -> Result<(), StoreError> {
        if let Integrity::Damaged(detail) = &self.integrity {
            return Err(StoreError::Damaged {
                path: self.path.clone(),
                detail: detail.clone(),
            });
        }
        let existing = if replacing {
            crate::probe::check_kind(dest)?;
            let lock = writer_lock(dest)?;
            // A journal left beside the file being replaced belongs to it:
            // played back now, it can never be played into the copy.
            let (header, length) = prepare(dest)?;
            judge(dest, &header, length, false)?;
            let identity = identity_of(&lock).ok_or(StoreError::AlreadyExists {
                path: dest.to_owned(),
            })?;
            Some((lock, identity))
        } else {
            None
        };
        remove_abandoned_beside(dest);
        let (tmp, tmp_file) = temporary_beside(dest)?;
        let result = (|| {
            let to_error = sqlite_error(dest);
            self.conn
                .backup(MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>)
                .map_err(&to_error)?;
            tmp_file.sync_all().map_err(|source| StoreError::Io {
                path: dest.to_owned(),
                source,
            })?;
            publish(&tmp, dest, existing.as_ref().map(|(_, identity)| *identity))
        })();
        if result.is_err() {
            remove_if_same(&tmp, &tmp_file);
        }
        result
    }
}

/// A copy of the database in memory, for reading an older schema without
/// changing the file.
fn in_memory_copy(conn: &Connection) -> rusqlite::Result<Connection> {
    let mut memory = Connection::open_in_memory()?;
    rusqlite::backup::Backup::new(conn, &mut memory)?.run_to_completion(
        256,
        std::time::Duration::ZERO,
        None,
    )?;
    memory.pragma_update(None, "foreign_keys", true)?;
    Ok(memory)
}
