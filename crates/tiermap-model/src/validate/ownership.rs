//! owner-missing, owner-shared, tier-inversion, owner-overload: who decides.

use std::collections::BTreeMap;

use super::Diagnostic;
use super::index::{Index, Num};
use super::rules::{RuleId, Severity};
use super::settings::ValidationSettings;
use crate::records::OwnedTarget;
use crate::vocabulary::{ElementKind, Role};

pub(super) fn owner_missing(index: &Index, out: &mut Vec<Diagnostic>) {
    for (n, element) in index.elements.iter().enumerate() {
        if element.kind.is_ownable_offering() && index.accountable[n] == 0 {
            let message = format!("{} ({}) has no accountable owner", element.name, element.kind.label().to_lowercase());
            out.push(Diagnostic::new(RuleId::OwnerMissing, Severity::Warning, message).with_elements(vec![element.id]));
        }
    }
}

pub(super) fn owner_shared(index: &Index, out: &mut Vec<Diagnostic>) {
    // (target, person) of every accountable ownership, sorted: one run per target.
    let mut pairs: Vec<(OwnedTarget, Num)> = index
        .doc
        .ownerships()
        .filter(|o| o.accountable)
        .filter_map(|o| Some((o.target, *index.number.get(&o.person)?)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    for run in pairs.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        let mut people: Vec<Num> = run.iter().map(|(_, p)| *p).collect();
        index.sort_by_name(&mut people);
        let diagnostic = Diagnostic::new(RuleId::OwnerShared, Severity::Warning, String::new());
        let (what, diagnostic) = match run[0].0 {
            OwnedTarget::Element(id) => {
                let name = index.number.get(&id).map(|n| index.name(*n).to_owned()).unwrap_or_default();
                let mut involved = vec![id];
                involved.extend(index.ids(&people));
                (name, diagnostic.with_elements(involved))
            }
            OwnedTarget::Group(id) => {
                let name = index.doc.group(id).map(|g| g.name.clone()).unwrap_or_default();
                (format!("the group {name}"), diagnostic.with_elements(index.ids(&people)).on_group(id))
            }
        };
        let names = index.names(&people);
        let message = format!("{what} has {} accountable owners: {names}; one must lead", people.len());
        let fix = format!("Keep one of {names} as the accountable owner and make the others delegates.");
        out.push(diagnostic.with_message(message).with_fix(fix));
    }
}

/// A parent's accountable owner must not be of a lower tier (a larger
/// number) than the accountable owner of an element that rolls up to it.
pub(super) fn tier_inversion(index: &Index, out: &mut Vec<Diagnostic>) {
    for (child, parent) in index.roll_ups() {
        let (Some((child_tier, child_owner)), Some((parent_tier, parent_owner))) =
            (index.owner_tier[child as usize], index.owner_tier[parent as usize])
        else {
            continue;
        };
        if parent_tier > child_tier {
            let message = format!(
                "{} (tier {parent_tier}, owns {}) is above {} (tier {child_tier}, owns {})",
                index.name(parent_owner),
                index.name(parent),
                index.name(child_owner),
                index.name(child),
            );
            let involved = index.ids(&[parent, child, parent_owner, child_owner]);
            out.push(Diagnostic::new(RuleId::TierInversion, Severity::Error, message).with_elements(involved));
        }
    }
}

pub(super) fn owner_overload(index: &Index, settings: &ValidationSettings, out: &mut Vec<Diagnostic>) {
    let mut owned: BTreeMap<Num, Vec<Num>> = BTreeMap::new();
    for ownership in index.doc.ownerships().filter(|o| o.accountable && matches!(o.role, Role::ProductOwner | Role::ServiceOwner)) {
        let OwnedTarget::Element(target) = ownership.target else { continue };
        let (Some(target), Some(person)) = (index.number.get(&target), index.number.get(&ownership.person)) else { continue };
        if matches!(index.elements[*target as usize].kind, ElementKind::Product | ElementKind::Service) {
            owned.entry(*person).or_default().push(*target);
        }
    }
    for (person, mut products) in owned {
        products.sort_unstable();
        products.dedup();
        let mut teams: Vec<Num> = products.iter().flat_map(|p| index.teams_of.get(p).into_iter().flatten()).copied().collect();
        teams.sort_unstable();
        teams.dedup();
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
        out.push(Diagnostic::new(RuleId::OwnerOverload, Severity::Warning, message).with_elements(index.ids(&involved)));
    }
}
