import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import { ErrorBoundary } from "./ErrorBoundary";

let broken = true;
let mounts = 0;
function Flaky() {
  if (broken) throw new TypeError("Cannot read properties of undefined (reading 'kind')");
  mounts += 1;
  return <p>the map</p>;
}

describe("ErrorBoundary", () => {
  it("shows what happened instead of a blank window, and draws the window anew on continue", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId("crash-screen").textContent).toContain("Your document is safe");
    expect(screen.getByTestId("crash-screen").textContent).toContain("reading 'kind'");
    expect(log).toHaveBeenCalled();
    broken = false;
    fireEvent.click(screen.getByTestId("crash-continue"));
    expect(screen.getByText("the map")).toBeTruthy();
    expect(mounts).toBe(1);
    log.mockRestore();
  });
});
