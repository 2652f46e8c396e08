import { useCallback, useEffect, useMemo, useState } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { ReactFlowProvider } from "@xyflow/react";
import type { DocumentView, ItemMove, MapView, PersonSummary, Problem, ProblemReport, RuleSettings } from "./ipc/bindings";
import { core, CoreError, onDocumentChanged, onMenu } from "./ipc/api";
import { MapCanvas, type DropRequest, type FocusRequest, type ViewRequest } from "./canvas/MapCanvas";
import { Palette, PALETTE } from "./panels/Palette";
import { MapTabs } from "./panels/MapTabs";
import { StatusBar, type SaveState } from "./panels/StatusBar";
import { Legend } from "./panels/Legend";
import { OpenProblem, Welcome } from "./panels/OpenProblem";
import { isTextEntry, presentingActionFor, shortcutFor } from "./editor/shortcuts";
import { badgesByElement } from "./editor/problems";
import { ProblemsPanel } from "./panels/ProblemsPanel";
import { RulesDialog } from "./panels/RulesDialog";
import { NewMapDialog } from "./panels/NewMapDialog";
import { PeoplePanel } from "./panels/PeoplePanel";
import { RolePicker } from "./panels/RolePicker";
import { RelationPicker } from "./panels/RelationPicker";
import { suggestRelation } from "./editor/relations";

type Screen =
  | { kind: "loading" }
  | { kind: "welcome" }
  | { kind: "problem"; error: CoreError }
  | { kind: "document"; doc: DocumentView };

function asCoreError(error: unknown): CoreError {
  return error instanceof CoreError ? error : new CoreError("ipc", String(error));
}

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: "loading" });
  const [activeMap, setActiveMap] = useState<string | null>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [save, setSave] = useState<SaveState>("saved");
  const [notice, setNotice] = useState<string | null>(null);
  // Counts documents loaded, so the map is fetched again even when the tab stays.
  const [loads, setLoads] = useState(0);
  // Counts changes to the document; problems are fetched again after each.
  const [revision, setRevision] = useState(0);
  const [mapProblems, setMapProblems] = useState<ProblemReport | null>(null);
  const [docProblems, setDocProblems] = useState<ProblemReport | null>(null);
  const [showProblems, setShowProblems] = useState(true);
  const [rules, setRules] = useState<RuleSettings | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  const [viewRequest, setViewRequest] = useState<ViewRequest | null>(null);
  const [creatingMap, setCreatingMap] = useState(false);
  const [drop, setDrop] = useState<DropRequest | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  // Presentation mode: full screen, only the map (and its legend), arrows step through the maps.
  const [presenting, setPresenting] = useState(false);
  const [people, setPeople] = useState<PersonSummary[]>([]);
  // A line drawn between two elements, waiting for its relation kind.
  const [connecting, setConnecting] = useState<{ source: string; target: string } | null>(null);
  // A person dropped on an element or group, waiting for the role to be picked.
  const [ownerDrop, setOwnerDrop] = useState<{ personId: string; person: string; targetId: string; target: string } | null>(null);
  const badges = useMemo(() => badgesByElement(mapProblems), [mapProblems]);

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
      }
    } catch (error) {
      setScreen({ kind: "problem", error: asCoreError(error) });
    }
  }, []);

  const doc = screen.kind === "document" ? screen.doc : null;

  const refresh = useCallback(async (mapId: string | null) => {
    const [document, map] = await Promise.all([core.document(), mapId ? core.mapView(mapId) : Promise.resolve(null)]);
    setScreen({ kind: "document", doc: document });
    setView(map);
    setRevision((n) => n + 1);
  }, []);

  const historyStep = useCallback(
    async (step: "undo" | "redo") => {
      try {
        await (step === "undo" ? core.undo() : core.redo());
        await refresh(activeMap);
      } catch (error) {
        const e = asCoreError(error);
        if (e.code !== "nothing_to_undo" && e.code !== "nothing_to_redo") setNotice(e.message);
      }
    },
    [activeMap, refresh],
  );

  // A gesture on the current map: the core applies it (one undo step) and
  // returns the map as it now is; the window shows it and counts it saved.
  const mapGesture = useCallback(async (call: () => Promise<MapView>): Promise<MapView | null> => {
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
  }, []);

  useEffect(() => {
    void load();
    const unlisten = [onDocumentChanged(() => void load())];
    return () => unlisten.forEach((p) => void p.then((stop) => stop()));
  }, [load]);

  useEffect(() => {
    const unlisten = onMenu((id) => {
      if (id === "undo" || id === "redo") void historyStep(id);
    });
    return () => void unlisten.then((stop) => stop());
  }, [historyStep]);

  // Delete takes the selected elements off this map (they stay in the document); one undo step.
  const removeFromMap = useCallback(
    async (selected: string[]) => {
      if (activeMap && selected.length > 0 && !doc?.read_only) await mapGesture(() => core.removeFromMap(activeMap, selected));
    },
    [activeMap, doc, mapGesture],
  );

  const stepMap = useCallback(
    (by: number) => {
      const maps = doc?.maps ?? [];
      const at = maps.findIndex((m) => m.id === activeMap);
      const next = maps[at + by];
      if (next) setActiveMap(next.id);
    },
    [doc, activeMap],
  );

  // Entering and leaving presentation mode: the window goes full screen and back, and the map is fitted again.
  useEffect(() => {
    void getCurrentWindow().setFullscreen(presenting).catch(() => undefined);
    const refit = window.setTimeout(() => setViewRequest({ action: "fit", nonce: Date.now() }), 150);
    return () => window.clearTimeout(refit);
  }, [presenting]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTextEntry(event.target)) return;
      if (presenting) {
        const step = presentingActionFor(event);
        if (!step) return;
        event.preventDefault();
        if (step === "leave") setPresenting(false);
        else stepMap(step === "next-map" ? 1 : -1);
        return;
      }
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === "open") void core.openDialog();
      else if (screen.kind !== "document") return;
      else if (action === "undo" || action === "redo") void historyStep(action);
      else if (action === "present") setPresenting(true);
      // The canvas knows what is selected at this very moment; it answers these.
      else if ((action === "delete" || action === "rename") && doc?.read_only) return;
      else setViewRequest({ action, nonce: Date.now() });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [historyStep, screen.kind, doc, presenting, stepMap]);

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

  // Validation runs in the core after every change; the canvas does not wait for it.
  useEffect(() => {
    if (screen.kind !== "document") return;
    let current = true;
    Promise.all([core.problems(activeMap), core.problems(null), core.people()])
      .then(([onMap, inDocument, everyone]) => {
        if (!current) return;
        setMapProblems(onMap);
        setDocProblems(inDocument);
        setPeople(everyone);
      })
      .catch((error) => current && setNotice(asCoreError(error).message));
    return () => {
      current = false;
    };
  }, [activeMap, loads, revision, screen.kind]);

  const focusProblem = useCallback(
    (problem: Problem) => {
      if (problem.map_id && problem.map_id !== activeMap) setActiveMap(problem.map_id);
      setFocus({ ids: problem.element_ids, nonce: Date.now() });
    },
    [activeMap],
  );

  const openRules = useCallback(() => {
    core.ruleSettings().then(setRules, (error) => setNotice(asCoreError(error).message));
  }, []);

  const saveRules = useCallback(async (settings: RuleSettings) => {
    try {
      await core.setRuleSettings(settings);
      setRules(null);
      setRevision((n) => n + 1);
      setScreen({ kind: "document", doc: await core.document() });
    } catch (error) {
      setNotice(asCoreError(error).message);
    }
  }, []);

  useEffect(() => {
    const title = doc ? `${doc.file_name} — Tiermap` : "Tiermap";
    void getCurrentWindow().setTitle(title).catch(() => undefined);
  }, [doc]);

  const onMove = useCallback(
    (moves: ItemMove[]) => (activeMap ? mapGesture(() => core.moveItems(activeMap, moves)) : Promise.resolve(null)),
    [activeMap, mapGesture],
  );

  const openDialog = useCallback(() => void core.openDialog(), []);

  // An element dragged from the palette: created by the core where it was dropped; one undo step.
  const createElement = useCallback(
    async (kind: string, groupId: string | null, x: number, y: number) => {
      if (!activeMap) return;
      const label = PALETTE.find((p) => p.kind === kind)?.label ?? "element";
      let created: string | null = null;
      await mapGesture(async () => {
        const [id, updated] = await core.addElement({ map_id: activeMap, kind, name: `New ${label.toLowerCase()}`, group_id: groupId, x, y });
        created = id;
        return updated;
      });
      // Name it straight away, as a file explorer does with a new folder.
      if (created) setRenaming(created);
    },
    [activeMap, mapGesture],
  );

  // Renaming in place (F2, double-click, or right after creating): Enter stores it, one undo step.
  const rename = useCallback(
    async (id: string, name: string | null) => {
      setRenaming((current) => (current === id ? null : current));
      const element = view?.nodes.find((n) => n.id === id);
      if (name === null || !element || name.trim() === "" || name.trim() === element.name) return;
      try {
        await core.renameElement(id, name);
        await refresh(activeMap);
      } catch (error) {
        setNotice(asCoreError(error).message);
      }
    },
    [view, activeMap, refresh],
  );
  const extras = useMemo(() => ({ badges, renaming, onRename: (id: string, name: string | null) => void rename(id, name), onStartRename: setRenaming }), [badges, renaming, rename]);

  // A person dropped on the map: whichever element or group is under the pointer becomes theirs.
  const dropPerson = useCallback(
    (personId: string, clientX: number, clientY: number) => {
      const node = window.document.elementFromPoint(clientX, clientY)?.closest(".react-flow__node");
      const targetId = node?.getAttribute("data-id");
      if (!targetId || !view) return;
      const target = view.nodes.find((n) => n.id === targetId)?.name ?? view.groups.find((g) => g.id === targetId)?.name;
      const person = people.find((p) => p.id === personId)?.name;
      if (target && person) setOwnerDrop({ personId, person, targetId, target });
    },
    [view, people],
  );

  const assignOwner = useCallback(
    async (role: string, accountable: boolean) => {
      if (!ownerDrop) return;
      setOwnerDrop(null);
      try {
        await core.assignOwner({ person_id: ownerDrop.personId, target_id: ownerDrop.targetId, role, accountable });
        await refresh(activeMap);
      } catch (error) {
        setNotice(asCoreError(error).message);
      }
    },
    [ownerDrop, activeMap, refresh],
  );

  const connect = useCallback(
    async (kind: string) => {
      if (!connecting) return;
      setConnecting(null);
      try {
        await core.addRelation(kind, connecting.source, connecting.target);
        await refresh(activeMap);
      } catch (error) {
        setNotice(asCoreError(error).message);
      }
    },
    [connecting, activeMap, refresh],
  );
  const ends = connecting ? [view?.nodes.find((n) => n.id === connecting.source), view?.nodes.find((n) => n.id === connecting.target)] : [];

  // A new map of a grouping model, laid out by the core with the model's structure; one undo step.
  const createMap = useCallback(async (name: string, model: string) => {
    try {
      const [mapId, document] = await core.newMap(name, model);
      setCreatingMap(false);
      setScreen({ kind: "document", doc: document });
      setActiveMap(mapId);
      setRevision((n) => n + 1);
    } catch (error) {
      setNotice(asCoreError(error).message);
    }
  }, []);

  // Auto-arrange by the map's grouping model: computed in the core, one undo step.
  const arrange = useCallback(async () => {
    if (activeMap) await mapGesture(() => core.arrange(activeMap));
  }, [activeMap, mapGesture]);

  if (screen.kind === "loading") return <div className="loading">Opening…</div>;
  if (screen.kind === "welcome") return <Welcome onOpen={openDialog} />;
  if (screen.kind === "problem") return <OpenProblem code={screen.error.code} message={screen.error.message} onOpen={openDialog} />;

  const document = screen.doc;
  return (
    <div className={presenting ? "app presenting" : "app"} data-testid="app" data-presenting={presenting}>
      <header className="toolbar">
        <span className="doc-name" title={document.path}>
          {document.file_name}
        </span>
        <MapTabs maps={document.maps} active={activeMap} onSelect={setActiveMap} />
        <button onClick={() => setCreatingMap(true)} disabled={document.read_only} title="A new map of one of the grouping models" data-testid="new-map">
          New map…
        </button>
        <div className="toolbar-actions">
          <button onClick={() => void historyStep("undo")} disabled={!document.can_undo} title="Undo (Ctrl+Z)" data-testid="undo">
            Undo
          </button>
          <button onClick={() => void historyStep("redo")} disabled={!document.can_redo} title="Redo (Ctrl+Shift+Z)" data-testid="redo">
            Redo
          </button>
          <button onClick={() => setPresenting(true)} title="Present: full screen, arrows step through the maps, Esc leaves (F5)" data-testid="present">
            Present
          </button>
          <button onClick={() => void arrange()} disabled={document.read_only} title="Arrange this map by its grouping model (one undo step)" data-testid="arrange">
            Arrange
          </button>
          <button onClick={openDialog} title="Open a document (Ctrl+O)">
            Open…
          </button>
          <button
            onClick={() => setShowProblems((v) => !v)}
            aria-pressed={showProblems}
            title="Show or hide the problems the core found"
            data-testid="toggle-problems"
          >
            Problems {docProblems ? docProblems.errors + docProblems.warnings : ""}
          </button>
        </div>
      </header>
      <main className="workspace">
        <div className="side">
          <Palette disabled={document.read_only || !view} onDrop={(kind, clientX, clientY) => setDrop({ kind, clientX, clientY, nonce: Date.now() })} />
          <PeoplePanel people={people} disabled={document.read_only || !view} onDrop={dropPerson} />
        </div>
        <div className="canvas-area">
          {view ? (
            <ReactFlowProvider key={view.map.id}>
              <MapCanvas
                view={view}
                readOnly={document.read_only}
                extras={extras}
                focus={focus}
                viewRequest={viewRequest}
                onRemove={(ids) => void removeFromMap(ids)}
                onConnect={(source, target) => setConnecting({ source, target })}
                drop={drop}
                onCreate={(kind, groupId, x, y) => void createElement(kind, groupId, x, y)}
                onMove={onMove}
              />
            </ReactFlowProvider>
          ) : (
            <div className="loading">Loading map…</div>
          )}
          {view ? <Legend relationKinds={[...new Set(view.edges.map((e) => e.kind))]} /> : null}
          {notice ? (
            <div className="notice" role="alert" data-testid="notice">
              {notice}
              <button onClick={() => setNotice(null)} aria-label="Dismiss">
                ×
              </button>
            </div>
          ) : null}
        </div>
        {showProblems ? (
          <ProblemsPanel report={mapProblems} onFocus={focusProblem} onRules={openRules} onClose={() => setShowProblems(false)} />
        ) : null}
      </main>
      {presenting && view ? (
        <div className="presenting-hint" data-testid="presenting-hint">
          {view.map.name} · map {document.maps.findIndex((m) => m.id === view.map.id) + 1} of {document.maps.length} · ← → to step · Esc to leave
        </div>
      ) : null}
      <StatusBar doc={document} view={view} save={save} problems={docProblems} />
      {connecting && ends[0] && ends[1] ? (
        <RelationPicker
          source={ends[0].name}
          target={ends[1].name}
          suggested={suggestRelation(ends[0].kind, ends[1].kind)}
          onPick={(kind) => void connect(kind)}
          onCancel={() => setConnecting(null)}
        />
      ) : null}
      {ownerDrop ? (
        <RolePicker person={ownerDrop.person} target={ownerDrop.target} onPick={(role, accountable) => void assignOwner(role, accountable)} onCancel={() => setOwnerDrop(null)} />
      ) : null}
      {creatingMap ? <NewMapDialog onCreate={(name, model) => void createMap(name, model)} onCancel={() => setCreatingMap(false)} /> : null}
      {rules ? <RulesDialog initial={rules} onSave={(s) => void saveRules(s)} onCancel={() => setRules(null)} /> : null}
    </div>
  );
}
