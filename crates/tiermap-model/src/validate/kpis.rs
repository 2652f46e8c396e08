//! kpi-missing, kpi-no-target: value realization.

use super::Diagnostic;
use super::index::Index;
use super::rules::{RuleId, Severity};
use crate::vocabulary::ElementKind;

pub(super) fn kpi_missing(index: &Index, out: &mut Vec<Diagnostic>) {
    for (n, element) in index.elements.iter().enumerate() {
        if matches!(element.kind, ElementKind::Product | ElementKind::Service) && !index.has_kpi[n] {
            let message = format!("{} has no KPI", element.name);
            out.push(Diagnostic::new(RuleId::KpiMissing, Severity::Warning, message).with_elements(vec![element.id]));
        }
    }
}

pub(super) fn kpi_no_target(index: &Index, out: &mut Vec<Diagnostic>) {
    for kpi in index.doc.kpis() {
        if kpi.target.as_deref().is_none_or(|t| t.trim().is_empty()) {
            let owner = index.number.get(&kpi.element).map(|n| index.name(*n)).unwrap_or("?");
            let message = format!("The KPI '{}' of {owner} has no target", kpi.name);
            out.push(Diagnostic::new(RuleId::KpiNoTarget, Severity::Info, message).with_elements(vec![kpi.element]));
        }
    }
}
