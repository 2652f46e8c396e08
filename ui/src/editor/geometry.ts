// Positions on the canvas: absolute coordinates from parent-relative ones,
// and which group a dragged item lands in. No React; see geometry.test.ts.

export type XY = { x: number; y: number };

/** What geometry needs to know of a canvas item. */
export type Item = {
  id: string;
  kind: "element" | "group";
  parentId?: string;
  position: XY; // relative to parentId, or to the map
  width: number;
  height: number;
};

export type ById = Map<string, Item>;

export function indexItems(items: Item[]): ById {
  return new Map(items.map((item) => [item.id, item]));
}

/** Position on the map, adding up the positions of the enclosing groups. */
export function absolutePosition(id: string, items: ById): XY {
  let x = 0;
  let y = 0;
  let current = items.get(id);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    x += current.position.x;
    y += current.position.y;
    current = current.parentId ? items.get(current.parentId) : undefined;
  }
  return { x, y };
}

function isInside(id: string, ancestor: string, items: ById): boolean {
  let current = items.get(id);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    if (current.id === ancestor) return true;
    seen.add(current.id);
    current = current.parentId ? items.get(current.parentId) : undefined;
  }
  return false;
}

function depth(id: string, items: ById): number {
  let n = 0;
  let current = items.get(id);
  while (current?.parentId && n < items.size) {
    n += 1;
    current = items.get(current.parentId);
  }
  return n;
}

/**
 * The innermost group whose rectangle holds `point`, leaving out `moving`
 * itself and anything inside it (a group cannot be dropped into itself).
 */
export function groupAt(point: XY, items: ById, moving: string): string | null {
  let best: { id: string; depth: number } | null = null;
  for (const item of items.values()) {
    if (item.kind !== "group" || isInside(item.id, moving, items)) continue;
    const at = absolutePosition(item.id, items);
    const inside =
      point.x >= at.x && point.x <= at.x + item.width && point.y >= at.y && point.y <= at.y + item.height;
    if (!inside) continue;
    const d = depth(item.id, items);
    if (!best || d > best.depth) best = { id: item.id, depth: d };
  }
  return best?.id ?? null;
}

/** Where a dragged item lands: the group under its centre and its position relative to that group. */
export function landing(id: string, items: ById): { groupId: string | null; position: XY } {
  const item = items.get(id);
  if (!item) return { groupId: null, position: { x: 0, y: 0 } };
  const at = absolutePosition(id, items);
  const centre = { x: at.x + item.width / 2, y: at.y + item.height / 2 };
  const groupId = groupAt(centre, items, id);
  const origin = groupId ? absolutePosition(groupId, items) : { x: 0, y: 0 };
  return { groupId, position: { x: round(at.x - origin.x), y: round(at.y - origin.y) } };
}

/** Positions are stored to a tenth of a pixel: enough, and stable in the file. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Size of a new element's box: the core's layout uses the same (NODE_WIDTH, NODE_HEIGHT). */
export const NEW_NODE = { width: 180, height: 88 };

/**
 * Where a new element dropped at `point` (map coordinates) goes: the
 * innermost group under the point, and its top-left corner relative to that
 * group so the box is centred on the pointer.
 */
export function dropPlace(point: XY, items: ById): { groupId: string | null; position: XY } {
  const groupId = groupAt(point, items, "");
  const origin = groupId ? absolutePosition(groupId, items) : { x: 0, y: 0 };
  return {
    groupId,
    position: { x: round(point.x - origin.x - NEW_NODE.width / 2), y: round(point.y - origin.y - NEW_NODE.height / 2) },
  };
}
