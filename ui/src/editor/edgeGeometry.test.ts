import { describe, expect, it } from "vitest";
import { arrowHead, facingAnchors } from "./edgeGeometry";

describe("facingAnchors", () => {
  const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

  it("joins a child below to its parent above, top to bottom", () => {
    const { source, target } = facingAnchors(box(0, 200), box(0, 0));
    expect(source).toEqual({ x: 50, y: 200, side: "top" });
    expect(target).toEqual({ x: 50, y: 50, side: "bottom" });
  });

  it("joins boxes side by side, right to left", () => {
    const { source, target } = facingAnchors(box(0, 0), box(300, 10));
    expect(source.side).toBe("right");
    expect(target.side).toBe("left");
  });
});

describe("arrowHead", () => {
  it("points into the box through the side the line enters", () => {
    // Entering through the top: the tip is on the edge, the base 9 px above it.
    expect(arrowHead({ x: 100, y: 50, side: "top" })).toBe("M 100 50 L 95.5 41 L 104.5 41 Z");
    expect(arrowHead({ x: 0, y: 0, side: "left" })).toBe("M 0 0 L -9 4.5 L -9 -4.5 Z");
  });
});
