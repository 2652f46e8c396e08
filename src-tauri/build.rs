//! Declares the app's own commands so that capabilities/ can allow them per
//! window: a command not listed in a capability cannot be called at all.

fn main() {
    let commands = &[
        "startup",
        "document",
        "map_view",
        "move_items",
        "undo",
        "redo",
        "open_dialog",
        "problems",
        "rule_settings",
        "set_rule_settings",
    ];
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
