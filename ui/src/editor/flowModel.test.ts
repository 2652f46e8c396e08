import { describe, expect, it } from "vitest";
import type { MapView } from "../ipc/bindings";
import { carryOver, COLLAPSED_HEIGHT, toFlowEdges, toFlowNodes } from "./flowModel";

const view: MapView = {
  map: { id: "m", name: "HR", model: "pyramid", model_label: "Pyramid", element_count: 2 },
  groups: [
    { id: "outer", parent_id: null, kind: "tier", kind_label: "Tier", name: "Products", x: 0, y: 0, width: 500, height: 200, collapsed: false, owners: [] },
    { id: "inner", parent_id: "outer", kind: "tier", kind_label: "Tier", name: "Sub", x: 10, y: 40, width: 200, height: 100, collapsed: false, owners: [] },
  ],
  nodes: [
    { id: "a", group_id: "inner", kind: "product", kind_label: "Product", name: "Payroll", external: false, lifecycle: null, x: 5, y: 6, width: 180, height: 72, owners: [], hierarchy_parent: null },
    { id: "b", group_id: null, kind: "service", kind_label: "Service", name: "Helpdesk", external: false, lifecycle: null, x: 600, y: 0, width: 180, height: 72, owners: [], hierarchy_parent: null },
  ],
  edges: [{ id: "r", kind: "rolls_up_to", kind_label: "rolls up to", source: "b", target: "a", route: null }],
  outline: [],
};

describe("toFlowNodes", () => {
  it("puts every parent before its children, as React Flow requires", () => {
    const nodes = toFlowNodes(view);
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const node of nodes) {
      if (node.parentId) expect(index.get(node.parentId)).toBeLessThan(index.get(node.id)!);
    }
  });

  it("keeps positions relative to the group and sizes from the core", () => {
    const a = toFlowNodes(view).find((n) => n.id === "a")!;
    expect(a.parentId).toBe("inner");
    expect(a.position).toEqual({ x: 5, y: 6 });
    expect(a.width).toBe(180);
    const b = toFlowNodes(view).find((n) => n.id === "b")!;
    expect(b.parentId).toBeUndefined();
  });

  it("marks the drop target group", () => {
    const nodes = toFlowNodes(view, "inner");
    const flags = nodes.filter((n) => n.type === "container").map((n) => [n.id, (n.data as { dropTarget: boolean }).dropTarget]);
    expect(flags).toEqual([["outer", false], ["inner", true]]);
  });
});

describe("collapsed groups", () => {
  it("show only their title bar and hide everything inside, at any depth", () => {
    const collapsed: MapView = { ...view, groups: view.groups.map((g) => (g.id === "outer" ? { ...g, collapsed: true } : g)) };
    const nodes = toFlowNodes(collapsed);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get("outer")!.height).toBe(COLLAPSED_HEIGHT);
    expect(byId.get("outer")!.hidden).toBe(false);
    expect(byId.get("inner")!.hidden).toBe(true);
    expect(byId.get("a")!.hidden).toBe(true);
    expect(byId.get("b")!.hidden).toBe(false);
    expect((byId.get("outer")!.data as { holds: number }).holds).toBe(1);
  });
});

describe("toFlowEdges", () => {
  it("keeps each relation's ends and kind", () => {
    expect(toFlowEdges(view)).toMatchObject([{ id: "r", source: "b", target: "a", type: "relation" }]);
  });

  it("notes where both boxes were on the map when the core routed the line", () => {
    const route = { points: [{ x: 600, y: 36 }, { x: 195, y: 86 }], start_side: "left" as const, end_side: "right" as const, routed: true };
    const routed: MapView = { ...view, edges: [{ ...view.edges[0], route }] };
    // a sits at (5, 6) in inner, which sits at (10, 40) in outer, at (0, 0).
    expect(toFlowEdges(routed)[0].data?.routedFor).toEqual({ source: { x: 600, y: 0 }, target: { x: 15, y: 46 } });
    expect(toFlowEdges(view)[0].data?.routedFor).toBeNull();
  });
});

describe("carryOver", () => {
  it("arrives with a measured size, so React Flow keeps drawing its lines and fitting it", () => {
    for (const node of toFlowNodes(view)) expect(node.measured?.width && node.measured.height).toBeTruthy();
  });

  it("gives every box its two handles, so lines never wait for the page to measure them", () => {
    const a = toFlowNodes(view).find((n) => n.id === "a")!;
    expect(a.handles?.map((h) => [h.type, h.position])).toEqual([
      ["target", "top"],
      ["source", "bottom"],
    ]);
  });

  it("keeps the selection and what React Flow measured, and lets go of both for new boxes", () => {
    const shown = toFlowNodes(view).map((n) => (n.id === "a" ? { ...n, selected: true, measured: { width: 180, height: 90 } } : n));
    const next = carryOver(shown, toFlowNodes({ ...view, nodes: [...view.nodes, { ...view.nodes[1], id: "c" }] }));
    const byId = new Map(next.map((n) => [n.id, n]));
    expect(byId.get("a")?.selected).toBe(true);
    expect(byId.get("a")?.measured).toEqual({ width: 180, height: 90 });
    expect(byId.get("b")?.selected).toBe(false);
    expect(byId.get("c")?.selected).toBeUndefined();
    expect(byId.get("c")?.measured).toEqual({ width: 180, height: 72 });
  });

  it("measures again when the core changed a box's size", () => {
    const shown = toFlowNodes(view).map((n) => (n.id === "outer" ? { ...n, measured: { width: 500, height: 200 } } : n));
    const grown = { ...view, groups: view.groups.map((g) => (g.id === "outer" ? { ...g, width: 700 } : g)) };
    expect(carryOver(shown, toFlowNodes(grown)).find((n) => n.id === "outer")?.measured).toEqual({ width: 700, height: 200 });
  });
});
