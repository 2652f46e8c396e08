import { describe, expect, it } from "vitest";
import type { Item } from "../editor/geometry";
import { planMoves } from "./moveItems";

const items: Item[] = [
  { id: "g1", kind: "group", position: { x: 0, y: 0 }, width: 400, height: 300 },
  { id: "g2", kind: "group", position: { x: 500, y: 0 }, width: 400, height: 300 },
  { id: "a", kind: "element", parentId: "g1", position: { x: 520, y: 40 }, width: 100, height: 50 },
  { id: "b", kind: "element", parentId: "g1", position: { x: 20, y: 40 }, width: 100, height: 50 },
];

describe("planMoves", () => {
  it("moves an element dragged over another group into that group", () => {
    expect(planMoves(items, ["a"])).toEqual([{ id: "a", item: "element", group_id: "g2", x: 20, y: 40 }]);
  });

  it("leaves an element in its group when it stays inside", () => {
    expect(planMoves(items, ["b"])).toEqual([{ id: "b", item: "element", group_id: "g1", x: 20, y: 40 }]);
  });

  it("moves a group with its contents as one item", () => {
    const moves = planMoves(items, ["g1", "b"]);
    expect(moves.map((m) => m.id)).toEqual(["g1"]);
    expect(moves[0].item).toBe("group");
  });
});
