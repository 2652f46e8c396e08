//! Lookups every rule needs, built once per validation run. Elements are
//! numbered once (one hash each); after that every rule works on vectors
//! indexed by number, which keeps a 100,000-element document well under the
//! budget of BENCHMARKS.md.

use super::id_hash::IdMap;
use crate::document::Document;
use crate::ids::ElementId;
use crate::records::{Element, OwnedTarget};
use crate::vocabulary::{ElementKind, GroupingModel, RelationKind};

pub(super) type Num = u32;

pub(super) struct Index<'a> {
    pub doc: &'a Document,
    /// Every element, by number (in the document's order).
    pub elements: Vec<&'a Element>,
    pub number: IdMap<ElementId, Num>,
    /// rolls_up_to as compressed adjacency: the parents of element `n` are
    /// `parent_list[parent_start[n]..parent_start[n + 1]]` (duplicates possible).
    parent_start: Vec<u32>,
    parent_list: Vec<Num>,
    /// The highest tier (smallest number) among each element's accountable owners, with that owner.
    pub owner_tier: Vec<Option<(u8, Num)>>,
    /// Number of accountable ownerships on each element.
    pub accountable: Vec<u16>,
    pub has_kpi: Vec<bool>,
    /// Supported by a service, application, platform or infrastructure.
    pub supported: Vec<bool>,
    pub on_pyramid: Vec<bool>,
    /// delivered_by: product -> teams.
    pub teams_of: IdMap<Num, Vec<Num>>,
}

impl<'a> Index<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let elements: Vec<&Element> = doc.elements().collect();
        let n = elements.len();
        let mut number = IdMap::default();
        number.reserve(n);
        for (i, e) in elements.iter().enumerate() {
            number.insert(e.id, i as Num);
        }
        let num = |id: &ElementId| number.get(id).copied();

        let mut roll_ups: Vec<(Num, Num)> = Vec::new();
        let mut supported = vec![false; n];
        let mut teams_of: IdMap<Num, Vec<Num>> = IdMap::default();
        for relation in doc.relations() {
            let (Some(source), Some(target)) = (num(&relation.source), num(&relation.target)) else { continue };
            match relation.kind {
                RelationKind::RollsUpTo => roll_ups.push((source, target)),
                RelationKind::Supports => {
                    let kind = elements[source as usize].kind;
                    if kind == ElementKind::Service || kind.is_technical() {
                        supported[target as usize] = true;
                    }
                }
                RelationKind::DeliveredBy => teams_of.entry(source).or_default().push(target),
                _ => {}
            }
        }
        // Counting sort by child: parents of each child end up contiguous.
        let mut parent_start = vec![0u32; n + 1];
        for (child, _) in &roll_ups {
            parent_start[*child as usize + 1] += 1;
        }
        for i in 0..n {
            parent_start[i + 1] += parent_start[i];
        }
        let mut fill = parent_start.clone();
        let mut parent_list = vec![0; roll_ups.len()];
        for (child, parent) in roll_ups {
            parent_list[fill[child as usize] as usize] = parent;
            fill[child as usize] += 1;
        }

        let mut owner_tier: Vec<Option<(u8, Num)>> = vec![None; n];
        let mut accountable = vec![0u16; n];
        for ownership in doc.ownerships().filter(|o| o.accountable) {
            let (OwnedTarget::Element(target), Some(person)) = (ownership.target, num(&ownership.person)) else { continue };
            let Some(target) = num(&target) else { continue };
            let t = target as usize;
            accountable[t] = accountable[t].saturating_add(1);
            let candidate = (ownership.role.tier(), person);
            if owner_tier[t].is_none_or(|best| candidate < best) {
                owner_tier[t] = Some(candidate);
            }
        }
        let mut has_kpi = vec![false; n];
        for kpi in doc.kpis() {
            if let Some(e) = num(&kpi.element) {
                has_kpi[e as usize] = true;
            }
        }
        let mut on_pyramid = vec![false; n];
        for map in doc.maps().into_iter().filter(|m| m.model == GroupingModel::Pyramid) {
            for placement in doc.placements_of(map.id) {
                if let Some(e) = num(&placement.element) {
                    on_pyramid[e as usize] = true;
                }
            }
        }
        Index { doc, elements, number, parent_start, parent_list, owner_tier, accountable, has_kpi, supported, on_pyramid, teams_of }
    }

    pub fn len(&self) -> usize {
        self.elements.len()
    }

    /// The parents of element `n` (a relation repeated gives a repeated parent).
    pub fn parents(&self, n: Num) -> &[Num] {
        let (start, end) = (self.parent_start[n as usize], self.parent_start[n as usize + 1]);
        &self.parent_list[start as usize..end as usize]
    }

    /// Every (child, parent) roll-up.
    pub fn roll_ups(&self) -> impl Iterator<Item = (Num, Num)> + '_ {
        (0..self.len() as Num).flat_map(move |child| self.parents(child).iter().map(move |p| (child, *p)))
    }

    pub fn id(&self, n: Num) -> ElementId {
        self.elements[n as usize].id
    }

    pub fn name(&self, n: Num) -> &str {
        &self.elements[n as usize].name
    }

    pub fn ids(&self, numbers: &[Num]) -> Vec<ElementId> {
        numbers.iter().map(|n| self.id(*n)).collect()
    }

    /// "A, B and C", for messages.
    pub fn names(&self, numbers: &[Num]) -> String {
        let names: Vec<&str> = numbers.iter().map(|n| self.name(*n)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// Sorts element numbers by name, for messages that read the same every time.
    pub fn sort_by_name(&self, numbers: &mut [Num]) {
        numbers.sort_by(|a, b| self.name(*a).cmp(self.name(*b)).then(a.cmp(b)));
    }
}
