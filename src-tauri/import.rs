//! File > Import and files dropped on the window. The source's path stays in
//! Rust (the webview never names a file to read): the picker or the drop
//! remembers it and tells the window `import-picked`; the preview and the
//! import read that file, off the main thread. The work is tiermap-app's
//! importing.rs.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;
use tiermap_app::importing::PlannedImport;
use tiermap_app::wire::{ImportChoice, ImportOutcome, ImportPreview};
use tiermap_app::{AppError, ErrorCode};

use crate::open_file;
use crate::state::Shell;

/// Event: a source was chosen or dropped; its file name is the payload.
pub const PICKED: &str = "import-picked";

/// Remembers `path` as the source to import and tells the window.
fn offer(app: &AppHandle, path: PathBuf) {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    app.state::<Shell>().set_import_source(path);
    let _ = app.emit(PICKED, name);
}

/// Files dropped on the window: a Tiermap document opens, anything else is offered for import.
pub fn dropped(app: &AppHandle, paths: &[PathBuf]) {
    let Some(path) = paths.first() else { return };
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tiermap")) {
        open_file::open(app, path);
    } else {
        offer(app, path.clone());
    }
}

/// Shows the native open dialog for a spreadsheet or ArchiMate file.
#[tauri::command]
pub fn import_dialog(app: AppHandle) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Import a spreadsheet or ArchiMate file")
        .add_filter("Spreadsheets and ArchiMate", &["csv", "tsv", "txt", "xlsx", "xml"])
        .add_filter("All files", &["*"])
        .pick_file(move |picked| {
            if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
                offer(&handle, path);
            }
        });
}

fn source(shell: &Shell) -> Result<PathBuf, AppError> {
    shell.import_source().ok_or_else(|| AppError::new(ErrorCode::InvalidInput, "choose a file to import first (File > Import)"))
}

fn stopped(error: impl std::fmt::Display) -> AppError {
    AppError::new(ErrorCode::Io, format!("the import stopped: {error}"))
}

/// What importing the chosen source would do; changes nothing.
#[tauri::command]
pub async fn import_preview(shell: State<'_, Shell>, sheet: Option<String>) -> Result<ImportPreview, AppError> {
    let path = source(&shell)?;
    let doc = shell.session().snapshot()?;
    tauri::async_runtime::spawn_blocking(move || {
        PlannedImport::new(&doc, Path::new(&path), sheet.as_deref()).map(|planned| planned.preview(&doc, &path))
    })
    .await
    .map_err(stopped)?
}

/// Imports the chosen source as one undo step.
#[tauri::command]
pub async fn import_apply(app: AppHandle, sheet: Option<String>, valid_rows_only: bool) -> Result<ImportOutcome, AppError> {
    let path = source(&app.state::<Shell>())?;
    let choice = ImportChoice { path: path.display().to_string(), sheet, valid_rows_only };
    tauri::async_runtime::spawn_blocking(move || app.state::<Shell>().session().import_apply(&choice)).await.map_err(stopped)?
}
