//! The .tiermap document file: one SQLite database per document.
//!
//! Promises:
//! - A change cut off by a crash is rolled back, and a WAL-mode file is made
//!   one file again, before anything is judged about the file, for readers
//!   too; whoever cannot write that is told what to do.
//! - A path is recognised before SQLite writes to it: missing, not a plain
//!   file (each kind), empty, not SQLite, another application's database, a
//!   newer or impossible schema each give their own error naming the file,
//!   and the file is left as it was.
//! - The schema is created and changed only by the numbered migrations in
//!   `migrations/`, recorded in `PRAGMA user_version`; `application_id`
//!   marks the file as ours; STRICT tables, foreign keys on.
//! - An edit acknowledged by [`DocumentFile::apply`] is committed to disk
//!   together with its history entry, and survives a crash or a power cut
//!   (rollback journal in DELETE mode, synchronous = EXTRA: the document
//!   stays one file).
//! - Creating and Save As never replace or remove a file someone else made;
//!   what a maker that died left beside a document (its locked file being
//!   made, no longer locked) is removed when a writer next works there.
//! - No write goes into a file that fails SQLite's integrity check; a
//!   damaged file opens read-only with what can be read, and can be rescued.
//! - Undo and redo are read from the file, so they survive a restart.

mod backup;
mod bulk;
mod codec;
mod document_file;
mod error;
mod history;
mod integrity;
mod new_file;
mod probe;
mod recovery;
mod salvage;
mod schema;

pub use document_file::DocumentFile;
pub use error::StoreError;
pub use history::HistoryEntry;
pub use integrity::{Integrity, check_file};
pub use salvage::RescueReport;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
