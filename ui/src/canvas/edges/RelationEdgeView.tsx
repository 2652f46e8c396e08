import { memo } from "react";
import { BaseEdge, useInternalNode, type EdgeProps, type Edge } from "@xyflow/react";
import type { RelationEdgeData } from "../../editor/flowModel";
import { arrowHead, facingAnchors, labelPlace, routePath, samePlace, type Anchor, type Rect } from "../../editor/edgeGeometry";
import { RELATION_STYLES } from "../../editor/palette";

/** About how wide a character of the 11 px label is, to find a segment it fits on. */
const LABEL_CHAR_WIDTH = 6.2;

function rectOf(node: ReturnType<typeof useInternalNode>): Rect | null {
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

/**
 * A relation drawn along the line the core routed around the boxes, with
 * rounded corners as the exports draw it, styled by its kind; its meaning
 * written on it while it is selected. While one of its boxes is somewhere
 * else than where the core routed it (dragged, or its move not yet
 * answered) the line is a provisional straight one between facing sides:
 * the canvas never routes a line itself.
 */
export const RelationEdgeView = memo(function RelationEdgeView({ id, source, target, data, selected }: EdgeProps<Edge<RelationEdgeData, "relation">>) {
  const from = rectOf(useInternalNode(source));
  const to = rectOf(useInternalNode(target));
  if (!from || !to || !data) return null;
  const route = data.relation.route;
  const routedHere = route !== null && data.routedFor !== null && samePlace(from, data.routedFor.source) && samePlace(to, data.routedFor.target);
  let path: string;
  let tip: Anchor;
  let points: { x: number; y: number }[];
  if (routedHere) {
    points = route.points;
    path = routePath(points);
    tip = { ...points[points.length - 1], side: route.end_side };
  } else {
    const { source: s, target: t } = facingAnchors(from, to);
    points = [s, t];
    path = `M ${s.x} ${s.y} L ${t.x} ${t.y}`;
    tip = t;
  }
  const style = RELATION_STYLES[data.relation.kind] ?? RELATION_STYLES.rolls_up_to;
  const label = data.relation.kind_label;
  const place = selected ? labelPlace(points, label.length * LABEL_CHAR_WIDTH + 8) : null;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={{ stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: selected ? 2.6 : 1.6 }}
        data-routed={routedHere ? (route.routed ? "routed" : "unrouted") : "provisional"}
      />
      <path className="edge-arrow" d={arrowHead(tip)} fill={style.stroke} />
      {place ? (
        <text
          className="edge-label"
          x={place.x}
          y={place.vertical ? place.y : place.y - 5}
          transform={place.vertical ? `rotate(-90 ${place.x} ${place.y}) translate(0 -5)` : undefined}
          textAnchor="middle"
          fill={style.stroke}
        >
          {label}
        </text>
      ) : null}
    </>
  );
});
