import { describe, expect, it } from "vitest";
import { absolutePosition, dropPlace, groupAt, indexItems, landing, type Item } from "./geometry";

const items: Item[] = [
  { id: "outer", kind: "group", position: { x: 100, y: 100 }, width: 600, height: 400 },
  { id: "inner", kind: "group", parentId: "outer", position: { x: 50, y: 60 }, width: 300, height: 200 },
  { id: "other", kind: "group", position: { x: 800, y: 100 }, width: 200, height: 200 },
  { id: "node", kind: "element", parentId: "inner", position: { x: 10, y: 20 }, width: 180, height: 72 },
];

describe("geometry", () => {
  it("adds up parent positions", () => {
    expect(absolutePosition("node", indexItems(items))).toEqual({ x: 160, y: 180 });
  });

  it("finds the innermost group under a point", () => {
    const byId = indexItems(items);
    expect(groupAt({ x: 200, y: 200 }, byId, "node")).toBe("inner");
    expect(groupAt({ x: 650, y: 450 }, byId, "node")).toBe("outer");
    expect(groupAt({ x: 50, y: 50 }, byId, "node")).toBeNull();
  });

  it("never drops a group into itself or its own children", () => {
    const byId = indexItems(items);
    expect(groupAt({ x: 200, y: 200 }, byId, "outer")).toBeNull();
    expect(groupAt({ x: 200, y: 200 }, byId, "inner")).toBe("outer");
  });

  it("moving a node into another group gives a position relative to that group", () => {
    const moved = items.map((i) => (i.id === "node" ? { ...i, position: { x: 700, y: 20 } } : i));
    // node is now at absolute (850, 180): inside "other" (800..1000, 100..300) by its centre (940, 216).
    expect(landing("node", indexItems(moved))).toEqual({ groupId: "other", position: { x: 50, y: 80 } });
  });

  it("moving a node out of every group gives a map position", () => {
    const moved = items.map((i) => (i.id === "node" ? { ...i, position: { x: -400, y: 500 } } : i));
    expect(landing("node", indexItems(moved))).toEqual({ groupId: null, position: { x: -250, y: 660 } });
  });
});

describe("dropPlace", () => {
  it("puts a new box centred on the pointer, inside the group under it", () => {
    expect(dropPlace({ x: 250, y: 250 }, indexItems(items))).toEqual({ groupId: "inner", position: { x: 10, y: 46 } });
    expect(dropPlace({ x: 20, y: 20 }, indexItems(items))).toEqual({ groupId: null, position: { x: -70, y: -24 } });
  });
});
