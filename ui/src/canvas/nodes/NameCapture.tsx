/**
 * An element's name typed in place, as one line: `kind: name @owner`. Under
 * the field the core's reading of the line so far is shown (kind, owner, role)
 * and, after an `@`, the people who fit, with a row to create a new person.
 * ↑/↓ choose, Tab completes the name, Ctrl+R steps the role, Enter stores,
 * Escape cancels. Keys stay in the field, so Enter does not also add a sibling.
 */
import { useEffect, useRef, useState } from "react";
import { useStore } from "@xyflow/react";
import type { CapturePreview } from "../../ipc/bindings";
import { core } from "../../ipc/api";
import { captureSummary, nextRole, ownerStart, withOwner, type CaptureChoice } from "../../editor/capture";

type Props = {
  elementId: string;
  name: string;
  /** Text to start from instead of the name (the `@` key on a box starts at "Name @"). */
  seed: string | null;
  onDone: (line: string | null, choice: CaptureChoice) => void;
};

type Row = { personId: string | null; name: string };

/** The picker's rows: the people who fit, then a new person unless the typed name is someone's. */
function pickerRows(preview: CapturePreview | null, line: string): Row[] {
  if (!preview?.owner) return [];
  const typed = line.slice(ownerStart(line) + 1).trim();
  const rows: Row[] = preview.people.map((p) => ({ personId: p.id, name: p.name }));
  if (typed !== "" && !preview.people.some((p) => p.name.toLowerCase() === typed.toLowerCase())) rows.push({ personId: null, name: typed });
  return rows;
}

export function NameCapture({ elementId, name, seed, onDone }: Props) {
  const field = useRef<HTMLInputElement>(null);
  // The hint is read at screen size whatever the map's zoom: it is the window talking, not the map.
  const zoom = useStore((state) => state.transform[2]);
  const [line, setLine] = useState(seed ?? name);
  const [preview, setPreview] = useState<{ line: string; role?: string; preview: CapturePreview } | null>(null);
  const [role, setRole] = useState<string | undefined>(undefined);
  const [highlight, setHighlight] = useState(0);
  // Enter stores, and the blur that follows must not store again.
  const finished = useRef(false);

  // Focused without scrolling the map's frame (which would shift the canvas so fitting no longer fits).
  useEffect(() => {
    const input = field.current;
    if (!input) return;
    input.focus({ preventScroll: true });
    if (seed === null) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
  }, [seed]);

  useEffect(() => {
    let current = true;
    core.previewCapture({ element_id: elementId, line, role: role ?? null, person_id: null }).then(
      (answer) => current && setPreview({ line, role, preview: answer }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [elementId, line, role]);

  // Only a reading of this very line may choose a person: a late answer for "@an" must not pick for "@ann".
  const fresh = preview && preview.line === line && preview.role === role ? preview.preview : null;
  const rows = pickerRows(fresh, line);
  const chosen = rows[Math.min(highlight, rows.length - 1)];

  const finish = (text: string | null, choice: CaptureChoice = {}) => {
    if (finished.current) return;
    finished.current = true;
    onDone(text, choice);
  };
  const store = (row: Row | undefined) => finish(line, { role, personId: row?.personId ?? undefined });

  return (
    <div className="name-capture nodrag nowheel">
      <input
        ref={field}
        className="element-name-input nodrag"
        value={line}
        aria-label="Name (kind: name @owner)"
        aria-autocomplete="list"
        aria-controls={rows.length > 0 ? `picker-${elementId}` : undefined}
        aria-activedescendant={chosen ? `picker-${elementId}-${rows.indexOf(chosen)}` : undefined}
        data-testid="rename-input"
        onChange={(e) => {
          setLine(e.currentTarget.value);
          setHighlight(0);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Enter") store(chosen);
          else if (e.key === "Escape") finish(null);
          else if (e.key === "ArrowDown" && rows.length > 0) {
            e.preventDefault();
            setHighlight((h) => (h + 1) % rows.length);
          } else if (e.key === "ArrowUp" && rows.length > 0) {
            e.preventDefault();
            setHighlight((h) => (h - 1 + rows.length) % rows.length);
          } else if (e.key === "Tab" && chosen) {
            e.preventDefault();
            setLine(withOwner(line, chosen.name));
          } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "r" && fresh?.owner) {
            e.preventDefault();
            setRole(nextRole(fresh, role));
          }
        }}
        onBlur={() => store(chosen)}
      />
      <div className="capture-hint" role="status" data-testid="capture-hint" style={{ transform: `scale(${1 / zoom})` }}>
        {fresh ? <div className="capture-summary">{captureSummary(fresh, chosen)}</div> : null}
        {rows.length > 0 ? (
          <ul className="capture-picker" role="listbox" id={`picker-${elementId}`} aria-label="Owner" data-testid="owner-picker">
            {rows.map((row, i) => (
              <li
                key={row.personId ?? "new"}
                id={`picker-${elementId}-${i}`}
                role="option"
                aria-selected={row === chosen}
                className={row === chosen ? "chosen" : undefined}
                data-testid="owner-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  store(row);
                }}
              >
                {row.personId ? row.name : `Create “${row.name}”`}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="capture-keys">
          {fresh?.owner
            ? "↑↓ choose · Tab complete · Ctrl+R role · Enter store · Esc cancel"
            : `Type ${(fresh?.kinds ?? []).slice(0, 4).map((k) => `${k.shorthand}:`).join(" ") || "kind:"} first to change the kind · @ adds an owner`}
        </div>
      </div>
    </div>
  );
}
