import { describe, expect, it } from "vitest";
import { isMapFocus, isTextEntry, nudgeFor, NUDGE_STEP, presentingActionFor, shortcutFor } from "./shortcuts";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcutFor", () => {
  it("maps the usual undo, redo and open keys", () => {
    expect(shortcutFor(press("z", { ctrlKey: true }))).toBe("undo");
    expect(shortcutFor(press("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(shortcutFor(press("y", { ctrlKey: true }))).toBe("redo");
    expect(shortcutFor(press("o", { metaKey: true }))).toBe("open");
  });

  it("maps import and export to Ctrl+I and Ctrl+E", () => {
    expect(shortcutFor(press("i", { ctrlKey: true }))).toBe("import");
    expect(shortcutFor(press("e", { ctrlKey: true }))).toBe("export");
    expect(shortcutFor(press("i"))).toBeNull();
  });

  it("maps delete, fit and zoom", () => {
    expect(shortcutFor(press("Delete"))).toBe("delete");
    expect(shortcutFor(press("Backspace"))).toBe("delete");
    expect(shortcutFor(press("F2"))).toBe("rename");
    expect(shortcutFor(press("0", { ctrlKey: true }))).toBe("fit");
    expect(shortcutFor(press("+"))).toBe("zoom-in");
    expect(shortcutFor(press("-"))).toBe("zoom-out");
  });

  it("ignores plain keys and other combinations", () => {
    expect(shortcutFor(press("z"))).toBeNull();
    expect(shortcutFor(press("Delete", { altKey: true }))).toBeNull();
    expect(shortcutFor(press("z", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(press("q", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("c", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press("Enter", { shiftKey: true }))).toBeNull();
  });

  it("maps the editing keys of a diagram tool", () => {
    expect(shortcutFor(press("Enter"))).toBe("add-sibling");
    expect(shortcutFor(press("Tab"))).toBe("add-child");
    expect(shortcutFor(press("a", { ctrlKey: true }))).toBe("select-all");
    expect(shortcutFor(press("c", { ctrlKey: true }))).toBe("copy");
    expect(shortcutFor(press("x", { ctrlKey: true }))).toBe("cut");
    expect(shortcutFor(press("v", { ctrlKey: true }))).toBe("paste");
    expect(shortcutFor(press("d", { ctrlKey: true }))).toBe("duplicate");
    expect(shortcutFor(press("k", { ctrlKey: true }))).toBe("command-palette");
  });

  it("moves the selection with arrows, further with Shift", () => {
    expect(shortcutFor({ ...press("Unidentified", { shiftKey: true }), code: "Tab" }), "Shift+Tab as GTK may send it").toBe("add-above");
    expect(shortcutFor(press("Tab", { shiftKey: true }))).toBe("add-above");
    // As the window gets it: a real KeyboardEvent, whose fields are getters on its prototype.
    const real = new KeyboardEvent("keydown", { key: "Unidentified", code: "Tab", shiftKey: true });
    expect(shortcutFor(real)).toBe("add-above");
    expect(nudgeFor(press("ArrowLeft", { ctrlKey: true }))).toEqual({ dx: -NUDGE_STEP, dy: 0 });
    expect(nudgeFor(press("ArrowDown", { ctrlKey: true, shiftKey: true }))).toEqual({ dx: 0, dy: 5 * NUDGE_STEP });
    expect(nudgeFor(press("ArrowUp")), "plain arrows walk the hierarchy").toBeNull();
    expect(nudgeFor(press("ArrowUp", { altKey: true, ctrlKey: true }))).toBeNull();
    expect(nudgeFor(press("x"))).toBeNull();
  });
});

describe("isMapFocus", () => {
  it("is the page or the canvas, not a button or a panel", () => {
    const canvas = document.createElement("div");
    canvas.className = "canvas";
    const inside = document.createElement("div");
    canvas.appendChild(inside);
    expect(isMapFocus(document.body)).toBe(true);
    expect(isMapFocus(inside)).toBe(true);
    expect(isMapFocus(document.createElement("button"))).toBe(false);
  });
});

describe("isTextEntry", () => {
  it("recognises text fields", () => {
    expect(isTextEntry(document.createElement("input"))).toBe(true);
    expect(isTextEntry(document.createElement("div"))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe("presentingActionFor", () => {
  it("steps with arrows and leaves with Escape", () => {
    expect(shortcutFor(press("F5"))).toBe("present");
    expect(presentingActionFor(press("ArrowRight"))).toBe("next-map");
    expect(presentingActionFor(press("ArrowLeft"))).toBe("previous-map");
    expect(presentingActionFor(press("Escape"))).toBe("leave");
    expect(presentingActionFor(press("z", { ctrlKey: true }))).toBeNull();
  });
});
