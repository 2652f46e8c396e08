//! support-missing, group-misfit: what the map says about how things fit.

use super::Diagnostic;
use super::index::Index;
use super::rules::{RuleId, Severity};
use crate::vocabulary::{ElementKind as K, GroupingModel};

pub(super) fn support_missing(index: &Index, out: &mut Vec<Diagnostic>) {
    for (n, element) in index.elements.iter().enumerate() {
        if element.kind == K::Product && element.external && !index.supported[n] {
            let message = format!("{} is an external product with no supporting service, application or platform", element.name);
            out.push(Diagnostic::new(RuleId::SupportMissing, Severity::Warning, message).with_elements(vec![element.id]));
        }
    }
}

/// Whether an element of `kind` belongs in a group of a map with `model`.
pub fn fits(model: GroupingModel, kind: K) -> bool {
    match model {
        _ if kind == K::Person => false,
        GroupingModel::Pyramid => !matches!(kind, K::MarketSegment | K::OrgUnit | K::Team),
        GroupingModel::Service => matches!(kind, K::ServiceArea | K::Product | K::Service | K::Family),
        GroupingModel::Technical => matches!(kind, K::Application | K::Platform | K::Infrastructure | K::Service | K::Family),
        GroupingModel::Market => matches!(kind, K::Product | K::Service | K::Family | K::MarketSegment),
        GroupingModel::Organizational => {
            matches!(kind, K::ServiceArea | K::Product | K::Service | K::Family | K::OrgUnit | K::Team)
        }
        GroupingModel::Freeform => true,
    }
}

pub(super) fn group_misfit(index: &Index, out: &mut Vec<Diagnostic>) {
    for map in index.doc.maps() {
        for placement in index.doc.placements_of(map.id) {
            let Some(group_id) = placement.group else { continue };
            let Some(element) = index.number.get(&placement.element).map(|n| index.elements[*n as usize]) else { continue };
            if fits(map.model, element.kind) {
                continue;
            }
            let group = index.doc.group(group_id).map(|g| g.name.as_str()).unwrap_or("?");
            let message = if element.kind == K::Person {
                format!("{} is a person placed in '{group}' on '{}': people are owners, not products", element.name, map.name)
            } else {
                format!(
                    "{} ({}) does not belong in '{group}': '{}' is a {}",
                    element.name,
                    element.kind.label().to_lowercase(),
                    map.name,
                    map.model.label().to_lowercase()
                )
            };
            out.push(
                Diagnostic::new(RuleId::GroupMisfit, Severity::Warning, message)
                    .with_elements(vec![element.id])
                    .on_map(map.id)
                    .on_group(group_id),
            );
        }
    }
}
