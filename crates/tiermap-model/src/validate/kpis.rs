//! kpi-missing, kpi-no-target: value realization.

use super::Diagnostic;
use super::index::Index;
use super::rules::{RuleId, Severity};
use crate::vocabulary::ElementKind;

pub(super) fn kpi_missing(index: &Index, out: &mut Vec<Diagnostic>) {
    for element in index.doc.elements().filter(|e| matches!(e.kind, ElementKind::Product | ElementKind::Service)) {
        if !index.kpis.contains_key(&element.id) {
            let message = format!("{} has no KPI", element.name);
            out.push(Diagnostic::new(RuleId::KpiMissing, Severity::Warning, message).with_elements(vec![element.id]));
        }
    }
}

pub(super) fn kpi_no_target(index: &Index, out: &mut Vec<Diagnostic>) {
    for kpi in index.doc.kpis() {
        if kpi.target.as_deref().is_none_or(|t| t.trim().is_empty()) {
            let message = format!("The KPI '{}' of {} has no target", kpi.name, index.name(kpi.element));
            out.push(Diagnostic::new(RuleId::KpiNoTarget, Severity::Info, message).with_elements(vec![kpi.element]));
        }
    }
}
