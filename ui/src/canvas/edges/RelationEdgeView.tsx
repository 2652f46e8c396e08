import { memo } from "react";
import { BaseEdge, getBezierPath, Position, useInternalNode, type EdgeProps, type Edge } from "@xyflow/react";
import type { RelationEdgeData } from "../../editor/flowModel";
import { arrowHead, facingAnchors, type Rect, type Side } from "../../editor/edgeGeometry";
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
    <>
      <BaseEdge id={id} path={path} style={{ stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: 1.6 }} />
      <path className="edge-arrow" d={arrowHead(t)} fill={style.stroke} />
    </>
  );
});
