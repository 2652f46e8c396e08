import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ImportPreview } from "../ipc/bindings";

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  path: "/x/talent.xlsx", file_name: "talent.xlsx", format: "XLSX", sheets: ["Products", "People"], sheet: "Products", notes: [],
  rows: 3, rows_in_error: 1, created: [{ label: "Products", count: 2 }], updated: 0, unchanged: 0, changes: [], maps: ["Talent (pyramid)"],
  error_count: 1, warning_count: 0, skipped: [], problems_after: 0,
  issues: [{ severity: "error", place: "row 4", column: "kind", value: "produkt", message: "not a kind" }],
  ...over,
});

const importPreview = vi.fn();
vi.mock("../ipc/api", () => ({
  core: { importPreview: (sheet: string | null) => importPreview(sheet) },
  CoreError: class extends Error {},
}));

const { ImportDialog } = await import("./ImportDialog");

afterEach(() => {
  cleanup();
  importPreview.mockReset();
});

describe("ImportDialog", () => {
  it("shows every problem with its row, column and value and offers only the valid rows", async () => {
    importPreview.mockResolvedValue(preview());
    const onImport = vi.fn().mockResolvedValue({ document: {}, first_map_id: null, message: "ok" });
    render(<ImportDialog fileName="talent.xlsx" pick={1} readOnly={false} onImport={onImport} onClose={() => undefined} />);
    const issues = await screen.findByTestId("import-issues");
    expect(issues.textContent).toContain("row 4");
    expect(issues.textContent).toContain("produkt");
    expect((screen.getByTestId("import-start") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId("import-valid"));
    await waitFor(() => expect(onImport).toHaveBeenCalledWith("Products", true));
  });

  it("reads another sheet when one is chosen, and imports a clean source whole", async () => {
    importPreview.mockResolvedValue(preview({ rows_in_error: 0, error_count: 0, issues: [] }));
    const onImport = vi.fn().mockResolvedValue(null);
    render(<ImportDialog fileName="talent.xlsx" pick={1} readOnly={false} onImport={onImport} onClose={() => undefined} />);
    fireEvent.change(await screen.findByTestId("import-sheet"), { target: { value: "People" } });
    await waitFor(() => expect(importPreview).toHaveBeenLastCalledWith("People"));
    await screen.findByTestId("import-summary");
    expect(screen.queryByTestId("import-valid")).toBeNull();
    fireEvent.click(screen.getByTestId("import-start"));
    await waitFor(() => expect(onImport).toHaveBeenCalledWith("Products", false));
  });
});
