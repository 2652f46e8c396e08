// The outline panel's keys, without React: which lines show (a collapsed
// line hides what is below it), and what a key press on the focused line
// asks for. Moving around follows the WAI-ARIA tree pattern; the editing
// keys are an outliner's. What an edit does to the map is the core's.
import type { OutlineItem } from "../ipc/bindings";
import type { KeyPress } from "./shortcuts";

export type OutlineAction =
  | { do: "focus"; id: string }
  | { do: "expand"; id: string }
  | { do: "collapse"; id: string }
  | { do: "add" }
  | { do: "indent" }
  | { do: "outdent" }
  | { do: "move"; direction: "up" | "down" }
  | { do: "rename"; initial: string | null }
  | { do: "delete" }
  | { do: "leave" };

/** The lines that show: every line whose parents are all expanded. */
export function visibleItems(items: OutlineItem[], collapsed: ReadonlySet<string>): OutlineItem[] {
  const shown: OutlineItem[] = [];
  // Lines come parents first, so a hidden parent is known before its children.
  const hidden = new Set<string>();
  for (const item of items) {
    if (item.parent_id && (hidden.has(item.parent_id) || collapsed.has(item.parent_id))) {
      hidden.add(item.id);
      continue;
    }
    shown.push(item);
  }
  return shown;
}

/** The ids of an item's parents, nearest first. */
export function ancestorsOf(items: OutlineItem[], id: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: string[] = [];
  let current = byId.get(id)?.parent_id ?? null;
  while (current && !out.includes(current)) {
    out.push(current);
    current = byId.get(current)?.parent_id ?? null;
  }
  return out;
}

/** Where a line sits among its siblings, for aria-posinset and aria-setsize. */
export function positionsInSet(items: OutlineItem[]): Map<string, { pos: number; size: number }> {
  const groups = new Map<string | null, string[]>();
  for (const item of items) {
    const siblings = groups.get(item.parent_id) ?? [];
    siblings.push(item.id);
    groups.set(item.parent_id, siblings);
  }
  const out = new Map<string, { pos: number; size: number }>();
  for (const siblings of groups.values()) siblings.forEach((id, i) => out.set(id, { pos: i + 1, size: siblings.length }));
  return out;
}

/** The key as meant: Shift+Tab from GTK can come as "Unidentified" with code "Tab". */
export function asTyped(press: Pick<KeyPress, "key" | "code">): string {
  return press.key === "Unidentified" && press.code === "Tab" ? "Tab" : press.key;
}

/** A key that types a character (starts renaming with it). */
function isPrintable(press: KeyPress): boolean {
  return press.key.length === 1 && press.key !== " " && !press.ctrlKey && !press.metaKey && !press.altKey;
}

/**
 * What a key press on the focused line asks for, or null when the key is
 * not the outline's (it then goes on to the window: Ctrl+Z, Ctrl+K, F5…).
 * Editing keys are left out when the document cannot change.
 */
export function outlineKey(event: KeyPress, visible: OutlineItem[], activeId: string | null, collapsed: ReadonlySet<string>, readOnly: boolean): OutlineAction | null {
  // Field by field (a KeyboardEvent's fields are getters); GTK may send Shift+Tab as key "Unidentified", code "Tab".
  const press: KeyPress = { key: asTyped(event), ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey };
  const at = visible.findIndex((i) => i.id === activeId);
  const item = at >= 0 ? visible[at] : null;
  const command = press.ctrlKey || press.metaKey;
  if (press.altKey && !command && (press.key === "ArrowUp" || press.key === "ArrowDown")) {
    return readOnly || !item ? null : { do: "move", direction: press.key === "ArrowUp" ? "up" : "down" };
  }
  if (command || press.altKey) return null;
  switch (press.key) {
    case "ArrowDown":
      return visible[at + 1] ? { do: "focus", id: visible[at + 1].id } : item ? null : visible[0] ? { do: "focus", id: visible[0].id } : null;
    case "ArrowUp":
      return at > 0 ? { do: "focus", id: visible[at - 1].id } : null;
    case "Home":
      return visible[0] ? { do: "focus", id: visible[0].id } : null;
    case "End":
      return visible.length ? { do: "focus", id: visible[visible.length - 1].id } : null;
    case "ArrowRight":
      if (!item || item.children === 0) return null;
      return collapsed.has(item.id) ? { do: "expand", id: item.id } : { do: "focus", id: visible[at + 1].id };
    case "ArrowLeft":
      if (!item) return null;
      if (item.children > 0 && !collapsed.has(item.id)) return { do: "collapse", id: item.id };
      return item.parent_id ? { do: "focus", id: item.parent_id } : null;
    case "Escape":
      return { do: "leave" };
  }
  if (readOnly) return null;
  if (press.key === "Enter" && !press.shiftKey) return { do: "add" };
  if (!item) return null;
  if (press.key === "Tab") return press.shiftKey ? { do: "outdent" } : { do: "indent" };
  if (press.key === "F2") return { do: "rename", initial: null };
  if (press.key === "Delete" || press.key === "Backspace") return { do: "delete" };
  if (isPrintable(press)) return { do: "rename", initial: press.key };
  return null;
}
