import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Inspector, type InspectorActions } from "./Inspector";
import type { ElementNode, MapView } from "../ipc/bindings";

afterEach(cleanup);

const node = (id: string, lifecycle: string | null): ElementNode => ({
  id, group_id: null, kind: "product", kind_label: "Product", name: id, external: false, lifecycle, x: 0, y: 0, width: 180, height: 88, owners: [], hierarchy_parent: null,
});
const view: MapView = {
  map: { id: "m", name: "HR", model: "pyramid", model_label: "Pyramid", element_count: 2 },
  groups: [{ id: "g", parent_id: null, kind: "tier", kind_label: "Tier", name: "Products", x: 0, y: 0, width: 400, height: 200, collapsed: false, owners: [] }],
  nodes: [node("a", "growth"), node("b", null)],
  edges: [{ id: "r", kind: "rolls_up_to", kind_label: "rolls up to", source: "a", target: "b", route: null }],
  outline: [],
};

function actions(): InspectorActions {
  return {
    update: vi.fn(), putKpi: vi.fn(), deleteKpi: vi.fn(), changeOwner: vi.fn(), removeOwner: vi.fn(), renameGroup: vi.fn(),
    setCollapsed: vi.fn(), dissolveGroup: vi.fn(), setRelationKind: vi.fn(), deleteRelation: vi.fn(), goToMap: vi.fn(),
  };
}

describe("Inspector", () => {
  it("changes several elements at once and says when they differ", () => {
    const act = actions();
    render(<Inspector selection={{ elements: ["a", "b"], groups: [], edges: [] }} view={view} revision={0} readOnly={false} actions={act} onClose={() => undefined} />);
    const lifecycle = screen.getByTestId("several-lifecycle") as HTMLSelectElement;
    expect(lifecycle.value).toBe("mixed");
    fireEvent.change(lifecycle, { target: { value: "mature" } });
    expect(act.update).toHaveBeenCalledWith({ element_ids: ["a", "b"], lifecycle: "mature" });
  });

  it("changes what a relation means and collapses a group", () => {
    const act = actions();
    const { rerender } = render(<Inspector selection={{ elements: [], groups: [], edges: ["r"] }} view={view} revision={0} readOnly={false} actions={act} onClose={() => undefined} />);
    fireEvent.change(screen.getByTestId("relation-kind"), { target: { value: "supports" } });
    expect(act.setRelationKind).toHaveBeenCalledWith("r", "supports");
    rerender(<Inspector selection={{ elements: [], groups: ["g"], edges: [] }} view={view} revision={0} readOnly={false} actions={act} onClose={() => undefined} />);
    fireEvent.click(screen.getByTestId("group-collapsed"));
    expect(act.setCollapsed).toHaveBeenCalledWith("g", true);
  });

  it("changes nothing when the document is read-only", () => {
    const act = actions();
    render(<Inspector selection={{ elements: [], groups: [], edges: ["r"] }} view={view} revision={0} readOnly={true} actions={act} onClose={() => undefined} />);
    expect((screen.getByTestId("relation-kind") as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId("relation-delete") as HTMLButtonElement).disabled).toBe(true);
  });
});
