// Alignment guides while dragging: when a box's left, centre or right edge
// (or top, middle, bottom) comes within a few pixels of another box's, it
// snaps there and a guide line shows the alignment. Pure geometry; the
// canvas draws the lines.

export type Box = { x: number; y: number; width: number; height: number };

export type Alignment = {
  /** Where the box goes: its own position, or snapped onto a guide. */
  x: number;
  y: number;
  /** The x of a vertical guide line, if one applies. */
  vertical: number | null;
  /** The y of a horizontal guide line, if one applies. */
  horizontal: number | null;
};

/** The three lines of a box along one axis: start, middle, end. */
function lines(start: number, size: number): number[] {
  return [start, start + size / 2, start + size];
}

/** The closest match along one axis within `threshold`: the shift to apply and the line. */
function closest(moving: number[], others: number[][], threshold: number): { shift: number; line: number } | null {
  let best: { shift: number; line: number } | null = null;
  for (const other of others) {
    for (const target of other) {
      for (const edge of moving) {
        const shift = target - edge;
        if (Math.abs(shift) <= threshold && (best === null || Math.abs(shift) < Math.abs(best.shift))) best = { shift, line: target };
      }
    }
  }
  return best;
}

export function align(moving: Box, others: Box[], threshold: number): Alignment {
  const vertical = closest(lines(moving.x, moving.width), others.map((o) => lines(o.x, o.width)), threshold);
  const horizontal = closest(lines(moving.y, moving.height), others.map((o) => lines(o.y, o.height)), threshold);
  return {
    x: moving.x + (vertical?.shift ?? 0),
    y: moving.y + (horizontal?.shift ?? 0),
    vertical: vertical?.line ?? null,
    horizontal: horizontal?.line ?? null,
  };
}
