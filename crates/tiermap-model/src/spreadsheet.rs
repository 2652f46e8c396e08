//! The spreadsheet format, shared by import and export so a sheet written by
//! Tiermap reads back the same: its columns, and how a person may spell the
//! words in them ("Product owner", "product_owner", "PO").

use crate::vocabulary::{ElementKind, Lifecycle, Role};

/// The columns Tiermap reads and writes, in the order it writes them.
pub const COLUMNS: [&str; 16] = [
    "id",
    "name",
    "kind",
    "parent",
    "owner",
    "owner_role",
    "segment",
    "division",
    "family",
    "team",
    "supported_by",
    "lifecycle",
    "external",
    "description",
    "kpi",
    "kpi_target",
];

/// Separates the items of a cell that holds several (parents, owners, KPIs).
pub const LIST_SEPARATOR: char = ';';

/// The custom property that keeps an element's id from the source it came
/// from, so a re-import finds it again and an export writes it back.
pub const SOURCE_ID_PROPERTY: &str = "id";

/// A header or word as compared: lower case, spaces and hyphens as underscores.
pub fn normalized(text: &str) -> String {
    text.trim().to_lowercase().split([' ', '-', '_']).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("_")
}

fn word<T: Copy>(text: &str, all: &[T], as_str: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Option<T> {
    let wanted = normalized(text);
    all.iter().copied().find(|v| as_str(*v) == wanted || normalized(label(*v)) == wanted)
}

pub fn element_kind(text: &str) -> Option<ElementKind> {
    word(text, ElementKind::ALL, ElementKind::as_str, ElementKind::label)
}

pub fn lifecycle(text: &str) -> Option<Lifecycle> {
    word(text, Lifecycle::ALL, Lifecycle::as_str, Lifecycle::label)
}

/// A role by its word, label or the usual initials (BO, PM, PO, SO).
pub fn role(text: &str) -> Option<Role> {
    match normalized(text).as_str() {
        "bo" => Some(Role::BusinessOwner),
        "pm" => Some(Role::ProductManager),
        "po" => Some(Role::ProductOwner),
        "so" => Some(Role::ServiceOwner),
        _ => word(text, Role::ALL, Role::as_str, Role::label),
    }
}

/// yes/no, true/false, y/n, 1/0, external/internal.
pub fn yes_no(text: &str) -> Option<bool> {
    match normalized(text).as_str() {
        "yes" | "y" | "true" | "1" | "external" | "x" => Some(true),
        "no" | "n" | "false" | "0" | "internal" => Some(false),
        _ => None,
    }
}

/// The items of a list cell, trimmed, empty ones left out.
pub fn list(cell: &str) -> Vec<&str> {
    cell.split(LIST_SEPARATOR).map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// The items of a cell matched by position with another list (roles to
/// owners, targets to KPIs): trimmed, empty ones kept in their place.
pub fn positional(cell: &str) -> Vec<&str> {
    if cell.trim().is_empty() { Vec::new() } else { cell.split(LIST_SEPARATOR).map(str::trim).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_however_a_person_spells_them() {
        assert_eq!(element_kind("Service area"), Some(ElementKind::ServiceArea));
        assert_eq!(element_kind(" service_area "), Some(ElementKind::ServiceArea));
        assert_eq!(element_kind("MARKET-SEGMENT"), Some(ElementKind::MarketSegment));
        assert_eq!(element_kind("produkt"), None);
        assert_eq!(role("PO"), Some(Role::ProductOwner));
        assert_eq!(role("Business owner"), Some(Role::BusinessOwner));
        assert_eq!(lifecycle("MVP"), Some(Lifecycle::Mvp));
        assert_eq!(yes_no("Yes"), Some(true));
        assert_eq!(yes_no("perhaps"), None);
        assert_eq!(list(" a; ;b ;"), ["a", "b"]);
        assert_eq!(positional("99%; ;2 EUR"), ["99%", "", "2 EUR"]);
        assert!(positional("  ").is_empty());
        assert_eq!(normalized("Owner Role"), "owner_role");
        assert_eq!(normalized("supported-by"), "supported_by");
    }
}
