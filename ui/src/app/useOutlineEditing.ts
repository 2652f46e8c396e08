// The outline panel's edits as changes of the document: each is one call to
// the core (which plans it: kinds, places on the map) and one undo step,
// queued with the fetch that shows it like every other change.
import { useMemo } from "react";
import type { MapView, OutlineItem } from "../ipc/bindings";
import { core } from "../ipc/api";
import type { OutlineEdits } from "../panels/OutlinePanel";

type Editing = {
  activeMap: string | null;
  change: <T>(call: () => Promise<T>) => Promise<T | null>;
  mapGesture: (call: () => Promise<MapView>) => Promise<MapView | null>;
  /** Stores a group's typed name (the canvas's rename). */
  rename: (id: string, name: string) => Promise<unknown>;
};

/** The name a new line has until it is typed. */
export const NEW_LINE_NAME = "New element";

export function useOutlineEditing({ activeMap, change, mapGesture, rename }: Editing): OutlineEdits {
  return useMemo(() => {
    const onMap = <T,>(run: (mapId: string) => Promise<T>): Promise<T | null> => (activeMap ? run(activeMap) : Promise.resolve(null));
    return {
      add: (afterId) =>
        onMap(async (mapId) => {
          let created: string | null = null;
          await mapGesture(async () => {
            const [id, view] = await core.outlineAdd(mapId, afterId, NEW_LINE_NAME);
            created = id;
            return view;
          });
          return created;
        }),
      indent: (id) => onMap((mapId) => mapGesture(() => core.outlineIndent(mapId, id))),
      outdent: (id) => onMap((mapId) => mapGesture(() => core.outlineOutdent(mapId, id))),
      move: (id, direction) => onMap((mapId) => mapGesture(() => core.outlineMove(mapId, id, direction))),
      // An element's name is a capture line, as on the canvas: `app: Workday @Ada Rivera` sets kind and owner too.
      rename: (item: OutlineItem, name: string) =>
        item.item === "group" ? rename(item.id, name) : change(() => core.captureName({ element_id: item.id, line: name, role: null, person_id: null })),
      remove: (item: OutlineItem) =>
        onMap<unknown>((mapId) => (item.item === "group" ? change(() => core.dissolveGroup(item.id)) : mapGesture(() => core.removeFromMap(mapId, [item.id])))),
      paste: (atId, text) =>
        onMap(async (mapId) => {
          let created: string[] | null = null;
          await mapGesture(async () => {
            const [ids, view] = await core.outlinePaste(mapId, atId, text);
            created = ids;
            return view;
          });
          return created;
        }),
    };
  }, [activeMap, change, mapGesture, rename]);
}
