//! The records a document is made of. Each is plain data; the document
//! (document.rs) keeps them consistent and edits (edit.rs) change them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{ElementId, GroupId, KpiId, MapId, OwnershipId, RelationId};
use crate::vocabulary::{
    Activity, CapabilityPart, ElementKind, GroupKind, GroupingModel, Lifecycle, RelationKind,
    Responsibility, Role,
};

/// A rectangle in map units (pixels at zoom 1). Positions of things inside a
/// group are relative to the group's top-left corner, as on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Rect { x, y, width, height }
    }
}

/// Something on the map: a product, service, asset, segment, unit, team or person.
/// The same element can be placed on several maps; it exists once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Element {
    pub id: ElementId,
    pub kind: ElementKind,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub external: bool,
    #[serde(default)]
    pub lifecycle: Option<Lifecycle>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub properties: BTreeMap<String, String>,
}

impl Element {
    /// A new element with a fresh id and everything else empty.
    pub fn new(kind: ElementKind, name: impl Into<String>) -> Self {
        Element {
            id: ElementId::new(),
            kind,
            name: name.into(),
            description: String::new(),
            external: false,
            lifecycle: None,
            tags: Vec::new(),
            properties: BTreeMap::new(),
        }
    }
}

/// A directed relation: `source` rolls up to / supports / serves ... `target`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub id: RelationId,
    pub kind: RelationKind,
    pub source: ElementId,
    pub target: ElementId,
}

impl Relation {
    pub fn new(kind: RelationKind, source: ElementId, target: ElementId) -> Self {
        Relation { id: RelationId::new(), kind, source, target }
    }
}

/// A map: one arrangement of elements under one grouping model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Map {
    pub id: MapId,
    pub name: String,
    pub model: GroupingModel,
    /// Order of the map's tab among the document's maps.
    pub position: i64,
}

/// A container on a map (a tier, family, platform group, segment lane or division).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: GroupId,
    pub map: MapId,
    /// The enclosing group, if nested; `rect` is relative to it.
    pub parent: Option<GroupId>,
    pub kind: GroupKind,
    pub name: String,
    pub rect: Rect,
    #[serde(default)]
    pub collapsed: bool,
}

/// An element placed on a map, inside a group or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub map: MapId,
    pub element: ElementId,
    /// The group holding the element; `rect` is relative to it.
    pub group: Option<GroupId>,
    pub rect: Rect,
}

/// What an ownership is held over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnedTarget {
    Element(ElementId),
    Group(GroupId),
}

/// A person holding an ownership role on an element or a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ownership {
    pub id: OwnershipId,
    pub person: ElementId,
    pub target: OwnedTarget,
    pub role: Role,
    /// The one accountable decision maker; others are delegates.
    pub accountable: bool,
}

/// A key performance indicator of an element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub id: KpiId,
    pub element: ElementId,
    pub name: String,
    #[serde(default)]
    pub value_source: String,
    #[serde(default)]
    pub objective: String,
    #[serde(default)]
    pub collection_method: String,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub current_value: Option<String>,
    /// Order among the element's KPIs.
    #[serde(default)]
    pub position: i64,
}

/// One person's score (0-4) on one part of the capability model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapabilityScore {
    pub person: ElementId,
    pub part: CapabilityPart,
    pub score: u8,
    #[serde(default)]
    pub note: String,
}

/// One cell of the activity matrix: how a role takes part in an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityCell {
    pub activity: Activity,
    pub role: Role,
    pub responsibility: Responsibility,
}
