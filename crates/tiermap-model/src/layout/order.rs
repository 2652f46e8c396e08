//! Ordering the members of tiers and lanes by their relations, one pass from
//! the top down (the barycentric heuristic of layered drawing): an element
//! related to elements in the groups above moves to the mean of their
//! places, so children sit under their parents and lines cross less.
//! Elements with no relation upwards keep their place, and the members it
//! moves take the places such members held, so ordering an ordered map
//! changes nothing.

use std::collections::HashMap;

use super::GroupSpec;
use crate::ids::ElementId;

pub fn by_relations(groups: &[GroupSpec], links: &[(ElementId, ElementId)]) -> Vec<GroupSpec> {
    let mut neighbours: HashMap<ElementId, Vec<ElementId>> = HashMap::new();
    for &(a, b) in links {
        if a != b {
            neighbours.entry(a).or_default().push(b);
            neighbours.entry(b).or_default().push(a);
        }
    }
    // Where each member of an earlier group sits, from 0 (left) to 1 (right).
    let mut place: HashMap<ElementId, f64> = HashMap::new();
    let mut ordered = groups.to_vec();
    for top in &mut ordered {
        let mut stack: Vec<&mut GroupSpec> = vec![top];
        while let Some(spec) = stack.pop() {
            reorder(&mut spec.members, &neighbours, &place);
            let n = spec.members.len() as f64;
            for (i, member) in spec.members.iter().enumerate() {
                place.insert(*member, (i as f64 + 0.5) / n);
            }
            stack.extend(spec.children.iter_mut().rev());
        }
    }
    ordered
}

fn reorder(
    members: &mut [ElementId],
    neighbours: &HashMap<ElementId, Vec<ElementId>>,
    place: &HashMap<ElementId, f64>,
) {
    let mut slots = Vec::new();
    let mut keyed: Vec<(f64, ElementId)> = Vec::new();
    for (slot, member) in members.iter().enumerate() {
        let above: Vec<f64> = neighbours
            .get(member)
            .into_iter()
            .flatten()
            .filter_map(|n| place.get(n).copied())
            .collect();
        if !above.is_empty() {
            slots.push(slot);
            keyed.push((above.iter().sum::<f64>() / above.len() as f64, *member));
        }
    }
    // Stable: equal means keep the order they had.
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (slot, (_, member)) in slots.into_iter().zip(keyed) {
        members[slot] = member;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::GroupKind;

    #[test]
    fn children_move_under_their_parents_and_unrelated_members_stay() {
        let top: Vec<ElementId> = (0..3).map(|_| ElementId::new()).collect();
        let below: Vec<ElementId> = (0..4).map(|_| ElementId::new()).collect();
        // below[0] belongs to top[2], below[1] to nothing, below[2] to top[0], below[3] to top[1].
        let links = [(below[0], top[2]), (below[2], top[0]), (below[3], top[1])];
        let groups = [
            GroupSpec::new("Products", GroupKind::Tier, top.clone()),
            GroupSpec::new("Services", GroupKind::Tier, below.clone()),
        ];
        let ordered = by_relations(&groups, &links);
        assert_eq!(ordered[0].members, top, "the top tier keeps its order");
        assert_eq!(ordered[1].members, [below[2], below[1], below[3], below[0]]);
        assert_eq!(
            by_relations(&ordered, &links),
            ordered,
            "ordering again changes nothing"
        );
    }
}
