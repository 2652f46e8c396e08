//! What a source brings, before it meets the document: elements with the
//! fields the source has, the relations and ownerships between them, the
//! problems found (each naming its row or line, column and value), and what
//! had no counterpart in Tiermap. Readers build this; `merge` turns it into
//! edits against a document.

use std::collections::BTreeMap;

use tiermap_model::{ElementId, ElementKind, GroupingModel, Lifecycle, RelationKind, Role};

/// Where something is in the source, as its user finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// A spreadsheet or CSV row number.
    Row(usize),
    /// A line of an XML file.
    Line(usize),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Row(n) => write!(f, "row {n}"),
            Origin::Line(n) => write!(f, "line {n}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The row (or record) cannot be imported as it is.
    Error,
    /// Imported, but not quite as written (a default was taken, a value ignored).
    Warning,
}

/// A problem in the source, precise enough to fix it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    /// None when the problem is the whole source's (a missing column).
    pub origin: Option<Origin>,
    /// The column (or XML attribute) holding the value.
    pub column: Option<String>,
    /// The value as written.
    pub value: Option<String>,
    pub message: String,
}

/// An issue's text never holds a raw control character: one in a value or
/// a message is shown as its symbol (`text::printable`).
fn shown(text: String) -> String {
    match crate::text::printable(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(printable) => printable,
    }
}

impl Issue {
    pub fn error(origin: Option<Origin>, message: impl Into<String>) -> Self {
        Issue {
            severity: Severity::Error,
            origin,
            column: None,
            value: None,
            message: shown(message.into()),
        }
    }

    pub fn warning(origin: Option<Origin>, message: impl Into<String>) -> Self {
        Issue {
            severity: Severity::Warning,
            ..Issue::error(origin, message)
        }
    }

    pub fn at(mut self, column: impl Into<String>, value: impl Into<String>) -> Self {
        self.column = Some(shown(column.into()));
        self.value = Some(shown(value.into()));
        self
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(origin) = self.origin {
            write!(f, "{origin}: ")?;
        }
        match (&self.column, &self.value) {
            (Some(column), Some(value)) => write!(f, "{column} '{value}': ")?,
            (Some(column), None) => write!(f, "{column}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

/// A KPI as a source gives it: a name and maybe a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingKpi {
    pub name: String,
    pub target: Option<String>,
}

/// An element as the source has it. `None` fields are ones the source does
/// not carry: a re-import leaves them as they are in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingElement {
    /// The source's own id (a sheet's id column, an ArchiMate identifier):
    /// how a later import of the same source finds this element again.
    pub key: Option<String>,
    pub origin: Origin,
    pub kind: ElementKind,
    pub name: String,
    pub description: Option<String>,
    pub lifecycle: Option<Option<Lifecycle>>,
    pub external: Option<bool>,
    /// Extra columns or properties, by their name in the source.
    pub properties: BTreeMap<String, String>,
    pub kpis: Option<Vec<IncomingKpi>>,
    /// The links this element's source row states in full, so a re-import
    /// removes the ones of those kinds that the source no longer has.
    pub claims: Vec<Claim>,
    /// Made for a name the source mentions (a segment, an owner) rather than
    /// from a row of its own: created only if something kept refers to it.
    pub implied: bool,
}

impl IncomingElement {
    pub fn new(origin: Origin, kind: ElementKind, name: impl Into<String>) -> Self {
        IncomingElement {
            key: None,
            origin,
            kind,
            name: name.into(),
            description: None,
            lifecycle: None,
            external: None,
            properties: BTreeMap::new(),
            kpis: None,
            claims: Vec::new(),
            implied: false,
        }
    }
}

/// A kind of link a spreadsheet column states completely for its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Claim {
    /// `parent`: rolls up to anything but a family.
    Parents,
    /// `family`: rolls up to a family.
    Families,
    /// `segment`: serves.
    Segments,
    /// `division`: belongs to.
    Divisions,
    /// `team`: delivered by.
    Teams,
    /// `supported_by`: supports, from the supporter to this.
    Supporters,
    /// `owner` and `owner_role`.
    Owners,
}

/// An element the source refers to: one of its own, or one the document already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ref {
    /// Index into [`Incoming::elements`].
    New(usize),
    Existing(ElementId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingRelation {
    pub kind: RelationKind,
    pub source: Ref,
    pub target: Ref,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingOwnership {
    pub person: Ref,
    pub target: Ref,
    pub role: Role,
    /// The one who leads among owners of the same role.
    pub accountable: bool,
}

/// Things in the source with no counterpart in Tiermap, counted by type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// What they are in the source ("BusinessProcess elements", "Flow relations").
    pub what: String,
    pub count: usize,
    /// A few of their names, to recognise them.
    pub examples: Vec<String>,
}

/// Everything a source brings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    /// A short name of the source's format ("CSV", "XLSX", "ArchiMate").
    pub format: String,
    pub elements: Vec<IncomingElement>,
    pub relations: Vec<IncomingRelation>,
    pub ownerships: Vec<IncomingOwnership>,
    pub issues: Vec<Issue>,
    pub skipped: Vec<Skipped>,
    /// The maps to build from the imported structure, where it has any.
    pub maps: Vec<GroupingModel>,
    /// How the source was read (encoding, separator, sheet).
    pub notes: Vec<String>,
}

impl Incoming {
    /// Rows (or records) with an error: left out when only valid rows are imported.
    pub fn rows_in_error(&self) -> std::collections::BTreeSet<Origin> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .filter_map(|i| i.origin)
            .collect()
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}
