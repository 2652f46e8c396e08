// Editing the map from the canvas: what was dropped from a side panel,
// Enter and Tab, copy, cut, paste, duplicate, Delete and the arrow keys.
// Each is one change in the core; new elements are selected and named in place.
import { useCallback, useRef } from "react";
import type { ItemMove, MapView } from "../ipc/bindings";
import { core } from "../ipc/api";
import type { DropRequest, Selection, SelectionAction, ViewRequest } from "../canvas/MapCanvas";
import { PALETTE } from "../panels/Palette";
import { NEW_NODE, type XY } from "../editor/geometry";

/** The kind of container each grouping model's maps hold. */
const GROUP_KIND: Record<string, string> = {
  pyramid: "tier",
  service: "family",
  technical: "platform_group",
  market: "segment_lane",
  organizational: "division",
  freeform: "plain",
};
const NEW_GROUP = { width: 360, height: 200 };
/** How far a duplicate or a paste lands from its original. */
const COPY_OFFSET = 24;

type Editing = {
  activeMap: string | null;
  view: MapView | null;
  readOnly: boolean;
  change: <T>(call: () => Promise<T>) => Promise<T | null>;
  mapGesture: (call: () => Promise<MapView>) => Promise<MapView | null>;
  /** Selects these elements on the canvas. */
  select: (ids: string[]) => void;
  /** Opens the name of this element or group for typing. */
  setRenaming: (id: string) => void;
};

export function useMapEditing({ activeMap, view, readOnly, change, mapGesture, select, setRenaming }: Editing) {
  // Copied elements and the map they were copied on; pastes step further each time.
  const clipboard = useRef<{ ids: string[]; mapId: string; pastes: number } | null>(null);

  // Something dropped from a side panel onto the map.
  const onDrop = useCallback(
    async (dropped: DropRequest, groupId: string | null, x: number, y: number) => {
      if (!activeMap || !view) return;
      if (dropped.elementId) {
        const elementId = dropped.elementId;
        if (await mapGesture(() => core.placeElement(activeMap, elementId, groupId, x, y))) select([elementId]);
        return;
      }
      if (dropped.kind === "group") {
        // Centred on the pointer as the element boxes are.
        const at = { x: x + NEW_NODE.width / 2 - NEW_GROUP.width / 2, y: y + NEW_NODE.height / 2 - NEW_GROUP.height / 2 };
        const kind = GROUP_KIND[view.map.model] ?? "plain";
        let created: string | null = null;
        await mapGesture(async () => {
          const [id, updated] = await core.addGroup({ map_id: activeMap, parent_id: groupId, kind, name: "New group", ...at, ...NEW_GROUP });
          created = id;
          return updated;
        });
        if (created) {
          select([created]);
          setRenaming(created);
        }
        return;
      }
      const label = PALETTE.find((p) => p.kind === dropped.kind)?.label ?? "element";
      let created: string | null = null;
      await mapGesture(async () => {
        const [id, updated] = await core.addElement({ map_id: activeMap, kind: dropped.kind, name: `New ${label.toLowerCase()}`, group_id: groupId, x, y });
        created = id;
        return updated;
      });
      // Name it straight away, as a file explorer does with a new folder.
      if (created) {
        select([created]);
        setRenaming(created);
      }
    },
    [activeMap, view, mapGesture, select],
  );

  // Enter and Tab: a new element beside or below the selected one, named in place.
  const addLinked = useCallback(
    async (link: "sibling" | "child", selected: string[]) => {
      if (!activeMap || readOnly) return;
      let created: string | null = null;
      const from = selected[0] ?? null;
      const name = link === "child" && from ? "New child" : "New element";
      await mapGesture(async () => {
        const [id, updated] = await core.addLinked({ map_id: activeMap, from_id: from, link, name });
        created = id;
        return updated;
      });
      if (created) {
        select([created]);
        setRenaming(created);
      }
    },
    [activeMap, readOnly, mapGesture, select],
  );

  const paste = useCallback(
    async (centre: XY) => {
      const copied = clipboard.current;
      if (!copied || !activeMap || !view) return;
      copied.pastes += 1;
      const here = copied.ids.filter((id) => view.nodes.some((n) => n.id === id));
      const elsewhere = copied.ids.filter((id) => !here.includes(id));
      const added: string[] = [];
      if (here.length > 0) {
        // On the map they were copied from: copies, beside the originals.
        const offset = COPY_OFFSET * copied.pastes;
        const result = await change(() => core.duplicateElements(activeMap, here, offset, offset));
        if (result) added.push(...result[0]);
      }
      if (elsewhere.length > 0) {
        // On another map: the same elements, placed in a row around the middle of the view.
        const places: ItemMove[] = elsewhere.map((id, i) => ({
          id,
          item: "element",
          group_id: null,
          x: Math.round(centre.x - (elsewhere.length * (NEW_NODE.width + COPY_OFFSET)) / 2 + i * (NEW_NODE.width + COPY_OFFSET)),
          y: Math.round(centre.y - NEW_NODE.height / 2),
        }));
        if (await mapGesture(() => core.placeElements(activeMap, places))) added.push(...elsewhere);
      }
      if (added.length > 0) select(added);
    },
    [activeMap, view, change, mapGesture, select],
  );

  const onSelectionAction = useCallback(
    async (action: SelectionAction, chosen: Selection, centre: XY, req: ViewRequest) => {
      if (!activeMap || !view) return;
      if (action === "copy" || action === "cut") {
        if (chosen.elements.length === 0) return;
        clipboard.current = { ids: chosen.elements, mapId: activeMap, pastes: 0 };
        if (action === "copy" || readOnly) return;
      }
      if (readOnly) return;
      if (action === "paste") return void paste(centre);
      if (action === "add-sibling" || action === "add-child") return void addLinked(action === "add-sibling" ? "sibling" : "child", chosen.elements);
      if (action === "add-above") {
        // One level up: a sibling of the parent the core says the selected element rolls up to.
        const selected = view.nodes.find((n) => n.id === chosen.elements[0]);
        return void addLinked("sibling", selected ? [selected.hierarchy_parent ?? selected.id] : []);
      }
      if (action === "duplicate" && chosen.elements.length > 0) {
        const result = await change(() => core.duplicateElements(activeMap, chosen.elements, COPY_OFFSET, COPY_OFFSET));
        if (result) select(result[0]);
        return;
      }
      if (action === "delete" || action === "cut") {
        if (chosen.elements.length > 0) await mapGesture(() => core.removeFromMap(activeMap, chosen.elements));
        if (action === "cut") return;
        for (const edge of chosen.edges) await change(() => core.deleteRelation(edge));
        for (const group of chosen.groups) await change(() => core.dissolveGroup(group));
        return;
      }
      if (action === "nudge") {
        const ids = new Set([...chosen.elements, ...chosen.groups]);
        const moves: ItemMove[] = [
          ...view.nodes.filter((n) => ids.has(n.id) && !(n.group_id && ids.has(n.group_id))).map((n) => ({ id: n.id, item: "element" as const, group_id: n.group_id, x: n.x + (req.dx ?? 0), y: n.y + (req.dy ?? 0) })),
          ...view.groups.filter((g) => ids.has(g.id) && !(g.parent_id && ids.has(g.parent_id))).map((g) => ({ id: g.id, item: "group" as const, group_id: g.parent_id, x: g.x + (req.dx ?? 0), y: g.y + (req.dy ?? 0) })),
        ];
        if (moves.length > 0) await mapGesture(() => core.moveItems(activeMap, moves));
      }
    },
    [activeMap, view, readOnly, paste, addLinked, change, mapGesture, select],
  );

  return { onDrop, onSelectionAction };
}
