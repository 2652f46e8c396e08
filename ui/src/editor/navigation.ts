// The arrow keys walk the map's hierarchy, as the core sends it (each box's
// `hierarchy_parent`): ↑ the parent, ↓ the first child, ← → the siblings in
// reading order. A box outside the hierarchy, or at its edge, steps to the
// nearest box that way, so the keys always go somewhere sensible. No React;
// tested in navigation.test.ts.
import type { MapView } from "../ipc/bindings";
import { absolutePosition, indexItems, type XY } from "./geometry";

export type Direction = "up" | "down" | "left" | "right";

export function directionOf(key: string): Direction | null {
  if (key === "ArrowUp") return "up";
  if (key === "ArrowDown") return "down";
  if (key === "ArrowLeft") return "left";
  if (key === "ArrowRight") return "right";
  return null;
}

type Placed = { id: string; parent: string | null; centre: XY };

function placedBoxes(view: MapView): Placed[] {
  const items = indexItems([
    ...view.groups.map((g) => ({ id: g.id, kind: "group" as const, parentId: g.parent_id ?? undefined, position: { x: g.x, y: g.y }, width: g.width, height: g.height })),
    ...view.nodes.map((n) => ({ id: n.id, kind: "element" as const, parentId: n.group_id ?? undefined, position: { x: n.x, y: n.y }, width: n.width, height: n.height })),
  ]);
  return view.nodes.map((n) => {
    const at = absolutePosition(n.id, items);
    return { id: n.id, parent: n.hierarchy_parent, centre: { x: at.x + n.width / 2, y: at.y + n.height / 2 } };
  });
}

/** Reading order: left to right, then top to bottom. */
const reading = (a: Placed, b: Placed) => a.centre.x - b.centre.x || a.centre.y - b.centre.y;

/** The nearest box whose centre lies that way (within 45° of it), if any. */
function nearestThatWay(from: Placed, boxes: Placed[], direction: Direction): Placed | null {
  let best: Placed | null = null;
  let bestScore = Infinity;
  for (const box of boxes) {
    if (box.id === from.id) continue;
    const dx = box.centre.x - from.centre.x;
    const dy = box.centre.y - from.centre.y;
    const along = direction === "up" ? -dy : direction === "down" ? dy : direction === "left" ? -dx : dx;
    const across = direction === "up" || direction === "down" ? Math.abs(dx) : Math.abs(dy);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = box;
    }
  }
  return best;
}

/** The box the arrow key moves the selection to from `from` (the first box in reading order when nothing is selected). */
export function neighbour(view: MapView, from: string | null, direction: Direction): string | null {
  const boxes = placedBoxes(view);
  if (boxes.length === 0) return null;
  const here = boxes.find((b) => b.id === from);
  if (!here) return [...boxes].sort((a, b) => a.centre.y - b.centre.y || a.centre.x - b.centre.x)[0].id;
  const byId = new Map(boxes.map((b) => [b.id, b]));
  let step: Placed | undefined;
  if (direction === "up" && here.parent) step = byId.get(here.parent);
  if (direction === "down") step = boxes.filter((b) => b.parent === here.id).sort(reading)[0];
  if ((direction === "left" || direction === "right") && here.parent) {
    const siblings = boxes.filter((b) => b.parent === here.parent).sort(reading);
    step = siblings[siblings.findIndex((b) => b.id === here.id) + (direction === "left" ? -1 : 1)];
  }
  return (step ?? nearestThatWay(here, boxes, direction))?.id ?? null;
}
