import { useCallback, useEffect, useState } from "react";
import { kindColor } from "../editor/palette";

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

type Drag = { kind: string; label: string; x: number; y: number };

/**
 * Drag a kind onto the map to create one there (inside a group when dropped
 * on it). Pointer events, not HTML drag-and-drop: the same for a mouse, a pen
 * and the end-to-end tests.
 */
export function Palette({ disabled, onDrop }: { disabled: boolean; onDrop: (kind: string, clientX: number, clientY: number) => void }) {
  const [drag, setDrag] = useState<Drag | null>(null);

  useEffect(() => {
    if (!drag) return;
    const move = (e: PointerEvent) => setDrag((d) => (d ? { ...d, x: e.clientX, y: e.clientY } : d));
    const up = (e: PointerEvent) => {
      setDrag(null);
      onDrop(drag.kind, e.clientX, e.clientY);
    };
    const cancel = (e: KeyboardEvent) => e.key === "Escape" && setDrag(null);
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up, { once: true });
    window.addEventListener("keydown", cancel);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("keydown", cancel);
    };
    // Only a new drag (a new kind) re-arms the listeners; moves update the ghost.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drag?.kind, onDrop]);

  const start = useCallback(
    (kind: string, label: string) => (e: React.PointerEvent) => {
      if (disabled || e.button !== 0) return;
      e.preventDefault();
      setDrag({ kind, label, x: e.clientX, y: e.clientY });
    },
    [disabled],
  );

  return (
    <aside className="palette" aria-label="Palette: drag onto the map" data-testid="palette">
      {PALETTE.map(({ kind, label }) => (
        <div
          key={kind}
          className={disabled ? "palette-item disabled" : "palette-item"}
          style={{ "--kind": kindColor(kind) } as React.CSSProperties}
          onPointerDown={start(kind, label)}
          title={`Drag onto the map to add a ${label.toLowerCase()}`}
          data-testid={`palette-${kind}`}
        >
          {label}
        </div>
      ))}
      {drag ? (
        <div className="palette-ghost" style={{ left: drag.x, top: drag.y, "--kind": kindColor(drag.kind) } as React.CSSProperties}>
          {drag.label}
        </div>
      ) : null}
    </aside>
  );
}
