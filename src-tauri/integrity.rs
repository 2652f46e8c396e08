//! A damaged document in the window: the integrity check it asks for once
//! the map shows (run on a worker thread, without holding the session, so
//! the window never waits for it), and the rescue of everything readable
//! into a new file chosen in the save dialog.

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use tiermap_app::wire::IntegrityView;
use tiermap_app::{AppError, ErrorCode};

use crate::state::Shell;

#[tauri::command]
pub async fn check_integrity(app: AppHandle) -> Result<IntegrityView, AppError> {
    let job = app.state::<Shell>().session().integrity_job()?;
    let running = job.clone();
    let result = tauri::async_runtime::spawn_blocking(move || running.run())
        .await
        .map_err(|e| AppError::new(ErrorCode::Io, format!("the integrity check stopped: {e}")))??;
    app.state::<Shell>().session().record_integrity(&job, result)
}

/// Shows the native save dialog; rescues the document there and continues in the rescued copy.
#[tauri::command]
pub fn rescue_dialog(app: AppHandle) {
    let Ok(current) = app.state::<Shell>().session().document() else { return };
    let suggested = current.file_name.trim_end_matches(".tiermap").to_owned() + " rescued.tiermap";
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Rescue what can be read into a new document")
        .set_file_name(suggested)
        .add_filter("Tiermap document", &["tiermap"])
        .save_file(move |picked| {
            if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
                handle.state::<Shell>().session().rescue_for_window(&path);
                crate::open_file::opened(&handle);
            }
        });
}
