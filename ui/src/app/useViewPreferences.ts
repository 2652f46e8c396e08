// How this person likes the window: snapping, colouring, which panels show.
// Kept in the browser's local storage, not in the document: they are the
// viewer's, and changing them is no edit to undo.
import { useCallback, useState } from "react";
import type { ColorBy } from "../editor/colorBy";

/** How large the map's text is drawn, for this viewer (a projector, a small screen): a factor on every size. */
export type TextSize = "normal" | "large" | "larger";
export const TEXT_SCALE: Record<TextSize, number> = { normal: 1, large: 1.2, larger: 1.4 };

type Preferences = { snap: boolean; colorBy: ColorBy; showProblems: boolean; showInspector: boolean; showOutline: boolean; textSize: TextSize };
type Switch = "snap" | "showProblems" | "showInspector" | "showOutline";

const KEY = "tiermap.view";
const DEFAULTS: Preferences = { snap: false, colorBy: "kind", showProblems: true, showInspector: true, showOutline: false, textSize: "normal" };

function loadPreferences(): Preferences {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Partial<Preferences>;
    return { ...DEFAULTS, ...stored };
  } catch {
    return DEFAULTS;
  }
}

function persist(prefs: Preferences): Preferences {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or unavailable: the choice holds for this session.
  }
  return prefs;
}

export function useViewPreferences() {
  const [prefs, setPrefs] = useState<Preferences>(loadPreferences);
  const toggle = useCallback((which: Switch) => setPrefs((current) => persist({ ...current, [which]: !current[which] })), []);
  const setColorBy = useCallback((colorBy: ColorBy) => setPrefs((current) => persist({ ...current, colorBy })), []);
  const setTextSize = useCallback((textSize: TextSize) => setPrefs((current) => persist({ ...current, textSize })), []);
  // A stored size this version does not know reads as normal.
  const textSize = prefs.textSize in TEXT_SCALE ? prefs.textSize : "normal";
  return { ...prefs, textSize, toggle, setColorBy, setTextSize };
}
