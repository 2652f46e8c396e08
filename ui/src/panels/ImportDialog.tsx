import { Fragment, useEffect, useRef, useState } from "react";
import type { ImportOutcome, ImportPreview } from "../ipc/bindings";
import { core, CoreError } from "../ipc/api";

type Props = {
  /** The chosen file's name, shown while its preview is read. */
  fileName: string;
  /** Bumped when another file is chosen or dropped while the dialog is open. */
  pick: number;
  readOnly: boolean;
  onImport: (sheet: string | null, validRowsOnly: boolean) => Promise<ImportOutcome | null>;
  onClose: () => void;
};

function counts(list: { label: string; count: number }[]): string {
  return list.map((c) => `${c.count} ${c.label}`).join(", ");
}

/** What an import would do, before anything changes: what is made and matched, every problem with its row, column and value. */
export function ImportDialog({ fileName, pick, readOnly, onImport, onClose }: Props) {
  const [sheet, setSheet] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  // Another file chosen: start again from its first sheet.
  useEffect(() => setSheet(null), [pick]);

  useEffect(() => {
    let current = true;
    setPreview(null);
    setError(null);
    core.importPreview(sheet).then(
      (p) => current && setPreview(p),
      (e: unknown) => current && setError(e instanceof CoreError ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [sheet, pick]);

  useEffect(() => dialog.current?.focus(), []);

  const run = async (validRowsOnly: boolean) => {
    setBusy(true);
    const outcome = await onImport(preview?.sheet ?? sheet, validRowsOnly);
    setBusy(false);
    if (outcome) onClose();
  };

  const valid = preview ? preview.rows - preview.rows_in_error : 0;
  const nothing = preview !== null && preview.created.length === 0 && preview.updated === 0 && preview.changes.length === 0;
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && !busy && onClose()}>
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog" tabIndex={-1} ref={dialog}>
        <h2 id="import-title">Import {preview?.file_name ?? fileName}</h2>
        {!preview && !error ? <p className="muted">Reading {fileName}…</p> : null}
        {preview ? (
          <div className="import-summary" data-testid="import-summary">
            <p>
              {preview.format}: {preview.rows} {preview.format === "ArchiMate" ? "elements" : "rows"}
              {preview.rows_in_error > 0 ? <strong className="import-bad">, {preview.rows_in_error} with errors</strong> : null}
            </p>
            {preview.sheets.length > 1 ? (
              <label className="field">
                <span className="field-label">Sheet</span>
                <select value={preview.sheet ?? ""} onChange={(e) => setSheet(e.target.value)} data-testid="import-sheet">
                  {preview.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {preview.notes.map((note) => (
              <p key={note} className="muted">
                {note}
              </p>
            ))}
            <dl className="import-facts">
              {preview.created.length > 0 ? (
                <>
                  <dt>New</dt>
                  <dd data-testid="import-created">{counts(preview.created)}</dd>
                </>
              ) : null}
              {preview.updated + preview.unchanged > 0 ? (
                <>
                  <dt>Matched by id</dt>
                  <dd>
                    {preview.updated} updated in place, {preview.unchanged} unchanged
                  </dd>
                </>
              ) : null}
              {preview.changes.length > 0 ? (
                <>
                  <dt>Links</dt>
                  <dd>{counts(preview.changes)}</dd>
                </>
              ) : null}
              {preview.maps.length > 0 ? (
                <>
                  <dt>New maps</dt>
                  <dd data-testid="import-maps">{preview.maps.join(", ")}</dd>
                </>
              ) : null}
              {preview.skipped.map((s) => (
                <Fragment key={s.what}>
                  <dt>Not imported</dt>
                  <dd data-testid="import-skipped">
                    {s.count} {s.what} (no counterpart in Tiermap){s.examples.length ? `, e.g. ${s.examples.join(", ")}` : ""}
                  </dd>
                </Fragment>
              ))}
              <dt>Checks</dt>
              <dd>{preview.problems_after === 0 ? "the map checks find nothing once imported" : `the map checks will find ${preview.problems_after} problems to look at`}</dd>
            </dl>
            {preview.issues.length > 0 ? (
              <>
                <p>
                  {preview.error_count > 0 ? <strong className="import-bad">{preview.error_count} errors</strong> : null}
                  {preview.error_count > 0 && preview.warning_count > 0 ? " and " : null}
                  {preview.warning_count > 0 ? `${preview.warning_count} warnings` : null}
                  {preview.issues.length < preview.error_count + preview.warning_count ? ` (the first ${preview.issues.length} shown)` : null}
                </p>
                <div className="import-issues">
                  <table data-testid="import-issues">
                    <thead>
                      <tr>
                        <th>Where</th>
                        <th>Column</th>
                        <th>Value</th>
                        <th>Problem</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.issues.map((issue, i) => (
                        <tr key={i} className={issue.severity === "error" ? "import-error" : "import-warning"}>
                          <td>{issue.place || "file"}</td>
                          <td>{issue.column}</td>
                          <td>{issue.value}</td>
                          <td>{issue.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : null}
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {readOnly ? <p className="form-error">This document is open read-only: nothing can be imported into it.</p> : null}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          {preview && preview.error_count > 0 && valid > 0 ? (
            <button onClick={() => void run(true)} disabled={busy || readOnly} data-testid="import-valid">
              Import the {valid} valid rows
            </button>
          ) : null}
          <button
            className="primary"
            onClick={() => void run(false)}
            disabled={busy || readOnly || !preview || preview.error_count > 0 || nothing}
            title={preview && preview.error_count > 0 ? "Fix the errors in the file, or import only the valid rows" : "One undo step"}
            data-testid="import-start"
          >
            {busy ? "Importing…" : "Import"}
          </button>
        </footer>
      </div>
    </div>
  );
}
