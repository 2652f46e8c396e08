import { useEffect, useRef } from "react";
import type { MapSummary } from "../ipc/bindings";
import { counted } from "../editor/wording";

/** One tab per map of the document, in the document's order; the active one is kept in view. */
export function MapTabs({ maps, active, onSelect }: { maps: MapSummary[]; active: string | null; onSelect: (id: string) => void }) {
  const bar = useRef<HTMLElement>(null);
  // An import or a new map can make a tab past the edge the active one: scroll to it.
  useEffect(() => {
    const tab = bar.current?.querySelector<HTMLElement>(".map-tab.active");
    tab?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [active, maps.length]);
  return (
    <>
      {/* Every map by its whole name, however many there are: the strip scrolls, this never does. */}
      <select className="map-menu" aria-label="All maps" title="All maps" value={active ?? ""} onChange={(e) => onSelect(e.target.value)} data-testid="map-menu">
        {maps.map((map) => (
          <option key={map.id} value={map.id}>
            {map.name} ({map.model_label})
          </option>
        ))}
      </select>
    <nav className="map-tabs" role="tablist" aria-label="Maps" ref={bar}>
      {maps.map((map) => (
        <button
          key={map.id}
          role="tab"
          aria-selected={map.id === active}
          className={map.id === active ? "map-tab active" : "map-tab"}
          data-testid="map-tab"
          data-map-id={map.id}
          title={`${map.name} · ${map.model_label} · ${counted(map.element_count, "element")}`}
          onClick={() => onSelect(map.id)}
        >
          <span className="map-tab-name">{map.name}</span>
          <span className="map-tab-model">{map.model_label}</span>
        </button>
      ))}
    </nav>
    </>
  );
}
