//! hierarchy-cycle, multiple-parents, pyramid-apex: the shape of the roll-up.

use std::collections::{HashMap, HashSet};

use petgraph::algo::kosaraju_scc;
use petgraph::graph::DiGraph;

use super::index::Index;
use super::Diagnostic;
use crate::ids::ElementId;
use super::rules::{RuleId, Severity};
use crate::vocabulary::{ElementKind, GroupingModel};

/// Every loop of rolls_up_to, naming each member. Kosaraju's algorithm in
/// petgraph walks with an explicit stack, so a 100,000-long chain is safe.
pub(super) fn cycles(index: &Index, out: &mut Vec<Diagnostic>) {
    let mut graph: DiGraph<ElementId, ()> = DiGraph::new();
    let mut nodes = HashMap::new();
    let mut node = |graph: &mut DiGraph<ElementId, ()>, id: ElementId| *nodes.entry(id).or_insert_with(|| graph.add_node(id));
    let mut children: Vec<&ElementId> = index.parents.keys().collect();
    children.sort();
    for child in children {
        let from = node(&mut graph, *child);
        for parent in &index.parents[child] {
            let to = node(&mut graph, *parent);
            graph.add_edge(from, to, ());
        }
    }
    for component in kosaraju_scc(&graph) {
        if component.len() < 2 {
            continue;
        }
        let mut members: Vec<ElementId> = component.iter().map(|n| graph[*n]).collect();
        members.sort_by(|a, b| index.name(*a).cmp(index.name(*b)).then(a.cmp(b)));
        let message = format!("{} roll up to each other in a loop", index.names(&members));
        out.push(Diagnostic::new(RuleId::HierarchyCycle, Severity::Error, message).with_elements(members));
    }
}

pub(super) fn multiple_parents(index: &Index, out: &mut Vec<Diagnostic>) {
    for element in index.doc.elements() {
        let Some(parents) = index.parents.get(&element.id) else { continue };
        if parents.len() < 2 {
            continue;
        }
        // An error where the map is a pyramid (one hierarchy), a warning elsewhere.
        let natural = if index.on_pyramid.contains(&element.id) { Severity::Error } else { Severity::Warning };
        let mut involved = vec![element.id];
        involved.extend(parents);
        let message = format!("{} rolls up to {} parents: {}", element.name, parents.len(), index.names(parents));
        out.push(Diagnostic::new(RuleId::MultipleParents, natural, message).with_elements(involved));
    }
}

/// On each pyramid map, the placed elements must have exactly one top: one
/// element whose parent is not on the map.
pub(super) fn pyramid_apex(index: &Index, out: &mut Vec<Diagnostic>) {
    for map in index.doc.maps().into_iter().filter(|m| m.model == GroupingModel::Pyramid) {
        let placed: HashSet<ElementId> = index
            .doc
            .placements_of(map.id)
            .map(|p| p.element)
            .filter(|e| index.doc.element(*e).is_some_and(|el| el.kind != ElementKind::Person))
            .collect();
        if placed.is_empty() {
            continue;
        }
        let mut apexes: Vec<ElementId> = placed
            .iter()
            .filter(|e| !index.parents.get(e).is_some_and(|ps| ps.iter().any(|p| placed.contains(p))))
            .copied()
            .collect();
        apexes.sort_by(|a, b| index.name(*a).cmp(index.name(*b)).then(a.cmp(b)));
        let message = match apexes.len() {
            1 => continue,
            0 => format!("The pyramid '{}' has no apex: its hierarchy loops", map.name),
            n => format!("The pyramid '{}' has {n} apexes: {}", map.name, index.names(&apexes)),
        };
        out.push(Diagnostic::new(RuleId::PyramidApex, Severity::Error, message).with_elements(apexes).on_map(map.id));
    }
}
