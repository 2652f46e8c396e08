use proptest::prelude::*;

use super::*;

fn boxed(x: f64, y: f64) -> Rect {
    Rect::new(x, y, 180.0, 88.0)
}

/// True when the axis-parallel segment a–b touches the closed rectangle r.
fn touches(a: Point, b: Point, r: &Rect) -> bool {
    a.x.min(b.x) <= r.x + r.width
        && a.x.max(b.x) >= r.x
        && a.y.min(b.y) <= r.y + r.height
        && a.y.max(b.y) >= r.y
}

fn on_side(p: Point, r: &Rect, side: Side) -> bool {
    let within_x = p.x >= r.x - 1e-9 && p.x <= r.x + r.width + 1e-9;
    let within_y = p.y >= r.y - 1e-9 && p.y <= r.y + r.height + 1e-9;
    match side {
        Side::Top => within_x && (p.y - r.y).abs() < 1e-9,
        Side::Bottom => within_x && (p.y - r.y - r.height).abs() < 1e-9,
        Side::Left => within_y && (p.x - r.x).abs() < 1e-9,
        Side::Right => within_y && (p.x - r.x - r.width).abs() < 1e-9,
    }
}

/// The promises every route keeps: its ends on the named sides of its boxes,
/// horizontal and vertical segments only, and no segment touching a box or
/// keep-out area that is not one of its ends.
fn check(boxes: &[Rect], keep_out: &[Rect], links: &[Link], routes: &[Route]) {
    assert_eq!(routes.len(), links.len());
    for (link, route) in links.iter().zip(routes) {
        if link.source == link.target {
            assert!(route.points.is_empty());
            continue;
        }
        assert!(
            route.routed,
            "{link:?} found no way: {boxes:?} {keep_out:?}"
        );
        let p = &route.points;
        assert!(p.len() >= 2);
        assert!(
            on_side(p[0], &boxes[link.source], route.start_side),
            "{link:?} starts off its side: {p:?}"
        );
        assert!(
            on_side(p[p.len() - 1], &boxes[link.target], route.end_side),
            "{link:?} ends off its side: {p:?}"
        );
        for w in p.windows(2) {
            assert!(
                w[0].x == w[1].x || w[0].y == w[1].y,
                "a slanted segment {w:?}"
            );
            for (index, r) in boxes.iter().enumerate() {
                if index != link.source && index != link.target {
                    assert!(
                        !touches(w[0], w[1], r),
                        "{link:?} passes through box {index} {r:?}: {p:?}"
                    );
                }
            }
            for r in keep_out {
                assert!(
                    !touches(w[0], w[1], r),
                    "{link:?} crosses a title bar {r:?}: {p:?}"
                );
            }
        }
    }
}

#[test]
fn a_line_goes_round_the_box_between_its_ends() {
    let boxes = [boxed(0.0, 0.0), boxed(300.0, 0.0), boxed(600.0, 0.0)];
    let links = [Link {
        source: 0,
        target: 2,
    }];
    let routes = route(&boxes, &[], &links);
    check(&boxes, &[], &links, &routes);
    assert!(
        routes[0].points.len() >= 4,
        "it has to bend round the middle box"
    );
}

#[test]
fn facing_boxes_are_joined_straight() {
    let boxes = [boxed(0.0, 0.0), boxed(300.0, 0.0)];
    let links = [Link {
        source: 0,
        target: 1,
    }];
    let routes = route(&boxes, &[], &links);
    assert_eq!(
        routes[0].points,
        [Point { x: 180.0, y: 44.0 }, Point { x: 300.0, y: 44.0 }]
    );
    assert_eq!(
        (routes[0].start_side, routes[0].end_side),
        (Side::Right, Side::Left)
    );
}

#[test]
fn parallel_relations_between_one_pair_are_drawn_apart() {
    let boxes = [boxed(0.0, 0.0), boxed(300.0, 0.0)];
    let links = [
        Link {
            source: 0,
            target: 1,
        },
        Link {
            source: 0,
            target: 1,
        },
    ];
    let routes = route(&boxes, &[], &links);
    check(&boxes, &[], &links, &routes);
    assert_ne!(routes[0].points[0], routes[1].points[0], "separate ports");
    assert_ne!(routes[0].points.last(), routes[1].points.last());
}

#[test]
fn ports_on_one_side_are_spread_and_their_lines_do_not_cross() {
    // One box on the left, three stacked on the right: three ports on its right side.
    let boxes = [
        boxed(0.0, 112.0),
        boxed(400.0, 0.0),
        boxed(400.0, 112.0),
        boxed(400.0, 224.0),
    ];
    let links: Vec<Link> = (1..4)
        .map(|t| Link {
            source: 0,
            target: t,
        })
        .collect();
    let routes = route(&boxes, &[], &links);
    check(&boxes, &[], &links, &routes);
    let starts: Vec<f64> = routes.iter().map(|r| r.points[0].y).collect();
    assert!(
        starts[0] < starts[1] && starts[1] < starts[2],
        "ports in the order of their targets: {starts:?}"
    );
}

#[test]
fn a_line_does_not_cross_a_title_bar() {
    let boxes = [boxed(0.0, 0.0), boxed(0.0, 300.0)];
    let bar = Rect::new(-100.0, 180.0, 400.0, 28.0);
    let links = [Link {
        source: 0,
        target: 1,
    }];
    let routes = route(&boxes, &[bar], &links);
    check(&boxes, &[bar], &links, &routes);
}

#[test]
fn walled_in_boxes_fall_back_to_an_unrouted_line() {
    // The first box has neighbours 5 units away on every side: no room for a line to leave it.
    let boxes = [
        boxed(0.0, 0.0),
        boxed(0.0, -93.0),
        boxed(0.0, 93.0),
        boxed(-185.0, 0.0),
        boxed(185.0, 0.0),
        boxed(600.0, 0.0),
    ];
    let links = [Link {
        source: 0,
        target: 5,
    }];
    let routes = route(&boxes, &[], &links);
    assert!(!routes[0].routed);
    assert!(routes[0].points.len() >= 2);
}

/// Boxes on a jittered grid, never closer than the layout's gap, with some
/// title bars between them, and random links.
fn random_map() -> impl Strategy<Value = (Vec<Rect>, Vec<Rect>, Vec<Link>)> {
    (2usize..7, 1usize..6).prop_flat_map(|(columns, rows)| {
        let cells = columns * rows;
        (
            proptest::collection::vec(
                (
                    0.0f64..60.0,
                    0.0f64..40.0,
                    60.0f64..200.0,
                    40.0f64..100.0,
                    any::<bool>(),
                ),
                cells,
            ),
            proptest::collection::vec((0..cells, 0..cells), 0..cells * 2),
            Just(columns),
        )
            .prop_map(|(shapes, pairs, columns)| {
                let mut boxes = Vec::new();
                let mut bars = Vec::new();
                // Each cell is 300 × 200; a box or bar keeps 24 inside it.
                for (cell, (dx, dy, w, h, bar)) in shapes.into_iter().enumerate() {
                    let (x, y) = (
                        (cell % columns) as f64 * 300.0 + 12.0 + dx,
                        (cell / columns) as f64 * 200.0 + 12.0 + dy,
                    );
                    if bar {
                        bars.push(Rect::new(x, y, w, 20.0));
                    }
                    let top = if bar { y + 44.0 } else { y };
                    boxes.push(Rect::new(
                        x,
                        top,
                        w.min(276.0 - dx),
                        h.min(176.0 - (top - y) - dy),
                    ));
                }
                let links = pairs
                    .into_iter()
                    .map(|(source, target)| Link { source, target })
                    .collect();
                (boxes, bars, links)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_line_passes_through_a_box_that_is_not_one_of_its_ends((boxes, bars, links) in random_map()) {
        let routes = route(&boxes, &bars, &links);
        check(&boxes, &bars, &links, &routes);
        prop_assert_eq!(route(&boxes, &bars, &links), routes, "the same map gives the same routes");
    }
}
