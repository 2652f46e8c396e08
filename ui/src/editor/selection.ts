// The selection as the window last heard it can name boxes the map no longer
// has (deleted, undone, taken off the map): the canvas reports a selection
// only when it changes, and a removed box does not report itself. Everything
// that acts on the selection asks for it through here.
import type { MapView } from "../ipc/bindings";

/** What is selected on the canvas. */
export type Selection = { elements: string[]; groups: string[]; edges: string[] };
export const NOTHING: Selection = { elements: [], groups: [], edges: [] };

/** The selection, less whatever is not on this map (any more). */
export function selectionOnMap(selection: Selection, view: MapView | null): Selection {
  if (!view) return NOTHING;
  const nodes = new Set(view.nodes.map((n) => n.id));
  const groups = new Set(view.groups.map((g) => g.id));
  const edges = new Set(view.edges.map((e) => e.id));
  const live = {
    elements: selection.elements.filter((id) => nodes.has(id)),
    groups: selection.groups.filter((id) => groups.has(id)),
    edges: selection.edges.filter((id) => edges.has(id)),
  };
  const unchanged = live.elements.length === selection.elements.length && live.groups.length === selection.groups.length && live.edges.length === selection.edges.length;
  return unchanged ? selection : live;
}
