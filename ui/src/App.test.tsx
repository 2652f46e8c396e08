import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
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
});
