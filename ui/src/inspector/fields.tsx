// Inspector fields that store on Enter or when they lose focus (not on
// every key), so each edit is one undo step and typing stays fast.
import { useEffect, useState } from "react";

type TextProps = {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  disabled?: boolean;
  placeholder?: string;
  testId?: string;
};

/** A one-line text field: Enter or leaving it stores, Escape puts the stored value back. */
export function CommitText({ label, value, onCommit, disabled, placeholder, testId }: TextProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        value={draft}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(value);
        }}
        data-testid={testId}
      />
    </label>
  );
}

/** A text area: Ctrl+Enter or leaving it stores. */
export function CommitArea({ label, value, onCommit, disabled, placeholder, testId }: TextProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <textarea
        value={draft}
        disabled={disabled}
        placeholder={placeholder}
        rows={3}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) commit();
          if (e.key === "Escape") setDraft(value);
        }}
        data-testid={testId}
      />
    </label>
  );
}

/** A cell of an editable table: stores when it loses focus or on Enter. */
export function CommitCell({ value, onCommit, disabled, label, placeholder }: { value: string; onCommit: (value: string) => void; disabled?: boolean; label: string; placeholder?: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      className="cell"
      value={draft}
      disabled={disabled}
      aria-label={label}
      placeholder={placeholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") setDraft(value);
      }}
    />
  );
}

/** Tags typed as a comma-separated list. */
export function tagsFrom(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}
