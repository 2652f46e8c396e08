/**
 * A name being edited in place on the canvas: Enter or leaving it stores,
 * Escape cancels (reported as null). Keys stay in the field, so Enter does
 * not also add a sibling.
 */
import { useEffect, useRef } from "react";

export function RenameInput({ name, label, className, testId, onDone }: { name: string; label: string; className: string; testId: string; onDone: (name: string | null) => void }) {
  const field = useRef<HTMLInputElement>(null);
  // Focused without scrolling: the browser would scroll the map's frame to
  // show the field, shifting the whole canvas so that fitting no longer fits.
  useEffect(() => {
    field.current?.focus({ preventScroll: true });
    field.current?.select();
  }, []);
  return (
    <input
      ref={field}
      className={`${className} nodrag`}
      defaultValue={name}
      aria-label={label}
      data-testid={testId}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") onDone(e.currentTarget.value);
        if (e.key === "Escape") onDone(null);
      }}
      onBlur={(e) => onDone(e.currentTarget.value)}
    />
  );
}
