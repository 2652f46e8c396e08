import { useMemo, useState } from "react";
import type { ElementSummary } from "../ipc/bindings";
import { matches } from "./ModelBrowser";

export type Command = { id: string; label: string; keys?: string; run: () => void };

type Entry = { key: string; label: string; detail: string; run: () => void };

type Props = { commands: Command[]; elements: ElementSummary[]; mapNames: Map<string, string>; onShow: (element: ElementSummary) => void; onClose: () => void };

/** Ctrl+K: type to find a command or an element; Enter runs or shows it; arrows choose. */
export function CommandPalette({ commands, elements, mapNames, onShow, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState(0);
  const entries: Entry[] = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found: Entry[] = commands
      .filter((c) => words.every((w) => c.label.toLowerCase().includes(w)))
      .map((c) => ({ key: `c-${c.id}`, label: c.label, detail: c.keys ?? "", run: c.run }));
    if (words.length > 0) {
      for (const element of elements.filter((e) => matches(e, query)).slice(0, 30)) {
        const where = element.map_ids.map((id) => mapNames.get(id)).filter(Boolean);
        found.push({ key: `e-${element.id}`, label: element.name, detail: `${element.kind_label}${where.length ? ` · ${where[0]}` : " · on no map"}`, run: () => onShow(element) });
      }
    }
    return found;
  }, [commands, elements, mapNames, onShow, query]);
  const at = Math.min(chosen, Math.max(entries.length - 1, 0));
  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    onClose();
    entry.run();
  };
  return (
    <div className="dialog-backdrop palette-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog command-palette" role="dialog" aria-modal="true" aria-label="Search and commands" data-testid="command-palette">
        <input
          autoFocus
          value={query}
          placeholder="Type a command or an element's name"
          aria-label="Search commands and elements"
          data-testid="command-input"
          onChange={(e) => {
            setQuery(e.target.value);
            setChosen(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") onClose();
            else if (e.key === "ArrowDown") setChosen(Math.min(at + 1, entries.length - 1));
            else if (e.key === "ArrowUp") setChosen(Math.max(at - 1, 0));
            else if (e.key === "Enter") run(entries[at]);
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        />
        <ul className="command-list" role="listbox">
          {entries.map((entry, i) => (
            <li key={entry.key} role="option" aria-selected={i === at} className={i === at ? "chosen" : ""} onMouseEnter={() => setChosen(i)} onClick={() => run(entry)} data-testid="command-entry">
              <span>{entry.label}</span>
              <span className="command-detail">{entry.detail}</span>
            </li>
          ))}
          {entries.length === 0 ? <li className="muted">Nothing matches</li> : null}
        </ul>
      </div>
    </div>
  );
}
