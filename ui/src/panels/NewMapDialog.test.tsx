import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NewMapDialog } from "./NewMapDialog";

afterEach(cleanup);

describe("NewMapDialog", () => {
  it("creates a map with the chosen model and a name, or a name from the model", () => {
    const onCreate = vi.fn();
    render(<NewMapDialog onCreate={onCreate} onCancel={() => undefined} />);
    fireEvent.click(screen.getByTestId("model-market"));
    fireEvent.click(screen.getByTestId("new-map-create"));
    expect(onCreate).toHaveBeenLastCalledWith("New market alignment", "market");
    fireEvent.change(screen.getByTestId("new-map-name"), { target: { value: "  Target state  " } });
    fireEvent.click(screen.getByTestId("new-map-create"));
    expect(onCreate).toHaveBeenLastCalledWith("Target state", "market");
  });
});
