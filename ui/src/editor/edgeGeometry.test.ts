import { describe, expect, it } from "vitest";
import { facingAnchors } from "./edgeGeometry";

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
