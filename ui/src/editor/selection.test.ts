import { describe, expect, it } from "vitest";
import type { MapView } from "../ipc/bindings";
import { NOTHING, selectionOnMap } from "./selection";

const view = {
  nodes: [{ id: "a" }, { id: "b" }],
  groups: [{ id: "g" }],
  edges: [{ id: "r" }],
} as unknown as MapView;

describe("selectionOnMap", () => {
  it("keeps a selection that is all on the map, as the same object", () => {
    const selection = { elements: ["a", "b"], groups: ["g"], edges: ["r"] };
    expect(selectionOnMap(selection, view)).toBe(selection);
  });

  it("drops boxes, groups and lines the map no longer has", () => {
    const selection = { elements: ["a", "gone"], groups: ["old"], edges: ["r", "deleted"] };
    expect(selectionOnMap(selection, view)).toEqual({ elements: ["a"], groups: [], edges: ["r"] });
  });

  it("is empty without a map", () => {
    expect(selectionOnMap({ elements: ["a"], groups: [], edges: [] }, null)).toBe(NOTHING);
  });
});
