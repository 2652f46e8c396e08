import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ViewportPortal,
  useEdgesState,
  useNodesInitialized,
  useNodesState,
  useReactFlow,
  useStore,
  type NodeChange,
  type NodeTypes,
  type EdgeTypes,
  type OnNodeDrag,
  type OnSelectionChangeFunc,
} from "@xyflow/react";
import type { ItemMove, MapView } from "../ipc/bindings";
import { carryOver, toFlowEdges, toFlowNodes, type NodeExtras, type TiermapNode } from "../editor/flowModel";
import { absolutePosition, dropPlace, indexItems, landing, type Item, type XY } from "../editor/geometry";
import { align } from "../editor/guides";
import { planMoves } from "../actions/moveItems";
import { ElementNodeView } from "./nodes/ElementNodeView";
import { GroupNodeView } from "./nodes/GroupNodeView";
import { RelationEdgeView } from "./edges/RelationEdgeView";
import { takeOnce } from "./requests";
import type { Selection } from "../editor/selection";
import { neighbour, type Direction } from "../editor/navigation";

const nodeTypes: NodeTypes = { element: ElementNodeView, container: GroupNodeView };
const edgeTypes: EdgeTypes = { relation: RelationEdgeView };
/** The grid boxes snap to when snapping is on; the dots of the background show it. */
export const GRID = 12;
/** Below this zoom the boxes are too small to read: they show their colour and name only. */
const FAR = 0.45;
/** Below this zoom a name is a few pixels high: boxes are drawn as plain coloured blocks. */
const OVERVIEW = 0.2;
/** How near (in screen pixels) an edge must come to another's to snap to it. */
const GUIDE_PULL = 6;

function toItems(nodes: TiermapNode[]): Item[] {
  return nodes
    .filter((node) => !node.hidden)
    .map((node) => ({
      id: node.id,
      kind: node.type === "container" ? "group" : "element",
      parentId: node.parentId,
      position: node.position,
      width: node.measured?.width ?? node.width ?? 0,
      height: node.measured?.height ?? node.height ?? 0,
    }));
}

export { NOTHING, type Selection } from "../editor/selection";


/**
 * Select some elements; `fit` brings them into view (a clicked problem), otherwise they are only revealed if off-screen.
 * With `mapId`, only the canvas of that map acts on it (the tab is switching to it).
 */
export type FocusRequest = { ids: string[]; nonce: number; fit?: boolean; mapId?: string };

/** Something dragged from a side panel and dropped at a screen point: a new element or group, or an element of the document. */
export type DropRequest = { kind: string; elementId?: string; clientX: number; clientY: number; nonce: number };

/** Keys and commands the canvas answers itself (it knows the view and the selection at this very moment). */
export type ViewAction = "fit" | "zoom-in" | "zoom-out" | "select-all" | "rename" | "add-owner" | "navigate";
/** Keys and commands that act on the selection; the app carries them out. */
export type SelectionAction = "delete" | "copy" | "cut" | "paste" | "duplicate" | "add-sibling" | "add-child" | "add-above" | "nudge";
export type ViewRequest = { action: ViewAction | SelectionAction; nonce: number; dx?: number; dy?: number; direction?: Direction };

type Props = {
  view: MapView;
  viewRequest: ViewRequest | null;
  /** A line drawn from one element to another: the relation is chosen next. */
  onConnect: (sourceId: string, targetId: string) => void;
  drop: DropRequest | null;
  /** Something dropped on the map, with the group under it (or none) and its position relative to that group. */
  onDrop: (drop: DropRequest, groupId: string | null, x: number, y: number) => void;
  readOnly: boolean;
  /** Problem badges, colours, renaming in place and group controls, added to the core's view. */
  extras: NodeExtras;
  focus: FocusRequest | null;
  /** Stores the moves; resolves to the map as the core now has it. */
  onMove: (moves: ItemMove[]) => Promise<MapView | null>;
  onSelectionChange: (selection: Selection) => void;
  /** A selection action, with the selection as shown and the centre of the visible map (where pastes go). */
  onSelectionAction: (action: SelectionAction, selection: Selection, centre: XY, request: ViewRequest) => void;
  snap: boolean;
  onToggleSnap: () => void;
};

/** One map on the canvas. The core's MapView is the truth; the canvas only previews a drag. */
export function MapCanvas({ view, readOnly, extras, focus, viewRequest, onConnect, drop, onDrop, onMove, onSelectionChange, onSelectionAction, snap, onToggleSnap }: Props) {
  const initial = useMemo(() => toFlowNodes(view, null, extras), [view, extras]);
  const [nodes, setNodes, onNodesChange] = useNodesState<TiermapNode>(initial);
  const [edges, setEdges, onEdgesChange] = useEdgesState(toFlowEdges(view));
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [guides, setGuides] = useState<{ vertical: number | null; horizontal: number | null }>({ vertical: null, horizontal: null });
  const flow = useReactFlow();
  // Cheaper boxes when zoomed out (a boolean, so nodes re-render only when the threshold is crossed).
  const far = useStore((state) => state.transform[2] < FAR);
  const overview = useStore((state) => state.transform[2] < OVERVIEW);
  // The zoom in steps of 5%, for the stylesheet's minimum on-screen text size (names never shrink below it).
  const zoomStep = useStore((state) => Math.max(0.05, Math.round(state.transform[2] * 20) / 20));
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
  useEffect(() => {
    setNodes((current) => carryOver(current, toFlowNodes(view, null, extras)));
    setEdges((current) => {
      const selected = new Set(current.filter((e) => e.selected).map((e) => e.id));
      return toFlowEdges(view).map((e) => (selected.has(e.id) ? { ...e, selected: true } : e));
    });
  }, [view, extras, setNodes, setEdges]);

  const selection = useCallback(
    (): Selection => ({
      elements: nodes.filter((n) => n.selected && n.type === "element").map((n) => n.id),
      groups: nodes.filter((n) => n.selected && n.type === "container").map((n) => n.id),
      edges: edges.filter((e) => e.selected).map((e) => e.id),
    }),
    [nodes, edges],
  );

  const area = useRef<HTMLDivElement>(null);

  // Brings a box into view, without changing the zoom, when it is not fully visible.
  const reveal = useCallback(
    (id: string) => {
      const items = indexItems(toItems(toFlowNodes(view, null, extras)));
      const at = absolutePosition(id, items);
      const item = items.get(id);
      const box = area.current?.getBoundingClientRect();
      if (!item || !box) return;
      const topLeft = flow.flowToScreenPosition(at);
      const bottomRight = flow.flowToScreenPosition({ x: at.x + item.width, y: at.y + item.height });
      const visible = topLeft.x >= box.left && topLeft.y >= box.top && bottomRight.x <= box.right && bottomRight.y <= box.bottom;
      if (!visible) void flow.setCenter(at.x + item.width / 2, at.y + item.height / 2, { zoom: flow.getZoom(), duration: 250 });
    },
    [view, extras, flow],
  );
  const visibleCentre = useCallback((): XY => {
    const box = area.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  }, [flow]);

  useEffect(() => {
    if (!takeOnce(viewRequest)) return;
    const animate = { duration: 200 };
    const { action } = viewRequest;
    if (action === "fit") void flow.fitView({ padding: 0.08, ...animate });
    else if (action === "zoom-in") void flow.zoomIn(animate);
    else if (action === "zoom-out") void flow.zoomOut(animate);
    else if (action === "select-all") {
      setNodes((current) => current.map((n) => ({ ...n, selected: !n.hidden })));
      setEdges((current) => current.map((e) => ({ ...e, selected: false })));
    } else if (action === "navigate") {
      // The arrow keys: the selection moves along the hierarchy, and the view follows it.
      if (!viewRequest.direction) return;
      const from = nodes.find((n) => n.selected && n.type === "element")?.id ?? null;
      const next = neighbour(view, from, viewRequest.direction);
      if (!next) return;
      setNodes((current) => current.map((n) => (n.selected === (n.id === next) ? n : { ...n, selected: n.id === next })));
      setEdges((current) => current.map((e) => (e.selected ? { ...e, selected: false } : e)));
      reveal(next);
    } else if (action === "rename" || action === "add-owner") {
      // The selection as shown right now (this render's nodes), not as last reported.
      const selected = nodes.filter((n) => n.selected);
      if (selected.length !== 1) return;
      const only = selected[0];
      // @ on a box: its name field opens at "Name @", the owner picker ready.
      if (action === "rename") extras.onStartRename(only.id);
      else if (only.type === "element") extras.onStartRename(only.id, `${only.data.element.name} @`);
    } else onSelectionAction(action, selection(), visibleCentre(), viewRequest);
    // Only a new request acts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewRequest]);

  // Something dropped from a side panel: placed where it landed, if it landed on the map.
  useEffect(() => {
    if (!area.current || !takeOnce(drop)) return;
    const box = area.current.getBoundingClientRect();
    const inside = drop.clientX >= box.left && drop.clientX <= box.right && drop.clientY >= box.top && drop.clientY <= box.bottom;
    if (!inside) return;
    const point = flow.screenToFlowPosition({ x: drop.clientX, y: drop.clientY });
    const { groupId, position } = dropPlace(point, indexItems(toItems(nodes)));
    onDrop(drop, groupId, position.x, position.y);
    // Only a new drop acts; the nodes are read as they are at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drop]);

  // Select the elements asked for: a clicked problem (brought into view) or
  // what was just added or pasted (revealed if it is off-screen).
  useEffect(() => {
    // A focus for another map waits for that map's canvas; one made before
    // this canvas was fitted waits until it is, so the first fit does not undo it.
    if (!focus || (focus.mapId !== undefined && focus.mapId !== view.map.id) || !ready || !takeOnce(focus)) return;
    const wanted = new Set(focus.ids);
    setNodes((current) => current.map((n) => ({ ...n, selected: wanted.has(n.id) })));
    setEdges((current) => current.map((e) => ({ ...e, selected: false })));
    const onMap = focus.ids.filter((id) => view.nodes.some((n) => n.id === id));
    if (onMap.length === 0) return;
    if (focus.fit !== false) {
      void flow.fitView({ nodes: onMap.map((id) => ({ id })), duration: 400, padding: 0.5, maxZoom: 1.2 });
      return;
    }
    reveal(onMap[0]);
  }, [focus, ready, flow, setNodes, setEdges, view, reveal]);

  // Alignment guides: a single box dragged near another's edge or centre
  // (in the same container) snaps to it and shows the line.
  const onNodesChangeAligned = useCallback(
    (changes: NodeChange<TiermapNode>[]) => {
      const moving = changes.filter((c) => c.type === "position" && c.dragging && c.position);
      if (moving.length === 1 && moving[0].type === "position" && moving[0].position) {
        const change = moving[0];
        const node = nodes.find((n) => n.id === change.id);
        if (node) {
          const size = { width: node.measured?.width ?? node.width ?? 0, height: node.measured?.height ?? node.height ?? 0 };
          const others = nodes
            .filter((n) => n.id !== node.id && n.parentId === node.parentId && !n.hidden)
            .map((n) => ({ ...n.position, width: n.measured?.width ?? n.width ?? 0, height: n.measured?.height ?? n.height ?? 0 }));
          const aligned = align({ ...change.position!, ...size }, others, GUIDE_PULL / flow.getZoom());
          change.position = { x: aligned.x, y: aligned.y };
          const origin = node.parentId ? absolutePosition(node.parentId, indexItems(toItems(nodes))) : { x: 0, y: 0 };
          const vertical = aligned.vertical === null ? null : aligned.vertical + origin.x;
          const horizontal = aligned.horizontal === null ? null : aligned.horizontal + origin.y;
          // Most drag steps keep the same guides: no state change, no extra render.
          setGuides((current) => (current.vertical === vertical && current.horizontal === horizontal ? current : { vertical, horizontal }));
        }
      }
      onNodesChange(changes);
    },
    [nodes, onNodesChange, flow],
  );

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
    async (event, _node, dragged) => {
      setDropTarget(null);
      setGuides({ vertical: null, horizontal: null });
      // Released outside the map (past the window's edge, over a panel): the
      // drag is called off, as in a file manager; nothing leaves its group unseen.
      const box = area.current?.getBoundingClientRect();
      const point = "changedTouches" in event ? event.changedTouches[0] : event;
      const outside = box && point && (point.clientX < box.left || point.clientX > box.right || point.clientY < box.top || point.clientY > box.bottom);
      if (outside) {
        setNodes((current) => carryOver(current, toFlowNodes(view, null, extras)));
        return;
      }
      const moves = planMoves(toItems(nodes), dragged.map((n) => n.id));
      const updated = moves.length > 0 ? await onMove(moves) : null;
      // On failure the core kept the old arrangement: show it again.
      if (!updated) setNodes((current) => carryOver(current, toFlowNodes(view, null, extras)));
    },
    [nodes, onMove, setNodes, view, extras],
  );

  // React Flow reports the selection again on every drag step (the selected
  // node moved); the window hears only when what is selected changes, so a
  // drag does not re-render the panels and the inspector each frame.
  const reported = useRef<string>("");
  const reportSelection: OnSelectionChangeFunc = useCallback(
    ({ nodes: selectedNodes, edges: selectedEdges }) => {
      const selection = {
        elements: selectedNodes.filter((n) => n.type === "element").map((n) => n.id),
        groups: selectedNodes.filter((n) => n.type === "container").map((n) => n.id),
        edges: selectedEdges.map((e) => e.id),
      };
      const key = JSON.stringify(selection);
      if (key === reported.current) return;
      reported.current = key;
      onSelectionChange(selection);
    },
    [onSelectionChange],
  );

  return (
    <div
      className={overview ? "canvas far overview" : far ? "canvas far" : "canvas"}
      ref={area}
      data-testid="canvas"
      data-map-id={view.map.id}
      data-ready={ready}
      data-lines={edges.length}
      style={{ "--zoom": zoomStep } as React.CSSProperties}
      // The map's frame never scrolls (the view pans instead): a focused field or a
      // selection dragged to the edge would otherwise shift it and fitting would miss.
      onScrollCapture={(event) => {
        const frame = event.target;
        if (frame instanceof HTMLElement && frame.classList.contains("react-flow") && (frame.scrollTop || frame.scrollLeft)) {
          frame.scrollTop = 0;
          frame.scrollLeft = 0;
        }
      }}
    >
      {view.nodes.length === 0 && !readOnly ? (
        // An empty map says how to start, so the keyboard is found without the manual.
        <div className="canvas-hint" data-testid="canvas-hint">
          <strong>Press Enter</strong> to type the first element, then <kbd>Enter</kbd> a sibling, <kbd>Tab</kbd> a child, <kbd>Shift+Tab</kbd> one level up.
          <br />
          Name it <code>kind: name @owner</code> (for example <code>app: Payroll @Ana Lima</code>) · arrows walk the boxes · <kbd>F1</kbd> every key · or drag a kind from the palette.
        </div>
      ) : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChangeAligned}
        onEdgesChange={onEdgesChange}
        onSelectionChange={reportSelection}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Control", "Meta"]}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesFocusable={!readOnly}
        snapToGrid={snap}
        snapGrid={[GRID, GRID]}
        onlyRenderVisibleElements
        onConnect={({ source, target }) => source && target && source !== target && onConnect(source, target)}
        onConnectEnd={(event, state) => {
          // A line dropped anywhere on another element (not only on its small handle) connects to it.
          if (state.isValid || !state.fromNode) return;
          const point = "changedTouches" in event ? event.changedTouches[0] : event;
          const over = window.document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node-element");
          const target = over?.getAttribute("data-id");
          if (target && target !== state.fromNode.id) onConnect(state.fromNode.id, target);
        }}
        minZoom={0.05}
        maxZoom={3}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={snap ? GRID * 2 : 24} size={1} />
        <Controls showInteractive={false}>
          <ControlButton onClick={onToggleSnap} title={snap ? "Snapping to the grid: on (click for off)" : "Snap to the grid: off (click for on)"} aria-pressed={snap} className={snap ? "snap-on" : ""} data-testid="toggle-snap">
            #
          </ControlButton>
        </Controls>
        <MiniMap pannable zoomable nodeColor={(n) => (n.type === "element" ? (n.data as { color: string }).color : "#e3e8ef")} />
        <ViewportPortal>
          {guides.vertical !== null ? <div className="guide guide-vertical" style={{ transform: `translate(${guides.vertical}px, -10000px)` }} /> : null}
          {guides.horizontal !== null ? <div className="guide guide-horizontal" style={{ transform: `translate(-10000px, ${guides.horizontal}px)` }} /> : null}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}
