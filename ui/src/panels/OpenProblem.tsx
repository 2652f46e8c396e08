import type { ErrorCode, RecentDocument } from "../ipc/bindings";

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

type WelcomeProps = {
  onNew: () => void;
  onOpen: () => void;
  onImport: () => void;
  recent: RecentDocument[];
  onOpenRecent: (index: number) => void;
  waitingImport?: string | null;
};

/** Shown when the app starts without a document: new, open, import, and the documents opened lately. */
export function Welcome({ onNew, onOpen, onImport, recent, onOpenRecent, waitingImport }: WelcomeProps) {
  return (
    <section className="welcome" data-testid="welcome">
      <h1>Tiermap</h1>
      <p>Map an organization's products, services and their owners.</p>
      <div className="welcome-actions">
        <button className="primary" onClick={onNew} autoFocus data-testid="welcome-new">
          New document… <kbd>Ctrl+N</kbd>
        </button>
        <button onClick={onOpen} data-testid="welcome-open">
          Open… <kbd>Ctrl+O</kbd>
        </button>
        <button onClick={onImport} data-testid="welcome-import-button">
          Import a spreadsheet… <kbd>Ctrl+I</kbd>
        </button>
      </div>
      {recent.length > 0 ? (
        <nav className="welcome-recent" aria-label="Recent documents">
          <h2>Recent</h2>
          <ul>
            {recent.map((doc, index) => (
              <li key={`${doc.folder}/${doc.name}`}>
                <button onClick={() => onOpenRecent(index)} title={`${doc.folder}/${doc.name}.tiermap`} data-testid="welcome-recent">
                  <span className="recent-name">{doc.name}</span>
                  <span className="recent-folder">{doc.folder}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="muted">
        A client's spreadsheet or ArchiMate file can also be dropped on the window; it is imported into the document you open or create.
      </p>
      {waitingImport ? (
        <p className="form-error" role="alert" data-testid="welcome-import">
          {waitingImport} is ready to import: open or create a document and its preview opens.
        </p>
      ) : null}
    </section>
  );
}
