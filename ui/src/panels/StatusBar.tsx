import type { DocumentView, MapView, ProblemReport } from "../ipc/bindings";
import { countsLabel } from "../editor/problems";
import { counted } from "../editor/wording";

export type SaveState = "saved" | "saving" | "failed";

/** The bottom line: where the document lives, what the map holds, whether the last change is on disk. */
type Props = { doc: DocumentView; view: MapView | null; save: SaveState; problems: ProblemReport | null };

export function StatusBar({ doc, view, save, problems }: Props) {
  const label = { saved: "All changes saved", saving: "Saving…", failed: "Last change not saved" }[save];
  return (
    <footer className="status-bar" data-testid="status">
      <span className="status-path" title={doc.path}>
        {doc.path}
        {doc.read_only ? " (read-only)" : ""}
      </span>
      {view ? (
        <span data-testid="status-counts">
          {counted(view.nodes.length, "element")} · {counted(view.groups.length, "group")} · {counted(view.edges.length, "relation")}
        </span>
      ) : null}
      {problems ? (
        <span className={problems.errors > 0 ? "status-problems has-errors" : "status-problems"} data-testid="status-problems" title="Findings in the whole document">
          {countsLabel(problems)}
        </span>
      ) : null}
      <span className={`save-state ${save}`} data-testid="save-state">
        {label}
      </span>
    </footer>
  );
}
