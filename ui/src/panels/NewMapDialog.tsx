import { useState } from "react";

/** The grouping models a map can have, with what each starts with (the core builds the structure). */
export const MODELS: { model: string; label: string; starts: string }[] = [
  { model: "pyramid", label: "Pyramid", starts: "tiers from the apex down: service area, products, services, applications" },
  { model: "service", label: "Service grouping", starts: "a service family container" },
  { model: "technical", label: "Technical grouping", starts: "a platform group" },
  { model: "market", label: "Market alignment", starts: "one lane per market segment of the document" },
  { model: "organizational", label: "Organizational alignment", starts: "one column per org unit of the document" },
  { model: "freeform", label: "Freeform", starts: "an empty canvas" },
];

type Props = {
  onCreate: (name: string, model: string) => void;
  onCancel: () => void;
  /** A new document asks the same: what its first map is for. */
  purpose?: "map" | "document";
};

/** A new map (or a new document's first map): its name and grouping model, a pyramid unless chosen otherwise. */
export function NewMapDialog({ onCreate, onCancel, purpose = "map" }: Props) {
  const [name, setName] = useState("");
  const [model, setModel] = useState("pyramid");
  const label = MODELS.find((m) => m.model === model)?.label ?? "";
  const finalName = name.trim() || `New ${label.toLowerCase()}`;
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="new-map-title"
        data-testid="new-map-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onCreate(finalName, model);
        }}
      >
        <h2 id="new-map-title">{purpose === "document" ? "New document: what is it for?" : "New map"}</h2>
        {purpose === "document" ? <p className="muted">Its first map follows this grouping model; the next step names the file.</p> : null}
        <label className="field">
          {purpose === "document" ? "First map" : "Name"}
          <input autoFocus value={name} placeholder={finalName} onChange={(e) => setName(e.target.value)} data-testid="new-map-name" />
        </label>
        <fieldset className="models">
          <legend>Grouping model</legend>
          {MODELS.map((m) => (
            <label key={m.model} className={m.model === model ? "model-choice chosen" : "model-choice"}>
              <input type="radio" name="model" value={m.model} checked={m.model === model} onChange={() => setModel(m.model)} data-testid={`model-${m.model}`} />
              <span className="model-label">{m.label}</span>
              <span className="model-starts">starts with {m.starts}</span>
            </label>
          ))}
        </fieldset>
        <footer className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="new-map-create">
            {purpose === "document" ? "Create document…" : "Create map"}
          </button>
        </footer>
      </form>
    </div>
  );
}
