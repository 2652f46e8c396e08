import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { App } from "./App";

afterEach(async () => {
  cleanup();
  // Listeners are removed asynchronously on unmount: let that finish before the mocks go.
  await new Promise((resolve) => setTimeout(resolve, 0));
  clearMocks();
});

beforeEach(() => mockWindows("main"));

describe("App start-up", () => {
  it("explains a file that could not be opened, by its error code", async () => {
    mockIPC((command) => {
      if (command === "startup") {
        return { document: null, error: { code: "foreign_database", message: "/tmp/x.db: an SQLite database of another application" } };
      }
      return null;
    }, { shouldMockEvents: true });
    render(<App />);
    const alert = await screen.findByTestId("open-error");
    expect(alert.dataset.code).toBe("foreign_database");
    expect(alert.textContent).toContain("belongs to another application");
    expect(alert.textContent).toContain("/tmp/x.db");
  });

  it("offers to open a document when started without one", async () => {
    mockIPC((command) => (command === "startup" ? { document: null, error: null } : null), { shouldMockEvents: true });
    render(<App />);
    expect(await screen.findByTestId("welcome")).toBeTruthy();
  });

  it("welcomes with New, Open, Import and the recent documents; a new document asks its grouping model, a pyramid preselected", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, args) => {
      calls.push([command, args]);
      if (command === "startup") return { document: null, error: null };
      if (command === "recent_documents") return [{ name: "Retail", folder: "/home/f/clients" }, { name: "Lending", folder: "/home/f" }];
      return null;
    }, { shouldMockEvents: true });
    render(<App />);
    const recent = await screen.findAllByTestId("welcome-recent");
    expect(recent.map((r) => r.textContent)).toEqual(["Retail/home/f/clients", "Lending/home/f"]);
    fireEvent.click(recent[1]);
    await waitFor(() => expect(calls.some(([c, a]) => c === "open_recent" && (a as { index: number }).index === 1)).toBe(true));

    fireEvent.click(screen.getByTestId("welcome-new"));
    const pyramid = (await screen.findByTestId("model-pyramid")) as HTMLInputElement;
    expect(pyramid.checked).toBe(true);
    expect(screen.getByRole("dialog").textContent).toContain("what is it for");
    fireEvent.click(screen.getByTestId("model-market"));
    fireEvent.change(screen.getByTestId("new-map-name"), { target: { value: "Segments" } });
    fireEvent.click(screen.getByTestId("new-map-create"));
    await waitFor(() => expect(calls.find(([c]) => c === "new_document_dialog")?.[1]).toEqual({ model: "market", mapName: "Segments" }));
  });
});
