//! The Tiermap desktop shell: a thin Tauri host around tiermap-app. It wires
//! plugins, the menu, the window's session and the commands; every decision
//! about documents is made in the core crates.

mod commands;
mod export;
mod import;
mod integrity;
mod menu;
mod open_file;
mod recent;
mod state;

use tauri::Manager;

use crate::state::Shell;

/// Starts the app; a file given on the command line is opened in the window.
pub fn run() {
    let result = tauri::Builder::default()
        // First, so a second launch hands its file over before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
            if let Some(path) = open_file::path_from_args(&args) {
                open_file::open(app, &path);
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .manage(Shell::default())
        .menu(menu::build)
        .on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()))
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                import::dropped(window.app_handle(), paths);
            }
        })
        .setup(|app| {
            let args: Vec<String> = std::env::args().collect();
            if let Some(path) = open_file::path_from_args(&args) {
                app.state::<Shell>().session().open_for_window(&path);
                if app.state::<Shell>().session().is_open() {
                    recent::remember(app.handle(), &path);
                }
            }
            menu::refresh_recent(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            integrity::check_integrity,
            integrity::rescue_dialog,
            commands::document,
            commands::map_view,
            commands::move_items,
            commands::undo,
            commands::redo,
            commands::open_dialog,
            commands::new_document_dialog,
            commands::recent_documents,
            commands::open_recent,
            commands::problems,
            commands::rule_settings,
            commands::set_rule_settings,
            commands::add_element,
            commands::place_element,
            commands::rename_element,
            commands::remove_from_map,
            commands::delete_elements,
            commands::add_relation,
            commands::delete_relation,
            commands::assign_owner,
            commands::remove_owner,
            commands::add_group,
            commands::rename_group,
            commands::dissolve_group,
            commands::new_map,
            commands::arrange,
            commands::people,
            commands::add_linked,
            commands::preview_capture,
            commands::capture_name,
            commands::add_person,
            commands::duplicate_elements,
            commands::outline_add,
            commands::outline_indent,
            commands::outline_outdent,
            commands::outline_move,
            commands::outline_paste,
            commands::element_details,
            commands::update_elements,
            commands::put_kpi,
            commands::delete_kpi,
            commands::change_owner,
            commands::set_relation_kind,
            commands::set_group_collapsed,
            commands::elements,
            commands::place_elements,
            commands::present,
            export::export_preview,
            export::export_dialog,
            import::import_dialog,
            import::import_preview,
            import::import_apply,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("tiermap: the window could not start: {error}");
        std::process::exit(1);
    }
}
