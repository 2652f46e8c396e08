//! File > Export: the preview, the native save dialog and the export itself
//! on a worker thread, with `export-progress` after each map and
//! `export-finished` at the end. The work is tiermap-app's exporting.rs.

use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;
use tiermap_app::AppError;
use tiermap_app::exporting;
use tiermap_app::wire::ExportChoice;

use crate::state::Shell;

/// Events the export dialog listens to.
pub const PROGRESS: &str = "export-progress";
pub const FINISHED: &str = "export-finished";

/// The map as it will be exported (PNG data URL), drawn off the main thread.
#[tauri::command]
pub async fn export_preview(shell: State<'_, Shell>, map_id: String) -> Result<String, AppError> {
    let doc = shell.session().snapshot()?;
    tauri::async_runtime::spawn_blocking(move || exporting::preview(&doc, &map_id))
        .await
        .map_err(|e| AppError::new(tiermap_app::ErrorCode::Io, format!("the preview stopped: {e}")))?
}

/// Asks where to save, then exports there. A refused choice is the error;
/// otherwise this returns once the dialog is up, and the result comes as
/// `export-finished` (null when the dialog was cancelled).
#[tauri::command]
pub fn export_dialog(app: AppHandle, shell: State<'_, Shell>, choice: ExportChoice) -> Result<(), AppError> {
    let job = shell.session().export_job(&choice)?;
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Export")
        .set_file_name(&job.suggested_name)
        .add_filter(job.kind, &[job.extension])
        .save_file(move |picked| {
            let Some(mut path) = picked.and_then(|p| p.into_path().ok()) else {
                let _ = handle.emit(FINISHED, serde_json::Value::Null);
                return;
            };
            if path.extension().is_none() {
                path.set_extension(job.extension);
            }
            std::thread::spawn(move || {
                let outcome = job.run(&path, &mut |progress| {
                    let _ = handle.emit(PROGRESS, progress);
                });
                let _ = handle.emit(FINISHED, outcome);
            });
        });
    Ok(())
}
