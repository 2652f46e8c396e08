//! Tauri commands: adapters only. Each takes its arguments, calls one
//! function of tiermap-app on the window's session, and returns the result.
//! Errors cross as `{ code, message }` (tiermap_app::AppError). Canvas
//! gestures are in gestures.rs, the outline panel's edits in outline.rs.

mod gestures;
mod outline;
pub use gestures::*;
pub use outline::*;

use tauri::State;
use tiermap_app::AppError;
use tiermap_app::wire::{DocumentView, ItemMove, MapView, ProblemReport, RuleSettings, StartupView};

use crate::state::Shell;

#[tauri::command]
pub fn startup(shell: State<'_, Shell>) -> StartupView {
    shell.session().startup()
}

#[tauri::command]
pub fn document(shell: State<'_, Shell>) -> Result<DocumentView, AppError> {
    shell.session().document()
}

#[tauri::command]
pub fn map_view(shell: State<'_, Shell>, map_id: String) -> Result<MapView, AppError> {
    shell.session().map_view(&map_id)
}

#[tauri::command]
pub fn move_items(shell: State<'_, Shell>, map_id: String, moves: Vec<ItemMove>) -> Result<MapView, AppError> {
    shell.session().move_items(&map_id, &moves)
}

#[tauri::command]
pub fn undo(shell: State<'_, Shell>) -> Result<DocumentView, AppError> {
    shell.session().undo()
}

#[tauri::command]
pub fn redo(shell: State<'_, Shell>) -> Result<DocumentView, AppError> {
    shell.session().redo()
}

#[tauri::command]
pub fn open_dialog(app: tauri::AppHandle) {
    crate::open_file::pick_and_open(&app);
}

/// The window asked what the new document is for; the save dialog names it.
#[tauri::command]
pub fn new_document_dialog(app: tauri::AppHandle, model: String, map_name: String) {
    crate::open_file::pick_and_create(&app, model, map_name);
}

/// The documents opened lately, newest first, for the welcome screen.
#[tauri::command]
pub fn recent_documents(app: tauri::AppHandle) -> Vec<tiermap_app::wire::RecentDocument> {
    crate::recent::list(&app).iter().map(|path| tiermap_app::wire::RecentDocument::of(path)).collect()
}

/// Opens one of the recent documents, by its place in the list: the window never names a file to read.
#[tauri::command]
pub fn open_recent(app: tauri::AppHandle, index: usize) {
    if let Some(path) = crate::recent::list(&app).get(index) {
        crate::open_file::open(&app, path);
    }
}

#[tauri::command]
pub fn problems(shell: State<'_, Shell>, map_id: Option<String>) -> Result<ProblemReport, AppError> {
    shell.session().problems(map_id.as_deref())
}

#[tauri::command]
pub fn rule_settings(shell: State<'_, Shell>) -> Result<RuleSettings, AppError> {
    shell.session().rule_settings()
}

#[tauri::command]
pub fn set_rule_settings(shell: State<'_, Shell>, settings: RuleSettings) -> Result<RuleSettings, AppError> {
    shell.session().set_rule_settings(&settings)
}

/// Presentation mode: the window full screen without its menu bar, or back.
#[tauri::command]
pub fn present(window: tauri::WebviewWindow, on: bool) -> Result<(), AppError> {
    let failed = |e: tauri::Error| AppError::new(tiermap_app::ErrorCode::Io, format!("the window could not change: {e}"));
    window.set_fullscreen(on).map_err(failed)?;
    if on { window.hide_menu() } else { window.show_menu() }.map_err(failed)
}
