// Generated from crates/tiermap-app/src/wire.rs and error.rs by `make bindings`.
// Do not edit by hand: a Rust test fails when this file is stale.

export type ErrorCode = "not_found" | "empty_file" | "not_a_document" | "foreign_database" | "newer_schema" | "unknown_schema" | "migration_failed" | "corrupt" | "damaged" | "needs_recovery" | "already_exists" | "read_only" | "locked" | "io" | "database" | "invalid_edit" | "nothing_to_undo" | "nothing_to_redo" | "no_document" | "unknown_id" | "invalid_input";

export type AppError = { code: ErrorCode, message: string, };

export type StartupView = { document: DocumentView | null, error: AppError | null, };

export type DocumentView = { 
/**
 * Full path of the file.
 */
path: string, 
/**
 * File name without folders, for the title.
 */
file_name: string, read_only: boolean, 
/**
 * The maps in tab order.
 */
maps: Array<MapSummary>, element_count: number, can_undo: boolean, can_redo: boolean, };

export type MapSummary = { id: string, name: string, 
/**
 * Grouping model word: pyramid, service, technical, market, organizational, freeform.
 */
model: string, model_label: string, element_count: number, };

export type MapView = { map: MapSummary, groups: Array<GroupNode>, nodes: Array<ElementNode>, edges: Array<RelationEdge>, 
/**
 * The map's hierarchy as the outline panel shows it.
 */
outline: Array<OutlineItem>, };

export type OutlineItem = { id: string, item: ItemKind, name: string, 
/**
 * The element's or the group's kind word.
 */
kind: string, kind_label: string, 
/**
 * 0 at the top (the ARIA level is one more).
 */
depth: number, parent_id: string | null, children: number, };

export type GroupNode = { id: string, parent_id: string | null, kind: string, kind_label: string, name: string, x: number, y: number, width: number, height: number, 
/**
 * Shown as its title bar only, its contents hidden.
 */
collapsed: boolean, owners: Array<OwnerBadge>, };

export type ElementNode = { id: string, group_id: string | null, kind: string, kind_label: string, name: string, external: boolean, lifecycle: string | null, x: number, y: number, width: number, height: number, owners: Array<OwnerBadge>, 
/**
 * The element this one rolls up to, when that is on the map too: the
 * hierarchy the arrow keys walk (↑ parent, ↓ children, ←/→ siblings).
 */
hierarchy_parent: string | null, };

export type OwnerBadge = { 
/**
 * The ownership itself, to change or remove it.
 */
ownership_id: string, person_id: string, name: string, initials: string, role: string, role_label: string, tier: number, accountable: boolean, };

export type RelationEdge = { id: string, kind: string, kind_label: string, source: string, target: string, 
/**
 * The line as the core routed it around the boxes; none when an end
 * is hidden in a collapsed group (the canvas then draws no line).
 */
route: RouteView | null, };

export type RouteView = { points: Array<RoutePoint>, start_side: RouteSide, end_side: RouteSide, routed: boolean, };

export type RoutePoint = { x: number, y: number, };

export type RouteSide = "top" | "bottom" | "left" | "right";

export type ItemMove = { id: string, item: ItemKind, group_id: string | null, x: number, y: number, 
/**
 * A new size, when the item was resized rather than moved.
 */
width?: number, height?: number, };

export type ItemKind = "element" | "group";

export type ProblemReport = { problems: Array<Problem>, errors: number, warnings: number, infos: number, };

export type Problem = { 
/**
 * Stable rule id, e.g. "owner-missing".
 */
rule: string, rule_title: string, 
/**
 * "error", "warning" or "info".
 */
severity: string, message: string, 
/**
 * The elements involved, the one the finding is about first.
 */
element_ids: Array<string>, map_id: string | null, group_id: string | null, 
/**
 * Why product-ownership practice cares.
 */
explanation: string, fix: string, };

export type RuleSettings = { rules: Array<RuleConfig>, max_products_per_owner: number, max_teams_per_owner: number, };

export type RuleConfig = { rule: string, title: string, explanation: string, enabled: boolean, 
/**
 * The severity in force: the document's choice or the rule's own.
 */
severity: string, 
/**
 * The rule's own severity (the document may override it).
 */
default_severity: string, };

export type NewElement = { map_id: string, 
/**
 * Element kind word: product, service, person, ...
 */
kind: string, name: string, 
/**
 * The group it was dropped in (position relative to it), or none.
 */
group_id: string | null, x: number, y: number, };

export type NewGroup = { map_id: string, parent_id: string | null, 
/**
 * Group kind word: tier, family, platform_group, segment_lane, division, plain.
 */
kind: string, name: string, x: number, y: number, width: number, height: number, };

export type NewOwnership = { person_id: string, 
/**
 * An element id or a group id.
 */
target_id: string, 
/**
 * business_owner, product_manager, product_owner or service_owner.
 */
role: string, accountable: boolean, };

export type PersonSummary = { id: string, name: string, initials: string, 
/**
 * How many ownerships the person holds.
 */
ownerships: number, };

export type ElementDetails = { id: string, kind: string, kind_label: string, name: string, description: string, external: boolean, 
/**
 * Lifecycle word (idea, mvp, growth, mature, retiring, withdrawn) or none.
 */
lifecycle: string | null, tags: Array<string>, 
/**
 * Custom properties, by key.
 */
properties: Array<Property>, kpis: Array<KpiRow>, owners: Array<OwnerBadge>, 
/**
 * The maps the element is placed on, in tab order.
 */
maps: Array<MapSummary>, };

export type Property = { key: string, value: string, };

export type KpiRow = { id: string | null, element_id: string, name: string, value_source: string, objective: string, collection_method: string, target: string, current_value: string, };

export type ElementPatch = { element_ids: Array<string>, name?: string, kind?: string, description?: string, 
/**
 * A lifecycle word, or "" for none.
 */
lifecycle?: string, external?: boolean, 
/**
 * Replaces the tags.
 */
tags?: Array<string>, 
/**
 * Adds these tags to each element (editing several at once).
 */
add_tags?: Array<string>, 
/**
 * Replaces the custom properties.
 */
properties?: Array<Property>, };

export type ElementSummary = { id: string, kind: string, kind_label: string, name: string, 
/**
 * The maps it is placed on.
 */
map_ids: Array<string>, };

export type LinkedElement = { map_id: string, from_id: string | null, 
/**
 * "sibling" or "child"; ignored without `from_id`.
 */
link: string, name: string, };

export type ExportChoice = { 
/**
 * svg, png, pdf, pptx, drawio or csv.
 */
format: string, 
/**
 * The maps, in the order their pages or slides should come.
 */
map_ids: Array<string>, 
/**
 * PNG: 1, 2 or 3.
 */
scale: number, 
/**
 * SVG and PNG: no white page behind the map.
 */
transparent: boolean, 
/**
 * PowerPoint: a title slide first.
 */
title_slide: boolean, 
/**
 * PowerPoint: the ownership table (element, owner, role, tier) after the maps.
 */
ownership_slides: boolean, 
/**
 * PowerPoint and PDF: each map on one slide whatever its size, instead of
 * an overview and detail slides with readable names.
 */
one_slide_per_map: boolean, };

export type ExportProgress = { done: number, total: number, map: string, };

export type ExportOutcome = { path: string | null, error: AppError | null, 
/**
 * The file's size in bytes.
 */
bytes: number, };

export type ImportIssue = { 
/**
 * "error" (the row is left out or nothing is imported) or "warning".
 */
severity: string, 
/**
 * "row 12", "line 40", or empty for the whole source.
 */
place: string, column: string, value: string, message: string, };

export type ImportCount = { label: string, count: number, };

export type ImportSkipped = { what: string, count: number, examples: Array<string>, };

export type ImportPreview = { path: string, file_name: string, 
/**
 * CSV, XLSX or ArchiMate.
 */
format: string, 
/**
 * A workbook's sheets, and the one read.
 */
sheets: Array<string>, sheet: string | null, 
/**
 * How the source was read (encoding, separator).
 */
notes: Array<string>, 
/**
 * Rows (or ArchiMate elements) read, and how many have errors.
 */
rows: number, rows_in_error: number, 
/**
 * New elements by kind.
 */
created: Array<ImportCount>, updated: number, unchanged: number, 
/**
 * Links and KPIs added, changed or removed (only the non-zero ones).
 */
changes: Array<ImportCount>, 
/**
 * Maps the import makes.
 */
maps: Array<string>, error_count: number, warning_count: number, 
/**
 * The issues, errors first, at most 1,000 of them.
 */
issues: Array<ImportIssue>, skipped: Array<ImportSkipped>, 
/**
 * Findings of the map checks once imported (valid rows only when there are errors).
 */
problems_after: number, };

export type ImportChoice = { path: string, 
/**
 * The workbook's sheet; None for the first (or a CSV).
 */
sheet: string | null, 
/**
 * Import the rows without errors even though others have some.
 */
valid_rows_only: boolean, };

export type ImportOutcome = { document: DocumentView, first_map_id: string | null, 
/**
 * One line for the status bar: "Imported 120 elements onto 4 maps".
 */
message: string, };

export type IntegrityView = { state: IntegrityState, 
/**
 * When damaged: what was found, as a sentence to show.
 */
detail: string | null, 
/**
 * What opening did besides reading (a migration and where its backup
 * is, rows a damaged document could not give back), one line each.
 */
notes: Array<string>, };

export type IntegrityState = "unchecked" | "sound" | "damaged";

export type RescueOutcome = { document: DocumentView, 
/**
 * Records written into the new document.
 */
kept: number, 
/**
 * Rows that could not be read, or referred to records that were lost.
 */
lost: number, 
/**
 * One line for the status bar.
 */
message: string, };

export type CaptureRequest = { element_id: string, line: string, role: string | null, person_id: string | null, };

export type CapturePreview = { kind: string, kind_label: string, 
/**
 * Whether a `kind:` word at the start changes the kind.
 */
kind_changed: boolean, name: string, 
/**
 * Present once an `@` was typed.
 */
owner: CaptureOwner | null, 
/**
 * The people whose name fits what follows the `@`, best first (at most eight).
 */
people: Array<PersonSummary>, 
/**
 * Every role in the order the picker steps through them.
 */
roles: Array<RoleChoice>, 
/**
 * The words that pick a kind before a colon.
 */
kinds: Array<KindChoice>, };

export type CaptureOwner = { 
/**
 * None: a new person, created on Enter (without a box on the map).
 */
person_id: string | null, name: string, role: string, role_label: string, };

export type RoleChoice = { role: string, label: string, tier: number, };

export type KindChoice = { kind: string, label: string, 
/**
 * The short word typed before a colon: `app:`.
 */
shorthand: string, };

export type RecentDocument = { 
/**
 * The file name without `.tiermap`.
 */
name: string, 
/**
 * The folder it is in, for telling two of the same name apart.
 */
folder: string, };
