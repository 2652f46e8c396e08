import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useNodesState,
  useReactFlow,
  type NodeTypes,
  type EdgeTypes,
  type OnNodeDrag,
} from "@xyflow/react";
import type { ItemMove, MapView } from "../ipc/bindings";
import { toFlowEdges, toFlowNodes, type NodeExtras, type TiermapNode } from "../editor/flowModel";
import { dropPlace, indexItems, landing, type Item } from "../editor/geometry";
import { kindColor } from "../editor/palette";
import { planMoves } from "../actions/moveItems";
import { ElementNodeView } from "./nodes/ElementNodeView";
import { GroupNodeView } from "./nodes/GroupNodeView";
import { ArrowMarkers, RelationEdgeView } from "./edges/RelationEdgeView";

const nodeTypes: NodeTypes = { element: ElementNodeView, container: GroupNodeView };
const edgeTypes: EdgeTypes = { relation: RelationEdgeView };

function toItems(nodes: TiermapNode[]): Item[] {
  return nodes.map((node) => ({
    id: node.id,
    kind: node.type === "container" ? "group" : "element",
    parentId: node.parentId,
    position: node.position,
    width: node.measured?.width ?? node.width ?? 0,
    height: node.measured?.height ?? node.height ?? 0,
  }));
}

/** A request to select some elements and bring them into view; `nonce` makes each click count. */
export type FocusRequest = { ids: string[]; nonce: number };

/** A kind dropped from the palette at a screen point; `nonce` makes each drop count. */
export type DropRequest = { kind: string; clientX: number; clientY: number; nonce: number };

/** A key press for the canvas: fit, zoom, or act on the selection; `nonce` makes each press count. */
export type ViewRequest = { action: "fit" | "zoom-in" | "zoom-out" | "delete" | "rename"; nonce: number };

type Props = {
  view: MapView;
  viewRequest: ViewRequest | null;
  /** A line drawn from one element to another: the relation is chosen next. */
  onConnect: (sourceId: string, targetId: string) => void;
  /** Takes the given elements off this map (Delete on a selection). */
  onRemove: (elementIds: string[]) => void;
  drop: DropRequest | null;
  /** Creates an element of `kind` in `groupId` (or on the map) at a position relative to it. */
  onCreate: (kind: string, groupId: string | null, x: number, y: number) => void;
  readOnly: boolean;
  /** Problem badges and renaming in place, added to the core's view. */
  extras: NodeExtras;
  focus: FocusRequest | null;
  /** Stores the moves; resolves to the map as the core now has it. */
  onMove: (moves: ItemMove[]) => Promise<MapView | null>;
};

/** One map on the canvas. The core's MapView is the truth; the canvas only previews a drag. */
export function MapCanvas({ view, readOnly, extras, focus, viewRequest, onConnect, onRemove, drop, onCreate, onMove }: Props) {
  const initial = useMemo(() => toFlowNodes(view, null, extras), [view, extras]);
  const edges = useMemo(() => toFlowEdges(view), [view]);
  const [nodes, setNodes, onNodesChange] = useNodesState<TiermapNode>(initial);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const flow = useReactFlow();
  // Fitted once every node has its size; only then is the map "ready" (and
  // says so in data-ready, which the end-to-end tests wait for).
  const measured = useNodesInitialized();
  const [ready, setReady] = useState(false);
  const empty = view.nodes.length === 0 && view.groups.length === 0;
  useEffect(() => {
    if (ready || (!measured && !empty)) return;
    void flow.fitView({ padding: 0.08 }).then(() => setReady(true));
  }, [measured, empty, ready, flow]);

  // Keep the selection when the core sends the map again (after an edit elsewhere).
  useEffect(
    () => setNodes((current) => {
      const selected = new Set(current.filter((n) => n.selected).map((n) => n.id));
      return toFlowNodes(view, null, extras).map((n) => (selected.has(n.id) ? { ...n, selected: true } : n));
    }),
    [view, extras, setNodes],
  );

  useEffect(() => {
    if (!viewRequest) return;
    const animate = { duration: 200 };
    // The selection as shown right now (this render's nodes), not as last reported.
    const selected = nodes.filter((n) => n.selected && n.type === "element").map((n) => n.id);
    if (viewRequest.action === "fit") void flow.fitView({ padding: 0.08, ...animate });
    if (viewRequest.action === "zoom-in") void flow.zoomIn(animate);
    if (viewRequest.action === "zoom-out") void flow.zoomOut(animate);
    if (viewRequest.action === "delete" && selected.length > 0) onRemove(selected);
    if (viewRequest.action === "rename" && selected.length === 1) extras.onStartRename(selected[0]);
    // Only a new request acts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewRequest]);

  // A kind dropped from the palette: created where it landed, if it landed on the map.
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!drop || !area.current) return;
    const box = area.current.getBoundingClientRect();
    const inside = drop.clientX >= box.left && drop.clientX <= box.right && drop.clientY >= box.top && drop.clientY <= box.bottom;
    if (!inside) return;
    const point = flow.screenToFlowPosition({ x: drop.clientX, y: drop.clientY });
    const { groupId, position } = dropPlace(point, indexItems(toItems(nodes)));
    onCreate(drop.kind, groupId, position.x, position.y);
    // Only a new drop acts; the nodes are read as they are at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drop]);

  // Select the elements of a clicked problem and bring them into view.
  useEffect(() => {
    if (!focus) return;
    const wanted = new Set(focus.ids);
    setNodes((current) => current.map((n) => ({ ...n, selected: wanted.has(n.id) })));
    const onMap = focus.ids.filter((id) => view.nodes.some((n) => n.id === id));
    if (onMap.length > 0) {
      void flow.fitView({ nodes: onMap.map((id) => ({ id })), duration: 400, padding: 0.5, maxZoom: 1.2 });
    }
  }, [focus, flow, setNodes, view.nodes]);

  const onNodeDrag: OnNodeDrag<TiermapNode> = useCallback(
    (_event, node) => {
      const target = landing(node.id, indexItems(toItems(nodes))).groupId;
      if (target !== dropTarget) {
        setDropTarget(target);
        setNodes((current) =>
          current.map((n) => (n.type === "container" ? { ...n, data: { ...n.data, dropTarget: n.id === target } } : n)),
        );
      }
    },
    [nodes, dropTarget, setNodes],
  );

  const onNodeDragStop: OnNodeDrag<TiermapNode> = useCallback(
    async (_event, _node, dragged) => {
      setDropTarget(null);
      const moves = planMoves(toItems(nodes), dragged.map((n) => n.id));
      const updated = moves.length > 0 ? await onMove(moves) : null;
      // On failure the core kept the old arrangement: show it again.
      setNodes(toFlowNodes(updated ?? view, null, extras));
    },
    [nodes, onMove, setNodes, view, extras],
  );

  return (
    <div className="canvas" ref={area} data-testid="canvas" data-map-id={view.map.id} data-ready={ready}>
      <ArrowMarkers />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        deleteKeyCode={null}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        onConnect={({ source, target }) => source && target && source !== target && onConnect(source, target)}
        onConnectEnd={(event, state) => {
          // A line dropped anywhere on another element (not only on its small handle) connects to it.
          if (state.isValid || !state.fromNode) return;
          const point = "changedTouches" in event ? event.changedTouches[0] : event;
          const over = window.document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node-element");
          const target = over?.getAttribute("data-id");
          if (target && target !== state.fromNode.id) onConnect(state.fromNode.id, target);
        }}
        minZoom={0.1}
        maxZoom={3}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={(n) => (n.type === "element" ? kindColor((n.data as { element: { kind: string } }).element.kind) : "#e3e8ef")} />
      </ReactFlow>
    </div>
  );
}
