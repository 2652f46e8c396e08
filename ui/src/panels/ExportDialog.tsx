import { useEffect, useState } from "react";
import type { ExportChoice, ExportProgress, MapSummary } from "../ipc/bindings";
import { core, CoreError, onExportFinished, onExportProgress } from "../ipc/api";

export const FORMATS: { format: string; label: string; detail: string }[] = [
  { format: "pptx", label: "PowerPoint", detail: "a slide per map, shapes you can edit" },
  { format: "pdf", label: "PDF", detail: "a page per map, vector, text you can select" },
  { format: "png", label: "PNG", detail: "an image per map (several: a ZIP)" },
  { format: "svg", label: "SVG", detail: "vector image per map (several: a ZIP)" },
  { format: "drawio", label: "draw.io", detail: "a page per map, groups kept" },
  { format: "csv", label: "CSV", detail: "ownership matrix: element, owner, role, tier" },
];

const KEY = "tiermap.export";
type Remembered = Omit<ExportChoice, "map_ids"> & { all: boolean };
const DEFAULTS: Remembered = { format: "pptx", scale: 2, transparent: false, title_slide: false, ownership_slides: true, one_slide_per_map: false, all: false };

function remembered(): Remembered {
  try {
    return { ...DEFAULTS, ...(JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Partial<Remembered>) };
  } catch {
    return DEFAULTS;
  }
}

type Props = { maps: MapSummary[]; activeMap: string | null; onDone: (message: string) => void; onClose: () => void };

/** File > Export: format, maps, scale and background, a preview of the first map, then the save dialog. */
export function ExportDialog({ maps, activeMap, onDone, onClose }: Props) {
  const [choice, setChoice] = useState<Remembered>(remembered);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(choice.all ? maps.map((m) => m.id) : activeMap ? [activeMap] : maps.slice(0, 1).map((m) => m.id)));
  const [preview, setPreview] = useState<{ map: string; url: string } | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = maps.filter((m) => picked.has(m.id)).map((m) => m.id);
  const first = chosen[0] ?? null;
  const set = (change: Partial<Remembered>) => setChoice((c) => ({ ...c, ...change }));

  useEffect(() => {
    if (!first) return;
    let current = true;
    core.exportPreview(first).then(
      (url) => current && setPreview({ map: first, url }),
      (e: CoreError) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [first]);

  useEffect(() => {
    const stops = [
      onExportProgress(setProgress),
      onExportFinished((outcome) => {
        setBusy(false);
        setProgress(null);
        if (!outcome) return; // the save dialog was cancelled: choose again
        if (outcome.error) setError(outcome.error.message);
        else {
          onDone(`Exported to ${outcome.path} (${Math.max(1, Math.round(outcome.bytes / 1024))} KB)`);
          onClose();
        }
      }),
    ];
    return () => stops.forEach((p) => void p.then((stop) => stop()));
  }, [onDone, onClose]);

  const start = async () => {
    // Remembered for next time, with whether every map was chosen.
    window.localStorage.setItem(KEY, JSON.stringify({ ...choice, all: chosen.length === maps.length && maps.length > 1 }));
    const { format, scale, transparent, title_slide, ownership_slides, one_slide_per_map } = choice;
    setError(null);
    setBusy(true);
    try {
      await core.exportDialog({ format, scale, transparent, title_slide, ownership_slides, one_slide_per_map, map_ids: chosen });
    } catch (e) {
      setBusy(false);
      setError(e instanceof CoreError ? e.message : String(e));
    }
  };

  const toggle = (id: string) => setPicked((p) => {
    const next = new Set(p);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const image = choice.format === "png" || choice.format === "svg";
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && !busy && onClose()}>
      <div className="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog">
        <h2 id="export-title">Export</h2>
        <div className="export-columns">
          <div className="export-options">
            <fieldset className="models">
              <legend>Format</legend>
              {FORMATS.map((f) => (
                <label key={f.format} className={f.format === choice.format ? "model-choice chosen" : "model-choice"}>
                  <input type="radio" name="format" checked={f.format === choice.format} onChange={() => set({ format: f.format })} data-testid={`export-${f.format}`} />
                  <span className="model-label">{f.label}</span>
                  <span className="model-starts">{f.detail}</span>
                </label>
              ))}
            </fieldset>
            {choice.format === "png" ? (
              <label className="field">
                <span className="field-label">Scale</span>
                <select value={choice.scale} onChange={(e) => set({ scale: Number(e.target.value) })} data-testid="export-scale">
                  <option value={1}>1× (screen)</option>
                  <option value={2}>2× (slides, print)</option>
                  <option value={3}>3× (large print)</option>
                </select>
              </label>
            ) : null}
            {image ? (
              <label className="check">
                <input type="checkbox" checked={choice.transparent} onChange={(e) => set({ transparent: e.target.checked })} />
                Transparent background
              </label>
            ) : null}
            {choice.format === "pptx" ? (
              <>
                <label className="check">
                  <input type="checkbox" checked={choice.title_slide} onChange={(e) => set({ title_slide: e.target.checked })} />
                  Title slide
                </label>
                <label className="check">
                  <input type="checkbox" checked={choice.ownership_slides} onChange={(e) => set({ ownership_slides: e.target.checked })} />
                  Ownership table slide
                </label>
              </>
            ) : null}
            {choice.format === "pptx" || choice.format === "pdf" ? (
              <label className="check" title="Otherwise a map too large for readable names (10 pt) gets an overview slide and a slide per part, all at one text size">
                <input type="checkbox" checked={choice.one_slide_per_map} onChange={(e) => set({ one_slide_per_map: e.target.checked })} data-testid="one-slide-per-map" />
                One slide per map, small text
              </label>
            ) : null}
          </div>
          <div className="export-maps">
            <div className="field-label">
              Maps{" "}
              <button className="link" onClick={() => setPicked(new Set(maps.map((m) => m.id)))}>
                all
              </button>
              <button className="link" onClick={() => setPicked(new Set(activeMap ? [activeMap] : []))}>
                this one
              </button>
            </div>
            <ul className="export-map-list">
              {maps.map((m) => (
                <li key={m.id}>
                  <label className="check">
                    <input type="checkbox" checked={picked.has(m.id)} onChange={() => toggle(m.id)} data-testid="export-map" />
                    {m.name}
                  </label>
                </li>
              ))}
            </ul>
            <div className="export-preview" data-testid="export-preview">
              {preview && preview.map === first ? <img src={preview.url} alt={`Preview of ${maps.find((m) => m.id === first)?.name ?? "the map"}`} /> : <span className="muted">{first ? "Drawing the preview…" : "Choose a map"}</span>}
            </div>
          </div>
        </div>
        {progress ? (
          <div className="export-progress" role="status">
            <progress max={progress.total} value={progress.done} /> {progress.done} of {progress.total}: {progress.map}
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button className="primary" onClick={() => void start()} disabled={busy || chosen.length === 0} data-testid="export-start">
            {busy ? "Exporting…" : `Export ${chosen.length} map${chosen.length === 1 ? "" : "s"}…`}
          </button>
        </footer>
      </div>
    </div>
  );
}
