//! The .tiermap document file: one SQLite database per document.
//!
//! Promises:
//! - A file is recognised before SQLite writes to it: missing, empty, not
//!   SQLite, another application's database, or a newer schema each give
//!   their own error naming the file, and the file is left as it was.
//! - The schema is created and changed only by the numbered migrations in
//!   `migrations/`, recorded in `PRAGMA user_version`; `application_id`
//!   marks the file as ours; STRICT tables, foreign keys on.
//! - An edit acknowledged by [`DocumentFile::apply`] is committed to disk
//!   together with its history entry (synchronous = FULL, rollback journal:
//!   the document stays one file).
//! - Undo and redo are read from the file, so they survive a restart.

mod backup;
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
