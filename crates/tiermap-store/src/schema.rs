//! The file format's identity and its numbered migrations.

use rusqlite::Connection;

/// `PRAGMA application_id` of every .tiermap file: "TMAP" in ASCII.
pub const APPLICATION_ID: i32 = 0x544D_4150;

/// The migrations, in order; migration N brings `user_version` from N-1 to N.
/// Append only: a shipped migration is never edited.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/001_initial.sql")];

/// The schema version this build writes and reads up to.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Runs the migrations from `from` up to [`SCHEMA_VERSION`] in one transaction.
pub(crate) fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()
}

/// The one sentence SQLite gave for a failed migration, without the SQL
/// it was running (which can be thousands of characters).
pub(crate) fn short_reason(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        rusqlite::Error::SqliteFailure(code, None) => code.to_string(),
        other => other
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}
