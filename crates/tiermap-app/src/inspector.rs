//! The inspector and the model browser: reading one element whole, changing
//! one or several at once, their KPIs, owners and relations. Each change is
//! one undo step; bad input changes nothing.

use std::collections::BTreeMap;
use std::str::FromStr;

use tiermap_model::{Edit, Element, ElementId, ElementKind, GroupId, Kpi, KpiId, Lifecycle, OwnedTarget, OwnershipId, RelationId, RelationKind, Role};

use crate::error::{AppError, ErrorCode};
use crate::session::Session;
use crate::views::{map_summary, owners};
use crate::wire::{DocumentView, ElementDetails, ElementPatch, ElementSummary, KpiRow, Property};

fn word<T: FromStr>(text: &str, what: &str) -> Result<T, AppError> {
    T::from_str(text).map_err(|_| AppError::new(ErrorCode::InvalidInput, format!("'{text}' is not a {what}")))
}

fn id<T: FromStr>(text: &str, what: &str) -> Result<T, AppError> {
    T::from_str(text).map_err(|_| AppError::new(ErrorCode::UnknownId, format!("'{text}' is not a valid {what} id")))
}

fn unknown(what: &str, text: &str) -> AppError {
    AppError::new(ErrorCode::UnknownId, format!("no {what} {text}"))
}

/// Tags as people type them: trimmed, no empties, no repeats, in order.
fn clean_tags(tags: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_owned();
        if !tag.is_empty() && !out.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
    }
    out
}

fn properties(list: &[Property]) -> Result<BTreeMap<String, String>, AppError> {
    let mut out = BTreeMap::new();
    for property in list {
        let key = property.key.trim();
        if key.is_empty() {
            if property.value.trim().is_empty() {
                continue; // an empty row of the table
            }
            return Err(AppError::new(ErrorCode::InvalidInput, format!("the property with value '{}' needs a name", property.value)));
        }
        if out.insert(key.to_owned(), property.value.clone()).is_some() {
            return Err(AppError::new(ErrorCode::InvalidInput, format!("the property '{key}' is there twice")));
        }
    }
    Ok(out)
}

fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

impl Session {
    /// One element, whole: what the inspector shows.
    pub fn element_details(&self, element_id: &str) -> Result<ElementDetails, AppError> {
        let doc = self.doc()?;
        let element_id_parsed: ElementId = id(element_id, "element")?;
        let element = doc.element(element_id_parsed).ok_or_else(|| unknown("element", element_id))?;
        let mut kpis: Vec<&Kpi> = doc.kpis().filter(|k| k.element == element.id).collect();
        kpis.sort_by_key(|k| (k.position, k.id));
        Ok(ElementDetails {
            id: element.id.to_string(),
            kind: element.kind.as_str().into(),
            kind_label: element.kind.label().into(),
            name: element.name.clone(),
            description: element.description.clone(),
            external: element.external,
            lifecycle: element.lifecycle.map(|l| l.as_str().into()),
            tags: element.tags.clone(),
            properties: element.properties.iter().map(|(key, value)| Property { key: key.clone(), value: value.clone() }).collect(),
            kpis: kpis
                .into_iter()
                .map(|k| KpiRow {
                    id: Some(k.id.to_string()),
                    element_id: element.id.to_string(),
                    name: k.name.clone(),
                    value_source: k.value_source.clone(),
                    objective: k.objective.clone(),
                    collection_method: k.collection_method.clone(),
                    target: k.target.clone().unwrap_or_default(),
                    current_value: k.current_value.clone().unwrap_or_default(),
                })
                .collect(),
            owners: owners(doc, OwnedTarget::Element(element.id)),
            maps: doc.maps().into_iter().filter(|m| doc.placement(m.id, element.id).is_some()).map(|m| map_summary(doc, m)).collect(),
        })
    }

    /// Changes one or several elements as the patch says; one undo step.
    pub fn update_elements(&mut self, patch: &ElementPatch) -> Result<DocumentView, AppError> {
        if patch.element_ids.is_empty() {
            return Err(AppError::new(ErrorCode::InvalidInput, "no element chosen to change"));
        }
        if patch.name.is_some() && patch.element_ids.len() > 1 {
            return Err(AppError::new(ErrorCode::InvalidInput, "several elements cannot be given one name"));
        }
        let kind: Option<ElementKind> = patch.kind.as_deref().map(|k| word(k, "kind of element")).transpose()?;
        let lifecycle: Option<Option<Lifecycle>> =
            patch.lifecycle.as_deref().map(|l| if l.is_empty() { Ok(None) } else { word(l, "lifecycle stage").map(Some) }).transpose()?;
        let new_properties = patch.properties.as_deref().map(properties).transpose()?;
        let doc = self.doc()?;
        let mut edits = Vec::new();
        for element_id in &patch.element_ids {
            let existing = doc.element(id(element_id, "element")?).ok_or_else(|| unknown("element", element_id))?;
            let mut changed: Element = existing.clone();
            if let Some(name) = &patch.name {
                changed.name = optional(name).ok_or_else(|| AppError::new(ErrorCode::InvalidInput, "an element needs a name"))?;
            }
            if let Some(kind) = kind {
                // A person is not a product: people own things and are listed apart.
                if (kind == ElementKind::Person) != (existing.kind == ElementKind::Person) {
                    return Err(AppError::new(ErrorCode::InvalidInput, format!("{} cannot become a {}", existing.name, kind.label().to_lowercase())));
                }
                changed.kind = kind;
            }
            if let Some(description) = &patch.description {
                changed.description = description.trim_end().to_owned();
            }
            if let Some(lifecycle) = lifecycle {
                changed.lifecycle = lifecycle;
            }
            if let Some(external) = patch.external {
                changed.external = external;
            }
            if let Some(tags) = &patch.tags {
                changed.tags = clean_tags(tags.iter().cloned());
            }
            if let Some(more) = &patch.add_tags {
                changed.tags = clean_tags(changed.tags.iter().cloned().chain(more.iter().cloned()));
            }
            if let Some(props) = &new_properties {
                changed.properties = props.clone();
            }
            if &changed != existing {
                edits.push(Edit::PutElement(changed));
            }
        }
        if !edits.is_empty() {
            let label = if edits.len() == 1 { "Edit element".to_owned() } else { format!("Edit {} elements", edits.len()) };
            self.apply(&label, &edits)?;
        }
        self.document()
    }

    /// Adds a KPI (no id) or changes one; returns its id.
    pub fn put_kpi(&mut self, row: &KpiRow) -> Result<String, AppError> {
        let doc = self.doc()?;
        let element: ElementId = id(&row.element_id, "element")?;
        doc.element(element).ok_or_else(|| unknown("element", &row.element_id))?;
        let name = optional(&row.name).ok_or_else(|| AppError::new(ErrorCode::InvalidInput, "a KPI needs a name"))?;
        let (kpi_id, position) = match &row.id {
            Some(existing) => {
                let kpi = doc.kpi(id(existing, "KPI")?).ok_or_else(|| unknown("KPI", existing))?;
                (kpi.id, kpi.position)
            }
            None => (KpiId::new(), doc.kpis().filter(|k| k.element == element).map(|k| k.position + 1).max().unwrap_or(0)),
        };
        let kpi = Kpi {
            id: kpi_id,
            element,
            name,
            value_source: row.value_source.trim().to_owned(),
            objective: row.objective.trim().to_owned(),
            collection_method: row.collection_method.trim().to_owned(),
            target: optional(&row.target),
            current_value: optional(&row.current_value),
            position,
        };
        if doc.kpi(kpi_id) != Some(&kpi) {
            let label = if row.id.is_some() { "Edit KPI" } else { "Add KPI" };
            self.apply(label, &[Edit::PutKpi(kpi)])?;
        }
        Ok(kpi_id.to_string())
    }

    pub fn delete_kpi(&mut self, kpi_id: &str) -> Result<(), AppError> {
        let kpi: KpiId = id(kpi_id, "KPI")?;
        self.apply("Delete KPI", &[Edit::DeleteKpi { id: kpi }])
    }

    /// Changes the role of an ownership, or whether it is the accountable one.
    /// Making it accountable makes the other accountable owner of the same
    /// target a delegate, since one person must lead.
    pub fn change_owner(&mut self, ownership_id: &str, role: &str, accountable: bool) -> Result<(), AppError> {
        let doc = self.doc()?;
        let ownership_id: OwnershipId = id(ownership_id, "ownership")?;
        let role: Role = word(role, "role")?;
        let existing = doc.ownership(ownership_id).ok_or_else(|| unknown("ownership", &ownership_id.to_string()))?.clone();
        let mut edits = Vec::new();
        if accountable {
            for other in doc.ownerships_of(existing.target).filter(|o| o.accountable && o.id != existing.id) {
                edits.push(Edit::PutOwnership(tiermap_model::Ownership { accountable: false, ..other.clone() }));
            }
        }
        edits.push(Edit::PutOwnership(tiermap_model::Ownership { role, accountable, ..existing }));
        self.apply(&format!("Make {}", role.label().to_lowercase()), &edits)
    }

    /// Changes what a relation means (its kind), keeping its ends.
    pub fn set_relation_kind(&mut self, relation_id: &str, kind: &str) -> Result<(), AppError> {
        let relation_id: RelationId = id(relation_id, "relation")?;
        let kind: RelationKind = word(kind, "kind of relation")?;
        let existing = self.doc()?.relation(relation_id).ok_or_else(|| unknown("relation", &relation_id.to_string()))?.clone();
        self.apply(&format!("Relation: {}", kind.label()), &[Edit::PutRelation(tiermap_model::Relation { kind, ..existing })])
    }

    /// Collapses a group to its title bar, or opens it again.
    pub fn set_group_collapsed(&mut self, group_id: &str, collapsed: bool) -> Result<(), AppError> {
        let group: GroupId = id(group_id, "group")?;
        let existing = self.doc()?.group(group).ok_or_else(|| unknown("group", group_id))?.clone();
        if existing.collapsed == collapsed {
            return Ok(());
        }
        let label = if collapsed { "Collapse group" } else { "Expand group" };
        self.apply(label, &[Edit::PutGroup(tiermap_model::Group { collapsed, ..existing })])
    }

    /// Every element of the document (people too), by name: the model browser.
    pub fn elements(&self) -> Result<Vec<ElementSummary>, AppError> {
        let doc = self.doc()?;
        let maps = doc.maps();
        let mut list: Vec<ElementSummary> = doc
            .elements()
            .map(|e| ElementSummary {
                id: e.id.to_string(),
                kind: e.kind.as_str().into(),
                kind_label: e.kind.label().into(),
                name: e.name.clone(),
                map_ids: maps.iter().filter(|m| doc.placement(m.id, e.id).is_some()).map(|m| m.id.to_string()).collect(),
            })
            .collect();
        list.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
        Ok(list)
    }
}
