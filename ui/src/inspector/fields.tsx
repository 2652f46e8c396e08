// Inspector fields that store on Enter or when they lose focus (not on
// every key), so each edit is one undo step and typing stays fast.
import { useEffect, useState } from "react";
import { LIFECYCLE_COLORS } from "../editor/colorBy";

/**
 * A value being typed: shown as typed, stored by `commit` (when it changed),
 * put back by `revert`, and replaced when the stored value changes.
 */
function useDraft(value: string, onCommit: (value: string) => void) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return {
    draft,
    setDraft,
    commit: () => {
      if (draft !== value) onCommit(draft);
    },
    revert: () => setDraft(value),
  };
}

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
  const { draft, setDraft, commit, revert } = useDraft(value, onCommit);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        value={draft}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => (e.key === "Enter" ? commit() : e.key === "Escape" ? revert() : undefined)}
        data-testid={testId}
      />
    </label>
  );
}

/** A text area: Ctrl+Enter or leaving it stores. */
export function CommitArea({ label, value, onCommit, disabled, placeholder, testId }: TextProps) {
  const { draft, setDraft, commit, revert } = useDraft(value, onCommit);
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
        onKeyDown={(e) => (e.key === "Enter" && (e.ctrlKey || e.metaKey) ? commit() : e.key === "Escape" ? revert() : undefined)}
        data-testid={testId}
      />
    </label>
  );
}

/** A cell of an editable table: stores when it loses focus or on Enter. */
export function CommitCell({ value, onCommit, disabled, label, placeholder }: { value: string; onCommit: (value: string) => void; disabled?: boolean; label: string; placeholder?: string }) {
  const { draft, setDraft, commit, revert } = useDraft(value, onCommit);
  return (
    <input
      className="cell"
      value={draft}
      disabled={disabled}
      aria-label={label}
      placeholder={placeholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => (e.key === "Enter" ? commit() : e.key === "Escape" ? revert() : undefined)}
    />
  );
}

/** The lifecycle stages, with "Not set" and, for several elements that differ, "Mixed". */
export function LifecycleSelect({ value, disabled, onChange, testId }: { value: string; disabled: boolean; onChange: (value: string) => void; testId: string }) {
  return (
    <label className="field">
      <span className="field-label">Lifecycle</span>
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {value === "mixed" ? <option value="mixed">Mixed</option> : null}
        <option value="">Not set</option>
        {Object.entries(LIFECYCLE_COLORS).map(([stage, { label }]) => (
          <option key={stage} value={stage}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Tags typed as a comma-separated list. */
export function tagsFrom(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}
