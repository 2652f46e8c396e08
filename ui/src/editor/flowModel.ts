// Turning the core's MapView into React Flow nodes and edges. No React here:
// this is data in, data out, tested in flowModel.test.ts.
import type { Edge, Node } from "@xyflow/react";
import type { ElementNode, GroupNode, MapView, RelationEdge } from "../ipc/bindings";
import type { Badge } from "./problems";

export type ElementNodeData = { element: ElementNode; badge: Badge | null };
export type GroupNodeData = { group: GroupNode; dropTarget: boolean };
export type RelationEdgeData = { relation: RelationEdge };

export type TiermapNode = Node<ElementNodeData, "element"> | Node<GroupNodeData, "container">;
export type TiermapEdge = Edge<RelationEdgeData, "relation">;

/** Groups first (parents before children, as React Flow requires), then elements. */
export function toFlowNodes(view: MapView, dropTarget: string | null = null, badges: Map<string, Badge> = new Map()): TiermapNode[] {
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
    data: { element, badge: badges.get(element.id) ?? null },
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
