//! `tiermap undo|redo|history FILE`: the document's undo history from a terminal.

use std::path::Path;

use tiermap_app::{AppError, ErrorCode};
use tiermap_store::DocumentFile;

use crate::Outcome;

pub fn undo(path: &Path) -> Result<Outcome, AppError> {
    step(path, true)
}

pub fn redo(path: &Path) -> Result<Outcome, AppError> {
    step(path, false)
}

fn step(path: &Path, undo: bool) -> Result<Outcome, AppError> {
    let mut file = DocumentFile::open(path)?;
    // A migration and where its backup is: the person should know.
    for note in file.notes() {
        eprintln!("tiermap: {}: {note}", path.display());
    }
    let result = if undo { file.undo() } else { file.redo() };
    match result.map_err(AppError::from) {
        Ok(label) => {
            say!("{} {label}", if undo { "Undid:" } else { "Redid:" });
            Ok(Outcome::Done)
        }
        Err(error)
            if matches!(
                error.code,
                ErrorCode::NothingToUndo | ErrorCode::NothingToRedo
            ) =>
        {
            eprintln!("tiermap: {}: {error}", path.display());
            Ok(Outcome::Problem)
        }
        Err(error) => Err(error),
    }
}

pub fn list(path: &Path) -> Result<Outcome, AppError> {
    let file = DocumentFile::open_read_only(path)?;
    let entries = file.history()?;
    if entries.is_empty() {
        say!("No changes yet.");
    }
    for entry in entries {
        let state = if entry.undone { "undone" } else { "done" };
        say!(
            "{:>5}  {:<24}  {:<6}  {:>5} edits  {}",
            entry.seq,
            entry.created_at,
            state,
            entry.edits,
            entry.label
        );
    }
    Ok(Outcome::Done)
}
