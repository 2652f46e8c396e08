//! owner-missing, owner-shared, tier-inversion, owner-overload: who decides.

use std::collections::{BTreeMap, BTreeSet};

use super::Diagnostic;
use super::index::Index;
use super::rules::{RuleId, Severity};
use super::settings::ValidationSettings;
use crate::ids::ElementId;
use crate::records::OwnedTarget;
use crate::vocabulary::{ElementKind, Role};

pub(super) fn owner_missing(index: &Index, out: &mut Vec<Diagnostic>) {
    for element in index.doc.elements().filter(|e| e.kind.is_ownable_offering()) {
        if index.owners_of(OwnedTarget::Element(element.id)).is_empty() {
            let message = format!("{} ({}) has no accountable owner", element.name, element.kind.label().to_lowercase());
            out.push(Diagnostic::new(RuleId::OwnerMissing, Severity::Warning, message).with_elements(vec![element.id]));
        }
    }
}

pub(super) fn owner_shared(index: &Index, out: &mut Vec<Diagnostic>) {
    let mut targets: Vec<&OwnedTarget> = index.accountable.keys().collect();
    targets.sort();
    for target in targets {
        let people: BTreeSet<ElementId> = index.accountable[target].iter().map(|o| o.person).collect();
        if people.len() < 2 {
            continue;
        }
        let people: Vec<ElementId> = people.into_iter().collect();
        let (what, diagnostic) = match target {
            OwnedTarget::Element(id) => {
                let mut involved = vec![*id];
                involved.extend(&people);
                (index.name(*id).to_owned(), Diagnostic::new(RuleId::OwnerShared, Severity::Warning, String::new()).with_elements(involved))
            }
            OwnedTarget::Group(id) => {
                let name = index.doc.group(*id).map(|g| g.name.clone()).unwrap_or_default();
                let diagnostic = Diagnostic::new(RuleId::OwnerShared, Severity::Warning, String::new()).with_elements(people.clone()).on_group(*id);
                (format!("the group {name}"), diagnostic)
            }
        };
        let message = format!("{what} has {} accountable owners: {}; one must lead", people.len(), index.names(&people));
        let fix = format!("Keep one of {} as the accountable owner and make the others delegates.", index.names(&people));
        out.push(diagnostic.with_message(message).with_fix(fix));
    }
}

/// A parent's accountable owner must not be of a lower tier (a larger
/// number) than the accountable owner of an element that rolls up to it.
pub(super) fn tier_inversion(index: &Index, out: &mut Vec<Diagnostic>) {
    let mut children: Vec<&ElementId> = index.parents.keys().collect();
    children.sort();
    for child in children {
        let Some((child_tier, child_owner)) = index.owner_tier(*child) else { continue };
        for parent in &index.parents[child] {
            let Some((parent_tier, parent_owner)) = index.owner_tier(*parent) else { continue };
            if parent_tier > child_tier {
                let message = format!(
                    "{} (tier {parent_tier}, owns {}) is above {} (tier {child_tier}, owns {})",
                    index.name(parent_owner),
                    index.name(*parent),
                    index.name(child_owner),
                    index.name(*child),
                );
                out.push(
                    Diagnostic::new(RuleId::TierInversion, Severity::Error, message)
                        .with_elements(vec![*parent, *child, parent_owner, child_owner]),
                );
            }
        }
    }
}

pub(super) fn owner_overload(index: &Index, settings: &ValidationSettings, out: &mut Vec<Diagnostic>) {
    let mut owned: BTreeMap<ElementId, Vec<ElementId>> = BTreeMap::new();
    for ownership in index.doc.ownerships().filter(|o| o.accountable && matches!(o.role, Role::ProductOwner | Role::ServiceOwner)) {
        let OwnedTarget::Element(target) = ownership.target else { continue };
        if index.doc.element(target).is_some_and(|e| matches!(e.kind, ElementKind::Product | ElementKind::Service)) {
            owned.entry(ownership.person).or_default().push(target);
        }
    }
    for (person, products) in owned {
        let teams: BTreeSet<ElementId> = products.iter().flat_map(|p| index.teams_of.get(p).into_iter().flatten()).copied().collect();
        let too_many_products = products.len() > settings.max_products_per_owner as usize;
        let too_many_teams = teams.len() > settings.max_teams_per_owner as usize;
        if !too_many_products && !too_many_teams {
            continue;
        }
        let mut parts = Vec::new();
        if too_many_products {
            parts.push(format!("{} products and services (more than {})", products.len(), settings.max_products_per_owner));
        }
        if too_many_teams {
            parts.push(format!("{} teams (more than {})", teams.len(), settings.max_teams_per_owner));
        }
        let message = format!("{} is the product owner of {}", index.name(person), parts.join(" and "));
        let mut involved = vec![person];
        involved.extend(&products);
        out.push(Diagnostic::new(RuleId::OwnerOverload, Severity::Warning, message).with_elements(involved));
    }
}
