//! hierarchy-cycle, multiple-parents, pyramid-apex: the shape of the roll-up.

use petgraph::algo::kosaraju_scc;
use petgraph::graph::DiGraph;

use super::Diagnostic;
use super::index::{Index, Num};
use super::rules::{RuleId, Severity};
use crate::vocabulary::{ElementKind, GroupingModel};

/// Every loop of rolls_up_to, naming each member. Kosaraju's algorithm in
/// petgraph walks with an explicit stack (its Tarjan recurses), so a
/// 100,000-long chain is safe.
pub(super) fn cycles(index: &Index, out: &mut Vec<Diagnostic>) {
    let mut graph: DiGraph<(), (), u32> = DiGraph::with_capacity(index.len(), index.len());
    for _ in 0..index.len() {
        graph.add_node(());
    }
    for (child, parent) in index.roll_ups() {
        graph.add_edge(child.into(), parent.into(), ());
    }
    for component in kosaraju_scc(&graph) {
        if component.len() < 2 {
            continue;
        }
        let mut members: Vec<Num> = component.iter().map(|n| n.index() as Num).collect();
        index.sort_by_name(&mut members);
        let message = format!("{} roll up to each other in a loop", index.names(&members));
        out.push(Diagnostic::new(RuleId::HierarchyCycle, Severity::Error, message).with_elements(index.ids(&members)));
    }
}

pub(super) fn multiple_parents(index: &Index, out: &mut Vec<Diagnostic>) {
    for child in 0..index.len() as Num {
        if index.parents(child).len() < 2 {
            continue;
        }
        let mut parents = index.parents(child).to_vec();
        parents.sort_unstable();
        parents.dedup();
        if parents.len() < 2 {
            continue;
        }
        index.sort_by_name(&mut parents);
        // An error where the map is a pyramid (one hierarchy), a warning elsewhere.
        let natural = if index.on_pyramid[child as usize] { Severity::Error } else { Severity::Warning };
        let message = format!("{} rolls up to {} parents: {}", index.name(child), parents.len(), index.names(&parents));
        let mut involved = vec![child];
        involved.extend(&parents);
        out.push(Diagnostic::new(RuleId::MultipleParents, natural, message).with_elements(index.ids(&involved)));
    }
}

/// On each pyramid map, the placed elements must have exactly one top: one
/// element whose parents are all off the map.
pub(super) fn pyramid_apex(index: &Index, out: &mut Vec<Diagnostic>) {
    let mut placed = vec![false; index.len()];
    for map in index.doc.maps().into_iter().filter(|m| m.model == GroupingModel::Pyramid) {
        let members: Vec<Num> = index
            .doc
            .placements_of(map.id)
            .filter_map(|p| index.number.get(&p.element).copied())
            .filter(|n| index.elements[*n as usize].kind != ElementKind::Person)
            .collect();
        if members.is_empty() {
            continue;
        }
        for n in &members {
            placed[*n as usize] = true;
        }
        let mut apexes: Vec<Num> =
            members.iter().copied().filter(|n| !index.parents(*n).iter().any(|p| placed[*p as usize])).collect();
        for n in &members {
            placed[*n as usize] = false;
        }
        index.sort_by_name(&mut apexes);
        let message = match apexes.len() {
            1 => continue,
            0 => format!("The pyramid '{}' has no apex: its hierarchy loops", map.name),
            n => format!("The pyramid '{}' has {n} apexes: {}", map.name, index.names(&apexes)),
        };
        out.push(Diagnostic::new(RuleId::PyramidApex, Severity::Error, message).with_elements(index.ids(&apexes)).on_map(map.id));
    }
}
