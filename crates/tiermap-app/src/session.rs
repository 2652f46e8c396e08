//! The use cases of an open document, shared by the desktop app and the CLI.
//! A session holds at most one open document; each method is one user action.

use std::path::Path;
use std::str::FromStr;

use tiermap_model::{Edit, ElementId, GroupId, GroupingModel, Map, MapId, Rect};
use tiermap_store::{DocumentFile, StoreError};

use crate::error::{AppError, ErrorCode};
use crate::views;
use crate::problems;
use crate::wire::{DocumentView, ItemKind, ItemMove, MapView, ProblemReport, RuleSettings, StartupView};

/// The document open in one window (or one CLI run).
#[derive(Debug, Default)]
pub struct Session {
    file: Option<DocumentFile>,
    /// Why the last open failed, until the window has shown it.
    open_error: Option<AppError>,
}

fn parse_id<T: FromStr>(text: &str, what: &str) -> Result<T, AppError> {
    T::from_str(text).map_err(|_| AppError::new(ErrorCode::UnknownId, format!("'{text}' is not a valid {what} id")))
}

/// Where a move or resize leaves an item's rectangle. Sizes below a box's
/// smallest useful size are refused by the canvas; here they are kept sane.
fn resized(rect: Rect, item: &ItemMove) -> Rect {
    let width = item.width.filter(|w| w.is_finite()).map_or(rect.width, |w| w.max(40.0));
    let height = item.height.filter(|h| h.is_finite()).map_or(rect.height, |h| h.max(32.0));
    Rect { x: item.x, y: item.y, width, height }
}

impl Session {
    pub fn new() -> Self {
        Session::default()
    }

    /// Opens a document, replacing the open one only if opening succeeds.
    /// Opening the document that is already open just shows it.
    pub fn open(&mut self, path: impl AsRef<Path>) -> Result<DocumentView, AppError> {
        let same = |a: &Path, b: &Path| a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a));
        if self.file.as_ref().is_some_and(|open| same(open.path(), path.as_ref())) {
            return self.document();
        }
        let file = match DocumentFile::open(path.as_ref()) {
            Ok(file) => file,
            // Damaged: open read-only with what can be read; the window
            // shows the banner from `integrity()` and offers `rescue`.
            Err(StoreError::Corrupt { .. } | StoreError::Damaged { .. }) => DocumentFile::open_damaged(path.as_ref())?,
            Err(error) => return Err(error.into()),
        };
        self.file = Some(file);
        self.document()
    }

    /// Makes a new document at `path` (a `.tiermap` extension is added when
    /// missing) with one empty freeform map, and continues in it. An
    /// existing file is never replaced.
    pub fn create_new(&mut self, path: impl AsRef<Path>) -> Result<DocumentView, AppError> {
        self.create_for(path, GroupingModel::Freeform, "Map 1")
    }

    /// A new document made for a purpose: its first map has the grouping
    /// model asked for, with that model's starting structure (a pyramid's
    /// tiers), so typing can start at once. Nothing to undo yet.
    pub fn create_for(&mut self, path: impl AsRef<Path>, model: GroupingModel, map_name: &str) -> Result<DocumentView, AppError> {
        let mut path = path.as_ref().to_owned();
        if path.extension().is_none() {
            path.set_extension("tiermap");
        }
        let map_name = map_name.trim();
        let map = Map { id: MapId::new(), name: if map_name.is_empty() { "Map 1".into() } else { map_name.to_owned() }, model, position: 0 };
        let structure = crate::gestures::starter_structure(&tiermap_model::Document::default(), model);
        let mut edits = vec![Edit::PutMap(map.clone())];
        edits.extend(tiermap_model::layout::arrange(map.id, tiermap_model::layout::Arrangement::for_model(model), &structure, &[]));
        self.file = Some(DocumentFile::create_with(&path, &edits)?);
        self.document()
    }

    /// New document for a window: a failure is kept for [`Session::startup`].
    pub fn create_for_window(&mut self, path: impl AsRef<Path>, model: &str, map_name: &str) {
        self.open_error = match GroupingModel::from_str(model) {
            Ok(model) => self.create_for(path, model, map_name).err(),
            Err(_) => Some(AppError::new(ErrorCode::InvalidInput, format!("'{model}' is not a grouping model"))),
        };
    }

    /// Closes the open document; everything was already saved as it happened.
    pub fn close(&mut self) {
        self.file = None;
    }

    /// Opens a document for a window that is not showing yet: a failure is
    /// kept for [`Session::startup`] instead of being lost.
    pub fn open_for_window(&mut self, path: impl AsRef<Path>) {
        self.open_error = self.open(path).err();
    }

    /// What a window shows when it loads (and forgets the error once shown).
    pub fn startup(&mut self) -> StartupView {
        StartupView { document: self.document().ok(), error: self.open_error.take() }
    }

    pub fn is_open(&self) -> bool {
        self.file.is_some()
    }

    /// Continues in another file (after a rescue).
    pub(crate) fn replace_file(&mut self, file: DocumentFile) {
        self.file = Some(file);
    }

    pub(crate) fn file(&self) -> Result<&DocumentFile, AppError> {
        self.file.as_ref().ok_or_else(|| AppError::new(ErrorCode::NoDocument, "no document is open"))
    }

    pub(crate) fn file_mut(&mut self) -> Result<&mut DocumentFile, AppError> {
        self.file.as_mut().ok_or_else(|| AppError::new(ErrorCode::NoDocument, "no document is open"))
    }

    /// The open document's model, for the use cases.
    pub(crate) fn doc(&self) -> Result<&tiermap_model::Document, AppError> {
        Ok(self.file()?.doc())
    }

    /// Applies one gesture as one undo step.
    pub(crate) fn apply(&mut self, label: &str, edits: &[Edit]) -> Result<(), AppError> {
        self.file_mut()?.apply(label, edits)?;
        Ok(())
    }

    /// The open document's summary: name, maps, undo state.
    pub fn document(&self) -> Result<DocumentView, AppError> {
        let file = self.file()?;
        let doc = file.doc();
        let (can_undo, can_redo) = file.undo_state()?;
        Ok(DocumentView {
            path: file.path().display().to_string(),
            file_name: file.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            // A document found damaged takes no more writes: the window shows it read-only.
            read_only: file.is_read_only() || matches!(file.integrity(), tiermap_store::Integrity::Damaged(_)),
            maps: doc.maps().into_iter().map(|m| views::map_summary(doc, m)).collect(),
            element_count: doc.elements().count() as u32,
            can_undo,
            can_redo,
        })
    }

    /// What the canvas draws for one map.
    pub fn map_view(&self, map_id: &str) -> Result<MapView, AppError> {
        let id: MapId = parse_id(map_id, "map")?;
        let file = self.file()?;
        views::map_view(file.doc(), id).ok_or_else(|| AppError::new(ErrorCode::UnknownId, format!("no map with id {map_id}")))
    }

    /// Stores where dragged items ended up (position and container), as one
    /// undo step, and returns the map as it now is.
    pub fn move_items(&mut self, map_id: &str, moves: &[ItemMove]) -> Result<MapView, AppError> {
        let map: MapId = parse_id(map_id, "map")?;
        let doc = self.file()?.doc();
        let mut edits = Vec::with_capacity(moves.len());
        for item in moves {
            let group = item.group_id.as_deref().map(|g| parse_id::<GroupId>(g, "group")).transpose()?;
            match item.item {
                ItemKind::Element => {
                    let element: ElementId = parse_id(&item.id, "element")?;
                    let placement = doc.placement(map, element).ok_or_else(|| {
                        AppError::new(ErrorCode::UnknownId, format!("element {} is not on this map", item.id))
                    })?;
                    let mut moved = placement.clone();
                    moved.group = group;
                    moved.rect = resized(placement.rect, item);
                    edits.push(Edit::PutPlacement(moved));
                }
                ItemKind::Group => {
                    let id: GroupId = parse_id(&item.id, "group")?;
                    let existing = doc
                        .group(id)
                        .filter(|g| g.map == map)
                        .ok_or_else(|| AppError::new(ErrorCode::UnknownId, format!("group {} is not on this map", item.id)))?;
                    let mut moved = existing.clone();
                    moved.parent = group;
                    moved.rect = resized(existing.rect, item);
                    edits.push(Edit::PutGroup(moved));
                }
            }
        }
        let label = if moves.len() == 1 { "Move".to_string() } else { format!("Move {} items", moves.len()) };
        self.file_mut()?.apply(&label, &edits)?;
        self.map_view(map_id)
    }

    /// Copies the open document to `dest` (a `.tiermap` extension is added
    /// when missing) and continues in the copy, as Save As does. The copy has
    /// the whole undo history. On failure the open document stays open.
    pub fn save_as(&mut self, dest: impl AsRef<Path>) -> Result<DocumentView, AppError> {
        let mut dest = dest.as_ref().to_owned();
        if dest.extension().is_none() {
            dest.set_extension("tiermap");
        }
        let file = self.file()?;
        if dest == file.path() {
            return self.document();
        }
        // A file already there was chosen in the dialog, which asked before
        // replacing it: only a Tiermap document no one writes is replaced.
        // A name that is free now is never taken from someone who gets it
        // first: that is an "already exists" error.
        if std::fs::symlink_metadata(&dest).is_ok() {
            file.replace_with_copy(&dest)?;
        } else {
            file.save_as(&dest)?;
        }
        let original = file.path().to_owned();
        // Release the original before opening the copy; if the copy cannot
        // be opened, go back to the original rather than to nothing.
        self.file = None;
        match DocumentFile::open(&dest) {
            Ok(copy) => self.file = Some(copy),
            Err(error) => {
                self.file = DocumentFile::open(&original).ok();
                return Err(error.into());
            }
        }
        self.document()
    }

    /// Save As for a window: a failure is kept for [`Session::startup`].
    pub fn save_as_for_window(&mut self, dest: impl AsRef<Path>) {
        self.open_error = self.save_as(dest).err();
    }

    /// A rescue asked for in the window: as [`Session::rescue`]; a failure
    /// is kept for the window, which shows it with the damaged document still open.
    pub fn rescue_for_window(&mut self, dest: impl AsRef<Path>) {
        self.open_error = self.rescue(dest).err();
    }

    /// Validation of the whole document, or of one map (`map_id`).
    pub fn problems(&self, map_id: Option<&str>) -> Result<ProblemReport, AppError> {
        let map = map_id.map(|m| parse_id::<MapId>(m, "map")).transpose()?;
        let file = self.file()?;
        Ok(problems::problem_report(&problems::validate(file.doc(), map)))
    }

    /// The document's rule settings, for the rules dialog.
    pub fn rule_settings(&self) -> Result<RuleSettings, AppError> {
        Ok(problems::rule_settings(self.file()?.doc().validation_settings()))
    }

    /// Stores new rule settings in the document as one undo step.
    pub fn set_rule_settings(&mut self, settings: &RuleSettings) -> Result<RuleSettings, AppError> {
        let settings = problems::settings_from(settings)?;
        self.file_mut()?.apply("Change validation rules", &[Edit::PutValidationSettings(settings)])?;
        self.rule_settings()
    }

    /// Takes back the last gesture; returns the document as it now is.
    pub fn undo(&mut self) -> Result<DocumentView, AppError> {
        self.file_mut()?.undo()?;
        self.document()
    }

    /// Brings back the gesture undone last.
    pub fn redo(&mut self) -> Result<DocumentView, AppError> {
        self.file_mut()?.redo()?;
        self.document()
    }
}
