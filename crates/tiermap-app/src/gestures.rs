//! Editing use cases: what a facilitator does on the canvas, each one undo
//! step, each returning what the window needs to show next. (Opening,
//! viewing and history live in session.rs.)

use std::str::FromStr;

use tiermap_model::layout::{Arrangement, GroupSpec, arrange_linked};
use tiermap_model::plan::{arrange_map, arrange_selection, delete_element, dissolve_group};
use tiermap_model::{
    Edit, Element, ElementId, ElementKind, Group, GroupId, GroupKind, GroupingModel, Map, MapId, OwnedTarget, Ownership,
    OwnershipId, Placement, Rect, Relation, RelationId, RelationKind, Role,
};

use crate::error::{AppError, ErrorCode};
use crate::session::Session;
use crate::views::person_summary;
use crate::wire::{DocumentView, ItemMove, LinkedElement, MapView, NewElement, NewGroup, NewOwnership, PersonSummary};
use tiermap_model::authoring::{self, Link};
use tiermap_model::placing;

fn word<T: FromStr>(text: &str, what: &str) -> Result<T, AppError> {
    T::from_str(text).map_err(|_| AppError::new(ErrorCode::InvalidInput, format!("'{text}' is not a {what}")))
}

fn id<T: FromStr>(text: &str, what: &str) -> Result<T, AppError> {
    T::from_str(text).map_err(|_| AppError::new(ErrorCode::UnknownId, format!("'{text}' is not a valid {what} id")))
}

fn name(text: &str, what: &str) -> Result<String, AppError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(AppError::new(ErrorCode::InvalidInput, format!("a {what} needs a name")));
    }
    Ok(trimmed.to_owned())
}

/// The groups a new map of each grouping model starts with, drawn from what
/// the document already has: a lane per market segment, a column per org unit.
pub(crate) fn starter_structure(doc: &tiermap_model::Document, model: GroupingModel) -> Vec<GroupSpec> {
    let of_kind = |kind: ElementKind| doc.elements().filter(|e| e.kind == kind).map(|e| (e.id, e.name.clone())).collect::<Vec<_>>();
    let per = |kind: ElementKind, group: GroupKind, fallback: &str| {
        let found = of_kind(kind);
        if found.is_empty() {
            vec![GroupSpec::new(fallback, group, Vec::new())]
        } else {
            found.into_iter().map(|(id, name)| GroupSpec::new(name, group, vec![id])).collect()
        }
    };
    match model {
        GroupingModel::Pyramid => ["Service area", "Products", "Services", "Applications"]
            .iter()
            .map(|tier| GroupSpec::new(*tier, GroupKind::Tier, Vec::new()))
            .collect(),
        GroupingModel::Service => vec![GroupSpec::new("Service family", GroupKind::Family, Vec::new())],
        GroupingModel::Technical => vec![GroupSpec::new("Platform group", GroupKind::PlatformGroup, Vec::new())],
        GroupingModel::Market => per(ElementKind::MarketSegment, GroupKind::SegmentLane, "Market segment"),
        GroupingModel::Organizational => per(ElementKind::OrgUnit, GroupKind::Division, "Division"),
        GroupingModel::Freeform => Vec::new(),
    }
}

impl Session {
    /// Creates an element where it was dropped on a map (in a group or not).
    pub fn add_element(&mut self, new: &NewElement) -> Result<(String, MapView), AppError> {
        let map: MapId = id(&new.map_id, "map")?;
        let kind: ElementKind = word(&new.kind, "kind of element")?;
        let group = new.group_id.as_deref().map(|g| id::<GroupId>(g, "group")).transpose()?;
        let element = Element::new(kind, name(&new.name, "element")?);
        let element_id = element.id;
        // Where it was dropped if that is free, else the nearest free spot; its group grows to hold it.
        let (rect, grow) = placing::place_near(self.doc()?, map, group, (new.x, new.y));
        let label = format!("Add {}", element.name);
        let mut edits = vec![Edit::PutElement(element)];
        edits.extend(grow);
        edits.push(Edit::PutPlacement(Placement { map, element: element_id, group, rect }));
        self.apply(&label, &edits)?;
        Ok((element_id.to_string(), self.map_view(&new.map_id)?))
    }

    /// Types a new element into a map by keyboard: the map's first (nothing
    /// selected), a sibling of the selected one (Enter) or its child (Tab),
    /// placed in a free spot, in the right tier, tied in by rolls_up_to.
    pub fn add_linked(&mut self, new: &LinkedElement) -> Result<(String, MapView), AppError> {
        let map: MapId = id(&new.map_id, "map")?;
        let link = match (new.from_id.as_deref(), new.link.as_str()) {
            (None, _) => Link::First,
            (Some(from), "sibling") => Link::Sibling(id(from, "element")?),
            (Some(from), "child") => Link::Child(id(from, "element")?),
            (Some(_), other) => return Err(AppError::new(ErrorCode::InvalidInput, format!("'{other}' is not sibling or child"))),
        };
        let element_name = name(&new.name, "element")?;
        let (element, edits) = authoring::add_linked(self.doc()?, map, link, &element_name)
            .ok_or_else(|| AppError::new(ErrorCode::UnknownId, "that map or element is not there any more"))?;
        self.apply(&format!("Add {element_name}"), &edits)?;
        Ok((element.to_string(), self.map_view(&new.map_id)?))
    }

    /// Copies of elements beside the originals on the same map (Ctrl+D,
    /// Ctrl+V); the copies' ids come back in the order given.
    pub fn duplicate_elements(&mut self, map_id: &str, element_ids: &[String], dx: f64, dy: f64) -> Result<(Vec<String>, MapView), AppError> {
        let map: MapId = id(map_id, "map")?;
        let originals = element_ids.iter().map(|e| id::<ElementId>(e, "element")).collect::<Result<Vec<_>, _>>()?;
        let (copies, edits) = authoring::duplicate(self.doc()?, map, &originals, (dx, dy));
        if copies.is_empty() {
            return Err(AppError::new(ErrorCode::InvalidInput, "nothing on this map to duplicate"));
        }
        let label = if copies.len() == 1 { "Duplicate".to_owned() } else { format!("Duplicate {}", copies.len()) };
        self.apply(&label, &edits)?;
        Ok((copies.iter().map(ToString::to_string).collect(), self.map_view(map_id)?))
    }

    /// Places an element that already exists (from the model browser) on a map.
    pub fn place_element(&mut self, map_id: &str, element_id: &str, group_id: Option<&str>, x: f64, y: f64) -> Result<MapView, AppError> {
        let map: MapId = id(map_id, "map")?;
        let element: ElementId = id(element_id, "element")?;
        let group = group_id.map(|g| id::<GroupId>(g, "group")).transpose()?;
        if self.doc()?.placement(map, element).is_some() {
            return Err(AppError::new(ErrorCode::InvalidInput, "that element is already on this map"));
        }
        let (rect, mut edits) = placing::place_near(self.doc()?, map, group, (x, y));
        edits.push(Edit::PutPlacement(Placement { map, element, group, rect }));
        self.apply("Place on map", &edits)?;
        self.map_view(map_id)
    }

    /// Places several existing elements on a map at once (pasting elements
    /// copied from another map: the same elements, now on both); one undo step.
    pub fn place_elements(&mut self, map_id: &str, places: &[ItemMove]) -> Result<MapView, AppError> {
        let map: MapId = id(map_id, "map")?;
        let doc = self.doc()?;
        let mut edits = Vec::new();
        for place in places {
            let element: ElementId = id(&place.id, "element")?;
            if doc.element(element).is_none() {
                return Err(AppError::new(ErrorCode::UnknownId, format!("no element {}", place.id)));
            }
            if doc.placement(map, element).is_some() {
                continue; // already here: pasting it again changes nothing
            }
            let group = place.group_id.as_deref().map(|g| id::<GroupId>(g, "group")).transpose()?;
            let rect = Rect::new(place.x, place.y, tiermap_model::layout::NODE_WIDTH, tiermap_model::layout::NODE_HEIGHT);
            edits.push(Edit::PutPlacement(Placement { map, element, group, rect }));
        }
        if !edits.is_empty() {
            let label = if edits.len() == 1 { "Place on map".to_owned() } else { format!("Place {} on map", edits.len()) };
            self.apply(&label, &edits)?;
        }
        self.map_view(map_id)
    }

    /// Renames an element everywhere it appears.
    pub fn rename_element(&mut self, element_id: &str, new_name: &str) -> Result<DocumentView, AppError> {
        let element: ElementId = id(element_id, "element")?;
        let existing = self.doc()?.element(element).cloned().ok_or_else(|| AppError::new(ErrorCode::UnknownId, format!("no element {element_id}")))?;
        let renamed = Element { name: name(new_name, "element")?, ..existing };
        self.apply(&format!("Rename to {}", renamed.name), &[Edit::PutElement(renamed)])?;
        self.document()
    }

    /// Takes elements off one map; they stay in the document and on other maps.
    pub fn remove_from_map(&mut self, map_id: &str, element_ids: &[String]) -> Result<MapView, AppError> {
        let map: MapId = id(map_id, "map")?;
        let mut edits = Vec::new();
        for element in element_ids {
            edits.push(Edit::DeletePlacement { map, element: id(element, "element")? });
        }
        let label = if edits.len() == 1 { "Remove from map".to_owned() } else { format!("Remove {} from map", edits.len()) };
        self.apply(&label, &edits)?;
        self.map_view(map_id)
    }

    /// Deletes elements from the document, with everything that refers to them.
    pub fn delete_elements(&mut self, element_ids: &[String]) -> Result<DocumentView, AppError> {
        let mut plan = Vec::new();
        let mut doc = self.doc()?.clone();
        for element in element_ids {
            let steps = delete_element(&doc, id(element, "element")?);
            // Plan each deletion on the document as the previous ones leave it.
            doc.apply_all(&steps)?;
            plan.extend(steps);
        }
        let label = if element_ids.len() == 1 { "Delete element".to_owned() } else { format!("Delete {} elements", element_ids.len()) };
        self.apply(&label, &plan)?;
        self.document()
    }

    pub fn add_relation(&mut self, kind: &str, source_id: &str, target_id: &str) -> Result<String, AppError> {
        let kind: RelationKind = word(kind, "kind of relation")?;
        let relation = Relation::new(kind, id(source_id, "element")?, id(target_id, "element")?);
        let relation_id = relation.id;
        self.apply(&format!("Connect: {}", kind.label()), &[Edit::PutRelation(relation)])?;
        Ok(relation_id.to_string())
    }

    pub fn delete_relation(&mut self, relation_id: &str) -> Result<(), AppError> {
        let relation: RelationId = id(relation_id, "relation")?;
        self.apply("Delete relation", &[Edit::DeleteRelation { id: relation }])?;
        Ok(())
    }

    /// Makes a person an owner of an element or a group. A new accountable
    /// owner of the same role makes the previous accountable one a delegate,
    /// since one person must lead.
    pub fn assign_owner(&mut self, new: &NewOwnership) -> Result<String, AppError> {
        let doc = self.doc()?;
        let person: ElementId = id(&new.person_id, "person")?;
        let role: Role = word(&new.role, "role")?;
        let target = if let Ok(element) = ElementId::from_str(&new.target_id)
            && doc.element(element).is_some()
        {
            OwnedTarget::Element(element)
        } else {
            OwnedTarget::Group(id(&new.target_id, "element or group")?)
        };
        let mut edits: Vec<Edit> = Vec::new();
        if new.accountable {
            for previous in doc.ownerships_of(target).filter(|o| o.accountable && o.person != person) {
                edits.push(Edit::PutOwnership(Ownership { accountable: false, ..previous.clone() }));
            }
        }
        let existing = doc.ownerships_of(target).find(|o| o.person == person && o.role == role).map(|o| o.id);
        let ownership = Ownership { id: existing.unwrap_or_default(), person, target, role, accountable: new.accountable };
        let ownership_id = ownership.id;
        edits.push(Edit::PutOwnership(ownership));
        self.apply(&format!("Make {}", role.label().to_lowercase()), &edits)?;
        Ok(ownership_id.to_string())
    }

    pub fn remove_owner(&mut self, ownership_id: &str) -> Result<(), AppError> {
        let ownership: OwnershipId = id(ownership_id, "ownership")?;
        self.apply("Remove owner", &[Edit::DeleteOwnership { id: ownership }])?;
        Ok(())
    }

    pub fn add_group(&mut self, new: &NewGroup) -> Result<(String, MapView), AppError> {
        let group = Group {
            id: GroupId::new(),
            map: id(&new.map_id, "map")?,
            parent: new.parent_id.as_deref().map(|p| id::<GroupId>(p, "group")).transpose()?,
            kind: word(&new.kind, "kind of group")?,
            name: name(&new.name, "group")?,
            rect: Rect::new(new.x, new.y, new.width, new.height),
            collapsed: false,
        };
        let group_id = group.id;
        self.apply(&format!("Add group {}", group.name), &[Edit::PutGroup(group)])?;
        Ok((group_id.to_string(), self.map_view(&new.map_id)?))
    }

    pub fn rename_group(&mut self, group_id: &str, new_name: &str) -> Result<(), AppError> {
        let group: GroupId = id(group_id, "group")?;
        let existing = self.doc()?.group(group).cloned().ok_or_else(|| AppError::new(ErrorCode::UnknownId, format!("no group {group_id}")))?;
        let renamed = Group { name: name(new_name, "group")?, ..existing };
        self.apply(&format!("Rename group to {}", renamed.name), &[Edit::PutGroup(renamed)])?;
        Ok(())
    }

    /// Removes a group; what it held stays on the map where it was.
    pub fn dissolve_group(&mut self, group_id: &str) -> Result<(), AppError> {
        let group: GroupId = id(group_id, "group")?;
        let plan = dissolve_group(self.doc()?, group);
        if plan.is_empty() {
            return Err(AppError::new(ErrorCode::UnknownId, format!("no group {group_id}")));
        }
        self.apply("Remove group", &plan)?;
        Ok(())
    }

    /// A new map of a grouping model, laid out with that model's structure.
    pub fn new_map(&mut self, map_name: &str, model: &str) -> Result<(String, DocumentView), AppError> {
        let model: GroupingModel = word(model, "grouping model")?;
        let map = Map { id: MapId::new(), name: name(map_name, "map")?, model, position: self.doc()?.maps().len() as i64 };
        let map_id = map.id;
        let structure = starter_structure(self.doc()?, model);
        // Laid out as Arrange would: related members near each other.
        let mut members = std::collections::HashSet::new();
        let mut pending: Vec<&GroupSpec> = structure.iter().collect();
        while let Some(spec) = pending.pop() {
            members.extend(spec.members.iter().copied());
            pending.extend(&spec.children);
        }
        let links: Vec<(ElementId, ElementId)> = self
            .doc()?
            .relations()
            .filter(|r| members.contains(&r.source) && members.contains(&r.target))
            .map(|r| (r.source, r.target))
            .collect();
        let mut edits = vec![Edit::PutMap(map)];
        edits.extend(arrange_linked(map_id, Arrangement::for_model(model), &structure, &[], &links));
        self.apply(&format!("New {} map", model.label().to_lowercase()), &edits)?;
        Ok((map_id.to_string(), self.document()?))
    }

    /// Arranges a map by its grouping model (the same in the app and in
    /// exports), or only the given elements when there are any.
    pub fn arrange(&mut self, map_id: &str, element_ids: &[String]) -> Result<MapView, AppError> {
        let map: MapId = id(map_id, "map")?;
        let plan = if element_ids.is_empty() {
            arrange_map(self.doc()?, map)
        } else {
            let elements = element_ids.iter().map(|e| id::<ElementId>(e, "element")).collect::<Result<Vec<_>, _>>()?;
            arrange_selection(self.doc()?, map, &elements)
        };
        self.apply(if element_ids.is_empty() { "Arrange" } else { "Arrange selection" }, &plan)?;
        self.map_view(map_id)
    }

    /// The people of the document, by name.
    pub fn people(&self) -> Result<Vec<PersonSummary>, AppError> {
        let doc = self.doc()?;
        let mut people: Vec<PersonSummary> = doc.elements().filter(|e| e.kind == ElementKind::Person).map(|p| person_summary(doc, p)).collect();
        people.sort_by_key(|p| p.name.to_lowercase());
        Ok(people)
    }
}
