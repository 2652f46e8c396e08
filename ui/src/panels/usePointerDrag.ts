// Dragging something from a side panel onto the map with pointer events
// (not HTML drag-and-drop: mouse, pen and WebDriver behave alike). The ghost
// follows the pointer; release reports where; Escape cancels.
import { useCallback, useEffect, useRef, useState } from "react";

export type Dragged<T> = { item: T; x: number; y: number };

export function usePointerDrag<T>(onDrop: (item: T, clientX: number, clientY: number) => void) {
  const [drag, setDrag] = useState<Dragged<T> | null>(null);
  // What is being dragged, read on release (a state updater must not have side effects).
  const dragged = useRef<T | null>(null);
  const active = drag !== null;

  useEffect(() => {
    if (!active) return;
    const move = (e: PointerEvent) => setDrag((d) => (d ? { ...d, x: e.clientX, y: e.clientY } : d));
    const up = (e: PointerEvent) => {
      const item = dragged.current;
      dragged.current = null;
      setDrag(null);
      if (item !== null) onDrop(item, e.clientX, e.clientY);
    };
    const cancel = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      dragged.current = null;
      setDrag(null);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("keydown", cancel);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("keydown", cancel);
    };
  }, [active, onDrop]);

  /** Handler for an item's onPointerDown. */
  const start = useCallback(
    (item: T) => (e: React.PointerEvent) => {
      if (e.button !== 0) return;
      // No text selection while dragging; the item still takes the keyboard (F2, Delete), as a click would give it.
      e.preventDefault();
      if (e.currentTarget instanceof HTMLElement && e.currentTarget.tabIndex >= 0) e.currentTarget.focus({ preventScroll: true });
      dragged.current = item;
      setDrag({ item, x: e.clientX, y: e.clientY });
    },
    [],
  );

  return { drag, start };
}
