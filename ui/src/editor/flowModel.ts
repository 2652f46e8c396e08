// Turning the core's MapView into React Flow nodes and edges. No React here:
// this is data in, data out, tested in flowModel.test.ts.
import type { Edge, Node } from "@xyflow/react";
import type { ElementNode, GroupNode, MapView, RelationEdge } from "../ipc/bindings";
import type { Badge } from "./problems";

/** What the canvas adds to the core's view: problem badges and renaming in place. */
export type NodeExtras = {
  badges: Map<string, Badge>;
  /** The element whose name shows as a text field. */
  renaming: string | null;
  /** The new name, or null when renaming was cancelled. */
  onRename: (id: string, name: string | null) => void;
  onStartRename: (id: string) => void;
};

export type ElementNodeData = {
  element: ElementNode;
  badge: Badge | null;
  renaming: boolean;
  onRename: NodeExtras["onRename"];
  onStartRename: NodeExtras["onStartRename"];
};

const NO_EXTRAS: NodeExtras = { badges: new Map(), renaming: null, onRename: () => undefined, onStartRename: () => undefined };
export type GroupNodeData = { group: GroupNode; dropTarget: boolean };
export type RelationEdgeData = { relation: RelationEdge };

export type TiermapNode = Node<ElementNodeData, "element"> | Node<GroupNodeData, "container">;
export type TiermapEdge = Edge<RelationEdgeData, "relation">;

/** Groups first (parents before children, as React Flow requires), then elements. */
export function toFlowNodes(view: MapView, dropTarget: string | null = null, extras: NodeExtras = NO_EXTRAS): TiermapNode[] {
  const groups: TiermapNode[] = view.groups.map((group) => ({
    id: group.id,
    type: "container",
    position: { x: group.x, y: group.y },
    parentId: group.parent_id ?? undefined,
    data: { group, dropTarget: group.id === dropTarget },
    style: { width: group.width, height: group.height },
    width: group.width,
    height: group.height,
    zIndex: 0,
  }));
  const elements: TiermapNode[] = view.nodes.map((element) => ({
    id: element.id,
    type: "element",
    position: { x: element.x, y: element.y },
    parentId: element.group_id ?? undefined,
    data: {
      element,
      badge: extras.badges.get(element.id) ?? null,
      renaming: extras.renaming === element.id,
      onRename: extras.onRename,
      onStartRename: extras.onStartRename,
    },
    width: element.width,
    height: element.height,
    zIndex: 1,
  }));
  return [...groups, ...elements];
}

export function toFlowEdges(view: MapView): TiermapEdge[] {
  return view.edges.map((relation) => ({
    id: relation.id,
    type: "relation",
    source: relation.source,
    target: relation.target,
    data: { relation },
    zIndex: 2,
  }));
}
