//! The JSON interchange format: every record of a document, with a format
//! name and version. Pure data: tiermap-export writes it, tiermap-import
//! reads it. Unknown top-level fields are refused rather than dropped
//! silently, so any new field bumps [`FORMAT_VERSION`].

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::edit::Edit;
use crate::records::{ActivityCell, CapabilityScore, Element, Group, Kpi, Map, Ownership, Placement, Relation};
use crate::validate::ValidationSettings;

/// The `format` value of every Tiermap JSON file.
pub const FORMAT_NAME: &str = "tiermap";
/// The version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole document as JSON. Lists are in the document's deterministic order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interchange {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub elements: Vec<Element>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub maps: Vec<Map>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub placements: Vec<Placement>,
    #[serde(default)]
    pub ownerships: Vec<Ownership>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub capability_scores: Vec<CapabilityScore>,
    #[serde(default)]
    pub activity_matrix: Vec<ActivityCell>,
    #[serde(default)]
    pub validation: ValidationSettings,
}

/// Just the header, read first so that a file of another version is
/// reported as such, not as a pile of field errors.
#[derive(Debug, Clone, Deserialize)]
pub struct InterchangeHeader {
    pub format: Option<String>,
    pub version: Option<u32>,
}

impl Interchange {
    pub fn from_document(doc: &Document) -> Self {
        let mut groups: Vec<Group> = doc.groups().cloned().collect();
        groups.sort_by_key(|g| (doc.group_depth(g.id), g.id));
        Interchange {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            elements: doc.elements().cloned().collect(),
            relations: doc.relations().cloned().collect(),
            maps: doc.maps().into_iter().cloned().collect(),
            groups,
            placements: doc.placements().cloned().collect(),
            ownerships: doc.ownerships().cloned().collect(),
            kpis: doc.kpis().cloned().collect(),
            capability_scores: doc.scores().cloned().collect(),
            activity_matrix: doc.activities().cloned().collect(),
            validation: doc.validation_settings().clone(),
        }
    }

    /// The edits that build this document, each with where it came from in
    /// the file (`"relations[3]"`), for error messages. Parents come before
    /// the records that refer to them, whatever order the file had.
    pub fn into_located_edits(self) -> Vec<(String, Edit)> {
        fn located<T>(list: Vec<T>, name: &'static str, edit: fn(T) -> Edit) -> impl Iterator<Item = (String, Edit)> {
            list.into_iter().enumerate().map(move |(i, r)| (format!("{name}[{i}]"), edit(r)))
        }
        let mut groups: Vec<(usize, Group)> = self.groups.into_iter().enumerate().collect();
        sort_parents_first(&mut groups);
        let mut edits: Vec<(String, Edit)> = Vec::new();
        edits.extend(located(self.elements, "elements", Edit::PutElement));
        edits.extend(located(self.relations, "relations", Edit::PutRelation));
        edits.extend(located(self.maps, "maps", Edit::PutMap));
        edits.extend(groups.into_iter().map(|(i, g)| (format!("groups[{i}]"), Edit::PutGroup(g))));
        edits.extend(located(self.placements, "placements", Edit::PutPlacement));
        edits.extend(located(self.ownerships, "ownerships", Edit::PutOwnership));
        edits.extend(located(self.kpis, "kpis", Edit::PutKpi));
        edits.extend(located(self.capability_scores, "capability_scores", Edit::PutScore));
        edits.extend(located(self.activity_matrix, "activity_matrix", Edit::PutActivity));
        edits.push(("validation".to_owned(), Edit::PutValidationSettings(self.validation)));
        edits
    }
}

/// Orders groups so each comes after its parent; groups whose parent is
/// missing or in a cycle keep their place at the end, where applying them
/// reports the problem.
fn sort_parents_first(groups: &mut Vec<(usize, Group)>) {
    let mut placed = std::collections::BTreeSet::new();
    let mut ordered = Vec::with_capacity(groups.len());
    let mut pending = std::mem::take(groups);
    loop {
        let before = pending.len();
        let (ready, rest): (Vec<_>, Vec<_>) =
            pending.into_iter().partition(|(_, g)| g.parent.is_none_or(|p| placed.contains(&p)));
        for (i, g) in ready {
            placed.insert(g.id);
            ordered.push((i, g));
        }
        pending = rest;
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    ordered.extend(pending);
    *groups = ordered;
}
