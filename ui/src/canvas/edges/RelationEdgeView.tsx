import { memo } from "react";
import { BaseEdge, getBezierPath, Position, useInternalNode, type EdgeProps, type Edge } from "@xyflow/react";
import type { RelationEdgeData } from "../../editor/flowModel";
import { facingAnchors, type Rect, type Side } from "../../editor/edgeGeometry";
import { RELATION_STYLES } from "../../editor/palette";

const POSITIONS: Record<Side, Position> = {
  top: Position.Top,
  bottom: Position.Bottom,
  left: Position.Left,
  right: Position.Right,
};

function rectOf(node: ReturnType<typeof useInternalNode>): Rect | null {
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

/** A relation drawn between the facing sides of its boxes, styled by its kind. */
export const RelationEdgeView = memo(function RelationEdgeView({ id, source, target, data }: EdgeProps<Edge<RelationEdgeData, "relation">>) {
  const from = rectOf(useInternalNode(source));
  const to = rectOf(useInternalNode(target));
  if (!from || !to || !data) return null;
  const { source: s, target: t } = facingAnchors(from, to);
  const [path] = getBezierPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: POSITIONS[s.side],
    targetX: t.x,
    targetY: t.y,
    targetPosition: POSITIONS[t.side],
  });
  const style = RELATION_STYLES[data.relation.kind] ?? RELATION_STYLES.rolls_up_to;
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={`url(#arrow-${data.relation.kind})`}
      style={{ stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: 1.6 }}
    />
  );
});

/** Arrowheads, one per relation kind so each takes its line's colour. */
export function ArrowMarkers() {
  return (
    <svg className="arrow-markers" aria-hidden="true">
      <defs>
        {Object.entries(RELATION_STYLES).map(([kind, style]) => (
          <marker key={kind} id={`arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={style.stroke} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
