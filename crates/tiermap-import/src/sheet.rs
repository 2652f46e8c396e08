//! A spreadsheet's rows as elements: one row per element, the columns of
//! `tiermap_model::spreadsheet::COLUMNS` in any order and any case, unknown
//! columns as custom properties. References (parent, supported_by) name
//! another row by id or unique name, or an element the document already has;
//! segments, divisions, families, teams and owners are found by name or
//! created. Every problem names its row, column and value. Cells lose
//! their control characters (`text.rs`) before anything reads them, and a
//! CSV cell whose quotes ran over several lines is pointed out.

use std::borrow::Cow;
use std::collections::HashMap;

use tiermap_model::spreadsheet::{self, COLUMNS, SOURCE_ID_PROPERTY, list, normalized, positional};
use tiermap_model::{Document, ElementId, ElementKind, GroupingModel, RelationKind, Role};

use crate::incoming::{
    Claim, Incoming, IncomingElement, IncomingKpi, IncomingOwnership, IncomingRelation, Issue,
    Origin, Ref,
};
use crate::table::{SpannedCell, Table};
use crate::text::{self, Lines, shortened};
use crate::work::{CountVisits, visit};

/// What each header cell means: a known column (its index in COLUMNS) or a custom property.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Known(usize),
    Property(String),
    Ignored,
}

fn column(name: &str) -> Option<usize> {
    COLUMNS.iter().position(|c| *c == name)
}

/// Reads the header; a known column twice, or no name column, is an error of the whole sheet.
fn columns(header: &[String], issues: &mut Vec<Issue>) -> Vec<Column> {
    let mut seen = HashMap::new();
    let mut columns = Vec::new();
    for (index, cell) in header.iter().enumerate() {
        let known = column(&normalized(cell));
        let meaning = match known {
            _ if cell.trim().is_empty() => Column::Ignored,
            Some(k) => {
                match seen.insert(k, index) {
                    Some(first) => {
                        issues.push(Issue::error(
                        None,
                        format!("the header has '{}' twice (columns {} and {}); only the first is read", COLUMNS[k], first + 1, index + 1),
                    ));
                        Column::Ignored
                    }
                    None => Column::Known(k),
                }
            }
            None => Column::Property(cell.trim().to_owned()),
        };
        columns.push(meaning);
    }
    if !columns.contains(&Column::Known(1)) {
        issues.push(Issue::error(
            None,
            format!(
                "the header has no 'name' column (it has: {}); the columns Tiermap reads are {}",
                header.join(", "),
                COLUMNS.join(", ")
            ),
        ));
    }
    columns
}

/// One row's cells, cleaned, by column.
struct Row<'a> {
    origin: Origin,
    /// The known columns' cells by their index in COLUMNS; None where the row has no such cell.
    known: [Option<Cow<'a, str>>; COLUMNS.len()],
    properties: Vec<(&'a str, Cow<'a, str>)>,
}

impl Row<'_> {
    /// The cell of a known column, if the row has one.
    fn cell(&self, name: &str) -> Option<&str> {
        column(name).and_then(|k| self.known[k].as_deref())
    }

    fn get(&self, name: &str) -> &str {
        self.cell(name).unwrap_or("")
    }
}

/// Which fields may hold line breaks: only a description.
fn lines_of(column: &str) -> Lines {
    if column == "description" {
        Lines::Multi
    } else {
        Lines::Single
    }
}

/// A cell without the control characters its field may not hold, trimmed;
/// a warning names what was taken out, and a CSV cell that ran over several
/// lines of the file, with those lines.
fn cleaned_cell<'a>(
    cell: &'a str,
    column: &str,
    span: Option<&SpannedCell>,
    origin: Option<Origin>,
    issues: &mut Vec<Issue>,
) -> Cow<'a, str> {
    let lines = lines_of(column);
    let shown = || shortened(cell, 60).into_owned();
    if let Some(span) = span {
        let (first, last) = (span.first_line, span.last_line);
        let message = match lines {
            Lines::Single => format!(
                "the quoted cell runs from line {first} to line {last}: a quote closed on a later line joins lines into one cell; \
                 its line breaks became spaces, check its quotes"
            ),
            Lines::Multi => format!(
                "the quoted cell runs from line {first} to line {last} and keeps its line breaks; \
                 if those lines were meant as rows of their own, a quote is out of place"
            ),
        };
        issues.push(Issue::warning(origin, message).at(column, shown()));
    }
    // The line breaks of a cell that ran over lines are told above.
    match text::clean_field(cell, column, lines, span.is_some(), origin, issues) {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    }
}

/// Finds what a cell names: rows of the sheet, then the document's elements.
struct Names {
    by_key: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    /// The first row of each (kind, lower-case name): how a name in a
    /// segment, team or owner column finds its element in one look.
    by_kind_name: HashMap<(ElementKind, String), usize>,
    doc_by_key: HashMap<String, ElementId>,
    doc_by_name: HashMap<String, Vec<ElementId>>,
    doc_by_kind_name: HashMap<(ElementKind, String), ElementId>,
    /// Elements made for a (kind, lower-case name) the sheet mentions.
    implied: HashMap<(ElementKind, String), usize>,
}

impl Names {
    fn new(doc: &Document) -> Self {
        let mut doc_by_key = HashMap::new();
        let mut doc_by_name: HashMap<String, Vec<ElementId>> = HashMap::new();
        let mut doc_by_kind_name = HashMap::new();
        for element in doc.elements().counted() {
            doc_by_key.insert(element.id.to_string(), element.id);
            if let Some(key) = element.properties.get(SOURCE_ID_PROPERTY) {
                doc_by_key.insert(key.clone(), element.id);
            }
            let lower = element.name.trim().to_lowercase();
            doc_by_kind_name
                .entry((element.kind, lower.clone()))
                .or_insert(element.id);
            doc_by_name.entry(lower).or_default().push(element.id);
        }
        Names {
            by_key: HashMap::new(),
            by_name: HashMap::new(),
            by_kind_name: HashMap::new(),
            doc_by_key,
            doc_by_name,
            doc_by_kind_name,
            implied: HashMap::new(),
        }
    }

    /// A row's element, findable by its name from now on.
    fn add_row(&mut self, name: &str, kind: ElementKind, index: usize) {
        let lower = name.to_lowercase();
        self.by_kind_name
            .entry((kind, lower.clone()))
            .or_insert(index);
        self.by_name.entry(lower).or_default().push(index);
    }

    /// A row by id or unique name, else a document element by id or unique name.
    fn reference(&self, text: &str, elements: &[IncomingElement]) -> Result<Ref, String> {
        visit();
        if let Some(index) = self.by_key.get(text) {
            return Ok(Ref::New(*index));
        }
        let lower = text.to_lowercase();
        match self.by_name.get(&lower).map(Vec::as_slice) {
            Some([index]) => return Ok(Ref::New(*index)),
            Some(rows) if rows.len() > 1 => {
                let numbers: Vec<String> = rows
                    .iter()
                    .map(|i| elements[*i].origin.to_string())
                    .collect();
                return Err(format!(
                    "{} rows are named '{text}' ({}); refer to one by its id",
                    rows.len(),
                    numbers.join(", ")
                ));
            }
            _ => {}
        }
        if let Some(id) = self.doc_by_key.get(text) {
            return Ok(Ref::Existing(*id));
        }
        match self.doc_by_name.get(&lower).map(Vec::as_slice) {
            Some([id]) => Ok(Ref::Existing(*id)),
            Some(ids) if ids.len() > 1 => Err(format!(
                "the document has {} elements named '{text}' and no row is; refer to one by its id",
                ids.len()
            )),
            _ => Err(format!(
                "no row has the id or name '{text}', nor does the document"
            )),
        }
    }

    /// The element of `kind` named `name`: a row, a document element, or one made now.
    fn named(
        &mut self,
        kind: ElementKind,
        name: &str,
        origin: Origin,
        elements: &mut Vec<IncomingElement>,
    ) -> Ref {
        visit();
        let key = (kind, name.to_lowercase());
        if let Some(index) = self.by_kind_name.get(&key) {
            return Ref::New(*index);
        }
        if let Some(id) = self.doc_by_kind_name.get(&key) {
            return Ref::Existing(*id);
        }
        let index = *self.implied.entry(key).or_insert_with(|| {
            let mut element = IncomingElement::new(origin, kind, name);
            element.implied = true;
            elements.push(element);
            elements.len() - 1
        });
        Ref::New(index)
    }
}

/// Interprets a table against the document it will be imported into.
pub fn interpret(table: &Table, doc: &Document, format: &str) -> Incoming {
    let mut incoming = Incoming {
        format: format.to_owned(),
        notes: table.notes.clone(),
        maps: vec![
            GroupingModel::Pyramid,
            GroupingModel::Service,
            GroupingModel::Technical,
            GroupingModel::Market,
            GroupingModel::Organizational,
        ],
        ..Incoming::default()
    };
    let header: Vec<Cow<str>> = table
        .header
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            cleaned_cell(
                cell,
                &format!("header, column {}", index + 1),
                None,
                None,
                &mut incoming.issues,
            )
        })
        .collect();
    let header: Vec<String> = header.into_iter().map(Cow::into_owned).collect();
    let columns = columns(&header, &mut incoming.issues);
    if incoming.has_errors() && !columns.contains(&Column::Known(1)) {
        return incoming;
    }
    let has = |name: &str| column(name).is_some_and(|k| columns.contains(&Column::Known(k)));
    let spans: HashMap<(usize, usize), &SpannedCell> = table
        .spanned
        .iter()
        .map(|s| ((s.row, s.column), s))
        .collect();
    let rows: Vec<Row> = table
        .rows
        .iter()
        .enumerate()
        .counted()
        .map(|(row_index, row)| {
            let origin = Origin::Row(row.number);
            let mut known = [const { None }; COLUMNS.len()];
            let mut properties = Vec::new();
            for (index, (cell, meaning)) in row.cells.iter().zip(&columns).enumerate() {
                let span = spans.get(&(row_index, index)).copied();
                match meaning {
                    Column::Known(k) => {
                        known[*k] = Some(cleaned_cell(cell, COLUMNS[*k], span, Some(origin), &mut incoming.issues));
                    }
                    Column::Property(name) if !cell.is_empty() => {
                        let value = cleaned_cell(cell, name, span, Some(origin), &mut incoming.issues);
                        if !value.is_empty() {
                            properties.push((name.as_str(), value));
                        }
                    }
                    _ => {}
                }
            }
            let extra = row.cells.iter().skip(columns.len()).filter(|c| !c.is_empty()).count();
            if extra > 0 {
                incoming.issues.push(Issue::error(
                    Some(origin),
                    format!("the row has {} cells and the header {}: is a separator or quote out of place?", row.cells.len(), columns.len()),
                ));
            }
            Row { origin, known, properties }
        })
        .collect();

    // First the elements the rows are, so references can find any row.
    let mut names = Names::new(doc);
    let mut row_element: Vec<Option<usize>> = Vec::new();
    let mut kindless = Vec::new();
    for row in rows.iter().counted() {
        row_element.push(element_of(row, &mut incoming, &mut names, &mut kindless));
    }
    if !kindless.is_empty() {
        let message = if has("kind") {
            match kindless.len() {
                1 => format!("{} has no kind and was taken as a product", kindless[0]),
                n => format!(
                    "{n} rows have no kind and were taken as products: {}",
                    rows_list(&kindless)
                ),
            }
        } else {
            "the sheet has no 'kind' column: every row is a product".to_owned()
        };
        incoming.issues.push(Issue::warning(None, message));
    }
    // Then what each row says about others.
    for (row, element) in rows.iter().zip(row_element).counted() {
        if let Some(index) = element {
            links_of(row, index, &mut incoming, &mut names, &has);
        }
    }
    incoming
}

fn rows_list(origins: &[Origin]) -> String {
    let mut text: Vec<String> = origins.iter().take(10).map(|o| o.to_string()).collect();
    if origins.len() > 10 {
        text.push(format!("and {} more", origins.len() - 10));
    }
    text.join(", ")
}

/// The element a row is, with its own fields; None when it has no name.
fn element_of(
    row: &Row,
    incoming: &mut Incoming,
    names: &mut Names,
    kindless: &mut Vec<Origin>,
) -> Option<usize> {
    let origin = row.origin;
    let name = row.get("name");
    if name.is_empty() {
        incoming
            .issues
            .push(Issue::error(Some(origin), "the row has no name").at("name", ""));
        return None;
    }
    let kind = match row.get("kind") {
        "" => {
            kindless.push(origin);
            ElementKind::Product
        }
        text => match spreadsheet::element_kind(text) {
            Some(kind) => kind,
            None => {
                let kinds: Vec<&str> = ElementKind::ALL.iter().map(|k| k.label()).collect();
                incoming.issues.push(
                    Issue::error(
                        Some(origin),
                        format!("not a kind; the kinds are {}", kinds.join(", ")),
                    )
                    .at("kind", text),
                );
                ElementKind::Product
            }
        },
    };
    let mut element = IncomingElement::new(origin, kind, name);
    let index = incoming.elements.len();
    match row.get("id") {
        "" => {}
        key => match names.by_key.get(key) {
            Some(first) => incoming.issues.push(
                Issue::error(
                    Some(origin),
                    format!("{} has the same id", incoming.elements[*first].origin),
                )
                .at("id", key),
            ),
            None => {
                names.by_key.insert(key.to_owned(), index);
                element.key = Some(key.to_owned());
            }
        },
    }
    names.add_row(name, kind, index);
    if let Some(text) = row.cell("description") {
        element.description = Some(text.to_owned());
    }
    if let Some(text) = row.cell("lifecycle") {
        element.lifecycle = match text {
            "" => Some(None),
            text => match spreadsheet::lifecycle(text) {
                Some(stage) => Some(Some(stage)),
                None => {
                    let stages: Vec<&str> = tiermap_model::Lifecycle::ALL
                        .iter()
                        .map(|l| l.label())
                        .collect();
                    incoming.issues.push(
                        Issue::error(
                            Some(origin),
                            format!(
                                "not a lifecycle stage; the stages are {}",
                                stages.join(", ")
                            ),
                        )
                        .at("lifecycle", text),
                    );
                    None
                }
            },
        };
    }
    if let Some(text) = row.cell("external") {
        element.external = match text {
            "" => Some(false),
            text => spreadsheet::yes_no(text).or_else(|| {
                incoming.issues.push(
                    Issue::error(Some(origin), "say yes or no (true or false)")
                        .at("external", text),
                );
                None
            }),
        };
    }
    if let Some(text) = row.cell("kpi") {
        let targets = positional(row.get("kpi_target"));
        let kpis = positional(text);
        if targets.len() > kpis.len() {
            incoming.issues.push(
                Issue::warning(
                    Some(origin),
                    format!(
                        "{} targets for {} KPIs: the extra targets are left out",
                        targets.len(),
                        kpis.len()
                    ),
                )
                .at("kpi_target", row.get("kpi_target")),
            );
        }
        element.kpis = Some(
            kpis.iter()
                .enumerate()
                .filter(|(_, name)| !name.is_empty())
                .map(|(i, name)| IncomingKpi {
                    name: (*name).to_owned(),
                    target: targets
                        .get(i)
                        .filter(|t| !t.is_empty())
                        .map(|t| (*t).to_owned()),
                })
                .collect(),
        );
    }
    for (name, value) in &row.properties {
        element
            .properties
            .insert((*name).to_owned(), value.clone().into_owned());
    }
    incoming.elements.push(element);
    Some(index)
}

/// Relations and ownerships a row states, and which kinds of link it states in full.
fn links_of(
    row: &Row,
    index: usize,
    incoming: &mut Incoming,
    names: &mut Names,
    has: &dyn Fn(&str) -> bool,
) {
    let origin = row.origin;
    let this = Ref::New(index);
    let mut claims = Vec::new();
    for (column, kind, claim, towards) in [
        ("parent", RelationKind::RollsUpTo, Claim::Parents, true),
        (
            "supported_by",
            RelationKind::Supports,
            Claim::Supporters,
            false,
        ),
    ] {
        if !has(column) {
            continue;
        }
        claims.push(claim);
        for text in list(row.get(column)).into_iter().counted() {
            match names.reference(text, &incoming.elements) {
                Ok(other) if other == this => incoming.issues.push(
                    Issue::error(Some(origin), "a row cannot refer to itself").at(column, text),
                ),
                Ok(other) => {
                    let (source, target) = if towards {
                        (this, other)
                    } else {
                        (other, this)
                    };
                    incoming.relations.push(IncomingRelation {
                        kind,
                        source,
                        target,
                    });
                }
                Err(message) => incoming
                    .issues
                    .push(Issue::error(Some(origin), message).at(column, text)),
            }
        }
    }
    for (column, kind, relation, claim) in [
        (
            "segment",
            ElementKind::MarketSegment,
            RelationKind::Serves,
            Claim::Segments,
        ),
        (
            "division",
            ElementKind::OrgUnit,
            RelationKind::BelongsTo,
            Claim::Divisions,
        ),
        (
            "family",
            ElementKind::Family,
            RelationKind::RollsUpTo,
            Claim::Families,
        ),
        (
            "team",
            ElementKind::Team,
            RelationKind::DeliveredBy,
            Claim::Teams,
        ),
    ] {
        if !has(column) {
            continue;
        }
        claims.push(claim);
        for name in list(row.get(column)).into_iter().counted() {
            let target = names.named(kind, name, origin, &mut incoming.elements);
            incoming.relations.push(IncomingRelation {
                kind: relation,
                source: this,
                target,
            });
        }
    }
    if has("owner") {
        claims.push(Claim::Owners);
        owners_of(row, this, incoming, names);
    }
    incoming.elements[index].claims = claims;
}

/// `owner` and `owner_role`, matched by position; the first owner leads, the others are delegates.
fn owners_of(row: &Row, this: Ref, incoming: &mut Incoming, names: &mut Names) {
    let origin = row.origin;
    let owners = positional(row.get("owner"));
    let roles = positional(row.get("owner_role"));
    if roles.len() > owners.len() {
        incoming.issues.push(
            Issue::warning(
                Some(origin),
                format!(
                    "{} roles for {} owners: the extra roles are left out",
                    roles.len(),
                    owners.len()
                ),
            )
            .at("owner_role", row.get("owner_role")),
        );
    }
    // The first owner the row names leads; the others are delegates.
    let mut lead_named = false;
    for (position, name) in owners
        .iter()
        .counted()
        .enumerate()
        .filter(|(_, name)| !name.is_empty())
    {
        let role = match roles.get(position).filter(|r| !r.is_empty()) {
            None => {
                incoming.issues.push(
                    Issue::warning(
                        Some(origin),
                        format!("no role for {name}: made product owner"),
                    )
                    .at("owner_role", row.get("owner_role")),
                );
                Role::ProductOwner
            }
            Some(text) => match spreadsheet::role(text) {
                Some(role) => role,
                None => {
                    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.label()).collect();
                    incoming.issues.push(
                        Issue::error(
                            Some(origin),
                            format!(
                                "not a role; the roles are {} (or BO, PM, PO, SO)",
                                roles.join(", ")
                            ),
                        )
                        .at("owner_role", *text),
                    );
                    continue;
                }
            },
        };
        let person = names.named(ElementKind::Person, name, origin, &mut incoming.elements);
        incoming.ownerships.push(IncomingOwnership {
            person,
            target: this,
            role,
            accountable: !lead_named,
        });
        lead_named = true;
    }
}
