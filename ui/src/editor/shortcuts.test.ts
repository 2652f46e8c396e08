import { describe, expect, it } from "vitest";
import { isTextEntry, presentingActionFor, shortcutFor } from "./shortcuts";

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
    expect(shortcutFor(press("k", { ctrlKey: true }))).toBeNull();
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
