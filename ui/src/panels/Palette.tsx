import { useCallback } from "react";
import { kindColor } from "../editor/palette";
import { usePointerDrag } from "./usePointerDrag";

/** What can be dragged onto the canvas: every element kind, and a person. */
export const PALETTE: { kind: string; label: string }[] = [
  { kind: "service_area", label: "Service area" },
  { kind: "product", label: "Product" },
  { kind: "service", label: "Service" },
  { kind: "family", label: "Family" },
  { kind: "application", label: "Application" },
  { kind: "platform", label: "Platform" },
  { kind: "infrastructure", label: "Infrastructure" },
  { kind: "market_segment", label: "Market segment" },
  { kind: "org_unit", label: "Org unit" },
  { kind: "team", label: "Team" },
  { kind: "person", label: "Person" },
  { kind: "group", label: "Group" },
];

type Kind = { kind: string; label: string };

/**
 * Drag a kind onto the map to create one there (inside a group when dropped
 * on it). "Group" makes a container of the map's own kind (a tier on a
 * pyramid, a lane on a market alignment, ...).
 */
export function Palette({ disabled, onDrop }: { disabled: boolean; onDrop: (kind: string, clientX: number, clientY: number) => void }) {
  const drop = useCallback((item: Kind, x: number, y: number) => onDrop(item.kind, x, y), [onDrop]);
  const { drag, start } = usePointerDrag<Kind>(drop);

  return (
    <aside className="palette" aria-label="Palette: drag onto the map" data-testid="palette">
      {PALETTE.map(({ kind, label }) => (
        <div
          key={kind}
          className={["palette-item", disabled ? "disabled" : "", kind === "group" ? "palette-group" : ""].join(" ").trim()}
          style={{ "--kind": kindColor(kind) } as React.CSSProperties}
          onPointerDown={disabled ? undefined : start({ kind, label })}
          title={kind === "group" ? "Drag onto the map to add a group (a container)" : `Drag onto the map to add a ${label.toLowerCase()}`}
          data-testid={`palette-${kind}`}
        >
          {label}
        </div>
      ))}
      {drag ? (
        <div className="palette-ghost" style={{ left: drag.x, top: drag.y, "--kind": kindColor(drag.item.kind) } as React.CSSProperties}>
          {drag.item.label}
        </div>
      ) : null}
    </aside>
  );
}
