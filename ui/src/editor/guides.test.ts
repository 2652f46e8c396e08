import { describe, expect, it } from "vitest";
import { align } from "./guides";

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe("align", () => {
  it("snaps a left edge near another's left edge and shows the guide", () => {
    const result = align(box(103, 300), [box(100, 0)], 6);
    expect(result).toEqual({ x: 100, y: 300, vertical: 100, horizontal: null });
  });

  it("snaps centres and picks the closest line on each axis", () => {
    // Centre x 155 near 150 (the other's centre); top 52 near the other's bottom 50.
    const result = align(box(105, 52), [box(100, 0)], 6);
    expect(result.x).toBe(100);
    expect(result.vertical).toBe(100);
    expect(result.y).toBe(50);
    expect(result.horizontal).toBe(50);
  });

  it("leaves a box alone when nothing is near", () => {
    expect(align(box(400, 400), [box(0, 0)], 6)).toEqual({ x: 400, y: 400, vertical: null, horizontal: null });
    expect(align(box(10, 10), [], 6)).toEqual({ x: 10, y: 10, vertical: null, horizontal: null });
  });
});
