// The one module that talks to the Rust core. Everything else imports from
// here, so the IPC surface is visible in one place and easy to mock.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AppError,
  CapturePreview,
  CaptureRequest,
  DocumentView,
  ElementDetails,
  ElementPatch,
  ElementSummary,
  ErrorCode,
  ExportChoice,
  ExportOutcome,
  ExportProgress,
  ImportOutcome,
  ImportPreview,
  IntegrityView,
  KpiRow,
  LinkedElement,
  ItemMove,
  MapView,
  NewElement,
  NewGroup,
  NewOwnership,
  PersonSummary,
  ProblemReport,
  RecentDocument,
  RuleSettings,
  StartupView,
} from "./bindings";

/** An error from the core, with its stable code. */
export class CoreError extends Error {
  readonly code: ErrorCode | "ipc";
  constructor(code: ErrorCode | "ipc", message: string) {
    super(message);
    this.code = code;
  }
}

function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isAppError(error)) throw new CoreError(error.code, error.message);
    throw new CoreError("ipc", String(error));
  }
}

export const core = {
  startup: () => call<StartupView>("startup"),
  /** Reads every page of the open document (off the main thread); damaged pages make it read-only. */
  checkIntegrity: () => call<IntegrityView>("check_integrity"),
  /** Opens the save dialog, then writes everything readable into the new file and continues there. */
  rescueDialog: () => call<void>("rescue_dialog"),
  document: () => call<DocumentView>("document"),
  mapView: (mapId: string) => call<MapView>("map_view", { mapId }),
  moveItems: (mapId: string, moves: ItemMove[]) => call<MapView>("move_items", { mapId, moves }),
  undo: () => call<DocumentView>("undo"),
  redo: () => call<DocumentView>("redo"),
  openDialog: () => call<void>("open_dialog"),
  /** File > New Document once the window knows what it is for: the save dialog names the file. */
  newDocumentDialog: (model: string, mapName: string) => call<void>("new_document_dialog", { model, mapName }),
  recentDocuments: () => call<RecentDocument[]>("recent_documents"),
  openRecent: (index: number) => call<void>("open_recent", { index }),
  problems: (mapId: string | null) => call<ProblemReport>("problems", { mapId }),
  ruleSettings: () => call<RuleSettings>("rule_settings"),
  setRuleSettings: (settings: RuleSettings) => call<RuleSettings>("set_rule_settings", { settings }),
  // Canvas gestures: each is one undo step in the core.
  addElement: (element: NewElement) => call<[string, MapView]>("add_element", { element }),
  placeElement: (mapId: string, elementId: string, groupId: string | null, x: number, y: number) =>
    call<MapView>("place_element", { mapId, elementId, groupId, x, y }),
  renameElement: (elementId: string, name: string) => call<DocumentView>("rename_element", { elementId, name }),
  removeFromMap: (mapId: string, elementIds: string[]) => call<MapView>("remove_from_map", { mapId, elementIds }),
  deleteElements: (elementIds: string[]) => call<DocumentView>("delete_elements", { elementIds }),
  addRelation: (kind: string, sourceId: string, targetId: string) => call<string>("add_relation", { kind, sourceId, targetId }),
  deleteRelation: (relationId: string) => call<void>("delete_relation", { relationId }),
  assignOwner: (ownership: NewOwnership) => call<string>("assign_owner", { ownership }),
  removeOwner: (ownershipId: string) => call<void>("remove_owner", { ownershipId }),
  addGroup: (group: NewGroup) => call<[string, MapView]>("add_group", { group }),
  renameGroup: (groupId: string, name: string) => call<void>("rename_group", { groupId, name }),
  dissolveGroup: (groupId: string) => call<void>("dissolve_group", { groupId }),
  newMap: (name: string, model: string) => call<[string, DocumentView]>("new_map", { name, model }),
  /** Arranges the whole map, or only these elements when some are given. */
  arrange: (mapId: string, elementIds: string[] = []) => call<MapView>("arrange", { mapId, elementIds }),
  people: () => call<PersonSummary[]>("people"),
  // Keyboard authoring and copies.
  addLinked: (element: LinkedElement) => call<[string, MapView]>("add_linked", { element }),
  duplicateElements: (mapId: string, elementIds: string[], dx: number, dy: number) =>
    call<[string[], MapView]>("duplicate_elements", { mapId, elementIds, dx, dy }),
  // The outline panel: the core plans each edit (kinds, places on the map), one undo step each.
  /** A new element after an outline item (its sibling, or a group's last member); the map's first when none. */
  outlineAdd: (mapId: string, afterId: string | null, name: string) => call<[string, MapView]>("outline_add", { mapId, afterId, name }),
  /** The item goes under the item above it, one kind down. */
  outlineIndent: (mapId: string, itemId: string) => call<MapView>("outline_indent", { mapId, itemId }),
  /** The item goes beside its parent, after it. */
  outlineOutdent: (mapId: string, itemId: string) => call<MapView>("outline_outdent", { mapId, itemId }),
  /** The item trades places with its sibling above or below, on the map too. */
  outlineMove: (mapId: string, itemId: string, direction: "up" | "down") => call<MapView>("outline_move", { mapId, itemId, direction }),
  /** An indented list as elements after the item (or at the map's top); the new ids in the text's order. */
  outlinePaste: (mapId: string, atId: string | null, text: string) => call<[string[], MapView]>("outline_paste", { mapId, atId, text }),
  /** What Enter will do with a typed line (`kind: name @owner`); changes nothing. */
  previewCapture: (request: CaptureRequest) => call<CapturePreview>("preview_capture", { request }),
  /** Names an element from a typed line: name, kind, owner (a new person if need be); one undo step. */
  captureName: (request: CaptureRequest) => call<DocumentView>("capture_name", { request }),
  addPerson: (name: string) => call<[string, PersonSummary[]]>("add_person", { name }),
  // The inspector and the model browser.
  elementDetails: (elementId: string) => call<ElementDetails>("element_details", { elementId }),
  updateElements: (patch: ElementPatch) => call<DocumentView>("update_elements", { patch }),
  putKpi: (row: KpiRow) => call<string>("put_kpi", { row }),
  deleteKpi: (kpiId: string) => call<void>("delete_kpi", { kpiId }),
  changeOwner: (ownershipId: string, role: string, accountable: boolean) => call<void>("change_owner", { ownershipId, role, accountable }),
  setRelationKind: (relationId: string, kind: string) => call<void>("set_relation_kind", { relationId, kind }),
  setGroupCollapsed: (groupId: string, collapsed: boolean) => call<void>("set_group_collapsed", { groupId, collapsed }),
  elements: () => call<ElementSummary[]>("elements"),
  /** Presentation mode: full screen without the menu bar, or back. */
  present: (on: boolean) => call<void>("present", { on }),
  /** A map exactly as the export draws it: a PNG data URL. */
  exportPreview: (mapId: string) => call<string>("export_preview", { mapId }),
  /** Opens the save dialog, then exports; progress and the end come as events. */
  exportDialog: (choice: ExportChoice) => call<void>("export_dialog", { choice }),
  placeElements: (mapId: string, places: ItemMove[]) => call<MapView>("place_elements", { mapId, places }),
  /** Opens the native dialog to choose a file to import; the choice comes as `import-picked`. */
  importDialog: () => call<void>("import_dialog"),
  /** What importing the chosen (or dropped) file would do: changes nothing. */
  importPreview: (sheet: string | null) => call<ImportPreview>("import_preview", { sheet }),
  /** Imports the chosen file as one undo step. */
  importApply: (sheet: string | null, validRowsOnly: boolean) => call<ImportOutcome>("import_apply", { sheet, validRowsOnly }),
};

/** The open document was replaced by File > Open, the command line or a second launch. */
export function onDocumentChanged(handler: () => void): Promise<UnlistenFn> {
  return listen("document-changed", () => handler());
}

/** A native menu item that the UI carries out ("undo", "redo"). */
export function onMenu(handler: (id: string) => void): Promise<UnlistenFn> {
  return listen<string>("menu", (event) => handler(event.payload));
}

/** After each map of an export. */
export function onExportProgress(handler: (progress: ExportProgress) => void): Promise<UnlistenFn> {
  return listen<ExportProgress>("export-progress", (event) => handler(event.payload));
}

/** The end of an export: where it was written or why not; null when the save dialog was cancelled. */
export function onExportFinished(handler: (outcome: ExportOutcome | null) => void): Promise<UnlistenFn> {
  return listen<ExportOutcome | null>("export-finished", (event) => handler(event.payload));
}

/** A file was chosen in File > Import or dropped on the window; the payload is its name. */
export function onImportPicked(handler: (fileName: string) => void): Promise<UnlistenFn> {
  return listen<string>("import-picked", (event) => handler(event.payload));
}
