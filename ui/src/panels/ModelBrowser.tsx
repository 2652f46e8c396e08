import { useCallback, useMemo, useState } from "react";
import type { ElementSummary } from "../ipc/bindings";
import { kindColor } from "../editor/palette";
import { usePointerDrag } from "./usePointerDrag";
import { counted } from "../editor/wording";

/** How many rows the list shows at once; the search narrows the rest. */
const SHOWN = 200;

export function matches(element: ElementSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${element.name} ${element.kind_label}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

type Props = {
  elements: ElementSummary[];
  activeMap: string | null;
  disabled: boolean;
  /** An element dropped on the map at a screen point. */
  onDrop: (elementId: string, clientX: number, clientY: number) => void;
  /** An element clicked: show it (switching to a map it is on). */
  onShow: (element: ElementSummary) => void;
};

/** Every element of the document, with search; drag one onto the map to place it there too. */
export function ModelBrowser({ elements, activeMap, disabled, onDrop, onShow }: Props) {
  const [query, setQuery] = useState("");
  const found = useMemo(() => elements.filter((e) => e.kind !== "person" && matches(e, query)), [elements, query]);
  const drop = useCallback((element: ElementSummary, x: number, y: number) => onDrop(element.id, x, y), [onDrop]);
  const { drag, start } = usePointerDrag<ElementSummary>(drop);
  return (
    <section className="browser" aria-label="Model browser: every element; drag one onto the map" data-testid="model-browser">
      <input
        className="browser-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={`Search ${counted(elements.filter((e) => e.kind !== "person").length, "element")}`}
        aria-label="Search elements"
        data-testid="browser-search"
      />
      <ul className="browser-list">
        {found.slice(0, SHOWN).map((element) => {
          const here = activeMap !== null && element.map_ids.includes(activeMap);
          return (
            <li
              key={element.id}
              className={disabled ? "browser-item disabled" : "browser-item"}
              style={{ "--kind": kindColor(element.kind) } as React.CSSProperties}
              onPointerDown={disabled || here ? undefined : start(element)}
              onDoubleClick={() => onShow(element)}
              title={
                here
                  ? `${element.name} is on this map; double-click to select it`
                  : `${element.kind_label} on ${element.map_ids.length} map${element.map_ids.length === 1 ? "" : "s"}: drag onto the map to place it here too`
              }
              data-testid="browser-item"
              data-element-id={element.id}
            >
              <span className="browser-dot" aria-hidden="true" />
              <span className="browser-name">{element.name}</span>
              <span className="browser-where">{here ? "here" : element.map_ids.length}</span>
            </li>
          );
        })}
        {found.length > SHOWN ? <li className="muted">{found.length - SHOWN} more: search to narrow</li> : null}
        {found.length === 0 ? <li className="muted">Nothing matches</li> : null}
      </ul>
      {drag ? (
        <div className="palette-ghost" style={{ left: drag.x, top: drag.y, "--kind": kindColor(drag.item.kind) } as React.CSSProperties}>
          {drag.item.name}
        </div>
      ) : null}
    </section>
  );
}
