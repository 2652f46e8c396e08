//! Tiermap's domain model: the elements, relations, maps, groups, owners and
//! KPIs of DOMAIN.md, and the edits that change them.
//!
//! Promises:
//! - No IO. Everything here is plain data and pure functions, so it tests in
//!   milliseconds and the store, the CLI and the app share one behaviour.
//! - A [`Document`] changes only through [`Edit`]s; applying one checks every
//!   reference first and returns its exact inverse (undo is data).
//! - Iteration order is deterministic (ordered maps keyed by time-ordered ids).

pub mod authoring;
pub mod capture;
mod document;
mod edit;
mod error;
mod ids;
pub mod interchange;
pub mod layout;
pub mod outline;
pub mod placing;
pub mod plan;
pub mod presentation;
mod records;
pub mod spreadsheet;
pub mod validate;
mod vocabulary;

pub use document::Document;
pub use edit::Edit;
pub use error::ModelError;
pub use ids::{ElementId, GroupId, KpiId, MapId, OwnershipId, RelationId};
pub use records::{
    ActivityCell, CapabilityScore, Element, Group, Kpi, Map, OwnedTarget, Ownership, Placement,
    Rect, Relation,
};
pub use vocabulary::{
    Activity, CapabilityPart, ElementKind, GroupKind, GroupingModel, Lifecycle, RelationKind,
    Responsibility, Role,
};
