use super::*;
use crate::authoring::{Link, add_linked};
use crate::edit::Edit;
use crate::layout::{Arrangement, GroupSpec, arrange};
use crate::records::{Map, Placement, Relation};
use crate::vocabulary::{ElementKind, GroupingModel};

fn map_of(model: GroupingModel, groups: &[(&str, GroupKind)]) -> (Document, MapId) {
    let mut doc = Document::new();
    let map = Map {
        id: MapId::new(),
        name: "M".into(),
        model,
        position: 0,
    };
    let id = map.id;
    let mut edits = vec![Edit::PutMap(map)];
    let specs: Vec<GroupSpec> = groups
        .iter()
        .map(|(name, kind)| GroupSpec::new(*name, *kind, Vec::new()))
        .collect();
    edits.extend(arrange(id, Arrangement::for_model(model), &specs, &[]));
    doc.apply_all(&edits).expect("an empty map");
    (doc, id)
}

fn pyramid() -> (Document, MapId) {
    let tiers =
        ["Service area", "Products", "Services", "Applications"].map(|t| (t, GroupKind::Tier));
    map_of(GroupingModel::Pyramid, &tiers)
}

fn add(doc: &mut Document, map: MapId, link: Link, name: &str) -> ElementId {
    let (id, edits) = add_linked(doc, map, link, name).expect("planned");
    doc.apply_all(&edits).expect("applies");
    id
}

fn apply(doc: &mut Document, edits: &[Edit]) -> Vec<Edit> {
    doc.apply_all(edits).expect("the plan applies")
}

/// The outline as "  name" lines, two spaces a level.
fn shown(doc: &Document, map: MapId) -> Vec<String> {
    map_outline(doc, map)
        .into_iter()
        .map(|e| {
            let name = match e.node {
                Node::Element(id) => doc.element(id).map(|x| x.name.clone()).unwrap_or_default(),
                Node::Group(id) => format!(
                    "[{}]",
                    doc.group(id).map(|g| g.name.clone()).unwrap_or_default()
                ),
            };
            format!("{}{}", "  ".repeat(e.depth), name)
        })
        .collect()
}

fn kind(doc: &Document, id: ElementId) -> ElementKind {
    doc.element(id).expect("element").kind
}

fn tier(doc: &Document, map: MapId, id: ElementId) -> String {
    let group = doc
        .placement(map, id)
        .and_then(|p| p.group)
        .expect("in a tier");
    doc.group(group).expect("group").name.clone()
}

/// Applying the plan's inverses (already in undo order) as one list, as the
/// store's undo does.
fn undo(doc: &mut Document, inverses: Vec<Edit>) {
    doc.apply_all(&inverses).expect("the inverses apply");
}

fn no_overlaps(doc: &Document, map: MapId) {
    let tree = Tree::build(doc, map);
    let boxes: Vec<Rect> = doc
        .placements_of(map)
        .map(|p| tree.rects[&Node::Element(p.element)])
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = a.x + a.width <= b.x
                || b.x + b.width <= a.x
                || a.y + a.height <= b.y
                || b.y + b.height <= a.y;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn a_pyramid_reads_as_its_roll_up_tree_without_its_tiers() {
    let (mut doc, map) = pyramid();
    let hr = add(&mut doc, map, Link::First, "HR");
    let payroll = add(&mut doc, map, Link::Child(hr), "Payroll");
    add(&mut doc, map, Link::Sibling(payroll), "Hiring");
    add(&mut doc, map, Link::Child(payroll), "Pay runs");
    assert_eq!(
        shown(&doc, map),
        ["HR", "  Payroll", "    Pay runs", "  Hiring"]
    );
    let entries = map_outline(&doc, map);
    assert_eq!(entries[0].children, 2);
    assert_eq!(entries[1].parent, Some(Node::Element(hr)));
}

#[test]
fn groups_that_stand_for_something_hold_their_elements_and_hierarchy_inside_stays() {
    let (mut doc, map) = map_of(
        GroupingModel::Market,
        &[
            ("Retail", GroupKind::SegmentLane),
            ("Business", GroupKind::SegmentLane),
        ],
    );
    let lanes: Vec<GroupId> = doc.groups_of(map).iter().map(|g| g.id).collect();
    let (app, edits) =
        add_after(&doc, map, Some(Node::Group(lanes[0])), "Banking app").expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(
        kind(&doc, app),
        ElementKind::Product,
        "a lane holds products"
    );
    let card = add(&mut doc, map, Link::Child(app), "Card controls");
    let (loan, edits) =
        add_after(&doc, map, Some(Node::Group(lanes[1])), "Loans").expect("planned");
    apply(&mut doc, &edits);
    // A roll-up across lanes does not pull an element out of its lane.
    apply(
        &mut doc,
        &[Edit::PutRelation(Relation::new(
            RelationKind::RollsUpTo,
            loan,
            app,
        ))],
    );
    assert_eq!(
        shown(&doc, map),
        [
            "[Retail]",
            "  Banking app",
            "    Card controls",
            "[Business]",
            "  Loans"
        ]
    );
    assert_eq!(
        resolve(&doc, map, &card.to_string()),
        Some(Node::Element(card))
    );
    assert_eq!(
        resolve(&doc, map, &lanes[1].to_string()),
        Some(Node::Group(lanes[1]))
    );
    assert_eq!(resolve(&doc, map, "nonsense"), None);
}

#[test]
fn a_loop_of_roll_ups_still_shows_every_element_once() {
    let (mut doc, map) = map_of(GroupingModel::Freeform, &[]);
    let a = add(&mut doc, map, Link::First, "A");
    let b = add(&mut doc, map, Link::Child(a), "B");
    apply(
        &mut doc,
        &[Edit::PutRelation(Relation::new(
            RelationKind::RollsUpTo,
            a,
            b,
        ))],
    );
    let lines = shown(&doc, map);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines.contains(&"A".to_owned()) || lines.contains(&"B".to_owned()),
        "{lines:?}"
    );
}

#[test]
fn siblings_read_in_rows_then_left_to_right() {
    let (mut doc, map) = map_of(GroupingModel::Freeform, &[]);
    let ids: Vec<ElementId> = ["c", "a", "b"]
        .iter()
        .map(|n| add(&mut doc, map, Link::First, n))
        .collect();
    let at = |x: f64, y: f64| Rect::new(x, y, 180.0, 88.0);
    apply(
        &mut doc,
        &[
            Edit::PutPlacement(Placement {
                map,
                element: ids[0],
                group: None,
                rect: at(0.0, 300.0),
            }),
            Edit::PutPlacement(Placement {
                map,
                element: ids[1],
                group: None,
                rect: at(400.0, 10.0),
            }),
            // 30 lower than "a" but still its row: it reads after "a" because it is right of it.
            Edit::PutPlacement(Placement {
                map,
                element: ids[2],
                group: None,
                rect: at(600.0, 40.0),
            }),
        ],
    );
    assert_eq!(shown(&doc, map), ["a", "b", "c"]);
}

#[test]
fn indent_makes_the_next_kind_down_in_the_tier_below_and_one_undo_restores_it() {
    let (mut doc, map) = pyramid();
    let hr = add(&mut doc, map, Link::First, "HR");
    let payroll = add(&mut doc, map, Link::Child(hr), "Payroll");
    let hiring = add(&mut doc, map, Link::Sibling(payroll), "Hiring");
    let interviews = add(&mut doc, map, Link::Child(hiring), "Interviews");
    let before = doc.clone();

    let edits = indent(&doc, map, Node::Element(hiring)).expect("planned");
    let inverses = apply(&mut doc, &edits);
    assert_eq!(
        shown(&doc, map),
        ["HR", "  Payroll", "    Hiring", "      Interviews"]
    );
    assert_eq!(
        kind(&doc, hiring),
        ElementKind::Service,
        "under a product: a service"
    );
    assert_eq!(tier(&doc, map, hiring), "Services");
    assert_eq!(
        kind(&doc, interviews),
        ElementKind::Application,
        "what hung below it follows one level down"
    );
    assert_eq!(tier(&doc, map, interviews), "Applications");
    let parents: Vec<ElementId> = doc
        .relations()
        .filter(|r| r.source == hiring)
        .map(|r| r.target)
        .collect();
    assert_eq!(
        parents,
        [payroll],
        "the roll-up to HR went, one to Payroll came"
    );
    no_overlaps(&doc, map);

    undo(&mut doc, inverses);
    assert_eq!(doc, before);
    assert!(
        indent(&doc, map, Node::Element(payroll))
            .expect("planned")
            .is_empty(),
        "nothing above: nothing to do"
    );
}

#[test]
fn outdent_makes_a_sibling_of_the_parent_after_it_with_the_parents_kind() {
    let (mut doc, map) = pyramid();
    let hr = add(&mut doc, map, Link::First, "HR");
    let payroll = add(&mut doc, map, Link::Child(hr), "Payroll");
    let runs = add(&mut doc, map, Link::Child(payroll), "Pay runs");
    let engine = add(&mut doc, map, Link::Child(runs), "Pay engine");
    let before = doc.clone();

    let edits = outdent(&doc, map, Node::Element(runs)).expect("planned");
    let inverses = apply(&mut doc, &edits);
    assert_eq!(
        shown(&doc, map),
        ["HR", "  Payroll", "  Pay runs", "    Pay engine"]
    );
    assert_eq!(kind(&doc, runs), ElementKind::Product);
    assert_eq!(tier(&doc, map, runs), "Products");
    assert_eq!(kind(&doc, engine), ElementKind::Service);
    assert_eq!(tier(&doc, map, engine), "Services");
    no_overlaps(&doc, map);
    undo(&mut doc, inverses);
    assert_eq!(doc, before);
    assert!(
        outdent(&doc, map, Node::Element(hr))
            .expect("planned")
            .is_empty(),
        "at the top already"
    );
}

#[test]
fn outdent_from_a_group_leaves_it_and_indent_under_a_group_goes_in() {
    let (mut doc, map) = map_of(GroupingModel::Service, &[("Support", GroupKind::Family)]);
    let family = doc.groups_of(map)[0].id;
    let (desk, edits) =
        add_after(&doc, map, Some(Node::Group(family)), "Service desk").expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(
        kind(&doc, desk),
        ElementKind::Service,
        "a family holds services"
    );
    let edits = outdent(&doc, map, Node::Element(desk)).expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(shown(&doc, map), ["[Support]", "Service desk"]);
    assert_eq!(doc.placement(map, desk).and_then(|p| p.group), None);
    let edits = indent(&doc, map, Node::Element(desk)).expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(shown(&doc, map), ["[Support]", "  Service desk"]);
    assert_eq!(doc.placement(map, desk).and_then(|p| p.group), Some(family));
    assert!(
        matches!(
            indent(&doc, map, Node::Group(family)),
            Err(OutlineError::Refused(_))
        ),
        "groups stay"
    );
}

#[test]
fn reorder_swaps_places_on_the_map_so_the_outline_order_follows() {
    let (mut doc, map) = pyramid();
    let hr = add(&mut doc, map, Link::First, "HR");
    let a = add(&mut doc, map, Link::Child(hr), "A");
    let b = add(&mut doc, map, Link::Sibling(a), "B");
    let c = add(&mut doc, map, Link::Sibling(b), "C");
    let before = doc.clone();
    let edits = reorder(&doc, map, Node::Element(c), Direction::Up).expect("planned");
    let inverses = apply(&mut doc, &edits);
    assert_eq!(shown(&doc, map), ["HR", "  A", "  C", "  B"]);
    assert_eq!(tier(&doc, map, c), "Products");
    no_overlaps(&doc, map);
    undo(&mut doc, inverses);
    assert_eq!(doc, before);
    assert!(
        reorder(&doc, map, Node::Element(a), Direction::Up)
            .expect("planned")
            .is_empty(),
        "first already"
    );
    let edits = reorder(&doc, map, Node::Element(a), Direction::Down).expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(shown(&doc, map), ["HR", "  B", "  A", "  C"]);
}

#[test]
fn reorder_moves_stacked_lanes_within_the_height_they_cover() {
    let (mut doc, map) = map_of(
        GroupingModel::Market,
        &[
            ("Retail", GroupKind::SegmentLane),
            ("Business", GroupKind::SegmentLane),
        ],
    );
    let lanes: Vec<GroupId> = doc.groups_of(map).iter().map(|g| g.id).collect();
    let edits = reorder(&doc, map, Node::Group(lanes[1]), Direction::Up).expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(shown(&doc, map), ["[Business]", "[Retail]"]);
    let rect = |g: GroupId| doc.group(g).expect("lane").rect;
    let (top, bottom) = (rect(lanes[1]), rect(lanes[0]));
    assert!(
        top.y + top.height <= bottom.y,
        "lanes still do not overlap: {top:?} {bottom:?}"
    );
}

#[test]
fn an_indented_list_is_read_by_its_indentation_bullets_and_numbers() {
    let text = "Payments\n\t- Cards\n\t\t* Card issuing\n\t- Wallets\n\n  \nLending\n    1. Mortgages\n        2) Valuations\n  Loans";
    let lines: Vec<(usize, String)> = parse_indented(text)
        .expect("parsed")
        .into_iter()
        .map(|l| (l.depth, l.name))
        .collect();
    let expected = [
        (0, "Payments"),
        (1, "Cards"),
        (2, "Card issuing"),
        (1, "Wallets"),
        (0, "Lending"),
        (1, "Mortgages"),
        (2, "Valuations"),
        (1, "Loans"),
    ];
    assert_eq!(lines, expected.map(|(d, n)| (d, n.to_owned())));
    let two_spaces: Vec<usize> = parse_indented("a\n  b\n    c\n  d\ne")
        .expect("parsed")
        .iter()
        .map(|l| l.depth)
        .collect();
    assert_eq!(two_spaces, [0, 1, 2, 1, 0]);
    let names: Vec<String> = parse_indented("-x\n3.5 tonnes\n• Ürün\u{7}")
        .expect("parsed")
        .into_iter()
        .map(|l| l.name)
        .collect();
    assert_eq!(names, ["-x", "3.5 tonnes", "Ürün"]);
    assert!(
        matches!(parse_indented(" \n\t\n- \n"), Err(OutlineError::Refused(m)) if m.contains("nothing to paste"))
    );
    let long = "x\n".repeat(MAX_PASTE_LINES + 3);
    assert!(
        matches!(parse_indented(&long), Err(OutlineError::Refused(m)) if m.contains(&format!("{}", MAX_PASTE_LINES + 3)))
    );
}

#[test]
fn a_paste_builds_the_hierarchy_after_the_item_as_one_plan_and_its_undo_restores_the_document() {
    let (mut doc, map) = pyramid();
    let hr = add(&mut doc, map, Link::First, "HR");
    let payroll = add(&mut doc, map, Link::Child(hr), "Payroll");
    let before = doc.clone();
    let (created, edits) = paste(
        &doc,
        map,
        Some(Node::Element(payroll)),
        "Hiring\n  Job board\n    Workday\n  Interviews\nLearning",
    )
    .expect("planned");
    assert_eq!(created.len(), 5);
    let inverses = apply(&mut doc, &edits);
    assert_eq!(
        shown(&doc, map),
        [
            "HR",
            "  Payroll",
            "  Hiring",
            "    Job board",
            "      Workday",
            "    Interviews",
            "  Learning"
        ]
    );
    assert_eq!(kind(&doc, created[0]), ElementKind::Product);
    assert_eq!(kind(&doc, created[1]), ElementKind::Service);
    assert_eq!(kind(&doc, created[2]), ElementKind::Application);
    assert_eq!(tier(&doc, map, created[2]), "Applications");
    no_overlaps(&doc, map);
    undo(&mut doc, inverses);
    assert_eq!(
        doc, before,
        "one list of inverses takes the whole paste back"
    );
}

#[test]
fn a_paste_on_an_empty_map_starts_at_its_top() {
    let (doc, map) = pyramid();
    let (created, edits) = paste(&doc, map, None, "- Finance\n  - Ledger").expect("planned");
    let mut doc = doc;
    apply(&mut doc, &edits);
    assert_eq!(shown(&doc, map), ["Finance", "  Ledger"]);
    assert_eq!(kind(&doc, created[0]), ElementKind::ServiceArea);
    assert_eq!(tier(&doc, map, created[1]), "Products");
    let unknown = paste(&doc, map, Some(Node::Element(ElementId::new())), "x");
    assert!(unknown.is_err(), "an element not on the map is refused");
}

#[test]
fn a_line_added_or_pasted_between_two_siblings_reads_between_them() {
    let (mut doc, map) = pyramid();
    let hr = add(&mut doc, map, Link::First, "HR");
    let a = add(&mut doc, map, Link::Child(hr), "A");
    add(&mut doc, map, Link::Sibling(a), "B");
    let (_, edits) = add_after(&doc, map, Some(Node::Element(a)), "After A").expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(shown(&doc, map), ["HR", "  A", "  After A", "  B"]);
    let (_, edits) = paste(&doc, map, Some(Node::Element(a)), "P\nQ").expect("planned");
    apply(&mut doc, &edits);
    assert_eq!(
        shown(&doc, map),
        ["HR", "  A", "  P", "  Q", "  After A", "  B"]
    );
    no_overlaps(&doc, map);
}
