//! The native menu bar. Items that act on the document are forwarded to the
//! window as `menu` events, so the UI runs the same action as its buttons.

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// Event carrying a menu item id to the UI: "undo", "redo".
pub const MENU_EVENT: &str = "menu";

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(app, "File")
        .item(&MenuItemBuilder::with_id("open", "Open…").accelerator("CmdOrCtrl+O").build(app)?)
        .item(&MenuItemBuilder::with_id("save_as", "Save As…").accelerator("CmdOrCtrl+Shift+S").build(app)?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some("Quit"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&MenuItemBuilder::with_id("undo", "Undo").accelerator("CmdOrCtrl+Z").build(app)?)
        .item(&MenuItemBuilder::with_id("redo", "Redo").accelerator("CmdOrCtrl+Shift+Z").build(app)?)
        .build()?;
    MenuBuilder::new(app).item(&file).item(&edit).build()
}

pub fn on_event(app: &AppHandle, id: &str) {
    match id {
        "open" => crate::open_file::pick_and_open(app),
        "save_as" => crate::open_file::pick_and_save_as(app),
        other => {
            let _ = app.emit(MENU_EVENT, other);
        }
    }
}
