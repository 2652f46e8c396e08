// Where a relation line leaves and enters its boxes: on the sides that face
// each other, so lines stay short whichever way the boxes are arranged.

export type Rect = { x: number; y: number; width: number; height: number };
export type Side = "top" | "bottom" | "left" | "right";
export type Anchor = { x: number; y: number; side: Side };

function centre(r: Rect) {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

function anchor(r: Rect, side: Side): Anchor {
  const c = centre(r);
  switch (side) {
    case "top":
      return { x: c.x, y: r.y, side };
    case "bottom":
      return { x: c.x, y: r.y + r.height, side };
    case "left":
      return { x: r.x, y: c.y, side };
    case "right":
      return { x: r.x + r.width, y: c.y, side };
  }
}

/** Anchors on the facing sides: top/bottom when one box is clearly above the other, else left/right. */
export function facingAnchors(source: Rect, target: Rect): { source: Anchor; target: Anchor } {
  const s = centre(source);
  const t = centre(target);
  const verticalGap = Math.abs(t.y - s.y) - (source.height + target.height) / 2;
  const horizontalGap = Math.abs(t.x - s.x) - (source.width + target.width) / 2;
  if (verticalGap > 0 && verticalGap >= horizontalGap) {
    return t.y < s.y
      ? { source: anchor(source, "top"), target: anchor(target, "bottom") }
      : { source: anchor(source, "bottom"), target: anchor(target, "top") };
  }
  return t.x < s.x
    ? { source: anchor(source, "left"), target: anchor(target, "right") }
    : { source: anchor(source, "right"), target: anchor(target, "left") };
}

/**
 * An arrowhead at `tip`, pointing into the box through its `side`, as a
 * closed path. Drawn as a plain path rather than an SVG marker: markers on
 * thousands of lines cost a browser most of each frame to paint.
 */
export function arrowHead(tip: Anchor, length = 9, halfWidth = 4.5): string {
  const [dx, dy] = { top: [0, 1], bottom: [0, -1], left: [1, 0], right: [-1, 0] }[tip.side];
  const baseX = tip.x - dx * length;
  const baseY = tip.y - dy * length;
  const [px, py] = [-dy * halfWidth, dx * halfWidth];
  return `M ${tip.x} ${tip.y} L ${baseX + px} ${baseY + py} L ${baseX - px} ${baseY - py} Z`;
}

export type XY = { x: number; y: number };

/**
 * How much a routed line's corners are rounded: at most 8 units, as the
 * exports round them (the core's `CORNER_RADIUS`, twice its clearance, so a
 * rounded corner stays as clear of the boxes as the square one).
 */
export const CORNER_RADIUS = 8;

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * SVG path data for the core's route: straight segments, each corner rounded
 * by a quadratic curve through it with at most `radius` and never more than
 * half of either segment it joins. The same path the SVG export writes, so
 * the canvas and the exports draw a line alike.
 */
export function routePath(points: XY[], radius = CORNER_RADIUS): string {
  if (points.length === 0) return "";
  let d = `M ${num(points[0].x)} ${num(points[0].y)}`;
  for (let i = 1; i + 1 < points.length; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const before = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    const after = Math.abs(c.x - b.x) + Math.abs(c.y - b.y);
    const r = Math.min(radius, before / 2, after / 2);
    const toward = (to: XY, length: number): XY => {
      const t = length > 0 ? r / length : 0;
      return { x: b.x + (to.x - b.x) * t, y: b.y + (to.y - b.y) * t };
    };
    const enter = toward(a, before);
    const leave = toward(c, after);
    d += ` L ${num(enter.x)} ${num(enter.y)} Q ${num(b.x)} ${num(b.y)} ${num(leave.x)} ${num(leave.y)}`;
  }
  if (points.length > 1) {
    const last = points[points.length - 1];
    d += ` L ${num(last.x)} ${num(last.y)}`;
  }
  return d;
}

/**
 * Where a line's label sits: the middle of its longest horizontal segment
 * that the label fits on (there it reads as written, in the channel the line
 * runs along), else the middle of its longest segment, turned along it when
 * that segment is vertical (a label laid across a narrow channel would cover
 * the boxes on either side).
 */
export function labelPlace(points: XY[], labelWidth: number): { x: number; y: number; vertical: boolean } | null {
  let bestHorizontal: [XY, XY] | null = null;
  let bestAny: [XY, XY] | null = null;
  const length = ([a, b]: [XY, XY]) => Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
  for (let i = 1; i < points.length; i++) {
    const segment: [XY, XY] = [points[i - 1], points[i]];
    if (!bestAny || length(segment) > length(bestAny)) bestAny = segment;
    if (segment[0].y === segment[1].y && length(segment) >= labelWidth && (!bestHorizontal || length(segment) > length(bestHorizontal))) {
      bestHorizontal = segment;
    }
  }
  const segment = bestHorizontal ?? bestAny;
  if (!segment) return null;
  const [a, b] = segment;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, vertical: a.x === b.x && a.y !== b.y };
}

/** True when two positions are the same, give or take rounding. */
export function samePlace(a: XY, b: XY): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}
