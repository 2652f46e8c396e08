// Keyboard shortcuts of the window. The native menu shows the same keys; when
// a real key press reaches the menu first, GTK handles it there and the page
// never sees it, so an action never runs twice.

export type ShortcutAction = "undo" | "redo" | "open" | "delete" | "rename" | "fit" | "zoom-in" | "zoom-out" | "present";

/** In presentation mode only these keys act: step through the maps, or leave. */
export type PresentingAction = "next-map" | "previous-map" | "leave";

export function presentingActionFor(press: KeyPress): PresentingAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === "ArrowRight" || press.key === "ArrowDown" || press.key === "PageDown" || press.key === " ") return "next-map";
  if (press.key === "ArrowLeft" || press.key === "ArrowUp" || press.key === "PageUp") return "previous-map";
  if (press.key === "Escape" || press.key === "F5") return "leave";
  return null;
}

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

/** The action a key press asks for, if any. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  const command = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  if (!command) {
    if (press.key === "Delete" || press.key === "Backspace") return "delete";
    if (press.key === "F2") return "rename";
    if (press.key === "F5") return "present";
    if (press.key === "+" || press.key === "=") return "zoom-in";
    if (press.key === "-") return "zoom-out";
    return null;
  }
  if (press.key === "0") return "fit";
  const key = press.key.toLowerCase();
  if (key === "z") return press.shiftKey ? "redo" : "undo";
  if (key === "y" && !press.shiftKey) return "redo";
  if (key === "o" && !press.shiftKey) return "open";
  return null;
}

/** Typing in a text field keeps its own undo and shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
