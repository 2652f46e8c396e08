//! The native menu bar. Items that act on the document are forwarded to the
//! window as `menu` events carrying a command id, so the UI runs the same
//! command as its keys, buttons and Ctrl+K (ui/src/app/commands.ts).
//!
//! Keys that text fields need (Ctrl+C/X/V/A, Delete, + and -) are not menu
//! accelerators: GTK would take them before the page, even while typing in
//! a field. Their keys are named in the labels instead, and the page answers
//! them when no field has the keyboard.

use std::path::PathBuf;

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::open_file;
use crate::recent;

/// Event carrying a menu item's command id to the UI.
pub const MENU_EVENT: &str = "menu";
const RECENT_PREFIX: &str = "recent:";

fn item<R: Runtime>(app: &AppHandle<R>, id: &str, label: &str, keys: Option<&str>) -> tauri::Result<tauri::menu::MenuItem<R>> {
    let builder = MenuItemBuilder::with_id(id, label);
    match keys {
        Some(keys) => builder.accelerator(keys).build(app),
        None => builder.build(app),
    }
}

/// File > Open Recent, kept so its items can be replaced without rebuilding the menu bar.
pub struct RecentMenu<R: Runtime>(Submenu<R>);

/// Fills Open Recent with these documents, newest first.
fn fill_recent<R: Runtime>(app: &AppHandle<R>, submenu: &Submenu<R>, paths: &[PathBuf]) -> tauri::Result<()> {
    for old in submenu.items()? {
        submenu.remove(&old)?;
    }
    if paths.is_empty() {
        submenu.append(&MenuItemBuilder::with_id("recent-none", "No recent documents").enabled(false).build(app)?)?;
    }
    for (index, path) in paths.iter().enumerate() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let label = format!("{name} — {}", path.parent().map(|p| p.display().to_string()).unwrap_or_default());
        submenu.append(&item(app, &format!("{RECENT_PREFIX}{index}"), &label, None)?)?;
    }
    Ok(())
}

/// The menu bar. Open Recent starts empty: the app's folders are not known
/// yet when the menu is built; [`refresh_recent`] fills it in.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let recent_menu = SubmenuBuilder::new(app, "Open Recent").build()?;
    fill_recent(app, &recent_menu, &[])?;
    app.manage(RecentMenu(recent_menu.clone()));
    let file = SubmenuBuilder::new(app, "File")
        .item(&item(app, "new-document", "New Document…", Some("CmdOrCtrl+N"))?)
        .item(&item(app, "new-map", "New Map…", Some("CmdOrCtrl+Shift+N"))?)
        .item(&item(app, "open-file", "Open…", Some("CmdOrCtrl+O"))?)
        .item(&recent_menu)
        .item(&item(app, "import", "Import…", Some("CmdOrCtrl+I"))?)
        .item(&item(app, "save-as", "Save As…", Some("CmdOrCtrl+Shift+S"))?)
        .item(&item(app, "export", "Export…", Some("CmdOrCtrl+E"))?)
        .separator()
        .item(&item(app, "close-document", "Close", Some("CmdOrCtrl+W"))?)
        .item(&PredefinedMenuItem::quit(app, Some("Quit"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item(app, "undo", "Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item(app, "redo", "Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&item(app, "cut", "Cut  (Ctrl+X)", None)?)
        .item(&item(app, "copy", "Copy  (Ctrl+C)", None)?)
        .item(&item(app, "paste", "Paste  (Ctrl+V)", None)?)
        .item(&item(app, "duplicate", "Duplicate", Some("CmdOrCtrl+D"))?)
        .item(&item(app, "delete", "Delete from Map  (Delete)", None)?)
        .item(&item(app, "select-all", "Select All  (Ctrl+A)", None)?)
        .separator()
        .item(&item(app, "add-sibling", "Add Sibling  (Enter)", None)?)
        .item(&item(app, "add-child", "Add Child  (Tab)", None)?)
        .item(&item(app, "rename", "Rename", Some("F2"))?)
        .item(&item(app, "arrange", "Arrange Map", None)?)
        .separator()
        .item(&item(app, "command-palette", "Search and Commands…", Some("CmdOrCtrl+K"))?)
        .build()?;
    let colour = SubmenuBuilder::new(app, "Colour By")
        .item(&item(app, "color-kind", "Kind", None)?)
        .item(&item(app, "color-tier", "Owner Tier", None)?)
        .item(&item(app, "color-owner", "Owner", None)?)
        .item(&item(app, "color-lifecycle", "Lifecycle", None)?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item(app, "fit", "Fit Map", Some("CmdOrCtrl+0"))?)
        .item(&item(app, "zoom-in", "Zoom In  (+)", None)?)
        .item(&item(app, "zoom-out", "Zoom Out  (-)", None)?)
        .separator()
        .item(&item(app, "toggle-snap", "Snap to Grid", None)?)
        .item(&colour)
        .item(&item(app, "toggle-inspector", "Show or Hide Inspector", None)?)
        .item(&item(app, "toggle-problems", "Show or Hide Problems", None)?)
        .item(&item(app, "toggle-outline", "Show or Hide Outline", Some("CmdOrCtrl+Shift+O"))?)
        .item(&item(app, "rules", "Validation Rules…", None)?)
        .separator()
        .item(&item(app, "present", "Present", Some("F5"))?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item(app, "shortcuts", "Keyboard Shortcuts", Some("F1"))?)
        .item(&PredefinedMenuItem::about(app, Some("About Tiermap"), None)?)
        .build()?;
    MenuBuilder::new(app).item(&file).item(&edit).item(&view).item(&help).build()
}

/// Shows the recent documents as they now are in File > Open Recent.
pub fn refresh_recent(app: &AppHandle) {
    if let Some(menu) = app.try_state::<RecentMenu<tauri::Wry>>() {
        let _ = fill_recent(app, &menu.0, &recent::list(app));
    }
}

pub fn on_event(app: &AppHandle, id: &str) {
    match id {
        "open-file" => open_file::pick_and_open(app),
        "save-as" => open_file::pick_and_save_as(app),
        "close-document" => open_file::close(app),
        other => {
            if let Some(index) = other.strip_prefix(RECENT_PREFIX).and_then(|i| i.parse::<usize>().ok()) {
                if let Some(path) = recent::list(app).get(index) {
                    open_file::open(app, path);
                }
                return;
            }
            // The page runs the rest (ui/src/app/commands.ts); "open" is its name for the dialog.
            let _ = app.emit(MENU_EVENT, other);
            let _ = app.get_webview_window("main").map(|w| w.set_focus());
        }
    }
}
