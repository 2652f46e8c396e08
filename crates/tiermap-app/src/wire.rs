//! Wire types: what the UI receives and sends. Domain types are converted to
//! these explicitly (views.rs), so the model can change without the UI
//! noticing. The TypeScript declarations are generated from these
//! (bindings.rs) and committed as ui/src/ipc/bindings.ts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The open document, as the window's title bar, tabs and status bar show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DocumentView {
    /// Full path of the file.
    pub path: String,
    /// File name without folders, for the title.
    pub file_name: String,
    pub read_only: bool,
    /// The maps in tab order.
    pub maps: Vec<MapSummary>,
    pub element_count: u32,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// One map, as a tab shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MapSummary {
    pub id: String,
    pub name: String,
    /// Grouping model word: pyramid, service, technical, market, organizational, freeform.
    pub model: String,
    pub model_label: String,
    pub element_count: u32,
}

/// Everything the canvas draws for one map. Groups come parents first;
/// positions are relative to the enclosing group, as on the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MapView {
    pub map: MapSummary,
    pub groups: Vec<GroupNode>,
    pub nodes: Vec<ElementNode>,
    pub edges: Vec<RelationEdge>,
    /// The map's hierarchy as the outline panel shows it.
    pub outline: Vec<OutlineItem>,
}

/// One line of the outline panel. The lines come in reading order, parents
/// before children; the core decides what is whose parent (tiermap_model::outline).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OutlineItem {
    pub id: String,
    pub item: ItemKind,
    pub name: String,
    /// The element's or the group's kind word.
    pub kind: String,
    pub kind_label: String,
    /// 0 at the top (the ARIA level is one more).
    pub depth: u32,
    pub parent_id: Option<String>,
    pub children: u32,
}

/// A container on the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GroupNode {
    pub id: String,
    pub parent_id: Option<String>,
    pub kind: String,
    pub kind_label: String,
    pub name: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Shown as its title bar only, its contents hidden.
    pub collapsed: bool,
    pub owners: Vec<OwnerBadge>,
}

/// An element's box on the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ElementNode {
    pub id: String,
    pub group_id: Option<String>,
    pub kind: String,
    pub kind_label: String,
    pub name: String,
    pub external: bool,
    pub lifecycle: Option<String>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub owners: Vec<OwnerBadge>,
    /// The element this one rolls up to, when that is on the map too: the
    /// hierarchy the arrow keys walk (↑ parent, ↓ children, ←/→ siblings).
    pub hierarchy_parent: Option<String>,
}

/// A person's role on an element or group, shown as a badge.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OwnerBadge {
    /// The ownership itself, to change or remove it.
    pub ownership_id: String,
    pub person_id: String,
    pub name: String,
    pub initials: String,
    pub role: String,
    pub role_label: String,
    pub tier: u8,
    pub accountable: bool,
}

/// A relation between two elements that are both on the map.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RelationEdge {
    pub id: String,
    pub kind: String,
    pub kind_label: String,
    pub source: String,
    pub target: String,
    /// The line as the core routed it around the boxes; none when an end
    /// is hidden in a collapsed group (the canvas then draws no line).
    pub route: Option<RouteView>,
}

/// A relation's line in the map's absolute coordinates (positions added up
/// through the groups): `points[0]` on the source's `start_side`, the last
/// point on the target's `end_side`, consecutive points sharing an x or a y.
/// `routed` is false when the boxes left no way round (they overlap or are
/// walled in): the points then join their facing sides directly, as exports
/// draw such a line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RouteView {
    pub points: Vec<RoutePoint>,
    pub start_side: RouteSide,
    pub end_side: RouteSide,
    pub routed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct RoutePoint {
    pub x: f64,
    pub y: f64,
}

/// The side of a box a line leaves or enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RouteSide {
    Top,
    Bottom,
    Left,
    Right,
}

/// Where an element or group ends up after a drag: its container (none for
/// the map itself) and its position relative to that container.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ItemMove {
    pub id: String,
    pub item: ItemKind,
    pub group_id: Option<String>,
    pub x: f64,
    pub y: f64,
    /// A new size, when the item was resized rather than moved.
    #[serde(default)]
    #[ts(optional)]
    pub width: Option<f64>,
    #[serde(default)]
    #[ts(optional)]
    pub height: Option<f64>,
}

/// Which kind of canvas item a move is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Element,
    Group,
}

/// What the window shows when it first loads: the document given on the
/// command line, or why it could not be opened, or neither (nothing given).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StartupView {
    pub document: Option<DocumentView>,
    pub error: Option<crate::error::AppError>,
}

/// One validation finding, as the problems panel and `tiermap validate --format json` show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Problem {
    /// Stable rule id, e.g. "owner-missing".
    pub rule: String,
    pub rule_title: String,
    /// "error", "warning" or "info".
    pub severity: String,
    pub message: String,
    /// The elements involved, the one the finding is about first.
    pub element_ids: Vec<String>,
    pub map_id: Option<String>,
    pub group_id: Option<String>,
    /// Why product-ownership practice cares.
    pub explanation: String,
    pub fix: String,
}

/// Validation of a document or of one map.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProblemReport {
    pub problems: Vec<Problem>,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

/// A rule as the rules dialog shows and edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleConfig {
    pub rule: String,
    pub title: String,
    pub explanation: String,
    pub enabled: bool,
    /// The severity in force: the document's choice or the rule's own.
    pub severity: String,
    /// The rule's own severity (the document may override it).
    pub default_severity: String,
}

/// The document's validation settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleSettings {
    pub rules: Vec<RuleConfig>,
    pub max_products_per_owner: u32,
    pub max_teams_per_owner: u32,
}

/// A new element placed on a map (dropped from the palette).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewElement {
    pub map_id: String,
    /// Element kind word: product, service, person, ...
    pub kind: String,
    pub name: String,
    /// The group it was dropped in (position relative to it), or none.
    pub group_id: Option<String>,
    pub x: f64,
    pub y: f64,
}

/// A new group on a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewGroup {
    pub map_id: String,
    pub parent_id: Option<String>,
    /// Group kind word: tier, family, platform_group, segment_lane, division, plain.
    pub kind: String,
    pub name: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Who owns what, as dropping a person on an element or group says it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewOwnership {
    pub person_id: String,
    /// An element id or a group id.
    pub target_id: String,
    /// business_owner, product_manager, product_owner or service_owner.
    pub role: String,
    pub accountable: bool,
}

/// A person of the document, for the people panel.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub initials: String,
    /// How many ownerships the person holds.
    pub ownerships: u32,
}

/// Everything the inspector shows and edits about one element.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ElementDetails {
    pub id: String,
    pub kind: String,
    pub kind_label: String,
    pub name: String,
    pub description: String,
    pub external: bool,
    /// Lifecycle word (idea, mvp, growth, mature, retiring, withdrawn) or none.
    pub lifecycle: Option<String>,
    pub tags: Vec<String>,
    /// Custom properties, by key.
    pub properties: Vec<Property>,
    pub kpis: Vec<KpiRow>,
    pub owners: Vec<OwnerBadge>,
    /// The maps the element is placed on, in tab order.
    pub maps: Vec<MapSummary>,
}

/// A custom property of an element: a key and its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Property {
    pub key: String,
    pub value: String,
}

/// One KPI of an element, as a row of the inspector's table. `id` is none
/// for a new KPI; empty target and current value mean "not set".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiRow {
    pub id: Option<String>,
    pub element_id: String,
    pub name: String,
    pub value_source: String,
    pub objective: String,
    pub collection_method: String,
    pub target: String,
    pub current_value: String,
}

/// A change to one or several elements from the inspector; fields left out
/// stay as they are on each element. One undo step for all of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct ElementPatch {
    pub element_ids: Vec<String>,
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub description: Option<String>,
    /// A lifecycle word, or "" for none.
    #[serde(default)]
    #[ts(optional)]
    pub lifecycle: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub external: Option<bool>,
    /// Replaces the tags.
    #[serde(default)]
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    /// Adds these tags to each element (editing several at once).
    #[serde(default)]
    #[ts(optional)]
    pub add_tags: Option<Vec<String>>,
    /// Replaces the custom properties.
    #[serde(default)]
    #[ts(optional)]
    pub properties: Option<Vec<Property>>,
}

/// An element of the document, as the model browser lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ElementSummary {
    pub id: String,
    pub kind: String,
    pub kind_label: String,
    pub name: String,
    /// The maps it is placed on.
    pub map_ids: Vec<String>,
}

/// A new element typed in by keyboard: the first on the map (no `from_id`),
/// a sibling of the selected one (Enter) or its child (Tab).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkedElement {
    pub map_id: String,
    pub from_id: Option<String>,
    /// "sibling" or "child"; ignored without `from_id`.
    pub link: String,
    pub name: String,
}

/// What the export dialog asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportChoice {
    /// svg, png, pdf, pptx, drawio or csv.
    pub format: String,
    /// The maps, in the order their pages or slides should come.
    pub map_ids: Vec<String>,
    /// PNG: 1, 2 or 3.
    pub scale: u8,
    /// SVG and PNG: no white page behind the map.
    pub transparent: bool,
    /// PowerPoint: a title slide first.
    pub title_slide: bool,
    /// PowerPoint: the ownership table (element, owner, role, tier) after the maps.
    pub ownership_slides: bool,
    /// PowerPoint and PDF: each map on one slide whatever its size, instead of
    /// an overview and detail slides with readable names.
    #[serde(default)]
    pub one_slide_per_map: bool,
}

/// How far an export has come: sent after each map.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
    pub map: String,
}

/// How an export ended: written to `path`, or why not.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportOutcome {
    pub path: Option<String>,
    pub error: Option<crate::error::AppError>,
    /// The file's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A problem in an import's source, where the user finds it there.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportIssue {
    /// "error" (the row is left out or nothing is imported) or "warning".
    pub severity: String,
    /// "row 12", "line 40", or empty for the whole source.
    pub place: String,
    pub column: String,
    pub value: String,
    pub message: String,
}

/// A number of something, with what it is ("Products", "relations added").
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportCount {
    pub label: String,
    pub count: u32,
}

/// Things in the source with no counterpart in Tiermap.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportSkipped {
    pub what: String,
    pub count: u32,
    pub examples: Vec<String>,
}

/// What an import would do, shown before anything changes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportPreview {
    pub path: String,
    pub file_name: String,
    /// CSV, XLSX or ArchiMate.
    pub format: String,
    /// A workbook's sheets, and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// How the source was read (encoding, separator).
    pub notes: Vec<String>,
    /// Rows (or ArchiMate elements) read, and how many have errors.
    pub rows: u32,
    pub rows_in_error: u32,
    /// New elements by kind.
    pub created: Vec<ImportCount>,
    pub updated: u32,
    pub unchanged: u32,
    /// Links and KPIs added, changed or removed (only the non-zero ones).
    pub changes: Vec<ImportCount>,
    /// Maps the import makes.
    pub maps: Vec<String>,
    pub error_count: u32,
    pub warning_count: u32,
    /// The issues, errors first, at most 1,000 of them.
    pub issues: Vec<ImportIssue>,
    pub skipped: Vec<ImportSkipped>,
    /// Findings of the map checks once imported (valid rows only when there are errors).
    pub problems_after: u32,
}

/// What the import dialog asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportChoice {
    pub path: String,
    /// The workbook's sheet; None for the first (or a CSV).
    pub sheet: Option<String>,
    /// Import the rows without errors even though others have some.
    pub valid_rows_only: bool,
}

/// The document after an import, and the first map it made (to show it).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportOutcome {
    pub document: DocumentView,
    pub first_map_id: Option<String>,
    /// One line for the status bar: "Imported 120 elements onto 4 maps".
    pub message: String,
}

/// What is known about the open document's pages, for the damage banner.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IntegrityView {
    pub state: IntegrityState,
    /// When damaged: what was found, as a sentence to show.
    pub detail: Option<String>,
    /// What opening did besides reading (a migration and where its backup
    /// is, rows a damaged document could not give back), one line each.
    pub notes: Vec<String>,
}

/// `unchecked` until the check ran (writes run it first), then `sound` or
/// `damaged`. A damaged document is open read-only and can be rescued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IntegrityState {
    Unchecked,
    Sound,
    Damaged,
}

/// After a rescue: the new document (now the open one) and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RescueOutcome {
    pub document: DocumentView,
    /// Records written into the new document.
    pub kept: u32,
    /// Rows that could not be read, or referred to records that were lost.
    pub lost: u32,
    /// One line for the status bar.
    pub message: String,
}

/// A line typed as an element's name (`kind: name @owner`), with what the
/// person picker chose: the person from its list and the role, when changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaptureRequest {
    pub element_id: String,
    pub line: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub person_id: Option<String>,
}

/// What Enter will do with the line typed so far, for the hint under the
/// name and the person picker.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CapturePreview {
    pub kind: String,
    pub kind_label: String,
    /// Whether a `kind:` word at the start changes the kind.
    pub kind_changed: bool,
    pub name: String,
    /// Present once an `@` was typed.
    pub owner: Option<CaptureOwner>,
    /// The people whose name fits what follows the `@`, best first (at most eight).
    pub people: Vec<PersonSummary>,
    /// Every role in the order the picker steps through them.
    pub roles: Vec<RoleChoice>,
    /// The words that pick a kind before a colon.
    pub kinds: Vec<KindChoice>,
}

/// The owner a captured line names.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaptureOwner {
    /// None: a new person, created on Enter (without a box on the map).
    pub person_id: Option<String>,
    pub name: String,
    pub role: String,
    pub role_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RoleChoice {
    pub role: String,
    pub label: String,
    pub tier: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KindChoice {
    pub kind: String,
    pub label: String,
    /// The short word typed before a colon: `app:`.
    pub shorthand: String,
}

/// A document opened lately, as the welcome screen lists it. The window
/// opens one by its place in the list; it never sends a path back.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecentDocument {
    /// The file name without `.tiermap`.
    pub name: String,
    /// The folder it is in, for telling two of the same name apart.
    pub folder: String,
}

impl RecentDocument {
    pub fn of(path: &std::path::Path) -> Self {
        let name = path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let folder = path.parent().map(|f| f.display().to_string()).unwrap_or_default();
        RecentDocument { name, folder }
    }
}
