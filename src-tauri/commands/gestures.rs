//! Adapters for the canvas gestures (tiermap_app's gestures.rs): one line each.

use tauri::State;
use tiermap_app::AppError;
use tiermap_app::wire::{
    CapturePreview, CaptureRequest, DocumentView, ElementDetails, ElementPatch, ElementSummary, ItemMove, KpiRow, LinkedElement, MapView, NewElement, NewGroup, NewOwnership,
    PersonSummary,
};

use crate::state::Shell;

#[tauri::command]
pub fn add_element(shell: State<'_, Shell>, element: NewElement) -> Result<(String, MapView), AppError> {
    shell.session().add_element(&element)
}

#[tauri::command]
pub fn place_element(shell: State<'_, Shell>, map_id: String, element_id: String, group_id: Option<String>, x: f64, y: f64) -> Result<MapView, AppError> {
    shell.session().place_element(&map_id, &element_id, group_id.as_deref(), x, y)
}

#[tauri::command]
pub fn rename_element(shell: State<'_, Shell>, element_id: String, name: String) -> Result<DocumentView, AppError> {
    shell.session().rename_element(&element_id, &name)
}

#[tauri::command]
pub fn remove_from_map(shell: State<'_, Shell>, map_id: String, element_ids: Vec<String>) -> Result<MapView, AppError> {
    shell.session().remove_from_map(&map_id, &element_ids)
}

#[tauri::command]
pub fn delete_elements(shell: State<'_, Shell>, element_ids: Vec<String>) -> Result<DocumentView, AppError> {
    shell.session().delete_elements(&element_ids)
}

#[tauri::command]
pub fn add_relation(shell: State<'_, Shell>, kind: String, source_id: String, target_id: String) -> Result<String, AppError> {
    shell.session().add_relation(&kind, &source_id, &target_id)
}

#[tauri::command]
pub fn delete_relation(shell: State<'_, Shell>, relation_id: String) -> Result<(), AppError> {
    shell.session().delete_relation(&relation_id)
}

#[tauri::command]
pub fn assign_owner(shell: State<'_, Shell>, ownership: NewOwnership) -> Result<String, AppError> {
    shell.session().assign_owner(&ownership)
}

#[tauri::command]
pub fn remove_owner(shell: State<'_, Shell>, ownership_id: String) -> Result<(), AppError> {
    shell.session().remove_owner(&ownership_id)
}

#[tauri::command]
pub fn add_group(shell: State<'_, Shell>, group: NewGroup) -> Result<(String, MapView), AppError> {
    shell.session().add_group(&group)
}

#[tauri::command]
pub fn rename_group(shell: State<'_, Shell>, group_id: String, name: String) -> Result<(), AppError> {
    shell.session().rename_group(&group_id, &name)
}

#[tauri::command]
pub fn dissolve_group(shell: State<'_, Shell>, group_id: String) -> Result<(), AppError> {
    shell.session().dissolve_group(&group_id)
}

#[tauri::command]
pub fn new_map(shell: State<'_, Shell>, name: String, model: String) -> Result<(String, DocumentView), AppError> {
    shell.session().new_map(&name, &model)
}

#[tauri::command]
pub fn arrange(shell: State<'_, Shell>, map_id: String, element_ids: Vec<String>) -> Result<MapView, AppError> {
    shell.session().arrange(&map_id, &element_ids)
}

#[tauri::command]
pub fn people(shell: State<'_, Shell>) -> Result<Vec<PersonSummary>, AppError> {
    shell.session().people()
}

#[tauri::command]
pub fn add_linked(shell: State<'_, Shell>, element: LinkedElement) -> Result<(String, MapView), AppError> {
    shell.session().add_linked(&element)
}

#[tauri::command]
pub fn duplicate_elements(shell: State<'_, Shell>, map_id: String, element_ids: Vec<String>, dx: f64, dy: f64) -> Result<(Vec<String>, MapView), AppError> {
    shell.session().duplicate_elements(&map_id, &element_ids, dx, dy)
}

#[tauri::command]
pub fn element_details(shell: State<'_, Shell>, element_id: String) -> Result<ElementDetails, AppError> {
    shell.session().element_details(&element_id)
}

#[tauri::command]
pub fn update_elements(shell: State<'_, Shell>, patch: ElementPatch) -> Result<DocumentView, AppError> {
    shell.session().update_elements(&patch)
}

#[tauri::command]
pub fn put_kpi(shell: State<'_, Shell>, row: KpiRow) -> Result<String, AppError> {
    shell.session().put_kpi(&row)
}

#[tauri::command]
pub fn delete_kpi(shell: State<'_, Shell>, kpi_id: String) -> Result<(), AppError> {
    shell.session().delete_kpi(&kpi_id)
}

#[tauri::command]
pub fn change_owner(shell: State<'_, Shell>, ownership_id: String, role: String, accountable: bool) -> Result<(), AppError> {
    shell.session().change_owner(&ownership_id, &role, accountable)
}

#[tauri::command]
pub fn set_relation_kind(shell: State<'_, Shell>, relation_id: String, kind: String) -> Result<(), AppError> {
    shell.session().set_relation_kind(&relation_id, &kind)
}

#[tauri::command]
pub fn set_group_collapsed(shell: State<'_, Shell>, group_id: String, collapsed: bool) -> Result<(), AppError> {
    shell.session().set_group_collapsed(&group_id, collapsed)
}

#[tauri::command]
pub fn elements(shell: State<'_, Shell>) -> Result<Vec<ElementSummary>, AppError> {
    shell.session().elements()
}

#[tauri::command]
pub fn place_elements(shell: State<'_, Shell>, map_id: String, places: Vec<ItemMove>) -> Result<MapView, AppError> {
    shell.session().place_elements(&map_id, &places)
}

#[tauri::command]
pub fn preview_capture(shell: State<'_, Shell>, request: CaptureRequest) -> Result<CapturePreview, AppError> {
    shell.session().preview_capture(&request)
}

#[tauri::command]
pub fn capture_name(shell: State<'_, Shell>, request: CaptureRequest) -> Result<DocumentView, AppError> {
    shell.session().capture_name(&request)
}

#[tauri::command]
pub fn add_person(shell: State<'_, Shell>, name: String) -> Result<(String, Vec<PersonSummary>), AppError> {
    shell.session().add_person(&name)
}
