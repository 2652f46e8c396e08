//! Who owns what on a map: the owner badges of elements and groups, in the
//! order the app shows them (accountable owner first, then by tier).

use std::collections::BTreeMap;

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

/// "Ada Rivera" -> "AR"; "A. Rivera" -> "AR"; "Cher" -> "CH" (as the app shows them).
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters: String = match words.as_slice() {
        [] => String::new(),
        [one] => one
            .chars()
            .filter(|c| c.is_alphanumeric())
            .take(2)
            .collect(),
        [first, .., last] => [first, last]
            .iter()
            .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
            .collect(),
    };
    letters.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_first_and_last_word() {
        assert_eq!(initials("Ada Rivera"), "AR");
        assert_eq!(initials("A. Rivera"), "AR");
        assert_eq!(initials("Cher"), "CH");
        assert_eq!(initials("<b>&\"x\"</b>"), "BX");
        assert_eq!(initials(""), "");
    }
}
