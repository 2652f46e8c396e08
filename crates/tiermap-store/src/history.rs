//! The undo history, stored in the file so undo and redo survive a restart.
//! Entries are gestures; the newest entries marked undone form the redo stack.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use tiermap_model::Edit;

/// One entry of the history as the CLI and the app list it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub seq: i64,
    pub label: String,
    pub edits: usize,
    pub undone: bool,
    pub created_at: String,
}

fn to_json(edits: &[Edit]) -> String {
    // Edits hold only strings, numbers and enums: serialising cannot fail.
    serde_json::to_string(edits).unwrap_or_else(|_| "[]".into())
}

pub(crate) fn record(
    conn: &Connection,
    label: &str,
    forward: &[Edit],
    inverse: &[Edit],
) -> rusqlite::Result<i64> {
    // A new gesture ends the redo stack.
    conn.prepare_cached("DELETE FROM history WHERE undone = 1")?
        .execute([])?;
    conn.prepare_cached(
        "INSERT INTO history (label, forward, inverse, created_at)
         VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    )?
    .execute(params![label, to_json(forward), to_json(inverse)])?;
    Ok(conn.last_insert_rowid())
}

/// The newest entry still done: what undo takes back.
pub(crate) fn last_done(conn: &Connection) -> rusqlite::Result<Option<(i64, String, String)>> {
    conn.prepare_cached(
        "SELECT seq, label, inverse FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
    )?
    .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .optional()
}

/// The oldest entry undone: what redo brings back.
pub(crate) fn first_undone(conn: &Connection) -> rusqlite::Result<Option<(i64, String, String)>> {
    conn.prepare_cached(
        "SELECT seq, label, forward FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
    )?
    .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .optional()
}

pub(crate) fn mark(conn: &Connection, seq: i64, undone: bool) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE history SET undone = ?2 WHERE seq = ?1")?
        .execute(params![seq, undone])?;
    Ok(())
}

/// Whether there is something to undo and something to redo.
pub(crate) fn state(conn: &Connection) -> rusqlite::Result<(bool, bool)> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM history WHERE undone = 0), EXISTS (SELECT 1 FROM history WHERE undone = 1)",
    )?
    .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
}

pub(crate) fn list(conn: &Connection) -> rusqlite::Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT seq, label, json_array_length(forward), undone, created_at FROM history ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(HistoryEntry {
            seq: r.get(0)?,
            label: r.get(1)?,
            edits: r.get::<_, i64>(2)? as usize,
            undone: r.get(3)?,
            created_at: r.get(4)?,
        })
    })?;
    rows.collect()
}
