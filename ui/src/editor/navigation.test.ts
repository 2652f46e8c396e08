import { describe, expect, it } from "vitest";
import type { ElementNode, MapView } from "../ipc/bindings";
import { neighbour } from "./navigation";

const box = (id: string, x: number, y: number, parent: string | null, group: string | null = null): ElementNode => ({
  id,
  group_id: group,
  kind: "product",
  kind_label: "Product",
  name: id,
  external: false,
  lifecycle: null,
  x,
  y,
  width: 100,
  height: 50,
  owners: [],
  hierarchy_parent: parent,
});

// Retail rolls up nothing; Loans and Cards roll up to Retail; Rates to Loans. Loose sits apart, not in the hierarchy.
const view = {
  map: { id: "m", name: "M", model: "pyramid", model_label: "Pyramid", element_count: 5 },
  groups: [{ id: "t2", parent_id: null, kind: "tier", kind_label: "Tier", name: "Products", x: 0, y: 200, width: 800, height: 100, collapsed: false, owners: [] }],
  nodes: [box("Retail", 300, 0, null), box("Cards", 400, 20, "Retail", "t2"), box("Loans", 20, 20, "Retail", "t2"), box("Rates", 0, 400, "Loans"), box("Loose", 700, 0, null)],
  edges: [],
} as unknown as MapView;

describe("arrow keys walk the hierarchy", () => {
  it("goes to the parent, the first child and the siblings in reading order", () => {
    expect(neighbour(view, "Loans", "up")).toBe("Retail");
    expect(neighbour(view, "Retail", "down")).toBe("Loans");
    expect(neighbour(view, "Loans", "right")).toBe("Cards");
    expect(neighbour(view, "Cards", "left")).toBe("Loans");
    expect(neighbour(view, "Rates", "up")).toBe("Loans");
  });

  it("steps to the nearest box that way at the edge of the hierarchy, and starts at the top when nothing is selected", () => {
    expect(neighbour(view, "Retail", "right")).toBe("Loose");
    expect(neighbour(view, "Retail", "up")).toBeNull();
    expect(neighbour(view, null, "down")).toBe("Retail");
  });
});
