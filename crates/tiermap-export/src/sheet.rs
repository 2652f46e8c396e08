//! The document as a spreadsheet of elements, in the columns `tiermap
//! import` reads (tiermap_model::spreadsheet::COLUMNS), then a column per
//! custom property: the round trip a consultant makes through Excel. Every
//! element is a row, its links written by name where the name is unique and
//! by id where it is not, so the sheet reads back to the same document.

use std::collections::{BTreeSet, HashMap};

use tiermap_model::spreadsheet::{COLUMNS, LIST_SEPARATOR, SOURCE_ID_PROPERTY};
use tiermap_model::{Document, Element, ElementId, ElementKind, OwnedTarget, RelationKind};

use crate::owners::owners_by_target;

/// The header and the rows, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementSheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The id a sheet shows for an element: the one it came in with, else Tiermap's.
fn sheet_id(element: &Element) -> String {
    element
        .properties
        .get(SOURCE_ID_PROPERTY)
        .cloned()
        .unwrap_or_else(|| element.id.to_string())
}

fn joined(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(&format!("{LIST_SEPARATOR} "))
}

/// Every element of `doc`, by kind (in the vocabulary's order), then name.
pub fn element_sheet(doc: &Document) -> ElementSheet {
    let mut name_count: HashMap<String, usize> = HashMap::new();
    for element in doc.elements() {
        *name_count
            .entry(element.name.trim().to_lowercase())
            .or_default() += 1;
    }
    // A reference by name reads back only when no other element has that name.
    let reference = |id: ElementId| {
        doc.element(id).map(|e| {
            let unique = name_count.get(&e.name.trim().to_lowercase()) == Some(&1);
            if unique && !e.name.contains(LIST_SEPARATOR) {
                e.name.clone()
            } else {
                sheet_id(e)
            }
        })
    };
    let name_of = |id: ElementId| doc.element(id).map(|e| e.name.clone());
    let kind_of = |id: ElementId| doc.element(id).map(|e| e.kind);
    let properties: BTreeSet<&String> = doc
        .elements()
        .flat_map(|e| e.properties.keys())
        .filter(|k| {
            k.as_str() != SOURCE_ID_PROPERTY
                && !COLUMNS.contains(&tiermap_model::spreadsheet::normalized(k).as_str())
        })
        .collect();
    let mut header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(properties.iter().map(|p| (*p).clone()));

    let owners = owners_by_target(doc);
    let mut elements: Vec<&Element> = doc.elements().collect();
    let order = |kind: ElementKind| ElementKind::ALL.iter().position(|k| *k == kind);
    elements.sort_by(|a, b| (order(a.kind), &a.name, a.id).cmp(&(order(b.kind), &b.name, b.id)));
    let mut rows = Vec::with_capacity(elements.len());
    for element in elements {
        let id = element.id;
        let outgoing = |kind: RelationKind, family: Option<bool>| {
            let mut targets: Vec<String> = doc
                .relations()
                .filter(|r| r.source == id && r.kind == kind)
                .filter(|r| {
                    family.is_none_or(|f| (kind_of(r.target) == Some(ElementKind::Family)) == f)
                })
                .filter_map(|r| {
                    if family == Some(true) || kind != RelationKind::RollsUpTo {
                        name_of(r.target)
                    } else {
                        reference(r.target)
                    }
                })
                .collect();
            targets.sort();
            joined(targets)
        };
        let mut supporters: Vec<String> = doc
            .relations()
            .filter(|r| r.target == id && r.kind == RelationKind::Supports)
            .filter_map(|r| reference(r.source))
            .collect();
        supporters.sort();
        let owned = owners
            .get(&OwnedTarget::Element(id))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut kpis: Vec<_> = doc.kpis().filter(|k| k.element == id).collect();
        kpis.sort_by_key(|k| (k.position, k.id));
        let mut row = vec![
            sheet_id(element),
            element.name.clone(),
            element.kind.label().to_owned(),
            outgoing(RelationKind::RollsUpTo, Some(false)),
            joined(owned.iter().map(|o| o.name.clone())),
            joined(owned.iter().map(|o| o.role_label.to_owned())),
            outgoing(RelationKind::Serves, None),
            outgoing(RelationKind::BelongsTo, None),
            outgoing(RelationKind::RollsUpTo, Some(true)),
            outgoing(RelationKind::DeliveredBy, None),
            joined(supporters),
            element
                .lifecycle
                .map(|l| l.label().to_owned())
                .unwrap_or_default(),
            if element.external { "yes" } else { "no" }.to_owned(),
            element.description.clone(),
            joined(kpis.iter().map(|k| k.name.clone())),
            if kpis.iter().any(|k| k.target.is_some()) {
                joined(kpis.iter().map(|k| k.target.clone().unwrap_or_default()))
            } else {
                String::new()
            },
        ];
        row.extend(
            properties
                .iter()
                .map(|p| element.properties.get(*p).cloned().unwrap_or_default()),
        );
        rows.push(row);
    }
    ElementSheet { header, rows }
}

/// The element sheet as CSV (RFC 4180, UTF-8 with a byte-order mark so
/// Excel reads the accents; cells that look like formulas kept as text).
pub fn element_sheet_csv(doc: &Document) -> Vec<u8> {
    let sheet = element_sheet(doc);
    let mut out = String::from("\u{FEFF}");
    for row in std::iter::once(&sheet.header).chain(&sheet.rows) {
        crate::csv::row(
            &mut out,
            &row.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }
    out.into_bytes()
}

/// The element sheet as an Excel workbook.
pub fn element_sheet_xlsx(doc: &Document) -> Vec<u8> {
    let sheet = element_sheet(doc);
    let header: Vec<&str> = sheet.header.iter().map(String::as_str).collect();
    crate::xlsx("Elements", &header, &sheet.rows)
}
