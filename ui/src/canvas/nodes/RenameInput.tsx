/**
 * A name being edited in place on the canvas: Enter or leaving it stores,
 * Escape cancels (reported as null). Keys stay in the field, so Enter does
 * not also add a sibling.
 */
export function RenameInput({ name, label, className, testId, onDone }: { name: string; label: string; className: string; testId: string; onDone: (name: string | null) => void }) {
  return (
    <input
      className={`${className} nodrag`}
      defaultValue={name}
      autoFocus
      onFocus={(e) => e.target.select()}
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
