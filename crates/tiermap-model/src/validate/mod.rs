//! Validation: the map checked against product-ownership practice.
//!
//! Never fails: [`validate`] returns a [`Report`] of diagnostics, each with a
//! stable rule id, a severity, a message naming the elements, their ids, the
//! practice's reason and a suggested fix. Rules can be switched off or given
//! another severity per document ([`ValidationSettings`]). Every algorithm is
//! iterative, so deep hierarchies and long cycles cannot overflow the stack.

mod hierarchy;
mod id_hash;
mod index;
mod kpis;
mod ownership;
mod rules;
mod settings;
mod structure;

use serde::Serialize;

pub use rules::{RuleId, Severity};
pub use settings::{RuleSetting, ValidationSettings};
pub use structure::fits;

use crate::document::Document;
use crate::ids::{ElementId, GroupId, MapId};
use index::Index;

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// One line that names the elements involved.
    pub message: String,
    /// The elements involved, the one the finding is about first.
    pub elements: Vec<ElementId>,
    /// The map the finding is about, when it is about one map.
    pub map: Option<MapId>,
    /// The group the finding is about, when it is about a group.
    pub group: Option<GroupId>,
    /// What usually fixes it (the rule's advice unless the rule said more).
    pub fix: String,
}

impl Diagnostic {
    pub(crate) fn new(rule: RuleId, severity: Severity, message: String) -> Self {
        Diagnostic { rule, severity, message, elements: Vec::new(), map: None, group: None, fix: rule.fix().to_owned() }
    }
    pub(crate) fn with_elements(mut self, elements: Vec<ElementId>) -> Self {
        self.elements = elements;
        self
    }
    pub(crate) fn with_message(mut self, message: String) -> Self {
        self.message = message;
        self
    }
    pub(crate) fn with_fix(mut self, fix: String) -> Self {
        self.fix = fix;
        self
    }
    pub(crate) fn on_map(mut self, map: MapId) -> Self {
        self.map = Some(map);
        self
    }
    pub(crate) fn on_group(mut self, group: GroupId) -> Self {
        self.group = Some(group);
        self
    }

    /// Why the practice cares.
    pub fn explanation(&self) -> &'static str {
        self.rule.explanation()
    }
}

/// Everything validation found, errors first.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The findings that concern one map: about the map itself, or about an
    /// element placed on it.
    pub fn for_map(&self, doc: &Document, map: MapId) -> Report {
        let diagnostics = self
            .diagnostics
            .iter()
            .filter(|d| match d.map {
                Some(m) => m == map,
                None => d.elements.iter().any(|e| doc.placement(map, *e).is_some())
                    || d.group.is_some_and(|g| doc.group(g).is_some_and(|g| g.map == map)),
            })
            .cloned()
            .collect();
        Report { diagnostics }
    }
}

/// Checks the whole document with its own settings.
pub fn validate(doc: &Document) -> Report {
    let settings = doc.validation_settings();
    let index = Index::new(doc);
    let mut found = Vec::new();
    let run = |rule: RuleId| settings.is_enabled(rule);
    if run(RuleId::HierarchyCycle) {
        hierarchy::cycles(&index, &mut found);
    }
    if run(RuleId::MultipleParents) {
        hierarchy::multiple_parents(&index, &mut found);
    }
    if run(RuleId::PyramidApex) {
        hierarchy::pyramid_apex(&index, &mut found);
    }
    if run(RuleId::OwnerMissing) {
        ownership::owner_missing(&index, &mut found);
    }
    if run(RuleId::OwnerShared) {
        ownership::owner_shared(&index, &mut found);
    }
    if run(RuleId::TierInversion) {
        ownership::tier_inversion(&index, &mut found);
    }
    if run(RuleId::OwnerOverload) {
        ownership::owner_overload(&index, settings, &mut found);
    }
    if run(RuleId::KpiMissing) {
        kpis::kpi_missing(&index, &mut found);
    }
    if run(RuleId::KpiNoTarget) {
        kpis::kpi_no_target(&index, &mut found);
    }
    if run(RuleId::SupportMissing) {
        structure::support_missing(&index, &mut found);
    }
    if run(RuleId::GroupMisfit) {
        structure::group_misfit(&index, &mut found);
    }
    for diagnostic in &mut found {
        diagnostic.severity = settings.severity(diagnostic.rule, diagnostic.severity);
    }
    // Errors first, then by rule and message: the same document always reads the same.
    found.sort_by(|a, b| (a.severity, a.rule, &a.message).cmp(&(b.severity, b.rule, &b.message)));
    Report { diagnostics: found }
}
