import type { ErrorCode } from "../ipc/bindings";

const TITLES: Partial<Record<ErrorCode | "ipc", string>> = {
  not_found: "The file does not exist",
  empty_file: "The file is empty",
  not_a_document: "This is not a Tiermap document",
  foreign_database: "This database belongs to another application",
  newer_schema: "This document was made by a newer Tiermap",
  corrupt: "The document is damaged",
  locked: "The document is open elsewhere",
  read_only: "The document cannot be changed",
};

/** Shown instead of the canvas when a document could not be opened. The file was not changed. */
export function OpenProblem({ code, message, onOpen }: { code: ErrorCode | "ipc"; message: string; onOpen: () => void }) {
  return (
    <section className="open-problem" role="alert" data-testid="open-error" data-code={code}>
      <h1>{TITLES[code] ?? "The document could not be opened"}</h1>
      <p className="open-problem-message">{message}</p>
      <p>Nothing was changed in the file.</p>
      <button className="primary" onClick={onOpen}>
        Open another document…
      </button>
    </section>
  );
}

/** Shown when the app starts without a document. */
export function Welcome({ onOpen, waitingImport }: { onOpen: () => void; waitingImport?: string | null }) {
  return (
    <section className="welcome" data-testid="welcome">
      <h1>Tiermap</h1>
      <p>Map an organization's products, services and their owners.</p>
      <button className="primary" onClick={onOpen}>
        Open a document… <kbd>Ctrl+O</kbd>
      </button>
      <p className="muted">
        New document: File &gt; New Document (<kbd>Ctrl+N</kbd>). A client's spreadsheet or ArchiMate file is imported into an open document: File &gt; Import (
        <kbd>Ctrl+I</kbd>), or drop it on the window.
      </p>
      {waitingImport ? (
        <p className="form-error" role="alert" data-testid="welcome-import">
          {waitingImport} is ready to import: open or create a document and its preview opens.
        </p>
      ) : null}
    </section>
  );
}
