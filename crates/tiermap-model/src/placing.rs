//! Where a new box goes when the user names a place for it (a palette drop,
//! an element dragged in from the browser) or the keyboard implies one (a
//! child under its parent, a sibling beside it): the free spot nearest to
//! that place inside the group, never over another box and never sticking
//! out of the group, which grows to hold it. Pure and deterministic.

use crate::document::Document;
use crate::edit::Edit;
use crate::ids::{GroupId, MapId};
use crate::layout::{GAP, HEADER, NODE_HEIGHT, NODE_WIDTH, PADDING};
use crate::records::{Group, Rect};
use crate::vocabulary::GroupKind;

/// Where the inside of a group starts (relative to the group), or where the
/// open map's boxes start being readable.
pub fn inner_origin(group: Option<GroupId>) -> (f64, f64) {
    if group.is_some() {
        (PADDING, HEADER + PADDING / 2.0)
    } else {
        (0.0, 0.0)
    }
}

/// Two boxes closer than half a gap count as touching: a new box keeps the
/// breathing space the arrangement leaves.
pub(crate) fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.width + GAP / 2.0
        && b.x < a.x + a.width + GAP / 2.0
        && a.y < b.y + b.height + GAP / 2.0
        && b.y < a.y + a.height + GAP / 2.0
}

/// The boxes and groups that sit directly in `group` on `map`.
fn taken_in(doc: &Document, map: MapId, group: Option<GroupId>) -> Vec<Rect> {
    doc.placements_of(map)
        .filter(|p| p.group == group)
        .map(|p| p.rect)
        .chain(
            doc.groups_of(map)
                .into_iter()
                .filter(|g| g.parent == group)
                .map(|g| g.rect),
        )
        .collect()
}

/// How much a step across or down costs in a group: a band (a tier, a
/// segment lane) grows sideways rather than into the band below; a column
/// (a division) grows downwards rather than into its neighbour.
fn step_costs(doc: &Document, group: Option<GroupId>) -> (f64, f64) {
    match group.and_then(|g| doc.group(g)).map(|g| g.kind) {
        Some(GroupKind::Tier | GroupKind::SegmentLane) => (1.0, 4.0),
        Some(GroupKind::Division) => (4.0, 1.0),
        _ => (1.0, 1.0),
    }
}

/// The free spot for a box nearest to `wanted` (its top-left corner,
/// relative to `group`): searched ring by ring on a half-box grid around
/// the wanted place, kept inside the group's padding.
pub fn nearest_free_spot(
    doc: &Document,
    map: MapId,
    group: Option<GroupId>,
    wanted: (f64, f64),
) -> Rect {
    let taken = taken_in(doc, map, group);
    let (min_x, min_y) = inner_origin(group);
    let start = (wanted.0.max(min_x), wanted.1.max(min_y));
    let (cost_x, cost_y) = step_costs(doc, group);
    let (step_x, step_y) = ((NODE_WIDTH + GAP) / 2.0, (NODE_HEIGHT + GAP) / 2.0);
    let free = |rect: &Rect| {
        rect.x >= min_x && rect.y >= min_y && !taken.iter().any(|t| overlaps(rect, t))
    };
    // Each box blocks at most a 5 x 5 patch of the grid, so a free cell lies
    // within this many rings; the bound only guarantees the loop ends.
    let rings = 3 + 5 * taken.len() as i64;
    for ring in 0..=rings {
        let mut best: Option<(f64, i64, i64, Rect)> = None;
        for j in -ring..=ring {
            for i in -ring..=ring {
                if i.abs().max(j.abs()) != ring {
                    continue;
                }
                let rect = Rect::new(
                    start.0 + i as f64 * step_x,
                    start.1 + j as f64 * step_y,
                    NODE_WIDTH,
                    NODE_HEIGHT,
                );
                if !free(&rect) {
                    continue;
                }
                let cost =
                    (i as f64 * step_x * cost_x).powi(2) + (j as f64 * step_y * cost_y).powi(2);
                // Ties go to the higher, then the more left spot, so the answer never depends on the order tried.
                let better = match &best {
                    None => true,
                    Some((c, bj, bi, _)) => cost < *c || (cost == *c && (j, i) < (*bj, *bi)),
                };
                if better {
                    best = Some((cost, j, i, rect));
                }
            }
        }
        if let Some((_, _, _, rect)) = best {
            return rect;
        }
    }
    Rect::new(start.0, start.1, NODE_WIDTH, NODE_HEIGHT)
}

/// Grows `group` and the groups around it so that `rect` (relative to
/// `group`) fits inside with the usual padding. What sits beside a grown
/// group in the same container (the tiers below a taller tier, the
/// divisions right of a wider one) moves along by as much, so bands and
/// columns never come to overlap.
pub fn grow_to_fit(doc: &Document, group: Option<GroupId>, rect: Rect) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut current = group;
    let mut needed = rect;
    let mut steps = 0;
    while let Some(id) = current {
        let Some(g) = doc.group(id) else { break };
        let width = g.rect.width.max(needed.x + needed.width + PADDING);
        let height = g.rect.height.max(needed.y + needed.height + PADDING);
        if width == g.rect.width && height == g.rect.height {
            break;
        }
        let grown = Group {
            rect: Rect {
                width,
                height,
                ..g.rect
            },
            ..g.clone()
        };
        edits.extend(make_room(doc, g, &grown.rect));
        needed = grown.rect;
        current = g.parent;
        edits.push(Edit::PutGroup(grown));
        steps += 1;
        if steps > doc.groups().count() {
            break;
        }
    }
    edits
}

/// Moves what lies wholly below (or right of) `before` in its container
/// down (or right) by as much as the group grew to `after`, when it would
/// otherwise be covered. The container itself then grows with the loop above.
fn make_room(doc: &Document, before: &Group, after: &Rect) -> Vec<Edit> {
    let old = before.rect;
    let (down, right) = (after.height - old.height, after.width - old.width);
    let shift = |r: &Rect| -> Option<Rect> {
        let across = r.x < after.x + after.width && old.x < r.x + r.width;
        let along = r.y < after.y + after.height && old.y < r.y + r.height;
        let below = down > 0.0 && across && r.y >= old.y + old.height;
        let beside = right > 0.0 && along && r.x >= old.x + old.width;
        (below || beside).then_some(Rect {
            x: r.x + if beside { right } else { 0.0 },
            y: r.y + if below { down } else { 0.0 },
            ..*r
        })
    };
    let groups = doc
        .groups_of(before.map)
        .into_iter()
        .filter(|s| s.parent == before.parent && s.id != before.id)
        .filter_map(|s| shift(&s.rect).map(|rect| Edit::PutGroup(Group { rect, ..s.clone() })));
    let boxes = doc
        .placements_of(before.map)
        .filter(|p| p.group == before.parent)
        .filter_map(|p| {
            shift(&p.rect)
                .map(|rect| Edit::PutPlacement(crate::records::Placement { rect, ..p.clone() }))
        });
    groups.chain(boxes).collect::<Vec<_>>()
}

/// A box for a new or newly placed element as near to `wanted` as is free,
/// and the edits that grow its groups around it.
pub fn place_near(
    doc: &Document,
    map: MapId,
    group: Option<GroupId>,
    wanted: (f64, f64),
) -> (Rect, Vec<Edit>) {
    let rect = nearest_free_spot(doc, map, group, wanted);
    (rect, grow_to_fit(doc, group, rect))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ElementId;
    use crate::records::{Element, Map, Placement};
    use crate::vocabulary::{ElementKind, GroupingModel};

    fn map_with_tier() -> (Document, MapId, GroupId) {
        let mut doc = Document::new();
        let map = Map {
            id: MapId::new(),
            name: "M".into(),
            model: GroupingModel::Pyramid,
            position: 0,
        };
        let map_id = map.id;
        let tier = Group {
            id: GroupId::new(),
            map: map_id,
            parent: None,
            kind: GroupKind::Tier,
            name: "Products".into(),
            rect: Rect::new(0.0, 0.0, 1200.0, 170.0),
            collapsed: false,
        };
        let tier_id = tier.id;
        doc.apply_all(&[Edit::PutMap(map), Edit::PutGroup(tier)])
            .expect("map and tier");
        (doc, map_id, tier_id)
    }

    fn put(doc: &mut Document, map: MapId, group: Option<GroupId>, rect: Rect) -> ElementId {
        let element = Element::new(ElementKind::Product, "P");
        let id = element.id;
        doc.apply_all(&[
            Edit::PutElement(element),
            Edit::PutPlacement(Placement {
                map,
                element: id,
                group,
                rect,
            }),
        ])
        .expect("placed");
        id
    }

    #[test]
    fn a_free_place_is_kept_as_asked() {
        let (doc, map, tier) = map_with_tier();
        let rect = nearest_free_spot(&doc, map, Some(tier), (300.0, 52.0));
        assert_eq!((rect.x, rect.y), (300.0, 52.0));
    }

    #[test]
    fn a_drop_over_a_box_lands_next_to_it_not_on_it() {
        let (mut doc, map, tier) = map_with_tier();
        let there = Rect::new(300.0, 52.0, NODE_WIDTH, NODE_HEIGHT);
        put(&mut doc, map, Some(tier), there);
        let rect = nearest_free_spot(&doc, map, Some(tier), (310.0, 60.0));
        assert!(!overlaps(&rect, &there), "{rect:?} overlaps {there:?}");
        assert!(
            (rect.y - 60.0).abs() < 1.0,
            "in a tier it moves sideways, not into the band below: {rect:?}"
        );
        assert!(
            (rect.x - 310.0).abs() <= NODE_WIDTH + GAP,
            "right beside it, not at the end of the row: {rect:?}"
        );
    }

    #[test]
    fn a_drop_past_the_group_edge_lands_inside_and_the_group_grows() {
        let (doc, map, tier) = map_with_tier();
        let (rect, edits) = place_near(&doc, map, Some(tier), (-80.0, -30.0));
        assert!(
            rect.x >= PADDING && rect.y >= HEADER,
            "inside the padding and below the title: {rect:?}"
        );
        assert!(edits.is_empty(), "it fits: no growing needed");
        let (far, grown) = place_near(&doc, map, Some(tier), (1150.0, 52.0));
        let Some(Edit::PutGroup(g)) = grown.first() else {
            panic!("the tier grows to hold {far:?}")
        };
        assert!(g.rect.width >= far.x + far.width + PADDING);
    }

    #[test]
    fn a_tier_that_grows_taller_moves_the_tiers_below_it_down() {
        let (mut doc, map, tier) = map_with_tier();
        let below = Group {
            id: GroupId::new(),
            map,
            parent: None,
            kind: GroupKind::Tier,
            name: "Services".into(),
            rect: Rect::new(0.0, 184.0, 1200.0, 160.0),
            collapsed: false,
        };
        let below_id = below.id;
        doc.apply_all(&[Edit::PutGroup(below)])
            .expect("second tier");
        let (rect, edits) = place_near(&doc, map, Some(tier), (PADDING, 160.0));
        doc.apply_all(&edits).expect("grown");
        let top = doc.group(tier).expect("tier").rect;
        let next = doc.group(below_id).expect("tier below").rect;
        assert!(top.height >= rect.y + rect.height + PADDING);
        assert!(
            next.y >= top.y + top.height,
            "the tier below starts after the grown one: {top:?} {next:?}"
        );
        assert_eq!(
            next.y - 184.0,
            top.height - 170.0,
            "moved by exactly as much as it grew"
        );
    }

    #[test]
    fn a_long_row_still_gives_a_spot_near_the_wanted_place() {
        let (mut doc, map, tier) = map_with_tier();
        for i in 0..40 {
            put(
                &mut doc,
                map,
                Some(tier),
                Rect::new(
                    PADDING + i as f64 * (NODE_WIDTH + GAP),
                    52.0,
                    NODE_WIDTH,
                    NODE_HEIGHT,
                ),
            );
        }
        let wanted = (PADDING + 5.0 * (NODE_WIDTH + GAP), 52.0);
        let rect = nearest_free_spot(&doc, map, Some(tier), wanted);
        assert!(
            (rect.x - wanted.0).abs() < 2.0 * (NODE_WIDTH + GAP),
            "below or above its place, not 40 boxes away: {rect:?}"
        );
        let again = nearest_free_spot(&doc, map, Some(tier), wanted);
        assert_eq!(
            (rect.x, rect.y),
            (again.x, again.y),
            "the same answer every time"
        );
    }
}
