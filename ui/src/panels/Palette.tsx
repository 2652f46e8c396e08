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
];

type Kind = { kind: string; label: string };

/**
 * Drag a kind onto the map to create one there (inside a group when dropped
 * on it).
 */
export function Palette({ disabled, onDrop }: { disabled: boolean; onDrop: (kind: string, clientX: number, clientY: number) => void }) {
  const drop = useCallback((item: Kind, x: number, y: number) => onDrop(item.kind, x, y), [onDrop]);
  const { drag, start } = usePointerDrag<Kind>(drop);

  return (
    <aside className="palette" aria-label="Palette: drag onto the map" data-testid="palette">
      {PALETTE.map(({ kind, label }) => (
        <div
          key={kind}
          className={disabled ? "palette-item disabled" : "palette-item"}
          style={{ "--kind": kindColor(kind) } as React.CSSProperties}
          onPointerDown={disabled ? undefined : start({ kind, label })}
          title={`Drag onto the map to add a ${label.toLowerCase()}`}
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
