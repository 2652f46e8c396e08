// The open document as the window knows it: what screen shows, the map in
// view, whether the last change was saved, and the one way changes go
// through (the core applies each as one undo step; the window shows the
// result and counts it saved).
import { useCallback, useEffect, useRef, useState } from "react";
import type { DocumentView, MapView } from "../ipc/bindings";
import { core, CoreError, onDocumentChanged } from "../ipc/api";
import type { SaveState } from "../panels/StatusBar";

export type Screen =
  | { kind: "loading" }
  | { kind: "welcome" }
  | { kind: "problem"; error: CoreError }
  | { kind: "document"; doc: DocumentView };

export function asCoreError(error: unknown): CoreError {
  return error instanceof CoreError ? error : new CoreError("ipc", String(error));
}

export function useDocument() {
  const [screen, setScreen] = useState<Screen>({ kind: "loading" });
  const [activeMap, setActiveMap] = useState<string | null>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [save, setSave] = useState<SaveState>("saved");
  const [notice, setNotice] = useState<string | null>(null);
  // Counts documents loaded, so the map is fetched again even when the tab stays.
  const [loads, setLoads] = useState(0);
  // Counts changes to the document; problems, people and the inspector refetch after each.
  const [revision, setRevision] = useState(0);
  const doc = screen.kind === "document" ? screen.doc : null;
  // Changes run one after another, each with the fetch that shows it: a fast
  // typist's Enter, name, Tab must not see an older map arrive after a newer one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // While presenting, nothing reaches the file, whichever key, click or menu
  // item asked: every change is refused here, in the one way changes go.
  const locked = useRef(false);
  const setLocked = useCallback((on: boolean) => {
    locked.current = on;
  }, []);
  const inTurn = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const turn = queue.current.then(task, task);
    queue.current = turn.catch(() => undefined);
    return turn;
  }, []);

  // What the window shows after start-up or after another document was opened.
  const load = useCallback(async () => {
    try {
      const { document, error } = await core.startup();
      if (error && document) {
        // Save As or opening another file failed: the document stays open as it was.
        setNotice(error.message);
        return;
      }
      if (error) {
        setScreen({ kind: "problem", error: new CoreError(error.code, error.message) });
      } else if (document) {
        setScreen({ kind: "document", doc: document });
        // Keep the tab when the new document has the same map (Save As).
        setActiveMap((current) => (document.maps.some((m) => m.id === current) ? current : (document.maps[0]?.id ?? null)));
        setLoads((n) => n + 1);
        setSave("saved");
      } else {
        setScreen({ kind: "welcome" });
        setView(null);
        setActiveMap(null);
      }
    } catch (error) {
      setScreen({ kind: "problem", error: asCoreError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
    const unlisten = onDocumentChanged(() => void load());
    return () => void unlisten.then((stop) => stop());
  }, [load]);

  // The map of the active tab, fetched when the tab or the document changes.
  useEffect(() => {
    if (!activeMap) return;
    let current = true;
    core
      .mapView(activeMap)
      .then((map) => current && setView(map))
      .catch((error) => current && setNotice(asCoreError(error).message));
    return () => {
      current = false;
    };
  }, [activeMap, loads]);

  /** Fetches the document and the active map again after a change. */
  const refresh = useCallback(async () => {
    const document = await core.document();
    // The map on show may be gone (an undo took back New map): show the first one instead.
    const mapId = document.maps.some((m) => m.id === activeMap) ? activeMap : (document.maps[0]?.id ?? null);
    const map = mapId ? await core.mapView(mapId) : null;
    setScreen({ kind: "document", doc: document });
    if (mapId !== activeMap) setActiveMap(mapId);
    setView(map);
    setRevision((n) => n + 1);
  }, [activeMap]);

  /** Runs one change in the core, then shows the document as it now is. Resolves to the call's result, or null when refused. */
  const change = useCallback(
    <T,>(call: () => Promise<T>): Promise<T | null> => inTurn(async () => {
      if (locked.current) return null;
      setSave("saving");
      try {
        const result = await call();
        await refresh();
        setSave("saved");
        return result;
      } catch (error) {
        const e = asCoreError(error);
        // Refused input changes nothing: the file is as saved as before.
        setSave(e.code === "invalid_input" || e.code === "invalid_edit" ? "saved" : "failed");
        setNotice(e.message);
        return null;
      }
    }),
    [refresh, inTurn],
  );

  /** A change that returns the map as it now is (no second fetch needed). */
  const mapGesture = useCallback((call: () => Promise<MapView>): Promise<MapView | null> => inTurn(async () => {
    if (locked.current) return null;
    setSave("saving");
    try {
      const updated = await call();
      setView(updated);
      setSave("saved");
      setRevision((n) => n + 1);
      setScreen({ kind: "document", doc: await core.document() });
      return updated;
    } catch (error) {
      setSave("failed");
      setNotice(asCoreError(error).message);
      return null;
    }
  }), [inTurn]);

  const historyStep = useCallback(
    (step: "undo" | "redo") => inTurn(async () => {
      if (locked.current) return;
      try {
        await (step === "undo" ? core.undo() : core.redo());
        await refresh();
      } catch (error) {
        const e = asCoreError(error);
        if (e.code !== "nothing_to_undo" && e.code !== "nothing_to_redo") setNotice(e.message);
      }
    }),
    [refresh, inTurn],
  );

  /** After a change that returned the whole document (a new map, new rules). */
  const showDocument = useCallback((document: DocumentView) => {
    setScreen({ kind: "document", doc: document });
    setRevision((n) => n + 1);
  }, []);

  return { screen, doc, activeMap, setActiveMap, view, save, notice, setNotice, loads, revision, change, mapGesture, historyStep, showDocument, load, setLocked };
}
