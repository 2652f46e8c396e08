//! Opening a document from outside the canvas: the native File > Open
//! dialog, a file given on the command line, or one handed over by a second
//! launch. The window is told through the `document-changed` event.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::state::Shell;
use crate::{menu, recent};

/// Event the UI listens to: the open document was replaced (or failed to open).
pub const DOCUMENT_CHANGED: &str = "document-changed";

/// The document named on a command line, if any: the first argument that is not a flag.
pub fn path_from_args(args: &[String]) -> Option<PathBuf> {
    args.iter().skip(1).find(|a| !a.starts_with('-')).map(PathBuf::from)
}

/// Opens `path` in the window's session and tells the window.
pub fn open(app: &AppHandle, path: &Path) {
    app.state::<Shell>().session().open_for_window(path);
    opened(app);
}

/// After the window's document changed: remember it in Open Recent and tell the window.
pub fn opened(app: &AppHandle) {
    let path = app.state::<Shell>().session().document().ok().map(|d| PathBuf::from(d.path));
    if let Some(path) = path {
        recent::remember(app, &path);
        menu::refresh_recent(app);
    }
    let _ = app.emit(DOCUMENT_CHANGED, ());
}

/// File > Close: the welcome screen; every change was saved as it happened.
pub fn close(app: &AppHandle) {
    app.state::<Shell>().session().close();
    let _ = app.emit(DOCUMENT_CHANGED, ());
}

/// File > New Document, after the window asked what it is for: the native
/// save dialog names the new file, whose first map has that grouping model.
pub fn pick_and_create(app: &AppHandle, model: String, map_name: String) {
    let handle = app.clone();
    let suggested = if map_name.trim().is_empty() { "Untitled".to_owned() } else { map_name.trim().replace(['/', '\\'], "-") };
    app.dialog()
        .file()
        .set_title("Create a new Tiermap document")
        .set_file_name(format!("{suggested}.tiermap"))
        .add_filter("Tiermap document", &["tiermap"])
        .save_file(move |picked| {
            if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
                handle.state::<Shell>().session().create_for_window(&path, &model, &map_name);
                opened(&handle);
            }
        });
}

/// Shows the native save dialog; copies the document there and continues in the copy.
pub fn pick_and_save_as(app: &AppHandle) {
    let current = app.state::<Shell>().session().document().ok();
    let Some(current) = current else { return };
    let suggested = current.file_name.trim_end_matches(".tiermap").to_owned() + " copy.tiermap";
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Save a copy of the document as")
        .set_file_name(suggested)
        .add_filter("Tiermap document", &["tiermap"])
        .save_file(move |picked| {
            if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
                handle.state::<Shell>().session().save_as_for_window(&path);
                opened(&handle);
            }
        });
}

/// Shows the native open dialog; opens the chosen file, if any.
pub fn pick_and_open(app: &AppHandle) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Open a Tiermap document")
        .add_filter("Tiermap document", &["tiermap"])
        .pick_file(move |picked| {
            if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
                open(&handle, &path);
            }
        });
}
