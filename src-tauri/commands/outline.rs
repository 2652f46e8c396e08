//! Adapters for the outline panel's edits (tiermap_app's outlining.rs): one line each.

use tauri::State;
use tiermap_app::AppError;
use tiermap_app::wire::MapView;

use crate::state::Shell;

#[tauri::command]
pub fn outline_add(
    shell: State<'_, Shell>,
    map_id: String,
    after_id: Option<String>,
    name: String,
) -> Result<(String, MapView), AppError> {
    shell
        .session()
        .outline_add(&map_id, after_id.as_deref(), &name)
}

#[tauri::command]
pub fn outline_indent(
    shell: State<'_, Shell>,
    map_id: String,
    item_id: String,
) -> Result<MapView, AppError> {
    shell.session().outline_indent(&map_id, &item_id)
}

#[tauri::command]
pub fn outline_outdent(
    shell: State<'_, Shell>,
    map_id: String,
    item_id: String,
) -> Result<MapView, AppError> {
    shell.session().outline_outdent(&map_id, &item_id)
}

#[tauri::command]
pub fn outline_move(
    shell: State<'_, Shell>,
    map_id: String,
    item_id: String,
    direction: String,
) -> Result<MapView, AppError> {
    shell.session().outline_move(&map_id, &item_id, &direction)
}

#[tauri::command]
pub fn outline_paste(
    shell: State<'_, Shell>,
    map_id: String,
    at_id: Option<String>,
    text: String,
) -> Result<(Vec<String>, MapView), AppError> {
    shell
        .session()
        .outline_paste(&map_id, at_id.as_deref(), &text)
}
