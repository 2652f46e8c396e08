import type { DocumentView, MapView } from "../ipc/bindings";

export type SaveState = "saved" | "saving" | "failed";

/** The bottom line: where the document lives, what the map holds, whether the last change is on disk. */
export function StatusBar({ doc, view, save }: { doc: DocumentView; view: MapView | null; save: SaveState }) {
  const label = { saved: "All changes saved", saving: "Saving…", failed: "Last change not saved" }[save];
  return (
    <footer className="status-bar" data-testid="status">
      <span className="status-path" title={doc.path}>
        {doc.path}
        {doc.read_only ? " (read-only)" : ""}
      </span>
      {view ? (
        <span data-testid="status-counts">
          {view.nodes.length} elements · {view.groups.length} groups · {view.edges.length} relations
        </span>
      ) : null}
      <span className={`save-state ${save}`} data-testid="save-state">
        {label}
      </span>
    </footer>
  );
}
