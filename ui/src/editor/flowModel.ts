// Turning the core's MapView into React Flow nodes and edges. No React here:
// this is data in, data out, tested in flowModel.test.ts.
import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import type { ElementNode, GroupNode, MapView, RelationEdge } from "../ipc/bindings";
import type { Badge } from "./problems";
import { kindColor } from "./palette";
import type { XY } from "./edgeGeometry";
import type { CaptureChoice } from "./capture";

/** A collapsed group shows only its title bar. */
export const COLLAPSED_HEIGHT = 40;

/** What the canvas adds to the core's view: badges, colours, renaming in place, group controls. */
export type NodeExtras = {
  badges: Map<string, Badge>;
  /** The element or group whose name shows as a text field. */
  renaming: string | null;
  /** Text the element's name field starts from instead of its name (the `@` key starts at "Name @"). */
  renameSeed: string | null;
  /** The new name (for an element, the typed line `kind: name @owner` and the picker's choice), or null when renaming was cancelled. */
  onRename: (id: string, name: string | null, choice?: CaptureChoice) => void;
  /** Opens a name for typing; `seed` is the text it starts from instead of the name. */
  onStartRename: (id: string, seed?: string) => void;
  /** The box colour of an element (by kind, tier, owner or lifecycle). */
  colorOf: (element: ElementNode) => string;
  onToggleCollapse: (groupId: string, collapsed: boolean) => void;
  /** A group resized by its handles: its new position and size. */
  onResizeGroup: (groupId: string, x: number, y: number, width: number, height: number) => void;
  readOnly: boolean;
};

export type ElementNodeData = {
  element: ElementNode;
  badge: Badge | null;
  color: string;
  renaming: boolean;
  renameSeed: string | null;
  onRename: NodeExtras["onRename"];
  onStartRename: NodeExtras["onStartRename"];
};

export type GroupNodeData = {
  group: GroupNode;
  dropTarget: boolean;
  /** How many elements and groups it holds, shown when collapsed. */
  holds: number;
  renaming: boolean;
  extras: NodeExtras;
};
export type RelationEdgeData = {
  relation: RelationEdge;
  /**
   * Where the two boxes were (top-left, on the map) when the core routed the
   * line. A box that is elsewhere now is being dragged, or its move is not
   * yet answered: its line is then drawn straight until the core routes it again.
   */
  routedFor: { source: XY; target: XY } | null;
};

export const NO_EXTRAS: NodeExtras = {
  badges: new Map(),
  renaming: null,
  renameSeed: null,
  onRename: () => undefined,
  onStartRename: () => undefined,
  colorOf: (element) => kindColor(element.kind),
  onToggleCollapse: () => undefined,
  onResizeGroup: () => undefined,
  readOnly: false,
};

export type TiermapNode = Node<ElementNodeData, "element"> | Node<GroupNodeData, "container">;
export type TiermapEdge = Edge<RelationEdgeData, "relation">;

/** Groups inside a collapsed group (at any depth), and the collapsed groups themselves. */
function hiddenGroups(view: MapView): Set<string> {
  const parent = new Map(view.groups.map((g) => [g.id, g.parent_id]));
  const collapsed = new Set(view.groups.filter((g) => g.collapsed).map((g) => g.id));
  const hidden = new Set<string>();
  for (const group of view.groups) {
    let current = group.parent_id;
    for (let steps = 0; current && steps <= view.groups.length; steps++) {
      if (collapsed.has(current)) {
        hidden.add(group.id);
        break;
      }
      current = parent.get(current) ?? null;
    }
  }
  return hidden;
}

/**
 * Where a box's two handles are (the line end on top, the dot under it), as
 * ElementNodeView draws them. Known in advance, React Flow never waits for
 * the page to measure them: a line is drawn the moment both its boxes are
 * there, however fast boxes come and go (typing, undo bursts, zoomed in).
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  return [
    { id: null, type: "target", position: Position.Top, x: width / 2 - 4, y: -4, width: 8, height: 8 },
    { id: null, type: "source", position: Position.Bottom, x: width / 2 - 4, y: height - 4, width: 8, height: 8 },
  ];
}

/** Groups first (parents before children, as React Flow requires), then elements. */
export function toFlowNodes(view: MapView, dropTarget: string | null = null, extras: NodeExtras = NO_EXTRAS): TiermapNode[] {
  const hidden = hiddenGroups(view);
  const insideCollapsed = (groupId: string | null) =>
    groupId !== null && (hidden.has(groupId) || view.groups.some((g) => g.id === groupId && g.collapsed));
  const holds = new Map<string, number>();
  for (const item of [...view.nodes.map((n) => n.group_id), ...view.groups.map((g) => g.parent_id)]) {
    if (item) holds.set(item, (holds.get(item) ?? 0) + 1);
  }
  const groups: TiermapNode[] = view.groups.map((group) => {
    const height = group.collapsed ? COLLAPSED_HEIGHT : group.height;
    return {
      id: group.id,
      type: "container",
      position: { x: group.x, y: group.y },
      parentId: group.parent_id ?? undefined,
      data: { group, dropTarget: group.id === dropTarget, holds: holds.get(group.id) ?? 0, renaming: extras.renaming === group.id, extras },
      style: { width: group.width, height },
      width: group.width,
      height,
      // Known sizes from the core: React Flow keeps a node's measurements only when it arrives with one.
      measured: { width: group.width, height },
      hidden: hidden.has(group.id),
      zIndex: 0,
    };
  });
  const elements: TiermapNode[] = view.nodes.map((element) => ({
    id: element.id,
    type: "element",
    position: { x: element.x, y: element.y },
    parentId: element.group_id ?? undefined,
    data: {
      element,
      badge: extras.badges.get(element.id) ?? null,
      color: extras.colorOf(element),
      renaming: extras.renaming === element.id,
      renameSeed: extras.renaming === element.id ? extras.renameSeed : null,
      onRename: extras.onRename,
      onStartRename: extras.onStartRename,
    },
    width: element.width,
    height: element.height,
    measured: { width: element.width, height: element.height },
    handles: handlesOf(element.width, element.height),
    hidden: insideCollapsed(element.group_id),
    // A box being named shows its picker below it, over its neighbours.
    zIndex: extras.renaming === element.id ? 5 : 1,
  }));
  return [...groups, ...elements];
}

/**
 * The core's nodes, selected as the ones shown now are and with the sizes
 * React Flow measured for them. A node that arrives without a measured size
 * loses its measurements in React Flow (its lines are not drawn and fitting
 * leaves it out) until it is drawn again, which a box off-screen never is.
 */
export function carryOver(shown: TiermapNode[], next: TiermapNode[]): TiermapNode[] {
  const byId = new Map(shown.map((n) => [n.id, n]));
  return next.map((n) => {
    const before = byId.get(n.id);
    if (!before) return n;
    const measured = before.measured?.width && before.measured.height && n.width === before.width && n.height === before.height ? before.measured : n.measured;
    return { ...n, measured, selected: before.selected ?? false };
  });
}

/** Where each element's box is on the map: its position added up through its groups (which come parents first). */
function mapPositions(view: MapView): Map<string, XY> {
  const groups = new Map<string, XY>();
  for (const group of view.groups) {
    const origin = (group.parent_id && groups.get(group.parent_id)) || { x: 0, y: 0 };
    groups.set(group.id, { x: origin.x + group.x, y: origin.y + group.y });
  }
  const at = new Map<string, XY>();
  for (const node of view.nodes) {
    const origin = (node.group_id && groups.get(node.group_id)) || { x: 0, y: 0 };
    at.set(node.id, { x: origin.x + node.x, y: origin.y + node.y });
  }
  return at;
}

export function toFlowEdges(view: MapView): TiermapEdge[] {
  const at = mapPositions(view);
  return view.edges.map((relation) => {
    const source = at.get(relation.source);
    const target = at.get(relation.target);
    return {
      id: relation.id,
      type: "relation",
      source: relation.source,
      target: relation.target,
      data: { relation, routedFor: relation.route && source && target ? { source, target } : null },
      zIndex: 2,
    };
  });
}
