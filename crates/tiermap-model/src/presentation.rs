//! What every picture of a map agrees on, whether the canvas draws it or an
//! export does: how a person shows as initials, and which relations a map
//! already says by putting one box inside another (ARCHITECTURE.md
//! invariant 12).

use crate::document::Document;
use crate::ids::ElementId;
use crate::records::{Map, Relation};

/// "Ada Rivera" -> "AR"; "A. Rivera" -> "AR"; "Cher" -> "CH".
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters: String = match words.as_slice() {
        [] => String::new(),
        [one] => one.chars().filter(|c| c.is_alphanumeric()).take(2).collect(),
        [first, .., last] => [first, last].iter().filter_map(|w| w.chars().find(|c| c.is_alphanumeric())).collect(),
    };
    letters.to_uppercase()
}

/// True when the map already says what `relation` says by containment: its
/// model's containment relation, with the source inside the target's group.
/// Drawing the line too would only add clutter across the container.
pub fn shown_by_containment(doc: &Document, map: &Map, relation: &Relation) -> bool {
    if map.model.containment_relation() != Some(relation.kind) {
        return false;
    }
    let group_of = |element: ElementId| doc.placement(map.id, element).and_then(|p| p.group);
    let (Some(target_group), Some(mut current)) = (group_of(relation.target), group_of(relation.source)) else {
        return false;
    };
    // Walk up from the source's group; meeting the target's group means "inside it".
    for _ in 0..=doc.groups_of(map.id).len() {
        if current == target_group {
            return true;
        }
        match doc.group(current).and_then(|g| g.parent) {
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_first_and_last_word() {
        assert_eq!(initials("Ada Rivera"), "AR");
        assert_eq!(initials("A. Rivera"), "AR");
        assert_eq!(initials("Mary Ann van Dyke"), "MD");
        assert_eq!(initials("cher"), "CH");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("Élodie Ürün"), "ÉÜ");
        assert_eq!(initials("<b>&\"x\"</b>"), "BX");
    }
}
