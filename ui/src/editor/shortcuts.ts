// Keyboard shortcuts of the window. The native menu shows the same keys; when
// a real key press reaches the menu first, GTK handles it there and the page
// never sees it, so an action never runs twice.

export type ShortcutAction =
  | "undo"
  | "redo"
  | "open"
  | "delete"
  | "rename"
  | "add-owner"
  | "fit"
  | "zoom-in"
  | "zoom-out"
  | "present"
  | "select-all"
  | "copy"
  | "cut"
  | "paste"
  | "duplicate"
  | "command-palette"
  | "add-sibling"
  | "add-child"
  | "add-above"
  | "export"
  | "import"
  | "toggle-outline";

/** Ctrl with the arrow keys moves the selected boxes: a grid step, or five with Shift. (Plain arrows walk the hierarchy.) */
export const NUDGE_STEP = 12;

export function nudgeFor(press: KeyPress): { dx: number; dy: number } | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null;
  const step = press.shiftKey ? NUDGE_STEP * 5 : NUDGE_STEP;
  if (press.key === "ArrowLeft") return { dx: -step, dy: 0 };
  if (press.key === "ArrowRight") return { dx: step, dy: 0 };
  if (press.key === "ArrowUp") return { dx: 0, dy: -step };
  if (press.key === "ArrowDown") return { dx: 0, dy: step };
  return null;
}

/** Every shortcut with what it does, for the Help dialog and tooltips. */
export const SHORTCUT_LIST: { keys: string; does: string }[] = [
  { keys: "Enter", does: "Add a sibling of the selected element (the map's first element when nothing is selected)" },
  { keys: "Tab", does: "Add a child of the selected element, one level down" },
  { keys: "Shift+Tab", does: "Add an element one level up: a sibling of the selected element's parent" },
  { keys: "F2", does: "Rename the selected element or group in place" },
  { keys: "kind: name @owner", does: "While naming: a word and a colon first change the kind (sa:, prod:, svc:, app:, plat:, team: …); @ and a name add an owner (a new person if need be), in the role the tier implies (Ctrl+R changes it)" },
  { keys: "@", does: "Give the selected element an owner: its name opens with the owner picker" },
  { keys: "Delete", does: "Take the selection off this map (relations: delete; groups: remove, keeping what they hold)" },
  { keys: "Arrow keys", does: "Select along the hierarchy: ↑ the parent, ↓ the first child, ← → the siblings (or the nearest box that way)" },
  { keys: "Ctrl+Arrow keys", does: "Move the selected boxes (Ctrl+Shift: five times further)" },
  { keys: "Ctrl+A", does: "Select everything on the map" },
  { keys: "Ctrl+C / Ctrl+X / Ctrl+V", does: "Copy, cut, paste elements" },
  { keys: "Ctrl+D", does: "Duplicate the selected elements" },
  { keys: "Ctrl+K", does: "Search and run a command" },
  { keys: "Ctrl+Shift+O", does: "Show or hide the outline: the map as an editable list (Enter, Tab, Shift+Tab, Alt+↑↓, paste a list)" },
  { keys: "Ctrl+Z / Ctrl+Shift+Z", does: "Undo / redo" },
  { keys: "Ctrl+0", does: "Fit the map to the window" },
  { keys: "+ / -", does: "Zoom in / out" },
  { keys: "F5", does: "Present: full screen, arrows step through the maps, Esc leaves" },
  { keys: "Ctrl+O", does: "Open a document" },
  { keys: "Ctrl+I", does: "Import a spreadsheet or ArchiMate file (or drop it on the window)" },
  { keys: "Ctrl+E", does: "Export" },
];

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
  /** The physical key: Shift+Tab can arrive as key "Unidentified" with code "Tab" (GTK's ISO_Left_Tab). */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

/** The action a key press asks for, if any. */
export function shortcutFor(event: KeyPress): ShortcutAction | null {
  // Copied field by field: a KeyboardEvent's fields are getters, which a spread would drop.
  const pressed = event.key === "Unidentified" && event.code === "Tab" ? "Tab" : event.key;
  const press: KeyPress = { key: pressed, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey };
  const command = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  if (!command) {
    if (press.key === "Delete" || press.key === "Backspace") return "delete";
    if (press.key === "F2") return "rename";
    if (press.key === "@") return "add-owner";
    if (press.key === "F5") return "present";
    if (press.key === "+" || press.key === "=") return "zoom-in";
    if (press.key === "-") return "zoom-out";
    if (press.key === "Enter" && !press.shiftKey) return "add-sibling";
    if (press.key === "Tab") return press.shiftKey ? "add-above" : "add-child";
    return null;
  }
  if (press.key === "0") return "fit";
  const key = press.key.toLowerCase();
  if (key === "z") return press.shiftKey ? "redo" : "undo";
  if (key === "y" && !press.shiftKey) return "redo";
  if (key === "o") return press.shiftKey ? "toggle-outline" : "open";
  if (press.shiftKey) return null;
  if (key === "a") return "select-all";
  if (key === "c") return "copy";
  if (key === "x") return "cut";
  if (key === "v") return "paste";
  if (key === "d") return "duplicate";
  if (key === "k") return "command-palette";
  if (key === "e") return "export";
  if (key === "i") return "import";
  return null;
}

/** Enter and Tab add elements only when the map has the keyboard, not a button or a panel. */
export function isMapFocus(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return target === document.body || target.closest(".canvas") !== null;
}

/** Typing in a text field keeps its own undo and shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
