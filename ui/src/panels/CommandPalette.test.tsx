import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { CommandPalette } from "./CommandPalette";
import type { ElementSummary } from "../ipc/bindings";

afterEach(cleanup);

const elements: ElementSummary[] = [
  { id: "p", kind: "product", kind_label: "Product", name: "Payroll", map_ids: ["m1"] },
  { id: "w", kind: "application", kind_label: "Application", name: "Workday", map_ids: [] },
];

describe("CommandPalette", () => {
  it("finds commands and elements by the words typed and runs the chosen one with Enter", () => {
    const arrange = vi.fn();
    const present = vi.fn();
    const onShow = vi.fn();
    const onClose = vi.fn();
    const commands = [
      { id: "arrange", label: "Arrange this map", run: arrange },
      { id: "present", label: "Present", keys: "F5", run: present },
    ];
    render(<CommandPalette commands={commands} elements={elements} mapNames={new Map([["m1", "HR"]])} onShow={onShow} onClose={onClose} />);
    const input = screen.getByTestId("command-input");
    expect(screen.getAllByTestId("command-entry")).toHaveLength(2);

    fireEvent.change(input, { target: { value: "pay" } });
    const found = screen.getAllByTestId("command-entry");
    expect(found).toHaveLength(1);
    expect(found[0].textContent).toContain("Payroll");
    expect(found[0].textContent).toContain("HR");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onShow).toHaveBeenCalledWith(elements[0]);
    expect(onClose).toHaveBeenCalled();

    fireEvent.change(input, { target: { value: "" } });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(present).toHaveBeenCalled();
    expect(arrange).not.toHaveBeenCalled();
  });
});
