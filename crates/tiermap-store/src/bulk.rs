//! Writing a whole new document at once. A document made by an import of
//! 100,000 rows is about a million records; written one edit at a time as
//! [`crate::codec::write`] does for a gesture (an upsert each, every foreign
//! key checked as its row goes in, each statement with a journal of its own
//! in a temporary file) that took most of the import's time.
//!
//! Here the records are the final state of the document, each written once
//! with a plain INSERT (the file is new: no row can conflict), foreign keys
//! are checked once for the whole file with `PRAGMA foreign_key_check` in
//! the same transaction before it commits, and statement journals stay in
//! memory. The rules do not change: one transaction, a foreign key that does
//! not hold fails the whole write, and the caller removes the half-made file.

use rusqlite::Connection;
use tiermap_model::{Document, validate::ValidationSettings};

use crate::codec::{self, Put};

/// Page cache of the connection writing a new document, in KiB: enough to
/// hold the indexes of a 100,000-row import, so pages are written once at
/// the commit instead of being spilled and rewritten (SQLite's default is
/// 2 MiB). Only as much is taken as the file needs.
const CACHE_KIB: i64 = 128 * 1024;

/// Writes every record of `doc` into the freshly migrated, empty file of
/// `conn`, in one transaction.
pub(crate) fn write_document(conn: &mut Connection, doc: &Document) -> rusqlite::Result<()> {
    // `foreign_keys` cannot change inside a transaction: switched off before
    // it begins, and back on after, whatever happened.
    conn.pragma_update(None, "foreign_keys", false)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    let written = insert_all(conn, doc);
    let restored = conn.pragma_update(None, "foreign_keys", true);
    written.and(restored)
}

fn insert_all(conn: &mut Connection, doc: &Document) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    let insert = Put::Insert as usize;
    {
        // Each statement prepared once for its table.
        let mut stmt = tx.prepare(codec::ELEMENT[insert])?;
        for e in doc.elements() {
            codec::run_element(&mut stmt, e)?;
        }
        let mut stmt = tx.prepare(codec::RELATION[insert])?;
        for r in doc.relations() {
            codec::run_relation(&mut stmt, r)?;
        }
        let mut stmt = tx.prepare(codec::MAP[insert])?;
        for m in doc.maps() {
            codec::run_map(&mut stmt, m)?;
        }
        let mut stmt = tx.prepare(codec::GROUP[insert])?;
        for g in doc.groups() {
            codec::run_group(&mut stmt, g)?;
        }
        let mut stmt = tx.prepare(codec::PLACEMENT[insert])?;
        for p in doc.placements() {
            codec::run_placement(&mut stmt, p)?;
        }
        let mut stmt = tx.prepare(codec::OWNERSHIP[insert])?;
        for o in doc.ownerships() {
            codec::run_ownership(&mut stmt, o)?;
        }
        let mut stmt = tx.prepare(codec::KPI[insert])?;
        for k in doc.kpis() {
            codec::run_kpi(&mut stmt, k)?;
        }
        let mut stmt = tx.prepare(codec::SCORE[insert])?;
        for s in doc.scores() {
            codec::run_score(&mut stmt, s)?;
        }
        let mut stmt = tx.prepare(codec::ACTIVITY[insert])?;
        for a in doc.activities() {
            codec::run_activity(&mut stmt, a)?;
        }
    }
    if *doc.validation_settings() != ValidationSettings::default() {
        codec::put_settings(&tx, doc.validation_settings(), Put::Insert)?;
    }
    check_foreign_keys(&tx)?;
    tx.commit()
}

/// Fails, naming the first row, when any reference does not hold.
pub(crate) fn check_foreign_keys(conn: &Connection) -> rusqlite::Result<()> {
    let mut check = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = check.query([])?;
    if let Some(row) = rows.next()? {
        let table: String = row.get(0)?;
        let rowid: Option<i64> = row.get(1)?;
        let parent: String = row.get(2)?;
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!(
                "a row of {table} (rowid {}) refers to a row of {parent} that is not there",
                rowid.map_or("none".to_owned(), |r| r.to_string())
            )),
        ));
    }
    Ok(())
}
