//! Who owns what on a map: the owner badges of elements and groups, in the
//! order the app shows them (accountable owner first, then by tier).

use std::collections::BTreeMap;

use tiermap_model::presentation::initials;
use tiermap_model::{Document, OwnedTarget, Ownership};

/// One owner as a badge: initials in the colour of the role's tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Owner {
    pub name: String,
    pub initials: String,
    pub role_label: &'static str,
    pub tier: u8,
    pub accountable: bool,
}

/// Every ownership of the document, by what it is held over.
pub fn owners_by_target(doc: &Document) -> BTreeMap<OwnedTarget, Vec<Owner>> {
    let mut by_target: BTreeMap<OwnedTarget, Vec<Owner>> = BTreeMap::new();
    for ownership in doc.ownerships() {
        if let Some(owner) = owner(doc, ownership) {
            by_target.entry(ownership.target).or_default().push(owner);
        }
    }
    for owners in by_target.values_mut() {
        owners.sort_by(|a, b| {
            (!a.accountable, a.tier, &a.name).cmp(&(!b.accountable, b.tier, &b.name))
        });
    }
    by_target
}

fn owner(doc: &Document, ownership: &Ownership) -> Option<Owner> {
    let person = doc.element(ownership.person)?;
    Some(Owner {
        name: person.name.clone(),
        initials: initials(&person.name),
        role_label: ownership.role.label(),
        tier: ownership.role.tier(),
        accountable: ownership.accountable,
    })
}
