// Every command of the window with its label and keys: the native menus send
// these ids, the keyboard maps to them, and Ctrl+K lists them. One list, so
// a command is named and keyed the same everywhere.
import type { ShortcutAction } from "../editor/shortcuts";
import type { Command } from "../panels/CommandPalette";

export type CommandId =
  | ShortcutAction
  | "new-document"
  | "new-map"
  | "arrange"
  | "toggle-problems"
  | "toggle-inspector"
  | "toggle-snap"
  | "color-kind"
  | "color-tier"
  | "color-owner"
  | "color-lifecycle"
  | "text-normal"
  | "text-large"
  | "text-larger"
  | "rules"
  | "shortcuts";

export const COMMANDS: { id: CommandId; label: string; keys?: string }[] = [
  { id: "new-document", label: "New document…", keys: "Ctrl+N" },
  { id: "new-map", label: "New map…", keys: "Ctrl+Shift+N" },
  { id: "open", label: "Open…", keys: "Ctrl+O" },
  { id: "import", label: "Import a spreadsheet or ArchiMate file…", keys: "Ctrl+I" },
  { id: "export", label: "Export…", keys: "Ctrl+E" },
  { id: "undo", label: "Undo", keys: "Ctrl+Z" },
  { id: "redo", label: "Redo", keys: "Ctrl+Shift+Z" },
  { id: "add-sibling", label: "Add a sibling of the selected element", keys: "Enter" },
  { id: "add-child", label: "Add a child of the selected element", keys: "Tab" },
  { id: "add-above", label: "Add an element one level up (a sibling of the parent)", keys: "Shift+Tab" },
  { id: "rename", label: "Rename the selected element or group", keys: "F2" },
  { id: "add-owner", label: "Give the selected element an owner", keys: "@" },
  { id: "duplicate", label: "Duplicate the selection", keys: "Ctrl+D" },
  { id: "copy", label: "Copy", keys: "Ctrl+C" },
  { id: "cut", label: "Cut", keys: "Ctrl+X" },
  { id: "paste", label: "Paste", keys: "Ctrl+V" },
  { id: "delete", label: "Delete the selection from this map", keys: "Delete" },
  { id: "select-all", label: "Select all", keys: "Ctrl+A" },
  { id: "arrange", label: "Arrange this map by its grouping model" },
  { id: "fit", label: "Fit the map to the window", keys: "Ctrl+0" },
  { id: "zoom-in", label: "Zoom in", keys: "+" },
  { id: "zoom-out", label: "Zoom out", keys: "-" },
  { id: "present", label: "Present", keys: "F5" },
  { id: "toggle-snap", label: "Snap to grid: on or off" },
  { id: "color-kind", label: "Colour by kind" },
  { id: "color-tier", label: "Colour by owner tier" },
  { id: "color-owner", label: "Colour by owner" },
  { id: "color-lifecycle", label: "Colour by lifecycle" },
  { id: "text-normal", label: "Text size: normal" },
  { id: "text-large", label: "Text size: large" },
  { id: "text-larger", label: "Text size: larger (a projector at the back of the room)" },
  { id: "toggle-inspector", label: "Show or hide the inspector" },
  { id: "toggle-problems", label: "Show or hide the problems" },
  { id: "toggle-outline", label: "Show or hide the outline", keys: "Ctrl+Shift+O" },
  { id: "rules", label: "Validation rules…" },
  { id: "shortcuts", label: "Keyboard shortcuts" },
];

/** Commands that change only what is shown, never the document: the only ones that act while presenting. */
export const VIEW_ONLY: ReadonlySet<CommandId> = new Set<CommandId>(["present", "fit", "zoom-in", "zoom-out", "color-kind", "color-tier", "color-owner", "color-lifecycle", "text-normal", "text-large", "text-larger", "shortcuts"]);

export function commandList(run: (id: CommandId) => void): Command[] {
  return COMMANDS.map((c) => ({ ...c, run: () => run(c.id) }));
}
