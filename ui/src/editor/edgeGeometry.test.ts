import { describe, expect, it } from "vitest";
import { arrowHead, facingAnchors, labelPlace, routePath, samePlace } from "./edgeGeometry";

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

describe("routePath", () => {
  it("draws the core's route with each corner rounded by 8, as the SVG export writes it", () => {
    // The export's own test: M0 0L92 0Q100 0 100 8L100 50.
    const points = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
    ];
    expect(routePath(points)).toBe("M 0 0 L 92 0 Q 100 0 100 8 L 100 50");
  });

  it("rounds a corner by no more than half of either segment it joins", () => {
    const jog = [
      { x: 0, y: 0 },
      { x: 0, y: 20 },
      { x: 6, y: 20 },
      { x: 6, y: 60 },
    ];
    expect(routePath(jog)).toBe("M 0 0 L 0 17 Q 0 20 3 20 L 3 20 Q 6 20 6 23 L 6 60");
  });

  it("joins two points with a straight segment, and draws nothing of no points", () => {
    expect(routePath([{ x: 1, y: 2 }, { x: 1, y: 80.456 }])).toBe("M 1 2 L 1 80.46");
    expect(routePath([])).toBe("");
  });
});

describe("labelPlace", () => {
  const route = [
    { x: 0, y: 0 },
    { x: 0, y: 300 },
    { x: 120, y: 300 },
    { x: 120, y: 340 },
  ];

  it("puts a label in the middle of the longest horizontal segment it fits on", () => {
    expect(labelPlace(route, 80)).toEqual({ x: 60, y: 300, vertical: false });
  });

  it("turns it along the longest segment when no horizontal one is long enough", () => {
    expect(labelPlace(route, 200)).toEqual({ x: 0, y: 150, vertical: true });
  });

  it("has no place on a line of one point", () => {
    expect(labelPlace([{ x: 1, y: 1 }], 10)).toBeNull();
  });
});

describe("samePlace", () => {
  it("forgives rounding, not a move", () => {
    expect(samePlace({ x: 10, y: 10 }, { x: 10.2, y: 9.9 })).toBe(true);
    expect(samePlace({ x: 10, y: 10 }, { x: 22, y: 10 })).toBe(false);
  });
});
