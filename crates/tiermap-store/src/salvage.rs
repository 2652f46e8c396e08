//! Reading everything that can still be read from a damaged document. Each
//! table is read in rowid order up to the first page that fails, then
//! backwards from the end down to the first that fails, then row by row in
//! between, so one damaged page costs only the rows on it. Rows that read
//! but break a model rule (a placement of an element that was lost) are
//! left out and counted, so the result is always a valid document.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Row};
use tiermap_model::{Document, Edit};

use crate::codec::{TABLES, Table, settings};
use crate::new_file::{remove_if_same, temporary_beside};
use crate::schema::migrate;

/// Gaps larger than this between the readable ends of a table are not
/// searched row by row (a damaged page can claim absurd row numbers).
const LARGEST_GAP: i64 = 1_000_000;

/// What a rescue kept and what it had to leave out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RescueReport {
    /// Records read and kept (elements, relations, maps, groups, …).
    pub kept: usize,
    /// Rows that could not be read at all, or broke a rule once read.
    pub lost: usize,
    /// One sentence per table that lost rows.
    pub losses: Vec<String>,
}

/// Rows of one table, as edits, and how many could not be read.
fn read_table(conn: &Connection, table: &Table) -> (Vec<(i64, Edit)>, usize) {
    let mut rows: Vec<(i64, Edit)> = Vec::new();
    let mut unreadable = 0;
    // The rowid comes last, so the table's reader finds its columns where it expects them.
    let rowid_column = table.columns.split(',').count();
    let read = |r: &Row| -> rusqlite::Result<(i64, rusqlite::Result<Edit>)> {
        Ok((r.get(rowid_column)?, (table.read)(r)))
    };
    let scan = |direction: &str,
                rows: &mut Vec<(i64, Edit)>,
                unreadable: &mut usize|
     -> (Option<i64>, bool) {
        let sql = format!(
            "SELECT {}, rowid FROM {} ORDER BY rowid {direction}",
            table.columns, table.name
        );
        let Ok(mut stmt) = conn.prepare(&sql) else {
            return (None, false);
        };
        let Ok(mut cursor) = stmt.query([]) else {
            return (None, false);
        };
        let mut last = None;
        loop {
            match cursor.next() {
                Ok(Some(row)) => match read(row) {
                    Ok((rowid, edit)) => {
                        last = Some(rowid);
                        match edit {
                            Ok(edit) => rows.push((rowid, edit)),
                            Err(_) => *unreadable += 1,
                        }
                    }
                    Err(_) => return (last, false),
                },
                Ok(None) => return (last, true),
                Err(_) => return (last, false),
            }
        }
    };
    let (forward_last, whole) = scan("ASC", &mut rows, &mut unreadable);
    if whole {
        return (rows, unreadable);
    }
    let mut tail = Vec::new();
    let (backward_last, _) = scan("DESC", &mut tail, &mut unreadable);
    let from = forward_last.unwrap_or(0) + 1;
    let to = backward_last.unwrap_or(from) - 1;
    if to >= from && to - from < LARGEST_GAP {
        let sql = format!(
            "SELECT {}, rowid FROM {} WHERE rowid = ?1",
            table.columns, table.name
        );
        if let Ok(mut stmt) = conn.prepare(&sql) {
            for rowid in from..=to {
                match stmt.query_row([rowid], read) {
                    Ok((rowid, Ok(edit))) => rows.push((rowid, edit)),
                    Err(rusqlite::Error::QueryReturnedNoRows) => {}
                    Ok((_, Err(_))) | Err(_) => unreadable += 1,
                }
            }
        }
    } else if to >= from {
        unreadable += 1;
    }
    rows.extend(tail);
    rows.sort_by_key(|(rowid, _)| *rowid);
    rows.dedup_by_key(|(rowid, _)| *rowid);
    (rows, unreadable)
}

/// Everything readable from the file `path` (open as `conn`). When SQLite's
/// own list of tables is damaged, it is read through a copy whose schema
/// pages are those of a new document (see [`fresh_schema_copy`]).
pub(crate) fn salvage_file(conn: &Connection, path: &Path) -> (Document, RescueReport) {
    if conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .is_ok()
    {
        return salvage(conn);
    }
    let through_copy = fresh_schema_copy(path).and_then(|copy| {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let result = Connection::open_with_flags(copy.path(), flags)
            .ok()
            .map(|conn| salvage(&conn));
        drop(copy);
        result
    });
    let (doc, mut report) = through_copy.unwrap_or_default();
    report.lost += 1;
    report
        .losses
        .insert(0, "SQLite's list of the tables was damaged".to_owned());
    (doc, report)
}

/// A file in the temporary folder, removed when dropped.
struct Scratch(PathBuf, std::fs::File);

impl Scratch {
    fn new() -> Option<Scratch> {
        let base = std::env::temp_dir().join(format!("tiermap-rescue-{}", std::process::id()));
        let (path, file) = temporary_beside(&base).ok()?;
        Some(Scratch(path, file))
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        remove_if_same(&self.0, &self.1);
    }
}

/// The bytes of a new, empty document, the first pages of its tables and
/// its page size (made once per process, in memory only).
fn new_document_pages() -> Option<(Vec<u8>, Vec<i64>, i64)> {
    let mut conn = Connection::open_in_memory().ok()?;
    migrate(&mut conn, 0).ok()?;
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).ok()?;
    let roots: Vec<i64> = conn
        .prepare("SELECT rootpage FROM sqlite_schema WHERE rootpage > 0")
        .ok()?
        .query_map([], |r| r.get(0))
        .ok()?
        .collect::<Result<_, _>>()
        .ok()?;
    let fresh = conn.serialize(rusqlite::MAIN_DB).ok()?.to_vec();
    Some((fresh, roots, page_size))
}

/// A copy of the damaged file with SQLite's schema pages (page 1 and the
/// pages of its list of tables) taken from a new, empty document. Tiermap
/// makes every document through the same migrations from an empty file, so
/// each table's first page has the same number in every document of this
/// schema version; the copy lets SQLite find the tables again.
fn fresh_schema_copy(path: &Path) -> Option<Scratch> {
    let damaged = std::fs::read(path).ok()?;
    let (fresh, roots, page_size) = new_document_pages()?;
    let page = usize::try_from(page_size).ok()?;
    if damaged.len() < fresh.len()
        || u16::from_be_bytes([damaged[16], damaged[17]]) as usize != page
    {
        return None;
    }
    let mut patched = damaged.clone();
    for number in 1..=fresh.len() / page {
        if !roots.contains(&(number as i64)) {
            let at = (number - 1) * page;
            patched[at..at + page].copy_from_slice(&fresh[at..at + page]);
        }
    }
    // The header of the new document, with the damaged file's page count
    // and no free-page list (its pages are not trusted).
    patched[28..32].copy_from_slice(&((damaged.len() / page) as u32).to_be_bytes());
    patched[32..40].fill(0);
    let copy = Scratch::new()?;
    std::fs::write(copy.path(), patched).ok()?;
    Some(copy)
}

/// Everything readable, as a valid document, with what was lost.
fn salvage(conn: &Connection) -> (Document, RescueReport) {
    let mut doc = Document::new();
    let mut report = RescueReport::default();
    for table in &TABLES {
        let (rows, unreadable) = read_table(conn, table);
        let mut pending: Vec<Edit> = rows.into_iter().map(|(_, edit)| edit).collect();
        // A group may come before its parent: apply in rounds until none fits.
        loop {
            let before = pending.len();
            pending.retain(|edit| doc.apply(edit).is_err());
            if pending.is_empty() || pending.len() == before || table.name != "groups" {
                break;
            }
        }
        let lost = unreadable + pending.len();
        report.lost += lost;
        if lost > 0 {
            report.losses.push(format!(
                "{lost} rows of {} could not be read or referred to records that were lost",
                table.name
            ));
        }
    }
    if let Ok(Some(edit)) = settings(conn) {
        let _ = doc.apply(&edit);
    }
    report.kept = doc.to_edits().len();
    (doc, report)
}
