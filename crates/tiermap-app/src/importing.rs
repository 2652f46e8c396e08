//! Importing spreadsheets and ArchiMate files, in the app and on the command
//! line: a preview of what would change, computed on a snapshot of the
//! document without changing it, then the import itself as one undo step.
//! Rows with errors stop the import unless the user chooses to bring in the
//! valid rows; nothing changes when anything fails.

use std::path::Path;

use tiermap_import::{ImportPlan, Incoming, Severity, Source, SourceFormat};
use tiermap_model::Document;
use tiermap_model::validate::validate;
use tiermap_store::DocumentFile;

use crate::error::{AppError, ErrorCode};
use crate::session::Session;
use crate::wire::{ImportChoice, ImportCount, ImportIssue, ImportOutcome, ImportPreview, ImportSkipped};

/// Most issues a preview carries; the counts say how many there are in all.
const PREVIEW_ISSUES: usize = 1_000;

/// A source read and planned against a document.
#[derive(Debug)]
pub struct PlannedImport {
    pub source: Source,
    pub plan: ImportPlan,
}

impl PlannedImport {
    /// Reads `path` and plans it against `doc`.
    pub fn new(doc: &Document, path: &Path, sheet: Option<&str>) -> Result<Self, AppError> {
        let source = tiermap_import::read_source(path, sheet, doc)?;
        let plan = tiermap_import::plan(doc, &source.incoming);
        Ok(PlannedImport { source, plan })
    }

    /// Refuses when the source has errors and the user did not choose to import the valid rows.
    fn check(&self, path: &Path, valid_rows_only: bool) -> Result<(), AppError> {
        let incoming = &self.source.incoming;
        let errors = incoming.issues.iter().filter(|i| i.severity == Severity::Error).count();
        if errors > 0 && !valid_rows_only {
            let first = incoming.issues.iter().find(|i| i.severity == Severity::Error).map(|i| i.to_string()).unwrap_or_default();
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("{}: {errors} errors, nothing imported. The first: {first}", path.display()),
            ));
        }
        if self.plan.edits.is_empty() && self.plan.summary.unchanged == 0 {
            return Err(AppError::new(ErrorCode::InvalidInput, format!("{}: nothing to import", path.display())));
        }
        Ok(())
    }

    /// The preview of this import into `doc`.
    pub fn preview(&self, doc: &Document, path: &Path) -> ImportPreview {
        let incoming = &self.source.incoming;
        let summary = &self.plan.summary;
        let mut after = doc.clone();
        let problems_after = match after.apply_all(&self.plan.edits) {
            Ok(_) => validate(&after).diagnostics.len() as u32,
            Err(_) => 0,
        };
        let count = |label: &str, count: usize| ImportCount { label: label.to_owned(), count: count as u32 };
        let changes = [
            ("relations added", summary.relations_added),
            ("relations removed", summary.relations_removed),
            ("owners added", summary.ownerships_added),
            ("owners removed", summary.ownerships_removed),
            ("KPIs added", summary.kpis_added),
            ("KPI targets changed", summary.kpis_changed),
            ("KPIs removed", summary.kpis_removed),
            ("links to rows with errors left out", summary.links_left_out),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| count(label, n))
        .collect();
        let mut issues: Vec<&tiermap_import::Issue> = incoming.issues.iter().collect();
        issues.sort_by_key(|i| (i.severity, i.origin));
        let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
        ImportPreview {
            path: path.display().to_string(),
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            format: self.source.format.label().to_owned(),
            sheets: self.source.sheets.clone(),
            sheet: self.source.sheet.clone(),
            notes: incoming.notes.clone(),
            rows: rows(incoming) as u32,
            rows_in_error: incoming.rows_in_error().len() as u32,
            created: summary.created.iter().map(|(kind, n)| count(if *n == 1 { kind.label() } else { kind.plural_label() }, *n)).collect(),
            updated: summary.updated as u32,
            unchanged: summary.unchanged as u32,
            changes,
            maps: summary.maps.clone(),
            error_count: errors as u32,
            warning_count: (issues.len() - errors) as u32,
            issues: issues.into_iter().take(PREVIEW_ISSUES).map(issue).collect(),
            skipped: incoming
                .skipped
                .iter()
                .map(|s| ImportSkipped { what: s.what.clone(), count: s.count as u32, examples: s.examples.clone() })
                .collect(),
            problems_after,
        }
    }

    /// One line saying what the import did.
    pub fn message(&self) -> String {
        let summary = &self.plan.summary;
        let mut parts = vec![match summary.created_total() {
            1 => "1 new element".to_owned(),
            n => format!("{n} new elements"),
        }];
        if summary.updated > 0 {
            parts.push(format!("{} updated", summary.updated));
        }
        if !summary.maps.is_empty() {
            parts.push(match summary.maps.len() {
                1 => "1 new map".to_owned(),
                n => format!("{n} new maps"),
            });
        }
        let in_error = self.source.incoming.rows_in_error().len();
        if in_error > 0 {
            parts.push(format!("{} with errors left out", rows_word(in_error)));
        }
        format!("Imported {}", parts.join(", "))
    }
}

fn rows_word(n: usize) -> String {
    if n == 1 { "1 row".to_owned() } else { format!("{n} rows") }
}

/// Rows or records the source has (elements it names only in passing aside).
fn rows(incoming: &Incoming) -> usize {
    incoming.elements.iter().filter(|e| !e.implied).count()
}

fn issue(issue: &tiermap_import::Issue) -> ImportIssue {
    ImportIssue {
        severity: if issue.severity == Severity::Error { "error" } else { "warning" }.to_owned(),
        place: issue.origin.map(|o| o.to_string()).unwrap_or_default(),
        column: issue.column.clone().unwrap_or_default(),
        value: issue.value.clone().unwrap_or_default(),
        message: issue.message.clone(),
    }
}

impl Session {
    /// What importing `path` would do; changes nothing.
    pub fn import_preview(&self, path: &str, sheet: Option<&str>) -> Result<ImportPreview, AppError> {
        let doc = self.doc()?;
        let path = Path::new(path);
        Ok(PlannedImport::new(doc, path, sheet)?.preview(doc, path))
    }

    /// Imports as one undo step (read and planned again, against the document as it is now).
    pub fn import_apply(&mut self, choice: &ImportChoice) -> Result<ImportOutcome, AppError> {
        let path = Path::new(&choice.path);
        let planned = PlannedImport::new(self.doc()?, path, choice.sheet.as_deref())?;
        planned.check(path, choice.valid_rows_only)?;
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        self.apply(&format!("Import {file_name}"), &planned.plan.edits)?;
        let doc = self.doc()?;
        let first_map_id = planned
            .plan
            .edits
            .iter()
            .find_map(|e| if let tiermap_model::Edit::PutMap(m) = e { Some(m.id.to_string()) } else { None })
            .or_else(|| planned.plan.created.first().and_then(|id| doc.placements().find(|p| p.element == *id)).map(|p| p.map.to_string()));
        Ok(ImportOutcome { document: self.document()?, first_map_id, message: planned.message() })
    }
}

/// `tiermap import`: into a new document at `out`, or into the existing `into`.
/// With `dry_run`, only the preview. Nothing is written when anything fails.
pub fn import_file(source: &Path, target: ImportTarget<'_>, sheet: Option<&str>, valid_rows_only: bool, dry_run: bool) -> Result<(ImportPreview, String), AppError> {
    if SourceFormat::of(source)? == SourceFormat::Json {
        let ImportTarget::New(out) = target else {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("{}: a Tiermap JSON file imports into a new document: use -o NEW.tiermap", source.display()),
            ));
        };
        let edits = tiermap_import::read_json(source)?;
        let mut doc = Document::new();
        doc.apply_all(&edits).map_err(|e| AppError::new(ErrorCode::InvalidInput, e.to_string()))?;
        let message = format!("{} elements on {} maps", doc.elements().count(), doc.maps().len());
        if !dry_run {
            DocumentFile::create_with(out, &edits)?;
        }
        return Ok((json_preview(source, &doc), message));
    }
    match target {
        ImportTarget::New(out) => {
            let doc = Document::new();
            let planned = PlannedImport::new(&doc, source, sheet)?;
            let preview = planned.preview(&doc, source);
            if !dry_run {
                planned.check(source, valid_rows_only)?;
                DocumentFile::create_with(out, &planned.plan.edits)?;
            }
            Ok((preview, planned.message()))
        }
        ImportTarget::Into(file) => {
            let mut session = Session::new();
            session.open(file)?;
            let preview = session.import_preview(&source.display().to_string(), sheet)?;
            if dry_run {
                return Ok((preview, String::new()));
            }
            let choice = ImportChoice { path: source.display().to_string(), sheet: sheet.map(str::to_owned), valid_rows_only };
            let outcome = session.import_apply(&choice)?;
            Ok((preview, outcome.message))
        }
    }
}

/// Where `tiermap import` writes.
#[derive(Debug, Clone, Copy)]
pub enum ImportTarget<'a> {
    New(&'a Path),
    Into(&'a Path),
}

/// A JSON import has no rows: its preview only counts what it holds.
fn json_preview(path: &Path, doc: &Document) -> ImportPreview {
    ImportPreview {
        path: path.display().to_string(),
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        format: SourceFormat::Json.label().to_owned(),
        sheets: Vec::new(),
        sheet: None,
        notes: Vec::new(),
        rows: doc.elements().count() as u32,
        rows_in_error: 0,
        created: doc.count_by_kind().into_iter().map(|(k, n)| ImportCount { label: k.plural_label().to_owned(), count: n as u32 }).collect(),
        updated: 0,
        unchanged: 0,
        changes: Vec::new(),
        maps: doc.maps().iter().map(|m| m.name.clone()).collect(),
        error_count: 0,
        warning_count: 0,
        issues: Vec::new(),
        skipped: Vec::new(),
        problems_after: validate(doc).diagnostics.len() as u32,
    }
}
