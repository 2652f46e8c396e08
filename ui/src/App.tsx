import { useCallback, useEffect, useMemo, useState } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { ReactFlowProvider } from "@xyflow/react";
import type { ElementSummary, IntegrityView, ItemMove, Problem, RecentDocument, RuleSettings } from "./ipc/bindings";
import { core, onImportPicked, onMenu } from "./ipc/api";
import { useDocument, asCoreError } from "./app/useDocument";
import { useSideData } from "./app/useSideData";
import { useMapEditing } from "./app/useMapEditing";
import { TEXT_SCALE, useViewPreferences } from "./app/useViewPreferences";
import { commandList, VIEW_ONLY, type CommandId } from "./app/commands";
import { MapCanvas, NOTHING, type DropRequest, type FocusRequest, type Selection, type ViewRequest } from "./canvas/MapCanvas";
import { Palette } from "./panels/Palette";
import { MapTabs } from "./panels/MapTabs";
import { StatusBar } from "./panels/StatusBar";
import { Legend } from "./panels/Legend";
import { OpenProblem, Welcome } from "./panels/OpenProblem";
import { isMapFocus, isTextEntry, nudgeFor, presentingActionFor, shortcutFor } from "./editor/shortcuts";
import { badgesByElement } from "./editor/problems";
import { selectionOnMap } from "./editor/selection";
import { colorOf, legendFor, ownerColors } from "./editor/colorBy";
import type { NodeExtras } from "./editor/flowModel";
import { ProblemsPanel } from "./panels/ProblemsPanel";
import { RulesDialog } from "./panels/RulesDialog";
import { NewMapDialog } from "./panels/NewMapDialog";
import { PeoplePanel } from "./panels/PeoplePanel";
import { ModelBrowser } from "./panels/ModelBrowser";
import { RolePicker } from "./panels/RolePicker";
import { RelationPicker } from "./panels/RelationPicker";
import { CommandPalette } from "./panels/CommandPalette";
import { ShortcutsDialog } from "./panels/ShortcutsDialog";
import { ExportDialog } from "./panels/ExportDialog";
import { ImportDialog } from "./panels/ImportDialog";
import { DamagedBanner } from "./panels/DamagedBanner";
import { OutlinePanel } from "./panels/OutlinePanel";
import { useOutlineEditing } from "./app/useOutlineEditing";
import { Inspector, type InspectorActions } from "./inspector/Inspector";
import { suggestRelation } from "./editor/relations";
import { directionOf } from "./editor/navigation";
import type { CaptureChoice } from "./editor/capture";
import { counted } from "./editor/wording";

export function App() {
  const { screen, doc, activeMap, setActiveMap, view, save, notice, setNotice, loads, revision, change, mapGesture, historyStep, showDocument, setLocked } = useDocument();
  const prefs = useViewPreferences();
  const { mapProblems, docProblems, people, elements } = useSideData(screen.kind === "document", activeMap, loads, revision, setNotice);
  const [rules, setRules] = useState<RuleSettings | null>(null);
  // Whether the open document's pages read back whole; checked once it shows.
  const [integrity, setIntegrity] = useState<IntegrityView | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [viewRequest, setViewRequest] = useState<ViewRequest | null>(null);
  const [creatingMap, setCreatingMap] = useState(false);
  // File > New Document first asks what the document is for (its first map's grouping model).
  const [creatingDocument, setCreatingDocument] = useState(false);
  const [recent, setRecent] = useState<RecentDocument[]>([]);
  const [drop, setDrop] = useState<DropRequest | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  // The text a name field starts from instead of the name: "Name @" when @ was pressed on a box.
  const [renameSeed, setRenameSeed] = useState<string | null>(null);
  // Presentation mode: full screen, only the map (and its legend), arrows step through the maps.
  const [presenting, setPresenting] = useState(false);
  const [reportedSelection, setSelection] = useState<Selection>(NOTHING);
  const [sideTab, setSideTab] = useState<"people" | "elements">("people");
  const [palette, setPalette] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [exporting, setExporting] = useState(false);
  // What was just done (imported, exported): said like a notice, not as an error.
  const [done, setDone] = useState<string | null>(null);
  // A file chosen in File > Import or dropped on the window, waiting in the preview.
  const [importing, setImporting] = useState<{ fileName: string; pick: number } | null>(null);
  // A line drawn between two elements, waiting for its relation kind.
  const [connecting, setConnecting] = useState<{ source: string; target: string } | null>(null);
  // A person dropped on an element or group, waiting for the role to be picked.
  const [ownerDrop, setOwnerDrop] = useState<{ personId: string; person: string; targetId: string; target: string } | null>(null);
  // What the canvas last reported, less what the map no longer has (a deleted box is still "selected" until it reports).
  const selection = useMemo(() => selectionOnMap(reportedSelection, view), [reportedSelection, view]);
  // Presenting is read-only: no key, click or menu item changes the document in front of the room.
  const readOnly = (doc?.read_only ?? true) || presenting;

  const request = useCallback((action: ViewRequest["action"], extra: Partial<ViewRequest> = {}) => setViewRequest({ action, nonce: Date.now(), ...extra }), []);
  const select = useCallback((ids: string[]) => setFocus({ ids, nonce: Date.now(), fit: false, mapId: activeMap ?? undefined }), [activeMap]);

  // Renaming in place (F2, double-click, or right after creating): Enter stores it, one undo step.
  // An element's name is a line the core reads (`kind: name @owner`), with what the owner picker chose.
  const rename = useCallback(
    async (id: string, name: string | null, choice: CaptureChoice = {}) => {
      setRenaming((current) => (current === id ? null : current));
      setRenameSeed(null);
      const element = view?.nodes.find((n) => n.id === id);
      const current = element?.name ?? view?.groups.find((g) => g.id === id)?.name;
      if (name === null || current === undefined || name.trim() === "") return;
      if (name.trim() === current && !choice.personId && !choice.role) return;
      if (element) {
        await change<unknown>(() => core.captureName({ element_id: id, line: name, role: choice.role ?? null, person_id: choice.personId ?? null }));
      } else {
        await change<unknown>(() => core.renameGroup(id, name));
      }
    },
    [view, change],
  );

  const owners = useMemo(() => ownerColors(view?.nodes ?? []), [view]);
  const extras: NodeExtras = useMemo(
    () => ({
      badges: badgesByElement(mapProblems),
      renaming,
      renameSeed,
      onRename: (id: string, name: string | null, choice?: CaptureChoice) => void rename(id, name, choice),
      onStartRename: (id: string, seed?: string) => {
        if (readOnly) return;
        setRenaming(id);
        setRenameSeed(seed ?? null);
      },
      colorOf: (element) => colorOf(element, prefs.colorBy, owners),
      onToggleCollapse: (groupId: string, collapsed: boolean) => void change(() => core.setGroupCollapsed(groupId, collapsed)),
      onResizeGroup: (groupId: string, x: number, y: number, width: number, height: number) => {
        const group = view?.groups.find((g) => g.id === groupId);
        if (activeMap && group) void mapGesture(() => core.moveItems(activeMap, [{ id: groupId, item: "group", group_id: group.parent_id, x, y, width, height }]));
      },
      readOnly,
    }),
    [mapProblems, renaming, renameSeed, rename, readOnly, prefs.colorBy, owners, change, view, activeMap, mapGesture],
  );

  const { onDrop, onSelectionAction } = useMapEditing({ activeMap, view, readOnly, change, mapGesture, select, setRenaming });
  const outlineEdits = useOutlineEditing({ activeMap, change, mapGesture, rename });
  // Showing the outline by key hands it the keyboard.
  const [outlineFocus, setOutlineFocus] = useState(0);

  const stepMap = useCallback(
    (by: number) => {
      const maps = doc?.maps ?? [];
      const at = maps.findIndex((m) => m.id === activeMap);
      const next = maps[at + by];
      if (next) setActiveMap(next.id);
    },
    [doc, activeMap, setActiveMap],
  );

  // Entering and leaving presentation mode: the window goes full screen and back, and the map is fitted again.
  useEffect(() => {
    setLocked(presenting);
    if (presenting) {
      // Whatever was half done (a name being typed, a line or an owner waiting for its kind) is dropped, not stored.
      setRenaming(null);
      setConnecting(null);
      setOwnerDrop(null);
      setPalette(false);
    }
    void core.present(presenting).catch(() => undefined);
    const refit = window.setTimeout(() => request("fit"), 150);
    return () => window.clearTimeout(refit);
  }, [presenting, request, setLocked]);

  // The welcome screen lists the documents opened lately.
  const welcome = screen.kind === "welcome";
  useEffect(() => {
    if (welcome) core.recentDocuments().then(setRecent, () => setRecent([]));
  }, [welcome]);

  // Each document opened is checked once its map shows: the check reads every page, so it never delays opening.
  const opened = screen.kind === "document";
  useEffect(() => {
    setIntegrity(null);
    if (!opened) return;
    let current = true;
    core.checkIntegrity().then(
      (checked) => {
        if (!current) return;
        setIntegrity(checked);
        // A damaged document has just become read-only: show it so.
        if (checked.state === "damaged") void core.document().then(showDocument, () => undefined);
      },
      (error) => current && setNotice(asCoreError(error).message),
    );
    return () => {
      current = false;
    };
  }, [opened, loads, showDocument, setNotice]);

  const openRules = useCallback(() => {
    core.ruleSettings().then(setRules, (error) => setNotice(asCoreError(error).message));
  }, [setNotice]);

  const saveRules = useCallback(
    async (settings: RuleSettings) => {
      if (await change(() => core.setRuleSettings(settings))) setRules(null);
    },
    [change],
  );

  // A new map of a grouping model, laid out by the core with the model's structure; one undo step.
  const createMap = useCallback(
    async (name: string, model: string) => {
      try {
        const [mapId, document] = await core.newMap(name, model);
        setCreatingMap(false);
        showDocument(document);
        setActiveMap(mapId);
      } catch (error) {
        setNotice(asCoreError(error).message);
      }
    },
    [showDocument, setActiveMap, setNotice],
  );

  // Auto-arrange by the map's grouping model, computed in the core, one undo
  // step: the selected elements when two or more are selected, else the whole map.
  const arrange = useCallback(async () => {
    if (!activeMap || readOnly) return;
    const chosen = selection.elements.length >= 2 ? selection.elements : [];
    await mapGesture(() => core.arrange(activeMap, chosen));
  }, [activeMap, readOnly, mapGesture, selection]);

  // Show an element found in the browser or the command palette: on this map if it is here, else on a map it is on.
  const showElement = useCallback(
    (element: ElementSummary) => {
      const mapId = activeMap && element.map_ids.includes(activeMap) ? activeMap : element.map_ids[0];
      if (!mapId) {
        setNotice(`${element.name} is on no map yet: drag it from Elements onto a map.`);
        return;
      }
      if (mapId !== activeMap) setActiveMap(mapId);
      setFocus({ ids: [element.id], nonce: Date.now(), mapId });
    },
    [activeMap, setActiveMap, setNotice],
  );

  // One place that carries out a command, whichever way it came: key, menu, toolbar or Ctrl+K.
  const run = useCallback(
    (id: CommandId) => {
      // While presenting only the view changes; the menu's keys still reach here.
      if (presenting && !VIEW_ONLY.has(id)) return;
      if (id === "open") return void core.openDialog();
      if (id === "shortcuts") return setShortcuts(true);
      if (id === "new-document") return setCreatingDocument(true);
      if (id === "import" && screen.kind !== "document") return void core.importDialog().catch((error) => setNotice(asCoreError(error).message));
      if (screen.kind !== "document") return;
      switch (id) {
        case "undo":
        case "redo":
          return void historyStep(id);
        case "present":
          // F5 is also the menu's key: pressed while presenting, it leaves.
          return setPresenting((on) => !on);
        case "new-map":
          return !readOnly && setCreatingMap(true);
        case "arrange":
          return void arrange();
        case "command-palette":
          return setPalette(true);
        case "toggle-problems":
          return prefs.toggle("showProblems");
        case "toggle-inspector":
          return prefs.toggle("showInspector");
        case "toggle-outline":
          if (!prefs.showOutline) setOutlineFocus(Date.now());
          return prefs.toggle("showOutline");
        case "toggle-snap":
          return prefs.toggle("snap");
        case "color-kind":
        case "color-tier":
        case "color-owner":
        case "color-lifecycle":
          return prefs.setColorBy(id.slice("color-".length) as typeof prefs.colorBy);
        case "text-normal":
        case "text-large":
        case "text-larger":
          return prefs.setTextSize(id.slice("text-".length) as typeof prefs.textSize);
        case "rules":
          return openRules();
        case "export":
          return setExporting(true);
        case "import":
          return void core.importDialog().catch((error) => setNotice(asCoreError(error).message));
        default:
          // The canvas knows what is selected at this very moment; it answers the rest.
          if ((id === "delete" || id === "rename" || id === "add-owner" || id === "cut" || id === "paste" || id === "duplicate") && readOnly) return;
          request(id);
      }
    },
    [screen.kind, presenting, historyStep, readOnly, arrange, prefs, openRules, setNotice, request],
  );

  useEffect(() => {
    const unlisten = onMenu((id) => run(id as CommandId));
    return () => void unlisten.then((stop) => stop());
  }, [run]);

  // What was done fades after a while; errors stay until dismissed.
  useEffect(() => {
    if (!done) return;
    const fade = window.setTimeout(() => setDone(null), 8000);
    return () => window.clearTimeout(fade);
  }, [done]);

  useEffect(() => {
    const unlisten = onImportPicked((fileName) => setImporting((current) => ({ fileName, pick: (current?.pick ?? 0) + 1 })));
    return () => void unlisten.then((stop) => stop());
  }, []);

  // The import as one undo step; then the first map it made is shown.
  const runImport = useCallback(
    async (sheet: string | null, validRowsOnly: boolean) => {
      const outcome = await change(() => core.importApply(sheet, validRowsOnly));
      if (outcome) {
        if (outcome.first_map_id) setActiveMap(outcome.first_map_id);
        setDone(outcome.message);
      }
      return outcome;
    },
    [change, setActiveMap],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (presenting) {
        // Every key belongs to the presentation: none reaches a field or the map.
        const step = presentingActionFor(event);
        if (!step) return;
        event.preventDefault();
        if (step === "leave") setPresenting(false);
        else stepMap(step === "next-map" ? 1 : -1);
        return;
      }
      if (isTextEntry(event.target)) return;
      const nudge = nudgeFor(event);
      if (nudge && isMapFocus(event.target)) {
        event.preventDefault();
        if (!readOnly) request("nudge", nudge);
        return;
      }
      const direction = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey ? directionOf(event.key) : null;
      if (direction && isMapFocus(event.target)) {
        event.preventDefault();
        request("navigate", { direction });
        return;
      }
      const action = shortcutFor(event);
      if (!action) return;
      // Enter and Tab belong to a focused button or panel; they add elements only when the map has the keyboard.
      if ((action === "add-sibling" || action === "add-child" || action === "add-above") && (!isMapFocus(event.target) || readOnly)) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [presenting, stepMap, readOnly, request, run]);

  const focusProblem = useCallback(
    (problem: Problem) => {
      if (problem.map_id && problem.map_id !== activeMap) setActiveMap(problem.map_id);
      setFocus({ ids: problem.element_ids, nonce: Date.now(), mapId: problem.map_id ?? activeMap ?? undefined });
    },
    [activeMap, setActiveMap],
  );

  useEffect(() => {
    const title = doc ? `${doc.file_name} — Tiermap` : "Tiermap";
    void getCurrentWindow().setTitle(title).catch(() => undefined);
  }, [doc]);

  const onMove = useCallback((moves: ItemMove[]) => (activeMap ? mapGesture(() => core.moveItems(activeMap, moves)) : Promise.resolve(null)), [activeMap, mapGesture]);
  const openDialog = useCallback(() => void core.openDialog(), []);

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
      await change(() => core.assignOwner({ person_id: ownerDrop.personId, target_id: ownerDrop.targetId, role, accountable }));
    },
    [ownerDrop, change],
  );

  const connect = useCallback(
    async (kind: string) => {
      if (!connecting) return;
      setConnecting(null);
      await change(() => core.addRelation(kind, connecting.source, connecting.target));
    },
    [connecting, change],
  );
  const ends = connecting ? [view?.nodes.find((n) => n.id === connecting.source), view?.nodes.find((n) => n.id === connecting.target)] : [];

  const inspectorActions: InspectorActions = useMemo(
    () => ({
      update: (patch) => void change(() => core.updateElements(patch)),
      putKpi: (row) => void change(() => core.putKpi(row)),
      deleteKpi: (id) => void change(() => core.deleteKpi(id)),
      changeOwner: (id, role, accountable) => void change(() => core.changeOwner(id, role, accountable)),
      removeOwner: (id) => void change(() => core.removeOwner(id)),
      renameGroup: (id, name) => void change(() => core.renameGroup(id, name)),
      setCollapsed: (id, collapsed) => void change(() => core.setGroupCollapsed(id, collapsed)),
      dissolveGroup: (id) => void change(() => core.dissolveGroup(id)),
      setRelationKind: (id, kind) => void change(() => core.setRelationKind(id, kind)),
      deleteRelation: (id) => void change(() => core.deleteRelation(id)),
      goToMap: (id) => setActiveMap(id),
    }),
    [change, setActiveMap],
  );

  const commands = useMemo(() => commandList(run), [run]);
  const closeExport = useCallback(() => setExporting(false), []);
  const mapNames = useMemo(() => new Map((doc?.maps ?? []).map((m) => [m.id, m.name])), [doc]);

  if (screen.kind === "loading") return <div className="loading">Opening…</div>;
  const newDocumentDialog = creatingDocument ? (
    <NewMapDialog
      purpose="document"
      onCreate={(name, model) => {
        setCreatingDocument(false);
        void core.newDocumentDialog(model, name).catch((error) => setNotice(asCoreError(error).message));
      }}
      onCancel={() => setCreatingDocument(false)}
    />
  ) : null;
  if (screen.kind === "welcome") {
    return (
      <>
        <Welcome
          onNew={() => run("new-document")}
          onOpen={openDialog}
          onImport={() => run("import")}
          recent={recent}
          onOpenRecent={(index) => void core.openRecent(index)}
          waitingImport={importing?.fileName}
        />
        {newDocumentDialog}
      </>
    );
  }
  if (screen.kind === "problem") return <OpenProblem code={screen.error.code} message={screen.error.message} onOpen={openDialog} />;

  const document = screen.doc;
  return (
    <div
      className={presenting ? "app presenting" : "app"}
      data-testid="app"
      data-presenting={presenting}
      data-text-size={prefs.textSize}
      style={{ "--text-scale": TEXT_SCALE[prefs.textSize] } as React.CSSProperties}
    >
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
          <button onClick={() => void arrange()} disabled={document.read_only} title="Arrange by the map's grouping model: the selected elements, or the whole map (one undo step)" data-testid="arrange">
            Arrange
          </button>
          <button onClick={() => setPalette(true)} title="Search elements and commands (Ctrl+K)" data-testid="open-palette">
            Search…
          </button>
          <button onClick={() => setExporting(true)} title="Export maps as PowerPoint, PDF, PNG, SVG, draw.io or CSV (Ctrl+E)" data-testid="export">
            Export…
          </button>
          <button onClick={() => prefs.toggle("showOutline")} aria-pressed={prefs.showOutline} title="Show or hide the outline: the map's hierarchy as an editable list (Ctrl+Shift+O)" data-testid="toggle-outline">
            Outline
          </button>
          <button onClick={() => prefs.toggle("showProblems")} aria-pressed={prefs.showProblems} title="Show or hide the problems the core found" data-testid="toggle-problems">
            Problems {docProblems ? docProblems.errors + docProblems.warnings : ""}
          </button>
        </div>
      </header>
      <main className={prefs.showOutline && !presenting ? "workspace with-outline" : "workspace"}>
        <div className="side">
          <Palette disabled={document.read_only || !view} onDrop={(kind, clientX, clientY) => setDrop({ kind, clientX, clientY, nonce: Date.now() })} />
          <div className="side-tabs" role="tablist">
            <button role="tab" aria-selected={sideTab === "people"} onClick={() => setSideTab("people")} data-testid="tab-people">
              People
            </button>
            <button role="tab" aria-selected={sideTab === "elements"} onClick={() => setSideTab("elements")} data-testid="tab-elements">
              Elements
            </button>
          </div>
          {sideTab === "people" ? (
            <PeoplePanel
              people={people}
              disabled={readOnly || !view}
              onDrop={dropPerson}
              onAdd={(name) => void change(() => core.addPerson(name))}
              onRename={(personId, name) => void change(() => core.renameElement(personId, name))}
              onRemove={(person) => {
                void change(() => core.deleteElements([person.id])).then(
                  (removed) => removed && setDone(`Removed ${person.name}${person.ownerships > 0 ? ` and ${counted(person.ownerships, "ownership")}` : ""}. Ctrl+Z brings them back.`),
                );
              }}
            />
          ) : (
            <ModelBrowser
              elements={elements}
              activeMap={activeMap}
              disabled={document.read_only || !view}
              onDrop={(elementId, clientX, clientY) => setDrop({ kind: "element", elementId, clientX, clientY, nonce: Date.now() })}
              onShow={showElement}
            />
          )}
        </div>
        {prefs.showOutline && !presenting && view ? (
          <OutlinePanel
            view={view}
            selection={selection}
            readOnly={readOnly}
            edits={outlineEdits}
            onSelect={select}
            onLeave={() => (window.document.activeElement as HTMLElement | null)?.blur()}
            onClose={() => prefs.toggle("showOutline")}
            focusRequest={outlineFocus}
          />
        ) : null}
        <div className="canvas-area">
          {view ? (
            <ReactFlowProvider key={view.map.id}>
              <MapCanvas
                view={view}
                readOnly={readOnly}
                extras={extras}
                focus={focus}
                viewRequest={viewRequest}
                onConnect={(source, target) => setConnecting({ source, target })}
                drop={drop}
                onDrop={(dropped, groupId, x, y) => void onDrop(dropped, groupId, x, y)}
                onMove={onMove}
                onSelectionChange={setSelection}
                onSelectionAction={(action, chosen, centre, req) => void onSelectionAction(action, chosen, centre, req)}
                snap={prefs.snap}
                onToggleSnap={() => prefs.toggle("snap")}
              />
            </ReactFlowProvider>
          ) : (
            <div className="loading">Loading map…</div>
          )}
          {integrity ? <DamagedBanner integrity={integrity} onRescue={() => void core.rescueDialog().catch((error) => setNotice(asCoreError(error).message))} /> : null}
          {view ? (
            <Legend
              relationKinds={[...new Set(view.edges.map((e) => e.kind))]}
              colorBy={prefs.colorBy}
              colors={legendFor(view.nodes, prefs.colorBy)}
              onColorBy={prefs.setColorBy}
              presenting={presenting}
            />
          ) : null}
          {notice ? (
            <div className="notice" role="alert" data-testid="notice">
              {notice}
              <button onClick={() => setNotice(null)} aria-label="Dismiss">
                ×
              </button>
            </div>
          ) : done ? (
            <div className="notice done" role="status" data-testid="notice">
              {done}
              <button onClick={() => setDone(null)} aria-label="Dismiss">
                ×
              </button>
            </div>
          ) : null}
        </div>
        {prefs.showInspector || prefs.showProblems ? (
          <div className="right-column">
            {prefs.showInspector && view ? (
              <Inspector selection={selection} view={view} revision={revision} readOnly={readOnly} actions={inspectorActions} onClose={() => prefs.toggle("showInspector")} />
            ) : null}
            {prefs.showProblems ? <ProblemsPanel report={mapProblems} onFocus={focusProblem} onRules={openRules} onClose={() => prefs.toggle("showProblems")} /> : null}
          </div>
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
      {newDocumentDialog}
      {creatingMap ? <NewMapDialog onCreate={(name, model) => void createMap(name, model)} onCancel={() => setCreatingMap(false)} /> : null}
      {rules ? <RulesDialog initial={rules} onSave={(s) => void saveRules(s)} onCancel={() => setRules(null)} /> : null}
      {palette ? <CommandPalette commands={commands} elements={elements} mapNames={mapNames} onShow={showElement} onClose={() => setPalette(false)} /> : null}
      {shortcuts ? <ShortcutsDialog onClose={() => setShortcuts(false)} /> : null}
      {importing ? (
        <ImportDialog fileName={importing.fileName} pick={importing.pick} readOnly={document.read_only} onImport={runImport} onClose={() => setImporting(null)} />
      ) : null}
      {exporting ? <ExportDialog maps={document.maps} activeMap={activeMap} onDone={setDone} onClose={closeExport} /> : null}
    </div>
  );
}
