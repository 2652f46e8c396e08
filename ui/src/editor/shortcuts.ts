// Keyboard shortcuts of the window. The native menu shows the same keys; when
// a real key press reaches the menu first, GTK handles it there and the page
// never sees it, so an action never runs twice.

export type ShortcutAction = "undo" | "redo" | "open" | "delete" | "rename" | "fit" | "zoom-in" | "zoom-out";

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
