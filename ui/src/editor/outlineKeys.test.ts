import { describe, expect, it } from "vitest";
import type { OutlineItem } from "../ipc/bindings";
import { ancestorsOf, outlineKey, positionsInSet, visibleItems } from "./outlineKeys";

const line = (id: string, depth: number, parent_id: string | null, children = 0): OutlineItem => ({
  id, item: "element", name: id, kind: "product", kind_label: "Product", depth, parent_id, children,
});
// hr ─ payroll ─ runs
//    └ hiring
const items = [line("hr", 0, null, 2), line("payroll", 1, "hr", 1), line("runs", 2, "payroll"), line("hiring", 1, "hr")];
const press = (key: string, extra: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra });
const none: ReadonlySet<string> = new Set();

describe("outline keys", () => {
  it("hides what is below a folded line", () => {
    expect(visibleItems(items, new Set(["payroll"])).map((i) => i.id)).toEqual(["hr", "payroll", "hiring"]);
    expect(visibleItems(items, new Set(["hr"])).map((i) => i.id)).toEqual(["hr"]);
    expect(ancestorsOf(items, "runs")).toEqual(["payroll", "hr"]);
    expect(positionsInSet(items).get("hiring")).toEqual({ pos: 2, size: 2 });
  });

  it("moves and folds as a WAI-ARIA tree", () => {
    expect(outlineKey(press("ArrowDown"), items, "payroll", none, false)).toEqual({ do: "focus", id: "runs" });
    expect(outlineKey(press("ArrowUp"), items, "payroll", none, false)).toEqual({ do: "focus", id: "hr" });
    expect(outlineKey(press("ArrowUp"), items, "hr", none, false)).toBeNull();
    expect(outlineKey(press("ArrowLeft"), items, "payroll", none, false)).toEqual({ do: "collapse", id: "payroll" });
    expect(outlineKey(press("ArrowLeft"), items, "runs", none, false)).toEqual({ do: "focus", id: "payroll" });
    const folded = new Set(["payroll"]);
    expect(outlineKey(press("ArrowRight"), visibleItems(items, folded), "payroll", folded, false)).toEqual({ do: "expand", id: "payroll" });
    expect(outlineKey(press("ArrowRight"), items, "payroll", none, false)).toEqual({ do: "focus", id: "runs" });
    expect(outlineKey(press("ArrowRight"), items, "runs", none, false)).toBeNull();
    expect(outlineKey(press("End"), items, "hr", none, false)).toEqual({ do: "focus", id: "hiring" });
    expect(outlineKey(press("Home"), items, "runs", none, false)).toEqual({ do: "focus", id: "hr" });
  });

  it("edits as an outliner, and only when the document can change", () => {
    expect(outlineKey(press("Enter"), items, "runs", none, false)).toEqual({ do: "add" });
    expect(outlineKey(press("Tab"), items, "hiring", none, false)).toEqual({ do: "indent" });
    expect(outlineKey(press("Tab", { shiftKey: true }), items, "hiring", none, false)).toEqual({ do: "outdent" });
    const gtk = new KeyboardEvent("keydown", { key: "Unidentified", code: "Tab", shiftKey: true });
    expect(outlineKey(gtk, items, "hiring", none, false), "Shift+Tab as GTK may send it").toEqual({ do: "outdent" });
    expect(outlineKey(press("ArrowUp", { altKey: true }), items, "hiring", none, false)).toEqual({ do: "move", direction: "up" });
    expect(outlineKey(press("ArrowDown", { altKey: true }), items, "hiring", none, false)).toEqual({ do: "move", direction: "down" });
    expect(outlineKey(press("F2"), items, "hiring", none, false)).toEqual({ do: "rename", initial: null });
    expect(outlineKey(press("P"), items, "hiring", none, false)).toEqual({ do: "rename", initial: "P" });
    expect(outlineKey(press("Delete"), items, "hiring", none, false)).toEqual({ do: "delete" });
    expect(outlineKey(press("Enter"), [], null, none, false)).toEqual({ do: "add" });
    for (const key of [press("Enter"), press("Tab"), press("P"), press("Delete"), press("ArrowUp", { altKey: true })]) {
      expect(outlineKey(key, items, "hiring", none, true)).toBeNull();
    }
    expect(outlineKey(press("ArrowDown"), items, "hr", none, true)).toEqual({ do: "focus", id: "payroll" });
    // The window's own shortcuts pass through.
    expect(outlineKey(press("z", { ctrlKey: true }), items, "hiring", none, false)).toBeNull();
    expect(outlineKey(press("Escape"), items, "hiring", none, false)).toEqual({ do: "leave" });
  });
});
