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
