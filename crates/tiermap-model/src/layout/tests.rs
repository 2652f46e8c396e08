//! Tests of the arrangement: shapes, order, determinism.

use super::*;

fn rects(edits: &[Edit]) -> Vec<Rect> {
    edits
        .iter()
        .filter_map(|e| match e {
            Edit::PutGroup(g) => Some(g.rect),
            Edit::PutPlacement(p) => Some(p.rect),
            _ => None,
        })
        .collect()
}

#[test]
fn pyramid_tiers_are_centred_and_stacked() {
    let map = MapId::new();
    let apex = GroupSpec::new("Apex", GroupKind::Tier, vec![ElementId::new()]);
    let base = GroupSpec::new(
        "Base",
        GroupKind::Tier,
        (0..3).map(|_| ElementId::new()).collect(),
    );
    let edits = arrange(map, Arrangement::Pyramid, &[apex, base], &[]);
    let groups: Vec<Rect> = edits
        .iter()
        .filter_map(|e| {
            if let Edit::PutGroup(g) = e {
                Some(g.rect)
            } else {
                None
            }
        })
        .collect();
    let (top, bottom) = (groups[0], groups[1]);
    assert!(top.width < bottom.width);
    assert!(
        (top.x + top.width / 2.0 - (bottom.x + bottom.width / 2.0)).abs() < 1e-9,
        "centred"
    );
    assert!(top.y + top.height <= bottom.y, "stacked without overlap");
}

#[test]
fn members_of_a_column_do_not_overlap_and_fit_their_group() {
    let map = MapId::new();
    let spec = GroupSpec::new(
        "Family",
        GroupKind::Family,
        (0..9).map(|_| ElementId::new()).collect(),
    );
    let edits = arrange(map, Arrangement::Columns, &[spec], &[]);
    let all = rects(&edits);
    let (group, members) = (all[0], &all[1..]);
    for (i, a) in members.iter().enumerate() {
        assert!(
            a.x >= 0.0
                && a.y >= 0.0
                && a.x + a.width <= group.width
                && a.y + a.height <= group.height
        );
        for b in &members[i + 1..] {
            let apart = a.x + a.width <= b.x
                || b.x + b.width <= a.x
                || a.y + a.height <= b.y
                || b.y + b.height <= a.y;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn a_group_is_wide_enough_for_its_name() {
    let map = MapId::new();
    let spec = GroupSpec::new(
        "Workflow and collaboration tools",
        GroupKind::PlatformGroup,
        vec![ElementId::new()],
    );
    let all = rects(&arrange(map, Arrangement::Columns, &[spec], &[]));
    let (group, member) = (all[0], all[1]);
    assert!(group.width >= 32.0 * HEADER_CHAR_WIDTH + HEADER_EXTRA);
    assert!(
        (member.x + member.width / 2.0 - group.width / 2.0).abs() < 1e-9,
        "member centred"
    );
}

#[test]
fn nested_groups_of_a_column_sit_side_by_side_below_the_members() {
    let map = MapId::new();
    let mut division = GroupSpec::new("Division", GroupKind::Division, vec![ElementId::new()]);
    division.children = vec![
        GroupSpec::new(
            "A",
            GroupKind::Division,
            vec![ElementId::new(), ElementId::new()],
        ),
        GroupSpec::new("B", GroupKind::Division, vec![ElementId::new()]),
    ];
    let edits = arrange(map, Arrangement::Columns, &[division], &[]);
    let groups: Vec<Rect> = edits
        .iter()
        .filter_map(|e| {
            if let Edit::PutGroup(g) = e {
                Some(g.rect)
            } else {
                None
            }
        })
        .collect();
    let (outer, a, b) = (groups[0], groups[1], groups[2]);
    assert_eq!(a.y, b.y, "side by side");
    assert!(a.x + a.width <= b.x, "no overlap");
    assert!(
        b.x + b.width <= outer.width && a.y + a.height <= outer.height,
        "inside the division"
    );
}

#[test]
fn same_structure_gives_same_rectangles() {
    let map = MapId::new();
    let members: Vec<ElementId> = (0..4).map(|_| ElementId::new()).collect();
    let spec = GroupSpec::new("Lane", GroupKind::SegmentLane, members);
    let a = rects(&arrange(
        map,
        Arrangement::Lanes,
        std::slice::from_ref(&spec),
        &[],
    ));
    let b = rects(&arrange(map, Arrangement::Lanes, &[spec], &[]));
    assert_eq!(a, b);
}

fn extent(edits: &[Edit]) -> (f64, f64) {
    let tops: Vec<Rect> = edits
        .iter()
        .filter_map(|e| match e {
            Edit::PutGroup(g) if g.parent.is_none() => Some(g.rect),
            Edit::PutPlacement(p) if p.group.is_none() => Some(p.rect),
            _ => None,
        })
        .collect();
    let right = tops.iter().map(|r| r.x + r.width).fold(0.0, f64::max);
    let bottom = tops.iter().map(|r| r.y + r.height).fold(0.0, f64::max);
    (right, bottom)
}

#[test]
fn a_large_pyramid_wraps_its_tiers_into_balanced_rows_near_the_target_shape() {
    let map = MapId::new();
    let sizes = [1, 30, 75, 190];
    let tiers: Vec<GroupSpec> = sizes
        .iter()
        .map(|n| {
            GroupSpec::new(
                "Tier",
                GroupKind::Tier,
                (0..*n).map(|_| ElementId::new()).collect(),
            )
        })
        .collect();
    let edits = arrange(map, Arrangement::Pyramid, &tiers, &[]);
    let (width, height) = extent(&edits);
    let aspect = width / height;
    assert!(
        (MIN_ASPECT..=MAX_ASPECT).contains(&aspect),
        "aspect {aspect}"
    );
    // Rows of one tier differ by at most one member.
    let base = tiers[3]
        .members
        .iter()
        .collect::<std::collections::HashSet<_>>();
    let mut per_row: std::collections::BTreeMap<i64, usize> = Default::default();
    for e in &edits {
        if let Edit::PutPlacement(p) = e
            && base.contains(&p.element)
        {
            *per_row.entry(p.rect.y as i64).or_default() += 1;
        }
    }
    let (most, least) = (
        per_row.values().max().unwrap(),
        per_row.values().min().unwrap(),
    );
    assert!(per_row.len() > 1 && most - least <= 1, "{per_row:?}");
}

#[test]
fn many_containers_stack_into_columns_near_the_target_shape() {
    let map = MapId::new();
    let families: Vec<GroupSpec> = (0..40)
        .map(|i| {
            GroupSpec::new(
                format!("Family {i}"),
                GroupKind::Family,
                (0..25).map(|_| ElementId::new()).collect(),
            )
        })
        .collect();
    let edits = arrange(
        map,
        Arrangement::Columns,
        &families,
        &(0..7).map(|_| ElementId::new()).collect::<Vec<_>>(),
    );
    let (width, height) = extent(&edits);
    assert!(
        (MIN_ASPECT..=MAX_ASPECT).contains(&(width / height)),
        "aspect {}",
        width / height
    );
    let groups: Vec<Rect> = edits
        .iter()
        .filter_map(|e| {
            if let Edit::PutGroup(g) = e {
                Some(g.rect)
            } else {
                None
            }
        })
        .collect();
    for (i, a) in groups.iter().enumerate() {
        for b in &groups[i + 1..] {
            let apart = a.x + a.width <= b.x
                || b.x + b.width <= a.x
                || a.y + a.height <= b.y
                || b.y + b.height <= a.y;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn a_small_map_keeps_its_natural_rows() {
    let map = MapId::new();
    let tier = GroupSpec::new(
        "Services",
        GroupKind::Tier,
        (0..3).map(|_| ElementId::new()).collect(),
    );
    let edits = arrange(map, Arrangement::Pyramid, &[tier], &[]);
    let ys: std::collections::BTreeSet<i64> = edits
        .iter()
        .filter_map(|e| {
            if let Edit::PutPlacement(p) = e {
                Some(p.rect.y as i64)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(ys.len(), 1, "three services in one row");
}

#[test]
fn arranging_with_relations_puts_children_under_their_parents() {
    let map = MapId::new();
    let parents: Vec<ElementId> = (0..2).map(|_| ElementId::new()).collect();
    let children: Vec<ElementId> = (0..2).map(|_| ElementId::new()).collect();
    let tiers = [
        GroupSpec::new("Products", GroupKind::Tier, parents.clone()),
        GroupSpec::new("Services", GroupKind::Tier, children.clone()),
    ];
    let links = [(children[0], parents[1]), (children[1], parents[0])];
    let edits = arrange_linked(map, Arrangement::Pyramid, &tiers, &[], &links);
    let x = |id: ElementId| {
        edits
            .iter()
            .find_map(|e| {
                if let Edit::PutPlacement(p) = e
                    && p.element == id
                {
                    Some(p.rect.x)
                } else {
                    None
                }
            })
            .unwrap()
    };
    assert!(
        x(children[1]) < x(children[0]),
        "the child of the left parent comes first"
    );
}
