import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { OutlinePanel, type OutlineEdits } from "./OutlinePanel";
import type { MapView, OutlineItem } from "../ipc/bindings";

afterEach(cleanup);

const line = (id: string, name: string, depth: number, parent_id: string | null, children = 0): OutlineItem => ({
  id, item: "element", name, kind: "product", kind_label: "Product", depth, parent_id, children,
});
const view = (outline: OutlineItem[]): MapView => ({
  map: { id: "m", name: "HR", model: "pyramid", model_label: "Pyramid", element_count: outline.length },
  groups: [],
  nodes: [],
  edges: [],
  outline,
});
const pyramid = view([line("hr", "HR", 0, null, 2), line("pay", "Payroll", 1, "hr"), line("hire", "Hiring", 1, "hr")]);

function edits(): OutlineEdits {
  return {
    add: vi.fn(async () => "new"),
    indent: vi.fn(async () => null),
    outdent: vi.fn(async () => null),
    move: vi.fn(async () => null),
    rename: vi.fn(async () => null),
    remove: vi.fn(async () => null),
    paste: vi.fn(async () => ["p1", "p2"]),
  };
}

function show(edit: OutlineEdits, readOnly = false, selected: string[] = [], onSelect = vi.fn()) {
  return render(
    <OutlinePanel view={pyramid} selection={{ elements: selected, groups: [], edges: [] }} readOnly={readOnly} edits={edit} onSelect={onSelect} onLeave={vi.fn()} onClose={vi.fn()} />,
  );
}

const lines = () => screen.getAllByRole("treeitem");
const key = async (target: Element, k: string, extra: Record<string, boolean> = {}) => {
  await act(async () => {
    fireEvent.keyDown(target, { key: k, ...extra });
  });
};

describe("OutlinePanel", () => {
  it("is a tree a screen reader reads: levels, expanded, selected, one tab stop", () => {
    show(edits(), false, ["pay"]);
    const tree = screen.getByRole("tree");
    expect(tree.getAttribute("aria-multiselectable")).toBe("true");
    const [hr, pay, hire] = lines();
    expect(hr.getAttribute("aria-level")).toBe("1");
    expect(hr.getAttribute("aria-expanded")).toBe("true");
    expect(pay.getAttribute("aria-level")).toBe("2");
    expect(pay.getAttribute("aria-expanded")).toBeNull();
    expect(pay.getAttribute("aria-selected")).toBe("true");
    expect(hire.getAttribute("aria-posinset")).toBe("2");
    expect(hire.getAttribute("aria-setsize")).toBe("2");
    // The canvas's selection is the one line in the tab order.
    expect(lines().map((l) => l.tabIndex)).toEqual([-1, 0, -1]);
  });

  it("moves with the arrows, selects on the canvas, folds with left", async () => {
    const onSelect = vi.fn();
    show(edits(), false, [], onSelect);
    const [hr] = lines();
    hr.focus();
    await key(hr, "ArrowDown");
    expect(onSelect).toHaveBeenLastCalledWith(["pay"]);
    expect(document.activeElement?.textContent).toContain("Payroll");
    await key(document.activeElement!, "ArrowLeft");
    expect(onSelect).toHaveBeenLastCalledWith(["hr"]);
    await key(document.activeElement!, "ArrowLeft");
    expect(lines()).toHaveLength(1);
    expect(lines()[0].getAttribute("aria-expanded")).toBe("false");
  });

  it("asks the core for each edit on the focused line and keeps the window's keys out", async () => {
    const edit = edits();
    const windowKeys = vi.fn();
    window.addEventListener("keydown", windowKeys);
    show(edit, false, ["hire"]);
    const hire = lines()[2];
    hire.focus();
    await key(hire, "Tab");
    expect(edit.indent).toHaveBeenCalledWith("hire");
    await key(hire, "Tab", { shiftKey: true });
    expect(edit.outdent).toHaveBeenCalledWith("hire");
    await key(hire, "ArrowUp", { altKey: true });
    expect(edit.move).toHaveBeenCalledWith("hire", "up");
    await key(hire, "Delete");
    expect(edit.remove).toHaveBeenCalledWith(expect.objectContaining({ id: "hire" }));
    expect(windowKeys).not.toHaveBeenCalled();
    window.removeEventListener("keydown", windowKeys);
  });

  it("renames by typing: the first key starts the name, Enter stores, Escape cancels", async () => {
    const edit = edits();
    show(edit, false, ["pay"]);
    const pay = lines()[1];
    pay.focus();
    await key(pay, "W");
    const field = screen.getByTestId("outline-name-field") as HTMLInputElement;
    expect(field.value).toBe("W");
    fireEvent.change(field, { target: { value: "Wages" } });
    await key(field, "Enter");
    expect(edit.rename).toHaveBeenCalledWith(expect.objectContaining({ id: "pay" }), "Wages");
    await key(lines()[1], "F2");
    const again = screen.getByTestId("outline-name-field") as HTMLInputElement;
    expect(again.value).toBe("Payroll");
    fireEvent.change(again, { target: { value: "Nope" } });
    await key(again, "Escape");
    expect(edit.rename).toHaveBeenCalledTimes(1);
  });

  it("Enter adds a line after this one and opens its name; Tab while naming stores and indents", async () => {
    const edit = edits();
    const { rerender } = show(edit, false, ["pay"]);
    const pay = lines()[1];
    pay.focus();
    await key(pay, "Enter");
    expect(edit.add).toHaveBeenCalledWith("pay");
    // The core's answer: the new line after Payroll.
    rerender(
      <OutlinePanel
        view={view([...pyramid.outline.slice(0, 2), line("new", "New element", 1, "hr"), pyramid.outline[2]])}
        selection={{ elements: ["new"], groups: [], edges: [] }}
        readOnly={false}
        edits={edit}
        onSelect={vi.fn()}
        onLeave={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    const field = screen.getByTestId("outline-name-field") as HTMLInputElement;
    fireEvent.change(field, { target: { value: "Benefits" } });
    await key(field, "Tab");
    expect(edit.rename).toHaveBeenCalledWith(expect.objectContaining({ id: "new" }), "Benefits");
    expect(edit.indent).toHaveBeenCalledWith("new");
  });

  it("a pasted list goes to the core at the focused line", async () => {
    const edit = edits();
    show(edit, false, ["pay"]);
    const pay = lines()[1];
    pay.focus();
    await act(async () => {
      fireEvent.paste(pay, { clipboardData: { getData: () => "Learning\n\tCourses" } });
    });
    expect(edit.paste).toHaveBeenCalledWith("pay", "Learning\n\tCourses");
  });

  it("reads but never edits when the document cannot change", async () => {
    const edit = edits();
    show(edit, true, ["pay"]);
    const pay = lines()[1];
    pay.focus();
    for (const k of ["Enter", "Tab", "Delete", "x", "F2"]) await key(pay, k);
    await act(async () => {
      fireEvent.paste(pay, { clipboardData: { getData: () => "x" } });
    });
    for (const call of Object.values(edit)) expect(call).not.toHaveBeenCalled();
    expect(screen.queryByTestId("outline-name-field")).toBeNull();
  });

  it("when the active line goes (an undo), the line now in its place takes the tab stop", () => {
    const { rerender } = show(edits(), false, ["hire"]);
    expect(lines().map((l) => l.tabIndex)).toEqual([-1, -1, 0]);
    const props = { selection: { elements: [], groups: [], edges: [] }, readOnly: false, edits: edits(), onSelect: vi.fn(), onLeave: vi.fn(), onClose: vi.fn() };
    rerender(<OutlinePanel view={view(pyramid.outline.slice(0, 2))} {...props} />);
    expect(lines().map((l) => l.tabIndex)).toEqual([-1, 0]);
  });

  it("says where the active line went after an edit moved it", () => {
    const props = { selection: { elements: ["hire"], groups: [], edges: [] }, readOnly: false, edits: edits(), onSelect: vi.fn(), onLeave: vi.fn(), onClose: vi.fn() };
    const { rerender } = render(<OutlinePanel view={pyramid} {...props} />);
    expect(screen.getByTestId("outline-said").textContent).toBe("");
    const indented = view([line("hr", "HR", 0, null, 1), line("pay", "Payroll", 1, "hr", 1), { ...line("hire", "Hiring", 2, "pay"), kind: "service", kind_label: "Service" }]);
    rerender(<OutlinePanel view={indented} {...props} />);
    expect(screen.getByTestId("outline-said").textContent).toBe("Hiring, Service, level 3, under Payroll");
  });
});
