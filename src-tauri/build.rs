//! Declares the app's own commands so that capabilities/ can allow them per
//! window: a command not listed in a capability cannot be called at all.

fn main() {
    let commands = &[
        "startup",
        "check_integrity",
        "rescue_dialog",
        "document",
        "map_view",
        "move_items",
        "undo",
        "redo",
        "open_dialog",
        "problems",
        "rule_settings",
        "set_rule_settings",
        "add_element",
        "place_element",
        "rename_element",
        "remove_from_map",
        "delete_elements",
        "add_relation",
        "delete_relation",
        "assign_owner",
        "remove_owner",
        "add_group",
        "rename_group",
        "dissolve_group",
        "new_map",
        "arrange",
        "people",
        "add_linked",
        "duplicate_elements",
        "element_details",
        "update_elements",
        "put_kpi",
        "delete_kpi",
        "change_owner",
        "set_relation_kind",
        "set_group_collapsed",
        "elements",
        "place_elements",
        "present",
        "export_preview",
        "export_dialog",
        "import_dialog",
        "import_preview",
        "import_apply",
    ];
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
