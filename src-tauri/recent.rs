//! File > Open Recent: the last documents opened, newest first, kept in the
//! app's config folder (recent.json). A list that cannot be read is an empty
//! list; one that cannot be written is only this session's.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};

/// How many documents the menu lists.
pub const KEPT: usize = 8;

fn file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|dir| dir.join("recent.json"))
}

/// The remembered documents that still exist, newest first.
pub fn list<R: Runtime>(app: &AppHandle<R>) -> Vec<PathBuf> {
    let Some(text) = file(app).and_then(|f| std::fs::read_to_string(f).ok()) else { return Vec::new() };
    let paths: Vec<PathBuf> = serde_json::from_str(&text).unwrap_or_default();
    paths.into_iter().filter(|p| p.exists()).take(KEPT).collect()
}

/// Puts `path` first in the list.
pub fn remember<R: Runtime>(app: &AppHandle<R>, path: &Path) {
    let Some(store) = file(app) else { return };
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let mut paths = list(app);
    paths.retain(|p| p != &path);
    paths.insert(0, path);
    paths.truncate(KEPT);
    if let Some(dir) = store.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(text) = serde_json::to_string_pretty(&paths) {
        let _ = std::fs::write(store, text);
    }
}
